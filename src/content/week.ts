/**
 * Which week a report is about, from the evidence that agrees: the file name, the front
 * matter `date` (or `period`), a date in the title, a dated top heading, a `Reporting Period:` /
 * `Period:` / `Week of` line near the top. Teams use `date` both ways (the publish date, or the
 * week's Monday), name files by publish date or by week, and sometimes mistype a year: when
 * the sources disagree, the week most of them name wins, with a warning. Only a file with no
 * date anywhere is an error.
 *
 * Periods. A report covers a week, a sprint or a month. When the evidence gives a range (or a
 * month, or an ISO week), a date of another source that falls inside it agrees with it and is
 * kept as the report's date (a file named by the last day of its week keeps its name); a date
 * up to two weeks after the period's end is its publish date and agrees too, but the report is
 * then dated by the period: its first day (a range starting on a Friday–Sunday counts from the
 * next Monday, the week most of its days fall in), or a month's last day. So a report published
 * the Monday after the week it covers does not land a week late, and a monthly report published
 * on the 1st is not dated in the week of the last one, published on the 30th.
 *
 * The team's whole sequence is read once more in build.ts (settleTeamWeeks): a front matter
 * copied from another week, and a team's consistent publish-date convention.
 */
import type { Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { VFile } from 'vfile';
import type { Update } from './model';
import type { NumberedReports } from './outline';
import { addDays, addMonths, calendar, datesIn, MONTH_NAME, MONTHS, daysBetween, mondayOf, teamDayOrder, weekday, type DateOptions, type DayOrder, type FoundDate, type Period } from './dates';

export { dateIn, datesIn, hasDate, mondayOf, teamDayOrder, type DayOrder, type Period } from './dates';

type Place = { line: number; column: number };

interface Evidence {
  source: string;
  /** The day written (a period's first day). */
  date: string;
  period?: Period;
  place: Place;
  /** Its year was guessed (`Mar 12th - 18th`): it agrees or keeps quiet, never outvotes a written date. */
  weak?: true;
}

export interface WeekSources {
  /** Front matter `date` as YAML or TOML gave it (a Date, a string, anything). */
  date?: unknown;
  datePlace?: Place;
  /** Front matter `period` (`2024-03-04 – 2024-03-10`), if any. */
  period?: unknown;
  periodPlace?: Place;
  title?: string;
  titlePlace?: Place;
  /** How the team writes numeric dates (build.ts decides it from all the team's file names). */
  order?: DayOrder;
  /** A date of the team's, for a date written without its year when the file gives none. */
  near?: string;
  /** The team's numbered reports (teams.yaml): a file dated nowhere is dated by its number. */
  numbered?: NumberedReports;
}

/** The date of report `n` of a team that numbers its reports (report 1 is `first`). */
export function numberedDate(numbered: NumberedReports, n: number): string {
  // Monthly: the same day of the month, or the month's last day (report 1 on Jan 31: report 2 on Feb 29).
  if (numbered.every === 'month') return addMonths(numbered.first, n - 1);
  return addDays(numbered.first, (n - 1) * (numbered.every === 'week' ? 7 : 14));
}

/** The number a file is named by (`Report 3.md`, `Report_1_.md`, `week_05.md`): its last one. */
function fileNumber(path: string): number | undefined {
  const numbers = (path.split('/').pop() ?? '').replace(/\.[^.]+$/, '').match(/\d+/g);
  const n = numbers ? Number(numbers.at(-1)) : NaN;
  return Number.isInteger(n) && n >= 0 && n < 10_000 ? n : undefined;
}

/** What a file's dating rested on, kept on `file.data.week` for the team-level pass (settleTeamWeeks). */
export interface WeekReading {
  /** The file name's date. */
  name?: string;
  /** The front matter `date`. */
  frontMatter?: string;
  date: string;
  /** Its sources disagreed (a `week-disagreement` warning): only such files are read again with their team. */
  disagreed?: true;
}

declare module 'vfile' {
  interface DataMap {
    week: WeekReading;
  }
}

/** The day a period is dated by: its first day, or the next Monday when it starts on a Friday–Sunday. */
export function periodDate(period: Period): string {
  const day = weekday(period.start);
  const long = daysBetween(period.start, period.end) >= 2;
  return long && day >= 4 && daysBetween(period.start, period.end) < 28 ? addDays(period.start, 7 - day) : period.start;
}

/** Days after a period's end in which a date is the report's publish date, not another week. */
const PUBLISHED_WITHIN = 14;

// A heading or line that says it is the date: `Date:`, `Meeting Date/Time:`, `Report date -`.
const DATE_KEY = /^[\s*_]*(?:(?:meeting|call|report|session|review|publication|published)\s+)?dates?(?:\s*\/\s*time)?[\s*_]*[:\-–—]/i;

// A line near the top that names the period the report covers.
export const PERIOD_LINE = /^[\s*_]*(?:reporting\s+(?:period|week|dates?)|report(?:ing)?\s+period|period(?:\s+covered)?|covering|(?:for\s+the\s+)?week\s+of|week(?:\s+\d{1,2})?|sprint(?:\s+\d+)?(?:\s+(?:dates?|period))?|dates?(?:\s+range)?|time\s*frame|timeline)\b[\s*_]*[:\-–—]?/i;

/**
 * The first line naming a period in a paragraph (`**Reporting Period:** …` may share one with
 * `**Project:**` and `**Mentor:**` lines), a list of such lines or a quote, near the top.
 */
function periodLineIn(node: RootContent, near: DateOptions): Evidence | undefined {
  const blocks: RootContent[] = [];
  const collect = (n: RootContent, depth: number): void => {
    if (n.type === 'paragraph') blocks.push(n);
    else if (depth < 3 && (n.type === 'list' || n.type === 'listItem' || n.type === 'blockquote')) for (const c of n.children) collect(c as RootContent, depth + 1);
  };
  collect(node, 0);
  const named: Evidence[] = [];
  for (const block of blocks.slice(0, 12)) {
    const lines = linesOf(block).split('\n');
    for (const [i, line] of lines.entries()) {
      // `Reporting period: …`, or a line that is only a date or a range (`(Sep 22 – Sep 29, 2025)`).
      const label = PERIOD_LINE.exec(line) ?? (onlyDate(line) ? [''] : undefined);
      if (!label) continue;
      const start = block.position?.start ?? { line: 1, column: 1 };
      const e = asEvidence('period line', found(line.slice(label[0].length), near), { line: start.line + i, column: i === 0 ? start.column : 1 });
      if (e) named.push(e);
      if (e && node.type !== 'list') return e;
    }
  }
  // A list of periods ("Sprint 1 (Aug 20 – Sep 2)", "Sprint 2 (Sep 3 – Sep 16)") is a schedule, not the report's own.
  return named.length === 1 ? named[0] : undefined;
}

// With a time in ISO 8601 (`2025-04-03T17:23:52Z`) or a zone (`17:00 UTC`).
const DATE_WORDS = new RegExp(`(?:\\b(?:${MONTH_NAME}|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*|to|through|thru|till|until|st|nd|rd|th|utc|gmt)|(?<=\\d)(?:st|nd|rd|th|z)|(?<=\\d)t(?=\\d))(?![a-z])`, 'gi');

/** A line that says nothing but a date or a range of dates, in brackets or not. */
export function onlyDate(line: string): boolean {
  return /\d/.test(line) && line.replace(DATE_WORDS, '').replace(/->|=>/g, '').replace(/[\d\s()[\]*_,.:/~→–—-]/g, '') === '';
}

/**
 * A line of a schedule that opens with a date after the report's period, then what happens
 * then (`November 15th: Code freeze`, `March 2026 – TGE`, `December: launch`): a plan, however
 * it is worded. `start` and `end` are the report's first and last day.
 */
export function scheduledAfter(text: string, start: string, end: string): boolean {
  const sep = /\s*(?::|\s[–—-])\s+\S/.exec(text.slice(0, 40));
  if (!sep) return false;
  const head = text.slice(0, sep.index).trim().replace(/^[*_]+|[*_]+$/g, '');
  const month = new RegExp(`^(${MONTH_NAME})\\.?$`, 'i').exec(head);
  let when: string | undefined;
  if (month) {
    // A month alone: its next coming after the report's start.
    const m = MONTHS.indexOf(month[1]!.slice(0, 3).toLowerCase()) + 1;
    const [y, sm] = start.split('-').map(Number) as [number, number];
    when = calendar(m < sm ? y + 1 : y, m, 1);
  } else if (onlyDate(head)) when = datesIn(head, { near: start })[0]?.date;
  return when !== undefined && when > end;
}

/** A block's text with its hard line breaks (`  ⏎`, `\\⏎`) as line ends: `toString` drops them; table cells apart by `between`. */
function linesOf(node: RootContent, between = ''): string {
  if (node.type === 'break') return '\n';
  if ('children' in node) return node.children.map((c) => linesOf(c as RootContent, between)).join(node.type === 'tableRow' || node.type === 'table' ? between : '');
  return toString(node);
}

/**
 * A report dated by nothing else (no file name, front matter or title date) that names two or
 * more days with their year, all within a month (a log's table of days: `| Monday | 2020/06/01
 * | … |`): the days from the first to the last are what it covers.
 */
function daysNamed(tree: Root, order: DateOptions): Period | undefined {
  const text = tree.children.filter((n) => n.type !== 'yaml' && n.type !== ('toml' as RootContent['type']) && n.type !== 'code').map((n) => linesOf(n, ' ')).join('\n');
  const days = datesIn(text, order).filter((f) => f.precision === 'day' && !f.guessedYear).map((f) => f.date).sort();
  if (days.length < 2 || daysBetween(days[0]!, days.at(-1)!) > 31) return undefined;
  return { start: days[0]!, end: days.at(-1)! };
}

/**
 * What a report's path says of its date: its file name, and the folders it is filed in below
 * `updates/` when the name alone gives no year (`2025/January.md` is January 2025,
 * `2024/03/11.md` the 11th of March, `2024/week-12.md` that ISO week).
 */
export function dateName(path: string): string {
  const below = /(?:^|\/)updates\/(.+)\.md$/i.exec(path)?.[1] ?? path.slice(path.lastIndexOf('/') + 1).replace(/\.md$/i, '');
  const folders = below.split('/');
  const stem = folders.pop()!;
  if (folders.length === 0) return stem;
  const dated = (text: string) => datesIn(text).some((d) => !d.guessedYear);
  if (dated(stem)) return stem;
  // A bare number under a year (`2025/11.md`) may be a month or a week: the name says neither.
  const named = (text: string) => datesIn(text).some((d) => !d.guessedYear && (d.precision !== 'month' || /[a-z]/i.test(stem)));
  return [[...folders, stem].join('-'), [stem, ...folders.reverse()].join(' ')].find(named) ?? stem;
}

/**
 * A name that reads as a month (`2024-05`) whose report calls itself week of the same number
 * ("Weeknotes 5", "Week 05"): the ISO week (`2024-W05`), not May.
 */
function weekNamed(name: string, title: string | undefined): string {
  const month = /^(\d{4})[-_.](\d{1,2})$/.exec(name.trim());
  const week = title !== undefined ? /\bweek(?:\s*notes|ly)?\s*(?:no\.?\s*|#\s*)?(\d{1,2})(?!\d)/i.exec(title) : null;
  return month && week && Number(month[2]) === Number(week[1]) ? `${month[1]}-W${month[2]!.padStart(2, '0')}` : name;
}

function found(text: string, options: DateOptions): FoundDate | undefined {
  return datesIn(text, options)[0];
}

function asEvidence(source: string, f: FoundDate | undefined, place: Place): Evidence | undefined {
  if (!f) return undefined;
  return { source, date: f.date, ...(f.period ? { period: f.period } : {}), place, ...(f.guessedYear ? { weak: true as const } : {}) };
}

/** Front matter `period: 2024-03-04 – 2024-03-10`, or `period: { start: …, end: … }`, as text. */
function frontMatterPeriod(value: unknown): string | undefined {
  const text = (v: unknown) => (v instanceof Date && !Number.isNaN(v.getTime()) ? v.toISOString().slice(0, 10) : typeof v === 'string' ? v : undefined);
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const { start, end } = value as { start?: unknown; end?: unknown };
    const [from, to] = [text(start), text(end)];
    if (from && to) return `${from} to ${to}`;
  }
  return undefined;
}

/** `2024-01-04` read the other way round: `2024-04-01`. */
function swapped(date: string): string | undefined {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return d <= 12 && d !== m ? calendar(y, d, m) : undefined;
}

/** The date of the report, and its period when the evidence gives one (undefined, with an error, when nothing names a date). */
export function inferWeek(file: VFile, tree: Root, sources: WeekSources): { date: string; period?: Period } | undefined {
  const evidence: Evidence[] = [];
  const at1: Place = { line: 1, column: 1 };
  const order = sources.order ? { order: sources.order } : {};
  // A dated top heading (`# Nomos Weekly Update - 2025-06-30`, `## Vac 2024/03/11`), and a
  // period line (`**Reporting Period:** …`, `Week of …`) near the top: read below.
  const top = tree.children.filter((n) => n.type !== 'yaml' && n.type !== ('toml' as RootContent['type']) && n.type !== 'definition').slice(0, 8);
  const firstHeading = top.find((n) => n.type === 'heading');
  const fromName = asEvidence('file name', found(weekNamed(dateName(file.path), sources.title ?? (firstHeading ? toString(firstHeading) : undefined)), order), at1);
  if (fromName) evidence.push(fromName);
  let frontMatter: string | undefined;
  if (sources.date !== undefined) {
    const raw = sources.date;
    const place = sources.datePlace ?? at1;
    const value =
      raw instanceof Date && !Number.isNaN(raw.getTime())
        ? { date: raw.toISOString().slice(0, 10), precision: 'day' as const, index: 0 }
        : typeof raw === 'string'
          ? found(raw.trim(), { ...order, ...(fromName ? { near: fromName.date } : {}) })
          : undefined;
    if (value) {
      evidence.push(asEvidence('front matter date', value, place)!);
      frontMatter = value.date;
    } else file.message(`front matter \`date\` ${JSON.stringify(raw)} is not a date: the week comes from the other evidence`, { place, ruleId: 'invalid-date', source: 'tidings' });
  }
  // Near the file's own date, else the team's (a date written without its year takes the year nearest it).
  const nearDate = evidence[0]?.date ?? sources.near;
  const near = { ...order, ...(nearDate ? { near: nearDate } : {}) };
  const periodText = frontMatterPeriod(sources.period);
  if (periodText) {
    const e = asEvidence('front matter period', found(periodText, near), sources.periodPlace ?? at1);
    if (e) evidence.push(e);
  }
  if (sources.title) {
    const e = asEvidence('title', found(sources.title, near), sources.titlePlace ?? at1);
    if (e) evidence.push(e);
  }
  let heading: Evidence | undefined;
  let periodLine: Evidence | undefined;
  for (const node of top) {
    const place = node.position?.start ?? at1;
    if (node.type === 'heading') {
      // A heading that says it is the date (`### Meeting Date/Time: Thu, Aug 16, 2018 14:00 UTC`), at any level.
      const dated = DATE_KEY.exec(toString(node));
      if (!heading && dated) {
        heading = asEvidence('heading', found(toString(node).slice(dated[0].length), near), place);
        continue;
      }
      // A heading with a link names a milestone (its date is a due date), not the document.
      if (heading || node.children.some((c) => c.type === 'link') || (node.depth > 2 && node !== firstHeading)) continue;
      heading = asEvidence('heading', found(toString(node), near), place);
    } else if (!periodLine) {
      periodLine = periodLineIn(node, near);
    }
  }
  if (heading) evidence.push(heading);
  if (periodLine) evidence.push(periodLine);
  if (evidence.length === 0) {
    const days = daysNamed(tree, order);
    if (days) evidence.push({ source: 'days its text names', date: days.start, period: days, place: at1 });
  }

  // Numbered, not dated (teams.yaml `reading.numbered`): report n is n - 1 periods after report 1.
  const number = evidence.length === 0 && sources.numbered ? fileNumber(file.path) : undefined;
  if (number !== undefined) evidence.push({ source: 'report number', date: numberedDate(sources.numbered!, number), place: at1 });
  if (evidence.length === 0) {
    file.message('missing date: name the file YYYY-MM-DD.md, or set `date: YYYY-MM-DD` in the front matter, or put the date in the title (reports numbered, not dated: give report 1\'s date in teams.yaml, `reading: { numbered: { first: YYYY-MM-DD, every: week } }`)', {
      place: at1,
      ruleId: 'missing-date',
      source: 'tidings',
    }).fatal = true;
    return undefined;
  }

  // A day written year-day-month (`2024-01-04` where the other sources say 2024-04-01) is the same day.
  const days = evidence.filter((e) => !e.period);
  for (const e of days) {
    const other = swapped(e.date);
    if (other && !days.some((o) => o.date === e.date && o !== e) && days.some((o) => o.date === other)) e.date = other;
  }
  // What each source votes for: a day inside a period keeps its own date, and the period votes
  // with it; a day in the two weeks after a period is its publish date, and votes as the period does.
  const periods = evidence.filter((e) => e.period);
  const periodVote = (p: Evidence): string => {
    const inside = days.find((s) => s.date >= p.period!.start && s.date <= p.period!.end);
    if (inside) return inside.date;
    // A month's report published in the days after it ("Status update, May 2020" on June 1) is
    // dated by the month's last day, as one published on that day is: a team that publishes
    // some months on their last day and some just after keeps one report a week.
    const month = daysBetween(p.period!.start, p.period!.end) >= 27;
    if (month && days.some((s) => s.date > p.period!.end && daysBetween(p.period!.end, s.date) <= PUBLISHED_WITHIN)) return p.period!.end;
    return periodDate(p.period!);
  };
  const votes = evidence.map((e) => {
    if (e.period) return periodVote(e);
    if (periods.some((p) => e.date >= p.period!.start && e.date <= p.period!.end)) return e.date;
    const after = periods.find((p) => e.date > p.period!.end && daysBetween(p.period!.end, e.date) <= PUBLISHED_WITHIN);
    return after ? periodVote(after) : e.date;
  });
  const weeks = votes.map(mondayOf);
  // Sources with a guessed year only vote when nothing else does.
  const voters = evidence.some((e) => !e.weak) ? evidence.map((e) => !e.weak) : evidence.map(() => true);
  const count = new Map<string, number>();
  weeks.forEach((w, i) => voters[i] && count.set(w, (count.get(w) ?? 0) + 1));
  // The week most sources name; on a tie, the week a period names (it says what the report
  // covers), else the earliest source in the list above (the file name first).
  const most = Math.max(...count.values());
  const tied = weeks.filter((w, i) => voters[i] && count.get(w) === most);
  const best = weeks.find((w, i) => voters[i] && evidence[i]!.period && tied.includes(w)) ?? tied[0]!;
  const chosen = votes[weeks.findIndex((w, i) => voters[i] && w === best)]!;
  const period = evidence.find((e, i) => e.period && weeks[i] === best)?.period;
  const disagreeing = evidence.filter((e, i) => weeks[i] !== best && !e.weak);
  if (disagreeing.length > 0) {
    const listed = evidence.map((e) => `${e.source} ${e.period ? `${e.period.start} – ${e.period.end}` : e.date}`).join(', ');
    file.message(`the week's sources disagree (${listed}): using ${chosen}, the week of ${best} that most of them name`, {
      place: disagreeing[0]!.place,
      ruleId: 'week-disagreement',
      source: 'tidings',
    });
  }
  file.data.week = { ...(fromName ? { name: fromName.date } : {}), ...(frontMatter ? { frontMatter } : {}), date: chosen, ...(disagreeing.length > 0 ? { disagreed: true as const } : {}) };
  return { date: chosen, ...(period ? { period } : {}) };
}

/**
 * The day-month order of each team folder (`<team>/updates/<name>.md`, in folders or not), from all its file
 * names (teamDayOrder), with the note that says it, once per team, on the first file whose
 * name could be read both ways (none when no name could).
 */
export function teamDayOrders(paths: readonly string[]): Map<string, { order: DayOrder; note?: { path: string; reason: string } }> {
  const byTeam = new Map<string, string[]>();
  for (const path of paths) {
    const m = /^([^/]+)\/updates\/.+\.md$/.exec(path);
    if (m) byTeam.set(m[1]!, [...(byTeam.get(m[1]!) ?? []), path]);
  }
  const orders = new Map<string, { order: DayOrder; note?: { path: string; reason: string } }>();
  for (const [team, files] of byTeam) {
    const stems = files.map(dateName);
    const decided = teamDayOrder(stems);
    const first = decided.ambiguous[0];
    if (first === undefined) {
      orders.set(team, { order: decided.order });
      continue;
    }
    const words = decided.order === 'mdy' ? 'month first (m-d-y)' : decided.order === 'ymd' ? 'year first (y-m-d, two-digit years)' : 'day first (d-m-y)';
    const why =
      decided.why === 'forced'
        ? `as \`${decided.decidedBy}\` can only be read`
        : decided.why === 'sequence'
          ? 'the order under which they follow each other most steadily'
          : 'nothing in them says otherwise';
    const example = datesIn(first, { order: decided.order })[0]?.date;
    const path = files[stems.indexOf(first)]!;
    orders.set(team, {
      order: decided.order,
      note: { path, reason: `team \`${team}\` writes dates ${words} in its file names, ${why}: \`${first}\` is ${example}` },
    });
  }
  return orders;
}

/** One update as settleTeamWeeks sees it. */
export interface DatedFile extends WeekReading {
  path: string;
  team: string;
  /** Hash of the text: a byte-identical copy holding the same week is a copy, not a stale date. */
  hash?: string;
}

export interface WeekSettlement {
  /** Files to date otherwise, with the warning that says why (undefined: covered by the team's note). */
  redate: Map<string, { date: string; reason?: string; ruleId: string }>;
  /** Files whose own `week-disagreement` warning is replaced (by the team's note or a redate's warning). */
  quiet: Set<string>;
  /** One note per team with a consistent convention, on its first such file. */
  notes: Array<{ path: string; reason: string; ruleId: string }>;
}

const weeksApart = (from: string, to: string) => Math.round(daysBetween(mondayOf(from), mondayOf(to)) / 7);

/**
 * A team's dates read together, after every file of it was read on its own:
 * - A team whose front matter `date` is, in most of its files, a week after the file name's
 *   (the publish date against the week covered), or a week before it (the reverse), has a
 *   convention, not a mistake: each such report is dated by the earlier of the two (the week it
 *   covers), and the team gets one note instead of a warning per file.
 * - A report dated into a week that another file of the team holds, while its own file name
 *   names a week no other file holds, has a front matter copied from another week: the file
 *   name and the team's sequence outvote it, with one warning.
 */
export function settleTeamWeeks(files: readonly DatedFile[]): WeekSettlement {
  const settlement: WeekSettlement = { redate: new Map(), quiet: new Set(), notes: [] };
  const byTeam = new Map<string, DatedFile[]>();
  for (const f of files) byTeam.set(f.team, [...(byTeam.get(f.team) ?? []), f]);
  for (const [team, all] of byTeam) {
    const dateOf = new Map(all.map((f) => [f.path, f.date]));
    const both = all.filter((f) => f.name && f.frontMatter);
    for (const k of [1, -1]) {
      const following = both.filter((f) => f.disagreed && weeksApart(f.name!, f.frontMatter!) === k);
      if (following.length < 2 || following.length * 2 <= both.length) continue;
      for (const f of following) {
        const covered = k === 1 ? f.name! : f.frontMatter!;
        settlement.quiet.add(f.path);
        if (mondayOf(f.date) !== mondayOf(covered)) {
          settlement.redate.set(f.path, { date: covered, ruleId: 'week-convention' });
          dateOf.set(f.path, covered);
        }
      }
      const [covers, publishes] = k === 1 ? ['file name', 'front matter `date`'] : ['front matter `date`', 'file name'];
      settlement.notes.push({
        path: following[0]!.path,
        ruleId: 'week-convention',
        reason: `team \`${team}\`: in ${following.length} of ${both.length} files the ${publishes} is a week after the ${covers}: read as the publish date, and each of those reports is dated by its ${covers}, the week it covers`,
      });
    }
    for (const f of all) {
      const date = dateOf.get(f.path)!;
      if (!f.disagreed || !f.name || mondayOf(f.name) === mondayOf(date)) continue;
      const holder = all.find((o) => o !== f && mondayOf(dateOf.get(o.path)!) === mondayOf(date));
      const free = !all.some((o) => o !== f && mondayOf(dateOf.get(o.path)!) === mondayOf(f.name!));
      if (!holder || !free || (f.hash !== undefined && holder.hash === f.hash)) continue;
      dateOf.set(f.path, f.name);
      settlement.quiet.add(f.path);
      settlement.redate.set(f.path, {
        date: f.name,
        ruleId: 'stale-date',
        reason: `the front matter or title names the week of ${mondayOf(date)}, which is ${holder.path}'s (copied from another week?); the file name and the team's sequence say ${f.name}: dated ${f.name}`,
      });
    }
  }
  return settlement;
}

/**
 * Applies settleTeamWeeks to a build's updates (in place: date, id, permalink) and to their
 * files' messages. build.ts calls it once every file is read, before it checks ids and weeks.
 */
export function settleDates(read: ReadonlyArray<[VFile, Update]>): void {
  const settlement = settleTeamWeeks(read.flatMap(([file, u]) => (file.data.week ? [{ ...file.data.week, date: u.date, path: u.source, team: u.team, hash: u.hash }] : [])));
  for (const [file, u] of read) {
    if (settlement.quiet.has(u.source)) file.messages = file.messages.filter((m) => m.ruleId !== 'week-disagreement');
    for (const note of settlement.notes) if (note.path === u.source) file.info(note.reason, { place: { line: 1, column: 1 }, ruleId: note.ruleId, source: 'tidings' });
    const redate = settlement.redate.get(u.source);
    if (!redate) continue;
    if (redate.reason) file.message(redate.reason, { place: { line: 1, column: 1 }, ruleId: redate.ruleId, source: 'tidings' });
    if (u.title === `${u.team} — week of ${u.date}`) u.title = `${u.team} — week of ${redate.date}`;
    if (u.period && (redate.date < u.period.start || redate.date > u.period.end)) delete u.period;
    u.date = redate.date;
    u.id = `${u.team}/${u.date}`;
    u.permalink = `/updates/${u.team}/${u.date}`;
  }
}

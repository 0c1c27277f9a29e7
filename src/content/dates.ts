/**
 * Dates as people write them in report names, titles and headings: ISO (`2024-03-18`,
 * `2024/03/11`), day or month first (`18.03.2024`, `03/18/2024`), month names (`12 March
 * 2024`, `Mar 12th, 2024`, `March 2024`), ISO weeks (`Week 12 2026`, `2026-W12`, `2018 Week 04`) and ranges
 * of any of these (`Mar 12th - 18th`, `2024/04/01 - 2024/04/15`, `Mon Mar 16 – Fri Mar 20`).
 * Pure text → dates; which date a report gets is decided in week.ts.
 */

/** How numeric dates are written: day first, month first (`01-10-2025` either way), or (two-digit years, `15-01-23`) year first. */
export type DayOrder = 'dmy' | 'mdy' | 'ymd';

/** Days a report covers, both included, as `YYYY-MM-DD`. */
export interface Period {
  start: string;
  end: string;
}

export interface FoundDate {
  /** The day written, or the first day of the week, month or range. */
  date: string;
  /** For a range, a week or a month: the days it covers. */
  period?: Period;
  /** How precise the text was: one day, an ISO week, a month, or a range of days. */
  precision: 'day' | 'week' | 'month' | 'range';
  /** Offset of the text in the string searched. */
  index: number;
  /** The text gave no year: it was taken from `DateOptions.near`. */
  guessedYear?: true;
}

export interface DateOptions {
  /** For `01-10-2025`: the team's order (see teamDayOrder). Day first when not known. */
  order?: DayOrder;
  /** A date the text is near (the file name's, the front matter's): gives a year to `Mar 12th`. */
  near?: string;
}

/** `YYYY-MM-DD` if it is a calendar date. */
export function calendar(y: number, m: number, d: number): string | undefined {
  if (y < 1970 || y > 2199) return undefined;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return date.toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** 0 = Monday … 6 = Sunday. */
export function weekday(date: string): number {
  return (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
}

/** The Monday (UTC) of the ISO week a date falls in. */
export function mondayOf(date: string): string {
  return addDays(date, -weekday(date));
}

/** Monday of ISO week `week` of `year`. */
function isoWeekMonday(year: number, week: number): string | undefined {
  if (week < 1 || week > 53) return undefined;
  const jan4 = calendar(year, 1, 4)!;
  const monday = addDays(mondayOf(jan4), (week - 1) * 7);
  // Week 53 only in years that have one.
  return week === 53 && mondayOf(calendar(year, 12, 28)!) !== monday ? undefined : monday;
}

function lastDayOfMonth(y: number, m: number): string {
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/** The same day `months` months later (or earlier), or that month's last day (Jan 31 + 1 → Feb 28). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const last = lastDayOfMonth(y, m + months);
  return `${last.slice(0, 8)}${String(Math.min(d, Number(last.slice(8)))).padStart(2, '0')}`;
}

/** A month's name, full or short (`Sept`), as regular-expression source without a group (case-insensitive use). */
export const MONTH_NAME = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const MONTH = `(${MONTH_NAME})\\.?`;
export const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const monthNumber = (name: string) => MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
const ORD = '(?:st|nd|rd|th)?';
const SEP = '[\\s_,-]+';
const YEAR = '((?:19|20|21)\\d\\d)';
const WEEKDAY = '(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?,?\\s+)?';

/** A date as read, before a year is known for it. */
interface Atom {
  index: number;
  end: number;
  y?: number;
  m: number;
  d?: number;
  /** `01-10-2025`: day and month could be swapped. */
  swappable?: boolean;
  /** Which reading the numbers force (13 and above is a day). */
  forced?: DayOrder;
  week?: number;
  /** `15-01-23`: three two-digit numbers, read by the team's order (see shortDate). */
  short?: [number, number, number];
}

/** A two-digit year's century: `15` is 2015, `98` 1998. */
const century = (yy: number) => (yy >= 70 ? 1900 + yy : 2000 + yy);

/** `15-01-23` under an order: 2015-01-23 year first, 15 January 2023 day first, invalid month first. */
function shortDate([p, q, r]: [number, number, number], order: DayOrder): string | undefined {
  const [y, m, d] = order === 'ymd' ? [p, q, r] : order === 'mdy' ? [r, p, q] : [r, q, p];
  return calendar(century(y), m, d);
}

// Each tried at every position, in this order (sticky).
const ATOMS: Array<[RegExp, (m: RegExpExecArray) => Omit<Atom, 'index' | 'end'> | undefined]> = [
  // 2026-W12, 2026 W12; the year, then the word: 2018 Week 04, 2018-week-05
  [new RegExp(`(?<![\\d])${YEAR}(?:[-\\s]?W|[-\\s_]*(?:week|wk)[-\\s_]*#?)(\\d{1,2})(?!\\d)`, 'iy'), (m) => ({ y: Number(m[1]), m: 1, week: Number(m[2]) })],
  // Week 12 2026, Week 12, wk 12 of 2026
  [new RegExp(`\\b(?:week|wk)\\s*#?\\s*(\\d{1,2})(?!\\d)(?:(?:,?\\s+(?:of\\s+)?|\\s*[-/]\\s*)${YEAR}(?!\\d))?`, 'iy'), (m) => ({ ...(m[2] ? { y: Number(m[2]) } : {}), m: 1, week: Number(m[1]) })],
  // 20240318 (a file name)
  [/(?<![\d.])((?:19|20|21)\d\d)(\d\d)(\d\d)(?![\d])/y, (m) => ({ y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) })],
  // 2024-03-18, 2024/03/18, 2024.03.18, 2024_03_18
  [/(?<![\d.])(\d{4})([-/._])(\d{1,2})\2(\d{1,2})(?![\d])/y, (m) => ({ y: Number(m[1]), m: Number(m[3]), d: Number(m[4]) })],
  // 18-03-2024, 03/18/2024, 18.03.2024, 18_03_2024
  [
    new RegExp(`(?<![\\d.])(\\d{1,2})([-/._])(\\d{1,2})\\2${YEAR}(?!\\d)`, 'y'),
    (m) => {
      const [a, b] = [Number(m[1]), Number(m[3])];
      if (a > 12 && b > 12) return undefined;
      // Read day first unless the numbers force month first; a swappable one is decided later.
      if (b > 12) return { y: Number(m[4]), m: a, d: b, forced: 'mdy' as const };
      return { y: Number(m[4]), m: b, d: a, swappable: a <= 12 && a !== b, ...(a > 12 ? { forced: 'dmy' as const } : {}) };
    },
  ],
  // 15-01-23, 23/01/15, 23_01_15: two-digit years, the order decided by the team (a reading
  // that makes a calendar date, day first where several do, until then).
  [
    /(?<![\d.])(\d{2})([-/_])(\d{2})\2(\d{2})(?![\d]|[-/._]\d)/y,
    (m) => {
      const short: [number, number, number] = [Number(m[1]), Number(m[3]), Number(m[4])];
      const order = (['dmy', 'ymd', 'mdy'] as const).find((o) => shortDate(short, o));
      const date = order ? shortDate(short, order)! : undefined;
      return date ? { y: Number(date.slice(0, 4)), m: Number(date.slice(5, 7)), d: Number(date.slice(8, 10)), short } : undefined;
    },
  ],
  // 2024-06 (a month)
  [new RegExp(`(?<![\\d.])${YEAR}[-/._](\\d{1,2})(?![\\d]|[-/._]\\d)`, 'y'), (m) => ({ y: Number(m[1]), m: Number(m[2]) })],
  // 12 March 2024, 12th of March, 12 Mar
  [new RegExp(`(?<![\\d])(\\d{1,2})${ORD}(?:\\s+of)?${SEP}${MONTH}(?![a-z])(?:${SEP}${YEAR}(?!\\d))?`, 'iy'), (m) => ({ d: Number(m[1]), m: monthNumber(m[2]!), ...(m[3] ? { y: Number(m[3]) } : {}) })],
  // March 12th, 2024 · March 12 · March 2024 · Mar-2024 · Oct20
  [
    new RegExp(`\\b${MONTH}(?![a-z])(?:(?:${SEP}|(?=\\d))(\\d{1,2})${ORD}(?!\\d))?(?:${SEP}${YEAR}(?!\\d))?`, 'iy'),
    (m) => (m[2] || m[3] ? { m: monthNumber(m[1]!), ...(m[2] ? { d: Number(m[2]) } : {}), ...(m[3] ? { y: Number(m[3]) } : {}) } : undefined),
  ],
];

// Between the two ends of a range.
const RANGE = new RegExp(`\\s*(?:-|–|—|~|→|->|to|through|thru|till|until)\\s*${WEEKDAY}`, 'iy');
// `Mar 12th - 18th`, `August 21-31`, `Mar 4-8, 2024`: the end of a range as a bare day.
const BARE_DAY = new RegExp(`(\\d{1,2})${ORD}(?![\\d]|[-/.]\\d|\\s*(?:${MONTH})(?![a-z]))(?:,?\\s+(?<year>${YEAR})(?!\\d))?`, 'iy');

function atomAt(text: string, index: number): Atom | undefined {
  for (const [pattern, read] of ATOMS) {
    pattern.lastIndex = index;
    const m = pattern.exec(text);
    if (!m) continue;
    const atom = read(m);
    if (atom && (atom.week !== undefined || (atom.m >= 1 && atom.m <= 12))) return { ...atom, index, end: index + m[0].length };
  }
  return undefined;
}

/** The raw date atoms of a text, left to right, with the end of a range attached to its start. */
function scan(text: string): Array<{ from: Atom; to?: Atom }> {
  const found: Array<{ from: Atom; to?: Atom }> = [];
  let i = 0;
  while (i < text.length) {
    // Atoms start at a word boundary only.
    if (i > 0 && /[\p{L}\p{N}]/u.test(text[i - 1]!) && /[\p{L}\p{N}]/u.test(text[i]!)) {
      i++;
      continue;
    }
    const from = atomAt(text, i);
    if (!from) {
      i++;
      continue;
    }
    let to: Atom | undefined;
    RANGE.lastIndex = from.end;
    if (from.week === undefined && RANGE.exec(text)) {
      const at = RANGE.lastIndex;
      to = atomAt(text, at);
      if (!to && from.d !== undefined) {
        BARE_DAY.lastIndex = at;
        const bare = BARE_DAY.exec(text);
        const y = from.y ?? (bare?.groups?.year ? Number(bare.groups.year) : undefined);
        if (bare) to = { index: at, end: BARE_DAY.lastIndex, m: from.m, d: Number(bare[1]), ...(y !== undefined ? { y } : {}) };
      }
      if (to?.week !== undefined) to = undefined;
    }
    found.push(to ? { from, to } : { from });
    i = (to ?? from).end;
  }
  return found;
}

/** The year that puts month `m`, day `d` nearest to `near`. */
function yearNear(m: number, d: number, near: string): number | undefined {
  const y = Number(near.slice(0, 4));
  let best: { y: number; distance: number } | undefined;
  for (const candidate of [y - 1, y, y + 1]) {
    const date = calendar(candidate, m, d);
    if (!date) continue;
    const distance = Math.abs(daysBetween(near, date));
    if (!best || distance < best.distance) best = { y: candidate, distance };
  }
  return best?.y;
}

/**
 * Every date written in a text, in order. Day-month order: what the text itself forces
 * (`07/12/2023 to 07/21/2023` is month first), else the reading nearest `options.near`, else
 * `options.order`, else day first. A date
 * without a year takes the year written elsewhere in the text, else the one nearest
 * `options.near`; without either it is not a date.
 */
export function datesIn(text: string, options: DateOptions = {}): FoundDate[] {
  const scanned = scan(text);
  if (scanned.length === 0) return [];
  const atoms = scanned.flatMap((s) => (s.to ? [s.from, s.to] : [s.from]));
  const forced = atoms.find((a) => a.forced)?.forced;
  const order = forced ?? options.order ?? 'dmy';
  const textYear = atoms.find((a) => a.y !== undefined)?.y;
  const resolve = (a: Atom, after?: string): { date: string; precision: FoundDate['precision']; period?: Period; guessedYear?: true } | undefined => {
    if (a.week !== undefined) {
      // Only with its year (`Week 12 2026`): a bare `Week 3` is as often a programme's or a sprint's count.
      const monday = a.y !== undefined ? isoWeekMonday(a.y, a.week) : undefined;
      return monday ? { date: monday, precision: 'week', period: { start: monday, end: addDays(monday, 6) } } : undefined;
    }
    if (a.short) {
      const date = shortDate(a.short, options.order ?? 'dmy') ?? calendar(a.y!, a.m, a.d!);
      return date ? { date, precision: 'day' } : undefined;
    }
    let [m, d] = a.swappable && order === 'mdy' ? [a.d!, a.m] : [a.m, a.d];
    if (a.swappable && !forced && options.near) {
      // Near another source's date (a title next to the file name), the reading nearest it.
      const [x, y] = [calendar(a.y!, a.m, a.d!), calendar(a.y!, a.d!, a.m)];
      const distance = (date: string | undefined) => (date ? Math.abs(daysBetween(options.near!, date)) : Infinity);
      [m, d] = distance(x) <= distance(y) ? [a.m, a.d] : [a.d!, a.m];
    }
    if (d === undefined) {
      if (a.y === undefined) return undefined;
      const first = calendar(a.y, m, 1);
      return first ? { date: first, precision: 'month', period: { start: first, end: lastDayOfMonth(a.y, m) } } : undefined;
    }
    let y = a.y ?? textYear;
    if (y === undefined && after) {
      // The end of a range without a year: the first such day on or after the start.
      y = Number(after.slice(0, 4));
      const date = calendar(y, m, d);
      if (date && date < after) y++;
    }
    const guessed = y === undefined && options.near !== undefined;
    if (y === undefined && options.near) y = yearNear(m, d, options.near);
    if (y === undefined) return undefined;
    const date = calendar(y, m, d);
    return date ? { date, precision: 'day', ...(guessed ? { guessedYear: true as const } : {}) } : undefined;
  };
  const out: FoundDate[] = [];
  for (const { from, to } of scanned) {
    const start = resolve(from);
    if (!start) continue;
    const end = to ? resolve(to, start.date) : undefined;
    if (end && end.date >= start.date && daysBetween(start.date, end.date) <= 62) {
      const last = end.period?.end ?? end.date;
      out.push({ date: start.date, precision: 'range', period: { start: start.date, end: last }, index: from.index, ...(start.guessedYear ? { guessedYear: true as const } : {}) });
    } else {
      out.push({ ...start, index: from.index });
    }
  }
  return out;
}

/** The first date written in a text (the start of a range, week or month), if any. */
export function dateIn(text: string, options: DateOptions = {}): string | undefined {
  return datesIn(text, options)[0]?.date;
}

/** Text that carries a date, a week number or a month (`## Team 2024/03/11`, `Week 12 2026`). */
export function hasDate(text: string): boolean {
  return scan(text).length > 0;
}

/** How far a team's dates stray from their usual gap, on average (0: a steady weekly or monthly sequence). */
function steadiness(dates: string[]): number {
  const sorted = [...dates].sort();
  const gaps = sorted.slice(1).map((d, i) => daysBetween(sorted[i]!, d));
  if (gaps.length === 0) return 0;
  const median = [...gaps].sort((x, y) => x - y)[Math.floor(gaps.length / 2)]!;
  return gaps.reduce((sum, g) => sum + Math.abs(g - median), 0) / gaps.length;
}

/**
 * The order a team writes numeric dates in, from all its file names: names that can only be
 * read one way (`01-24-2025` is month first) decide, the most of them winning; when every
 * name could be read both ways, the order under which the names make the steadier sequence.
 * `decidedBy` names the file that showed it (undefined when nothing was ambiguous).
 */
export function teamDayOrder(names: readonly string[]): { order: DayOrder; ambiguous: string[]; decidedBy?: string; why: 'forced' | 'sequence' | 'default' } {
  const numeric: Atom[] = [];
  const shorts: Atom[] = [];
  const byAtom = new Map<Atom, string>();
  for (const name of names) {
    const first = scan(name)[0]?.from;
    if (first?.short) shorts.push(first);
    else if (first && (first.swappable || first.forced)) numeric.push(first);
    if (first) byAtom.set(first, name);
  }
  // Two-digit years (`15-01-23.md`): the order under which every name is a date, the steadiest
  // sequence where several are.
  if (shorts.length > 0) {
    const fits = (['dmy', 'ymd', 'mdy'] as const).filter((o) => shorts.every((a) => shortDate(a.short!, o)));
    const names = shorts.map((a) => byAtom.get(a)!);
    if (fits.length === 1) return { order: fits[0]!, ambiguous: names, decidedBy: byAtom.get(shorts.find((a) => (['dmy', 'ymd', 'mdy'] as const).some((o) => o !== fits[0] && !shortDate(a.short!, o)))!) ?? names[0]!, why: 'forced' };
    if (fits.length > 1 && shorts.length >= 2) {
      const steadiest = [...fits].sort((x, y) => steadiness(shorts.map((a) => shortDate(a.short!, x)!)) - steadiness(shorts.map((a) => shortDate(a.short!, y)!)))[0]!;
      return { order: steadiest, ambiguous: names, decidedBy: names[0]!, why: 'sequence' };
    }
  }
  const ambiguous = numeric.filter((a) => a.swappable).map((a) => byAtom.get(a)!);
  const counts = { dmy: numeric.filter((a) => a.forced === 'dmy').length, mdy: numeric.filter((a) => a.forced === 'mdy').length };
  if (counts.dmy !== counts.mdy) {
    const order: DayOrder = counts.mdy > counts.dmy ? 'mdy' : 'dmy';
    return { order, ambiguous, decidedBy: byAtom.get(numeric.find((a) => a.forced === order)!)!, why: 'forced' };
  }
  // Nothing forces an order: the one under which the dates come at the steadiest pace.
  const unsteadiness = (order: DayOrder): number =>
    steadiness(numeric.map((a) => (order === 'mdy' && a.swappable ? calendar(a.y!, a.d!, a.m) : calendar(a.y!, a.m, a.d!))).filter((d): d is string => d !== undefined));
  if (ambiguous.length >= 2) {
    const [dmy, mdy] = [unsteadiness('dmy'), unsteadiness('mdy')];
    if (mdy < dmy) return { order: 'mdy', ambiguous, decidedBy: ambiguous[0]!, why: 'sequence' };
    if (dmy < mdy) return { order: 'dmy', ambiguous, decidedBy: ambiguous[0]!, why: 'sequence' };
  }
  return { order: 'dmy', ambiguous, why: 'default' };
}

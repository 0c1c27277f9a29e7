/**
 * `npm run fidelity`: how faithfully Tidings reads each team of ../shared/corpus and
 * ../shared/reports. Per team: files, build errors and warnings, items conserved, % of items
 * under a milestone or workstream in a reported kind, % in update-level notes, hand-listed
 * recurring milestones that keep one key (test/content/expectations/<team>.ts, written by
 * reading the files), case-only renames, and a replay of the weekly digest over its weeks.
 * Also run by `npm run bench`. `--json` prints the rows as JSON; `--problems` lists what
 * missed; `--baseline <git ref>` measures the content pipeline of that commit instead.
 */
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildContentDir, indexMilestones, isCommitmentTag, isSection, normaliseTrackerUrl, outlineNodes, readContentDir, slugify, titleIdentity, type BuildResult, type SiteModel, type Update } from '../src/content';
import { MONTH_NAME } from '../src/content/dates';
import { labelTokens, readLabel } from '../src/content/labels';
import { conservation } from '../src/content/conservation';
import { kindsGuessed } from '../src/content/sections';
import { isAway, isBranchLink, isPictureOnly } from '../src/content/inline';
import { computeChanges } from '../src/digest/changes';
import { noticeCount } from '../src/digest/layout';
import { fingerprint, sameItem } from '../src/digest/fingerprint';
import { takeSnapshot, type Snapshot } from '../src/digest/snapshot';
import { EXPECTATIONS, type RecurringMilestone } from '../test/content/expectations';

export interface FidelityRow {
  team: string;
  files: number;
  errors: number;
  warnings: number;
  /** List items and paragraphs of the source found in the model exactly once (or read as structure). */
  conserved: number;
  blocks: number;
  /** Items under a milestone or workstream, and those of them in a reported kind. */
  sectionItems: number;
  reportedPct: number;
  /** Items of the update itself (notes) against every item, summaries included. */
  notesPct: number;
  recurringExpected: number;
  recurringOneKey: number;
  recurringPct: number;
  /** Milestones whose titles differ only by case or punctuation and that a digest announced as renamed. */
  caseOnlyRenames: number;
  /** Replay: achieved items announced in exactly one digest, of all achieved items. */
  achievedOnce: number;
  achievedItems: number;
  /** Replay: "None"-like text announced as a blocker or risk. */
  noneAsBlocker: number;
  /** Milestone keys of the team. */
  keys: number;
  /** Keys whose title or key carries a date or a week number: a part named by its week (target 0). */
  datedKeys: number;
  /** Keys seen in one week only, in % of the team's keys (teams with ≥ 6 weeks; target ≤ 15 %). */
  oneWeekPct: number;
  /**
   * Replay: median per digest of the notices a reader sees (target ≤ 2): a milestone card marked
   * new, the one line of new milestones without items, the one line gone quiet, a silent team.
   */
  noticesMedian: number;
  /** Parts whose title is a label ("This sprint", "Work Done", "Acknowledgments"; target 0). */
  labelParts: number;
  /** Items that are structure: a label, a lone tag, or their part's own name (target 0). */
  structureItems: number;
  /** 1 when the team's text says done / completed / achieved and no item is `achieved` (target 0). */
  doneUnread: number;
  /** Items under a part whose kind came from a label, in % (the rest defaulted to progress). */
  labelledPct: number;
  /**
   * Items under a part whose kind nothing said (no label, no sentence of their own, no item they
   * detail, no frame of the report): the default, progress, in % (target ≤ 40).
   */
  guessedPct: number;
  /** Measures off target, by name (empty when the team reads within every target). */
  failing: string[];
  problems: string[];
}

/** Targets of issue 16: every one can fail on a folder never seen. */
export const TARGETS = { datedKeys: 0, oneWeekPct: 15, oneWeekMinWeeks: 6, noticesMedian: 2, labelParts: 0, structureItems: 0, doneUnread: 0, guessedPct: 40 } as const;

// ISO and d-m-y dates, week and sprint numbers, a month and day (`jan-24`, `24-jan`), and a
// month/day said to date something (`updated-on-9-26`, `as-of-10-3`).
const WEEK_KEY = new RegExp(
  `(?:^|-)(?:\\d{4}-\\d{1,2}-\\d{1,2}|\\d{1,2}-\\d{1,2}-\\d{2,4}|(?:week|wk|cw|sprint)-?\\d{1,3}|${MONTH_NAME}-\\d{1,2}|\\d{1,2}-${MONTH_NAME}|(?:on|of|updated|due|until|from)-\\d{1,2}-\\d{1,2})(?:-|$)`,
);
const SAYS_DONE = /\b(?:done|completed|achieved|achievements|accomplished|shipped|delivered|finished)\b/i;

/** Text written as a label: `Ongoing:`, or a few words of label vocabulary and nothing else (`Work Done`). */
function isLabelText(text: string): boolean {
  // A remark in brackets says something ("Delivered (pending discussion with the team)"); "Objective(s)" does not.
  if (/\([^)]*\s[^)]*\)/.test(text)) return false;
  const words = text.replace(/[:：]\s*$/, '');
  const read = readLabel(words, { leadIn: true });
  if (!read) return false;
  return /[:：]\s*$/.test(text) || (labelTokens(words).length <= 3 && /^[A-Z]/.test(words) && !/[.!?;]$/.test(words));
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const PLACEHOLDER_TEXT = /^(?:none|n\/?a|nil|-+|—|nothing)\.?$/i;

/** The site as it was when the updates up to `date` (included) were published. */
function siteAsOf(site: SiteModel, date: string): SiteModel {
  const updates = site.updates.filter((u) => u.date <= date);
  return { ...site, version: `${site.version}@${date}`, updates, milestones: indexMilestones(updates) };
}

/** Sections of an update matching a hand-listed milestone path (titles, outermost first). */
function matching(update: Update, expected: RecurringMilestone): string[] {
  if (expected.tracker) {
    const url = normaliseTrackerUrl(expected.tracker);
    return update.sections.filter((s) => s.trackerUrl === url).map((s) => s.key);
  }
  const own = new Set([expected.path.at(-1)!, ...(expected.also ?? [])].map(titleIdentity));
  const outer = expected.path.length > 1 ? titleIdentity(expected.path.at(-2)!) : undefined;
  const byKey = new Map(update.sections.map((s) => [s.key, s]));
  return update.sections
    .filter((s) => own.has(titleIdentity(s.title)))
    .filter((s) => {
      if (outer === undefined) return true;
      const parent = s.parentKey ? byKey.get(s.parentKey) : undefined;
      return (parent && titleIdentity(parent.title) === outer) || (s.area !== undefined && titleIdentity(s.area) === outer);
    })
    .map((s) => s.key);
}

export async function fidelityOf(team: string, result: BuildResult, sourceRoot: string, expected: readonly RecurringMilestone[] = []): Promise<FidelityRow> {
  const problems: string[] = [];
  const prefix = `${team}/`;
  const teamSlug = slugify(team, 63);
  const files = result.files.filter((f) => f.path.startsWith(prefix));
  const updates = result.site.updates.filter((u) => u.team === teamSlug);
  const errors = files.reduce((n, f) => n + f.messages.filter((m) => m.fatal).length, 0);
  const warnings = files.reduce((n, f) => n + f.messages.filter((m) => !m.fatal).length, 0);

  let conserved = 0;
  let blocks = 0;
  let saysDone = false;
  let labelled = 0;
  let guessed = 0;
  const guesses: string[] = [];
  let entries = 0;
  let structureItems = 0;
  let sectionItems = 0;
  let reported = 0;
  let notes = 0;
  let all = 0;
  for (const u of updates) {
    const source = await readFile(path.join(sourceRoot, u.source), 'utf8');
    if (SAYS_DONE.test(source)) saysDone = true;
    const outline = result.outlines?.get(u.source);
    for (const node of outline ? outlineNodes(outline) : []) {
      if (!isSection(node)) continue;
      // A report that says all it lists was done ("the activities I've done this month") gives its unsaid items that kind: no guess.
      const unsaid = outline!.saysDone ? [] : kindsGuessed(node.entries);
      for (const [i, e] of node.entries.entries()) {
        entries++;
        if (e.kind !== undefined) labelled++;
        if (!unsaid[i]) continue;
        guessed++;
        if (guesses.length < 5) guesses.push(`${u.source}:${e.item.line}: kind guessed (progress): “${e.item.text.slice(0, 60)}”`);
      }
    }
    for (const s of u.sections) {
      const inOrder = Object.values(s.items).flat().sort((a, b) => a.line - b.line);
      for (const item of Object.values(s.items).flat()) {
        const text = item.text.trim();
        // A name of a few words that leads in with its colon, the items after it nested under it
        // (`- Tokenomics:`, `- Local state index:` over its bullets): it heads them, it is no work
        // of its own. Not a sentence's lead-in ("Few problems we ran into:", "Completed PR reviews:").
        const next = inOrder[inOrder.indexOf(item) + 1];
        const heads =
          /^[A-Z][^.!?;:]{0,40}[:：]$/.test(text) &&
          text.split(/\s+/).length <= 4 &&
          !/^\S+(?:ed|ing)\b|^(?:draft|fix|add|review|write|implement|finish|start|continue|prepare|create|investigate|explore|update|test)\s|\b(?:we|i|our|my|few|some|this|these|based|on|to|of|from|with)\b/i.test(text) &&
          next !== undefined &&
          next.depth > item.depth;
        // A picture is content, whatever its description says (isPictureOnly); so is a branch
        // linked by its name (isBranchLink): a note of where the work is, never announced.
        if (isPictureOnly(item) || (s.items.notes.includes(item) && isBranchLink(item))) continue;
        // Who is away ("OOO 2 days (@Florin)") says it in label words, and is news of the week, no label.
        const structural = isLabelText(text) && !isAway(text) ? 'a label' : isCommitmentTag(text) ? 'a lone tag' : titleIdentity(text) !== '' && titleIdentity(text) === titleIdentity(s.title) ? 'its part’s name' : heads ? 'a name over its bullets' : undefined;
        if (structural) {
          structureItems++;
          problems.push(`${u.source}:${item.line}: item is ${structural}: “${text.slice(0, 60)}”`);
        }
      }
    }
    const c = conservation(u, source, outline);
    blocks += c.blocks + c.structure;
    conserved += c.blocks + c.structure - c.problems.length;
    problems.push(...c.problems);
    for (const s of u.sections) {
      for (const [kind, items] of Object.entries(s.items)) {
        sectionItems += items.length;
        if (kind !== 'notes') reported += items.length;
      }
    }
    notes += u.notes.length;
    all += u.sections.reduce((n, s) => n + Object.values(s.items).reduce((k, items) => k + items.length, 0), 0) + u.notes.length + (u.summary?.length ?? 0);
  }

  let oneKey = 0;
  for (const m of expected) {
    const keys = new Set<string>();
    const missingWeeks: string[] = [];
    for (const week of m.weeks) {
      // The update of that date, else the file named by it (a report dated by its period).
      const u = updates.find((x) => x.date === week) ?? updates.find((x) => x.source.split('/').pop()!.includes(week));
      const found = u ? matching(u, m) : [];
      if (found.length === 0) missingWeeks.push(week);
      for (const k of found) keys.add(k);
    }
    if (missingWeeks.length === 0 && keys.size === 1) oneKey++;
    else problems.push(`recurring ${m.path.join(' › ')}: ${keys.size} keys (${[...keys].join(', ')}), missing in ${missingWeeks.length} of ${m.weeks.length} weeks${missingWeeks.length ? ` (${missingWeeks.slice(0, 4).join(', ')})` : ''}`);
  }

  // Replay: one digest after each week, as the cron would have cut them.
  const site: SiteModel = { ...result.site, updates, milestones: indexMilestones(updates) };
  const dates = [...new Set(updates.map((u) => u.date))].sort();
  let previous: Snapshot | undefined;
  const digests = [];
  for (const date of dates) {
    const now = siteAsOf(site, date);
    digests.push(computeChanges(now, previous, { quietWeeks: 3 }));
    previous = takeSnapshot(now);
  }
  let achievedItems = 0;
  let achievedOnce = 0;
  const announced = new Map<string, string[]>();
  for (const d of digests) for (const m of d.milestones) announced.set(`${d.until}/${m.key}`, m.achieved.map((a) => fingerprint(a.text)));
  for (const u of updates) {
    for (const s of u.sections) {
      for (const item of s.items.achieved) {
        const fp = fingerprint(item.text);
        if (fp === '') continue;
        achievedItems++;
        const count = digests.filter((d) => d.milestones.some((m) => m.key === s.key && m.achieved.some((a) => sameItem(fingerprint(a.text), fp)))).length;
        if (count === 1) achievedOnce++;
        else problems.push(`${u.source}:${item.line}: achieved item in ${count} digests`);
      }
    }
  }
  const caseOnlyRenames = digests.reduce((n, d) => n + d.milestones.filter((m) => m.renamedFrom !== undefined && titleIdentity(m.renamedFrom) === titleIdentity(m.title)).length, 0);
  const noneAsBlocker = digests.reduce((n, d) => n + d.milestones.reduce((k, m) => k + [...m.blockers, ...m.risks].filter((i) => PLACEHOLDER_TEXT.test(i.text.trim())).length, 0), 0);

  const pct = (a: number, b: number) => (b === 0 ? 100 : (100 * a) / b);
  const milestones = site.milestones;
  const datedKeys = milestones.filter((m) => WEEK_KEY.test(m.key));
  for (const m of datedKeys) problems.push(`key named by its week: ${m.key} (“${m.titles[0]}”)`);
  const oneWeek = dates.length >= TARGETS.oneWeekMinWeeks ? milestones.filter((m) => m.weeks.length === 1) : [];
  // A part named by a tracker link is the issue it links to, whatever its title says ("Compiler - Next Milestone").
  // The team's own part (keyed by the team) has the team's name, which the folder gives, not the text:
  // a team named "progress-reports" has no label read as a part.
  const labelParts = milestones.filter((m) => m.trackerUrl === undefined && m.key !== teamSlug && m.titles.some((t) => readLabel(t) !== undefined));
  for (const m of labelParts) problems.push(`part named by a label: ${m.key} (“${m.titles.find((t) => readLabel(t) !== undefined)}”)`);
  // What a reader sees as a notice (src/digest/layout.ts): a card marked new, the one line of
  // new milestones without items, the one line of milestones gone quiet, a silent team.
  const notices = digests.slice(1).map(noticeCount);
  const doneUnread = saysDone && achievedItems === 0 && updates.every((u) => u.sections.every((s) => s.items.achieved.length === 0)) ? 1 : 0;
  if (doneUnread) problems.push('the text says done/completed/achieved, and no item is achieved');
  if (entries > 0 && (100 * guessed) / entries > TARGETS.guessedPct) problems.push(`${guessed} of ${entries} items have a kind nothing said, for example:`, ...guesses);
  const row = {
    keys: milestones.length,
    datedKeys: datedKeys.length,
    oneWeekPct: pct(oneWeek.length, milestones.length === 0 ? 1 : milestones.length) * (milestones.length === 0 ? 0 : 1),
    noticesMedian: median(notices),
    labelParts: labelParts.length,
    structureItems,
    doneUnread,
    labelledPct: entries === 0 ? 0 : (100 * labelled) / entries,
    guessedPct: entries === 0 ? 0 : (100 * guessed) / entries,
  };
  const failing = [
    row.datedKeys > TARGETS.datedKeys ? 'dated keys' : '',
    row.oneWeekPct > TARGETS.oneWeekPct ? 'one-week parts' : '',
    row.noticesMedian > TARGETS.noticesMedian ? 'digest notices' : '',
    row.labelParts > TARGETS.labelParts ? 'label parts' : '',
    row.structureItems > TARGETS.structureItems ? 'structure items' : '',
    row.doneUnread > TARGETS.doneUnread ? 'done unread' : '',
    row.guessedPct > TARGETS.guessedPct ? 'kinds guessed' : '',
  ].filter((f) => f !== '');
  return {
    ...row,
    failing,
    team,
    files: files.filter((f) => /\/updates\//.test(f.path)).length,
    errors,
    warnings,
    conserved,
    blocks,
    sectionItems,
    reportedPct: pct(reported, sectionItems),
    notesPct: all === 0 ? 0 : (100 * notes) / all,
    recurringExpected: expected.length,
    recurringOneKey: oneKey,
    recurringPct: pct(oneKey, expected.length),
    caseOnlyRenames,
    achievedOnce,
    achievedItems,
    noneAsBlocker,
    problems,
  };
}

const root = path.resolve(import.meta.dirname, '..');
/** Every content folder of ../shared: the corpus, the reports, and each other organisation. */
export const FOLDERS = [
  path.join(root, '../shared/corpus'),
  path.join(root, '../shared/reports'),
  ...['flow', 'sugarlabs'].map((org) => path.join(root, '../shared/other-orgs', org)).filter((dir) => existsSync(dir)),
];

export async function fidelity(build: (dir: string) => Promise<BuildResult> = buildContentDir, folders: readonly string[] = FOLDERS): Promise<FidelityRow[]> {
  const rows: FidelityRow[] = [];
  for (const folder of folders) {
    const result = await build(folder);
    const teams = [...new Set(result.files.map((f) => f.path.split('/')[0]!).filter((t) => !t.includes('.')))].filter((t) => result.files.some((f) => f.path.startsWith(`${t}/updates/`))).sort();
    for (const team of teams) rows.push(await fidelityOf(team, result, folder, EXPECTATIONS[team]));
  }
  return rows;
}

export function formatFidelity(rows: FidelityRow[]): string {
  const head =
    '| team | files | errors | warnings | items conserved | recurring milestones, one key | replay: achieved in one digest | "None" as blocker | keys | dated keys | one-week parts | notices per digest (median) | label parts | structure items | done unread | kind from a label | kind guessed | off target |\n|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|';
  const body = rows.map(
    (r) =>
      `| ${r.team} | ${r.files} | ${r.errors} | ${r.warnings} | ${r.conserved}/${r.blocks} | ${r.recurringOneKey}/${r.recurringExpected} (${r.recurringPct.toFixed(0)} %) | ${r.achievedOnce}/${r.achievedItems} | ${r.noneAsBlocker} | ${r.keys} | ${r.datedKeys} | ${r.oneWeekPct.toFixed(0)} % | ${r.noticesMedian} | ${r.labelParts} | ${r.structureItems} | ${r.doneUnread} | ${r.labelledPct.toFixed(0)} % | ${r.guessedPct.toFixed(0)} % | ${r.failing.join(', ') || '—'} |`,
  );
  return [head, ...body].join('\n');
}

/**
 * The content pipeline of another commit (`--baseline <git ref>`), extracted with `git archive`
 * under node_modules/.bench-baseline/, to measure the same figures before a change. Its build
 * reads the folder through today's safe reader.
 */
async function baselineBuild(ref: string): Promise<(dir: string) => Promise<BuildResult>> {
  const dir = path.join(root, 'node_modules/.bench-baseline', ref.replace(/[^\w.-]+/g, '_'));
  await mkdir(dir, { recursive: true });
  execSync(`git archive ${JSON.stringify(ref)} src/content | tar -x -C ${JSON.stringify(dir)}`, { cwd: root });
  const baseline = (await import(pathToFileURL(path.join(dir, 'src/content/index.ts')).href)) as { buildSite: (u: unknown, c: unknown) => BuildResult };
  return async (folder) => {
    const content = await readContentDir(folder);
    const result = baseline.buildSite(content.updates, content);
    return { ...result, outlines: result.outlines ?? new Map(), owners: result.owners ?? new Map() };
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const at = process.argv.indexOf('--baseline');
  // Folders named on the command line (`npm run fidelity -- path/to/content`), else every folder of ../shared.
  const named = process.argv.slice(2).filter((a, i, all) => !a.startsWith('--') && all[i - 1] !== '--baseline');
  const rows = await fidelity(at > 0 ? await baselineBuild(process.argv[at + 1] ?? 'HEAD') : buildContentDir, named.length > 0 ? named.map((d) => path.resolve(d)) : FOLDERS);
  if (process.argv.includes('--json')) console.log(JSON.stringify(rows, null, 2));
  else {
    console.log(formatFidelity(rows));
    const verbose = process.argv.includes('--problems');
    if (verbose) {
      for (const r of rows) {
        if (r.problems.length === 0) continue;
        console.log(`\n${r.team}: ${r.problems.length} problem(s)`);
        for (const p of r.problems) console.log(`  ${p}`);
      }
    } else {
      const off = rows.filter((r) => r.failing.length > 0).length;
      console.log(`\n${off} of ${rows.length} teams off a target; problems: ${rows.filter((r) => r.problems.length > 0).map((r) => `${r.team} ${r.problems.length}`).join(', ') || 'none'} (--problems lists them)`);
    }
  }
}

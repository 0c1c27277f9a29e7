/**
 * The status of every milestone, derived from the model alone (pure: pages, feeds, emails and
 * the badge all read it, at build time or in the Worker).
 *
 * The rule, first match wins, always judged on the milestone's latest week (the newest update
 * that has an entry for it), against its team's own reporting (time is the team's reports, not
 * the clock, so a page built today and a page built next month say the same about the same
 * content):
 *
 * 1. **done** — its heading that week carries a status word meaning finished ("done",
 *    "completed", "closed", "shipped", "released", a ✅), its `Status:` line says so, or its
 *    definition file does (`Status: Done` / `Completed`);
 * 2. **blocked** — blockers are listed under it in its team's latest report (or its heading
 *    says "blocked"), not counting one the team says is over ("no longer blocked",
 *    "unblocked", "resolved", struck through). A blocker the team stopped listing is not open:
 *    it was last mentioned on its week;
 * 3. **at risk** — risks are listed under it in its team's latest report, likewise, or the team
 *    marks it so that week ("at risk", "off track", "delayed", a 🟡 or 🔴 light, `Status: Amber`);
 * 4. **quiet** — its team has published `QUIET_WEEKS` reports or more since its latest entry (a
 *    week the whole team missed does not count), or the team itself has gone silent: its latest
 *    report is older than its cadence allows, measured against the newest report of the site;
 * 5. **active** — otherwise.
 */
import type { Item, Milestone, MilestoneSection, SiteModel, Update } from '../content/model';

export const STATUSES = ['blocked', 'at-risk', 'active', 'quiet', 'done'] as const;
export type MilestoneStatus = (typeof STATUSES)[number];

export const STATUS_LABELS: Record<MilestoneStatus, string> = {
  done: 'Done',
  blocked: 'Blocked',
  'at-risk': 'At risk',
  quiet: 'Quiet',
  active: 'Active',
};

/** Badge colours (light background, dark text: WCAG AA either way round). */
export const STATUS_COLOURS: Record<MilestoneStatus, { bg: string; fg: string; darkBg: string; darkFg: string }> = {
  done: { bg: '#dafbe1', fg: '#116329', darkBg: '#1b4721', darkFg: '#aff5b4' },
  blocked: { bg: '#ffebe9', fg: '#a40e26', darkBg: '#5d0f12', darkFg: '#ffdcd7' },
  'at-risk': { bg: '#fff8c5', fg: '#7d4e00', darkBg: '#4b3500', darkFg: '#f8e3a1' },
  quiet: { bg: '#eaeef2', fg: '#424a53', darkBg: '#32383f', darkFg: '#d1d9e0' },
  active: { bg: '#ddf4ff', fg: '#0550ae', darkBg: '#0c2d6b', darkFg: '#cae8ff' },
};

/** The badge's one-line explanation of each status (tooltips, the index's legend). */
export const STATUS_RULES: Record<MilestoneStatus, string> = {
  done: 'marked done in its latest week or in its definition',
  blocked: 'blockers listed in its team’s latest report',
  'at-risk': 'risks listed in its team’s latest report',
  quiet: 'no entry in its team’s last reports, or its team is silent',
  active: 'reported recently, no risk or blocker listed',
};

/** What the team says of a part that is at risk: its own words, or the reading of its light or colour (../content/keys.ts). */
const AT_RISK_WORDS = new Set(['at risk', 'off track', 'delayed', 'behind', 'behind schedule']);
const DONE_WORDS = new Set(['done', 'completed', 'complete', 'closed', 'shipped', 'released', 'finished', '✅']);

/** "no longer blocked", "unblocked", "resolved", struck through: the team says this one is over. */
export function saysResolved(item: Pick<Item, 'text' | 'html'>): boolean {
  return /\b(?:no longer (?:a |an )?(?:blocker|blocked|blocking|risk|issue|concern)|unblocked|(?:is |was |now |been )resolved|not (?:a )?blocker any ?more)\b/i.test(item.text) || /^\s*<del>[\s\S]*<\/del>\s*$/.test(item.html);
}

/** The blockers or risks of a week that are still open (the team did not say they are over). */
export function openOf(section: MilestoneSection, kind: 'blockers' | 'risks'): Item[] {
  return itemsOf(section, kind).filter((i) => !saysResolved(i));
}

/** How a team reports: its report dates (oldest first), and the site's newest report. */
export interface TeamTime {
  /** Dates of the team's reports, oldest first (one per date). */
  reports: readonly string[];
  /** The newest report date of the whole site: the "now" a silent team is judged against. */
  siteNewest: string;
}

/**
 * Whether the team has gone silent: its latest report is older than its cadence allows — more
 * than twice its usual gap between reports (the median), and at least `minWeeks` weeks, before
 * the site's newest report.
 */
export function silentSince(team: TeamTime, minWeeks: number): string | undefined {
  const last = team.reports.at(-1);
  if (last === undefined) return undefined;
  const gaps = team.reports.slice(1).map((d, i) => weeksBetween(team.reports[i]!, d)).sort((a, b) => a - b);
  const cadence = gaps.length > 0 ? Math.max(1, gaps[Math.floor(gaps.length / 2)]!) : 1;
  return weeksBetween(last, team.siteNewest) > Math.max(2 * cadence, minWeeks) ? last : undefined;
}
const DEFINITION_STATUS = /\bstatus\s*:\s*(?:<\/?[a-z][^>]*>\s*)*(done|completed|complete)\b/i;

export interface StatusInfo {
  status: MilestoneStatus;
  /** Why, in words: "2 blockers listed on 2026-10-05". */
  reason: string;
  /** The milestone's latest week: its update and section (undefined only for a milestone without weeks). */
  latest?: { update: Update; section: MilestoneSection };
  /** Weeks since the latest entry while the team kept publishing (quiet milestones). */
  quietWeeks?: number;
  /** The team's latest report, when the team has gone silent (then the status is quiet): shown as "silent since". */
  silentSince?: string;
}

export interface StatusOptions {
  /** Weeks without an entry after which a milestone is quiet (QUIET_WEEKS). */
  quietWeeks: number;
}

/** The items of a kind, including kinds a newer model may add (e.g. `progress`). */
export function itemsOf(section: MilestoneSection, kind: string): Item[] {
  return (section.items as unknown as Record<string, Item[] | undefined>)[kind] ?? [];
}

/** The Monday (UTC) of the ISO week a date falls in. */
function weekStart(date: string): number {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.getTime();
}

export function weeksBetween(from: string, to: string): number {
  return Math.floor((weekStart(to) - weekStart(from)) / (7 * 86_400_000));
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Status of one milestone, given its latest week and its team's reporting. */
export function deriveStatus(
  milestone: Pick<Milestone, 'description'>,
  latest: { update: Update; section: MilestoneSection } | undefined,
  time: TeamTime | undefined,
  options: StatusOptions,
): StatusInfo {
  if (!latest) return { status: 'active', reason: 'no entry yet' };
  const { update, section } = latest;
  const on = update.date;
  const doneWord = section.status.find((w) => DONE_WORDS.has(w.toLowerCase().replace(/^status:\s*/, '')));
  if (doneWord) return { status: 'done', reason: `marked “${doneWord}” on ${on}`, latest };
  if (milestone.description && DEFINITION_STATUS.test(milestone.description)) return { status: 'done', reason: 'marked done in its definition', latest };
  const teamNewest = time?.reports.at(-1);
  // Open means current: listed in the team's latest report, and that report within the team's
  // cadence. A team silent since then has nothing open: what it listed last is not news.
  const silent = time !== undefined ? silentSince(time, options.quietWeeks) : undefined;
  if (silent !== undefined && time !== undefined) {
    const listed = openOf(section, 'blockers').length + openOf(section, 'risks').length;
    const then = listed > 0 && on >= (teamNewest ?? on) ? `; ${listed} ${listed === 1 ? 'blocker or risk' : 'blockers or risks'} listed then` : '';
    return { status: 'quiet', reason: `its team is silent since ${silent} (last entry on ${on}${then})`, latest, quietWeeks: weeksBetween(on, time.siteNewest), silentSince: silent };
  }
  const current = teamNewest === undefined || on >= teamNewest;
  const blockers = openOf(section, 'blockers').length;
  if (current && blockers > 0) return { status: 'blocked', reason: `${plural(blockers, 'blocker')} listed on ${on}`, latest };
  if (current && section.status.some((w) => w.toLowerCase() === 'blocked')) return { status: 'blocked', reason: `marked “blocked” on ${on}`, latest };
  const risks = openOf(section, 'risks').length;
  if (current && risks > 0) return { status: 'at-risk', reason: `${plural(risks, 'risk')} listed on ${on}`, latest };
  const riskWord = current ? section.status.find((w) => AT_RISK_WORDS.has(w.toLowerCase())) : undefined;
  if (riskWord) return { status: 'at-risk', reason: `marked “${riskWord}” on ${on}`, latest };
  if (time !== undefined) {
    // Reports the team published since this milestone's latest entry: a week nobody wrote is no week.
    const weeks = time.reports.filter((d) => d > on).length;
    if (weeks >= options.quietWeeks) return { status: 'quiet', reason: `no entry in ${weeks} reports of its team (last on ${on})`, latest, quietWeeks: weeks };
  }
  return { status: 'active', reason: `last reported on ${on}`, latest };
}

/** Each team's report dates, oldest first (a team's own time: see TeamTime). */
export function reportDates(updates: readonly Update[]): Map<string, string[]> {
  const out = new Map<string, Set<string>>();
  for (const u of updates) {
    let dates = out.get(u.team);
    if (!dates) out.set(u.team, (dates = new Set()));
    dates.add(u.date);
  }
  return new Map([...out].map(([team, dates]) => [team, [...dates].sort()]));
}

/** The newest report date of the site. */
export function newestDate(updates: ReadonlyArray<{ date: string }>): string {
  return updates.reduce((max, u) => (u.date > max ? u.date : max), '');
}

const indexes = new WeakMap<SiteModel, Map<number, Map<string, StatusInfo>>>();

/** Every milestone's status, computed once per site model and QUIET_WEEKS. */
export function statusIndex(site: SiteModel, options: StatusOptions): Map<string, StatusInfo> {
  let perWeeks = indexes.get(site);
  if (!perWeeks) indexes.set(site, (perWeeks = new Map()));
  let index = perWeeks.get(options.quietWeeks);
  if (index) return index;
  const latest = new Map<string, { update: Update; section: MilestoneSection }>();
  const siteNewest = newestDate(site.updates);
  // Updates are newest first: the first entry seen for a key is its latest week.
  for (const update of site.updates) {
    for (const section of update.sections) {
      const seen = latest.get(section.key);
      if (!seen || seen.update.date < update.date) latest.set(section.key, { update, section });
    }
  }
  index = new Map();
  const times = new Map([...reportDates(site.updates)].map(([team, reports]) => [team, { reports, siteNewest }]));
  for (const m of site.milestones) index.set(m.key, deriveStatus(m, latest.get(m.key), times.get(m.team), options));
  perWeeks.set(options.quietWeeks, index);
  return index;
}

export function statusOf(site: SiteModel, key: string, options: StatusOptions): StatusInfo {
  return statusIndex(site, options).get(key) ?? { status: 'active', reason: 'no entry yet' };
}

/**
 * Statuses known without the updates: a site model read from the static output's catalog
 * (src/publish/data.ts) carries the statuses the build derived.
 */
const known = new WeakMap<SiteModel, Record<string, MilestoneStatus>>();
export function rememberStatuses(site: SiteModel, statuses: Record<string, MilestoneStatus>): void {
  known.set(site, statuses);
}

/** key → status: from the catalog when the site is one, else derived from its updates. */
export function statusesOf(site: SiteModel, options: StatusOptions): Map<string, MilestoneStatus> {
  const given = known.get(site);
  if (given) return new Map(Object.entries(given));
  return new Map([...statusIndex(site, options)].map(([k, v]) => [k, v.status]));
}

/**
 * Team slug → the date of its latest report, for every team that has gone silent (see
 * `silentSince`): from the catalog when the site is one, else derived from its updates.
 */
const knownSilent = new WeakMap<SiteModel, Record<string, string>>();
export function rememberSilentTeams(site: SiteModel, silent: Record<string, string>): void {
  knownSilent.set(site, silent);
}

export function silentTeams(site: SiteModel, options: StatusOptions): Map<string, string> {
  const given = knownSilent.get(site);
  if (given) return new Map(Object.entries(given));
  const siteNewest = newestDate(site.updates);
  const silent = new Map<string, string>();
  for (const [team, reports] of reportDates(site.updates)) {
    const since = silentSince({ reports, siteNewest }, options.quietWeeks);
    if (since !== undefined) silent.set(team, since);
  }
  return silent;
}

/** Open = neither quiet nor done: the groups of the milestone index. */
export type StatusGroup = 'open' | 'quiet' | 'done';
export function statusGroup(status: MilestoneStatus): StatusGroup {
  return status === 'done' ? 'done' : status === 'quiet' ? 'quiet' : 'open';
}

/** QUIET_WEEKS as a number (3 when unset or not a positive whole number). */
export function quietWeeksOf(raw: string | undefined): number {
  const n = Number(raw);
  return Number.isInteger(n) && n > 0 ? n : 3;
}

export { badgeSvg } from './badge';
export { lastAchieved, openItems, weeksOf, type OpenItem } from './open';
export { overview, type AttentionItem, type MovedMilestone, type Overview, type TeamNow } from './overview';

/**
 * The status of every milestone, derived from the model alone (pure: pages, feeds, emails and
 * the badge all read it, at build time or in the Worker).
 *
 * The rule, first match wins, always judged on the milestone's latest week (the newest update
 * that has an entry for it):
 *
 * 1. **done** — its heading that week carries a status word meaning finished ("done",
 *    "completed", "complete"), or its definition file says so (`Status: Done` / `Completed`);
 * 2. **blocked** — blockers are listed under it that week (or its heading says "blocked");
 * 3. **at risk** — risks are listed under it that week;
 * 4. **quiet** — its team has published for `QUIET_WEEKS` weeks or more since its latest entry
 *    (measured against the team's newest update, not the clock, so a page built today and a
 *    page built next month say the same about the same content);
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
  blocked: 'blockers listed in its latest week',
  'at-risk': 'risks listed in its latest week',
  quiet: 'no entry for a while although its team kept publishing',
  active: 'reported recently, no risk or blocker listed',
};

const DONE_WORDS = new Set(['done', 'completed', 'complete']);
const DEFINITION_STATUS = /\bstatus\s*:\s*(?:<\/?[a-z][^>]*>\s*)*(done|completed|complete)\b/i;

export interface StatusInfo {
  status: MilestoneStatus;
  /** Why, in words: "2 blockers listed on 2026-10-05". */
  reason: string;
  /** The milestone's latest week: its update and section (undefined only for a milestone without weeks). */
  latest?: { update: Update; section: MilestoneSection };
  /** Weeks since the latest entry while the team kept publishing (quiet milestones). */
  quietWeeks?: number;
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

/** Status of one milestone, given its latest week and its team's newest update date. */
export function deriveStatus(
  milestone: Pick<Milestone, 'description'>,
  latest: { update: Update; section: MilestoneSection } | undefined,
  teamNewest: string | undefined,
  options: StatusOptions,
): StatusInfo {
  if (!latest) return { status: 'active', reason: 'no entry yet' };
  const { update, section } = latest;
  const on = update.date;
  const doneWord = section.status.find((w) => DONE_WORDS.has(w.toLowerCase()));
  if (doneWord) return { status: 'done', reason: `marked “${doneWord}” on ${on}`, latest };
  if (milestone.description && DEFINITION_STATUS.test(milestone.description)) return { status: 'done', reason: 'marked done in its definition', latest };
  const blockers = itemsOf(section, 'blockers').length;
  if (blockers > 0) return { status: 'blocked', reason: `${plural(blockers, 'blocker')} listed on ${on}`, latest };
  if (section.status.some((w) => w.toLowerCase() === 'blocked')) return { status: 'blocked', reason: `marked “blocked” on ${on}`, latest };
  const risks = itemsOf(section, 'risks').length;
  if (risks > 0) return { status: 'at-risk', reason: `${plural(risks, 'risk')} listed on ${on}`, latest };
  if (teamNewest !== undefined) {
    const weeks = weeksBetween(on, teamNewest);
    if (weeks >= options.quietWeeks) return { status: 'quiet', reason: `no entry for ${weeks} weeks (last on ${on})`, latest, quietWeeks: weeks };
  }
  return { status: 'active', reason: `last reported on ${on}`, latest };
}

const indexes = new WeakMap<SiteModel, Map<number, Map<string, StatusInfo>>>();

/** Every milestone's status, computed once per site model and QUIET_WEEKS. */
export function statusIndex(site: SiteModel, options: StatusOptions): Map<string, StatusInfo> {
  let perWeeks = indexes.get(site);
  if (!perWeeks) indexes.set(site, (perWeeks = new Map()));
  let index = perWeeks.get(options.quietWeeks);
  if (index) return index;
  const latest = new Map<string, { update: Update; section: MilestoneSection }>();
  const teamNewest = new Map<string, string>();
  // Updates are newest first: the first entry seen for a key is its latest week.
  for (const update of site.updates) {
    if ((teamNewest.get(update.team) ?? '') < update.date) teamNewest.set(update.team, update.date);
    for (const section of update.sections) {
      const seen = latest.get(section.key);
      if (!seen || seen.update.date < update.date) latest.set(section.key, { update, section });
    }
  }
  index = new Map();
  for (const m of site.milestones) index.set(m.key, deriveStatus(m, latest.get(m.key), teamNewest.get(m.team), options));
  perWeeks.set(options.quietWeeks, index);
  return index;
}

export function statusOf(site: SiteModel, key: string, options: StatusOptions): StatusInfo {
  return statusIndex(site, options).get(key) ?? { status: 'active', reason: 'no entry yet' };
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
export { overview, type AttentionItem, type MovedMilestone, type Overview } from './overview';

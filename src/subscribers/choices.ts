/**
 * What the preferences page offers to follow, as plain data (pure): per team its milestones
 * nested under their parents, each with its status, the current ones first and the done,
 * quiet and silent ones apart (the page folds them), and for names a team uses more than once
 * what tells them apart (their parent, their tracker reference, else their key).
 */
import type { Milestone, SiteModel, Team } from '../content/model';
import { teamMilestones } from '../feeds/document';
import { milestoneAreas } from '../publish/data';
import { silentTeams, statusesOf, type MilestoneStatus, type StatusOptions } from '../status';

/** The badge a reader sees: a milestone's status, and `silent` for a quiet one of a silent team. */
export type Badge = MilestoneStatus | 'silent';

/** Current badges first, the folded ones after: the order of a list. */
const ORDER: Record<Badge, number> = { blocked: 0, 'at-risk': 1, active: 2, done: 3, quiet: 4, silent: 5 };

/** Done, quiet and silent milestones are folded away unless one of them is followed. */
export function isFolded(badge: Badge): boolean {
  return badge === 'done' || badge === 'quiet' || badge === 'silent';
}

export interface Choice {
  key: string;
  title: string;
  level: Milestone['level'];
  badge: Badge;
  lastSeen: string;
  /** Its tracker as a reader knows it: `roadmap#21`, `roadmap milestone 10`. */
  trackerRef?: string;
  /** For a name its team uses more than once: its parent's title, the area it is under. */
  parentTitle?: string;
  area?: string;
  /** For a name that parent and tracker do not tell apart: its key. */
  showKey?: boolean;
  children: ChoiceGroup;
}

export interface ChoiceGroup {
  /** Blocked, at risk and active: shown. */
  current: Choice[];
  /** Done, quiet and silent: folded (with their own children). */
  folded: Choice[];
}

export interface TeamChoices {
  team: Team;
  /** Its latest report's date, when the team has gone silent. */
  silentSince?: string;
  /** How many milestones it owns (the catalog's count: also for a team not loaded). */
  total: number;
  /** Its milestones, when the view holds them all; undefined when they are a link away. */
  milestones?: ChoiceGroup;
  /** How many of its milestones carry each badge (only when `milestones` is there). */
  badges?: Partial<Record<Badge, number>>;
}

/**
 * `github.com/org/roadmap/issues/21` → `roadmap#21`, `…/milestone/10` → `roadmap milestone 10`,
 * any other URL → its host and last path segment.
 */
export function trackerRef(url: string | undefined): string | undefined {
  if (!url) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  const parts = parsed.pathname.split('/').filter(Boolean);
  const at = parts.findIndex((p, i) => i >= 2 && /^(?:issues|pull|pulls|merge_requests|milestones?|epics)$/.test(p) && /^\d+$/.test(parts[i + 1] ?? ''));
  if (at >= 2) {
    const repo = parts[at - 1] === '-' ? parts[at - 2] : parts[at - 1];
    const kind = parts[at]!;
    const n = parts[at + 1]!;
    if (kind.startsWith('milestone')) return `${repo} milestone ${n}`;
    if (kind === 'epics') return `${repo} epic ${n}`;
    return `${repo}#${n}`;
  }
  const last = parts.at(-1);
  return last ? `${parsed.hostname} ${decodeURIComponent(last)}` : parsed.hostname;
}

function compare(a: Choice, b: Choice): number {
  return ORDER[a.badge] - ORDER[b.badge] || (a.lastSeen < b.lastSeen ? 1 : a.lastSeen > b.lastSeen ? -1 : 0) || a.title.localeCompare(b.title);
}

function split(choices: Choice[]): ChoiceGroup {
  const sorted = [...choices].sort(compare);
  return { current: sorted.filter((c) => !isFolded(c.badge)), folded: sorted.filter((c) => isFolded(c.badge)) };
}

/** One team's milestones as a tree of choices (a parent cycle lists the rest at the top). */
export function teamChoiceTree(milestones: readonly Milestone[], badgeOf: (key: string) => Badge, areas: ReadonlyMap<string, string> = new Map()): ChoiceGroup {
  const keys = new Map(milestones.map((m) => [m.key, m]));
  const byParent = new Map<string | undefined, Milestone[]>();
  for (const m of milestones) {
    const parent = m.parentKey && keys.has(m.parentKey) && m.parentKey !== m.key ? m.parentKey : undefined;
    byParent.set(parent, [...(byParent.get(parent) ?? []), m]);
  }
  // Names this team uses more than once, and what tells them apart.
  const sameName = new Map<string, Milestone[]>();
  for (const m of milestones) {
    const name = m.title.trim().toLowerCase();
    sameName.set(name, [...(sameName.get(name) ?? []), m]);
  }
  const told = (m: Milestone) => {
    const twins = sameName.get(m.title.trim().toLowerCase()) ?? [];
    if (twins.length < 2) return {};
    const parentTitle = m.parentKey ? keys.get(m.parentKey)?.title : undefined;
    const area = areas.get(m.key);
    const sign = (t: Milestone) =>
      [t.parentKey ? keys.get(t.parentKey)?.title ?? '' : '', areas.get(t.key) ?? '', trackerRef(t.trackerUrl) ?? ''].join('\u0000').toLowerCase();
    const showKey = twins.filter((t) => sign(t) === sign(m)).length > 1;
    return { ...(parentTitle ? { parentTitle } : {}), ...(area ? { area } : {}), ...(showKey ? { showKey } : {}) };
  };
  const seen = new Set<string>();
  const choice = (m: Milestone, children: ChoiceGroup): Choice => {
    const ref = trackerRef(m.trackerUrl);
    return { key: m.key, title: m.title, level: m.level, badge: badgeOf(m.key), lastSeen: m.lastSeen, ...(ref ? { trackerRef: ref } : {}), ...told(m), children };
  };
  const build = (parent: string | undefined): Choice[] =>
    (byParent.get(parent) ?? []).filter((m) => !seen.has(m.key) && (seen.add(m.key), true)).map((m) => choice(m, split(build(m.key))));
  const roots = build(undefined);
  for (const m of milestones) if (!seen.has(m.key)) roots.push(choice(m, { current: [], folded: [] }));
  return split(roots);
}

/**
 * Teams whose milestones a view of the catalog holds in full (all it owns): a view read for
 * one page holds only the teams that page needs (src/catalog.ts); a whole model holds all.
 */
function loadedTeams(site: SiteModel, counts: Readonly<Record<string, number>> | undefined): Set<string> {
  const held = new Map<string, number>();
  for (const m of site.milestones) held.set(m.team, (held.get(m.team) ?? 0) + 1);
  return new Set(site.teams.filter((t) => (held.get(t.slug) ?? 0) >= (counts?.[t.slug] ?? 0)).map((t) => t.slug));
}

function countBadges(group: ChoiceGroup, into: Partial<Record<Badge, number>> = {}): Partial<Record<Badge, number>> {
  for (const c of [...group.current, ...group.folded]) {
    into[c.badge] = (into[c.badge] ?? 0) + 1;
    countBadges(c.children, into);
  }
  return into;
}

/** Every team with what the page can offer of it. */
export function followChoices(site: SiteModel, options: StatusOptions, counts?: Readonly<Record<string, number>>): TeamChoices[] {
  const statuses = statusesOf(site, options);
  const silent = silentTeams(site, options);
  const loaded = loadedTeams(site, counts);
  const areas = milestoneAreas(site);
  return site.teams.map((team) => {
    const since = silent.get(team.slug);
    const owned = teamMilestones(site, team.slug);
    const base: TeamChoices = { team, ...(since ? { silentSince: since } : {}), total: counts?.[team.slug] ?? owned.length };
    if (!loaded.has(team.slug)) return base;
    const badgeOf = (key: string): Badge => {
      const status = statuses.get(key) ?? 'active';
      return status === 'quiet' && since ? 'silent' : status;
    };
    const milestones = teamChoiceTree(owned, badgeOf, areas);
    return { ...base, milestones, badges: countBadges(milestones) };
  });
}

/** Whether any of these choices (or their children) is ticked. */
export function anySelected(choices: readonly Choice[], selected: ReadonlySet<string>): boolean {
  return choices.some((c) => selected.has(`milestone:${c.key}`) || anySelected(c.children.current, selected) || anySelected(c.children.folded, selected));
}

/** "3 done, 5 quiet": counts of badges, in the list's order. */
export function badgeCounts(counts: Partial<Record<Badge, number>>, words: Record<Badge, string>): string {
  return (Object.keys(ORDER) as Badge[])
    .filter((b) => (counts[b] ?? 0) > 0)
    .map((b) => `${counts[b]} ${words[b]}`)
    .join(', ');
}

/**
 * A subscriber follows scopes: `all`, `team:<team>`, `milestone:<key>`. These pure functions
 * cut a digest's changes down to one set of scopes.
 */
import type { SiteModel } from '../content/model';
import type { Changes, MilestoneChange } from './changes';

/** One canonical string per distinct set of scopes: the unit the digest is rendered for. */
export function scopeSetKey(scopes: readonly string[]): string {
  const unique = [...new Set(scopes)].sort();
  return unique.includes('all') ? 'all' : unique.join(',');
}

/** key → its ancestors (parent, grandparent, …) from the milestone index. */
export function ancestry(site: SiteModel): (key: string) => string[] {
  const parent = new Map(site.milestones.map((m) => [m.key, m.parentKey]));
  return (key) => {
    const chain: string[] = [];
    for (let p = parent.get(key); p !== undefined && !chain.includes(p) && p !== key; p = parent.get(p)) chain.push(p);
    return chain;
  };
}

/**
 * In a scope set, this marker stands for "only risks and blockers" (a reader's content
 * choice, migrations/0004): the set is rendered once for everyone who chose the same.
 */
export const RISKS_ONLY = '~risks';

/**
 * In a scope set, this marker stands for "the reader's first digest": rendered as where what
 * they follow stands (src/digest/changes.ts, `state`), once for everyone in the same case.
 */
export const FIRST = '~first';

/** Markers of a scope set that are not scopes (`~risks`, `~first`). */
export const isMarker = (scope: string) => scope.startsWith('~');

/**
 * The scope-set key of a reader: their scopes, plus the marker when they want only risks, and
 * the marker of a first digest when no digest has been addressed to them yet.
 */
export function readerSetKey(scopes: readonly string[], content: string | undefined, first = false): string {
  const key = scopeSetKey(scopes);
  return `${key}${content === 'risks' ? `,${RISKS_ONLY}` : ''}${first ? `,${FIRST}` : ''}`;
}

/** Only risks and blockers: new, still open and no longer listed; nothing achieved or next. */
export function risksOnly(changes: Changes): Changes {
  const milestones = changes.milestones
    .map((m) => ({ ...m, achieved: [], next: [] }))
    .filter((m) => m.risks.length + m.blockers.length + m.resolved.length + (m.open?.length ?? 0) > 0);
  const { silent: _silent, ...rest } = changes;
  return {
    ...rest,
    newUpdates: [],
    editedUpdates: [],
    milestones,
    ...(changes.state ? { state: changes.state.map(({ moreAchieved: _more, ...t }) => ({ ...t, achieved: [] })) } : {}),
  };
}

export function filterChanges(changes: Changes, scopes: readonly string[], site: SiteModel): Changes {
  // A first digest is filtered as any other: the marker says how to render it, not what.
  if (scopes.includes(FIRST)) return filterChanges(changes, scopes.filter((s) => s !== FIRST), site);
  if (scopes.includes(RISKS_ONLY)) return risksOnly(filterChanges(changes, scopes.filter((s) => s !== RISKS_ONLY), site));
  if (scopes.includes('all')) return changes;
  const teams = new Set(scopes.filter((s) => s.startsWith('team:')).map((s) => s.slice(5)));
  const keys = new Set(scopes.filter((s) => s.startsWith('milestone:')).map((s) => s.slice(10)));
  const ancestorsOf = ancestry(site);
  // A milestone scope includes its sub-milestones and deliverables.
  const inScope = (m: MilestoneChange) => teams.has(m.team) || keys.has(m.key) || ancestorsOf(m.key).some((a) => keys.has(a));
  const milestones = changes.milestones.filter(inScope);
  const followedKeys = new Set(milestones.map((m) => m.key));
  // An update mentions a followed milestone when it is one of that milestone's weeks (the
  // milestone index says so without the updates themselves, which the Worker does not hold).
  const weeksOf = new Map(site.milestones.map((m) => [m.key, m.weeks]));
  const mentions = (updateId: string) => [...followedKeys].some((key) => weeksOf.get(key)?.includes(updateId) ?? false);
  const updateInScope = (u: { id: string; team: string }) => teams.has(u.team) || mentions(u.id);
  // A silent team concerns whoever follows it or one of its milestones.
  const followsTeam = (team: string) => teams.has(team) || site.milestones.some((m) => m.team === team && keys.has(m.key));
  const silent = (changes.silent ?? []).filter((s) => followsTeam(s.team));
  const { silent: _silent, state: _state, ...rest } = changes;
  return {
    ...rest,
    newUpdates: changes.newUpdates.filter(updateInScope),
    editedUpdates: changes.editedUpdates.filter(updateInScope),
    milestones,
    ...(silent.length > 0 ? { silent } : {}),
    ...(changes.state ? { state: stateInScope(changes.state, (key, team) => teams.has(team) || keys.has(key) || ancestorsOf(key).some((a) => keys.has(a))) } : {}),
  };
}

/** Where things stand, cut down to what a reader follows; teams with nothing of it left out. */
function stateInScope(state: NonNullable<Changes['state']>, inScope: (key: string, team: string) => boolean): NonNullable<Changes['state']> {
  return state
    .map((t) => {
      const achieved = t.achieved.filter((a) => inScope(a.milestone.key, a.milestone.team));
      const { moreAchieved, ...rest } = t;
      // Those left out are only the team's to count: a reader of a few milestones is not told of them.
      return { ...rest, open: t.open.filter((o) => inScope(o.milestone.key, o.milestone.team)), achieved, ...(moreAchieved && inScope('', t.team) ? { moreAchieved } : {}) };
    })
    .filter((t) => t.open.length + t.achieved.length > 0 || inScope('', t.team));
}

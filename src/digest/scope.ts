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

export function filterChanges(changes: Changes, scopes: readonly string[], site: SiteModel): Changes {
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
  return {
    ...changes,
    newUpdates: changes.newUpdates.filter(updateInScope),
    editedUpdates: changes.editedUpdates.filter(updateInScope),
    milestones,
  };
}

/**
 * The changes since the last digest, worked out one team at a time: a cut holds one team's
 * updates at a time (read from the build's team index), never the whole site. The result is
 * what computeChanges and takeSnapshot give over the whole site (test/digest/by-team.test.ts).
 */
import type { SiteModel } from '../content/model';
import { computeChanges, isEmpty, weekStart, type ChangeOptions, type Changes, type MilestoneChange } from './changes';
import { snapshotOf, TRACKED_KINDS, type MilestoneSnapshot, type Snapshot } from './snapshot';
import type { ContentSource } from './source';

export interface TeamByTeam {
  changes: Changes;
  /** The snapshot the next digest compares with. */
  snapshot: Snapshot;
}

/** Merges snapshots of disjoint sets of updates (one per team) into one. */
export function mergeSnapshots(parts: readonly Snapshot[], version: string, catalog: SiteModel): Snapshot {
  const merged: Snapshot = { version, until: '', updates: {}, milestones: {}, teamLatest: {} };
  const teamOf = new Map(catalog.milestones.map((m) => [m.key, m.team]));
  for (const part of parts) {
    if (part.until > merged.until) merged.until = part.until;
    Object.assign(merged.updates, part.updates);
    for (const [team, date] of Object.entries(part.teamLatest)) if ((merged.teamLatest[team] ?? '') < date) merged.teamLatest[team] = date;
    for (const [key, m] of Object.entries(part.milestones)) {
      const known = merged.milestones[key];
      if (!known) {
        merged.milestones[key] = m;
        continue;
      }
      // One milestone reported by two teams: its latest week speaks, everything seen is kept.
      const latest: MilestoneSnapshot = m.lastWeek > known.lastWeek ? m : known;
      const seen = { ...known.seen };
      for (const kind of TRACKED_KINDS) seen[kind] = [...new Set([...(known.seen[kind] ?? []), ...(m.seen[kind] ?? [])])];
      merged.milestones[key] = { ...latest, team: teamOf.get(key) ?? known.team, seen };
    }
  }
  return merged;
}

function mergeMilestone(a: MilestoneChange, b: MilestoneChange): MilestoneChange {
  const [older, newer] = a.lastSeen <= b.lastSeen ? [a, b] : [b, a];
  return {
    ...newer,
    isNew: a.isNew && b.isNew,
    achieved: [...older.achieved, ...newer.achieved],
    progress: [...older.progress, ...newer.progress],
    next: [...older.next, ...newer.next],
    risks: [...older.risks, ...newer.risks],
    blockers: [...older.blockers, ...newer.blockers],
    resolved: [...older.resolved, ...newer.resolved],
  };
}

/**
 * computeChanges over a content source, team by team, against `previous` (the last digest's
 * snapshot; for the first digest ever, everything before the site's latest week).
 */
export async function changesByTeam(source: ContentSource, previous: Snapshot | undefined, options: ChangeOptions): Promise<TeamByTeam> {
  const { catalog } = source;
  let base = previous;
  if (!base) {
    // The first digest covers the site's latest week only: the baseline is everything before.
    const latestWeek = source.newest ? weekStart(source.newest) : '';
    const parts: Snapshot[] = [];
    for (const team of catalog.teams) {
      const updates = await source.teamUpdates(team.slug);
      parts.push(snapshotOf(updates.filter((u) => u.date < latestWeek), catalog.version));
    }
    base = mergeSnapshots(parts, catalog.version, catalog);
  }
  const newUpdates: Changes['newUpdates'] = [];
  const editedUpdates: Changes['editedUpdates'] = [];
  const milestones: MilestoneChange[] = [];
  const byKey = new Map<string, number>();
  const parts: Snapshot[] = [];
  let until = '';
  for (const team of catalog.teams) {
    const updates = await source.teamUpdates(team.slug);
    if (updates.length === 0) continue;
    const teamSite: SiteModel = { ...catalog, updates };
    const changes = computeChanges(teamSite, base, options);
    if (changes.until > until) until = changes.until;
    newUpdates.push(...changes.newUpdates);
    editedUpdates.push(...changes.editedUpdates);
    for (const m of changes.milestones) {
      const at = byKey.get(m.key);
      if (at === undefined) {
        byKey.set(m.key, milestones.length);
        milestones.push(m);
      } else milestones[at] = mergeMilestone(milestones[at]!, m);
    }
    parts.push(snapshotOf(updates, catalog.version));
  }
  // The whole-site order: oldest first, and within a date by team, as the model lists them.
  const byDate = (a: { date: string; team: string }, b: { date: string; team: string }) =>
    a.date !== b.date ? (a.date < b.date ? -1 : 1) : a.team < b.team ? 1 : a.team > b.team ? -1 : 0;
  newUpdates.sort(byDate);
  editedUpdates.sort(byDate);
  const changes: Changes = { ...(previous ? { since: previous.until } : {}), until, newUpdates, editedUpdates, milestones };
  return { changes, snapshot: mergeSnapshots(parts, catalog.version, catalog) };
}

export { isEmpty };

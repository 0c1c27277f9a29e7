/**
 * The changes since the last digest, worked out one team at a time: a cut holds one team's
 * updates (read from the build's team index) and one team's part of the previous snapshot at
 * a time, never the whole site's, and hands the new snapshot over team by team. The result is
 * what computeChanges and takeSnapshot give over the whole site (test/digest/by-team.test.ts).
 */
import type { CatalogSource } from '../catalog';
import type { SiteModel } from '../content/model';
import { computeChanges, isEmpty, weekStart, type ChangeOptions, type Changes, type MilestoneChange } from './changes';
import { snapshotOf, type MilestoneSnapshot, type Snapshot } from './snapshot';
import { mergeMilestone, type PreviousSnapshot, type SnapshotSink } from './snapshot-parts';

function mergeChange(a: MilestoneChange, b: MilestoneChange): MilestoneChange {
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
 * Of a team's view of the catalog (its milestones, those it reports, their ancestors): each
 * milestone's owner, and those reported by more than one team (from their weeks, update ids
 * being `<team>/<date>`) with the teams. A shared milestone's snapshot is merged over those
 * teams, so it is kept until the last of them is done. Any other milestone is one team's alone.
 */
function sharing(view: SiteModel) {
  const teamOf = new Map(view.milestones.map((m) => [m.key, m.team]));
  const shared = new Map<string, Set<string>>();
  for (const m of view.milestones) {
    const teams = new Set(m.weeks.map((id) => id.slice(0, id.indexOf('/'))));
    if (teams.size > 1) shared.set(m.key, teams);
  }
  // A key no catalog milestone names cannot be told finished before the end: kept like a shared one.
  const isShared = (key: string) => shared.has(key) || !teamOf.has(key);
  return { teamOf, shared, isShared };
}

/**
 * Milestones whose snapshot a team's changes read. Of the previous snapshot, computeChanges
 * over one team's updates reads: the hashes of that team's updates (new, edited), the state of
 * every milestone its sections name (seen items, title, open risks: merged over all teams that
 * reported it, as the whole-site snapshot has it), the state of the milestones the catalog
 * gives to the team and its newest date (gone quiet), and the digest's `until` (since).
 */
function keysOf(team: string, updates: SiteModel['updates'], view: SiteModel): Set<string> {
  const keys = new Set<string>();
  for (const u of updates) for (const s of u.sections) keys.add(s.key);
  for (const m of view.milestones) if (m.team === team) keys.add(m.key);
  return keys;
}

/**
 * computeChanges over a catalog, team by team (one team's updates and its view of the
 * milestones at a time), against `previous` (the last digest's snapshot; for the first
 * digest ever, everything before the site's latest week). The new snapshot goes to `sink`,
 * one finished team (and the milestones it finished) at a time.
 */
export async function changesByTeam(source: CatalogSource, previous: PreviousSnapshot | undefined, options: ChangeOptions, sink?: SnapshotSink): Promise<Changes> {
  let baseline: Map<string, MilestoneSnapshot> | undefined;
  const latestWeek = source.newest ? weekStart(source.newest) : '';
  if (!previous) {
    // The first digest covers the site's latest week only: the baseline is everything before.
    // A first pass keeps of it only what several teams share; each team's own is redone below.
    baseline = new Map();
    for (const team of source.teams) {
      const updates = await source.teamUpdates(team.slug);
      if (updates.length === 0) continue;
      const { teamOf, isShared } = sharing(await source.view({ teams: [team.slug] }));
      const before = snapshotOf(updates.filter((u) => u.date < latestWeek), source.version);
      for (const [key, m] of Object.entries(before.milestones)) {
        if (!isShared(key)) continue;
        const known = baseline.get(key);
        baseline.set(key, known ? mergeMilestone(known, m, teamOf.get(key)) : m);
      }
    }
  }

  const newUpdates: Changes['newUpdates'] = [];
  const editedUpdates: Changes['editedUpdates'] = [];
  const silent: NonNullable<Changes['silent']> = [];
  const state: NonNullable<Changes['state']> = [];
  // A team falls silent against the whole site's newest report, not its own.
  const teamOptions: ChangeOptions = { ...options, siteNewest: options.siteNewest ?? source.newest };
  const milestones: MilestoneChange[] = [];
  const byKey = new Map<string, number>();
  // Shared milestones of the new snapshot, merged as their teams are done.
  const pending = new Map<string, { state: MilestoneSnapshot; teamsLeft: Set<string> }>();
  let until = '';
  for (const team of source.teams) {
    const updates = await source.teamUpdates(team.slug);
    if (updates.length === 0) continue;
    const view = await source.view({ teams: [team.slug] });
    const { teamOf, shared, isShared } = sharing(view);
    let base: Snapshot;
    if (previous) base = await previous.forTeam(team.slug, keysOf(team.slug, updates, view));
    else {
      base = snapshotOf(
        updates.filter((u) => u.date < latestWeek),
        source.version,
      );
      // The team's own milestones are whole in its own history; shared ones come merged.
      for (const [key, m] of baseline!) base.milestones[key] = m;
    }
    const teamSite: SiteModel = { ...view, updates };
    const changes = computeChanges(teamSite, base, teamOptions);
    if (changes.until > until) until = changes.until;
    silent.push(...(changes.silent ?? []));
    state.push(...(changes.state ?? []));
    newUpdates.push(...changes.newUpdates);
    editedUpdates.push(...changes.editedUpdates);
    for (const m of changes.milestones) {
      const at = byKey.get(m.key);
      if (at === undefined) {
        byKey.set(m.key, milestones.length);
        milestones.push(m);
      } else milestones[at] = mergeChange(milestones[at]!, m);
    }
    if (!sink) continue;
    const part = snapshotOf(updates, source.version);
    sink.team(team.slug, { updates: part.updates, latest: part.teamLatest[team.slug] ?? part.until });
    for (const [key, m] of Object.entries(part.milestones)) {
      if (!isShared(key)) {
        sink.milestone(key, m);
        continue;
      }
      const held = pending.get(key);
      const merged = held ? { state: mergeMilestone(held.state, m, teamOf.get(key)), teamsLeft: held.teamsLeft } : { state: m, teamsLeft: new Set(shared.get(key)) };
      merged.teamsLeft.delete(team.slug);
      if (merged.teamsLeft.size === 0 && teamOf.has(key)) {
        pending.delete(key);
        sink.milestone(key, merged.state);
      } else pending.set(key, merged);
    }
  }
  if (sink) for (const [key, { state }] of pending) sink.milestone(key, state);
  // The whole-site order: oldest first, and within a date by team, as the model lists them.
  const byDate = (a: { date: string; team: string }, b: { date: string; team: string }) =>
    a.date !== b.date ? (a.date < b.date ? -1 : 1) : a.team < b.team ? 1 : a.team > b.team ? -1 : 0;
  newUpdates.sort(byDate);
  editedUpdates.sort(byDate);
  return {
    ...(previous ? { since: previous.until } : {}),
    until,
    newUpdates,
    editedUpdates,
    milestones,
    ...(silent.length > 0 ? { silent } : {}),
    ...(options.state ? { state: state.sort((a, b) => (a.team < b.team ? -1 : a.team > b.team ? 1 : 0)) } : {}),
  };
}

export { isEmpty };

/**
 * A digest cut reads the content one team at a time, from the build's compact team indexes
 * (src/publish/data.ts), and the previous snapshot one team's part at a time: week by week over
 * real multi-team history, the changes and the snapshot are exactly what the whole-site
 * computation gives, whether the previous snapshot was stored by part or whole (digests cut
 * before parts existed).
 */
import { describe, expect, it } from 'vitest';
import { indexMilestones, type SiteModel, type Update } from '../../src/content';
import { changesByTeam } from '../../src/digest/by-team';
import { computeChanges, weekStart, type Changes } from '../../src/digest/changes';
import { takeSnapshot, type Snapshot } from '../../src/digest/snapshot';
import { partsInMemory, SnapshotText, wholeSnapshot, type PreviousSnapshot } from '../../src/digest/snapshot-parts';
import type { CatalogSource } from '../../src/catalog';
import { indexUpdate, teamIndexPath, updateFromIndex } from '../../src/publish/data';
import { servedData } from '../assets';
import { reportsBuild, sampleBuild } from '../content/helpers';
import { expectEqual } from '../same';

function siteAsOf(site: SiteModel, date: string): SiteModel {
  const updates = site.updates.filter((u) => u.date <= date);
  return { ...site, version: `${site.version}@${date}`, updates, milestones: indexMilestones(updates) };
}

/**
 * The site as the Worker sees it: the catalog, each team's milestones and the team indexes,
 * read from the data files; `reads` lists the team indexes read.
 */
function indexedSource(site: SiteModel): CatalogSource & { reads: string[] } {
  const served = servedData(site);
  const indexes = new Map(site.teams.map((t) => [teamIndexPath(t.slug), t.slug]));
  return Object.defineProperty(served.catalog, 'reads', { get: () => served.reads.filter((p) => indexes.has(p)).map((p) => indexes.get(p)!) }) as CatalogSource & { reads: string[] };
}

/** Changes without the parts the whole-site and per-team computations may order differently. */
function normal(changes: Changes) {
  return { ...changes, milestones: [...changes.milestones].sort((a, b) => (a.key < b.key ? -1 : 1)) };
}

/**
 * Replays a site week by week, a digest cut each week (or every `every` report dates, as a
 * fortnightly digest cuts), with the previous snapshot as the cut stores it (by part) and as
 * digests stored before parts existed have it (whole). The latest date is always cut.
 */
async function replayBoth(site: SiteModel, every = 1): Promise<number> {
  const all = [...new Set(site.updates.map((u) => u.date))].sort();
  const dates = all.filter((_, i) => (all.length - 1 - i) % every === 0);
  let previous: Snapshot | undefined;
  let stored: PreviousSnapshot | undefined;
  let compared = 0;
  for (const date of dates) {
    const now = siteAsOf(site, date);
    const whole = computeChanges(now, previous, { quietWeeks: 3 });
    const text = new SnapshotText();
    // The week's data files, served once for both cuts below (a catalog holds no state).
    const source = indexedSource(now);
    const changes = await changesByTeam(source, stored, { quietWeeks: 3 }, text);
    expect(changes.newUpdates, date).toEqual(whole.newUpdates);
    expect(changes.editedUpdates, date).toEqual(whole.editedUpdates);
    const shared = sharedKeys(now);
    if (shared.size === 0) {
      expectEqual(normal(changes), normal(whole), date);
      // Same milestones in the same order when no milestone is reported by two teams.
      expect(changes.milestones.map((m) => m.key), date).toEqual(whole.milestones.map((m) => m.key));
    } else {
      // Milestones of one team are exactly the whole site's. Those two teams report are merged
      // from each team's changes (by-team.ts mergeChange): see the next test.
      const own = (c: Changes) => normal({ ...c, milestones: c.milestones.filter((m) => !shared.has(m.key)) });
      expectEqual(own(changes), own(whole), date);
    }
    if (previous) {
      // Against the previous snapshot whole (digests stored before parts existed; and what a
      // cut compared with before snapshots were stored by part): the very same changes.
      expectEqual(await changesByTeam(source, wholeSnapshot(previous), { quietWeeks: 3 }), changes, date);
    }
    const snapshot = takeSnapshot(now);
    const parts = partsInMemory(text, changes.until, now.version);
    expectEqual(sortedSeen(parts.whole()), sortedSeen(snapshot), date);
    previous = snapshot;
    stored = parts;
    compared++;
  }
  return compared;
}

/** A milestone's `seen` lists are sets (SeenItems): merged over teams, they list in team order. */
function sortedSeen(snapshot: Snapshot): Snapshot {
  const milestones = Object.fromEntries(
    Object.entries(snapshot.milestones).map(([key, m]) => [key, { ...m, seen: Object.fromEntries(Object.entries(m.seen).map(([kind, fps]) => [kind, [...fps].sort()])) as typeof m.seen }]),
  );
  return { ...snapshot, milestones };
}

function sharedKeys(site: SiteModel): Set<string> {
  return new Set(site.milestones.filter((m) => new Set(m.weeks.map((id) => id.split('/')[0])).size > 1).map((m) => m.key));
}

/**
 * The site with a second team reporting the first team's milestones (same keys) one week
 * later, leaving out one item of each kind every other week and adding one of its own, so
 * that the two teams' reports of a milestone interleave and differ.
 */
function withMirrorTeam(site: SiteModel): SiteModel {
  const from = site.teams[0]!.slug;
  const slug = `${from}-mirror`;
  const later = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 7 * 86_400_000).toISOString().slice(0, 10);
  const mirror = site.updates
    .filter((u) => u.team === from)
    .map((u, i): Update => {
      const date = later(u.date);
      return {
        ...u,
        id: `${slug}/${date}`,
        team: slug,
        date,
        permalink: `/updates/${slug}/${date}`,
        hash: `${u.hash}-mirror`,
        sections: u.sections.map((s) => ({
          ...s,
          items: {
            ...s.items,
            achieved: [...(i % 2 === 0 ? s.items.achieved.slice(1) : s.items.achieved), { ...(s.items.achieved[0] ?? s.items.next[0] ?? { html: '', links: [], line: 0, depth: 0 }), text: `mirror shipped ${s.key} in week ${date}`, html: `mirror shipped ${s.key} in week ${date}` }],
            risks: i % 2 === 0 ? s.items.risks.slice(1) : s.items.risks,
            blockers: i % 2 === 0 ? s.items.blockers.slice(1) : s.items.blockers,
          },
        })),
      };
    });
  const updates = [...site.updates, ...mirror].sort((a, b) => (a.date !== b.date ? (a.date < b.date ? 1 : -1) : a.team < b.team ? -1 : a.team > b.team ? 1 : 0));
  return { ...site, teams: [...site.teams, { slug, name: `${from} (mirror)` }], updates, milestones: indexMilestones(updates) };
}

describe('digest cut team by team from the build index', () => {
  it('gives the whole-site changes and snapshot at every week of the sample content', async () => {
    const { site } = await sampleBuild();
    expect(site.teams.length).toBeGreaterThan(1);
    expect(await replayBoth(site)).toBeGreaterThan(5);
  });

  it('gives the whole-site changes and snapshot at every other report date of the report teams', async () => {
    // 92 report dates: a cut at each costs a quarter of a minute of the suite (issue 19); every
    // other date still chains each cut to the previous one over the whole history, and the
    // sample content above is cut at every week.
    const { site } = await reportsBuild();
    expect(site.teams.length).toBeGreaterThanOrEqual(3);
    expect(await replayBoth(site, 2)).toBeGreaterThan(20);
  }, 300_000);

  it('gives the whole-site snapshot, and the changes it gave before, when two teams report the same milestones', async () => {
    const { site } = await sampleBuild();
    const mirrored = withMirrorTeam(site);
    expect(sharedKeys(mirrored).size).toBeGreaterThan(5);
    expect(await replayBoth(mirrored)).toBeGreaterThan(5);
  });

  it('compares the first digest ever with the merged history before the latest week, shared milestones included', async () => {
    const { site } = await sampleBuild();
    const mirrored = withMirrorTeam(site);
    const latestWeek = weekStart(mirrored.updates[0]!.date);
    const history = siteAsOf(mirrored, [...mirrored.updates].reverse().filter((u) => u.date < latestWeek).at(-1)!.date);
    const text = new SnapshotText();
    const before = await changesByTeam(indexedSource(history), undefined, { quietWeeks: 3 }, text);
    const first = await changesByTeam(indexedSource(mirrored), undefined, { quietWeeks: 3 });
    const { since: _since, ...againstHistory } = await changesByTeam(indexedSource(mirrored), partsInMemory(text, before.until), { quietWeeks: 3 });
    expect(first).toEqual(againstHistory);
    expect(first.milestones.some((m) => sharedKeys(mirrored).has(m.key))).toBe(true);
  });

  it('reads of the previous snapshot only the part of the team it works on', async () => {
    const { site } = await sampleBuild();
    const text = new SnapshotText();
    const first = await changesByTeam(indexedSource(site), undefined, { quietWeeks: 3 }, text);
    const stored = partsInMemory(text, first.until, site.version);
    const asked: Array<{ team: string; keys: string[]; updates: string[] }> = [];
    const spy: PreviousSnapshot = {
      until: stored.until,
      forTeam: async (team, keys) => {
        const part = await stored.forTeam(team, keys);
        asked.push({ team, keys: [...keys], updates: Object.keys(part.updates) });
        return part;
      },
    };
    await changesByTeam(indexedSource(site), spy, { quietWeeks: 3 });
    expect(asked.map((a) => a.team)).toEqual(site.teams.map((t) => t.slug));
    for (const a of asked) {
      expect(a.updates.length).toBeGreaterThan(0);
      expect(a.updates.every((id) => id.startsWith(`${a.team}/`))).toBe(true);
      expect(a.keys.every((key) => site.milestones.find((m) => m.key === key)!.weeks.some((id) => id.startsWith(`${a.team}/`)))).toBe(true);
    }
  });

  it('reads each team index once per cut (twice for the first digest ever)', async () => {
    const { site } = await sampleBuild();
    const source = indexedSource(site);
    await changesByTeam(source, wholeSnapshot(takeSnapshot(site)), { quietWeeks: 3 });
    expect(source.reads).toEqual(site.teams.map((t) => t.slug));
    const first = indexedSource(site);
    await changesByTeam(first, undefined, { quietWeeks: 3 });
    expect(first.reads).toEqual([...site.teams.map((t) => t.slug), ...site.teams.map((t) => t.slug)]);
  });

  it('keeps of an update only what a digest reads', async () => {
    const { site } = await sampleBuild();
    const update = site.updates[0]!;
    const indexed = indexUpdate(update);
    expect(JSON.stringify(indexed).length).toBeLessThan(JSON.stringify(update).length);
    expect(updateFromIndex(indexed).sections.map((s) => s.key)).toEqual(update.sections.map((s) => s.key));
  });
});

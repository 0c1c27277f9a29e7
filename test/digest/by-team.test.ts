/**
 * A digest cut reads the content one team at a time, from the build's compact team indexes
 * (src/publish/data.ts): week by week over real multi-team history, the changes and the
 * snapshot are exactly what the whole-site computation gives.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildContentDir, indexMilestones, type SiteModel } from '../../src/content';
import { changesByTeam } from '../../src/digest/by-team';
import { computeChanges, type Changes } from '../../src/digest/changes';
import { takeSnapshot, type Snapshot } from '../../src/digest/snapshot';
import type { ContentSource } from '../../src/digest/source';
import { catalogOf, indexUpdate, siteFromCatalog, teamIndexOf, updateFromIndex } from '../../src/publish/data';
import { CONTENT } from '../content/helpers';

const REPORTS = path.resolve(import.meta.dirname, '../../../shared/reports');

function siteAsOf(site: SiteModel, date: string): SiteModel {
  const updates = site.updates.filter((u) => u.date <= date);
  return { ...site, version: `${site.version}@${date}`, updates, milestones: indexMilestones(updates) };
}

/** The site as the Worker sees it: catalog plus team indexes, round-tripped through JSON. */
function indexedSource(site: SiteModel): ContentSource & { reads: string[] } {
  const catalog = JSON.parse(JSON.stringify(catalogOf(site))) as ReturnType<typeof catalogOf>;
  const reads: string[] = [];
  return {
    catalog: siteFromCatalog(catalog),
    newest: catalog.newest,
    reads,
    teamUpdates: async (slug) => {
      reads.push(slug);
      const index = JSON.parse(JSON.stringify(teamIndexOf(site, slug))) as ReturnType<typeof teamIndexOf>;
      return index.updates.map(updateFromIndex);
    },
  };
}

/** Changes without the parts the whole-site and per-team computations may order differently. */
function normal(changes: Changes) {
  return { ...changes, milestones: [...changes.milestones].sort((a, b) => (a.key < b.key ? -1 : 1)) };
}

async function replayBoth(site: SiteModel): Promise<number> {
  const dates = [...new Set(site.updates.map((u) => u.date))].sort();
  let previous: Snapshot | undefined;
  let compared = 0;
  for (const date of dates) {
    const now = siteAsOf(site, date);
    const whole = computeChanges(now, previous, { quietWeeks: 3 });
    const source = indexedSource(now);
    const byTeam = await changesByTeam(source, previous, { quietWeeks: 3 });
    expect(byTeam.changes.newUpdates, date).toEqual(whole.newUpdates);
    expect(byTeam.changes.editedUpdates, date).toEqual(whole.editedUpdates);
    expect(normal(byTeam.changes), date).toEqual(normal(whole));
    // Same milestones in the same order when no milestone is reported by two teams.
    expect(byTeam.changes.milestones.map((m) => m.key), date).toEqual(whole.milestones.map((m) => m.key));
    const snapshot = takeSnapshot(now);
    expect(byTeam.snapshot, date).toEqual(snapshot);
    previous = snapshot;
    compared++;
  }
  return compared;
}

describe('digest cut team by team from the build index', () => {
  it('gives the whole-site changes and snapshot at every week of the sample content', async () => {
    const { site } = await buildContentDir(CONTENT);
    expect(site.teams.length).toBeGreaterThan(1);
    expect(await replayBoth(site)).toBeGreaterThan(5);
  });

  it('gives the whole-site changes and snapshot at every week of the report teams', async () => {
    const { site } = await buildContentDir(REPORTS);
    expect(site.teams.length).toBeGreaterThanOrEqual(3);
    expect(await replayBoth(site)).toBeGreaterThan(20);
  }, 300_000);

  it('reads each team index once per cut (twice for the first digest ever)', async () => {
    const { site } = await buildContentDir(CONTENT);
    const source = indexedSource(site);
    await changesByTeam(source, takeSnapshot(site), { quietWeeks: 3 });
    expect(source.reads).toEqual(site.teams.map((t) => t.slug));
    const first = indexedSource(site);
    await changesByTeam(first, undefined, { quietWeeks: 3 });
    expect(first.reads).toEqual([...site.teams.map((t) => t.slug), ...site.teams.map((t) => t.slug)]);
  });

  it('keeps of an update only what a digest reads', async () => {
    const { site } = await buildContentDir(CONTENT);
    const update = site.updates[0]!;
    const indexed = indexUpdate(update);
    expect(JSON.stringify(indexed).length).toBeLessThan(JSON.stringify(update).length);
    expect(updateFromIndex(indexed).sections.map((s) => s.key)).toEqual(update.sections.map((s) => s.key));
  });
});

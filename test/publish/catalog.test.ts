/**
 * What the Worker knows of the content (src/catalog.ts): a catalog of teams, and milestones
 * read on demand from files each bounded by one team or one key shard. Over real multi-team
 * reports (with small shards, so that there are many): every milestone is in its shard, a
 * team's file has all it names, and a view reads only the files it needs and gives the same
 * milestones and statuses as the whole model.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { SiteModel } from '../../src/content';
import { assetsCatalog } from '../../src/catalog';
import { silentTeams, statusesOf } from '../../src/status';
import { CATALOG_PATH, dataFiles, keyShardPath, milestoneAreas, shardOf, teamCatalogPath, type Catalog, type MilestoneRecords } from '../../src/publish/data';
import { servedData } from '../assets';
import { reportsBuild } from '../content/helpers';

const SHARD = 8;
let site: SiteModel;
let files: Map<string, string>;

beforeAll(async () => {
  site = (await reportsBuild()).site;
  files = new Map(dataFiles(site, 3, SHARD).map((f) => [f.path, f.text]));
});

const json = <T,>(path: string) => JSON.parse(files.get(path)!) as T;

describe('the data files', () => {
  it('keep milestones out of the catalog: teams, their counts, the silent ones and the number of shards', () => {
    const catalog = json<Catalog>(CATALOG_PATH);
    expect(Object.keys(catalog).sort()).toEqual(['counts', 'newest', 'shards', 'silent', 'teams', 'version']);
    // The teams that stopped reporting, with their latest report: as src/status judges them.
    expect(catalog.silent).toEqual(Object.fromEntries(silentTeams(site, { quietWeeks: 3 })));
    expect(Object.keys(catalog.silent).length).toBeGreaterThan(0);
    for (const [team, since] of Object.entries(catalog.silent)) {
      expect(site.updates.filter((u) => u.team === team).every((u) => u.date <= since)).toBe(true);
    }
    expect(catalog.shards).toBe(Math.ceil(site.milestones.length / SHARD));
    expect(Object.values(catalog.counts).reduce((a, b) => a + b, 0)).toBe(site.milestones.length);
  });

  it('put every milestone in exactly the shard its key hashes to, none over the shard size by much', () => {
    const catalog = json<Catalog>(CATALOG_PATH);
    const seen: string[] = [];
    for (let i = 0; i < catalog.shards; i++) {
      const shard = json<MilestoneRecords>(keyShardPath(i));
      for (const m of shard.milestones) expect(shardOf(m.key, catalog.shards)).toBe(i);
      seen.push(...shard.milestones.map((m) => m.key));
      expect(shard.milestones.length).toBeLessThan(SHARD * 4);
    }
    expect(seen.sort()).toEqual(site.milestones.map((m) => m.key).sort());
  });

  it("give each team its own milestones, those its updates name, and their ancestors", () => {
    const byKey = new Map(site.milestones.map((m) => [m.key, m]));
    for (const team of site.teams) {
      const keys = new Set(json<MilestoneRecords>(teamCatalogPath(team.slug)).milestones.map((m) => m.key));
      for (const m of site.milestones.filter((m) => m.team === team.slug)) expect(keys).toContain(m.key);
      for (const u of site.updates.filter((u) => u.team === team.slug)) for (const s of u.sections) expect(keys).toContain(s.key);
      for (const key of keys) {
        const parent = byKey.get(key)!.parentKey;
        if (parent && byKey.has(parent)) expect(keys).toContain(parent);
      }
    }
  });
});

describe('a view of the catalog', () => {
  it('reads the shards of the keys it names (and of their ancestors), no team file, and gives their milestones and statuses', async () => {
    const child = site.milestones.find((m) => m.parentKey && site.milestones.some((p) => p.key === m.parentKey))!;
    const served = servedData(site, { shardSize: SHARD });
    const view = await served.catalog.view({ keys: [child.key, 'no-such-milestone'] });
    const ancestors: string[] = [];
    for (let k = child.parentKey; k && !ancestors.includes(k); k = site.milestones.find((m) => m.key === k)?.parentKey) ancestors.push(k);
    expect(view.milestones.map((m) => m.key).sort()).toEqual([child.key, ...ancestors].sort());
    const shards = Math.ceil(site.milestones.length / SHARD);
    expect(served.reads.every((p) => p.startsWith('/_tidings/keys/'))).toBe(true);
    expect(new Set(served.reads)).toEqual(new Set([child.key, 'no-such-milestone', ...ancestors].map((k) => keyShardPath(shardOf(k, shards)))));
    const whole = statusesOf(site, { quietWeeks: 3 });
    for (const [key, status] of statusesOf(view, { quietWeeks: 3 })) expect(status).toBe(whole.get(key));
    // The areas that tell apart parts named alike, and the silent teams, as the whole model has them.
    const areas = milestoneAreas(site);
    for (const [key, area] of milestoneAreas(view)) expect(area).toBe(areas.get(key));
    for (const m of view.milestones) expect(milestoneAreas(view).get(m.key)).toBe(areas.get(m.key));
    expect(silentTeams(view, { quietWeeks: 3 })).toEqual(silentTeams(site, { quietWeeks: 3 }));
    expect(view.milestones).toEqual(site.milestones.filter((m) => view.milestones.some((v) => v.key === m.key)).map(({ description: _d, definedIn: _f, ...m }) => m));
  });

  it("with teamsOfKeys, holds all of the owning team's milestones and no other team's file", async () => {
    const team = site.teams.find((t) => site.milestones.filter((m) => m.team === t.slug).length > 1)!;
    const key = site.milestones.find((m) => m.team === team.slug)!.key;
    const served = servedData(site, { shardSize: SHARD });
    const view = await served.catalog.view({ keys: [key], teamsOfKeys: true });
    const own = site.milestones.filter((m) => m.team === team.slug).map((m) => m.key);
    expect(view.milestones.map((m) => m.key)).toEqual(expect.arrayContaining(own));
    expect(served.reads.filter((p) => p.endsWith('.catalog.json'))).toEqual([teamCatalogPath(team.slug)]);
  });

  it("carries the areas of a team's milestones (what tells apart its parts named alike)", async () => {
    const areas = milestoneAreas(site);
    const team = site.teams.find((t) => site.milestones.some((m) => m.team === t.slug && areas.has(m.key)))!;
    const view = await servedData(site, { shardSize: SHARD }).catalog.view({ teams: [team.slug] });
    const own = site.milestones.filter((m) => m.team === team.slug && areas.has(m.key));
    expect(own.length).toBeGreaterThan(0);
    for (const m of own) expect(milestoneAreas(view).get(m.key)).toBe(areas.get(m.key));
  });

  it('refuses files of another content version (a deploy replacing the output)', async () => {
    // The catalog of this version over files of an older one.
    const stale = servedData({ ...site, version: 'older' }, { shardSize: SHARD });
    const catalog = assetsCatalog(stale.assets, json<Catalog>(CATALOG_PATH));
    await expect(catalog.view({ teams: [site.teams[0]!.slug] })).rejects.toThrow(/content version older.*being replaced/);
  });
});

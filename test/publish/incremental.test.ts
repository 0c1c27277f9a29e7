/**
 * Incremental builds: with the parse cache (src/publish/parse-cache.ts), a rebuild after one
 * edit parses only that file and writes only the files whose bytes changed, and its output
 * is byte-identical to a clean build of the same content, warnings included. Edits of many
 * kinds on several teams: incremental-edits.test.ts (a file of its own, so that the two run
 * side by side).
 */
import { appendFile, cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAll, type BuildOptions } from '../../src/publish/build';
import { ModelCache } from '../../src/publish/model-cache';
import { ParseCache, parserVersion } from '../../src/publish/parse-cache';
import { tree } from './output-tree';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CORPUS = path.resolve(ROOT, '../shared/corpus');
const WEEKS = 16;
let work: string;

function options(out: string, cache?: ParseCache): BuildOptions {
  return { content: path.join(work, 'content'), out: path.join(work, out), config: path.join(ROOT, 'wrangler.toml'), ...(cache ? { cache } : {}) };
}

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'tidings-incremental-'));
  await cp(CORPUS, path.join(work, 'content'), { recursive: true });
  // The corpus's last WEEKS weeks: what is checked here holds on any number of weeks, and each
  // of the five builds below costs time in proportion (issue 19).
  const updates = path.join(work, 'content', 'waku', 'updates');
  for (const name of (await readdir(updates)).sort().slice(0, -WEEKS)) await rm(path.join(updates, name));
});

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe('incremental build', () => {
  it('after one edit, parses one file, rewrites only what changed, and equals a clean build byte for byte', async () => {
    const version = await parserVersion(path.join(ROOT, 'src', 'content'));
    const cache = new ParseCache(version, path.join(work, 'cache'));
    const first = await buildAll(options('incremental', cache));
    if (!first.ok) throw new Error(first.messages);
    expect(first.site.updates).toHaveLength(WEEKS);
    expect(cache.stats.misses).toBeGreaterThanOrEqual(WEEKS);
    // No clean build to compare this first one with: the build after the edit below reuses
    // most of its output (render memo), so a first build unlike a clean one shows there.

    // A new process: the cache on disk, nothing in memory.
    const fromDisk = new ParseCache(version, path.join(work, 'cache'));
    const updates = (await readdir(path.join(work, 'content', 'waku', 'updates'))).filter((n) => n.endsWith('.md')).sort();
    await appendFile(path.join(work, 'content', 'waku', 'updates', updates.at(-5)!), '\n\n- _achieved:_ an item added after publishing\n');
    const again = await buildAll(options('incremental', fromDisk));
    if (!again.ok) throw new Error(again.messages);
    expect(fromDisk.stats).toEqual({ hits: first.site.updates.length + (cache.stats.misses - first.site.updates.length) - 1, misses: 1 });
    expect(again.written.written).toBeGreaterThan(0);
    expect(again.written.written).toBeLessThan(again.written.files / 4);

    const cleanAgain = await buildAll(options('clean'));
    if (!cleanAgain.ok) throw new Error(cleanAgain.messages);
    expect(await tree(path.join(work, 'incremental'))).toEqual(await tree(path.join(work, 'clean')));
    expect(again.messages).toBe(cleanAgain.messages);
    // Milestones the edit did not reach were not rendered again (render-memo.ts): a third of
    // the files of these weeks (the rest are pages of weeks, teams and the site).
    expect(again.reused).toBeGreaterThan(again.written.files / 4);
    // Every published file is in a group the memo keys: a milestone's, an update's page, the
    // site's (the edit changed the model: the site's files were rendered again).
    const memo = JSON.parse(await readFile(path.join(work, 'incremental.render.json'), 'utf8')) as { groups: Record<string, string> };
    const groups = Object.keys(memo.groups);
    expect(groups.filter((g) => g.startsWith('update:')).sort()).toEqual(again.site.updates.map((u) => `update:${u.id}`).sort());
    expect(groups.filter((g) => g.startsWith('milestone:'))).toHaveLength(again.site.milestones.length);
    expect(groups).toContain('site');

    // An edit that changes a status: a blocker in the newest week. The milestone, its parent
    // (which lists it with its status) and the indexes change; the rest is kept.
    const newest = path.join(work, 'content', 'waku', 'updates', updates.at(-1)!);
    const text = await readFile(newest, 'utf8');
    const blocked = text.replace(/^( +)- next:$/m, '$1- blockers:\n$1  - waiting on a review of the sync protocol\n$1- next:');
    expect(blocked).not.toBe(text);
    await writeFile(newest, blocked);
    const third = await buildAll(options('incremental', fromDisk));
    const cleanThird = await buildAll(options('clean'));
    if (!third.ok || !cleanThird.ok) throw new Error('build failed');
    expect(third.reused).toBeGreaterThan(0);
    expect(third.written.written).toBeGreaterThan(0);
    expect(await tree(path.join(work, 'incremental'))).toEqual(await tree(path.join(work, 'clean')));
  }, 600_000);

  it('into a clean output folder with the caches kept, takes every page and feed from the render store: byte for byte the build before; a damaged segment is rendered again', async () => {
    // A CI run that restores .cache/ (src/publish/render-store.ts), on the sample content.
    const dir = await mkdtemp(path.join(os.tmpdir(), 'tidings-store-'));
    const at = (out: string, cache: ParseCache): BuildOptions => ({ content: path.join(ROOT, 'content'), out: path.join(dir, out), config: path.join(ROOT, 'wrangler.toml'), cache });
    try {
      const version = await parserVersion(path.join(ROOT, 'src', 'content'));
      const first = await buildAll(at('first', new ParseCache(version, path.join(dir, 'cache'))));
      if (!first.ok) throw new Error(first.messages);
      const store = path.join(dir, 'render');
      const segments = (await readdir(store)).filter((n) => n.endsWith('.seg')).sort();
      // Two runs of files per milestone, one per update page, and the site's runs.
      expect(segments.length).toBeGreaterThanOrEqual(2 * first.site.milestones.length + first.site.updates.length + 1);
      await writeFile(path.join(store, segments[0]!), (await readFile(path.join(store, segments[0]!))).subarray(0, 100));
      const restored = await buildAll(at('restored', new ParseCache(version, path.join(dir, 'cache'))));
      if (!restored.ok) throw new Error(restored.messages);
      // Every page and feed but the damaged segment's (what is not reused: the data files and the search index).
      const published = first.written.files - (first.search.built ? first.search.files : 0);
      expect(restored.reused).toBeGreaterThan(published - 50);
      expect(await tree(path.join(dir, 'restored'))).toEqual(await tree(path.join(dir, 'first')));
      // The damaged one written again; every other kept, none added.
      expect((await readdir(store)).filter((n) => n.endsWith('.seg')).sort()).toEqual(segments);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('takes the last build’s model when no input changed (model cache): the output, model and messages of a clean build; an edit of a week or of teams.yaml reads again', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'tidings-model-'));
    try {
      await cp(path.join(ROOT, 'content'), path.join(dir, 'content'), { recursive: true });
      const version = await parserVersion(path.join(ROOT, 'src', 'content'));
      // A new process each time: the caches on disk, nothing in memory.
      const cacheOf = () => {
        const cache = new ParseCache(version, path.join(dir, 'cache', 'parse'));
        cache.model = new ModelCache(path.join(dir, 'cache', 'model'));
        return cache;
      };
      let vars: Record<string, string> = {};
      const at = (out: string, cache?: ParseCache): BuildOptions => ({
        content: path.join(dir, 'content'),
        out: path.join(dir, out),
        model: path.join(dir, `${out}.json`),
        config: path.join(ROOT, 'wrangler.toml'),
        vars,
        env: { TIDINGS_SEARCH: 'off' },
        ...(cache ? { cache } : {}),
      });
      const same = async (what: string, built: Awaited<ReturnType<typeof buildAll>>) => {
        await rm(path.join(dir, 'clean'), { recursive: true, force: true });
        await rm(path.join(dir, 'clean.manifest.json'), { force: true });
        await rm(path.join(dir, 'clean.render.json'), { force: true });
        const clean = await buildAll(at('clean'));
        if (!built.ok || !clean.ok) throw new Error(`${what}: build failed`);
        expect(built.messages, what).toBe(clean.messages);
        expect(await readFile(path.join(dir, 'cached.json'), 'utf8'), what).toBe(await readFile(path.join(dir, 'clean.json'), 'utf8'));
        expect(await tree(path.join(dir, 'cached')), what).toEqual(await tree(path.join(dir, 'clean')));
      };
      const first = cacheOf();
      await buildAll(at('cached', first));
      expect(first.stats.misses).toBeGreaterThan(0);
      // Nothing changed: no file is read again, not even from the parse cache.
      await rm(path.join(dir, 'cached'), { recursive: true, force: true });
      const second = cacheOf();
      await same('nothing changed', await buildAll(at('cached', second)));
      expect(second.stats).toEqual({ hits: 0, misses: 0 });
      expect(second.definitionStats).toEqual({ hits: 0, misses: 0 });
      // Another QUIET_WEEKS: the same model, other statuses (the memo's keys made again).
      vars = { QUIET_WEEKS: '1' };
      const quiet = cacheOf();
      await same('another QUIET_WEEKS', await buildAll(at('cached', quiet)));
      expect(quiet.stats).toEqual({ hits: 0, misses: 0 });
      vars = {};
      // A week edited: read again (that file parsed, the others from the parse cache).
      const week = path.join(dir, 'content', 'atlas', 'updates', (await readdir(path.join(dir, 'content', 'atlas', 'updates'))).filter((n) => n.endsWith('.md')).sort().at(-2)!);
      await appendFile(week, '\n- achieved: an item added after publishing\n');
      const third = cacheOf();
      await same('a week edited', await buildAll(at('cached', third)));
      expect(third.stats.misses).toBe(1);
      // The teams' names changed: read again.
      const teams = path.join(dir, 'content', 'teams.yaml');
      await writeFile(teams, (await readFile(teams, 'utf8')).replace('name: Atlas', 'name: Atlas Platform'));
      const fourth = cacheOf();
      const renamed = await buildAll(at('cached', fourth));
      await same('teams.yaml edited', renamed);
      if (renamed.ok) expect(renamed.site.teams.map((t) => t.name)).toContain('Atlas Platform');
      expect(fourth.stats.hits + fourth.stats.misses).toBeGreaterThan(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('an edit that claims a title for one parent re-keys the same title under another parent in later weeks, as a clean build does', async () => {
    // Keys of a title that recurs under different parents are qualified by who had it first
    // (title owners, decided in date order): a later file whose bytes did not change must still
    // be read again when an earlier edit changes who owns its titles.
    const dir = await mkdtemp(path.join(os.tmpdir(), 'tidings-owners-'));
    const updates = path.join(dir, 'content', 'atlas', 'updates');
    await mkdir(updates, { recursive: true });
    await writeFile(path.join(updates, '2024-01-01.md'), '# Atlas weekly\n\n## Alpha\n\n- achieved: first week\n');
    await writeFile(path.join(updates, '2024-01-08.md'), '# Atlas weekly\n\n## Beta\n\n### Shared task\n\n- achieved: done under beta\n');
    const at = (out: string, cache?: ParseCache): BuildOptions => ({ content: path.join(dir, 'content'), out: path.join(dir, out), config: path.join(ROOT, 'wrangler.toml'), ...(cache ? { cache } : {}) });
    const keysOf = (site: { milestones: Array<{ key: string }> }) => site.milestones.map((m) => m.key).sort();
    try {
      const cache = new ParseCache('owners-test');
      const first = await buildAll(at('incremental', cache));
      if (!first.ok) throw new Error(first.messages);
      await writeFile(path.join(updates, '2024-01-01.md'), '# Atlas weekly\n\n## Alpha\n\n### Shared task\n\n- achieved: first week\n');
      const again = await buildAll(at('incremental', cache));
      const clean = await buildAll(at('clean'));
      if (!again.ok || !clean.ok) throw new Error('build failed');
      expect(keysOf(again.site)).toEqual(keysOf(clean.site));
      // Now two keys for "Shared task": one per parent.
      expect(keysOf(clean.site).filter((k) => k.includes('shared-task'))).toHaveLength(2);
      expect(await tree(path.join(dir, 'incremental'))).toEqual(await tree(path.join(dir, 'clean')));
      // Unchanged owners: the later week is a hit again.
      const hits = cache.stats.hits;
      await buildAll(at('incremental', cache));
      expect(cache.stats.hits).toBe(hits + 2);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('a parser change invalidates every entry', async () => {
    const a = new ParseCache('parser-a');
    const b = new ParseCache('parser-b');
    const { VFile } = await import('vfile');
    const file = new VFile({ path: 'x/updates/2024-01-01.md', value: '# hi' });
    expect(a.key(file, {})).not.toBe(b.key(file, {}));
  });
});

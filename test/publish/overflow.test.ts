/**
 * A site with more documents than ASSETS_FILE_LIMIT (src/publish/overflow.ts): the build says
 * which plan's limit applies, places whole tiers (archives, badges, milestone feeds…) in packs
 * or in R2's upload folder, and every placed document is byte for byte its clean build's file;
 * an incremental rebuild of a placed site equals a clean one.
 */
import { appendFile, cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAll, type BuildOptions } from '../../src/publish/build';
import { searchFilesEstimate } from '../../src/publish/search';
import { OVERFLOW_TIERS, PACK_BYTES, PACK_FILES, packCount, packsByBytes, planPlacement, PlanError, type OverflowManifest, type Pack } from '../../src/publish/overflow';
import { ParseCache, parserVersion } from '../../src/publish/parse-cache';
import { fileOf } from '../../src/publish/paths';
import { StaticBuildError } from '../../src/publish/static';
import { tree as outputTree } from './output-tree';

const ROOT = path.resolve(import.meta.dirname, '../..');
let work: string;

function options(out: string, vars: Record<string, string> = {}, cache?: ParseCache): BuildOptions {
  // Without the search index: its files come after the plan (its size is known once the pages
  // are rendered) and are counted against what the plan left, a check of its own (src/publish/build.ts).
  return { content: path.join(work, 'content'), out: path.join(work, out), config: path.join(ROOT, 'wrangler.toml'), vars, env: { TIDINGS_SEARCH: 'off' }, ...(cache ? { cache } : {}) };
}

async function tree(dir: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const e of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) files.set(path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'), await readFile(path.join(e.parentPath, e.name)));
  }
  return files;
}

async function build(out: string, vars: Record<string, string> = {}, cache?: ParseCache) {
  const outcome = await buildAll(options(out, vars, cache));
  if (!outcome.ok) throw new Error(outcome.messages);
  return outcome;
}

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'tidings-overflow-'));
  await cp(path.join(ROOT, 'content'), path.join(work, 'content'), { recursive: true });
});

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe('the plan', () => {
  const paths = [
    '/',
    ...Array.from({ length: 300 }, (_, i) => `/updates/t/2026-01-${i}`),
    ...Array.from({ length: 100 }, (_, i) => [`/milestones/m${i}`, `/milestones/m${i}/badge.svg`, `/milestones/m${i}/feed.xml`, `/milestones/m${i}/atom.xml`, `/milestones/m${i}/feed.json`]).flat(),
  ];

  it('places nothing when the files fit, and says which plan they fit', () => {
    const plan = planPlacement({ paths, otherFiles: 10, limit: 20_000, store: 'packs' });
    expect(plan.placed.size).toBe(0);
    expect(plan.summary).toBe("811 static files: fits the Free plan's 20,000 files (ASSETS_FILE_LIMIT 20,000)");
  });

  it('places whole tiers, least read first, until the rest fits', () => {
    const plan = planPlacement({ paths, otherFiles: 10, limit: 600, store: 'packs' });
    // Badges (100) then Atom and JSON feeds (200): 811 - 300 + packs + manifest ≤ 600.
    expect(plan.tiers).toEqual(OVERFLOW_TIERS.slice(0, 4).map((t) => t.source));
    expect(plan.placed.size).toBe(300);
    expect(plan.packs).toBe(packCount(300));
    expect(plan.packs).toBeGreaterThanOrEqual(300 / PACK_FILES);
    expect(plan.assetFiles).toBe(811 - 300 + plan.packs + 1);
    expect(plan.summary).toContain('300 documents (milestone feed archives, site and team feed archives, milestone badges, milestone Atom and JSON feeds)');
  });

  it('makes as many packs as the placed bytes need once they are rendered (PACK_BYTES each in expectation), within the limit', () => {
    const plan = planPlacement({ paths, otherFiles: 10, limit: 600, store: 'packs' });
    expect(packsByBytes(plan, 1024, 600)).toBe(plan);
    const big = packsByBytes(plan, 40 * PACK_BYTES + 1, 600);
    expect(big.packs).toBe(64);
    expect(big.assetFiles).toBe(plan.assetFiles - plan.packs + 64);
    expect(big.summary).toContain('64 packs in the static output');
    expect(big.summary).toContain(`${big.assetFiles} static files remain`);
    // More bytes than packs of PACK_BYTES can hold within the limit: fewer, larger packs, said.
    const over = packsByBytes(plan, 600 * PACK_BYTES, 600);
    expect(over.assetFiles).toBeLessThanOrEqual(600);
    expect(over.packs).toBeGreaterThanOrEqual(plan.packs);
    expect(over.summary).toMatch(/KiB a pack, more than a Worker on the Free plan parses .* OVERFLOW_STORE = "r2"/);
  });

  it('keeps room for the search index made after the plan: more tiers leave the static files', () => {
    const without = planPlacement({ paths, otherFiles: 10, limit: 600, store: 'packs' });
    const withIndex = planPlacement({ paths, otherFiles: 10, limit: 600, store: 'packs', reserve: 150 });
    expect(withIndex.assetFiles + 150).toBeLessThanOrEqual(600);
    expect(without.assetFiles + 150).toBeGreaterThan(600);
    expect(withIndex.tiers.length).toBeGreaterThan(without.tiers.length);
    expect(withIndex.summary).toContain('over ASSETS_FILE_LIMIT 600 with 150 kept for the search index');
    expect(searchFilesEstimate(44)).toBeGreaterThanOrEqual(52);
  });

  it('fails, naming the Paid plan, when even every tier placed does not fit', () => {
    expect(() => planPlacement({ paths, otherFiles: 10, limit: 5, store: 'r2' })).toThrow(PlanError);
    expect(() => planPlacement({ paths, otherFiles: 10, limit: 5, store: 'r2' })).toThrow(/ASSETS_FILE_LIMIT = "100000"/);
  });
});

describe('a build over ASSETS_FILE_LIMIT', () => {
  it('packs what does not fit, each document byte for byte its clean build, and rebuilds incrementally to the same output', async () => {
    const clean = await build('clean');
    expect(clean.plan).toMatch(/static files: fits the Free plan's 20,000 files/);
    const cleanFiles = await tree(path.join(work, 'clean'));

    const limit = Math.floor(clean.written.files * 0.7);
    const version = await parserVersion(path.join(ROOT, 'src', 'content'));
    const cache = new ParseCache(version, path.join(work, 'cache'));
    const packed = await build('packed', { ASSETS_FILE_LIMIT: String(limit) }, cache);
    expect(packed.written.files).toBeLessThanOrEqual(limit);
    expect(packed.written.placed).toBeGreaterThan(0);
    expect(packed.plan).toContain(`over ASSETS_FILE_LIMIT ${limit}`);
    const out = await tree(path.join(work, 'packed'));
    const manifest = JSON.parse(out.get('_tidings/overflow.json')!.toString()) as OverflowManifest;
    expect(manifest.store).toBe('packs');
    let documents = 0;
    for (let n = 0; n < manifest.packs; n++) {
      const pack = JSON.parse(out.get(`_tidings/packs/${n}.json`)!.toString()) as Pack;
      for (const [p, entry] of Object.entries(pack.files)) {
        documents++;
        expect(entry.body, p).toBe(cleanFiles.get(fileOf(p))!.toString());
        expect(out.has(fileOf(p)), `${p} is not also a static file`).toBe(false);
      }
    }
    expect(documents).toBe(packed.written.placed);
    // No pack is much more than PACK_BYTES: the Worker parses one pack per request it answers.
    let packBytes = 0;
    for (let n = 0; n < manifest.packs; n++) packBytes += out.get(`_tidings/packs/${n}.json`)!.byteLength;
    expect(packBytes / manifest.packs).toBeLessThanOrEqual(PACK_BYTES * 1.1);
    // Everything else is the clean build's file.
    for (const [file, bytes] of out) if (!file.startsWith('_tidings/') && file !== '_headers') expect(bytes.equals(cleanFiles.get(file)!), file).toBe(true);

    // An edit, rebuilt with the cache: the same output as a clean build with the same limit.
    const updates = (await readdir(path.join(work, 'content', 'atlas', 'updates'))).filter((n) => n.endsWith('.md')).sort();
    await appendFile(path.join(work, 'content', 'atlas', 'updates', updates.at(-2)!), '\n\n- _achieved:_ an item added after publishing\n');
    const again = await build('packed', { ASSETS_FILE_LIMIT: String(limit) }, cache);
    expect(again.reused).toBeGreaterThan(0);
    await build('packed-clean', { ASSETS_FILE_LIMIT: String(limit) });
    // As base64 text: toEqual over maps of Buffers compares byte by byte (5 s of this file, issue 19).
    expect(await outputTree(path.join(work, 'packed'))).toEqual(await outputTree(path.join(work, 'packed-clean')));
  });

  it('with OVERFLOW_STORE = "r2", writes the placed documents to the upload folder beside the output', async () => {
    const r2 = await build('r2', { ASSETS_FILE_LIMIT: '120', OVERFLOW_STORE: 'r2' });
    expect(r2.written.files).toBeLessThanOrEqual(120);
    expect(r2.plan).toContain('the R2 bucket bound as OVERFLOW');
    const objects = await tree(path.join(work, 'r2.r2'));
    expect(objects.size).toBe(r2.written.placed);
    const manifest = JSON.parse((await readFile(path.join(work, 'r2', '_tidings', 'overflow.json'), 'utf8'))) as OverflowManifest;
    expect(manifest).toMatchObject({ store: 'r2', packs: 0 });
    // Each object is the document as a clean build of the same content writes it.
    const whole = await build('whole');
    const files = await tree(path.join(work, 'whole'));
    for (const [key, bytes] of objects) expect(bytes.equals(files.get(key)!), key).toBe(true);
    expect(whole.written.placed).toBe(0);
  });

  it('fails before writing anything when the site cannot fit, saying what to do', async () => {
    await expect(buildAll(options('none', { ASSETS_FILE_LIMIT: '20' }))).rejects.toThrow(StaticBuildError);
    await expect(buildAll(options('none', { ASSETS_FILE_LIMIT: '20' }))).rejects.toThrow(/On the Paid plan set ASSETS_FILE_LIMIT = "100000"/);
    expect(await readdir(path.join(work, 'none')).catch(() => [])).toEqual([]);
  });
});

/**
 * Scale benchmark: a synthetic site of N weekly updates — the real reports of ../shared
 * (corpus and reports) replicated under new team names — built into static output, with:
 * whole-process build time and peak memory per size (linear?), number and bytes of static
 * files, the Worker bundle (raw and gzip, `wrangler deploy --dry-run`), the Worker's start-up
 * (compile and global scope of its bundle in V8), a digest cut's time and peak heap over the built team indexes
 * (the code the Worker runs), and a static feed under load against the Worker's trivial
 * route (wrangler dev).
 *
 * Files per plan (`--count`): for each size and style, the documents the site has (one static
 * file each, as every build wrote them until issue 19) against the static files left once what
 * does not fit the Free plan's 20,000 or the Paid plan's 100,000 files is placed in packs
 * (src/publish/overflow.ts), from the site model and the build's own plan: nothing rendered.
 * Styles: `mix` (corpus and reports, the default), `reports` (../shared/reports only), `corpus`
 * (the waku corpus: the most milestones per update), or one team folder's name.
 *
 * Usage: tsx scripts/bench-scale.ts [--sizes 2000,5000,10000] [--style mix] [--count] [--free | --paid]
 *                                   [--no-load] [--keep DIR]
 */
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { buildContentDir, buildSite, parseUpdate, readContentDir } from '../src/content';
import { siteConfig } from '../src/feeds/config';
import type { Env } from '../src/env';
import { defaultParseCache } from '../src/publish/build';
import { otherFileCount, wranglerVars } from '../src/publish/node';
import { FREE_FILE_LIMIT, PAID_FILE_LIMIT, planPlacement, PlanError } from '../src/publish/overflow';
import { publicPaths } from '../src/publish/paths';
import type { Milestone, SiteModel } from '../src/content/model';
import { changesByTeam } from '../src/digest/by-team';
import { partsInMemory, SnapshotText, type PreviousSnapshot } from '../src/digest/snapshot-parts';
import { assetsCatalog } from '../src/catalog';
import { CATALOG_PATH, keyShardPath, teamCatalogPath, teamIndexPath, type Catalog, type MilestoneRecords } from '../src/publish/data';
import { benchUnderLoad, type FeedBenchFigures } from './bench-feeds';
import { root } from './wrangler-dev';

const run = promisify(execFile);
const SHARED = path.resolve(root, '../shared');
const SOURCES = [path.join(SHARED, 'corpus'), path.join(SHARED, 'reports')];

/** What a synthetic site is made of: which team folders of ../shared are copied. */
export type Style = 'mix' | 'reports' | 'corpus' | string;

function styleFilter(style: Style): (source: string, team: string) => boolean {
  if (style === 'mix') return () => true;
  if (style === 'reports') return (source) => source.endsWith('reports');
  if (style === 'corpus') return (source) => source.endsWith('corpus');
  return (_source, team) => team === style;
}

export interface SizeFigures {
  updates: number;
  teams: number;
  /** Whole process (`node scripts/build.mjs`, as `npm run build` runs it, caches on), wall clock. */
  buildSeconds: number;
  msPerUpdate: number;
  peakRssMb: number;
  files: number;
  bytes: number;
  /** Files of the Free plan's 20,000 used. */
  freeLimitShare: number;
}

export interface IncrementalFigures {
  content: string;
  updates: number;
  /** `node scripts/build.mjs`, whole process, no cache (what `npm run build` costs cold). */
  fullProcessMs: number;
  /** The same build in process, no cache. */
  fullInProcessMs: number;
  /** `npm start`'s rebuild after one update file is edited (in process, warm cache). */
  rebuildMs: number;
  rebuildParts: { parse: number; render: number; write: number };
  rebuildWritten: number;
  ratio: number;
}

export interface ScaleFigures {
  incremental?: IncrementalFigures[];
  sizes: SizeFigures[];
  bundle: { rawBytes: number; gzipBytes: number; modules: number };
  startup?: { ms: number; how: string };
  cut?: {
    updates: number;
    teams: number;
    firstMs: number;
    nextMs: number;
    peakHeapMb: number;
    firstPeakHeapMb: number;
    nextPeakHeapMb: number;
    /** The new snapshot's JSON, held as text by a cut until the digest's batch is written. */
    snapshotBytes: number;
    largestTeamIndexBytes: number;
    /** What the Worker holds between requests: the catalog (teams only). */
    catalogBytes: number;
    /** The largest of what one team's cut reads besides its index: its milestones. */
    largestTeamCatalogBytes: number;
  };
  load?: FeedBenchFigures['load'];
}

/**
 * Team folders of the sources (those with an `updates/` folder), and the files of each that
 * the build rejects (the reports include some on purpose): copies leave those out.
 */
async function teamDirs(style: Style = 'mix'): Promise<Array<{ dir: string; team: string; updates: number; rejected: Set<string> }>> {
  const teams: Array<{ dir: string; team: string; updates: number; rejected: Set<string> }> = [];
  const wanted = styleFilter(style);
  for (const source of SOURCES) {
    const { files } = await buildContentDir(source);
    const rejected = new Set(files.filter((f) => f.messages.some((m) => m.fatal)).map((f) => path.join(source, f.path)));
    for (const entry of (await readdir(source, { withFileTypes: true })).filter((e) => e.isDirectory()).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      try {
        const dir = path.join(source, entry.name);
        const updates = (await readdir(path.join(dir, 'updates'))).filter((n) => n.endsWith('.md') && !rejected.has(path.join(dir, 'updates', n))).length;
        if (updates > 0 && wanted(source, entry.name)) teams.push({ dir, team: entry.name.toLowerCase().replace(/[^a-z0-9]+/g, '-'), updates, rejected });
      } catch {
        // not a team folder
      }
    }
  }
  return teams;
}

/** A content folder of at least `n` updates: copy k of each team is team `<team>-<k>`. */
export async function syntheticSite(n: number, into: string, style: Style = 'mix'): Promise<{ updates: number; teams: number }> {
  const teams = await teamDirs(style);
  if (teams.length === 0) throw new Error(`no team folder of ../shared is of the style ${JSON.stringify(style)}`);
  await rm(into, { recursive: true, force: true });
  await mkdir(into, { recursive: true });
  let updates = 0;
  let count = 0;
  for (let k = 1; updates < n; k++) {
    for (const t of teams) {
      if (updates >= n) break;
      // Copies share nothing with the original but the text: their own team, their own keys.
      await cp(t.dir, path.join(into, `${t.team}-${k}`), { recursive: true, filter: (src) => !t.rejected.has(src) });
      updates += t.updates;
      count++;
    }
  }
  return { updates, teams: count };
}

async function walk(dir: string): Promise<{ files: number; bytes: number }> {
  let files = 0;
  let bytes = 0;
  for (const e of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile() || e.name === '_headers' || e.name === '_redirects') continue;
    files++;
    bytes += (await stat(path.join(e.parentPath, e.name))).size;
  }
  return { files, bytes };
}

/** wrangler.toml with ASSETS_FILE_LIMIT raised, so that sizes beyond the Free plan build. */
async function benchConfig(work: string, limit = 1_000_000): Promise<string> {
  const file = path.join(work, `wrangler-${limit}.toml`);
  const text = await readFile(path.join(root, 'wrangler.toml'), 'utf8');
  await writeFile(file, text.replace(/^ASSETS_FILE_LIMIT = .*$/m, `ASSETS_FILE_LIMIT = "${limit}"`));
  return file;
}

export interface CountFigures {
  style: Style;
  updates: number;
  teams: number;
  milestones: number;
  /** Documents: one static file each, as every build wrote them before packs. */
  documents: number;
  /** Static files left on each plan, documents placed in packs and the packs; or why it cannot fit. */
  free: { files: number; placed: number; packs: number } | { error: string };
  paid: { files: number; placed: number; packs: number } | { error: string };
}

/** What the build's plan leaves as static files within `limit` (packs), or why it cannot. */
function planFigures(paths: string[], otherFiles: number, limit: number): CountFigures['free'] {
  try {
    const p = planPlacement({ paths, otherFiles, limit, store: 'packs' });
    return { files: p.assetFiles, placed: p.placed.size, packs: p.packs };
  } catch (error) {
    if (error instanceof PlanError) return { error: error.message };
    throw error;
  }
}

/** Files per plan for a synthetic site of `n` updates, from its model and the build's plan (nothing rendered). */
export async function countSize(n: number, style: Style, work: string): Promise<CountFigures> {
  const content = path.join(work, `content-${style}-${n}`);
  const made = await syntheticSite(n, content, style);
  const dir = await readContentDir(content);
  const cache = await defaultParseCache(root);
  const { site } = buildSite(dir.updates, { ...dir, ...(cache ? { parseUpdate: cache.wrap(parseUpdate) } : {}) });
  await cache?.flush();
  const vars = await wranglerVars(path.join(root, 'wrangler.toml'));
  const paths = publicPaths(site, siteConfig(vars as unknown as Env).defaultLimit).map((p) => p.path);
  const otherFiles = otherFileCount(site);
  const plan = (limit: number) => planFigures(paths, otherFiles, limit);
  return { style, updates: made.updates, teams: made.teams, milestones: site.milestones.length, documents: paths.length + otherFiles, free: plan(FREE_FILE_LIMIT), paid: plan(PAID_FILE_LIMIT) };
}

/**
 * The same count for a site of `n` updates made by cloning a parsed model instead of parsing
 * every copy (parsing 10,000 updates takes longer than a benchmark run can on a loaded machine):
 * one copy of each team of the style is parsed (`<team>-1`), and copy k is its updates under
 * `<team>-k`, with the milestone keys the parser derives from the team (`<team>-1-…`) renamed
 * and the others (tracker links, commitment tags) shared across copies, as parsing the copies
 * makes them. `countSize` of a real parse at a size both can reach checks that the two agree.
 */
export async function countReplicated(n: number, style: Style, work: string): Promise<CountFigures & { replicated: true }> {
  const teams = await teamDirs(style);
  const perRound = teams.reduce((sum, t) => sum + t.updates, 0);
  const content = path.join(work, `content-${style}-${perRound}`);
  await syntheticSite(perRound, content, style);
  const dir = await readContentDir(content);
  const cache = await defaultParseCache(root);
  const { site: base } = buildSite(dir.updates, { ...dir, ...(cache ? { parseUpdate: cache.wrap(parseUpdate) } : {}) });
  await cache?.flush();
  const byTeam = new Map(base.teams.map((t) => [t.slug, t]));
  const site: SiteModel = { version: base.version, teams: [], updates: [], milestones: [] };
  const milestones = new Map<string, Milestone>();
  let updates = 0;
  for (let k = 1; updates < n; k++) {
    for (const t of teams) {
      if (updates >= n) break;
      const from = `${t.team}-1`;
      const to = `${t.team}-${k}`;
      const team = byTeam.get(from);
      if (!team) continue;
      const rename = (key: string) => (key === from || key.startsWith(`${from}-`) ? `${to}${key.slice(from.length)}` : key);
      const id = (i: string) => (i.startsWith(`${from}/`) ? `${to}${i.slice(from.length)}` : i);
      site.teams.push({ ...team, slug: to });
      const mine = base.updates.filter((u) => u.team === from);
      for (const u of mine) site.updates.push({ ...u, team: to, id: id(u.id), sections: u.sections.map((sec) => ({ ...sec, key: rename(sec.key) })) });
      for (const m of base.milestones) {
        if (!m.weeks.some((w) => w.startsWith(`${from}/`)) && m.team !== from) continue;
        const key = rename(m.key);
        const weeks = m.weeks.filter((w) => w.startsWith(`${from}/`)).map(id);
        const known = milestones.get(key);
        if (known) known.weeks.push(...weeks.filter((w) => !known.weeks.includes(w)));
        else milestones.set(key, { ...m, key, team: m.team === from ? to : m.team, weeks, ...(m.parentKey ? { parentKey: rename(m.parentKey) } : {}) });
      }
      updates += mine.length;
    }
  }
  site.milestones = [...milestones.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  site.updates.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : a.id < b.id ? -1 : 1));
  const vars = await wranglerVars(path.join(root, 'wrangler.toml'));
  const paths = publicPaths(site, siteConfig(vars as unknown as Env).defaultLimit).map((p) => p.path);
  const otherFiles = otherFileCount(site);
  const plan = (limit: number) => planFigures(paths, otherFiles, limit);
  return { style, updates, teams: site.teams.length, milestones: site.milestones.length, documents: paths.length + otherFiles, free: plan(FREE_FILE_LIMIT), paid: plan(PAID_FILE_LIMIT), replicated: true };
}

export function formatCounts(rows: CountFigures[]): string {
  const cell = (p: CountFigures['free'], updates: number) =>
    'error' in p ? 'does not fit' : `${p.files.toLocaleString('en-US')} (${(p.files / updates).toFixed(2)}/update${p.placed ? `; ${p.placed.toLocaleString('en-US')} in ${p.packs} packs` : ''})`;
  return [
    '| style | updates | teams | milestone keys | before: static files (per update) | after, Free plan (20,000) | after, Paid plan (100,000) |',
    '|---|---|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.style}${'replicated' in r ? ' (cloned model)' : ''} | ${r.updates.toLocaleString('en-US')} | ${r.teams} | ${r.milestones.toLocaleString('en-US')} | ${r.documents.toLocaleString('en-US')} (${(r.documents / r.updates).toFixed(2)}) | ${cell(r.free, r.updates)} | ${cell(r.paid, r.updates)} |`,
    ),
  ].join('\n');
}

async function buildSize(n: number, work: string, style: Style = 'mix', limit = 1_000_000): Promise<SizeFigures & { out: string }> {
  const content = path.join(work, `content-${style}-${n}`);
  const made = await syntheticSite(n, content, style);
  const out = path.join(work, `public-${n}`);
  // From nothing, as a clean build: the writer skips files whose bytes are already there.
  await rm(out, { recursive: true, force: true });
  await rm(`${out}.manifest.json`, { force: true });
  const started = performance.now();
  const { stderr } = await run(
    '/usr/bin/time',
    ['-f', 'peak-rss-kb %M', process.execPath, 'scripts/build.mjs', '--content', content, '--out', out, '--model', path.join(work, `site-${n}.json`), '--config', await benchConfig(work, limit), '--quiet'],
    // With the caches on, as users build (the parse cache under .cache/tidings of the project).
    { cwd: root, maxBuffer: 64 * 1024 * 1024 },
  ).catch((error: { stderr?: string; stdout?: string }) => {
    // Content warnings go to stderr; errors fail the build.
    throw new Error(`build of ${n} updates failed:\n${(error.stderr ?? '').slice(-2000)}`);
  });
  const seconds = (performance.now() - started) / 1000;
  const rss = Number(/peak-rss-kb (\d+)/.exec(stderr)?.[1] ?? 0) / 1024;
  const { files, bytes } = await walk(out);
  return {
    updates: made.updates,
    teams: made.teams,
    buildSeconds: seconds,
    msPerUpdate: (seconds * 1000) / made.updates,
    peakRssMb: rss,
    files,
    bytes,
    freeLimitShare: files / 20_000,
    out,
  };
}

/** `wrangler deploy --dry-run`: the Worker as it would be uploaded. */
export async function bundle(work: string): Promise<ScaleFigures['bundle']> {
  const outdir = path.join(work, 'bundle');
  await rm(outdir, { recursive: true, force: true });
  // wrangler checks that the [assets] directory exists, even for a dry run of a fresh clone.
  await mkdir(path.join(root, 'dist', 'public'), { recursive: true });
  await run(process.execPath, [path.join(root, 'node_modules/wrangler/bin/wrangler.js'), 'deploy', '--dry-run', '--outdir', outdir], {
    cwd: root,
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CI: 'true' },
    maxBuffer: 16 * 1024 * 1024,
  });
  let rawBytes = 0;
  let gzipBytes = 0;
  let modules = 0;
  for (const e of await readdir(outdir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile() || e.name.endsWith('.map') || e.name === 'README.md') continue;
    const bytes = await readFile(path.join(e.parentPath, e.name));
    rawBytes += bytes.byteLength;
    gzipBytes += gzipSync(bytes, { level: 9 }).byteLength;
    modules++;
  }
  return { rawBytes, gzipBytes, modules };
}

/**
 * The Worker's start-up: the bundle `wrangler deploy --dry-run` wrote (its one import of
 * `cloudflare:workers` stubbed) imported in fresh Node processes — V8, the engine workerd
 * runs — timing compile and global scope together, minus importing an empty module the same
 * way; median of `runs`. (workerd's own `wrangler check startup` gives no figure here: every
 * sample of its CPU profile was idle.)
 */
export async function startup(work: string, runs = 7): Promise<ScaleFigures['startup']> {
  const source = await readFile(path.join(work, 'bundle', 'index.js'), 'utf8');
  const stubbed = source.replace(/import\s*\{\s*env as (\w+)\s*\}\s*from\s*"cloudflare:workers";/, 'const $1 = {};');
  if (/from\s*"cloudflare:/.test(stubbed)) return { ms: Number.NaN, how: 'the bundle imports more of cloudflare:* than the benchmark stubs' };
  await mkdir(path.join(work, 'startup'), { recursive: true });
  const worker = path.join(work, 'startup', 'worker.mjs');
  const empty = path.join(work, 'startup', 'empty.mjs');
  await writeFile(worker, stubbed);
  await writeFile(empty, 'export default 1;\n');
  const time = async (file: string) => {
    const probe = `const t = performance.now(); await import(${JSON.stringify(pathToFileURL(file).href)}); console.log(performance.now() - t);`;
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', probe], { cwd: work });
    return Number(stdout.trim());
  };
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) samples.push((await time(worker)) - (await time(empty)));
  samples.sort((a, b) => a - b);
  const ms = samples[Math.floor(samples.length / 2)]!;
  return {
    ms,
    how: `compile and global scope of the ${(stubbed.length / 1024).toFixed(0)} KB bundle in a fresh Node ${process.version} (V8) process, minus an empty module, median of ${runs} (min ${samples[0]!.toFixed(1)}, max ${samples.at(-1)!.toFixed(1)}; load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores)`,
  };
}

/**
 * A digest cut over the built static output, read from disk as the Worker reads it through
 * ASSETS: the first digest ever, then the next one against the snapshot the first stored. The
 * stored parts stand for D1 (outside the Worker's heap): the next digest's heap is measured
 * from a baseline that holds them, and it reads them part by part as it would read rows.
 */
export async function cut(out: string): Promise<ScaleFigures['cut']> {
  const read = async (p: string) => readFile(path.join(out, ...p.slice(1).split('/')), 'utf8');
  const catalogText = await read(CATALOG_PATH);
  const catalog = JSON.parse(catalogText) as Catalog;
  let largest = 0;
  const gc = (globalThis as { gc?: () => void }).gc;
  let base = 0;
  let peak = 0;
  // With --expose-gc, what the cut holds (live heap) at each team boundary, garbage collected
  // first: without it heapUsed mostly counts garbage not yet collected, whose amount is up to
  // V8's heuristics, not what the isolate needs (V8 collects before it gives up).
  const sample = () => {
    gc?.();
    peak = Math.max(peak, process.memoryUsage().heapUsed - base);
  };
  const rebase = () => {
    gc?.();
    base = process.memoryUsage().heapUsed;
    peak = 0;
  };
  // The ASSETS binding, served from disk; a team's index is where a cut's heap peaks.
  const indexes = new Set(catalog.teams.map((t) => teamIndexPath(t.slug)));
  const teamCatalogs = new Set(catalog.teams.map((t) => teamCatalogPath(t.slug)));
  let largestTeamCatalog = 0;
  const assets = {
    fetch: async (request: Request) => {
      const p = new URL(request.url).pathname;
      if (indexes.has(p)) sample();
      const text = await read(p);
      if (indexes.has(p)) largest = Math.max(largest, text.length);
      if (teamCatalogs.has(p)) largestTeamCatalog = Math.max(largestTeamCatalog, text.length);
      return new Response(text);
    },
  } as unknown as Fetcher;
  const source = assetsCatalog(assets, catalog);
  rebase();
  let started = performance.now();
  let firstText: SnapshotText | undefined = new SnapshotText();
  const first = await changesByTeam(source, undefined, { quietWeeks: 3 }, firstText);
  const snapshotBytes = firstText.finish().reduce((n, c) => n + c.json.length, 0);
  sample();
  const firstMs = performance.now() - started;
  const firstPeak = peak;
  const stored = partsInMemory(firstText, first.until, catalog.version);
  firstText = undefined;
  const updates = Object.keys(stored.whole().updates).length;
  rebase();
  const rows: PreviousSnapshot = {
    until: stored.until,
    forTeam: async (team, keys) => {
      sample();
      const part = await stored.forTeam(team, keys);
      sample();
      return part;
    },
  };
  started = performance.now();
  const nextText = new SnapshotText();
  await changesByTeam(source, rows, { quietWeeks: 3 }, nextText);
  nextText.finish();
  sample();
  const nextMs = performance.now() - started;
  return {
    updates,
    teams: catalog.teams.length,
    firstMs,
    nextMs,
    peakHeapMb: Math.max(firstPeak, peak) / 1024 / 1024,
    firstPeakHeapMb: firstPeak / 1024 / 1024,
    nextPeakHeapMb: peak / 1024 / 1024,
    snapshotBytes,
    largestTeamIndexBytes: largest,
    catalogBytes: catalogText.length,
    largestTeamCatalogBytes: largestTeamCatalog,
  };
}

/** Full build (whole process and in process) against the rebuild after one edit. */
export async function benchIncremental(name: string, source: string, work: string): Promise<IncrementalFigures> {
  const { buildAll } = await import('../src/publish/build');
  const { ParseCache, parserVersion } = await import('../src/publish/parse-cache');
  const content = path.join(work, `incremental-${name.replace(/[^a-z0-9]+/gi, '-')}`);
  await rm(content, { recursive: true, force: true });
  await cp(source, content, { recursive: true });
  const out = `${content}-out`;
  let started = performance.now();
  await run(process.execPath, ['scripts/build.mjs', '--content', content, '--out', `${out}-process`, '--model', `${out}-process.json`, '--quiet'], {
    cwd: root,
    env: { ...process.env, TIDINGS_BUILD_CACHE: 'off' },
    maxBuffer: 64 * 1024 * 1024,
  });
  const fullProcessMs = performance.now() - started;
  const options = { content, out, config: path.join(root, 'wrangler.toml') };
  started = performance.now();
  const full = await buildAll(options);
  const fullInProcessMs = performance.now() - started;
  if (!full.ok) throw new Error(full.messages);
  const cache = new ParseCache(await parserVersion(path.join(root, 'src', 'content')));
  await buildAll({ ...options, cache });
  // One edit: a bullet added to a week in the middle of the history.
  let team = '';
  for (const e of await readdir(content, { withFileTypes: true })) {
    if (e.isDirectory() && (await stat(path.join(content, e.name, 'updates')).catch(() => undefined))) team ||= e.name;
  }
  const files = (await readdir(path.join(content, team, 'updates'))).sort();
  const edited = path.join(content, team, 'updates', files[Math.floor(files.length / 2)]!);
  await writeFile(edited, `${await readFile(edited, 'utf8')}\n\n- _achieved:_ an item added after publishing\n`);
  started = performance.now();
  const rebuild = await buildAll({ ...options, cache });
  const rebuildMs = performance.now() - started;
  if (!rebuild.ok) throw new Error(rebuild.messages);
  return {
    content: name,
    updates: rebuild.site.updates.length,
    fullProcessMs,
    fullInProcessMs,
    rebuildMs,
    rebuildParts: rebuild.ms,
    rebuildWritten: rebuild.written.written,
    ratio: rebuildMs / fullProcessMs,
  };
}

export async function benchScale(options: { sizes?: number[]; load?: boolean; keep?: string } = {}): Promise<ScaleFigures> {
  const sizes = options.sizes ?? [2000, 5000, 10_000];
  const work = options.keep ?? (await mkdtemp(path.join(os.tmpdir(), 'tidings-scale-')));
  await mkdir(work, { recursive: true });
  try {
    const incremental = [
      await benchIncremental('content/ (sample)', path.join(root, 'content'), work),
      await benchIncremental('../shared/corpus', path.join(SHARED, 'corpus'), work),
    ];
    const built: Array<SizeFigures & { out: string }> = [];
    for (const n of sizes) built.push(await buildSize(n, work));
    const largest = built.at(-1)!;
    const figures: ScaleFigures = {
      incremental,
      sizes: built.map(({ out: _out, ...f }) => f),
      bundle: await bundle(work),
      startup: await startup(work),
      cut: await cut(largest.out),
    };
    if (options.load !== false) {
      const catalog = JSON.parse(await readFile(path.join(largest.out, '_tidings', 'catalog.json'), 'utf8')) as Catalog;
      let busiest = { key: '', weeks: 0 };
      for (let i = 0; i < catalog.shards; i++) {
        const shard = JSON.parse(await readFile(path.join(largest.out, ...keyShardPath(i).slice(1).split('/')), 'utf8')) as MilestoneRecords;
        for (const m of shard.milestones) if (m.weeks.length > busiest.weeks) busiest = { key: m.key, weeks: m.weeks.length };
      }
      figures.load = await benchUnderLoad({ args: ['--assets', largest.out], milestoneFeed: `/milestones/${busiest.key}/feed.xml` });
    }
    return figures;
  } finally {
    if (!options.keep) await rm(work, { recursive: true, force: true });
  }
}

const mb = (b: number) => `${(b / 1024 / 1024).toFixed(2)} MB`;

export function formatScale(f: ScaleFigures): string {
  const lines: string[] = [];
  if (f.incremental) {
    lines.push(
      '| content | updates | full build, whole process (ms) | full build, in process (ms) | rebuild after one edit (ms) | of which parse / render+write / finish | files rewritten | rebuild ÷ full (whole process) |',
      '|---|---|---|---|---|---|---|---|',
      ...f.incremental.map(
        (i) =>
          `| ${i.content} | ${i.updates} | ${i.fullProcessMs.toFixed(0)} | ${i.fullInProcessMs.toFixed(0)} | ${i.rebuildMs.toFixed(0)} | ${i.rebuildParts.parse.toFixed(0)} / ${i.rebuildParts.render.toFixed(0)} / ${i.rebuildParts.write.toFixed(0)} | ${i.rebuildWritten} | ${i.ratio.toFixed(2)} |`,
      ),
      '',
    );
  }
  lines.push(
    '| weekly updates | teams | build, whole process (s) | ms per update | peak RSS (MB) | static files | bytes | of the Free plan’s 20,000 files |',
    '|---|---|---|---|---|---|---|---|',
    ...f.sizes.map(
      (s) =>
        `| ${s.updates} | ${s.teams} | ${s.buildSeconds.toFixed(1)} | ${s.msPerUpdate.toFixed(1)} | ${s.peakRssMb.toFixed(0)} | ${s.files} | ${mb(s.bytes)} | ${(s.freeLimitShare * 100).toFixed(0)} % |`,
    ),
    '',
  );
  lines.push(
    `Worker bundle (\`wrangler deploy --dry-run\`, whatever the content size): ${f.bundle.modules} module(s), ${mb(f.bundle.rawBytes)} raw, ${mb(f.bundle.gzipBytes)} gzip.`,
  );
  if (f.startup) lines.push(`Worker start-up: ${Number.isNaN(f.startup.ms) ? 'not measured' : `${f.startup.ms.toFixed(1)} ms`} (${f.startup.how}).`);
  if (f.cut) {
    lines.push(
      `Digest cut over the built team indexes (${f.cut.updates} updates, ${f.cut.teams} teams; catalog ${mb(f.cut.catalogBytes)}, largest team index ${mb(f.cut.largestTeamIndexBytes)}, largest team catalog ${mb(f.cut.largestTeamCatalogBytes)}): ` +
        `first digest ${f.cut.firstMs.toFixed(0)} ms, next one ${f.cut.nextMs.toFixed(0)} ms, peak heap above baseline ${f.cut.firstPeakHeapMb.toFixed(1)} MB (first) and ${f.cut.nextPeakHeapMb.toFixed(1)} MB (next), ` +
        `of which the new snapshot's text ${mb(f.cut.snapshotBytes)} (Node, same code as the Worker).`,
    );
  }
  if (f.load) {
    lines.push('', `Under load (wrangler dev serving the ${f.sizes.at(-1)!.updates}-update output, ${f.load.connections} connections, ${f.load.rounds} rounds × ${f.load.seconds} s):`, '');
    lines.push('| route | Accept-Encoding | body bytes | req/s | × /healthz (median of rounds) |', '|---|---|---|---|---|');
    for (const r of f.load.routes) lines.push(`| \`${r.path}\` | ${r.acceptEncoding} | ${r.bytes} | ${r.requestsPerSecond.toFixed(0)} | ${r.ratio.toFixed(2)} |`);
  }
  return lines.join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1]!).href) {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: '2000,5000,10000' },
      style: { type: 'string', default: 'mix' },
      count: { type: 'boolean', default: false },
      replicate: { type: 'boolean', default: false },
      free: { type: 'boolean', default: false },
      paid: { type: 'boolean', default: false },
      'no-load': { type: 'boolean', default: false },
      keep: { type: 'string' },
    },
  });
  const sizes = values.sizes!.split(',').map(Number);
  if (values.count || values.free || values.paid || values.replicate) {
    const work = values.keep ?? (await mkdtemp(path.join(os.tmpdir(), 'tidings-count-')));
    await mkdir(work, { recursive: true });
    const rows: CountFigures[] = [];
    for (const style of values.style!.split(',')) {
      for (const n of sizes) {
        rows.push(values.replicate ? await countReplicated(n, style, work) : await countSize(n, style, work));
        console.error(formatCounts(rows.slice(-1)));
      }
    }
    console.log(formatCounts(rows));
    // A whole build of the largest size on the Free (or Paid) plan's limit: it must fit, packs and all.
    if (values.free || values.paid) {
      const limit = values.free ? FREE_FILE_LIMIT : PAID_FILE_LIMIT;
      const built = await buildSize(sizes.at(-1)!, work, values.style!.split(',')[0], limit);
      console.log(`\nBuilt with ASSETS_FILE_LIMIT = ${limit}: ${built.updates} updates, ${built.files} static files (${(built.bytes / 1024 / 1024).toFixed(0)} MB) in ${built.buildSeconds.toFixed(0)} s, peak RSS ${built.peakRssMb.toFixed(0)} MB`);
    }
    if (!values.keep) await rm(work, { recursive: true, force: true });
    process.exit(0);
  }
  const figures = await benchScale({ sizes, load: !values['no-load'], ...(values.keep ? { keep: values.keep } : {}) });
  console.log(formatScale(figures));
  await writeFile(path.join(root, '.bench', 'scale.json'), JSON.stringify(figures, null, 2)).catch(() => undefined);
}

/**
 * The build's file-system edge (Node only, never in the Worker): site model → static output
 * directory, written aside and swapped in so a server never sees half a site.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseToml } from 'smol-toml';
import YAML from 'yaml';
import { createApp } from '../app';
import type { SiteModel } from '../content/model';
import type { Env } from '../env';
import { siteConfig } from '../feeds/config';
import { representationSettings } from '../http/cache';
import { DATA_HEADERS, DATA_PATTERN, dataFiles, FEEDS_MANIFEST_PATH, type FeedsManifest } from './data';
import { publicPaths, type PublicPath } from './paths';
import { headersFile, redirectsFile, renderPaths, StaticBuildError, type Redirect, type StaticFile, type StaticOutput } from './static';

/** `[vars]` of a wrangler.toml: what the Worker would see as env, for rendering at build time. */
export async function wranglerVars(configPath: string): Promise<Record<string, string>> {
  const config = parseToml(await readFile(configPath, 'utf8')) as { vars?: Record<string, unknown> };
  const vars: Record<string, string> = {};
  for (const [name, value] of Object.entries(config.vars ?? {})) vars[name] = String(value);
  return vars;
}

/** Old milestone key → current key, from `aliases.yaml` (`aliases:` mapping or a flat one). */
export function readAliases(text: string | undefined): Map<string, string> {
  if (!text) return new Map();
  const doc = YAML.parse(text) as unknown;
  const map = doc && typeof doc === 'object' && 'aliases' in doc ? (doc as { aliases: unknown }).aliases : doc;
  const aliases = new Map<string, string>();
  if (map && typeof map === 'object') {
    for (const [from, to] of Object.entries(map)) if (typeof to === 'string') aliases.set(from, to);
  }
  return aliases;
}

/**
 * Every URL of a renamed milestone's old key answers 301 with the same URL under the new
 * key: its page, its feeds, its archives. Keys still in use are never redirected.
 */
export function aliasRedirects(site: SiteModel, aliases: ReadonlyMap<string, string>, paths: readonly PublicPath[]): Redirect[] {
  const current = new Set(site.milestones.map((m) => m.key));
  const redirects: Redirect[] = [];
  for (const [from, to] of aliases) {
    if (current.has(from) || !current.has(to) || from === to) continue;
    const prefix = `/milestones/${to}`;
    for (const { path } of paths) {
      if (path === prefix || path.startsWith(`${prefix}/`)) redirects.push({ from: `/milestones/${from}${path.slice(prefix.length)}`, to: path });
    }
  }
  return redirects;
}

export interface PublishOptions {
  /** Env the routes see (wrangler.toml [vars], SITE_URL possibly overridden). */
  vars: Record<string, string>;
  aliases?: ReadonlyMap<string, string>;
}

export interface Published {
  /** The files (empty when they went to a sink) and the `_headers` rules. */
  output: StaticOutput;
  redirects: Redirect[];
  paths: PublicPath[];
  /** Files produced (sent to the sink or kept). */
  count: number;
}

export type FileSink = (file: StaticFile) => Promise<void>;

/**
 * Renders every public path of `site` in process, through the site's own routes, plus the
 * data files the Worker reads. Files are kept in `output.files`, or handed to `sink` one at a
 * time as they are rendered.
 */
export async function renderSite(site: SiteModel, options: PublishOptions, sink?: FileSink): Promise<Published> {
  // Workers Static Assets compresses on the edge per client: no gzip variants at build time.
  representationSettings.precompress = false;
  const app = createApp(site);
  const env = options.vars as unknown as Env;
  const config = siteConfig(env);
  const paths = publicPaths(site, config.defaultLimit);
  const data = dataFiles(site);
  const count = paths.length + data.length + 1;
  // Workers Static Assets takes at most ASSETS_FILE_LIMIT files per Worker version (20,000 on
  // the Free plan, 100,000 on Paid): fail the build, before writing anything, not the deploy.
  const limit = Number(options.vars.ASSETS_FILE_LIMIT ?? 20_000);
  if (Number.isFinite(limit) && limit > 0 && count > limit) {
    throw new StaticBuildError(
      `the site needs ${count} static files; ASSETS_FILE_LIMIT is ${limit} (Workers Static Assets: 20,000 per version on the Free plan, 100,000 on Paid). ` +
        'Raise ASSETS_FILE_LIMIT on the Paid plan, or see README "How big can it get".',
    );
  }
  const feeds: FeedsManifest = { version: site.version, feeds: [] };
  const output: StaticOutput = { files: [], headers: new Map() };
  const emit = async (file: StaticFile) => {
    // Current feeds (not archives, which never change) with their hash, for WebSub.
    if (CURRENT_FEED.test(file.path) && !file.path.includes('/archive/')) {
      feeds.feeds.push({ url: `${config.siteUrl}${file.path}`, hash: createHash('sha256').update(file.bytes).digest('hex').slice(0, 32) });
    }
    if (sink) await sink(file);
    else output.files.push(file);
  };
  const fetcher = async (p: string) => app.request(p, { headers: { 'Accept-Encoding': 'identity' } }, env);
  await renderPaths(paths, fetcher, output, emit);
  // What the Worker reads through the ASSETS binding (catalog, per-team digest indexes, the
  // feeds' content hashes for WebSub).
  output.headers.set(DATA_PATTERN, DATA_HEADERS);
  for (const { path: p, text } of data) await emit({ file: p.slice(1), path: p, bytes: encoder.encode(text), pattern: DATA_PATTERN });
  await emit({ file: FEEDS_MANIFEST_PATH.slice(1), path: FEEDS_MANIFEST_PATH, bytes: encoder.encode(`${JSON.stringify(feeds)}\n`), pattern: DATA_PATTERN });
  return { output, paths, count, redirects: aliasRedirects(site, options.aliases ?? new Map(), paths) };
}

/**
 * Writes static output into `outDir` in place, one file at a time: only files whose bytes
 * changed are written (each aside and renamed: a server watching the folder sees each file
 * whole), and `finish` removes the files no longer produced. What was written is remembered
 * in `<outDir>.manifest.json`. A build with content errors never gets here.
 */
export class OutputWriter {
  #before: Record<string, string> = {};
  readonly #after: Record<string, string> = {};
  readonly #dirs = new Set<string>();
  readonly result: WriteResult = { files: 0, bytes: 0, written: 0, removed: 0 };

  private constructor(readonly outDir: string) {}

  static async open(outDir: string): Promise<OutputWriter> {
    const writer = new OutputWriter(outDir);
    writer.#before = await readFile(writer.#manifestPath, 'utf8')
      .then((t) => JSON.parse(t) as Record<string, string>)
      .catch(() => ({}));
    return writer;
  }

  get #manifestPath(): string {
    return `${this.outDir.replace(/\/+$/, '')}.manifest.json`;
  }

  async write(file: string, bytes: Uint8Array, counted = true): Promise<void> {
    const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 32);
    this.#after[file] = hash;
    if (counted) {
      this.result.files++;
      this.result.bytes += bytes.byteLength;
    }
    const target = path.join(this.outDir, ...file.split('/'));
    if (this.#before[file] === hash && (await exists(target))) return;
    const dir = path.dirname(target);
    if (!this.#dirs.has(dir)) {
      await mkdir(dir, { recursive: true });
      this.#dirs.add(dir);
    }
    const partial = `${target}.${process.pid}.tmp`;
    await writeFile(partial, bytes);
    await rename(partial, target);
    this.result.written++;
  }

  sink: FileSink = (f) => this.write(f.file, f.bytes);

  async finish(published: Published): Promise<WriteResult> {
    await this.write('_headers', encoder.encode(headersFile(published.output.headers)), false);
    await this.write('_redirects', encoder.encode(redirectsFile(published.redirects)), false);
    for (const file of await listFiles(this.outDir)) {
      if (this.#after[file] !== undefined) continue;
      await rm(path.join(this.outDir, ...file.split('/')), { force: true });
      this.result.removed++;
    }
    await writeFile(this.#manifestPath, `${JSON.stringify(this.#after)}\n`);
    return this.result;
  }
}

/** Writes output rendered in memory (renderSite without a sink) to `outDir`. */
export async function writeOutput(outDir: string, published: Published): Promise<WriteResult> {
  const writer = await OutputWriter.open(outDir);
  for (const f of published.output.files) await writer.write(f.file, f.bytes);
  return writer.finish(published);
}

export interface WriteResult {
  /** Static files of the site (without `_headers` and `_redirects`). */
  files: number;
  bytes: number;
  /** Files (re)written by this build. */
  written: number;
  /** Files removed because nothing produces them any more. */
  removed: number;
}

const encoder = new TextEncoder();
const CURRENT_FEED = /\/(feed\.xml|atom\.xml|feed\.json)$/;

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}

async function listFiles(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir, { recursive: true, withFileTypes: true }))
      .filter((e) => e.isFile())
      .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
  } catch {
    return [];
  }
}

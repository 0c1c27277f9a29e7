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
import { DATA_HEADERS, DATA_PATTERN, dataFiles } from './data';
import { publicPaths, type PublicPath } from './paths';
import { headersFile, redirectsFile, renderPaths, type Redirect, type StaticOutput } from './static';

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
  output: StaticOutput;
  redirects: Redirect[];
  paths: PublicPath[];
}

/** Renders every public path of `site` in process, through the site's own routes. */
export async function renderSite(site: SiteModel, options: PublishOptions): Promise<Published> {
  // Workers Static Assets compresses on the edge per client: no gzip variants at build time.
  representationSettings.precompress = false;
  const app = createApp(site);
  const env = options.vars as unknown as Env;
  const fetcher = async (p: string) => app.request(p, { headers: { 'Accept-Encoding': 'identity' } }, env);
  const paths = publicPaths(site, siteConfig(options.vars as unknown as Env).defaultLimit);
  const output = await renderPaths(paths, fetcher);
  // What the Worker reads through the ASSETS binding (catalog, per-team digest indexes).
  output.headers.set(DATA_PATTERN, DATA_HEADERS);
  for (const { path: p, text } of dataFiles(site)) output.files.push({ file: p.slice(1), path: p, bytes: encoder.encode(text), pattern: DATA_PATTERN });
  return { output, paths, redirects: aliasRedirects(site, options.aliases ?? new Map(), paths) };
}

/**
 * Writes the output to `outDir` in place: only files whose bytes changed are written, files
 * no longer produced are removed (a server watching the folder sees each file whole; a build
 * with errors never gets here). What was written is remembered in `<outDir>.manifest.json`.
 */
export async function writeOutput(outDir: string, published: Published): Promise<WriteResult> {
  const manifestPath = `${outDir.replace(/\/+$/, '')}.manifest.json`;
  const before: Record<string, string> = await readFile(manifestPath, 'utf8')
    .then((t) => JSON.parse(t) as Record<string, string>)
    .catch(() => ({}));
  const after: Record<string, string> = {};
  const files = [
    ...published.output.files.map((f) => ({ file: f.file, bytes: f.bytes })),
    { file: '_headers', bytes: encoder.encode(headersFile(published.output.headers)) },
    { file: '_redirects', bytes: encoder.encode(redirectsFile(published.redirects)) },
  ];
  let bytes = 0;
  let written = 0;
  const dirs = new Set<string>();
  for (const f of files) {
    const hash = createHash('sha256').update(f.bytes).digest('hex').slice(0, 32);
    after[f.file] = hash;
    bytes += f.bytes.byteLength;
    const target = path.join(outDir, ...f.file.split('/'));
    if (before[f.file] === hash && (await exists(target))) continue;
    const dir = path.dirname(target);
    if (!dirs.has(dir)) {
      await mkdir(dir, { recursive: true });
      dirs.add(dir);
    }
    // Aside and renamed: a reader sees the old file or the new one, never half of one.
    const partial = `${target}.${process.pid}.tmp`;
    await writeFile(partial, f.bytes);
    await rename(partial, target);
    written++;
  }
  let removed = 0;
  for (const file of await listFiles(outDir)) {
    if (after[file] !== undefined) continue;
    await rm(path.join(outDir, ...file.split('/')), { force: true });
    removed++;
  }
  await writeFile(manifestPath, `${JSON.stringify(after)}\n`);
  return { files: published.output.files.length, bytes, written, removed };
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

/**
 * The static output of a site: every public path rendered by the same Hono routes the site
 * has always answered with (called in process, `app.request(path)`), as files, plus the
 * `_headers` and `_redirects` files Workers Static Assets applies to them.
 */
import { representationOf } from '../http/cache';
import type { PublicPath } from './paths';
import { fileOf } from './paths';

export interface StaticFile {
  /** Path inside the assets directory, `/`-separated: `teams/atlas/feed.xml`. */
  file: string;
  /** The URL path it answers. */
  path: string;
  bytes: Uint8Array;
  /** The `_headers` pattern it is served under. */
  pattern: string;
  /** Its reuse group (PublicPath.group). */
  group?: string;
  /**
   * An incremental build's unchanged file, left as the last build wrote it: its hash and size
   * (`bytes` is then empty).
   */
  kept?: { hash: string; size: number };
  /** contentHash of `bytes`, when the renderer had it already (its ETag). */
  hash?: string;
  /** Not a static file: placed in a pack or in R2, served by the Worker (src/publish/overflow.ts). */
  placement?: 'packs' | 'r2';
}

export interface StaticOutput {
  files: StaticFile[];
  /** `_headers` rules: pattern → headers (Content-Type, Cache-Control, security headers). */
  headers: Map<string, Record<string, string>>;
}

/** Headers that belong to one representation or one transfer, never to a `_headers` rule. */
const PER_RESPONSE = new Set(['etag', 'last-modified', 'content-length', 'content-encoding', 'vary', 'date', 'transfer-encoding']);

export type Fetcher = (path: string) => Promise<Response>;

export class StaticBuildError extends Error {}

/**
 * Renders each path through `fetcher`: every one must answer 200 and share its pattern's
 * headers. With `sink`, each file goes there as soon as it is rendered instead of being kept
 * (a large site is never held in memory whole).
 */
export async function renderPaths(
  paths: readonly PublicPath[],
  fetcher: Fetcher,
  into: StaticOutput = { files: [], headers: new Map() },
  sink?: (file: StaticFile) => Promise<void>,
  reuse?: (entry: PublicPath, file: string) => { hash: string; size: number } | { hash: string; bytes: Uint8Array } | undefined,
): Promise<StaticOutput> {
  const seen = new Set<string>(into.files.map((f) => f.file));
  for (const entry of paths) {
    const { path, pattern, group } = entry;
    // An incremental build's unchanged file, left in the folder or restored from the build's
    // cache (its pattern's headers come with it, see render-memo.ts and render-store.ts).
    const kept = reuse?.(entry, fileOf(path));
    if (kept) {
      const file = fileOf(path);
      if (seen.has(file)) throw new StaticBuildError(`${path}: listed twice (file ${file})`);
      seen.add(file);
      const out: StaticFile =
        'bytes' in kept
          ? { file, path, bytes: kept.bytes, pattern, hash: kept.hash, ...(group ? { group } : {}) }
          : { file, path, bytes: new Uint8Array(0), pattern, kept, ...(group ? { group } : {}) };
      if (sink) await sink(out);
      else into.files.push(out);
      continue;
    }
    const response = await fetcher(path);
    if (response.status !== 200) {
      throw new StaticBuildError(`${path}: the site answered ${response.status}, not 200: ${(await response.text()).slice(0, 200)}`);
    }
    // A representation's bytes and hash as they were made, not read back from the response and hashed again.
    const rep = representationOf(response);
    const bytes = rep ? rep.body : new Uint8Array(await response.arrayBuffer());
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      if (!PER_RESPONSE.has(name.toLowerCase())) headers[canonicalName(name)] = value;
    });
    const known = into.headers.get(pattern);
    if (!known) into.headers.set(pattern, headers);
    else if (!sameHeaders(known, headers)) {
      throw new StaticBuildError(`${path}: answers with other headers than the rest of ${pattern} (${JSON.stringify(headers)} against ${JSON.stringify(known)}): give it a pattern of its own`);
    }
    const file = fileOf(path);
    if (seen.has(file)) throw new StaticBuildError(`${path}: listed twice (file ${file})`);
    seen.add(file);
    const out: StaticFile = { file, path, bytes, pattern, ...(group ? { group } : {}), ...(rep ? { hash: rep.etag.slice(1, -1) } : {}) };
    if (sink) await sink(out);
    else into.files.push(out);
  }
  return into;
}

function sameHeaders(a: Record<string, string>, b: Record<string, string>): boolean {
  const names = Object.keys(a);
  if (names.length !== Object.keys(b).length) return false;
  for (const name of names) if (a[name] !== b[name]) return false;
  return true;
}

const canonicalNames = new Map<string, string>();

function canonicalName(name: string): string {
  let canonical = canonicalNames.get(name);
  if (canonical === undefined) canonicalNames.set(name, (canonical = spellName(name)));
  return canonical;
}

function spellName(name: string): string {
  return name
    .toLowerCase()
    .split('-')
    .map((w) => (w === 'etag' ? 'ETag' : w.charAt(0).toUpperCase() + w.slice(1)))
    .join('-');
}

/** The `_headers` file: one block per pattern, in a stable order. */
export function headersFile(rules: ReadonlyMap<string, Record<string, string>>): string {
  const lines = ['# Written by the build (src/publish): response headers of the static files, per URL pattern.'];
  for (const pattern of [...rules.keys()].sort()) {
    lines.push(pattern);
    const headers = rules.get(pattern)!;
    for (const name of Object.keys(headers).sort()) lines.push(`  ${name}: ${headers[name]}`);
  }
  if (rules.size > 100) throw new StaticBuildError(`_headers would have ${rules.size} rules; Workers Static Assets reads at most 100`);
  return `${lines.join('\n')}\n`;
}

export interface Redirect {
  from: string;
  to: string;
}

/** Static redirects Workers Static Assets applies before looking for a file (at most 2,000). */
export const MAX_STATIC_REDIRECTS = 2000;

/** The `_redirects` file: permanent redirects, one per line. */
export function redirectsFile(redirects: readonly Redirect[]): string {
  if (redirects.length > MAX_STATIC_REDIRECTS) {
    throw new StaticBuildError(`${redirects.length} redirects; Workers Static Assets reads at most ${MAX_STATIC_REDIRECTS} static ones`);
  }
  const lines = ['# Written by the build (src/publish): renamed milestones (content/aliases.yaml) → their current URLs.'];
  for (const r of [...redirects].sort((a, b) => (a.from < b.from ? -1 : 1))) lines.push(`${r.from} ${r.to} 301`);
  return `${lines.join('\n')}\n`;
}

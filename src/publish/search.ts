/**
 * The site's full-text search, built with the site (Node only): Pagefind indexes the update
 * and milestone pages as they are rendered and its files (`/pagefind/…`: the index in
 * chunks, its WebAssembly and `pagefind.js`) are written with the rest of the output. The
 * `/search` page queries them in the browser: no Worker, no server.
 *
 * Separable: `TIDINGS_SEARCH=off` skips it, and so does a machine without Pagefind's
 * platform binary (`@pagefind/<os>-<cpu>`, an optional dependency); the build then says so
 * and `/search` says the index is missing.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { PagefindIndex } from 'pagefind';

/** Where Pagefind's files are served from (the `/search` page imports `pagefind.js` there). */
export const SEARCH_BUNDLE = '/pagefind';

/** The `_headers` pattern of Pagefind's files. */
export const SEARCH_PATTERN = '/pagefind/*';

/** The public patterns whose pages go into the index (the rest carry no `data-pagefind-body`). */
export const INDEXED_PATTERNS: ReadonlySet<string> = new Set(['/updates/:team/:date', '/milestones/:key']);

/**
 * Pages per fragment file are bundled beyond this many pages: Pagefind writes one fragment
 * file per page below it, and Workers Static Assets counts files.
 */
const MAX_FRAGMENTS = 500;

/**
 * Files the index will take, said before it is made (the placement plan keeps room for them):
 * a fragment file a page up to MAX_FRAGMENTS, then its index chunks, about one per 25 pages,
 * and its fixed files. An estimate: the build checks the real count after (build.ts).
 */
export function searchFilesEstimate(pages: number): number {
  return Math.min(pages, MAX_FRAGMENTS) + Math.ceil(pages / 25) + 10;
}

/** Pagefind's own ready-made interfaces: `/search` has its own (src/pages/search.tsx), so they are not published. */
const UNUSED = /^pagefind-(?:ui|modular-ui|component-ui|highlight)\.(?:js|css)$/;

export interface SearchFile {
  /** Path under the assets directory: `pagefind/pagefind.js`. */
  file: string;
  bytes: Uint8Array;
}

export type SearchIndexer =
  | {
      ok: true;
      /** Index one rendered page: its URL path, the hash of its bytes (as the writer keeps it) and its HTML. */
      add(path: string, hash: string, html: () => Promise<string>): Promise<void>;
      /** The index's files; closes Pagefind. */
      finish(): Promise<{ files: SearchFile[]; pages: number; ms: number }>;
      /** Closes Pagefind without writing (a failed build). */
      abandon(): Promise<void>;
    }
  | { ok: false; reason: string };

const STYLE_ELEMENT = /<style\b[^>]*>[\s\S]*?<\/style>/g;

/** A page without its `<style>` elements. */
function withoutStyles(html: string): string {
  return html.includes('<style') ? html.replace(STYLE_ELEMENT, '') : html;
}

/** Starts an index, or says why there is none (switched off, no binary for this platform). */
export async function startSearchIndex(env: Record<string, string | undefined> = process.env): Promise<SearchIndexer> {
  if (env.TIDINGS_SEARCH === 'off') return { ok: false, reason: 'TIDINGS_SEARCH=off' };
  let pagefind: typeof import('pagefind');
  try {
    pagefind = await import('pagefind');
  } catch (error) {
    return { ok: false, reason: `the pagefind package is not installed (${(error as Error).message.split('\n')[0]})` };
  }
  const started = performance.now();
  let index: PagefindIndex | undefined;
  try {
    const created = await pagefind.createIndex({ maxFragments: MAX_FRAGMENTS });
    if (!created.index) throw new Error(created.errors.join('; ') || 'no index');
    index = created.index;
  } catch (error) {
    await pagefind.close().catch(() => undefined);
    return { ok: false, reason: `Pagefind could not start on ${process.platform}-${process.arch} (${(error as Error).message.split('\n')[0]})` };
  }
  const live = index;
  let pages = 0;
  let failure: string | undefined;
  const pending: Array<Promise<void>> = [];
  return {
    ok: true,
    async add(path, _hash, html) {
      // Not awaited: Pagefind indexes in its own process while the build renders the next page.
      // Without `<style>` elements, which Pagefind does not index (the pages link their
      // stylesheet, src/pages/style.ts; kept in case one comes back: bytes piped for nothing).
      const job = live.addHTMLFile({ url: path, content: withoutStyles(await html()) }).then(
        (added) => {
          if (added.errors.length > 0) failure ??= `${path}: ${added.errors.join('; ')}`;
          else pages++;
        },
        (error: unknown) => void (failure ??= `${path}: ${String(error)}`),
      );
      pending.push(job);
    },
    async finish() {
      try {
        await Promise.all(pending);
        if (failure) throw new Error(`search index: ${failure}`);
        const { files, errors } = await live.getFiles();
        if (errors.length > 0) throw new Error(`search index: ${errors.join('; ')}`);
        return {
          files: files
            .filter((f) => !UNUSED.test(f.path.replace(/^\/+/, '')))
            .map((f) => ({ file: `${SEARCH_BUNDLE.slice(1)}/${f.path.replace(/^\/+/, '')}`, bytes: f.content }))
            .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)),
          pages,
          ms: performance.now() - started,
        };
      } finally {
        await pagefind.close();
      }
    },
    async abandon() {
      await Promise.allSettled(pending);
      await pagefind.close().catch(() => undefined);
    },
  };
}

/**
 * The search index kept with the build's caches (`.cache/tidings/search/`): the same pages make
 * the same index, so a build whose pages are those of a kept index (a clean build with the
 * caches restored, in CI) writes it again without starting Pagefind, whose own process costs
 * about as much CPU as the rest of such a build. `key` says what the pages are made from (the
 * model's version, the renderer, the configuration): with a kept index under it, the pages are
 * only hashed as they are rendered, and the index is used if every page is the one it was made
 * from (otherwise, which a key should never let happen, Pagefind indexes the pages then, read
 * back with `readPage`); without one, Pagefind indexes them as they are rendered and the index
 * is kept under `key`, with the pages' hashes.
 */
export async function startCachedSearchIndex(
  env: Record<string, string | undefined>,
  dir: string,
  key: string,
  readPage: (path: string) => Promise<string>,
): Promise<SearchIndexer> {
  if (env.TIDINGS_SEARCH === 'off') return { ok: false, reason: 'TIDINGS_SEARCH=off' };
  const kept = await readKeptIndex(dir, key);
  const hashes = new Map<string, string>();
  if (!kept) {
    const live = await startSearchIndex(env);
    if (!live.ok) return live;
    return {
      ok: true,
      async add(path, hash, html) {
        hashes.set(path, hash);
        await live.add(path, hash, html);
      },
      async finish() {
        const index = await live.finish();
        await keepIndex(dir, key, { pages: Object.fromEntries(hashes), count: index.pages }, index.files).catch(() => undefined);
        return index;
      },
      abandon: () => live.abandon(),
    };
  }
  const started = performance.now();
  return {
    ok: true,
    async add(path, hash) {
      hashes.set(path, hash);
    },
    async finish() {
      const same = hashes.size === Object.keys(kept.pages).length && [...hashes].every(([p, h]) => kept.pages[p] === h);
      if (same) return { files: kept.files, pages: kept.count, ms: performance.now() - started };
      const live = await startSearchIndex(env);
      if (!live.ok) throw new Error(`search index: ${live.reason}`);
      for (const [p, h] of hashes) await live.add(p, h, () => readPage(p));
      const index = await live.finish();
      await keepIndex(dir, key, { pages: Object.fromEntries(hashes), count: index.pages }, index.files).catch(() => undefined);
      return index;
    },
    async abandon() {},
  };
}

interface KeptIndex {
  /** URL path → hash of each page indexed. */
  pages: Record<string, string>;
  /** Pages Pagefind counted. */
  count: number;
}

/** The file of a kept index: a JSON head (KeptIndex and each file's name and size), then the files' bytes. */
function keptPath(dir: string, key: string): string {
  return path.join(dir, `${key}.bin`);
}

async function readKeptIndex(dir: string, key: string): Promise<(KeptIndex & { files: SearchFile[] }) | undefined> {
  let data: Buffer;
  try {
    data = await readFile(keptPath(dir, key));
  } catch {
    return undefined;
  }
  try {
    const headLength = data.readUInt32LE(0);
    const head = JSON.parse(data.subarray(4, 4 + headLength).toString('utf8')) as KeptIndex & { files: Array<[string, number]> };
    let at = 4 + headLength;
    const files: SearchFile[] = [];
    for (const [file, size] of head.files) {
      files.push({ file, bytes: new Uint8Array(data.buffer, data.byteOffset + at, size) });
      at += size;
    }
    if (at !== data.byteLength) return undefined;
    return { pages: head.pages, count: head.count, files };
  } catch {
    return undefined;
  }
}

/** How many kept indexes stay (the newest): a branch switched back and forth finds its own. */
const KEPT_INDEXES = 3;

async function keepIndex(dir: string, key: string, kept: KeptIndex, files: SearchFile[]): Promise<void> {
  await mkdir(dir, { recursive: true });
  const head = Buffer.from(JSON.stringify({ ...kept, files: files.map((f) => [f.file, f.bytes.byteLength]) }));
  const length = Buffer.alloc(4);
  length.writeUInt32LE(head.byteLength);
  const partial = `${keptPath(dir, key)}.${process.pid}.tmp`;
  await writeFile(partial, Buffer.concat([length, head, ...files.map((f) => f.bytes)]));
  await rename(partial, keptPath(dir, key));
  const others = await Promise.all(
    (await readdir(dir)).filter((n) => n.endsWith('.bin') && n !== `${key}.bin`).map(async (n) => ({ n, t: (await stat(path.join(dir, n))).mtimeMs })),
  );
  for (const { n } of others.sort((a, b) => b.t - a.t).slice(KEPT_INDEXES - 1)) await rm(path.join(dir, n), { force: true });
}

/** The key of a kept index: what the indexed pages are made from, and how they are indexed. */
export function searchIndexKey(parts: readonly string[]): string {
  const hash = createHash('sha256').update(`pagefind maxFragments=${MAX_FRAGMENTS}; styles removed\n`);
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('hex').slice(0, 32);
}

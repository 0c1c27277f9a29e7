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
      /** Index one rendered page (its URL path and HTML). */
      add(path: string, html: string): Promise<void>;
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
    async add(path, html) {
      // Not awaited: Pagefind indexes in its own process while the build renders the next page.
      // Without the inline stylesheet, which Pagefind does not index: a third of each page's
      // bytes, encoded (JSON, base64) and piped to Pagefind's process for nothing.
      const job = live.addHTMLFile({ url: path, content: withoutStyles(html) }).then(
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

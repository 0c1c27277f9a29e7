/**
 * One build (Node only): content folder → site model → static output. Used by
 * `npm run build` (scripts/build-static.ts) and by `npm start` (scripts/start.ts), which
 * calls it again in process when a content file changes.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { buildSite, formatMessages, parseMilestoneDefinitions, parseUpdate, readContentDir, skippedFiles } from '../content';
import { markdownCache, parseMarkdownText } from '../content/markdown';
import { cacheControl } from '../http/cache';
import { MarkdownCache, markdownVersion, ParseCache, parserVersion } from './parse-cache';
import { keptMessages, ModelCache } from './model-cache';
import type { VFile } from 'vfile';
import { PROJECT_ROOT } from './source';
import type { SiteModel } from '../content/model';
import { contentHash, OutputWriter, readAliases, renderSite, wranglerVars, type FileSink, type WriteResult } from './node';
import { INDEXED_PATTERNS, SEARCH_PATTERN, searchIndexKey, startCachedSearchIndex, startSearchIndex } from './search';
import { rendererVersion } from './render-memo';
import type { Store } from './overflow';
import { StaticBuildError } from './static';

export interface BuildOptions {
  content: string;
  /** Assets directory (wrangler.toml [assets] directory). */
  out: string;
  /** Where the model JSON goes (tests and tools read it); none when undefined. */
  model?: string;
  /** wrangler.toml whose [vars] the pages and feeds are rendered with. */
  config: string;
  /** Overrides SITE_URL of the config. */
  siteUrl?: string;
  /** Overrides other [vars] of the config (WEBSUB_HUB, FEED_ITEMS…). */
  vars?: Record<string, string>;
  /** Parse cache (incremental builds); none: every file is parsed. */
  cache?: ParseCache;
  /** Environment deciding the search index (`TIDINGS_SEARCH=off`); process.env when undefined. */
  env?: Record<string, string | undefined>;
  /** A dev server watches the output folder (`npm start`): see OutputWriter.finish. */
  served?: boolean;
}

/** What the build did about the search index: its files and time, or why there is none. */
export type SearchOutcome = { built: true; pages: number; files: number; bytes: number; ms: number } | { built: false; reason: string };

/**
 * The parse cache a build uses by default: on disk under `.cache/tidings/parse` of the working
 * directory, keyed by the parser's source; `TIDINGS_BUILD_CACHE=off` disables it.
 */
export async function defaultParseCache(cwd = process.cwd()): Promise<ParseCache | undefined> {
  if (process.env.TIDINGS_BUILD_CACHE === 'off') return undefined;
  const version = await parserVersion(path.join(PROJECT_ROOT, 'src', 'content'));
  const cache = new ParseCache(version, path.join(cwd, '.cache', 'tidings', 'parse'));
  cache.markdown = new MarkdownCache(await markdownVersion(PROJECT_ROOT), path.join(cwd, '.cache', 'tidings', 'mdast'));
  cache.model = new ModelCache(path.join(cwd, '.cache', 'tidings', 'model'));
  return cache;
}

export type BuildOutcome =
  | {
      ok: true;
      site: SiteModel;
      written: WriteResult;
      reused: number;
      warnings: number;
      messages: string;
      plan: string;
      search: SearchOutcome;
      ms: { parse: number; render: number; search: number; write: number; total: number };
    }
  | { ok: false; errors: number; warnings: number; messages: string };

export async function buildAll(options: BuildOptions): Promise<BuildOutcome> {
  const started = performance.now();
  const root = options.content;
  const dir = await readContentDir(root);
  // The last build's model when nothing it was made from changed (./model-cache.ts).
  const models = options.cache?.model;
  const modelKey = models
    ? ModelCache.key([await rendererVersion(PROJECT_ROOT), options.cache!.version, options.cache!.markdown?.version ?? 'no markdown cache'], dir)
    : undefined;
  const kept = modelKey !== undefined ? models!.read(modelKey) : undefined;
  let site: SiteModel;
  let files: VFile[];
  if (kept) {
    site = kept.site;
    // formatMessages reads a file's path and messages only.
    files = kept.files as unknown as VFile[];
  } else {
    const trees = options.cache?.markdown;
    // Whatever kept trees before this build keeps them after it (a caller's own memo: tests).
    const before = markdownCache.parse;
    if (trees) markdownCache.parse = (text) => trees.parse(text, before ?? parseMarkdownText);
    let built: ReturnType<typeof buildSite>;
    try {
      built = buildSite(dir.updates, {
        ...dir,
        ...(options.cache ? { parseUpdate: options.cache.wrap(parseUpdate), parseMilestoneDefinitions: options.cache.wrapDefinitions(parseMilestoneDefinitions) } : {}),
      });
    } finally {
      markdownCache.parse = before;
    }
    ({ site, files } = built);
  }
  // Kept before the skipped files are added (those are said again from the folder at each build).
  const messagesToKeep = models ? (kept?.files ?? keptMessages(files)) : undefined;
  // What was not read is said with its path, like any other message (a warning, or an error
  // for a file too large to be a report).
  files = [...files, ...skippedFiles(dir)];
  const report = formatMessages(files, root.endsWith('/') ? root : `${root}/`);
  if (report.errors > 0) return { ok: false, errors: report.errors, warnings: report.warnings, messages: report.text };
  await options.cache?.flush();
  const parsed = performance.now();
  const vars = await wranglerVars(options.config);
  Object.assign(vars, options.vars);
  if (options.siteUrl) vars.SITE_URL = options.siteUrl;
  const aliasText = await readFile(path.join(root, 'aliases.yaml'), 'utf8').catch(() => undefined);
  // Rendered and written file by file: the site is never held in memory whole.
  const writer = await OutputWriter.open(options.out);
  // The search index takes each update and milestone page as it is written (src/publish/search.ts).
  const env = options.env ?? process.env;
  const where = new Map<string, { file: string; placement?: Store }>();
  const readPage = async (p: string) => {
    const { file, placement } = where.get(p)!;
    return decoder.decode(placement ? await writer.readPlaced(file, placement) : await readFile(path.join(options.out, ...file.split('/'))));
  };
  const indexer = options.cache?.dir
    ? await startCachedSearchIndex(
        env,
        path.join(path.dirname(options.cache.dir), 'search'),
        searchIndexKey([site.version, await rendererVersion(PROJECT_ROOT), JSON.stringify(Object.entries(vars).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))), aliasText ?? '']),
        readPage,
      )
    : await startSearchIndex(env);
  const sink: FileSink = !indexer.ok
    ? writer.sink
    : async (file, hash) => {
        await writer.sink(file, hash);
        if (!INDEXED_PATTERNS.has(file.pattern)) return;
        where.set(file.path, { file: file.file, ...(file.placement ? { placement: file.placement } : {}) });
        // A page kept from the last build is on disk as it was written (a placed one, in its pack or R2 folder).
        await indexer.add(file.path, hash ?? file.kept?.hash ?? file.hash ?? contentHash(file.bytes), async () => (file.kept ? readPage(file.path) : decoder.decode(file.bytes)));
      };
  let published;
  try {
    // With the parse cache (an incremental build), files nothing reached are not rendered again.
    published = await renderSite(
      site,
      {
        vars,
        aliases: readAliases(aliasText),
        readPlaced: (file, placement) => writer.readPlaced(file, placement),
        searchIndex: indexer.ok,
        ...(options.cache ? { reuseFrom: writer } : {}),
        ...(options.cache?.dir ? { renderStore: path.join(path.dirname(options.cache.dir), 'render') } : {}),
        ...(kept?.dependencies ? { dependencies: kept.dependencies } : {}),
      },
      sink,
    );
  } catch (error) {
    if (indexer.ok) await indexer.abandon();
    throw error;
  }
  const rendered = performance.now();
  let search: SearchOutcome;
  if (indexer.ok) {
    const index = await indexer.finish();
    const limit = Number(vars.ASSETS_FILE_LIMIT ?? 20_000);
    // The static files the placement plan left (./overflow.ts), and the index's own.
    const staticFiles = published.plan.assetFiles + index.files.length;
    if (Number.isFinite(limit) && limit > 0 && staticFiles > limit) {
      throw new StaticBuildError(
        `the site needs ${staticFiles} static files (${index.files.length} of them the search index); ASSETS_FILE_LIMIT is ${limit}. ` +
          'Build without the search index (TIDINGS_SEARCH=off), raise ASSETS_FILE_LIMIT on the Paid plan, or see README "How big can it get".',
      );
    }
    let bytes = 0;
    for (const f of index.files) {
      await writer.write(f.file, f.bytes);
      bytes += f.bytes.byteLength;
    }
    published.output.headers.set(SEARCH_PATTERN, searchHeaders(vars));
    search = { built: true, pages: index.pages, files: index.files.length, bytes, ms: index.ms };
  } else {
    search = { built: false, reason: indexer.reason };
  }
  const indexed = performance.now();
  const written = await writer.finish(published, options.served);
  await published.commitMemo();
  // The model as JSON: the model file, and what the model cache keeps (the kept text as it was).
  // Kept again when new, or when its dependency keys were computed anew (QUIET_WEEKS changed).
  const keep = messagesToKeep !== undefined && (!kept || (published.dependencies !== undefined && published.dependencies.quietWeeks !== kept.dependencies?.quietWeeks));
  const json = options.model || keep ? (kept?.json ?? JSON.stringify(site)) : undefined;
  if (options.model) {
    // Stable key order and no timestamps; written aside and renamed.
    await mkdir(path.dirname(options.model), { recursive: true });
    const partial = `${options.model}.${process.pid}.tmp`;
    await writeFile(partial, `${json}\n`);
    await rename(partial, options.model);
  }
  if (keep && modelKey !== undefined) models!.write(modelKey, json!, messagesToKeep!, published.dependencies);
  const done = performance.now();
  return {
    ok: true,
    site,
    written,
    reused: published.reused,
    plan: search.built ? `${published.plan.summary}; and ${search.files} files of the search index` : published.plan.summary,
    warnings: report.warnings,
    messages: report.text,
    search,
    ms: { parse: parsed - started, render: rendered - parsed, search: indexed - rendered, write: done - indexed, total: done - started },
  };
}

/** One line saying what a build did. */
export function describeBuild(outcome: Extract<BuildOutcome, { ok: true }>, options: BuildOptions): string {
  const { site, written, ms } = outcome;
  const f = (n: number) => n.toFixed(0);
  return (
    `built ${site.updates.length} updates, ${site.teams.length} teams, ${site.milestones.length} milestones from ${options.content} ` +
    `(version ${site.version}${outcome.warnings ? `, ${outcome.warnings} warning(s)` : ''}): ${written.files} files, ` +
    `${(written.bytes / 1024).toFixed(0)} KiB → ${options.out} (${written.written} written, ${written.removed} removed${outcome.reused ? `, ${outcome.reused} reused unrendered` : ''}) in ${f(ms.total)} ms ` +
    `(parse ${f(ms.parse)}, render ${f(ms.render)}, search ${f(ms.search)}, write ${f(ms.write)})` +
    (outcome.search.built
      ? `; search index: ${outcome.search.pages} pages, ${outcome.search.files} files, ${(outcome.search.bytes / 1024).toFixed(0)} KiB`
      : `; no search index: ${outcome.search.reason} (the /search page says so)`) +
    `\n${outcome.plan}`
  );
}

const decoder = new TextDecoder();

/** Headers of Pagefind's files: cached like the pages, never sniffed. */
function searchHeaders(vars: Record<string, string>): Record<string, string> {
  return { 'Cache-Control': cacheControl(vars.CACHE_MAX_AGE), 'X-Content-Type-Options': 'nosniff' };
}

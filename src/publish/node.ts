/**
 * The build's file-system edge (Node only, never in the Worker): site model → static output
 * directory, written aside and swapped in so a server never sees half a site.
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, rmdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseToml } from 'smol-toml';
import YAML from 'yaml';
import { createApp } from '../app';
import type { SiteModel } from '../content/model';
import type { Env } from '../env';
import { siteConfig } from '../feeds/config';
import { representationSettings } from '../http/cache';
import { CATALOG_PATH, DATA_HEADERS, DATA_PATTERN, dataFileCount, dataFiles, FEEDS_MANIFEST_PATH, feedsPartOf, feedsPartPath, type FeedsManifest, type FeedsPart } from './data';
import { fileOf, publicPaths, SITE_GROUP, type PublicPath } from './paths';
import { renderDependencies, rendererVersion, takeRenderManifest, writeRenderManifest, type RenderManifest } from './render-memo';
import { RenderStore, type StoredFile } from './render-store';
import { PROJECT_ROOT } from './source';
import { headersFile, redirectsFile, renderPaths, StaticBuildError, type Redirect, type StaticFile, type StaticOutput } from './static';
import { MAX_ASSET_BYTES, OVERFLOW_PATH, packOf, packPath, packsByBytes, planPlacement, PlanError, type OverflowManifest, type Pack, type Plan, type Store } from './overflow';
import { INDEXED_PATTERNS, SEARCH_BUNDLE, searchFilesEstimate } from './search';

/** Files besides pages and feeds: the data files and the feeds manifest with its parts (the site's, one per team). */
export function otherFileCount(site: SiteModel): number {
  return dataFileCount(site) + 1 + site.teams.length + 1;
}

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
  /**
   * Incremental rendering: the writer of the output folder, whose files from the
   * last build are kept where nothing they are made from changed (render-memo.ts).
   */
  reuseFrom?: OutputWriter;
  /**
   * Reads back a placed document the sink wrote (OutputWriter.readPlaced), so that packs are
   * made without holding their documents; without it, they are held until the packs are made.
   */
  readPlaced?: (file: string, placement: Store) => Promise<Uint8Array>;
  /** The build makes a search index of the update and milestone pages: the plan keeps room for its files. */
  searchIndex?: boolean;
  /**
   * Where rendered files are kept across builds (`.cache/tidings/render`): a build into a clean
   * folder takes from there those whose group did not change (render-store.ts).
   * Only with `reuseFrom`.
   */
  renderStore?: string;
  /**
   * The groups' dependency keys as computed for this model before (kept with it: the model
   * cache), used when made with the same QUIET_WEEKS. Only with `reuseFrom`.
   */
  dependencies?: RenderDependencies;
}

/** The dependency key of every group of files (render-memo.ts), and the QUIET_WEEKS they were computed with. */
export interface RenderDependencies {
  quietWeeks: number;
  groups: Record<string, string>;
}

export interface Published {
  /** The files (empty when they went to a sink) and the `_headers` rules. */
  output: StaticOutput;
  /** Files an incremental build reused from the last one instead of rendering them. */
  reused: number;
  /** Stores what this build's files were made from: call once its output is written. */
  commitMemo(): Promise<void>;
  /** The groups' dependency keys (an incremental build's). */
  dependencies?: RenderDependencies;
  redirects: Redirect[];
  paths: PublicPath[];
  /** Files produced (sent to the sink or kept). */
  count: number;
  /** Which documents left the static files, and why (src/publish/overflow.ts). */
  plan: Plan;
}

/** Where rendered files go; `hash` (contentHash of the bytes) when the caller has it already. */
export type FileSink = (file: StaticFile, hash?: string) => Promise<void>;

/**
 * Renders every public path of `site` in process, through the site's own routes, plus the
 * data files the Worker reads. Files are kept in `output.files`, or handed to `sink` one at a
 * time as they are rendered.
 */
export async function renderSite(site: SiteModel, options: PublishOptions, sink?: FileSink): Promise<Published> {
  // Workers Static Assets compresses on the edge per client: no gzip variants at build time.
  representationSettings.precompress = false;
  // ETags hashed as the writer hashes (contentHash): one hash per file, taken from the ETag.
  representationSettings.digest = sha256Hex;
  const app = createApp(site);
  const env = options.vars as unknown as Env;
  const config = siteConfig(env);
  const paths = publicPaths(site, config.defaultLimit);
  const count = paths.length + otherFileCount(site);
  // Workers Static Assets takes at most ASSETS_FILE_LIMIT files per Worker version (20,000 on
  // the Free plan, 100,000 on Paid): what does not fit is placed in packs or R2 and served by
  // the Worker (src/publish/overflow.ts); when even that cannot fit, the build fails here,
  // before writing anything, not the deploy.
  const limit = Number(options.vars.ASSETS_FILE_LIMIT || 20_000);
  const store = overflowStore(options.vars.OVERFLOW_STORE);
  let plan: Plan;
  // Room for the search index, made after the plan from the update and milestone pages.
  const reserve = options.searchIndex ? searchFilesEstimate(paths.filter((p) => INDEXED_PATTERNS.has(p.pattern)).length) : 0;
  try {
    plan = planPlacement({ paths: paths.map((p) => p.path), otherFiles: count - paths.length, limit: Number.isFinite(limit) && limit > 0 ? limit : Infinity, store, reserve });
  } catch (error) {
    if (error instanceof PlanError) throw new StaticBuildError(error.message);
    throw error;
  }
  const placedAlone: string[] = [];
  const placementOf = (p: string): Store | undefined => (plan.placed.has(p) ? store : placedAlone.includes(p) ? 'r2' : undefined);
  // Current feeds (not archives, which never change) with their hash, for WebSub, by part.
  const feeds = new Map<string, FeedsPart['feeds']>();
  const owners = new Map(site.milestones.map((m) => [m.key, m.team]));
  const output: StaticOutput = { files: [], headers: new Map() };
  const memo = options.reuseFrom !== undefined ? await renderMemo(site, options, config, options.reuseFrom, output) : undefined;
  // Placed documents of the packs store, as the packs are made of them at the end.
  const packMembers = new Map<string, { hash: string; pattern: string; size: number; bytes?: Uint8Array }>();
  const emit = async (file: StaticFile) => {
    const hash = file.kept?.hash ?? file.hash ?? contentHash(file.bytes);
    const size = file.kept?.size ?? file.bytes.byteLength;
    if (size > MAX_ASSET_BYTES && placementOf(file.path) === undefined) {
      // Workers Static Assets refuses a file over 25 MiB: R2 takes it, packs cannot.
      if (store !== 'r2') {
        throw new StaticBuildError(
          `${file.path} is ${(size / 1024 / 1024).toFixed(1)} MiB, over the 25 MiB Workers Static Assets allows per file: set OVERFLOW_STORE = "r2" with an R2 bucket bound as OVERFLOW (README "How big can it get").`,
        );
      }
      placedAlone.push(file.path);
    }
    const placement = placementOf(file.path);
    if (placement) file.placement = placement;
    if (placement === 'packs') packMembers.set(file.path, { hash, pattern: file.pattern, size, ...(sink && options.readPlaced ? {} : { bytes: file.bytes }) });
    if (CURRENT_FEED.test(file.path) && !file.path.includes('/archive/')) {
      const part = feedsPartOf(file.path, (key) => owners.get(key));
      let list = feeds.get(part);
      if (!list) feeds.set(part, (list = []));
      list.push({ url: `${config.siteUrl}${file.path}`, hash });
    }
    memo?.record(file, hash);
    if (sink) await sink(file, hash);
    else output.files.push(file);
  };
  // A GET as the routes read it (its URL, method and headers): a Node Request costs a parsed URL,
  // an AbortSignal and its own Headers per file, for a request nobody sends.
  const fetcher = async (p: string) => app.fetch({ url: `http://localhost${p}`, method: 'GET', headers: NO_HEADERS } as unknown as Request, env);
  const reuse = memo ? (entry: PublicPath, file: string) => memo.reuse(entry, file, placementOf(entry.path)) : undefined;
  // Each path once, its bytes taken from the representation (src/http/cache.ts).
  representationSettings.capture = true;
  try {
    await renderPaths(paths, fetcher, output, emit, reuse);
    memo?.endRun();
  } finally {
    representationSettings.capture = false;
  }
  // What the Worker reads through the ASSETS binding (catalog, per-team digest indexes, the
  // feeds' content hashes for WebSub): made from the model and QUIET_WEEKS, like the site's
  // files, so kept in the render store under the same key (one run, named by its first file).
  output.headers.set(DATA_PATTERN, DATA_HEADERS);
  const dataKey = memo?.dependency(SITE_GROUP);
  const keptData = memo?.store && dataKey !== undefined ? memo.store.read(dataKey, CATALOG_PATH.slice(1)) : undefined;
  if (keptData && [...keptData.files.values()].every((f) => f.pattern === DATA_PATTERN)) {
    for (const [file, f] of keptData.files) await emit({ file, path: `/${file}`, bytes: f.bytes, pattern: DATA_PATTERN, hash: f.hash });
  } else {
    const made: Array<{ file: string } & StoredFile> = [];
    for (const { path: p, text } of dataFiles(site, config.quietWeeks)) {
      const bytes = encoder.encode(text);
      const hash = contentHash(bytes);
      made.push({ file: p.slice(1), bytes, hash, pattern: DATA_PATTERN });
      await emit({ file: p.slice(1), path: p, bytes, pattern: DATA_PATTERN, hash });
    }
    if (memo?.store && dataKey !== undefined) memo.store.write(dataKey, made, { [DATA_PATTERN]: DATA_HEADERS });
  }
  const manifest: FeedsManifest = { version: site.version, parts: [] };
  for (const [name, list] of [...feeds].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const p = feedsPartPath(name);
    const bytes = encoder.encode(`${JSON.stringify({ feeds: list } satisfies FeedsPart)}\n`);
    await emit({ file: p.slice(1), path: p, bytes, pattern: DATA_PATTERN });
    manifest.parts.push({ name, hash: contentHash(bytes), feeds: list.length });
  }
  await emit({ file: FEEDS_MANIFEST_PATH.slice(1), path: FEEDS_MANIFEST_PATH, bytes: encoder.encode(`${JSON.stringify(manifest)}\n`), pattern: DATA_PATTERN });
  if (plan.placed.size > 0 || placedAlone.length > 0) {
    // The packs, pack by pack (their documents are read back from the writer, never all held).
    if (store === 'packs') {
      // As many packs as the placed documents' bytes need (PACK_BYTES each), not only their count.
      let placedBytes = 0;
      for (const m of packMembers.values()) placedBytes += m.size;
      plan = packsByBytes(plan, placedBytes, Number.isFinite(limit) && limit > 0 ? limit - reserve : Infinity);
      const members = new Map<number, string[]>();
      for (const p of [...packMembers.keys()].sort()) {
        const n = packOf(p, plan.packs);
        let list = members.get(n);
        if (!list) members.set(n, (list = []));
        list.push(p);
      }
      for (let n = 0; n < plan.packs; n++) {
        const file = packPath(n).slice(1);
        // A pack whose members are those of the last build, with the same bytes, is kept unread.
        const key = createHash('sha256');
        for (const p of members.get(n) ?? []) key.update(p).update('\0').update(packMembers.get(p)!.hash).update('\0').update(packMembers.get(p)!.pattern).update('\n');
        const memberKey = key.digest('hex').slice(0, 32);
        const last = memo?.lastPack(file);
        if (last && last[0] === memberKey && options.reuseFrom?.previousHash(file) === last[1]) {
          await emit({ file, path: packPath(n), bytes: new Uint8Array(0), pattern: DATA_PATTERN, kept: { hash: last[1], size: last[2] } });
          memo?.recordPack(file, [memberKey, last[1], last[2]]);
          continue;
        }
        const pack: Pack = { files: {} };
        for (const p of members.get(n) ?? []) {
          const m = packMembers.get(p)!;
          const bytes = m.bytes && !(m.bytes.byteLength === 0 && options.readPlaced) ? m.bytes : await options.readPlaced!(fileOf(p), 'packs');
          pack.files[p] = { pattern: m.pattern, hash: m.hash, body: decoder.decode(bytes) };
        }
        const bytes = encoder.encode(`${JSON.stringify(pack)}\n`);
        if (bytes.byteLength > MAX_ASSET_BYTES) throw new StaticBuildError(`${packPath(n)} would be ${(bytes.byteLength / 1024 / 1024).toFixed(1)} MiB, over 25 MiB: set OVERFLOW_STORE = "r2"`);
        await emit({ file, path: packPath(n), bytes, pattern: DATA_PATTERN });
        memo?.recordPack(file, [memberKey, contentHash(bytes), bytes.byteLength]);
      }
    }
    const placedPatterns = new Set<string>();
    for (const entry of paths) if (placementOf(entry.path)) placedPatterns.add(entry.pattern);
    const overflow: OverflowManifest = {
      version: site.version,
      store,
      packs: store === 'packs' ? plan.packs : 0,
      tiers: plan.tiers,
      paths: placedAlone,
      headers: Object.fromEntries([...placedPatterns].sort().map((p) => [p, output.headers.get(p) ?? {}])),
    };
    await emit({ file: OVERFLOW_PATH.slice(1), path: OVERFLOW_PATH, bytes: encoder.encode(`${JSON.stringify(overflow)}\n`), pattern: DATA_PATTERN });
  }
  return {
    output,
    paths,
    count,
    plan,
    redirects: aliasRedirects(site, options.aliases ?? new Map(), paths),
    reused: memo?.reused() ?? 0,
    ...(memo ? { dependencies: memo.dependencies() } : {}),
    commitMemo: async () => {
      if (memo && options.reuseFrom) await writeRenderManifest(options.reuseFrom.outDir, memo.manifest());
      memo?.store?.prune();
    },
  };
}

/**
 * The reuse of an incremental render: the last build's render manifest (takeRenderManifest),
 * and a `reuse` for renderPaths that keeps a file in the folder when its group's dependency
 * key is the one it was rendered with.
 */
async function renderMemo(site: SiteModel, options: PublishOptions, config: ReturnType<typeof siteConfig>, writer: OutputWriter, output: StaticOutput) {
  const build = createHash('sha256')
    .update(await rendererVersion(PROJECT_ROOT))
    // Every [vars] value (not only what siteConfig reads) and the aliases.
    .update(JSON.stringify(Object.entries(options.vars).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))))
    .update(JSON.stringify([...(options.aliases ?? new Map())].sort()))
    .digest('hex')
    .slice(0, 32);
  const given = options.dependencies?.quietWeeks === config.quietWeeks ? options.dependencies.groups : undefined;
  const deps = given ? new Map(Object.entries(given)) : renderDependencies(site, config.quietWeeks);
  const before = await takeRenderManifest(writer.outDir);
  const usable = before?.build === build ? before : undefined;
  if (usable) for (const [pattern, headers] of Object.entries(usable.headers)) if (!output.headers.has(pattern)) output.headers.set(pattern, headers);
  const files: RenderManifest['files'] = {};
  const packs: NonNullable<RenderManifest['packs']> = {};
  let reused = 0;
  const store = options.renderStore !== undefined ? new RenderStore(options.renderStore, build) : undefined;
  // The run of one group's files being rendered (render-store.ts): its files from the store,
  // or those rendered, kept whole when none was left in the folder.
  let run: { group: string; dep: string | undefined; first: string; stored?: Map<string, StoredFile>; rendered: Array<{ file: string } & StoredFile>; whole: boolean } | undefined;
  const endRun = () => {
    if (run && store && run.dep !== undefined && run.whole && run.stored === undefined && run.rendered.length > 0) {
      const headers: Record<string, Record<string, string>> = {};
      for (const f of run.rendered) headers[f.pattern] ??= output.headers.get(f.pattern) ?? {};
      store.write(run.dep, run.rendered, headers);
    }
    run = undefined;
  };
  return {
    store,
    endRun,
    lastPack: (file: string) => usable?.packs?.[file],
    recordPack: (file: string, entry: [string, string, number]) => {
      packs[file] = entry;
    },
    reused: () => reused,
    dependency: (group: string) => deps.get(group),
    dependencies: (): RenderDependencies => ({ quietWeeks: config.quietWeeks, groups: given ?? Object.fromEntries(deps) }),
    /**
     * A file of a group whose inputs are unchanged: still on disk as the last build wrote
     * it, or kept in the build's cache (its bytes).
     */
    reuse: (entry: PublicPath, file: string, placement?: Store): { hash: string; size: number } | { hash: string; bytes: Uint8Array } | undefined => {
      if (entry.group === undefined) {
        endRun();
        return undefined;
      }
      const dep = deps.get(entry.group);
      if (run?.group !== entry.group) {
        endRun();
        run = { group: entry.group, dep, first: file, rendered: [], whole: true };
        const segment = store && dep !== undefined ? store.read(dep, file) : undefined;
        if (segment) {
          run.stored = segment.files;
          for (const [pattern, headers] of Object.entries(segment.headers)) if (!output.headers.has(pattern)) output.headers.set(pattern, headers);
        }
      }
      const last = usable?.files[file];
      if (usable && output.headers.has(entry.pattern) && dep !== undefined && usable.groups[entry.group] === dep && last && writer.previousHash(file, placement) === last[0]) {
        reused++;
        run.whole = false;
        store?.keep(dep, run.first);
        return { hash: last[0], size: last[1] };
      }
      const stored = run.stored?.get(file);
      if (stored && stored.pattern === entry.pattern) {
        reused++;
        return { hash: stored.hash, bytes: stored.bytes };
      }
      return undefined;
    },
    record: (file: StaticFile, hash: string) => {
      if (file.group === undefined) return;
      files[file.file] = [hash, file.kept?.size ?? file.bytes.byteLength];
      if (run?.group === file.group && !file.kept && !run.stored?.has(file.file)) run.rendered.push({ file: file.file, bytes: file.bytes, hash, pattern: file.pattern });
    },
    manifest: (): RenderManifest => ({ build, groups: Object.fromEntries(deps), headers: Object.fromEntries(output.headers), files, ...(Object.keys(packs).length > 0 ? { packs } : {}) }),
  };
}

/**
 * Writes static output into `outDir` in place: only files whose bytes changed are written, and
 * `finish` removes the files no longer produced. A file that replaces one already in the folder
 * is written aside and renamed, so a server watching the folder sees each file whole (aside
 * means in `<outDir>.writing/`, next to the folder and never in it: `wrangler dev` lists the
 * assets folder and then stats each file, and crashed on a temporary file renamed away in
 * between). Into a folder that was empty or absent when the build began (a clean build) files
 * are written directly: there is no old file to keep whole, and the temporary file and the
 * rename cost more system time than the write itself (about 1 s of CPU for 3,600 files).
 * Writes are synchronous: the build is bound by CPU, and a write in flight through the thread
 * pool costs more CPU than the write. What was written is remembered in `<outDir>.manifest.json`.
 * A build with content errors never gets here.
 */
export class OutputWriter {
  /** Last build's files: `file` for a static file, `packs:file` / `r2:file` for a placed document. */
  #before: Record<string, string> = {};
  /** Files found at the start, by placement prefix ('' for the static output): one listing of the output folder as it was; what the build does not produce again is removed from it. */
  #found = new Map<string, string[]>();
  readonly #after: Record<string, string> = {};
  /** Folders made by this build. */
  readonly #dirs = new Set<string>();
  /** Folders (by placement prefix) that held no file when the build began: written in place, not aside. */
  readonly #clean = new Set<string>();
  readonly result: WriteResult = { files: 0, bytes: 0, written: 0, removed: 0, placed: 0 };

  /** Where files are written before they are renamed into place (same file system, outside outDir). */
  readonly #partialDir: string;
  readonly #partialPrefix = `${process.pid}-${randomUUID().slice(0, 8)}`;
  #partials = 0;

  private constructor(readonly outDir: string) {
    this.#partialDir = `${outDir.replace(/\/+$/, '')}.writing`;
  }

  /**
   * Where placed documents are kept, next to the static output and never in it: `<out>.packs/`
   * (what the packs are made of) and `<out>.r2/` (what `npm run upload-overflow` puts in R2).
   */
  placedDir(placement: Store): string {
    return `${this.outDir.replace(/\/+$/, '')}.${placement}`;
  }

  static async open(outDir: string): Promise<OutputWriter> {
    const writer = new OutputWriter(outDir);
    await mkdir(writer.#partialDir, { recursive: true });
    const before = await readFile(writer.#manifestPath, 'utf8')
      .then((t) => JSON.parse(t) as Record<string, string>)
      .catch((): Record<string, string> => ({}));
    // What the last build wrote and is still there (one listing per folder, not a stat per file).
    for (const [prefix, dir] of writer.#roots()) {
      const files = await listFiles(dir);
      if (files.length === 0) writer.#clean.add(prefix);
      writer.#found.set(prefix, files);
      for (const file of files) {
        const hash = before[prefix + file];
        if (hash !== undefined) writer.#before[prefix + file] = hash;
      }
    }
    return writer;
  }

  #roots(): Array<[prefix: string, dir: string]> {
    return [
      ['', this.outDir],
      ['packs:', this.placedDir('packs')],
      ['r2:', this.placedDir('r2')],
    ];
  }

  /** Hash of a file as the last build wrote it (in the same placement), if it is still there. */
  previousHash(file: string, placement?: Store): string | undefined {
    return this.#before[placement ? `${placement}:${file}` : file];
  }

  /** A placed document as written (this build or, kept, the last). */
  async readPlaced(file: string, placement: Store): Promise<Uint8Array> {
    return readFile(path.join(this.placedDir(placement), ...file.split('/')));
  }

  get #manifestPath(): string {
    return `${this.outDir.replace(/\/+$/, '')}.manifest.json`;
  }

  async write(file: string, bytes: Uint8Array, counted = true, kept?: { hash: string; size: number }, known?: string, placement?: Store): Promise<void> {
    const hash = kept?.hash ?? known ?? contentHash(bytes);
    const key = placement ? `${placement}:${file}` : file;
    this.#after[key] = hash;
    if (counted && placement) this.result.placed++;
    else if (counted) {
      this.result.files++;
      this.result.bytes += kept?.size ?? bytes.byteLength;
    }
    if (this.#before[key] === hash) return;
    if (kept) throw new Error(`${file}: kept from the last build, but it is not there as it was written`);
    const target = path.join(placement ? this.placedDir(placement) : this.outDir, ...file.split('/'));
    const dir = path.dirname(target);
    if (!this.#dirs.has(dir)) {
      mkdirSync(dir, { recursive: true });
      this.#dirs.add(dir);
    }
    if (this.#clean.has(placement ? `${placement}:` : '')) {
      writeFileSync(target, bytes);
    } else {
      const partial = path.join(this.#partialDir, `${this.#partialPrefix}-${++this.#partials}.tmp`);
      writeFileSync(partial, bytes);
      renameSync(partial, target);
    }
    this.result.written++;
  }

  sink: FileSink = (f, hash) => this.write(f.file, f.bytes, true, f.kept, hash, f.placement);

  /**
   * `served`: a dev server watches the folder (`npm start`). It lists the folder, then stats each
   * file, and stopped for good on a search index chunk removed in between (every edit renames
   * them, `pagefind/…_<hash>`): while served, the chunks no longer produced stay until a build
   * that is not served removes them; they are named by their content, and nothing links to them.
   */
  async finish(published: Published, served = false): Promise<WriteResult> {
    await this.write('_headers', encoder.encode(headersFile(published.output.headers)), false);
    await this.write('_redirects', encoder.encode(redirectsFile(published.redirects)), false);
    // Files are only added by this build, at names it produces: the listings taken at the start
    // hold everything else.
    for (const [prefix, root] of this.#roots()) {
      const emptied = new Set<string>();
      for (const file of this.#found.get(prefix) ?? []) {
        if (this.#after[prefix + file] !== undefined) continue;
        if (served && prefix === '' && file.startsWith(`${SEARCH_BUNDLE.slice(1)}/`)) continue;
        await rm(path.join(root, ...file.split('/')), { force: true });
        this.result.removed++;
        for (let dir = path.posix.dirname(file); dir !== '.'; dir = path.posix.dirname(dir)) emptied.add(dir);
      }
      // Folders left empty (a milestone gone): deepest first; rmdir refuses any that is not empty.
      for (const dir of [...emptied].sort((a, b) => b.split('/').length - a.split('/').length)) {
        await rmdir(path.join(root, ...dir.split('/'))).catch(() => undefined);
      }
      if (prefix !== '') await rmdir(root).catch(() => undefined);
    }
    await writeFile(this.#manifestPath, `${JSON.stringify(this.#after)}\n`);
    // Empty unless another build writes at the same time (then it is that one's to remove).
    await rmdir(this.#partialDir).catch(() => undefined);
    return this.result;
  }
}

/** Writes output rendered in memory (renderSite without a sink) to `outDir`. */
export async function writeOutput(outDir: string, published: Published): Promise<WriteResult> {
  const writer = await OutputWriter.open(outDir);
  for (const f of published.output.files) await writer.write(f.file, f.bytes, true, undefined, undefined, f.placement);
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
  /** Documents placed in packs or R2 instead of static files of their own (src/publish/overflow.ts). */
  placed: number;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** OVERFLOW_STORE: where documents that do not fit go ("packs", the default, or "r2"). */
export function overflowStore(value: string | undefined): Store {
  const v = (value ?? '').trim();
  if (v === '' || v === 'packs') return 'packs';
  if (v === 'r2') return 'r2';
  throw new StaticBuildError(`OVERFLOW_STORE must be "packs" or "r2"; got ${JSON.stringify(value)}`);
}

/** The hash the writer's manifest and the WebSub list keep of a file's bytes (a representation's ETag, unquoted). */
export function contentHash(bytes: Uint8Array): string {
  return sha256Hex(bytes).slice(0, 32);
}

function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The headers of every request the build renders (no conditional headers, no Accept-Encoding: identity). */
const NO_HEADERS = new Headers();

const CURRENT_FEED = /\/(feed\.xml|atom\.xml|feed\.json)$/;

async function listFiles(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir, { recursive: true, withFileTypes: true }))
      .filter((e) => e.isFile())
      .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
  } catch {
    return [];
  }
}

/**
 * A site larger than the platform's limits (Workers Static Assets: 20,000 files per version on
 * the Free plan, 100,000 on Paid, 25 MiB per file). Every public path is still a document the
 * build renders; what does not fit as a file of its own is *placed* elsewhere and served by
 * the Worker, byte for byte the same, with the same headers and edge caching:
 * - `packs`: many documents in one file of the static output (`/_tidings/packs/<n>.json`, at
 *   most PACK_FILES documents each, the pack picked by a hash of the path): no setup, any plan;
 * - `r2`: one object per document in an R2 bucket (`OVERFLOW_STORE = "r2"` and an
 *   `[[r2_buckets]]` binding `OVERFLOW`), also for a file over 25 MiB.
 * What is placed first is what readers ask for least: archives, then badges, then the
 * milestones' Atom and JSON feeds, their RSS, their pages, then the update pages (OVERFLOW_TIERS).
 * Pure functions and plain data: the build plans, the Worker serves (src/http/overflow.ts).
 */
import { DATA_PREFIX } from './data';

/** Files per Worker version on the Free and Paid plans, and the largest file (Workers Static Assets). */
export const FREE_FILE_LIMIT = 20_000;
export const PAID_FILE_LIMIT = 100_000;
export const MAX_ASSET_BYTES = 25 * 1024 * 1024;

export type Store = 'packs' | 'r2';

/** What the Worker reads to serve placed documents: written by the build next to the catalog. */
export const OVERFLOW_PATH = `${DATA_PREFIX}/overflow.json`;

export interface OverflowManifest {
  /** Content version (the catalog's): part of the edge cache key. */
  version: string;
  store: Store;
  /** Number of packs (a power of two: a site that grows by a little keeps its packs). */
  packs: number;
  /** Which paths may be placed (OVERFLOW_TIERS sources); anything else is no placed document. */
  tiers: string[];
  /** Paths placed one by one beyond the tiers (a file over 25 MiB, in R2). */
  paths: string[];
  /** `_headers` pattern → headers, for the patterns of placed documents. */
  headers: Record<string, Record<string, string>>;
}

/** One pack: path → its `_headers` pattern, content hash (the ETag) and text. */
export interface Pack {
  files: Record<string, { pattern: string; hash: string; body: string }>;
}

/** Documents per pack, at most (each a feed of FEED_ITEMS entries at worst, or a page). */
export const PACK_FILES = 64;

/**
 * The tiers of documents that may leave the static files, in the order they are placed: a
 * tier goes whole, so which documents are files is easy to say.
 */
export const OVERFLOW_TIERS: Array<{ name: string; source: string }> = [
  { name: 'milestone feed archives', source: '^/milestones/[^/]+/archive/' },
  { name: 'site and team feed archives', source: '^(/teams/[^/]+)?/archive/' },
  { name: 'milestone badges', source: '^/milestones/[^/]+/badge\\.svg$' },
  { name: 'milestone Atom and JSON feeds', source: '^/milestones/[^/]+/(atom\\.xml|feed\\.json)$' },
  { name: 'milestone RSS feeds', source: '^/milestones/[^/]+/feed\\.xml$' },
  { name: 'milestone pages', source: '^/milestones/[^/]+$' },
  { name: 'update pages', source: '^/updates/[^/]+/[^/]+$' },
];

export function packPath(pack: number): string {
  return `${DATA_PREFIX}/packs/${pack}.json`;
}

/** The pack of a path: FNV-1a of its UTF-16 code units, modulo the number of packs. */
export function packOf(path: string, packs: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < path.length; i++) {
    hash ^= path.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % Math.max(1, packs);
}

/** Packs for `files` placed documents: a power of two with at most PACK_FILES each on average. */
export function packCount(files: number): number {
  let packs = 1;
  while (packs * PACK_FILES < files) packs *= 2;
  return packs;
}

export interface PlanInput {
  /** Every public path, in build order. */
  paths: readonly string[];
  /** Files of the static output besides the public paths (data files, manifests). */
  otherFiles: number;
  /** ASSETS_FILE_LIMIT. */
  limit: number;
  store: Store;
  /** Files kept free for what is made after the plan (the search index's estimate). */
  reserve?: number;
}

export interface Plan {
  /** Paths placed outside the static files. */
  placed: Set<string>;
  /** Tiers placed (their sources). */
  tiers: string[];
  packs: number;
  /** Files of the static output, packs included. */
  assetFiles: number;
  /** Public paths in all. */
  documents: number;
  /** A sentence for the build's output: which limit applies, what was placed where. */
  summary: string;
}

const n = (x: number) => x.toLocaleString('en-US');

/** Which limit of which plan a count of files fits. */
export function planFor(files: number): string {
  if (files <= FREE_FILE_LIMIT) return `fits the Free plan's ${n(FREE_FILE_LIMIT)} files`;
  if (files <= PAID_FILE_LIMIT) return `needs the Workers Paid plan (${n(PAID_FILE_LIMIT)} files; the Free plan allows ${n(FREE_FILE_LIMIT)})`;
  return `is over the Paid plan's ${n(PAID_FILE_LIMIT)} files`;
}

export class PlanError extends Error {}

/**
 * Bytes of placed documents per pack, at most in expectation (the pack of a path is a hash of
 * it): a Worker answering from a pack parses that one pack, about 1–2 ms of CPU for 256 KiB of
 * JSON, well inside the Free plan's 10 ms a request.
 */
export const PACK_BYTES = 256 * 1024;

/**
 * The packs for placed documents once their bytes are known: by count (PACK_FILES each) and by
 * bytes (PACK_BYTES each in expectation), a power of two, never fewer than the plan's, and never
 * so many that the static files go past `limit`: then the packs stay larger, and the summary says
 * so (R2 is the store for that size).
 */
export function packsByBytes(plan: Plan, bytes: number, limit: number): Plan {
  let packs = Math.max(plan.packs, packCount(plan.placed.size));
  while (packs * PACK_BYTES < bytes) packs *= 2;
  const files = (p: number) => plan.assetFiles - plan.packs + p;
  while (packs > plan.packs && files(packs) > limit) packs /= 2;
  if (packs === plan.packs && packs * PACK_BYTES >= bytes) return plan;
  const size = `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
  const large = packs * PACK_BYTES < bytes ? ` — ${Math.round(bytes / packs / 1024)} KiB a pack, more than a Worker on the Free plan parses in its 10 ms on a cache miss: OVERFLOW_STORE = "r2" serves them one by one` : '';
  return {
    ...plan,
    packs,
    assetFiles: files(packs),
    summary: plan.summary
      .replace(`${n(plan.packs)} packs in the static output`, `${n(packs)} packs in the static output (${size}${large})`)
      .replace(/; [\d,]+ static files remain: [^;]*$/, `; ${n(files(packs))} static files remain: ${planFor(files(packs))}`),
  };
}

/**
 * Which documents leave the static files so that the rest fits `limit`: whole tiers, in order,
 * until the static files (with the packs, for `packs`) fit. Nothing is placed when all fits.
 */
export function planPlacement(input: PlanInput): Plan {
  const { paths, otherFiles, store } = input;
  const reserve = input.reserve ?? 0;
  // Room kept for the search index: the static files the plan leaves must fit with it.
  const limit = input.limit - reserve;
  const total = paths.length + otherFiles;
  const placed = new Set<string>();
  const tiers: string[] = [];
  let packs = 0;
  const files = () => paths.length - placed.size + otherFiles + (placed.size > 0 && store === 'packs' ? packs + 1 : placed.size > 0 ? 1 : 0);
  for (const tier of OVERFLOW_TIERS) {
    if (files() <= limit) break;
    const re = new RegExp(tier.source);
    for (const p of paths) if (re.test(p)) placed.add(p);
    tiers.push(tier.source);
    packs = store === 'packs' ? packCount(placed.size) : 0;
  }
  const assetFiles = files();
  const summary =
    placed.size === 0
      ? `${n(total)} static files: ${planFor(total)} (ASSETS_FILE_LIMIT ${n(input.limit)})`
      : `${n(total)} files as one file per document, over ASSETS_FILE_LIMIT ${n(input.limit)}${reserve > 0 ? ` with ${n(reserve)} kept for the search index` : ''} (as files, the site ${planFor(total)}): ` +
        `${n(placed.size)} documents (${OVERFLOW_TIERS.filter((t) => tiers.includes(t.source)).map((t) => t.name).join(', ')}) are served by the Worker from ` +
        (store === 'packs' ? `${n(packs)} packs in the static output` : 'the R2 bucket bound as OVERFLOW (npm run upload-overflow)') +
        `; ${n(assetFiles)} static files remain: ${planFor(assetFiles)}`;
  if (assetFiles > limit) {
    throw new PlanError(
      `the site needs ${n(total)} documents; with every tier that may leave the static files placed ${store === 'packs' ? 'in packs' : 'in R2'}, ${n(assetFiles)} static files remain, ` +
        `over ASSETS_FILE_LIMIT ${n(input.limit)}${reserve > 0 ? ` with ${n(reserve)} kept for the search index (TIDINGS_SEARCH=off builds without it)` : ''} (Workers Static Assets: ${n(FREE_FILE_LIMIT)} per version on the Free plan, ${n(PAID_FILE_LIMIT)} on Paid). ` +
        (input.limit < PAID_FILE_LIMIT ? `On the Paid plan set ASSETS_FILE_LIMIT = "${PAID_FILE_LIMIT}". ` : '') +
        'See README "How big can it get".',
    );
  }
  return { placed, tiers, packs, assetFiles, documents: paths.length, summary };
}

/** Does a `_headers`-style tier source or path list hold `path`? (the Worker's side of the plan) */
export function isPlaced(manifest: Pick<OverflowManifest, 'tiers' | 'paths'>, path: string): boolean {
  return manifest.paths.includes(path) || manifest.tiers.some((source) => new RegExp(source).test(path));
}

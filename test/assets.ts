/**
 * The Worker's view of a site in tests: the build's data files (src/publish/data.ts) served
 * by a stand-in for the ASSETS binding, read through the same catalog the Worker uses
 * (src/catalog.ts). `reads` lists the paths fetched, in order.
 */
import { assetsCatalog, type CatalogSource } from '../src/catalog';
import type { SiteModel } from '../src/content/model';
import { CATALOG_PATH, dataFiles, type Catalog } from '../src/publish/data';

/** A stand-in for the ASSETS binding serving `files` (path → text, 404 otherwise); `reads` lists the paths fetched. */
export function fakeAssets(files: ReadonlyMap<string, string>, headers: HeadersInit = {}): { assets: Fetcher; reads: string[] } {
  const reads: string[] = [];
  const assets = {
    fetch: async (input: RequestInfo | URL) => {
      const path = new URL(input instanceof Request ? input.url : String(input)).pathname;
      reads.push(path);
      const text = files.get(path);
      return text === undefined ? new Response('not found', { status: 404 }) : new Response(text, { headers });
    },
  } as unknown as Fetcher;
  return { assets, reads };
}

export function servedData(site: SiteModel, options: { quietWeeks?: number; shardSize?: number } = {}): { catalog: CatalogSource; assets: Fetcher; reads: string[] } {
  const files = new Map(dataFiles(site, options.quietWeeks, options.shardSize).map((f) => [f.path, f.text]));
  const { assets, reads } = fakeAssets(files, { 'Content-Type': 'application/json' });
  const catalog = assetsCatalog(assets, JSON.parse(files.get(CATALOG_PATH)!) as Catalog);
  return { catalog, assets, reads };
}

/**
 * Where a digest cut reads the content from: in the Worker, the build's per-team indexes
 * fetched one team at a time through the ASSETS binding (so a cut holds one team's updates
 * at a time, never the site); in tests and tools, a site model in memory.
 */
import type { SiteModel, Update } from '../content/model';
import { CATALOG_PATH, siteFromCatalog, teamIndexPath, updateFromIndex, type Catalog, type TeamIndex } from '../publish/data';

export interface ContentSource {
  /** Teams and milestones (no updates): what scopes, titles and ancestry are read from. */
  catalog: SiteModel;
  /** Newest update date of the whole site. */
  newest: string;
  /** One team's published updates, newest first. */
  teamUpdates(slug: string): Promise<Update[]>;
}

/** Site models that are catalogs of a static output (their updates live in the team indexes). */
const catalogAssets = new WeakMap<SiteModel, Fetcher>();

/** Any absolute URL will do: the ASSETS binding only looks at the path. */
const ASSETS_ORIGIN = 'https://assets.invalid';

async function fetchJson<T>(assets: Fetcher, path: string): Promise<T> {
  const response = await assets.fetch(new Request(`${ASSETS_ORIGIN}${path}`));
  if (!response.ok) throw new Error(`${path}: the static output answered ${response.status}; was the site built (npm run build)?`);
  return (await response.json()) as T;
}

/**
 * The catalog of the static output as a site model without updates, remembering that its
 * updates can be read through `assets`. With `ifNoneMatch` (the ETag of a catalog already
 * held), undefined when that one is still current.
 */
export async function loadCatalog(assets: Fetcher, ifNoneMatch?: string): Promise<{ site: SiteModel; newest: string; etag: string | null } | undefined> {
  const response = await assets.fetch(new Request(`${ASSETS_ORIGIN}${CATALOG_PATH}`, ifNoneMatch ? { headers: { 'If-None-Match': ifNoneMatch } } : {}));
  if (response.status === 304 && ifNoneMatch) return undefined;
  if (!response.ok) throw new Error(`${CATALOG_PATH}: the static output answered ${response.status}; was the site built (npm run build)?`);
  const catalog = (await response.json()) as Catalog;
  const site = siteFromCatalog(catalog);
  catalogAssets.set(site, assets);
  newestOf.set(site, catalog.newest);
  return { site, newest: catalog.newest, etag: response.headers.get('ETag') };
}

const newestOf = new WeakMap<SiteModel, string>();

/** The content source behind a site model: its team indexes for a catalog, else the model itself. */
export function sourceOf(site: SiteModel): ContentSource {
  const assets = catalogAssets.get(site);
  if (!assets) {
    return {
      catalog: site,
      newest: site.updates.reduce((max, u) => (u.date > max ? u.date : max), ''),
      teamUpdates: async (slug) => site.updates.filter((u) => u.team === slug),
    };
  }
  return {
    catalog: site,
    newest: newestOf.get(site) ?? '',
    teamUpdates: async (slug) => {
      const index = await fetchJson<TeamIndex>(assets, teamIndexPath(slug));
      if (index.version !== site.version) {
        throw new Error(`${teamIndexPath(slug)} is of content version ${index.version}, the catalog of ${site.version}: the static output is being replaced; try again`);
      }
      return index.updates.map(updateFromIndex);
    },
  };
}

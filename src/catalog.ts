/**
 * What the Worker knows of the content, and how it reads more on demand. It holds the
 * catalog (teams, their milestone counts, the newest date: it grows with teams only); a
 * request reads just the milestones it names, or one team's, from the static output's data
 * files (src/publish/data.ts) into a *view*: a site model without updates that the pure code
 * (scopes, digest filters, emails) reads as it reads the whole model. In the static build and
 * in tests the whole model is at hand, and a view is the model itself.
 */
import type { SiteModel, Team, Update } from './content/model';
import {
  CATALOG_PATH,
  catalogOf,
  keyShardPath,
  shardOf,
  siteFromRecords,
  teamCatalogPath,
  teamIndexPath,
  updateFromIndex,
  type Catalog,
  type MilestoneRecords,
  type TeamIndex,
} from './publish/data';

/** What a request needs of the milestones. */
export interface Need {
  /** These milestones, with their ancestors (unknown keys are left out). */
  keys?: Iterable<string>;
  /** Every milestone of these teams: those they own, those their updates name, their ancestors. */
  teams?: Iterable<string>;
  /** Also every milestone of the teams owning `keys`. */
  teamsOfKeys?: boolean;
}

export interface CatalogSource {
  /** Content version of the whole site. */
  version: string;
  /** Newest update date of the whole site ('' when there is none). */
  newest: string;
  teams: Team[];
  /** Team slug → how many milestones it owns. */
  counts: Record<string, number>;
  /** A site model without updates holding at least what `need` names. */
  view(need?: Need): Promise<SiteModel>;
  /** One team's published updates, newest first. */
  teamUpdates(slug: string): Promise<Update[]>;
}

/** The catalog of a whole model in memory (the static build, tests, tools). */
export function memoryCatalog(site: SiteModel): CatalogSource {
  const { version, newest, teams, counts } = catalogOf(site);
  return {
    version,
    newest,
    teams,
    counts,
    // The model itself: its statuses are derived from its updates (src/status).
    view: async () => site,
    teamUpdates: async (slug) => site.updates.filter((u) => u.team === slug),
  };
}

/** Any absolute URL will do: the ASSETS binding only looks at the path. */
const ASSETS_ORIGIN = 'https://assets.invalid';

async function fetchJson<T extends { version: string }>(assets: Fetcher, path: string, version: string): Promise<T> {
  const response = await assets.fetch(new Request(`${ASSETS_ORIGIN}${path}`));
  if (!response.ok) throw new Error(`${path}: the static output answered ${response.status}; was the site built (npm run build)?`);
  const data = (await response.json()) as T;
  if (data.version !== version) throw new Error(`${path} is of content version ${data.version}, the catalog of ${version}: the static output is being replaced; try again`);
  return data;
}

/** The catalog of a static output read through its ASSETS binding. */
export function assetsCatalog(assets: Fetcher, catalog: Catalog): CatalogSource {
  const known = new Set(catalog.teams.map((t) => t.slug));
  const teamRecords = (slug: string) => fetchJson<MilestoneRecords>(assets, teamCatalogPath(slug), catalog.version);
  return {
    version: catalog.version,
    newest: catalog.newest,
    teams: catalog.teams,
    counts: catalog.counts,
    async view(need = {}) {
      const records: MilestoneRecords[] = [];
      const teams = new Set([...(need.teams ?? [])].filter((t) => known.has(t)));
      // Keys, then their ancestors, one round of shards at a time.
      const found = new Set<string>();
      const asked = new Set<string>();
      let wanted = [...new Set(need.keys ?? [])];
      while (wanted.length > 0) {
        for (const key of wanted) asked.add(key);
        const shards = new Set(wanted.map((k) => shardOf(k, catalog.shards)));
        const now = new Set(wanted);
        const parents: string[] = [];
        for (const shard of await Promise.all([...shards].map((s) => fetchJson<MilestoneRecords>(assets, keyShardPath(s), catalog.version)))) {
          // Only what was asked is kept: a shard holds other keys too.
          const mine = shard.milestones.filter((m) => now.has(m.key) && !found.has(m.key));
          for (const m of mine) {
            found.add(m.key);
            if (need.teamsOfKeys && known.has(m.team)) teams.add(m.team);
            if (m.parentKey && !asked.has(m.parentKey)) parents.push(m.parentKey);
          }
          records.push({
            version: shard.version,
            milestones: mine,
            statuses: Object.fromEntries(mine.map((m) => [m.key, shard.statuses[m.key] ?? 'active'])),
            areas: Object.fromEntries(mine.filter((m) => shard.areas?.[m.key]).map((m) => [m.key, shard.areas![m.key]!])),
          });
        }
        wanted = [...new Set(parents)];
      }
      records.push(...(await Promise.all([...teams].map(teamRecords))));
      return siteFromRecords(catalog, records);
    },
    async teamUpdates(slug) {
      const index = await fetchJson<TeamIndex>(assets, teamIndexPath(slug), catalog.version);
      return index.updates.map(updateFromIndex);
    },
  };
}

/**
 * The catalog of the static output behind `assets`. With `ifNoneMatch` (the ETag of a
 * catalog already held), undefined when that one is still current.
 */
export async function loadCatalog(assets: Fetcher, ifNoneMatch?: string): Promise<{ catalog: CatalogSource; etag: string | null } | undefined> {
  const response = await assets.fetch(new Request(`${ASSETS_ORIGIN}${CATALOG_PATH}`, ifNoneMatch ? { headers: { 'If-None-Match': ifNoneMatch } } : {}));
  if (response.status === 304 && ifNoneMatch) return undefined;
  if (!response.ok) throw new Error(`${CATALOG_PATH}: the static output answered ${response.status}; was the site built (npm run build)?`);
  const catalog = (await response.json()) as Catalog;
  return { catalog: assetsCatalog(assets, catalog), etag: response.headers.get('ETag') };
}

/** The milestone keys named by scopes (`milestone:<key>`). */
export function scopeKeys(scopes: Iterable<string>): string[] {
  return [...scopes].filter((s) => s.startsWith('milestone:')).map((s) => s.slice(10));
}

const inMemory = new WeakMap<SiteModel, CatalogSource>();

/** A catalog as it is, or a whole model's (made once per model). */
export function catalogFrom(content: CatalogSource | SiteModel): CatalogSource {
  if ('view' in content) return content;
  let catalog = inMemory.get(content);
  if (!catalog) inMemory.set(content, (catalog = memoryCatalog(content)));
  return catalog;
}

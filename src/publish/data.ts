/**
 * What the Worker reads from the static output instead of holding the site in memory, each
 * file bounded by one team or a fixed number of milestones, never by the site:
 * - a catalog: the teams, how many milestones each has, the newest date (grows with teams only);
 * - per team, its milestones (those it owns, those its updates name, and their ancestors)
 *   with their statuses: what a preferences page or one team's digest cut reads;
 * - the milestones spread over key shards of at most SHARD_SIZE each (a hash of the key
 *   picks the shard): what a scope `milestone:<key>` is looked up in;
 * - per team, a compact index of its updates, reduced to what a digest cut needs (item text
 *   for the fingerprints and the HTML to show).
 * Written by the build, fetched through the ASSETS binding (src/catalog.ts). Plain data;
 * pure functions.
 */
import { newestDate, rememberSilentTeams, rememberStatuses, silentTeams, statusesOf, type MilestoneStatus } from '../status';
import type { Item, Milestone, MilestoneSection, SiteModel, Team, Update } from '../content/model';
import { teamUpdates } from '../feeds/document';

/** Folder of the data files inside the static output. */
export const DATA_PREFIX = '/_tidings';
export const CATALOG_PATH = `${DATA_PREFIX}/catalog.json`;
/** The `_headers` pattern of the data files. */
export const DATA_PATTERN = `${DATA_PREFIX}/*`;

/**
 * Every current feed with the hash of its content, what WebSub pings are decided on, in
 * parts: the site's feeds, and per team its own and those of the milestones it owns. The
 * manifest lists the parts with a hash of each, so that a ping run reads only the parts that
 * changed, one at a time.
 */
export const FEEDS_MANIFEST_PATH = `${DATA_PREFIX}/feeds.json`;

export interface FeedsManifest {
  /** Content version of the site. */
  version: string;
  /** Part name (`site`, `teams/<team>`), hash of its file, and how many feeds it lists. */
  parts: Array<{ name: string; hash: string; feeds: number }>;
}

/** No content version inside: a part that did not change keeps its bytes and hash. */
export interface FeedsPart {
  /** Absolute feed URL (its rel="self") and a hash of its bytes. Archives never change: not listed. */
  feeds: Array<{ url: string; hash: string }>;
}

export function feedsPartPath(name: string): string {
  return `${DATA_PREFIX}/feeds/${name}.json`;
}

/** The part of a feed's path: a team's (its own feeds, its milestones'), or the site's. */
export function feedsPartOf(path: string, ownerOf: (key: string) => string | undefined): string {
  const team = /^\/teams\/([^/]+)\//.exec(path);
  if (team) return `teams/${team[1]}`;
  const milestone = /^\/milestones\/([^/]+)\//.exec(path);
  const owner = milestone ? ownerOf(decodeURIComponent(milestone[1]!)) : undefined;
  return owner ? `teams/${encodeURIComponent(owner)}` : 'site';
}

export function teamIndexPath(slug: string): string {
  // `.index.json`: never mistaken for a feed (`/*/feed.json`), whatever a team is called.
  return `${DATA_PREFIX}/teams/${encodeURIComponent(slug)}.index.json`;
}

export function teamCatalogPath(slug: string): string {
  return `${DATA_PREFIX}/teams/${encodeURIComponent(slug)}.catalog.json`;
}

/** Milestones per key shard, at most: what one lookup of a key reads. */
export const SHARD_SIZE = 256;

export function keyShardPath(shard: number): string {
  return `${DATA_PREFIX}/keys/${shard}.json`;
}

/** The shard of a key: FNV-1a of its UTF-16 code units, modulo the number of shards. */
export function shardOf(key: string, shards: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % Math.max(1, shards);
}

/** The kinds a digest compares (see src/digest/snapshot.ts). */
const INDEXED_KINDS = ['achieved', 'progress', 'next', 'risks', 'blockers'] as const;

export type CatalogMilestone = Omit<Milestone, 'description' | 'definedIn'>;

export interface Catalog {
  /** Content version of the whole site (the model's hash). */
  version: string;
  /** Newest update date of the site ('' when there is none). */
  newest: string;
  teams: Team[];
  /** Team slug → how many milestones it owns. */
  counts: Record<string, number>;
  /** How many key shards there are (keyShardPath). */
  shards: number;
  /** Team slug → the date of its latest report, for the teams that have gone silent (src/status). */
  silent: Record<string, string>;
}

/** Milestones with the statuses the build derived (src/status): a team's, or a key shard's. */
export interface MilestoneRecords {
  version: string;
  milestones: CatalogMilestone[];
  statuses: Record<string, MilestoneStatus>;
  /**
   * Key → the area its latest week put it in (`## Mixnet` over `### Development`), for those
   * in one: what tells apart parts a team names alike (the preferences page).
   */
  areas?: Record<string, string>;
}

export type IndexedItem = Pick<Item, 'text' | 'html' | 'repo' | 'workItem'>;

export interface IndexedSection extends Pick<MilestoneSection, 'key' | 'title' | 'level' | 'parentKey' | 'area' | 'trackerUrl'> {
  items: Record<(typeof INDEXED_KINDS)[number], IndexedItem[]>;
  /** Status words of its heading, when it has any (a digest leaves a done milestone quiet). */
  status?: string[];
}

export interface IndexedUpdate extends Pick<Update, 'id' | 'team' | 'date' | 'title' | 'permalink' | 'lastmod' | 'hash'> {
  sections: IndexedSection[];
  /** Its highlights / summary, when it has one (the digest shows them). */
  summary?: Array<Pick<Item, 'text' | 'html' | 'depth'>>;
}

export interface TeamIndex {
  version: string;
  team: string;
  /** Newest first, as in the model. */
  updates: IndexedUpdate[];
}

export function catalogOf(site: SiteModel, shardSize = SHARD_SIZE, quietWeeks = 3): Catalog {
  const counts: Record<string, number> = Object.fromEntries(site.teams.map((t) => [t.slug, 0]));
  for (const m of site.milestones) counts[m.team] = (counts[m.team] ?? 0) + 1;
  return {
    version: site.version,
    newest: newestDate(site.updates),
    teams: site.teams,
    counts,
    shards: shardCount(site.milestones.length, shardSize),
    silent: Object.fromEntries([...silentTeams(site, { quietWeeks })].sort()),
  };
}

const catalogMilestone = ({ description: _d, definedIn: _f, ...rest }: Milestone): CatalogMilestone => rest;

function recordsOf(site: SiteModel, milestones: Milestone[], statuses: Map<string, MilestoneStatus>, areas: Map<string, string>): MilestoneRecords {
  return {
    version: site.version,
    milestones: milestones.map(catalogMilestone),
    statuses: Object.fromEntries(milestones.map((m) => [m.key, statuses.get(m.key) ?? 'active'])),
    areas: Object.fromEntries(milestones.filter((m) => areas.has(m.key)).map((m) => [m.key, areas.get(m.key)!])),
  };
}

const knownAreas = new WeakMap<SiteModel, Record<string, string>>();

/**
 * Key → the area of the milestone's latest week, for those in one: from the records when the
 * site is a view of them, else from its updates.
 */
export function milestoneAreas(site: SiteModel): Map<string, string> {
  const given = knownAreas.get(site);
  if (given) return new Map(Object.entries(given));
  const latest = new Map<string, { date: string; area?: string }>();
  for (const u of site.updates) {
    for (const s of u.sections) {
      const seen = latest.get(s.key);
      if (!seen || seen.date < u.date) latest.set(s.key, { date: u.date, ...(s.area ? { area: s.area } : {}) });
    }
  }
  return new Map([...latest].filter(([, v]) => v.area).map(([k, v]) => [k, v.area!]));
}

/**
 * Per team, the milestones one team's pages and digest read: those it owns, those its
 * updates name (a shared milestone, owned by another team), and the ancestors of all of them.
 */
function teamMilestones(site: SiteModel): Map<string, Milestone[]> {
  const byKey = new Map(site.milestones.map((m) => [m.key, m]));
  const keysOf = new Map<string, Set<string>>(site.teams.map((t) => [t.slug, new Set()]));
  const add = (team: string, key: string) => {
    let keys = keysOf.get(team);
    if (!keys) keysOf.set(team, (keys = new Set()));
    // With its ancestors (a parent cycle stops at a key already there).
    for (let k: string | undefined = key; k !== undefined && byKey.has(k) && !keys.has(k); k = byKey.get(k)!.parentKey) keys.add(k);
  };
  for (const m of site.milestones) {
    add(m.team, m.key);
    for (const id of m.weeks) add(id.slice(0, id.indexOf('/')), m.key);
  }
  return new Map([...keysOf].map(([team, keys]) => [team, [...keys].sort().map((k) => byKey.get(k)!)]));
}

function indexItem(item: Item): IndexedItem {
  return { text: item.text, html: item.html, ...(item.repo ? { repo: item.repo } : {}), ...(item.workItem ? { workItem: item.workItem } : {}) };
}

export function indexUpdate(update: Update): IndexedUpdate {
  return {
    id: update.id,
    team: update.team,
    date: update.date,
    title: update.title,
    permalink: update.permalink,
    ...(update.lastmod ? { lastmod: update.lastmod } : {}),
    hash: update.hash,
    ...(update.summary && update.summary.length > 0 ? { summary: update.summary.map((i) => ({ text: i.text, html: i.html, depth: i.depth })) } : {}),
    sections: update.sections.map((s) => ({
      key: s.key,
      title: s.title,
      level: s.level,
      ...(s.status.length > 0 ? { status: s.status } : {}),
      ...(s.parentKey ? { parentKey: s.parentKey } : {}),
      ...(s.area ? { area: s.area } : {}),
      ...(s.trackerUrl ? { trackerUrl: s.trackerUrl } : {}),
      items: {
        achieved: s.items.achieved.map(indexItem),
        progress: (s.items.progress ?? []).map(indexItem),
        next: s.items.next.map(indexItem),
        risks: s.items.risks.map(indexItem),
        blockers: s.items.blockers.map(indexItem),
      },
    })),
  };
}

export function teamIndexOf(site: SiteModel, slug: string): TeamIndex {
  return { version: site.version, team: slug, updates: teamUpdates(site, slug).map(indexUpdate) };
}

/**
 * An indexed update as the digest code reads updates: the fields it never looks at (source
 * lines, links, notes, the whole HTML) are empty.
 */
export function updateFromIndex(u: IndexedUpdate): Update {
  const item = (i: IndexedItem): Item => ({ ...i, links: [], line: 0, depth: 0 });
  const { summary, ...rest } = u;
  return {
    ...rest,
    ...(summary ? { summary: summary.map((i) => ({ ...i, links: [], line: 0 })) } : {}),
    draft: false,
    source: '',
    notes: [],
    html: '',
    sections: u.sections.map((s) => ({
      ...s,
      status: s.status ?? [],
      line: 0,
      workItems: [],
      items: {
        achieved: s.items.achieved.map(item),
        progress: s.items.progress.map(item),
        next: s.items.next.map(item),
        risks: s.items.risks.map(item),
        blockers: s.items.blockers.map(item),
        notes: [],
      },
    })),
  };
}

/** Milestone records as a site model without updates, their statuses remembered. */
export function siteFromRecords(catalog: Pick<Catalog, 'version' | 'teams'> & Partial<Pick<Catalog, 'silent'>>, records: MilestoneRecords[]): SiteModel {
  const byKey = new Map<string, CatalogMilestone>();
  const statuses: Record<string, MilestoneStatus> = {};
  const areas: Record<string, string> = {};
  for (const r of records) {
    for (const m of r.milestones) byKey.set(m.key, m);
    Object.assign(statuses, r.statuses);
    Object.assign(areas, r.areas);
  }
  const milestones = [...byKey.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)) as Milestone[];
  const site: SiteModel = { version: catalog.version, teams: catalog.teams, milestones, updates: [] };
  rememberStatuses(site, statuses);
  rememberSilentTeams(site, catalog.silent ?? {});
  knownAreas.set(site, areas);
  return site;
}

/** How many files dataFiles writes (the catalog, two per team, the key shards), without making them. */
export function dataFileCount(site: SiteModel, shardSize = SHARD_SIZE): number {
  return 1 + 2 * site.teams.length + shardCount(site.milestones.length, shardSize);
}

function shardCount(milestones: number, shardSize: number): number {
  return Math.max(1, Math.ceil(milestones / shardSize));
}

/** The data files of a site: path → JSON text. */
export function dataFiles(site: SiteModel, quietWeeks = 3, shardSize = SHARD_SIZE): Array<{ path: string; text: string }> {
  const catalog = catalogOf(site, shardSize, quietWeeks);
  const statuses = statusesOf(site, { quietWeeks });
  const areas = milestoneAreas(site);
  const shards: Milestone[][] = Array.from({ length: catalog.shards }, () => []);
  for (const m of site.milestones) shards[shardOf(m.key, catalog.shards)]!.push(m);
  const json = (value: unknown) => `${JSON.stringify(value)}\n`;
  const perTeam = teamMilestones(site);
  return [
    { path: CATALOG_PATH, text: json(catalog) },
    ...site.teams.flatMap((t) => [
      { path: teamIndexPath(t.slug), text: json(teamIndexOf(site, t.slug)) },
      { path: teamCatalogPath(t.slug), text: json(recordsOf(site, perTeam.get(t.slug) ?? [], statuses, areas)) },
    ]),
    ...shards.map((ms, i) => ({ path: keyShardPath(i), text: json(recordsOf(site, ms, statuses, areas)) })),
  ];
}

/** Headers of the data files: JSON, revalidated on every use, not for search engines. */
export const DATA_HEADERS: Record<string, string> = {
  'Content-Type': 'application/json; charset=utf-8',
  'Cache-Control': 'no-cache',
  'X-Content-Type-Options': 'nosniff',
  'X-Robots-Tag': 'noindex',
};

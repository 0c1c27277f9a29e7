/**
 * What the Worker reads from the static output instead of holding the site in memory: a
 * catalog (teams and milestones: what subscribe forms and scopes check against) and one
 * compact index per team (its updates, reduced to what a digest cut needs: item text for the
 * fingerprints and the HTML to show). Written by the build, fetched through the ASSETS
 * binding. Plain data; pure functions.
 */
import { rememberStatuses, statusesOf, type MilestoneStatus } from '../status';
import type { Item, Milestone, MilestoneSection, SiteModel, Team, Update } from '../content/model';
import { teamUpdates } from '../feeds/document';

/** Folder of the data files inside the static output. */
export const DATA_PREFIX = '/_tidings';
export const CATALOG_PATH = `${DATA_PREFIX}/catalog.json`;
/** The `_headers` pattern of the data files. */
export const DATA_PATTERN = `${DATA_PREFIX}/*`;

/** Every current feed with the hash of its content: what WebSub pings are decided on. */
export const FEEDS_MANIFEST_PATH = `${DATA_PREFIX}/feeds.json`;

export interface FeedsManifest {
  /** Content version of the site. */
  version: string;
  /** Absolute feed URL (its rel="self") and a hash of its bytes. Archives never change: not listed. */
  feeds: Array<{ url: string; hash: string }>;
}

export function teamIndexPath(slug: string): string {
  // `.index.json`: never mistaken for a feed (`/*/feed.json`), whatever a team is called.
  return `${DATA_PREFIX}/teams/${encodeURIComponent(slug)}.index.json`;
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
  milestones: CatalogMilestone[];
  /** Each milestone's status as the build derived it (src/status), for the Worker's emails. */
  statuses?: Record<string, MilestoneStatus>;
}

export type IndexedItem = Pick<Item, 'text' | 'html' | 'repo'>;

export interface IndexedSection extends Pick<MilestoneSection, 'key' | 'title' | 'level' | 'parentKey' | 'area' | 'trackerUrl'> {
  items: Record<(typeof INDEXED_KINDS)[number], IndexedItem[]>;
}

export interface IndexedUpdate extends Pick<Update, 'id' | 'team' | 'date' | 'title' | 'permalink' | 'lastmod' | 'hash'> {
  sections: IndexedSection[];
}

export interface TeamIndex {
  version: string;
  team: string;
  /** Newest first, as in the model. */
  updates: IndexedUpdate[];
}

export function catalogOf(site: SiteModel, quietWeeks = 3): Catalog {
  return {
    version: site.version,
    newest: site.updates.reduce((max, u) => (u.date > max ? u.date : max), ''),
    teams: site.teams,
    milestones: site.milestones.map(({ description: _d, definedIn: _f, ...rest }) => rest),
    statuses: Object.fromEntries(statusesOf(site, { quietWeeks })),
  };
}

function indexItem(item: Item): IndexedItem {
  return { text: item.text, html: item.html, ...(item.repo ? { repo: item.repo } : {}) };
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
    sections: update.sections.map((s) => ({
      key: s.key,
      title: s.title,
      level: s.level,
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
  return {
    ...u,
    draft: false,
    source: '',
    notes: [],
    html: '',
    sections: u.sections.map((s) => ({
      ...s,
      status: [],
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

/** The catalog as a site model without updates: what the Worker's routes are given. */
export function siteFromCatalog(catalog: Catalog): SiteModel {
  const site: SiteModel = { version: catalog.version, teams: catalog.teams, milestones: catalog.milestones as Milestone[], updates: [] };
  if (catalog.statuses) rememberStatuses(site, catalog.statuses);
  return site;
}

/** The data files of a site: path → JSON text. */
export function dataFiles(site: SiteModel, quietWeeks = 3): Array<{ path: string; text: string }> {
  return [
    { path: CATALOG_PATH, text: `${JSON.stringify(catalogOf(site, quietWeeks))}\n` },
    ...site.teams.map((t) => ({ path: teamIndexPath(t.slug), text: `${JSON.stringify(teamIndexOf(site, t.slug))}\n` })),
  ];
}

/** Headers of the data files: JSON, revalidated on every use, not for search engines. */
export const DATA_HEADERS: Record<string, string> = {
  'Content-Type': 'application/json; charset=utf-8',
  'Cache-Control': 'no-cache',
  'X-Content-Type-Options': 'nosniff',
  'X-Robots-Tag': 'noindex',
};

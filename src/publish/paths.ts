/**
 * Every public GET representation of a site, as one list: the static build writes one file
 * per entry, the `_headers` rules come from the entries' patterns, and tests walk the same
 * list. Add a page here (with its `_headers` pattern) and it is published.
 */
import type { SiteModel } from '../content/model';
import { entryCount } from '../feeds/document';
import { archiveCount, archivePath } from '../feeds/history';
import { FEED_XSL_PATH } from '../feeds/xsl';
import { STATUSES } from '../status';
import { STYLESHEET_PATH, teamFilter } from '../pages/style';
import { FEED_FILES, FEED_FORMATS, OPML_PATH, feedPath, milestoneIndexPath, milestonePath, teamPath, updatePath, type FeedTarget } from '../feeds/paths';

export interface PublicPath {
  /** URL path as readers request it: `/teams/atlas`, `/teams/atlas/feed.xml`. */
  path: string;
  /**
   * The `_headers` rule (Workers Static Assets URL pattern, `:name` for one segment, `*` for
   * any) whose headers this representation is served with. Every path under one pattern must
   * answer with the same headers; patterns must not overlap (a second match would append).
   */
  pattern: string;
  /**
   * Files rendered from the same inputs, which an incremental build reuses together
   * (render-memo.ts): `milestone:<key>` (its page, badge, feeds and archives), `update:<id>`
   * (its page), `site` (every other file: the site's and teams' pages, feeds and archives, the
   * OPML, the stylesheets).
   */
  group?: string;
}

/** Patterns of the feed formats, at the site root and under any folder. */
export function feedPatterns(): string[] {
  return FEED_FORMATS.flatMap((f) => [`/${FEED_FILES[f]}`, `/*/${FEED_FILES[f]}`]);
}

function feedPattern(path: string): string {
  return path.lastIndexOf('/') === 0 ? path : `/*${path.slice(path.lastIndexOf('/'))}`;
}

/** The feed targets of a site: the site, each team, each milestone. */
export function feedTargets(site: SiteModel): FeedTarget[] {
  return [
    { kind: 'site' },
    ...site.teams.map((team): FeedTarget => ({ kind: 'team', team })),
    ...site.milestones.map((milestone): FeedTarget => ({ kind: 'milestone', milestone })),
  ];
}

/** The reuse group of a feed target's files (see render-memo.ts). */
function groupOf(target: FeedTarget): string {
  return target.kind === 'milestone' ? `milestone:${target.milestone.key}` : SITE_GROUP;
}

/** The group of the files made from the whole site (render-memo.ts). */
export const SITE_GROUP = 'site';

/**
 * Every feed and page of a site, archives included (`pageSize`: entries per feed and per
 * archive document, FEED_ITEMS).
 */
export function publicPaths(site: SiteModel, pageSize: number): PublicPath[] {
  const group = SITE_GROUP;
  const paths: PublicPath[] = [{ path: '/', pattern: '/', group }];
  for (const team of site.teams) paths.push({ path: teamPath(team.slug), pattern: '/teams/:team', group });
  for (const update of site.updates) paths.push({ path: updatePath(update), pattern: '/updates/:team/:date', group: `update:${update.id}` });
  // Every update, the site's and each team's (pages list the last few and link here).
  paths.push({ path: '/updates', pattern: '/updates', group });
  for (const team of site.teams) paths.push({ path: `${teamPath(team.slug)}/updates`, pattern: '/teams/:team/updates', group });
  // The search page and its script (the index itself is written by the build: src/publish/search.ts).
  paths.push({ path: '/search', pattern: '/search', group }, { path: '/search.js', pattern: '/search.js', group });
  paths.push({ path: '/milestones', pattern: '/milestones', group });
  // The milestone index with a filter preselected (milestoneIndexPath).
  for (const team of site.teams) paths.push({ path: milestoneIndexPath({ team: team.slug }), pattern: '/teams/:team/milestones', group });
  for (const status of STATUSES) paths.push({ path: milestoneIndexPath({ status }), pattern: '/status/:status', group });
  for (const milestone of site.milestones) {
    const own = groupOf({ kind: 'milestone', milestone });
    paths.push({ path: milestonePath(milestone.key), pattern: '/milestones/:key', group: own });
    paths.push({ path: `${milestonePath(milestone.key)}/badge.svg`, pattern: '/milestones/:key/badge.svg', group: own });
  }
  paths.push({ path: '/favicon.svg', pattern: '/favicon.svg', group }, { path: '/favicon.ico', pattern: '/favicon.ico', group });
  // The pages' stylesheet (src/pages/style.ts): its name has its content's hash.
  paths.push({ path: STYLESHEET_PATH, pattern: STYLESHEET_PATH, group });
  // The milestone index's filter by team: named by its content (the site's teams).
  const filter = teamFilter(site.teams.map((t) => t.slug)).path;
  paths.push({ path: filter, pattern: filter, group });
  for (const target of feedTargets(site)) {
    const own = groupOf(target);
    for (const format of FEED_FORMATS) {
      const path = feedPath(target, format);
      paths.push({ path, pattern: feedPattern(path), group: own });
    }
    // RFC 5005 archives: fixed documents of `pageSize` entries, oldest first.
    const archives = archiveCount(entryCount(site, target), pageSize);
    for (let page = 1; page <= archives; page++) {
      for (const format of FEED_FORMATS) {
        const path = archivePath(target, page, format);
        paths.push({ path, pattern: feedPattern(path), group: own });
      }
    }
  }
  paths.push({ path: OPML_PATH, pattern: OPML_PATH, group });
  // The stylesheet browsers render RSS and Atom with (src/feeds/xsl.ts).
  paths.push({ path: FEED_XSL_PATH, pattern: FEED_XSL_PATH, group });
  return paths;
}

/**
 * The file a path is stored in under the assets directory. Pages get `.html` (Workers Static
 * Assets serves `/teams/atlas` from `teams/atlas.html`, html_handling "auto-trailing-slash");
 * a path with an extension is stored as it is.
 */
export function fileOf(path: string): string {
  if (path === '/') return 'index.html';
  const name = path.slice(path.lastIndexOf('/') + 1);
  const decoded = decodeURIComponent(path.slice(1));
  return /\.[a-z0-9]+$/i.test(name) ? decoded : `${decoded}.html`;
}

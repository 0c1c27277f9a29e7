/**
 * Feeds: the site model as RSS 2.0, Atom 1.0, JSON Feed 1.1 and OPML, for the whole site,
 * each team and each single milestone. Model → FeedDocument (document.ts) → one function
 * per format (formats/), served by routes.ts with HTTP caching (src/http/cache.ts).
 */
export { feedRoutes, feedRenderCount, parseLimit } from './routes';
export { siteConfig, absoluteUrl, MAX_LIMIT, type SiteConfig } from './config';
export { feedDocument, milestoneWeeks, updateBodyHtml, newestUpdate, parseDate, publishedOf, updatedOf, milestoneByKey, milestoneChildren, teamMilestones, teamUpdates, updateById, type FeedDocument, type FeedEntry, type FeedCategory } from './document';
export { renderRss } from './formats/rss';
export { renderAtom } from './formats/atom';
export { renderJsonFeed, type JsonFeed, type JsonFeedItem } from './formats/json';
export { renderOpml } from './formats/opml';
export { KIND_HEADINGS, countsLine, milestoneWeek, renderMilestoneWeek, type MilestoneWeek } from './milestone-week';
export { absolutizeHtml, resolveLink } from './links';
export { cleanText, escapeHtml, truncate } from './text';
export {
  FEED_FILES,
  FEED_FORMATS,
  FEED_SERVED_TYPES,
  FEED_TYPES,
  FORMAT_NAMES,
  OPML_PATH,
  feedPath,
  milestoneIndexPath,
  milestonePath,
  STATUS_INDEX_PATH,
  targetPagePath,
  teamPath,
  updatePath,
  weekAnchor,
  type FeedFormat,
  type FeedTarget,
} from './paths';
export { FEED_XSL, FEED_XSL_PATH } from './xsl';

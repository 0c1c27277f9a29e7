/**
 * Where everything lives: the one place that spells URL paths of pages and feeds, so a
 * page's autodiscovery links, the OPML and the routes cannot disagree.
 */
import type { Milestone, Team, Update } from '../content/model';

export const FEED_FORMATS = ['rss', 'atom', 'json'] as const;
export type FeedFormat = (typeof FEED_FORMATS)[number];

export const FEED_FILES: Record<FeedFormat, string> = { rss: 'feed.xml', atom: 'atom.xml', json: 'feed.json' };

export const FEED_TYPES: Record<FeedFormat, string> = {
  rss: 'application/rss+xml',
  atom: 'application/atom+xml',
  json: 'application/feed+json',
};

/**
 * The Content-Type each format is served with. RSS and Atom go out as `application/xml`, not
 * their own types: browsers apply the feed's XSL stylesheet (src/feeds/xsl.ts) only to the
 * generic XML types — Chromium shows `application/rss+xml` and `application/atom+xml` as raw
 * text and Firefox offers them as a download — while feed readers read the document, not
 * the header. Links keep the specific types (FEED_TYPES) so autodiscovery is unchanged.
 */
export const FEED_SERVED_TYPES: Record<FeedFormat, string> = {
  rss: 'application/xml',
  atom: 'application/xml',
  json: 'application/feed+json',
};

export const FORMAT_NAMES: Record<FeedFormat, string> = { rss: 'RSS', atom: 'Atom', json: 'JSON Feed' };

/** What a feed follows. */
export type FeedTarget = { kind: 'site' } | { kind: 'team'; team: Team } | { kind: 'milestone'; milestone: Milestone };

/** Path of the HTML page a feed follows. */
export function targetPagePath(target: FeedTarget): string {
  switch (target.kind) {
    case 'site':
      return '/';
    case 'team':
      return teamPath(target.team.slug);
    case 'milestone':
      return milestonePath(target.milestone.key);
  }
}

export function feedPath(target: FeedTarget, format: FeedFormat): string {
  const file = FEED_FILES[format];
  return target.kind === 'site' ? `/${file}` : `${targetPagePath(target)}/${file}`;
}

export const OPML_PATH = '/opml.xml';

export function teamPath(slug: string): string {
  return `/teams/${encodeURIComponent(slug)}`;
}

export function milestonePath(key: string): string {
  return `/milestones/${encodeURIComponent(key)}`;
}

/**
 * The milestone index with its filter preselected, as a path of its own (a static file: the
 * platform serves files by path, a query string would be ignored): one team's milestones at
 * `/teams/<team>/milestones`, those of one status at `/status/<status>`.
 */
export function milestoneIndexPath(filter: { team?: string; status?: string } = {}): string {
  if (filter.team !== undefined) return `${teamPath(filter.team)}/milestones`;
  if (filter.status !== undefined) return `${STATUS_INDEX_PATH}${encodeURIComponent(filter.status)}`;
  return '/milestones';
}

/** Where the milestones of one status are listed: `/status/<status>` (also the feeds' category scheme). */
export const STATUS_INDEX_PATH = '/status/';

export function updatePath(update: Pick<Update, 'team' | 'date'> & { id?: string }): string {
  // Two documents of one team for one date: the second has its own id (`team/<date>-<name>`).
  const slug = update.id !== undefined ? splitUpdateId(update.id)[1] : update.date;
  return `/updates/${encodeURIComponent(update.team)}/${encodeURIComponent(slug)}`;
}

/**
 * Anchor of one week on a milestone page: `week-<date>`, or `week-<date>-<team>` for the rare
 * milestone reported by two teams in the same week (the first keeps the short anchor).
 */
export function weekAnchor(milestone: Milestone, updateId: string): string {
  const [team, date] = splitUpdateId(updateId);
  const sameDate = milestone.weeks.filter((id) => splitUpdateId(id)[1] === date);
  return sameDate.length > 1 && sameDate[0] !== updateId ? `week-${date}-${team}` : `week-${date}`;
}

export function splitUpdateId(id: string): [team: string, date: string] {
  const slash = id.lastIndexOf('/');
  return [id.slice(0, slash), id.slice(slash + 1)];
}

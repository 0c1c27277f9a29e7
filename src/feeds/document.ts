/**
 * Model → one neutral feed document. Every output format (RSS, Atom, JSON Feed) is a
 * function of this structure alone, so they cannot disagree about ids, dates or content.
 */
import type { Milestone, MilestoneSection, SiteModel, Team, Update } from '../content/model';
import { absoluteUrl, type SiteConfig } from './config';
import { absolutizeHtml } from './links';
import { countsLine, milestoneWeek, renderMilestoneWeek, type MilestoneWeek } from './milestone-week';
import { FEED_FORMATS, feedPath, milestonePath, splitUpdateId, STATUS_INDEX_PATH, targetPagePath, updatePath, weekAnchor, type FeedFormat, type FeedTarget } from './paths';
import { archiveCount, archivePath, type HistoryLinks } from './history';
import { cleanText, escapeHtml, truncate } from './text';
import { FEED_XSL_PATH } from './xsl';
import { STATUS_LABELS, STATUSES, statusOf, type MilestoneStatus } from '../status';

export interface FeedCategory {
  /** Machine name: team slug or milestone key. */
  term: string;
  /** Display name. */
  label: string;
  /** Absolute URL of the taxonomy (`…/teams/`, `…/milestones/`). */
  scheme: string;
}

export interface FeedEntry {
  /** Stable `tag:` URI: never changes when the source file is edited. */
  id: string;
  /** Plain text. */
  title: string;
  /** Absolute URL of the entry's page. */
  url: string;
  /** The week's date. */
  published: Date;
  /** Last edit (front matter `lastmod`), else the week's date. */
  updated: Date;
  /** Plain text, one or two sentences. */
  summary: string;
  /** Sanitized HTML with absolute links. */
  contentHtml: string;
  /** Team display name. */
  author: string;
  categories: FeedCategory[];
}

export interface FeedDocument {
  /** Plain text. */
  title: string;
  description: string;
  /** Absolute URL of the HTML page the feed follows; also the Atom feed id. */
  homeUrl: string;
  /** Absolute URL of this feed in each format (self and alternate links). */
  feedUrls: Record<FeedFormat, string>;
  language: string;
  generator: string;
  author: string;
  /** Newest `updated` of the entries (or of the site when there are none): deterministic. */
  updated: Date;
  entries: FeedEntry[];
  /** URL (root-relative, so it is same-origin on any host) of the XSL stylesheet browsers render RSS and Atom with (src/feeds/xsl.ts). */
  stylesheet?: string;
  /** RFC 5005 links of this document, per format (see history.ts). */
  history?: Record<FeedFormat, HistoryLinks>;
  /** WebSub hub the feed announces (WEBSUB_HUB). */
  hub?: string;
}

export const GENERATOR = 'Tidings';

/** Midnight UTC of an ISO date, or the instant of an ISO date-time; undefined when invalid. */
export function parseDate(value: string | undefined): Date | undefined {
  if (!value) return undefined;
  const ms = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  return Number.isNaN(ms) ? undefined : new Date(ms);
}

export function publishedOf(update: Update): Date {
  return parseDate(update.date) ?? new Date(0);
}

/** The last edit, never before the week's own date. */
export function updatedOf(update: Update): Date {
  const published = publishedOf(update);
  const lastmod = parseDate(update.lastmod);
  return lastmod && lastmod > published ? lastmod : published;
}

/** Newest `updated` over the given updates: what Last-Modified and feed `updated` say. */
export function newestUpdate(updates: Iterable<Update>): Date {
  let newest = 0;
  for (const u of updates) newest = Math.max(newest, updatedOf(u).getTime());
  return new Date(newest);
}

/**
 * `tag:<host>,<date>:<path>` (RFC 4151). The date is the week's, a day the site's host
 * name was certainly in use; the path names what the entry is about, so neither an edit of
 * the file nor a renamed title changes it.
 */
export function tagUri(config: Pick<SiteConfig, 'host'>, date: string, path: string): string {
  return `tag:${config.host},${date}:${path}`;
}

function teamName(site: SiteModel, slug: string): string {
  return site.teams.find((t) => t.slug === slug)?.name ?? slug;
}

function feedUrls(config: SiteConfig, target: FeedTarget): Record<FeedFormat, string> {
  const urls = {} as Record<FeedFormat, string>;
  for (const format of FEED_FORMATS) urls[format] = absoluteUrl(config, feedPath(target, format));
  return urls;
}

/**
 * The update's HTML without a leading `<h1>` that only repeats its title (many reports start
 * with `# 2024-01-08 Weekly`): readers and pages show the title already.
 */
export function updateBodyHtml(update: Pick<Update, 'html' | 'title'>): string {
  const m = /^\s*<h1>([\s\S]*?)<\/h1>\s*/.exec(update.html);
  if (!m) return update.html;
  const text = m[1]!.replace(/<[^>]*>/g, '').trim().toLowerCase();
  return text === update.title.trim().toLowerCase() ? update.html.slice(m[0].length) : update.html;
}

function contentHtml(config: SiteConfig, html: string, pageUrl: string): string {
  return cleanText(absolutizeHtml(html, config.siteUrl, pageUrl));
}

function categoriesOf(site: SiteModel, config: SiteConfig, team: string, sections: MilestoneSection[], asWritten = false): FeedCategory[] {
  const teams = absoluteUrl(config, '/teams/');
  const milestones = absoluteUrl(config, '/milestones/');
  const seen = new Set<string>();
  const categories: FeedCategory[] = [{ term: team, label: cleanText(teamName(site, team)), scheme: teams }];
  const statuses = new Set<MilestoneStatus>();
  for (const s of sections) {
    if (seen.has(s.key)) continue;
    seen.add(s.key);
    // The milestone's current title: one category name across weeks, even after a rewording.
    // An archive keeps the title as written that week: a later rename must not change it.
    categories.push({ term: s.key, label: cleanText(asWritten ? s.title : (milestoneByKey(site, s.key)?.title ?? s.title)), scheme: milestones });
    // Statuses change with later weeks: an archive carries none.
    if (!asWritten) statuses.add(statusOf(site, s.key, config).status);
  }
  // Each milestone's current status (src/status), once per status: the scheme is the
  // milestones of that status (scheme + term: `/status/at-risk`).
  const statusScheme = absoluteUrl(config, STATUS_INDEX_PATH);
  for (const status of STATUSES) if (statuses.has(status)) categories.push({ term: status, label: STATUS_LABELS[status], scheme: statusScheme });
  return categories;
}

/** One entry per weekly update (site and team feeds). */
export function updateEntry(site: SiteModel, config: SiteConfig, update: Update, withTeam: boolean, asWritten = false): FeedEntry {
  const path = updatePath(update);
  const url = absoluteUrl(config, path);
  const team = teamName(site, update.team);
  const title = withTeam && !update.title.toLowerCase().includes(team.toLowerCase()) ? `${team}: ${update.title}` : update.title;
  const topLevel = update.sections.filter((s) => s.parentKey === undefined);
  const named = topLevel.map((s) => s.title).join(', ');
  const lead = update.summary?.[0]?.text;
  const summary = `${lead ? `${lead} — ` : ''}${team}, week of ${update.date}: ${countsLine(update.sections)} across ${topLevel.length} ${topLevel.length === 1 ? 'milestone' : 'milestones'}${named ? ` (${named})` : ''}.`;
  const follow = topLevel.length
    ? `\n<p>Follow a milestone: ${topLevel.map((s) => `<a href="${escapeHtml(absoluteUrl(config, milestonePath(s.key)))}">${escapeHtml(s.title)}</a>`).join(' · ')}</p>`
    : '';
  return {
    id: tagUri(config, update.date, path),
    title: cleanText(title),
    url,
    published: publishedOf(update),
    updated: updatedOf(update),
    summary: cleanText(truncate(summary, 400)),
    contentHtml: contentHtml(config, updateBodyHtml(update), url) + cleanText(follow),
    author: cleanText(team),
    categories: categoriesOf(site, config, update.team, topLevel, asWritten),
  };
}

/** One entry per week a milestone appears in. */
export function milestoneEntry(site: SiteModel, config: SiteConfig, milestone: Milestone, week: MilestoneWeek, asWritten = false): FeedEntry {
  const { update, section } = week;
  const anchor = weekAnchor(milestone, update.id);
  const url = `${absoluteUrl(config, milestonePath(milestone.key))}#${anchor}`;
  const sections = [section, ...week.descendants];
  const first = sections.flatMap((s) => s.items.achieved)[0] ?? sections.flatMap((s) => s.items.progress)[0] ?? sections.flatMap((s) => s.items.next)[0];
  const summary = `${countsLine(sections)}${first ? `. ${first.text}` : '.'}`;
  const html = renderMilestoneWeek(week, { headingLevel: 3, link: (p) => absoluteUrl(config, p) });
  return {
    // The milestone key and the document identify the entry; the team is there because two
    // teams may report the same tracker milestone in the same week. A team's second document
    // of one date has its own id (`<date>-<file name>`): its entry is one of its own, and the
    // first document's id (and so every id published before) stays as it was.
    id: tagUri(config, update.date, `${milestonePath(milestone.key)}/${update.team}/${splitUpdateId(update.id)[1]}`),
    title: cleanText(`${update.date} — ${section.title}`),
    url,
    published: publishedOf(update),
    updated: updatedOf(update),
    summary: cleanText(truncate(summary, 400)),
    contentHtml: contentHtml(config, html, url),
    author: cleanText(teamName(site, update.team)),
    categories: categoriesOf(site, config, update.team, sections, asWritten),
  };
}

const milestoneIndexes = new WeakMap<SiteModel, Map<string, Milestone>>();
export function milestoneByKey(site: SiteModel, key: string): Milestone | undefined {
  let index = milestoneIndexes.get(site);
  if (!index) {
    index = new Map(site.milestones.map((m) => [m.key, m]));
    milestoneIndexes.set(site, index);
  }
  return index.get(key);
}

/** Updates of the site model by id, built once per model. */
const updateIndexes = new WeakMap<SiteModel, Map<string, Update>>();
export function updateById(site: SiteModel, id: string): Update | undefined {
  let index = updateIndexes.get(site);
  if (!index) {
    index = new Map(site.updates.map((u) => [u.id, u]));
    updateIndexes.set(site, index);
  }
  return index.get(id);
}

/**
 * Items of a model grouped by a key, in the model's order, built once per model and `cache`.
 * The lists are shared: callers must not change them.
 */
function groupedOnce<T>(cache: WeakMap<SiteModel, Map<string, T[]>>, site: SiteModel, items: readonly T[], keyOf: (item: T) => string | undefined): Map<string, T[]> {
  let index = cache.get(site);
  if (!index) {
    index = new Map();
    for (const item of items) {
      const key = keyOf(item);
      if (key === undefined) continue;
      const list = index.get(key);
      if (list) list.push(item);
      else index.set(key, [item]);
    }
    cache.set(site, index);
  }
  return index;
}

/** A milestone's direct sub-milestones and deliverables, in the model's order. */
const childIndexes = new WeakMap<SiteModel, Map<string, Milestone[]>>();
export function milestoneChildren(site: SiteModel, key: string): Milestone[] {
  return groupedOnce(childIndexes, site, site.milestones, (m) => (m.parentKey === m.key ? undefined : m.parentKey)).get(key) ?? [];
}

/** One team's updates in the model's order (newest first). */
const teamIndexes = new WeakMap<SiteModel, Map<string, Update[]>>();
export function teamUpdates(site: SiteModel, slug: string): Update[] {
  return groupedOnce(teamIndexes, site, site.updates, (u) => u.team).get(slug) ?? [];
}

/** The milestones a team owns, in the model's order (by key). */
const teamMilestoneIndexes = new WeakMap<SiteModel, Map<string, Milestone[]>>();
export function teamMilestones(site: SiteModel, slug: string): Milestone[] {
  return groupedOnce(teamMilestoneIndexes, site, site.milestones, (m) => m.team).get(slug) ?? [];
}

/** The weeks a milestone appears in, newest first. */
export function milestoneWeeks(site: SiteModel, milestone: Milestone): MilestoneWeek[] {
  const weeks: MilestoneWeek[] = [];
  for (let i = milestone.weeks.length - 1; i >= 0; i--) {
    const update = updateById(site, milestone.weeks[i]!);
    const week = update && milestoneWeek(update, milestone.key);
    if (week) weeks.push(week);
  }
  // Ids are `team/date`, oldest first, but two teams may interleave: order by date.
  return weeks.sort((a, b) => (a.update.date === b.update.date ? 0 : a.update.date < b.update.date ? 1 : -1));
}

/** How many entries a target's feed has in all (its history). */
export function entryCount(site: SiteModel, target: FeedTarget): number {
  switch (target.kind) {
    case 'site':
      return site.updates.length;
    case 'team':
      return teamUpdates(site, target.team.slug).length;
    case 'milestone':
      return milestoneWeeks(site, target.milestone).length;
  }
}

/**
 * The feed document of a target with at most `limit` entries, newest first; or, with
 * `archivePage`, archive document number `archivePage` (RFC 5005, see history.ts).
 */
export function feedDocument(site: SiteModel, config: SiteConfig, target: FeedTarget, limit: number, archivePage?: number): FeedDocument {
  const homeUrl = absoluteUrl(config, targetPagePath(target));
  const base = { homeUrl, feedUrls: feedUrls(config, target), language: config.language, generator: GENERATOR, stylesheet: FEED_XSL_PATH };
  let title: string;
  let description: string;
  let author: string;
  let entries: FeedEntry[];
  let newest: Date;
  const pageSize = config.defaultLimit;
  // Newest first; an archive page is a fixed window counted from the oldest entry.
  const window = <T>(all: T[]): T[] => {
    if (archivePage === undefined) return all.slice(0, limit);
    const end = all.length - (archivePage - 1) * pageSize;
    return all.slice(Math.max(0, end - pageSize), Math.max(0, end));
  };
  let total: number;
  switch (target.kind) {
    case 'site': {
      const updates = window(site.updates);
      total = site.updates.length;
      title = config.title;
      description = config.description;
      author = config.title;
      entries = updates.map((u) => updateEntry(site, config, u, true, archivePage !== undefined));
      newest = archivePage === undefined ? newestUpdate(site.updates) : newestUpdate(updates);
      break;
    }
    case 'team': {
      const team: Team = target.team;
      const all = teamUpdates(site, team.slug);
      const shown = window(all);
      total = all.length;
      title = `${team.name} · ${config.title}`;
      description = team.description ?? `Weekly updates of team ${team.name}.`;
      author = team.name;
      entries = shown.map((u) => updateEntry(site, config, u, false, archivePage !== undefined));
      newest = archivePage === undefined ? (all.length > 0 ? newestUpdate(all) : newestUpdate(site.updates)) : newestUpdate(shown);
      break;
    }
    case 'milestone': {
      const m = target.milestone;
      const weeks = milestoneWeeks(site, m);
      const shown = window(weeks);
      total = weeks.length;
      const team = teamName(site, m.team);
      // An archive is named as the milestone was called in its newest week.
      const named = archivePage === undefined ? m.title : (shown[0]?.section.title ?? m.title);
      title = `${named} (${team}) · ${config.title}`;
      description = `Week by week progress on “${named}” (${team}): achieved, next, risks and blockers, with its sub-milestones and deliverables.`;
      author = team;
      entries = shown.map((w) => milestoneEntry(site, config, m, w, archivePage !== undefined));
      newest =
        archivePage === undefined
          ? weeks.length > 0
            ? newestUpdate(weeks.map((w) => w.update))
            : newestUpdate(site.updates)
          : newestUpdate(shown.map((w) => w.update));
      break;
    }
  }
  // Feed-level `updated` covers every entry (an old week edited later is still news),
  // including entries beyond the limit: the same value for every `?limit=`. An archive's
  // covers its own entries only, so later weeks never change it.
  const archives = archiveCount(total, pageSize);
  const history = {} as Record<FeedFormat, HistoryLinks>;
  for (const format of FEED_FORMATS) {
    const url = (page: number) => absoluteUrl(config, archivePath(target, page, format));
    history[format] =
      archivePage === undefined
        ? { archive: false, ...(archives > 0 ? { prevArchive: url(archives) } : {}) }
        : {
            archive: true,
            current: base.feedUrls[format],
            // No next-archive (optional in RFC 5005): it would change the page once a newer one exists.
            ...(archivePage > 1 ? { prevArchive: url(archivePage - 1) } : {}),
          };
  }
  return {
    ...base,
    ...(archivePage !== undefined ? { feedUrls: Object.fromEntries(FEED_FORMATS.map((f) => [f, absoluteUrl(config, archivePath(target, archivePage, f))])) as Record<FeedFormat, string> } : {}),
    title: cleanText(archivePage === undefined ? title : `${title} (archive ${archivePage})`),
    description: cleanText(description),
    author: cleanText(author),
    updated: newest,
    entries,
    history,
    ...(config.websubHub ? { hub: config.websubHub } : {}),
  };
}

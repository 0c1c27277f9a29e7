/**
 * Model → one neutral feed document. Every output format (RSS, Atom, JSON Feed) is a
 * function of this structure alone, so they cannot disagree about ids, dates or content.
 */
import type { Milestone, MilestoneSection, SiteModel, Team, Update } from '../content/model';
import { absoluteUrl, type SiteConfig } from './config';
import { absolutizeHtml } from './links';
import { countsLine, milestoneWeek, renderMilestoneWeek, type MilestoneWeek } from './milestone-week';
import { FEED_FORMATS, feedPath, milestonePath, targetPagePath, updatePath, weekAnchor, type FeedFormat, type FeedTarget } from './paths';
import { cleanText, escapeHtml, truncate } from './text';
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

function categoriesOf(site: SiteModel, config: SiteConfig, team: string, sections: MilestoneSection[]): FeedCategory[] {
  const teams = absoluteUrl(config, '/teams/');
  const milestones = absoluteUrl(config, '/milestones/');
  const seen = new Set<string>();
  const categories: FeedCategory[] = [{ term: team, label: cleanText(teamName(site, team)), scheme: teams }];
  const statuses = new Set<MilestoneStatus>();
  for (const s of sections) {
    if (seen.has(s.key)) continue;
    seen.add(s.key);
    // The milestone's current title: one category name across weeks, even after a rewording.
    categories.push({ term: s.key, label: cleanText(milestoneByKey(site, s.key)?.title ?? s.title), scheme: milestones });
    statuses.add(statusOf(site, s.key, config).status);
  }
  // Each milestone's current status (src/status), once per status: the scheme is the
  // milestone index filtered by it (`/milestones?status=at-risk`).
  const statusScheme = absoluteUrl(config, '/milestones?status=');
  for (const status of STATUSES) if (statuses.has(status)) categories.push({ term: status, label: STATUS_LABELS[status], scheme: statusScheme });
  return categories;
}

/** One entry per weekly update (site and team feeds). */
export function updateEntry(site: SiteModel, config: SiteConfig, update: Update, withTeam: boolean): FeedEntry {
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
    categories: categoriesOf(site, config, update.team, topLevel),
  };
}

/** One entry per week a milestone appears in. */
export function milestoneEntry(site: SiteModel, config: SiteConfig, milestone: Milestone, week: MilestoneWeek): FeedEntry {
  const { update, section } = week;
  const anchor = weekAnchor(milestone, update.id);
  const url = `${absoluteUrl(config, milestonePath(milestone.key))}#${anchor}`;
  const sections = [section, ...week.descendants];
  const first = sections.flatMap((s) => s.items.achieved)[0] ?? sections.flatMap((s) => s.items.progress)[0] ?? sections.flatMap((s) => s.items.next)[0];
  const summary = `${countsLine(sections)}${first ? `. ${first.text}` : '.'}`;
  const html = renderMilestoneWeek(week, { headingLevel: 3, link: (p) => absoluteUrl(config, p) });
  return {
    // The milestone key and the week identify the entry; the team is there because two
    // teams may report the same tracker milestone in the same week.
    id: tagUri(config, update.date, `${milestonePath(milestone.key)}/${update.team}/${update.date}`),
    title: cleanText(`${update.date} — ${section.title}`),
    url,
    published: publishedOf(update),
    updated: updatedOf(update),
    summary: cleanText(truncate(summary, 400)),
    contentHtml: contentHtml(config, html, url),
    author: cleanText(teamName(site, update.team)),
    categories: categoriesOf(site, config, update.team, sections),
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

/** The feed document of a target with at most `limit` entries, newest first. */
export function feedDocument(site: SiteModel, config: SiteConfig, target: FeedTarget, limit: number): FeedDocument {
  const homeUrl = absoluteUrl(config, targetPagePath(target));
  const base = { homeUrl, feedUrls: feedUrls(config, target), language: config.language, generator: GENERATOR };
  let title: string;
  let description: string;
  let author: string;
  let entries: FeedEntry[];
  let newest: Date;
  switch (target.kind) {
    case 'site': {
      const updates = site.updates.slice(0, limit);
      title = config.title;
      description = config.description;
      author = config.title;
      entries = updates.map((u) => updateEntry(site, config, u, true));
      newest = newestUpdate(site.updates);
      break;
    }
    case 'team': {
      const team: Team = target.team;
      const all = site.updates.filter((u) => u.team === team.slug);
      title = `${team.name} · ${config.title}`;
      description = team.description ?? `Weekly updates of team ${team.name}.`;
      author = team.name;
      entries = all.slice(0, limit).map((u) => updateEntry(site, config, u, false));
      newest = all.length > 0 ? newestUpdate(all) : newestUpdate(site.updates);
      break;
    }
    case 'milestone': {
      const m = target.milestone;
      const weeks = milestoneWeeks(site, m);
      const team = teamName(site, m.team);
      title = `${m.title} (${team}) · ${config.title}`;
      description = `Week by week progress on “${m.title}” (${team}): achieved, next, risks and blockers, with its sub-milestones and deliverables.`;
      author = team;
      entries = weeks.slice(0, limit).map((w) => milestoneEntry(site, config, m, w));
      newest = weeks.length > 0 ? newestUpdate(weeks.map((w) => w.update)) : newestUpdate(site.updates);
      break;
    }
  }
  // Feed-level `updated` covers every entry (an old week edited later is still news),
  // including entries beyond the limit: the same value for every `?limit=`.
  return {
    ...base,
    title: cleanText(title),
    description: cleanText(description),
    author: cleanText(author),
    updated: newest,
    entries,
  };
}


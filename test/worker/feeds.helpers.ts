/**
 * Shared helpers of the feed and page tests: call the Worker, check that a document is
 * well-formed (fast-xml-parser's strict validator) and read it back with a real feed parser
 * (feedsmith), normalised to one shape so a test can say what a reader would see in any
 * format. Expectations are computed from the site model here, independently of src/feeds.
 */
import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { XMLValidator } from 'fast-xml-parser';
import { parseAtomFeed, parseJsonFeed, parseOpml, parseRssFeed } from 'feedsmith';
import { expect } from 'vitest';
import { createApp } from '../../src/app';
import type { Milestone, SiteModel, Update } from '../../src/content/model';
import type { Env } from '../../src/env';

export { env };

export const SITE_URL: string = env.SITE_URL.replace(/\/+$/, '');
export const FORMATS = ['rss', 'atom', 'json'] as const;
export type Format = (typeof FORMATS)[number];
export const FILES: Record<Format, string> = { rss: 'feed.xml', atom: 'atom.xml', json: 'feed.json' };
export const TYPES: Record<Format, string> = {
  rss: 'application/xml; charset=utf-8',
  atom: 'application/xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
};

/** A Worker over any site model, called the way the runtime calls it. */
export function appFetcher(site: SiteModel, vars: Partial<Env> = {}) {
  const app = createApp(site);
  const appEnv = { ...env, ...vars } as Env;
  return async (path: string, init?: RequestInit): Promise<Response> => {
    const ctx = createExecutionContext();
    const response = await app.fetch(new Request(`${SITE_URL}${path}`, init), appEnv, ctx);
    await waitOnExecutionContext(ctx);
    return response;
  };
}

export interface ReadItem {
  id: string;
  title: string;
  link: string;
  published?: string;
  updated?: string;
  summary?: string;
  content: string;
  categories: string[];
  authors: string[];
}

export interface ReadFeed {
  title: string;
  link: string;
  selfLink: string;
  updated?: string;
  generator?: string;
  language?: string;
  description?: string;
  items: ReadItem[];
}

/** Throws unless `xml` is well-formed XML. */
export function expectWellFormedXml(xml: string, label = 'document'): void {
  const result = XMLValidator.validate(xml, { allowBooleanAttributes: false });
  if (result !== true) throw new Error(`${label} is not well-formed XML: ${JSON.stringify(result.err)}`);
  // Characters XML 1.0 forbids, even where a lenient parser would let them through.
  expect(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/.test(xml), `${label} has control characters`).toBe(false);
}

const iso = (value: string | undefined): string | undefined => (value === undefined ? undefined : new Date(value).toISOString());

type Text = string | { value?: string; type?: string } | undefined;
const text = (t: Text): string => (typeof t === 'string' ? t : (t?.value ?? ''));

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decodes HTML character references: what a reader shows for an HTML-typed text. */
export function decodeHtml(html: string): string {
  return html.replace(/&(?:#x([0-9a-f]+)|#(\d+)|([a-z]+));/gi, (whole, hex: string, dec: string, name: string) =>
    hex || dec ? String.fromCodePoint(parseInt(hex ?? dec, hex ? 16 : 10)) : (NAMED_ENTITIES[name.toLowerCase()] ?? whole),
  );
}

/** Atom text constructs: type="html" is escaped HTML, so a reader shows it decoded (tags dropped). */
const atomText = (t: Text): string => {
  const value = text(t);
  return typeof t === 'object' && t?.type === 'html' ? decodeHtml(value.replace(/<[^>]*>/g, '')) : value;
};

/** Parses a feed body of `format` with feedsmith into one shape. */
export function readFeed(format: Format, body: string): ReadFeed {
  if (format === 'json') {
    const raw = JSON.parse(body) as Record<string, unknown>;
    const feed = parseJsonFeed(raw);
    return {
      title: feed.title ?? '',
      link: feed.home_page_url ?? '',
      selfLink: feed.feed_url ?? '',
      language: feed.language,
      description: feed.description,
      items: (feed.items ?? []).map((item) => ({
        id: String(item.id),
        title: item.title ?? '',
        link: item.url ?? '',
        published: iso(item.date_published),
        updated: iso(item.date_modified),
        summary: item.summary,
        content: item.content_html ?? '',
        categories: item.tags ?? [],
        authors: (item.authors ?? []).map((a) => a.name ?? ''),
      })),
    };
  }
  expectWellFormedXml(body, format);
  if (format === 'rss') {
    const feed = parseRssFeed(body);
    const self = feed.atom?.links?.find((l) => l.rel === 'self')?.href ?? '';
    return {
      title: feed.title ?? '',
      link: feed.link ?? '',
      selfLink: self,
      updated: iso(feed.lastBuildDate),
      generator: feed.generator,
      language: feed.language,
      description: feed.description,
      items: (feed.items ?? []).map((item) => ({
        id: item.guid?.value ?? '',
        title: item.title ?? '',
        link: item.link ?? '',
        published: iso(item.pubDate),
        summary: item.description,
        content: item.content?.encoded ?? '',
        categories: (item.categories ?? []).map((c) => c.name ?? ''),
        authors: item.dc?.creators ?? [],
      })),
    };
  }
  const feed = parseAtomFeed(body);
  return {
    title: text(feed.title as Text),
    link: feed.links?.find((l) => (l.rel ?? 'alternate') === 'alternate')?.href ?? '',
    selfLink: feed.links?.find((l) => l.rel === 'self')?.href ?? '',
    updated: iso(feed.updated),
    generator: text(feed.generator as Text) || (feed.generator as { text?: string } | undefined)?.text,
    language: (feed as { xml?: { lang?: string } }).xml?.lang,
    description: text(feed.subtitle as Text),
    items: (feed.entries ?? []).map((entry) => ({
      id: entry.id ?? '',
      title: atomText(entry.title as Text),
      link: entry.links?.find((l) => (l.rel ?? 'alternate') === 'alternate')?.href ?? '',
      published: iso(entry.published),
      updated: iso(entry.updated),
      summary: atomText(entry.summary as Text),
      content: text(entry.content as Text),
      categories: (entry.categories ?? []).map((c) => c.label ?? c.term ?? ''),
      authors: (entry.authors ?? []).map((a) => a.name ?? ''),
    })),
  };
}

export interface OpmlOutline {
  text: string;
  xmlUrl?: string;
  htmlUrl?: string;
  outlines: OpmlOutline[];
}

export function readOpml(body: string): OpmlOutline[] {
  expectWellFormedXml(body, 'OPML');
  const opml = parseOpml(body);
  type Raw = { text?: string; xmlUrl?: string; htmlUrl?: string; outlines?: Raw[] };
  const walk = (o: Raw): OpmlOutline => ({ text: o.text ?? '', xmlUrl: o.xmlUrl, htmlUrl: o.htmlUrl, outlines: (o.outlines ?? []).map(walk) });
  return ((opml.body?.outlines ?? []) as Raw[]).map(walk);
}

/** Fetches a feed, checks status and Content-Type, and reads it back. */
export async function fetchFeed(fetcher: (path: string, init?: RequestInit) => Promise<Response>, path: string): Promise<{ response: Response; body: string; feed: ReadFeed }> {
  const format = FORMATS.find((f) => path.split('?')[0]!.endsWith(`/${FILES[f]}`))!;
  const response = await fetcher(path);
  const body = await response.text();
  expect(response.status, `${path}: ${body.slice(0, 200)}`).toBe(200);
  expect(response.headers.get('Content-Type')).toBe(TYPES[format]);
  return { response, body, feed: readFeed(format, body) };
}

/** What a reader should find in a feed: computed from the model, not from src/feeds. */
export interface ExpectedItem {
  title: string;
  link: string;
  /** The week's date: `published`. */
  date: string;
  /** `lastmod` when the update was edited. */
  lastmod?: string;
  update: Update;
}

const dayIso = (date: string) => new Date(`${date}T00:00:00Z`).toISOString();
export { dayIso };

export function teamNameOf(site: SiteModel, slug: string): string {
  return site.teams.find((t) => t.slug === slug)?.name ?? slug;
}

export function expectedUpdateItems(site: SiteModel, team?: string): ExpectedItem[] {
  return site.updates
    .filter((u) => team === undefined || u.team === team)
    .map((u) => ({ title: u.title, link: `${SITE_URL}/updates/${u.team}/${u.date}`, date: u.date, lastmod: u.lastmod, update: u }));
}

export function expectedMilestoneItems(site: SiteModel, milestone: Milestone): ExpectedItem[] {
  const byId = new Map(site.updates.map((u) => [u.id, u]));
  return [...milestone.weeks]
    .reverse()
    .map((id) => byId.get(id)!)
    .map((u) => {
      const section = u.sections.find((s) => s.key === milestone.key)!;
      return {
        title: `${u.date} — ${section.title}`,
        link: `${SITE_URL}/milestones/${milestone.key}#week-${u.date}`,
        date: u.date,
        lastmod: u.lastmod,
        update: u,
      };
    });
}

/** Every feed path of a site: site, each team and each milestone, in every format. */
export function allFeedPaths(site: SiteModel): { path: string; format: Format; expected: ExpectedItem[]; kind: 'site' | 'team' | 'milestone' }[] {
  const out: { path: string; format: Format; expected: ExpectedItem[]; kind: 'site' | 'team' | 'milestone' }[] = [];
  for (const format of FORMATS) {
    out.push({ path: `/${FILES[format]}`, format, expected: expectedUpdateItems(site), kind: 'site' });
    for (const team of site.teams) out.push({ path: `/teams/${team.slug}/${FILES[format]}`, format, expected: expectedUpdateItems(site, team.slug), kind: 'team' });
    for (const m of site.milestones) out.push({ path: `/milestones/${m.key}/${FILES[format]}`, format, expected: expectedMilestoneItems(site, m), kind: 'milestone' });
  }
  return out;
}

/**
 * Checks a read-back feed against the model: item count (at most `limit`), order, titles,
 * links, dates, stable unique ids, non-empty content with absolute links only.
 */
export function expectFeedMatches(site: SiteModel, feed: ReadFeed, format: Format, expected: ExpectedItem[], limit: number, label: string): void {
  const want = expected.slice(0, limit);
  expect(feed.items.length, `${label}: item count`).toBe(want.length);
  const ids = new Set<string>();
  feed.items.forEach((item, i) => {
    const exp = want[i]!;
    const where = `${label} item ${i}`;
    // Site feeds may prefix the team to a title that lacks it.
    expect(item.title.endsWith(exp.title), `${where}: title ${JSON.stringify(item.title)} vs ${JSON.stringify(exp.title)}`).toBe(true);
    expect(item.link, `${where}: link`).toBe(exp.link);
    expect(item.published, `${where}: published`).toBe(dayIso(exp.date));
    if (format !== 'rss') {
      const updated = exp.lastmod ? new Date(/^\d{4}-\d{2}-\d{2}$/.test(exp.lastmod) ? `${exp.lastmod}T00:00:00Z` : exp.lastmod).toISOString() : dayIso(exp.date);
      expect(item.updated, `${where}: updated`).toBe(updated);
    }
    expect(item.id, `${where}: id`).toMatch(/^tag:[a-z0-9.-]+,\d{4}-\d{2}-\d{2}:\/\S+$/);
    expect(ids.has(item.id), `${where}: duplicate id ${item.id}`).toBe(false);
    ids.add(item.id);
    expect(item.content.length, `${where}: content`).toBeGreaterThan(0);
    expect(item.summary ?? '', `${where}: summary`).not.toBe('');
    for (const m of item.content.matchAll(/\s(?:href|src)="([^"]*)"/g)) {
      expect(m[1], `${where}: relative link in content`).toMatch(/^(?:https?:\/\/|mailto:)/);
    }
    expect(item.categories, `${where}: team category`).toContain(teamNameOf(site, exp.update.team));
    expect(item.authors.length, `${where}: author`).toBeGreaterThan(0);
  });
}

/** Parses a problem+json response. */
export async function readProblem(response: Response): Promise<{ status: number; title: string; detail?: string; [k: string]: unknown }> {
  expect(response.headers.get('Content-Type')).toBe('application/problem+json; charset=utf-8');
  return (await response.json()) as { status: number; title: string; detail?: string };
}

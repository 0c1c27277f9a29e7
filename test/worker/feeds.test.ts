/**
 * The feeds of the sample content (content/), through the routes the static build renders them with: every
 * feed is well-formed, a feed parser reads back the expected items, and each format says
 * what a feed reader needs (title, links, self link, dates, generator, language).
 */
import { describe, expect, it } from 'vitest';
import { site } from '../../src/site';
import {
  allFeedPaths,
  appFetcher,
  dayIso,
  env,
  expectedMilestoneItems,
  expectFeedMatches,
  fetchFeed,
  FILES,
  FORMATS,
  readOpml,
  readProblem,
  SITE_URL,
} from './feeds.helpers';

// The routes the static build renders every feed and page through (src/publish): the same
// bytes wrangler dev and the edge serve as files (test/e2e/static.test.ts).
const fetchSelf = appFetcher(site);
const limit = Number(env.FEED_ITEMS);

describe('every feed of the sample content', () => {
  const feeds = allFeedPaths(site);

  it('covers the site, both teams and every milestone in three formats', () => {
    expect(site.teams.map((t) => t.slug)).toEqual(['atlas', 'beacon']);
    expect(site.milestones.length).toBeGreaterThan(20);
    expect(feeds.length).toBe(3 * (1 + site.teams.length + site.milestones.length));
  });

  it.each(feeds.map((f) => [f.path, f] as const))('%s is well-formed and reads back with the expected items', async (path, f) => {
    const { feed } = await fetchFeed(fetchSelf, path);
    expectFeedMatches(site, feed, f.format, f.expected, limit, path);
    expect(feed.selfLink).toBe(`${SITE_URL}${path}`);
    expect(feed.language).toBe('en');
    if (f.format !== 'json') {
      expect(feed.generator).toBe('Tidings');
      expect(feed.updated).toBeDefined();
    }
  });
});

describe('the site feed', () => {
  it.each(FORMATS)('%s: one item per weekly update, newest first, across teams', async (format) => {
    const { feed } = await fetchFeed(fetchSelf, `/${FILES[format]}`);
    expect(feed.title).toBe(env.SITE_TITLE);
    expect(feed.link).toBe(`${SITE_URL}/`);
    expect(feed.description).toBe(env.SITE_DESCRIPTION);
    // 12 published updates; beacon 2026-11-16 is a draft and must not leak.
    expect(feed.items.length).toBe(12);
    expect(feed.items.map((i) => i.link)).not.toContain(`${SITE_URL}/updates/beacon/2026-11-16`);
    const dates = feed.items.map((i) => i.published!);
    expect([...dates].sort().reverse()).toEqual(dates);
    expect(feed.items[0]!.title).toBe('2026-11-09 Atlas weekly');
    expect(feed.items[0]!.categories).toEqual(expect.arrayContaining(['Atlas', 'Sync protocol v2 (delta sync)', 'Storage scale-out']));
  });

  it('Atom and RSS say when the feed last changed; JSON Feed 1.1 carries its required fields', async () => {
    const newest = dayIso('2026-11-09');
    expect((await fetchFeed(fetchSelf, '/atom.xml')).feed.updated).toBe(newest);
    expect((await fetchFeed(fetchSelf, '/feed.xml')).feed.updated).toBe(newest);
    const json = (await (await fetchSelf('/feed.json')).json()) as Record<string, unknown> & { items: Record<string, unknown>[] };
    expect(json.version).toBe('https://jsonfeed.org/version/1.1');
    expect(json.title).toBe(env.SITE_TITLE);
    expect(json.home_page_url).toBe(`${SITE_URL}/`);
    expect(json.feed_url).toBe(`${SITE_URL}/feed.json`);
    expect(json.language).toBe('en');
    expect(json.authors).toEqual([{ name: env.SITE_TITLE }]);
    expect('author' in json).toBe(false);
    for (const item of json.items) {
      // 1.1: id is a string; content_html or content_text; dates RFC 3339; authors is an array.
      expect(typeof item.id).toBe('string');
      expect(typeof item.content_html).toBe('string');
      expect(item.date_published).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
      expect(item.date_modified).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
      expect(Array.isArray(item.authors)).toBe(true);
      expect('author' in item).toBe(false);
      expect(Array.isArray(item.tags)).toBe(true);
    }
  });
});

describe('team feeds', () => {
  it.each(FORMATS)('%s: only that team, with the team as title and home page', async (format) => {
    const { feed } = await fetchFeed(fetchSelf, `/teams/beacon/${FILES[format]}`);
    expect(feed.title).toContain('Beacon');
    expect(feed.link).toBe(`${SITE_URL}/teams/beacon`);
    expect(feed.items.length).toBe(6);
    expect(feed.items.every((i) => i.link.startsWith(`${SITE_URL}/updates/beacon/`))).toBe(true);
  });
});

describe('milestone feeds', () => {
  const delta = site.milestones.find((m) => m.key === 'northwind-dev-roadmap-21')!;

  it.each(FORMATS)('%s: one item per week the milestone appears, linking to that week on its page', async (format) => {
    const { feed } = await fetchFeed(fetchSelf, `/milestones/${delta.key}/${FILES[format]}`);
    expect(feed.link).toBe(`${SITE_URL}/milestones/${delta.key}`);
    expect(feed.title).toContain('Sync protocol v2 (delta sync)');
    expect(feed.items.map((i) => i.title)).toEqual(expectedMilestoneItems(site, delta).map((i) => i.title));
    expect(feed.items[0]!.title).toBe('2026-11-09 — Sync protocol v2 (delta sync)');
    expect(feed.items[0]!.link).toBe(`${SITE_URL}/milestones/${delta.key}#week-2026-11-09`);
    expect(feed.items[0]!.categories).toEqual(expect.arrayContaining(['Atlas', 'Sync protocol v2 (delta sync)']));
  });

  it("carries that week's achieved / next / risks of the milestone and of its sub-milestones", async () => {
    const { feed } = await fetchFeed(fetchSelf, `/milestones/${delta.key}/atom.xml`);
    const week = feed.items.find((i) => i.published === dayIso('2026-10-19'))!;
    const update = site.updates.find((u) => u.id === 'atlas/2026-10-19')!;
    const own = update.sections.find((s) => s.key === delta.key)!;
    const children = update.sections.filter((s) => s.parentKey === delta.key);
    expect(children.map((c) => c.title)).toEqual(['2.1: Resumable uploads', '2.2: CRDT merge conflict resolution']);
    for (const heading of ['Achieved', 'Next', 'Risks']) expect(week.content).toContain(`>${heading}<`);
    for (const item of [...own.items.achieved, ...own.items.next, ...own.items.risks]) expect(week.content).toContain(item.html);
    for (const child of children) {
      expect(week.content).toContain(child.title);
      for (const item of [...child.items.achieved, ...child.items.next]) expect(week.content).toContain(item.html);
    }
    // Another milestone of the same week stays out.
    expect(week.content).not.toContain('Storage scale-out');
    expect(week.content).toContain(`${SITE_URL}/updates/atlas/2026-10-19`);
  });

  it('categories name the milestone by its current title in every week, even weeks it had another', async () => {
    expect(delta.titles.length).toBeGreaterThan(1);
    for (const format of FORMATS) {
      const { feed } = await fetchFeed(fetchSelf, `/milestones/${delta.key}/${FILES[format]}`);
      for (const item of feed.items) expect(item.categories).toContain(delta.title);
      // Item titles keep the week's own wording: an old item does not change when the milestone is renamed.
      expect(new Set(feed.items.map((i) => i.title.split(' — ')[1])).size).toBe(delta.titles.length);
    }
  });

  it('a deliverable reported under a milestone has a feed of its own', async () => {
    const deliverable = site.milestones.find((m) => m.level === 'deliverable')!;
    const { feed } = await fetchFeed(fetchSelf, `/milestones/${deliverable.key}/feed.xml`);
    expect(feed.items.length).toBe(deliverable.weeks.length);
  });
});

describe('an update edited after publication', () => {
  // content/atlas/updates/2026-10-19.md has `lastmod: 2026-10-22`.
  it.each(FORMATS)('%s: keeps its item id, is published on its week and updated on the edit', async (format) => {
    const { feed } = await fetchFeed(fetchSelf, `/teams/atlas/${FILES[format]}`);
    const item = feed.items.find((i) => i.link === `${SITE_URL}/updates/atlas/2026-10-19`)!;
    expect(item.id).toBe('tag:localhost,2026-10-19:/updates/atlas/2026-10-19');
    expect(item.published).toBe(dayIso('2026-10-19'));
    if (format !== 'rss') expect(item.updated).toBe(dayIso('2026-10-22'));
    // The edit itself is in the content.
    expect(item.content).toContain('postmortem link');
  });
});

describe('?limit=', () => {
  it.each(['1', '2', '12', '500', '007'])('accepts %s', async (value) => {
    const { feed } = await fetchFeed(fetchSelf, `/feed.xml?limit=${value}`);
    expect(feed.items.length).toBe(Math.min(Number(value), 12));
  });

  it('applies to team and milestone feeds in every format', async () => {
    for (const format of FORMATS) {
      expect((await fetchFeed(fetchSelf, `/teams/atlas/${FILES[format]}?limit=2`)).feed.items.length).toBe(2);
      expect((await fetchFeed(fetchSelf, `/milestones/northwind-dev-roadmap-21/${FILES[format]}?limit=3`)).feed.items.length).toBe(3);
    }
  });

  it.each([
    ['0', '"0"'],
    ['501', '"501"'],
    ['abc', '"abc"'],
    ['1.5', '"1.5"'],
    ['', '""'],
    ['-3', '"-3"'],
    ['1e2', '"1e2"'],
    ['%2010', '" 10"'],
    ['99999999999999999999', '"99999999999999999999"'],
  ])('answers limit=%s with 400 problem+json naming the value', async (value, shown) => {
    for (const path of ['/feed.xml', '/atom.xml', '/feed.json', '/teams/atlas/feed.xml', '/milestones/northwind-dev-roadmap-21/feed.json']) {
      const response = await fetchSelf(`${path}?limit=${value}`);
      expect(response.status).toBe(400);
      const problem = await readProblem(response);
      expect(problem.status).toBe(400);
      expect(problem.detail).toContain(shown);
      expect(problem.detail).toContain('1 to 500');
    }
  });

  it('answers a repeated limit with 400', async () => {
    const response = await fetchSelf('/feed.xml?limit=5&limit=6');
    expect(response.status).toBe(400);
    expect((await readProblem(response)).detail).toContain('2 times');
  });
});

describe('unknown teams and milestones', () => {
  it.each(['/teams/nobody/feed.xml', '/teams/nobody/atom.xml', '/teams/nobody/feed.json', '/milestones/no-such-key/feed.xml', '/milestones/no-such-key/atom.xml', '/milestones/no-such-key/feed.json'])(
    '%s is a 404 problem+json naming what is missing',
    async (path) => {
      const response = await fetchSelf(path);
      expect(response.status).toBe(404);
      const problem = await readProblem(response);
      expect(problem.status).toBe(404);
      expect(problem.detail).toMatch(/nobody|no-such-key/);
    },
  );

  it('an unknown milestone is 404 even with a bad limit', async () => {
    const response = await fetchSelf('/milestones/no-such-key/feed.xml?limit=0');
    expect([400, 404]).toContain(response.status);
    await readProblem(response);
  });
});

describe('/opml.xml', () => {
  it('lists every feed once, grouped by team, for one-click import', async () => {
    const response = await fetchSelf('/opml.xml');
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('text/x-opml; charset=utf-8');
    const outlines = readOpml(await response.text());
    expect(outlines[0]!.xmlUrl).toBe(`${SITE_URL}/feed.xml`);
    const groups = outlines.slice(1);
    expect(groups.map((g) => g.text)).toEqual(['Atlas', 'Beacon']);
    for (const team of site.teams) {
      const group = groups.find((g) => g.text === team.name)!;
      const urls = group.outlines.map((o) => o.xmlUrl);
      expect(urls[0]).toBe(`${SITE_URL}/teams/${team.slug}/feed.xml`);
      const keys = site.milestones.filter((m) => m.team === team.slug).map((m) => `${SITE_URL}/milestones/${m.key}/feed.xml`);
      expect(urls.slice(1).sort()).toEqual(keys.sort());
      for (const o of group.outlines) expect(o.htmlUrl).toMatch(new RegExp(`^${SITE_URL}/(teams|milestones)/`));
    }
    // Every URL listed is a working feed.
    const all = [outlines[0]!, ...groups.flatMap((g) => g.outlines)];
    expect(all.length).toBe(1 + site.teams.length + site.milestones.length);
    for (const o of all.slice(0, 8)) expect((await fetchSelf(o.xmlUrl!.slice(SITE_URL.length))).status).toBe(200);
  });
});

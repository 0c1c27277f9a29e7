/**
 * The feeds of the real corpus (../shared/corpus, built by global-setup.ts): 49 weekly
 * updates of one team over 15 months, in three formats of markdown, ~236 milestones.
 */
import { describe, expect, it } from 'vitest';
import type { SiteModel } from '../../src/content/model';
import corpusJson from '../.generated/corpus.json';
import firstVersionJson from '../.generated/corpus-first-version.json';
import { allFeedPaths, appFetcher, dayIso, decodeHtml, env, expectFeedMatches, fetchFeed, FILES, FORMATS, readOpml, SITE_URL } from './feeds.helpers';

const corpus = corpusJson as unknown as SiteModel;
const firstVersion = firstVersionJson as unknown as SiteModel;
const fetchCorpus = appFetcher(corpus);
const limit = Number(env.FEED_ITEMS);

describe('the corpus model', () => {
  it('is the one the tests expect', () => {
    expect(corpus.updates.length).toBe(49);
    expect(corpus.teams.map((t) => t.slug)).toEqual(['waku']);
    expect(corpus.milestones.length).toBeGreaterThan(150);
  });
});

describe('every feed of the corpus', () => {
  const feeds = allFeedPaths(corpus);

  // One test per format keeps the report readable (~240 feeds each).
  it.each(FORMATS)('%s: every site, team and milestone feed is well-formed and reads back as expected', async (format) => {
    const mine = feeds.filter((f) => f.format === format);
    expect(mine.length).toBe(1 + 1 + corpus.milestones.length);
    for (const f of mine) {
      const { feed } = await fetchFeed(fetchCorpus, f.path);
      expectFeedMatches(corpus, feed, format, f.expected, limit, f.path);
      expect(feed.selfLink, f.path).toBe(`${SITE_URL}${f.path}`);
    }
    // ~240 feeds in one test: give it room on a loaded machine.
  }, 60_000);

  it('milestone items carry the entries of the milestone and its deliverables that week', async () => {
    // Milestones with deliverables reported below them (2024-04 onwards format).
    const parents = corpus.milestones.filter((m) => corpus.milestones.some((c) => c.parentKey === m.key) && m.weeks.length > 1);
    expect(parents.length).toBeGreaterThan(5);
    for (const m of parents) {
      const { feed } = await fetchFeed(fetchCorpus, `/milestones/${m.key}/feed.json?limit=500`);
      expect(feed.items.length).toBe(m.weeks.length);
      for (const item of feed.items) {
        const date = item.published!.slice(0, 10);
        const update = corpus.updates.find((u) => u.team === m.team && u.date === date)!;
        const children = update.sections.filter((s) => s.parentKey === m.key);
        for (const child of children) {
          expect(decodeHtml(item.content), `${m.key} ${date}`).toContain(child.title);
          for (const entry of [...child.items.achieved, ...child.items.next, ...child.items.blockers]) {
            expect(item.content, `${m.key} ${date}: ${entry.text}`).toContain(entry.html);
          }
        }
      }
    }
  });

  it('the OPML lists all of them', async () => {
    const outlines = readOpml(await (await fetchCorpus('/opml.xml')).text());
    const urls = [outlines[0]!, ...outlines.slice(1).flatMap((g) => g.outlines)].map((o) => o.xmlUrl);
    expect(urls.length).toBe(2 + corpus.milestones.length);
    expect(new Set(urls).size).toBe(urls.length);
  });

  it('?limit=500 gives the whole history, newest first', async () => {
    for (const format of FORMATS) {
      const { feed } = await fetchFeed(fetchCorpus, `/${FILES[format]}?limit=500`);
      expect(feed.items.length).toBe(49);
      expect(feed.items[0]!.published).toBe(dayIso('2024-10-21'));
      expect(feed.items[48]!.published).toBe(dayIso('2023-07-24'));
    }
  });
});

describe('an update edited after publication (corpus/edits: waku 2023-12-04)', () => {
  const fetchFirst = appFetcher(firstVersion);

  it.each(FORMATS)('%s: every item keeps its id; the edited item shows the added section', async (format) => {
    const before = (await fetchFeed(fetchFirst, `/${FILES[format]}?limit=500`)).feed;
    const after = (await fetchFeed(fetchCorpus, `/${FILES[format]}?limit=500`)).feed;
    expect(after.items.map((i) => i.id)).toEqual(before.items.map((i) => i.id));
    const link = `${SITE_URL}/updates/waku/2023-12-04`;
    const b = before.items.find((i) => i.link === link)!;
    const a = after.items.find((i) => i.link === link)!;
    expect(b.content).not.toContain('Running custom built desktop with status-go');
    expect(a.content).toContain('Running custom built desktop with status-go');
    // No duplicate: one item per update in both versions.
    expect(new Set(after.items.map((i) => i.link)).size).toBe(after.items.length);
  });

  it('the feed gets a new ETag, so readers polling with If-None-Match see the edit', async () => {
    const before = await fetchFirst('/feed.xml');
    const after = await fetchCorpus('/feed.xml', { headers: { 'If-None-Match': before.headers.get('ETag')! } });
    expect(after.status).toBe(200);
  });

  it('milestone items of the edited week keep their ids too', async () => {
    const key = corpus.milestones.find((m) => m.weeks.includes('waku/2023-12-04') && firstVersion.milestones.some((f) => f.key === m.key))!.key;
    const before = (await fetchFeed(fetchFirst, `/milestones/${key}/atom.xml?limit=500`)).feed;
    const after = (await fetchFeed(fetchCorpus, `/milestones/${key}/atom.xml?limit=500`)).feed;
    expect(after.items.map((i) => i.id)).toEqual(before.items.map((i) => i.id));
  });
});

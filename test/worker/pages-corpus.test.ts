/**
 * Every page of the real corpus (../shared/corpus) renders: the home page lists every
 * milestone, each update has its page, each milestone its timeline with one anchor per week.
 */
import { describe, expect, it } from 'vitest';
import type { SiteModel } from '../../src/content/model';
import corpusJson from '../.generated/corpus.json';
import { appFetcher, expectedMilestoneItems } from './feeds.helpers';
import { scanPage } from './pages.helpers';

const corpus = corpusJson as unknown as SiteModel;
const fetchCorpus = appFetcher(corpus);

async function page(path: string) {
  const response = await fetchCorpus(path);
  const html = await response.text();
  expect(response.status, path).toBe(200);
  return { html, scan: await scanPage(html) };
}

describe('pages of the corpus', () => {
  it('the milestone index lists every milestone with one feed link each; the home page stays short', async () => {
    const { scan } = await page('/milestones');
    for (const m of corpus.milestones) {
      expect(scan.links).toContain(`/milestones/${m.key}`);
      expect(scan.links).toContain(`/milestones/${m.key}/feed.xml`);
      expect(scan.links).not.toContain(`/milestones/${m.key}/atom.xml`);
    }
    const home = await page('/');
    expect(home.scan.links).toContain('/teams/waku');
    expect(home.scan.links).toContain('/milestones');
    // This week first, not a wall of feed links.
    expect(home.scan.links.filter((l) => /\/(feed\.xml|atom\.xml|feed\.json)$/.test(l)).length).toBeLessThan(10);
    expect(home.scan.links.length).toBeLessThan(120);
  });

  it('the team page shows its last 8 updates and links all 49 (on a page of their own)', async () => {
    const { scan } = await page('/teams/waku');
    const own = (links: string[]) => new Set(links.filter((l) => /^\/updates\/waku\/\d{4}-\d{2}-\d{2}$/.test(l)));
    expect(own(scan.links).size).toBe(8);
    expect(scan.links).toContain('/teams/waku/updates');
    expect(own((await page('/teams/waku/updates')).scan.links).size).toBeGreaterThanOrEqual(49);
  });

  it('every update page renders with its milestones linked at their week', async () => {
    for (const u of corpus.updates) {
      const { scan } = await page(`/updates/${u.id}`);
      expect(scan.h1).toBe(u.title);
      for (const s of u.sections.filter((x) => !x.parentKey)) expect(scan.links, `${u.id} ${s.key}`).toContain(`/milestones/${s.key}#week-${u.date}`);
    }
  }, 60_000);

  it('every milestone page has one anchored section per week, newest first', async () => {
    for (const m of corpus.milestones) {
      const { scan } = await page(`/milestones/${m.key}`);
      const weeks = scan.ids.filter((id) => /^week-\d{4}-\d{2}-\d{2}$/.test(id));
      expect(weeks, m.key).toEqual(expectedMilestoneItems(corpus, m).map((i) => i.link.split('#')[1]));
    }
  }, 60_000);
});

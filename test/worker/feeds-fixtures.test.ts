/**
 * Feeds built from test/fixtures/feeds (by global-setup.ts, with the real build step):
 * hostile markdown must come out escaped or removed, and well-formed, in every format; an
 * edit with `lastmod` keeps the item id and moves `updated`.
 */
import { describe, expect, it } from 'vitest';
import type { SiteModel } from '../../src/content/model';
import editFirstJson from '../.generated/feeds-edit-first.json';
import editLaterJson from '../.generated/feeds-edit-later.json';
import hostileJson from '../.generated/feeds-hostile.json';
import { appFetcher, dayIso, expectWellFormedXml, fetchFeed, FILES, FORMATS, readOpml, SITE_URL, type Format } from './feeds.helpers';

const hostile = hostileJson as unknown as SiteModel;

/**
 * The same model with hostile text put back where the build had removed it: the feeds must
 * not rely on the build step for XML safety.
 */
function rawHostile(): SiteModel {
  const site = structuredClone(hostile);
  site.version = `${hostile.version}-raw`;
  const u = site.updates[0]!;
  u.title = `Raw \u0001\u0002 <script>alert(0)</script> title ]]> <b>&amp; \uFFFE\uD800 end`;
  u.html = `${u.html}<p>raw \u0000\u0008\u001b control ]]> and ]]]]> end</p>`;
  const s = u.sections[0]!;
  s.title = `Raw section ]]> \u0007 <script>alert(1)</script>`;
  s.items.achieved.push({ html: 'raw item \u0001 ]]> end', text: 'raw item \u0001 ]]> end', links: [], line: 99, depth: 0 });
  const m = site.milestones.find((x) => x.key === s.key)!;
  m.title = s.title;
  site.teams[0]!.name = 'Mallory & <Co> "quoted" \u0003';
  return site;
}

const paths = (site: SiteModel): string[] => [
  ...FORMATS.map((f) => `/${FILES[f]}`),
  ...site.teams.flatMap((t) => FORMATS.map((f) => `/teams/${t.slug}/${FILES[f]}`)),
  ...site.milestones.flatMap((m) => FORMATS.map((f) => `/milestones/${m.key}/${FILES[f]}`)),
];

const formatOf = (path: string): Format => FORMATS.find((f) => path.endsWith(FILES[f]))!;

// Suites are named by a string: vitest's worker channel rejects a lone surrogate in arguments.
const VARIANTS: Record<string, () => SiteModel> = {
  'built from hostile markdown': () => hostile,
  'with hostile text injected after the build': rawHostile,
};

describe.each(Object.keys(VARIANTS))('feeds of an update %s', (variant) => {
  const site = VARIANTS[variant]!();
  const fetcher = appFetcher(site);

  it('the fixture really is hostile', () => {
    expect(site.updates.length).toBe(1);
    expect(site.updates[0]!.title).toContain('<script>');
    expect(JSON.stringify(site)).toContain(']]>');
  });

  it.each(paths(site))('%s is well-formed, and nothing executable or invalid survives', async (path) => {
    const response = await fetcher(path);
    const body = await response.text();
    expect(response.status).toBe(200);
    const format = formatOf(path);
    if (format === 'json') JSON.parse(body);
    else expectWellFormedXml(body, path);
    // In every format, as bytes on the wire: no control characters (JSON escapes don't count).
    expect(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/.test(body)).toBe(false);
    expect(/\\u00(?:0[0-8bcef]|1[0-9a-f])/i.test(body), 'JSON-escaped control character').toBe(false);

    const { feed } = await fetchFeed(fetcher, path);
    for (const item of feed.items) {
      // What a reader renders: no script or style element, no event handler, no dangerous URL.
      expect(item.content).not.toMatch(/<script|<style|<iframe|\son[a-z]+=/i);
      expect(item.content).not.toMatch(/(?:href|src)="\s*(?:javascript|data|vbscript):/i);
      expect(item.content.toLowerCase()).not.toContain('javascript:');
      for (const m of item.content.matchAll(/\s(?:href|src)="([^"]*)"/g)) expect(m[1]).toMatch(/^(?:https?:\/\/|mailto:)/);
      // Text titles are read back as text: the markup is there as characters, never as tags.
      expect(item.title).not.toMatch(/\u0001|\u0007/);
      // The CDATA terminator is content like any other: it reads back intact.
      expect(item.content).toMatch(/\]\]>|\]\]&gt;/);
    }
  });

  it('relative links leave absolute, fragments point at the page they came from', async () => {
    const { feed } = await fetchFeed(fetcher, '/atom.xml');
    const content = feed.items[0]!.content;
    expect(content).toContain(`href="${SITE_URL}/docs/page?a=1&amp;b=2"`);
    expect(content).toContain(`src="${SITE_URL}/images/chart.png"`);
    expect(content).toContain('href="http://cdn.example.com/x.js"');
    expect(content).toContain(`href="${SITE_URL}/updates/mallory/2026-03-02#details"`);
    expect(content).toContain(`href="${SITE_URL}/notes/plan.md"`);
  });

  it('the OPML escapes names and stays well-formed', async () => {
    const outlines = readOpml(await (await fetcher('/opml.xml')).text());
    expect(outlines.length).toBe(2);
  });

  it.each(['/', '/teams/mallory', '/updates/mallory/2026-03-02', ...site.milestones.map((m) => `/milestones/${m.key}`)])('page %s has no script', async (path) => {
    const response = await fetcher(path);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).not.toMatch(/<script|<iframe|\son[a-z]+=\s*"|javascript:/i);
    expect(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/.test(html)).toBe(false);
  });
});

describe('CDATA terminators in the content read back exactly', () => {
  it.each(['rss', 'atom'] as const)('%s', async (format) => {
    const fetcher = appFetcher(hostile);
    const { feed } = await fetchFeed(fetcher, `/${FILES[format]}`);
    // The markdown said: "CDATA end ]]> and again ]]> and ]]]]> inside".
    expect(feed.items[0]!.content).toContain('CDATA end ]]> and again ]]> and ]]]]> inside');
    expect(feed.items[0]!.title).toContain(']]>');
  });
});

describe('an update edited after publication, with lastmod', () => {
  const first = appFetcher(editFirstJson as unknown as SiteModel);
  const later = appFetcher(editLaterJson as unknown as SiteModel);

  it.each(FORMATS)('%s: same id, same published date, new updated date and the new content', async (format) => {
    for (const path of [`/${FILES[format]}`, `/teams/zed/${FILES[format]}`, `/milestones/tracker-example-m-9/${FILES[format]}`]) {
      const a = (await fetchFeed(first, path)).feed.items;
      const b = (await fetchFeed(later, path)).feed.items;
      expect(a.length).toBe(1);
      expect(b.length).toBe(1);
      expect(b[0]!.id).toBe(a[0]!.id);
      expect(b[0]!.link).toBe(a[0]!.link);
      expect(a[0]!.published).toBe(dayIso('2026-02-02'));
      expect(b[0]!.published).toBe(dayIso('2026-02-02'));
      if (format !== 'rss') {
        expect(a[0]!.updated).toBe(dayIso('2026-02-02'));
        expect(b[0]!.updated).toBe(dayIso('2026-02-05'));
      }
      expect(a[0]!.content).not.toContain('rollback plan');
      expect(b[0]!.content).toContain('rollback plan');
    }
  });

  it('the feed says it changed: new ETag and Last-Modified', async () => {
    const a = await first('/feed.xml');
    const b = await later('/feed.xml', { headers: { 'If-None-Match': a.headers.get('ETag')!, 'If-Modified-Since': a.headers.get('Last-Modified')! } });
    expect(b.status).toBe(200);
    expect(b.headers.get('Last-Modified')).toBe('Thu, 05 Feb 2026 00:00:00 GMT');
    expect(a.headers.get('Last-Modified')).toBe('Mon, 02 Feb 2026 00:00:00 GMT');
  });
});

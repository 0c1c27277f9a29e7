/**
 * HTTP done right for feeds: validators, 304 without a body, HEAD, Cache-Control from
 * CACHE_MAX_AGE, and memoisation (a feed is rendered once per isolate and content version).
 */
import { describe, expect, it } from 'vitest';
import { feedRenderCount } from '../../src/feeds';
import { site } from '../../src/site';
import { appFetcher, env, SITE_URL } from './feeds.helpers';

// The routes the static build renders every feed and page through (src/publish): the same
// bytes wrangler dev and the edge serve as files (test/e2e/static.test.ts).
const fetchSelf = appFetcher(site);

const FEEDS = ['/feed.xml', '/atom.xml', '/feed.json', '/teams/atlas/feed.xml', '/milestones/northwind-dev-roadmap-21/atom.xml', '/opml.xml'];

describe.each(FEEDS)('%s', (path) => {
  it('has a strong ETag, Last-Modified and Cache-Control with the configured max-age', async () => {
    const response = await fetchSelf(path);
    expect(response.status).toBe(200);
    expect(response.headers.get('ETag')).toMatch(/^"[0-9a-f]{32}"$/);
    const lastModified = response.headers.get('Last-Modified')!;
    expect(new Date(lastModified).toUTCString()).toBe(lastModified);
    expect(response.headers.get('Cache-Control')).toBe(`public, max-age=${env.CACHE_MAX_AGE}`);
    expect(response.headers.get('Content-Type')).toMatch(/; charset=utf-8$/);
    const body = new Uint8Array(await response.arrayBuffer());
    expect(Number(response.headers.get('Content-Length'))).toBe(body.byteLength);
  });

  it('answers If-None-Match with its ETag by 304 and no body', async () => {
    const first = await fetchSelf(path);
    const etag = first.headers.get('ETag')!;
    await first.arrayBuffer();
    for (const inm of [etag, `W/${etag}`, `"nope", ${etag}`, '*']) {
      const response = await fetchSelf(path, { headers: { 'If-None-Match': inm } });
      expect(response.status, inm).toBe(304);
      expect(await response.text()).toBe('');
      expect(response.headers.get('ETag')).toBe(etag);
      expect(response.headers.get('Cache-Control')).toBe(`public, max-age=${env.CACHE_MAX_AGE}`);
      expect(response.headers.get('Last-Modified')).toBe(first.headers.get('Last-Modified'));
    }
  });

  it('sends the full feed for another ETag', async () => {
    const response = await fetchSelf(path, { headers: { 'If-None-Match': '"0123456789abcdef0123456789abcdef"' } });
    expect(response.status).toBe(200);
    expect((await response.text()).length).toBeGreaterThan(100);
  });

  it('answers If-Modified-Since by 304 when nothing changed since, 200 otherwise', async () => {
    const first = await fetchSelf(path);
    await first.arrayBuffer();
    const lastModified = new Date(first.headers.get('Last-Modified')!);
    const at = async (date: string) => {
      const r = await fetchSelf(path, { headers: { 'If-Modified-Since': date } });
      const body = await r.text();
      return { status: r.status, body };
    };
    expect(await at(lastModified.toUTCString())).toEqual({ status: 304, body: '' });
    expect(await at(new Date(lastModified.getTime() + 86_400_000).toUTCString())).toEqual({ status: 304, body: '' });
    expect((await at(new Date(lastModified.getTime() - 1000).toUTCString())).status).toBe(200);
    // An unparseable date is ignored.
    expect((await at('yesterday-ish')).status).toBe(200);
  });

  it('If-None-Match wins over If-Modified-Since', async () => {
    const first = await fetchSelf(path);
    await first.arrayBuffer();
    const response = await fetchSelf(path, {
      headers: { 'If-None-Match': '"stale"', 'If-Modified-Since': new Date(Date.now() + 86_400_000).toUTCString() },
    });
    expect(response.status).toBe(200);
    await response.arrayBuffer();
  });

  it('answers HEAD with the headers of GET and no body', async () => {
    const get = await fetchSelf(path);
    const getBody = await get.arrayBuffer();
    const head = await fetchSelf(path, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    for (const name of ['ETag', 'Last-Modified', 'Cache-Control', 'Content-Type']) expect(head.headers.get(name), name).toBe(get.headers.get(name));
    expect(getBody.byteLength).toBeGreaterThan(0);
    const conditional = await fetchSelf(path, { method: 'HEAD', headers: { 'If-None-Match': get.headers.get('ETag')! } });
    expect(conditional.status).toBe(304);
  });
});

describe('validators follow the representation', () => {
  it('a different limit is a different representation with its own ETag', async () => {
    const all = await fetchSelf('/feed.xml');
    const one = await fetchSelf('/feed.xml?limit=1');
    expect(all.headers.get('ETag')).not.toBe(one.headers.get('ETag'));
    // An ETag of one representation does not validate another.
    const cross = await fetchSelf('/feed.xml?limit=1', { headers: { 'If-None-Match': all.headers.get('ETag')! } });
    expect(cross.status).toBe(200);
    await Promise.all([all.arrayBuffer(), one.arrayBuffer(), cross.arrayBuffer()]);
  });

  it('the three formats of one feed have three ETags', async () => {
    const tags = await Promise.all(['/feed.xml', '/atom.xml', '/feed.json'].map(async (p) => (await fetchSelf(p)).headers.get('ETag')));
    expect(new Set(tags).size).toBe(3);
  });

  it('Last-Modified is the newest change of what the feed shows', async () => {
    // Atlas' milestone "Certificate automation" was last reported on 2026-11-09 …
    expect((await fetchSelf('/teams/atlas/feed.xml')).headers.get('Last-Modified')).toBe('Mon, 09 Nov 2026 00:00:00 GMT');
    // … and "Self-hosted server packaging" was last reported in the 2026-10-19 update, edited on 2026-10-22.
    const m = site.milestones.find((x) => x.key === 'northwind-dev-roadmap-40')!;
    expect(m.lastSeen).toBe('2026-10-19');
    expect((await fetchSelf(`/milestones/${m.key}/feed.xml`)).headers.get('Last-Modified')).toBe('Thu, 22 Oct 2026 00:00:00 GMT');
    expect((await fetchSelf(`/milestones/${m.key}`)).headers.get('Last-Modified')).toBe('Thu, 22 Oct 2026 00:00:00 GMT');
  });

  it('a different site URL or title gives different bytes and a different ETag', async () => {
    const a = appFetcher(site);
    const b = appFetcher(site, { SITE_URL: 'https://updates.example.org' });
    const ra = await a('/atom.xml');
    const rb = await b('/atom.xml');
    expect(ra.headers.get('ETag')).not.toBe(rb.headers.get('ETag'));
    expect(await rb.text()).toContain('https://updates.example.org/updates/atlas/2026-11-09');
    expect(await ra.text()).not.toContain('updates.example.org');
  });

  it('CACHE_MAX_AGE sets max-age; a malformed value falls back to 300', async () => {
    expect((await appFetcher(site, { CACHE_MAX_AGE: '60' })('/feed.json')).headers.get('Cache-Control')).toBe('public, max-age=60');
    expect((await appFetcher(site, { CACHE_MAX_AGE: 'soon' })('/feed.json')).headers.get('Cache-Control')).toBe('public, max-age=300');
  });

  it('FEED_ITEMS sets the default number of items', async () => {
    const body = await (await appFetcher(site, { FEED_ITEMS: '3' })('/feed.json')).json<{ items: unknown[] }>();
    expect(body.items.length).toBe(3);
  });
});

describe('memoisation', () => {
  it('renders a feed once per isolate and content version, then serves the same bytes', async () => {
    const fetcher = appFetcher(site);
    const path = '/milestones/northwind-dev-roadmap-30/feed.json?limit=4';
    const before = feedRenderCount(site);
    const first = await fetcher(path);
    const firstBody = await first.text();
    expect(feedRenderCount(site)).toBe(before + 1);
    const again = await Promise.all(Array.from({ length: 20 }, () => fetcher(path)));
    for (const r of again) {
      expect(r.headers.get('ETag')).toBe(first.headers.get('ETag'));
      expect(await r.text()).toBe(firstBody);
    }
    expect(feedRenderCount(site)).toBe(before + 1);
    // Conditional and HEAD requests come from the same rendering.
    await fetcher(path, { method: 'HEAD' });
    await fetcher(path, { headers: { 'If-None-Match': first.headers.get('ETag')! } });
    expect(feedRenderCount(site)).toBe(before + 1);
  });

  it('concurrent first requests share one rendering', async () => {
    const fetcher = appFetcher(site);
    const path = '/teams/beacon/atom.xml?limit=5';
    const before = feedRenderCount(site);
    const responses = await Promise.all(Array.from({ length: 10 }, () => fetcher(path)));
    expect(new Set(responses.map((r) => r.headers.get('ETag'))).size).toBe(1);
    expect(feedRenderCount(site)).toBe(before + 1);
  });

  it('a new content version is rendered anew', async () => {
    const edited = { ...site, version: `${site.version}-edited`, updates: site.updates.slice(1) };
    const before = feedRenderCount(edited);
    const r = await appFetcher(edited)('/feed.xml');
    expect(feedRenderCount(edited)).toBe(before + 1);
    expect(await r.text()).not.toContain('/updates/atlas/2026-11-09<');
  });
});

describe('compression', () => {
  async function gunzip(bytes: ArrayBuffer): Promise<string> {
    return new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).text();
  }

  it.each(['/feed.xml', '/atom.xml', '/feed.json', '/opml.xml', '/milestones/northwind-dev-roadmap-21/feed.xml', '/'])(
    '%s: gzip for readers that ask for it, the same content, its own ETag',
    async (path) => {
      const plain = await fetchSelf(path);
      const plainBody = await plain.text();
      const zipped = await fetchSelf(path, { headers: { 'Accept-Encoding': 'gzip, deflate, br' } });
      expect(zipped.status).toBe(200);
      expect(zipped.headers.get('Content-Encoding')).toBe('gzip');
      expect(zipped.headers.get('Vary')).toBe('Accept-Encoding');
      expect(plain.headers.get('Vary')).toBe('Accept-Encoding');
      expect(plain.headers.get('Content-Encoding')).toBeNull();
      // Called in process, the body is the gzip bytes themselves.
      expect(await gunzip(await zipped.arrayBuffer())).toBe(plainBody);
      expect(Number(zipped.headers.get('Content-Length'))).toBeLessThan(new TextEncoder().encode(plainBody).byteLength / 2);
      // The app's own response: the gzip bytes, which decompress to the same document.
      const direct = await appFetcher(site)(path, { headers: { 'Accept-Encoding': 'gzip' } });
      const bytes = await direct.arrayBuffer();
      expect([...new Uint8Array(bytes, 0, 2)]).toEqual([0x1f, 0x8b]);
      expect(Number(direct.headers.get('Content-Length'))).toBe(bytes.byteLength);
      expect(await gunzip(bytes)).toBe(plainBody);
      const etag = zipped.headers.get('ETag')!;
      expect(etag).toMatch(/^"[0-9a-f]{32}-gzip"$/);
      expect(etag).not.toBe(plain.headers.get('ETag'));
      // A reader holding either coding of the current content gets a 304.
      for (const tag of [etag, plain.headers.get('ETag')!]) {
        const r = await fetchSelf(path, { headers: { 'Accept-Encoding': 'gzip', 'If-None-Match': tag } });
        expect(r.status).toBe(304);
        expect(r.headers.get('ETag')).toBe(etag);
        await r.arrayBuffer();
      }
    },
  );

  it.each([
    ['gzip;q=0', false],
    ['identity', false],
    ['br', false],
    ['*', true],
    ['*;q=0.5, gzip;q=0', false],
    ['GZIP;q=0.8', true],
    ['x-gzip', true],
  ])('Accept-Encoding: %s → gzip %s', async (accept, gzipped) => {
    const r = await fetchSelf('/feed.xml', { headers: { 'Accept-Encoding': accept } });
    expect(r.headers.get('Content-Encoding')).toBe(gzipped ? 'gzip' : null);
    await r.arrayBuffer();
  });

  it('HEAD with gzip tells the compressed length', async () => {
    const get = await appFetcher(site)('/feed.xml', { headers: { 'Accept-Encoding': 'gzip' } });
    const length = (await get.arrayBuffer()).byteLength;
    const head = await fetchSelf('/feed.xml', { method: 'HEAD', headers: { 'Accept-Encoding': 'gzip' } });
    expect(head.headers.get('Content-Encoding')).toBe('gzip');
    expect(Number(head.headers.get('Content-Length'))).toBe(length);
  });
});

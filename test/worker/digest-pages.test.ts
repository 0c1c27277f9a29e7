/**
 * The Worker's public digest pages answer every URL they advertise: `/digests` (with digests
 * cut) and each web copy link the feed of digests, the copies, the site's pages; every
 * same-site link must answer 200 — from the deployed Worker (createWorkerApp) for its routes,
 * else from the site's pages (createApp, what the static build renders) — with the right type.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { createApp, createWorkerApp } from '../../src/app';
import { cutDigest } from '../../src/digest';
import { servedData } from '../assets';
import { activeSubscriber, env, recordingQueue, resetDigests, site, testEnv } from './digest.helpers';

// Each cut here is the first digest (files of the worker project share one D1): it holds
// changes, so it is listed.
beforeEach(resetDigests);

const worker = createWorkerApp(servedData(site).catalog);
const pages = createApp(site);

const sameSiteLinks = (html: string): string[] =>
  [...html.matchAll(/\s(?:href|src|action)="([^"]*)"/g)]
    .map((m) => new URL(m[1]!.replace(/&amp;/g, '&'), env.SITE_URL))
    .filter((u) => u.origin === new URL(env.SITE_URL).origin)
    .map((u) => `${u.pathname}${u.search}`);

describe('/digests and the web copies: every advertised URL answers', () => {
  it('/digests/feed.xml is the RSS of the digests (it was taken for a digest id: 404)', async () => {
    const e = testEnv({ DIGEST_QUEUE: recordingQueue().queue as unknown as Queue });
    await activeSubscriber(['all'], 'pages');
    const { digest } = await cutDigest(e, site, { period: `pages-${crypto.randomUUID()}`, now: new Date() });
    for (const app of [worker, pages]) {
      const feed = await app.request('/digests/feed.xml', {}, e);
      expect(feed.status).toBe(200);
      expect(feed.headers.get('Content-Type')).toBe('application/xml; charset=utf-8');
      const xml = await feed.text();
      expect(xml).toContain('<rss');
      expect(xml).toContain(`/digests/${digest.id}</link>`);
    }
  });

  it('every same-site link of /digests and of a web copy answers 200 (Worker route or page)', async () => {
    const e = testEnv({ DIGEST_QUEUE: recordingQueue().queue as unknown as Queue });
    await activeSubscriber(['all'], 'pages');
    const { digest } = await cutDigest(e, site, { period: `pages-${crypto.randomUUID()}`, now: new Date() });
    const seen = new Set<string>();
    const queue = ['/digests', `/digests/${digest.id}`];
    const broken: string[] = [];
    while (queue.length > 0) {
      const path = queue.shift()!;
      if (seen.has(path)) continue;
      seen.add(path);
      let res = await worker.request(path, {}, e);
      // What the Worker does not route is a static file: the site's page for it.
      if (res.status === 404 && res.headers.get('X-Served-By') === 'tidings-worker' && !/^\/(digests|subscribe|confirm|preferences|unsubscribe)\b/.test(path)) {
        res = await pages.request(path, {}, e);
      }
      if (res.status !== 200) broken.push(`${path}: ${res.status}`);
      const type = res.headers.get('Content-Type') ?? '';
      // Crawl on from the Worker's own pages only (the static ones: test/publish/links.test.ts).
      if (res.status === 200 && type.startsWith('text/html') && path.startsWith('/digests')) queue.push(...sameSiteLinks(await res.text()));
      else await res.body?.cancel();
    }
    expect(broken).toEqual([]);
    expect(seen).toContain('/digests/feed.xml');
    expect(seen.size).toBeGreaterThan(5);
  });
});

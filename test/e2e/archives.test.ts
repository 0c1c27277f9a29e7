/**
 * Feed archives over HTTP: the sample site built with 5 entries per feed and served by
 * wrangler dev; a feed parser (feedsmith) starts at each current feed and follows
 * `prev-archive` (JSON Feed: `next_url`) until the first week, reading every week.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseAtomFeed, parseJsonFeed, parseRssFeed } from 'feedsmith';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAll } from '../../src/publish/build';
import { freePort, root, startWranglerDev, type DevServer } from '../../scripts/wrangler-dev';

let server: DevServer;
let out: string;
let updates: Array<{ id: string; team: string }>;

beforeAll(async () => {
  const port = await freePort();
  out = await mkdtemp(path.join(os.tmpdir(), 'tidings-archives-'));
  const built = await buildAll({
    content: path.join(root, 'content'),
    out: path.join(out, 'public'),
    config: path.join(root, 'wrangler.toml'),
    siteUrl: `http://127.0.0.1:${port}`,
    vars: { FEED_ITEMS: '5' },
  });
  if (!built.ok) throw new Error(built.messages);
  updates = built.site.updates.map((u) => ({ id: u.id, team: u.team }));
  server = await startWranglerDev({ port, persistTo: path.join(out, 'state'), args: ['--assets', path.join(out, 'public')] });
}, 240_000);

afterAll(async () => {
  await server?.stop();
  if (out) await rm(out, { recursive: true, force: true });
});

async function walk(start: string, format: 'rss' | 'atom' | 'json'): Promise<{ links: string[]; documents: string[] }> {
  const links: string[] = [];
  const documents: string[] = [];
  for (let url: string | undefined = `${server.origin}${start}`; url; ) {
    const at: string = url;
    const res: Response = await fetch(at);
    expect(res.status, at).toBe(200);
    const text: string = await res.text();
    documents.push(new URL(at).pathname);
    if (format === 'atom') {
      const feed = parseAtomFeed(text);
      links.push(...(feed.entries ?? []).map((e) => e.links?.find((l) => !l.rel || l.rel === 'alternate')?.href ?? ''));
      const prev: string | undefined = feed.links?.find((l) => l.rel === 'prev-archive')?.href;
      url = prev;
    } else if (format === 'rss') {
      const feed = parseRssFeed(text);
      links.push(...(feed.items ?? []).map((i) => i.link ?? ''));
      const prev: string | undefined = feed.atom?.links?.find((l) => l.rel === 'prev-archive')?.href;
      url = prev;
    } else {
      const feed = parseJsonFeed(text);
      links.push(...(feed.items ?? []).map((i) => i.url ?? ''));
      const prev: string | undefined = (JSON.parse(text) as { next_url?: string }).next_url;
      url = prev;
    }
  }
  return { links, documents };
}

describe('feed archives under wrangler dev', () => {
  for (const [format, file] of [['rss', 'feed.xml'], ['atom', 'atom.xml'], ['json', 'feed.json']] as const) {
    it(`${file}: following prev-archive reads every week of the site and of each team`, async () => {
      const site = await walk(`/${file}`, format);
      expect(site.documents).toEqual([`/${file}`, `/archive/2/${file}`, `/archive/1/${file}`]);
      const pages = new Set(site.links.map((l) => new URL(l).pathname));
      expect([...pages].sort()).toEqual(updates.map((u) => `/updates/${u.id}`).sort());
      for (const team of new Set(updates.map((u) => u.team))) {
        const walked = await walk(`/teams/${team}/${file}`, format);
        const seen = new Set(walked.links.map((l) => new URL(l).pathname));
        expect([...seen].sort(), team).toEqual(updates.filter((u) => u.team === team).map((u) => `/updates/${u.id}`).sort());
      }
    });
  }

  it('marks archives as archives and links the current feed', async () => {
    const atom = await (await fetch(`${server.origin}/archive/1/atom.xml`)).text();
    expect(atom).toContain('xmlns:fh="http://purl.org/syndication/history/1.0"');
    expect(atom).toContain('<fh:archive/>');
    expect(atom).toContain(`<link rel="current" href="${server.origin}/atom.xml"/>`);
    const current = await (await fetch(`${server.origin}/atom.xml`)).text();
    expect(current).not.toContain('<fh:archive/>');
    expect((await fetch(`${server.origin}/archive/3/atom.xml`)).status).toBe(404);
  });
});

/**
 * End to end against `wrangler dev` serving the static output (Workers Static Assets, as
 * configured in wrangler.toml) next to the Worker: every public URL of the build answers
 * from its file with its content type, ETag / 304 and the compression the client asked for,
 * and never reaches the Worker; renamed milestones redirect; the dynamic routes are the
 * Worker's; the digest is cut from the built team indexes. Built with five entries per feed, a
 * feed parser (feedsmith) starts at each current feed and follows `prev-archive` (JSON Feed:
 * `next_url`) until the first week, reading every week (archives.test.ts's own server until
 * issue 19: one build and one wrangler dev start less).
 *
 * WebSub on the same server (websub.test.ts's own build and server until issue 19): a fake hub
 * on a loopback port is WEBSUB_HUB. Every feed announces the hub and itself; the first request
 * a new content version gets makes the Worker ping the hub, at most PINGS_PER_RUN feeds a run,
 * and the next runs go on until every feed was pinged once; after one update is edited and the
 * site rebuilt, only the feeds whose content changed are pinged; nothing is pinged twice. Those
 * tests come last: they edit the content and rebuild.
 */
import { randomBytes } from 'node:crypto';
import { appendFile, cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parseAtomFeed, parseJsonFeed, parseRssFeed } from 'feedsmith';
import { parse as parseToml } from 'smol-toml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WORKER_HEADER } from '../../src/app';
import { buildAll, type BuildOptions } from '../../src/publish/build';
import { feedsPartPath, type FeedsManifest, type FeedsPart } from '../../src/publish/data';
import { PINGS_PER_RUN, type PingResult } from '../../src/websub/ping';
import { migratedState } from './wrangler-dev';
import { holdPort, root, sleep, startWranglerDev, type DevServer } from '../../scripts/wrangler-dev';

const ADMIN_TOKEN = `dev-${randomBytes(24).toString('hex')}`;

let server: DevServer;
/** The build's own copy of the sample content (the WebSub tests edit it), its output and its state. */
let out: string;
let files: Record<string, string>;
let updates: Array<{ id: string; team: string }>;
let hub: http.Server;
let hubUrl: string;
/** Every ping the hub got, in order. */
const pings: Array<{ mode: string | null; url: string | null }> = [];
let options: BuildOptions;

/** URL path a static file answers (`teams/atlas.html` → `/teams/atlas`). */
function pathOf(file: string): string {
  if (file === 'index.html') return '/';
  return `/${file.replace(/\.html$/, '')}`;
}

function expectedType(file: string): string {
  if (file.endsWith('.html')) return 'text/html; charset=utf-8';
  if (file.endsWith('/feed.xml') || file === 'feed.xml') return 'application/xml; charset=utf-8';
  if (file.endsWith('/atom.xml') || file === 'atom.xml') return 'application/xml; charset=utf-8';
  if (file.endsWith('/feed.json') || file === 'feed.json') return 'application/feed+json; charset=utf-8';
  if (file === 'opml.xml') return 'text/x-opml; charset=utf-8';
  if (file.startsWith('_tidings/')) return 'application/json; charset=utf-8';
  if (file.endsWith('badge.svg')) return 'image/svg+xml; charset=utf-8';
  if (file === 'favicon.svg' || file === 'favicon.ico') return 'image/svg+xml';
  if (file === 'feed.xsl') return 'text/xsl; charset=utf-8';
  if (file === 'search.js') return 'text/javascript; charset=utf-8';
  // The pages' stylesheets (src/pages/style.ts), named by their content.
  if (/^(style|teams)\.[0-9a-f]{16}\.css$/.test(file)) return 'text/css; charset=utf-8';
  // The search index (Pagefind's files): typed by the platform from the extension.
  if (file.startsWith('pagefind/') && file.endsWith('.js')) return 'text/javascript; charset=utf-8';
  if (file.startsWith('pagefind/') && file.endsWith('.json')) return 'application/json';
  // Index chunks: no type of their own (wrangler dev sends none; Pagefind reads them as bytes).
  if (file.startsWith('pagefind/')) return 'untyped';
  throw new Error(`no expected type for ${file}`);
}

beforeAll(async () => {
  out = await mkdtemp(path.join(os.tmpdir(), 'tidings-static-'));
  await cp(path.join(root, 'content'), path.join(out, 'content'), { recursive: true });
  hub = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const form = new URLSearchParams(body);
      pings.push({ mode: form.get('hub.mode'), url: form.get('hub.url') });
      res.writeHead(202).end();
    });
  });
  await new Promise<void>((resolve) => hub.listen(0, '127.0.0.1', resolve));
  hubUrl = `http://127.0.0.1:${(hub.address() as { port: number }).port}/`;
  // The port the pages link to, held through the build and released just before wrangler dev binds it.
  const held = await holdPort();
  const port = held.port;
  options = {
    content: path.join(out, 'content'),
    out: path.join(out, 'public'),
    config: path.join(root, 'wrangler.toml'),
    siteUrl: `http://127.0.0.1:${port}`,
    // Five entries per feed, so that the sample's feeds have archives (the archive walk below).
    vars: { FEED_ITEMS: '5', WEBSUB_HUB: hubUrl },
  };
  const built = await buildAll(options);
  if (!built.ok) throw new Error(built.messages);
  updates = built.site.updates.map((u) => ({ id: u.id, team: u.team }));
  files = JSON.parse(await readFile(path.join(out, 'public.manifest.json'), 'utf8')) as Record<string, string>;
  await migratedState(path.join(out, 'state'));
  await held.release();
  server = await startWranglerDev({
    port,
    persistTo: path.join(out, 'state'),
    args: ['--assets', path.join(out, 'public')],
    vars: { ENVIRONMENT: 'local', SIGNING_KEY: `dev-${randomBytes(32).toString('hex')}`, ADMIN_TOKEN, WEBSUB_HUB: hubUrl },
  });
}, 240_000);

afterAll(async () => {
  await server?.stop();
  await new Promise((resolve) => hub?.close(resolve));
  if (out) await rm(out, { recursive: true, force: true });
});

const get = (p: string, init: RequestInit = {}) => fetch(`${server.origin}${p}`, { redirect: 'manual', ...init });

describe('static output under wrangler dev', () => {
  it('serves every public file with its content type, its bytes and an ETag, never through the Worker', async () => {
    const published = Object.keys(files).filter((f) => !f.startsWith('_headers') && !f.startsWith('_redirects'));
    expect(published.length).toBeGreaterThan(100);
    for (const file of published) {
      const res = await get(pathOf(file), { headers: { 'Accept-Encoding': 'identity' } });
      expect(res.status, file).toBe(200);
      const type = expectedType(file);
      if (type === 'untyped') expect(res.headers.get('Content-Type') ?? 'application/octet-stream', file).toBe('application/octet-stream');
      else expect(res.headers.get('Content-Type'), file).toBe(type);
      expect(res.headers.get(WORKER_HEADER), file).toBeNull();
      expect(res.headers.get('ETag'), file).toMatch(/^(W\/)?"[^"]+"$/);
      expect(res.headers.get('Content-Encoding'), file).toBeNull();
      const body = new Uint8Array(await res.arrayBuffer());
      expect(Buffer.from(body).equals(await readFile(path.join(out, 'public', file))), file).toBe(true);
    }
  }, 180_000);

  it('serves the pages’ stylesheet from the file every page links, cached for good', async () => {
    const { STYLESHEET_PATH } = await import('../../src/pages/style');
    const page = await get('/teams/atlas');
    expect(await page.text()).toContain(`<link rel="stylesheet" href="${STYLESHEET_PATH}"/>`);
    expect(page.headers.get('Content-Security-Policy')).toContain("style-src 'self'");
    const sheet = await get(STYLESHEET_PATH);
    expect(sheet.status).toBe(200);
    expect(sheet.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable');
    expect(sheet.headers.get(WORKER_HEADER)).toBeNull();
    await sheet.arrayBuffer();
  });

  it('answers a conditional GET with its ETag by 304, and a changed ETag by 200', async () => {
    for (const p of ['/feed.xml', '/atom.xml', '/feed.json', '/opml.xml', '/', '/teams/atlas', '/teams/atlas/feed.json']) {
      const first = await get(p);
      const etag = first.headers.get('ETag')!;
      await first.arrayBuffer();
      const again = await get(p, { headers: { 'If-None-Match': etag } });
      expect(again.status, p).toBe(304);
      expect(await again.text()).toBe('');
      const stale = await get(p, { headers: { 'If-None-Match': '"not-the-current-one"' } });
      expect(stale.status, p).toBe(200);
      await stale.arrayBuffer();
    }
  });

  it('compresses only for a client that asked for it', async () => {
    // wrangler dev compresses some content types (RSS, JSON, HTML) and not others (Atom,
    // OPML); the edge compresses all of them. What must never happen is gzip unasked.
    const compressed: string[] = [];
    for (const p of ['/feed.xml', '/atom.xml', '/feed.json', '/opml.xml', '/teams/atlas/atom.xml', '/']) {
      const identity = await rawGet(p, 'identity');
      expect(identity.encoding, p).toBeUndefined();
      const none = await rawGet(p, undefined);
      expect(none.encoding, p).toBeUndefined();
      expect(none.body.equals(identity.body), p).toBe(true);
      const gz = await rawGet(p, 'gzip');
      if (gz.encoding === 'gzip') {
        compressed.push(p);
        expect(gunzipSync(gz.body).equals(identity.body), p).toBe(true);
      } else {
        expect(gz.encoding, p).toBeUndefined();
        expect(gz.body.equals(identity.body), p).toBe(true);
      }
    }
    expect(compressed).toContain('/feed.xml');
  });

  it('redirects every URL of a renamed milestone (content/aliases.yaml) to the current one, feeds included', async () => {
    for (const suffix of ['', '/feed.xml', '/atom.xml', '/feed.json']) {
      const res = await get(`/milestones/beacon-offline-mode${suffix}`);
      expect(res.status, suffix).toBe(301);
      expect(new URL(res.headers.get('Location')!, server.origin).pathname).toBe(`/milestones/beacon-offline-first-editing${suffix}`);
      expect(res.headers.get(WORKER_HEADER)).toBeNull();
    }
  });

  it('serves ?limit= from the static feed too (the Worker never sees a feed)', async () => {
    const res = await get('/feed.xml?limit=2', { headers: { 'Accept-Encoding': 'identity' } });
    expect(res.status).toBe(200);
    expect(res.headers.get(WORKER_HEADER)).toBeNull();
    expect(Buffer.from(await res.arrayBuffer()).equals(await readFile(path.join(out, 'public', 'feed.xml')))).toBe(true);
  });

  it('leaves the dynamic routes to the Worker', async () => {
    const health = await get('/healthz');
    expect(health.status).toBe(200);
    expect(health.headers.get(WORKER_HEADER)).toBe('tidings-worker');
    const digests = await get('/digests');
    expect(digests.status).toBe(200);
    expect(digests.headers.get(WORKER_HEADER)).toBe('tidings-worker');
    const bad = await get('/subscribe', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'not an address', scopes: ['all'] }),
    });
    expect(bad.status).toBeGreaterThanOrEqual(400);
    expect(bad.status).toBeLessThan(500);
    expect(bad.headers.get(WORKER_HEADER)).toBe('tidings-worker');
    const missing = await get('/no/such/page');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('Content-Type')).toContain('text/html');
  });

  it('cuts the digest from the built team indexes (admin preview, nothing sent)', async () => {
    const res = await get('/admin/digests/preview?format=json', { headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } });
    expect(res.status).toBe(200);
    const body = JSON.stringify(await res.json());
    const catalog = JSON.parse(await readFile(path.join(out, 'public', '_tidings', 'catalog.json'), 'utf8')) as { newest: string };
    // The first digest covers the latest week: its update is listed.
    expect(body).toContain(catalog.newest);
  });
});

describe('routing in wrangler.toml', () => {
  it('sends no request with a static file to the Worker (assets first, no run_worker_first)', async () => {
    const config = parseToml(await readFile(path.join(root, 'wrangler.toml'), 'utf8')) as { assets?: Record<string, unknown>; build?: unknown };
    expect(config.assets?.directory).toBe('./dist/public');
    expect(config.assets?.run_worker_first ?? false).toBe(false);
    // No [build]: `npm start` builds once, wrangler does not rebuild behind it.
    expect(config.build).toBeUndefined();
  });
});

/** Follows a feed's archive links from `start`, collecting each entry's link and each document read. */
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

function rawGet(p: string, acceptEncoding: string | undefined): Promise<{ encoding?: string; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const url = new URL(p, server.origin);
    const req = http.get(url, { headers: acceptEncoding ? { 'Accept-Encoding': acceptEncoding } : {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ encoding: res.headers['content-encoding'], body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}

/** Every current feed of the built output, from the manifest's parts. */
async function manifest(): Promise<{ version: string; feeds: FeedsPart['feeds'] }> {
  const read = (p: string) => readFile(path.join(out, 'public', ...p.slice(1).split('/')), 'utf8');
  const index = JSON.parse(await read('/_tidings/feeds.json')) as FeedsManifest;
  const feeds: FeedsPart['feeds'] = [];
  for (const part of index.parts) feeds.push(...(JSON.parse(await read(feedsPartPath(part.name))) as FeedsPart).feeds);
  return { version: index.version, feeds };
}

/** POST /admin/websub until a run leaves nothing: the runs' results. */
async function pingRest(): Promise<PingResult[]> {
  const runs: PingResult[] = [];
  for (let i = 0; i < 20; i++) {
    const res = await fetch(`${server.origin}/admin/websub`, { method: 'POST', headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } });
    expect(res.status).toBe(200);
    runs.push((await res.json()) as PingResult);
    if (runs.at(-1)!.remaining === 0) return runs;
  }
  throw new Error(`pings left after 20 runs: ${JSON.stringify(runs.at(-1))}`);
}

/**
 * Polls until `ok`. A request that fails outright (wrangler dev closes its connections while it
 * reloads the Worker with new files) counts as "not yet"; the last such failure is in the
 * timeout's message. A minute at most: a reload on a loaded 2-core machine took over 30 s.
 */
async function until(what: string, ok: () => boolean | Promise<boolean>, ms = 60_000): Promise<void> {
  const deadline = Date.now() + ms;
  let failed: unknown;
  const probe = async () => {
    try {
      return await ok();
    } catch (err) {
      if (!(err instanceof TypeError && err.message === 'fetch failed')) throw err;
      failed = err;
      return false;
    }
  };
  while (!(await probe())) {
    if (Date.now() > deadline) {
      // (The server may be reloading still: say so rather than fail on this request.)
      const state = await fetch(`${server.origin}/admin/websub`, { method: 'POST', headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } })
        .then((r) => r.text())
        .catch((err: unknown) => `no answer (${String((err as Error).cause ?? err)})`);
      throw new Error(`timed out waiting for ${what} (last failed request: ${String((failed as Error | undefined)?.cause ?? 'none')}); POST /admin/websub now says ${state.slice(0, 600)}; wrangler said:\n${server?.output().slice(-1500)}`);
    }
    await sleep(200);
  }
}

describe('WebSub', () => {
  it('announces the hub and each feed’s own URL in every format', async () => {
    const atom = await (await fetch(`${server.origin}/atom.xml`)).text();
    expect(atom).toContain(`<link rel="hub" href="${hubUrl}"/>`);
    expect(atom).toContain(`<link rel="self" href="${server.origin}/atom.xml"/>`);
    const rss = await (await fetch(`${server.origin}/teams/atlas/feed.xml`)).text();
    expect(rss).toContain(`<atom:link rel="hub" href="${hubUrl}"/>`);
    expect(rss).toContain(`<atom:link href="${server.origin}/teams/atlas/feed.xml" rel="self"`);
    const json = (await (await fetch(`${server.origin}/feed.json`)).json()) as { hubs: unknown; feed_url: string };
    expect(json.hubs).toEqual([{ type: 'WebSub', url: hubUrl }]);
    expect(json.feed_url).toBe(`${server.origin}/feed.json`);
  });

  it('pings the hub once for every feed of a new deploy, a run at most PINGS_PER_RUN, and not again', async () => {
    const feeds = await manifest();
    expect(feeds.feeds.length).toBeGreaterThan(PINGS_PER_RUN);
    // Any request the Worker answers notices the new content version.
    await (await fetch(`${server.origin}/healthz`)).text();
    await until('the first pings', () => pings.length >= PINGS_PER_RUN);
    await sleep(500);
    expect(pings.length).toBe(PINGS_PER_RUN);
    // The next runs (the crons; here the admin route) go on where it stopped.
    const runs = await pingRest();
    expect(runs[0]!.pinged.length).toBe(Math.min(PINGS_PER_RUN, feeds.feeds.length - PINGS_PER_RUN));
    expect(pings.every((p) => p.mode === 'publish')).toBe(true);
    expect(pings.map((p) => p.url).sort()).toEqual(feeds.feeds.map((f) => f.url).sort());
    const [again] = await pingRest();
    expect(again!.pinged).toEqual([]);
    expect(again!.unchanged).toBe(feeds.feeds.length);
    expect(pings.length).toBe(feeds.feeds.length);
  });

  it('after an edit, pings only the feeds whose content changed', async () => {
    const before = await manifest();
    pings.length = 0;
    await appendFile(path.join(out, 'content', 'atlas', 'updates', '2026-10-12.md'), '\n\nA note added after publishing, for the WebSub test.\n');
    // Rebuilt while wrangler dev serves the folder, as npm start rebuilds after an edit.
    const built = await buildAll({ ...options, served: true });
    if (!built.ok) throw new Error(built.messages);
    const after = await manifest();
    const old = new Map(before.feeds.map((f) => [f.url, f.hash]));
    const changed = after.feeds.filter((f) => old.get(f.url) !== f.hash).map((f) => f.url).sort();
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.length).toBeLessThan(after.feeds.length);
    // wrangler dev serves the new files once it has noticed them.
    await until('the new catalog', async () => {
      const res = await fetch(`${server.origin}/_tidings/feeds.json`);
      return ((await res.json()) as FeedsManifest).version === after.version;
    });
    // The Worker notices on a request once wrangler dev has reloaded it with the new files
    // (in production, files and Worker are deployed together).
    await until('the pings of the changed feeds', async () => {
      await (await fetch(`${server.origin}/healthz`)).text();
      return pings.length >= Math.min(changed.length, PINGS_PER_RUN);
    });
    await sleep(500);
    await pingRest();
    expect(pings.map((p) => p.url).sort()).toEqual(changed);
    expect(changed).toContain(`${server.origin}/teams/atlas/feed.xml`);
    expect(changed).not.toContain(`${server.origin}/teams/beacon/feed.xml`);
  });
});

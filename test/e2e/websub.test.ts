/**
 * WebSub end to end: a fake hub on a loopback port, the site built and served by wrangler dev
 * with WEBSUB_HUB pointing at it. Every feed announces the hub and itself; the first request
 * a new content version gets makes the Worker ping the hub, at most PINGS_PER_RUN feeds a run,
 * and the next runs go on until every feed was pinged once; after one update is edited and
 * the site rebuilt, only the feeds whose content changed are pinged; nothing is pinged twice.
 */
import { randomBytes } from 'node:crypto';
import { appendFile, cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAll, type BuildOptions } from '../../src/publish/build';
import { feedsPartPath, type FeedsManifest, type FeedsPart } from '../../src/publish/data';
import { PINGS_PER_RUN, type PingResult } from '../../src/websub/ping';
import { migratedState } from './wrangler-dev';
import { holdPort, root, sleep, startWranglerDev, type DevServer } from '../../scripts/wrangler-dev';

const ADMIN_TOKEN = `dev-${randomBytes(24).toString('hex')}`;

let work: string;
let server: DevServer;
let hub: http.Server;
let hubUrl: string;
const pings: Array<{ mode: string | null; url: string | null }> = [];
let options: BuildOptions;

/** Every current feed of the built output, from the manifest's parts. */
async function manifest(): Promise<{ version: string; feeds: FeedsPart['feeds'] }> {
  const read = (p: string) => readFile(path.join(work, 'public', ...p.slice(1).split('/')), 'utf8');
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

async function until(what: string, ok: () => boolean | Promise<boolean>, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > deadline) {
      const state = await fetch(`${server.origin}/admin/websub`, { method: 'POST', headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } }).then((r) => r.text());
      throw new Error(`timed out waiting for ${what}; POST /admin/websub now says ${state.slice(0, 600)}; wrangler said:\n${server?.output().slice(-1500)}`);
    }
    await sleep(200);
  }
}

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'tidings-websub-'));
  await cp(path.join(root, 'content'), path.join(work, 'content'), { recursive: true });
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
    content: path.join(work, 'content'),
    out: path.join(work, 'public'),
    config: path.join(root, 'wrangler.toml'),
    siteUrl: `http://127.0.0.1:${port}`,
    vars: { WEBSUB_HUB: hubUrl },
  };
  const built = await buildAll(options);
  if (!built.ok) throw new Error(built.messages);
  await migratedState(path.join(work, 'state'));
  await held.release();
  server = await startWranglerDev({
    port,
    persistTo: path.join(work, 'state'),
    args: ['--assets', path.join(work, 'public')],
    vars: { ENVIRONMENT: 'local', SIGNING_KEY: `dev-${randomBytes(32).toString('hex')}`, ADMIN_TOKEN, WEBSUB_HUB: hubUrl },
  });
}, 240_000);

afterAll(async () => {
  await server?.stop();
  await new Promise((resolve) => hub?.close(resolve));
  if (work) await rm(work, { recursive: true, force: true });
});

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
    await appendFile(path.join(work, 'content', 'atlas', 'updates', '2026-10-12.md'), '\n\nA note added after publishing, for the WebSub test.\n');
    const built = await buildAll(options);
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

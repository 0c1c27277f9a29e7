/**
 * Documents the build placed outside the static files (src/publish/overflow.ts) are answered by
 * the deployed Worker (src/http/overflow.ts) with the bytes and headers their static file
 * would have had: from a pack of the static output, or from R2 (miniflare's local R2 bucket,
 * bound as OVERFLOW by vitest.config.mts), kept in the edge cache under the content version.
 */
import { env } from 'cloudflare:workers';
import { beforeEach, describe, expect, it } from 'vitest';
import { createApp, createWorkerApp } from '../../src/app';
import type { Env } from '../../src/env';
import { FEED_XSL_PATH } from '../../src/feeds/xsl';
import { CATALOG_PATH, dataFiles } from '../../src/publish/data';
import { OVERFLOW_PATH, OVERFLOW_TIERS, packOf, packPath, type OverflowManifest, type Pack } from '../../src/publish/overflow';
import { fileOf } from '../../src/publish/paths';
import { fakeAssets, servedData } from '../assets';
import { site } from './subscribers.helpers';

const whole = createApp(site);
const milestone = site.milestones.find((m) => !m.parentKey)!;
const placedPaths = [`/milestones/${milestone.key}/feed.json`, `/milestones/${milestone.key}/badge.svg`, `/milestones/${milestone.key}/atom.xml`];
// The tiers that hold those paths (badges, Atom and JSON feeds): the RSS feed stays a file.
const tiers = OVERFLOW_TIERS.slice(0, 4).map((t) => t.source);

/** What the static build would write for a path: its bytes and headers (no per-response ones). */
async function asBuilt(path: string) {
  const r = await whole.request(path, { headers: { 'Accept-Encoding': 'identity' } }, env);
  expect(r.status).toBe(200);
  const headers: Record<string, string> = {};
  r.headers.forEach((v, k) => {
    if (!['etag', 'last-modified', 'content-length', 'vary', 'date'].includes(k)) headers[k] = v;
  });
  return { body: await r.text(), headers };
}

const patternOf = (path: string) => (path.endsWith('badge.svg') ? '/milestones/:key/badge.svg' : `/*${path.slice(path.lastIndexOf('/'))}`);

/** The Worker over a static output (a stand-in for ASSETS) holding the data files, the manifest and the packs. */
async function deployed(store: 'packs' | 'r2') {
  const files = new Map(dataFiles(site).map((f) => [f.path, f.text]));
  const manifest: OverflowManifest = { version: site.version, store, packs: store === 'packs' ? 2 : 0, tiers, paths: [], headers: {} };
  const packs = new Map<number, Pack>();
  for (const path of placedPaths) {
    const built = await asBuilt(path);
    manifest.headers[patternOf(path)] = built.headers;
    if (store === 'packs') {
      const n = packOf(path, manifest.packs);
      if (!packs.has(n)) packs.set(n, { files: {} });
      packs.get(n)!.files[path] = { pattern: patternOf(path), hash: `hash-of-${path.length}`, body: built.body };
    } else {
      await env.OVERFLOW!.put(fileOf(path), built.body);
    }
  }
  files.set(OVERFLOW_PATH, JSON.stringify(manifest));
  for (const [n, pack] of packs) files.set(packPath(n), JSON.stringify(pack));
  const { assets, reads } = fakeAssets(files);
  const { catalog } = servedData(site);
  const app = createWorkerApp(catalog);
  const e = { ...env, ASSETS: assets } as Env;
  return { request: (path: string, init: RequestInit = {}) => app.request(`https://tidings.test${path}`, init, e), reads, files };
}

describe('documents placed beyond the static files', () => {
  beforeEach(async () => {
    // Each test starts from an empty edge cache and bucket.
    for (const path of placedPaths) await caches.default.delete(`https://tidings.test${path}?v=${encodeURIComponent(site.version)}`);
    const listed = await env.OVERFLOW!.list();
    if (listed.objects.length > 0) await env.OVERFLOW!.delete(listed.objects.map((o) => o.key));
  });

  for (const store of ['packs', 'r2'] as const) {
    it(`are answered from ${store} with the bytes and headers of their static file`, async () => {
      const w = await deployed(store);
      for (const path of placedPaths) {
        const built = await asBuilt(path);
        const r = await w.request(path);
        expect(r.status, path).toBe(200);
        expect(await r.text(), path).toBe(built.body);
        for (const [name, value] of Object.entries(built.headers)) expect(r.headers.get(name), `${path} ${name}`).toBe(value);
        // A strong validator: a reader's conditional GET is answered 304.
        const etag = r.headers.get('ETag')!;
        expect(etag).toMatch(/^"[^"]+"$/);
        const again = await w.request(path, { headers: { 'If-None-Match': etag } });
        expect(again.status).toBe(304);
      }
    });
  }

  it('are kept in the edge cache: a second request reads neither pack nor bucket', async () => {
    const w = await deployed('r2');
    const path = placedPaths[0]!;
    const first = await (await w.request(path)).text();
    await env.OVERFLOW!.delete(fileOf(path));
    const second = await w.request(path);
    expect(second.status).toBe(200);
    expect(await second.text()).toBe(first);

    const p = await deployed('packs');
    await p.request(placedPaths[1]!);
    const readsBefore = p.reads.filter((r) => r.startsWith('/_tidings/packs/')).length;
    await p.request(placedPaths[1]!);
    expect(p.reads.filter((r) => r.startsWith('/_tidings/packs/')).length).toBe(readsBefore);
  });

  it('a path no tier holds, or no pack has, is the HTML 404, without reading the bucket', async () => {
    const w = await deployed('packs');
    const missing = await w.request('/milestones/no-such-milestone/badge.svg');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('Content-Type')).toMatch(/text\/html/);
    // The RSS feed was not placed: the Worker does not look for it (the static file answers it).
    const before = w.reads.length;
    expect((await w.request(`/milestones/${milestone.key}/feed.xml`)).status).toBe(404);
    expect(w.reads.slice(before)).toEqual([]);
    // A trailing slash is redirected to the document, as the static file's would be.
    const slash = await w.request(`${placedPaths[0]}/`);
    expect(slash.status).toBe(307);
    expect(slash.headers.get('Location')).toBe(placedPaths[0]);
    // Static files the Worker never serves stay out of it.
    expect((await w.request(FEED_XSL_PATH)).status).toBe(404);
    expect(w.files.has(CATALOG_PATH)).toBe(true);
  });
});

/**
 * The Worker's side of a site larger than the static files allow (src/publish/overflow.ts):
 * a GET for a document the build placed in a pack or in R2 is answered with the bytes and the
 * headers its static file would have had (the `_headers` rule of its pattern, a strong ETag),
 * and kept in the edge cache (Cache API) under the content version, so that a deploy never
 * serves an old copy and most requests read nothing. What a request holds is one pack (at most
 * PACK_FILES documents) or one streamed R2 object: nothing grows with the site.
 */
import type { Context } from 'hono';
import type { AppEnv, Env } from '../env';
import { fileOf } from '../publish/paths';
import { isPlaced, OVERFLOW_PATH, packOf, packPath, type OverflowManifest, type Pack } from '../publish/overflow';

/** Any absolute URL will do: the ASSETS binding only looks at the path. */
const ASSETS_ORIGIN = 'https://assets.invalid';

/** `_headers` pattern (`:name` one segment, `*` anything) as a regular expression. */
export function patternRegex(pattern: string): RegExp {
  const source = pattern
    .split(/(:[A-Za-z_][A-Za-z0-9_]*|\*)/)
    .map((part) => (part === '*' ? '.*' : part.startsWith(':') ? '[^/]+' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`);
}

/**
 * Serves placed documents for one catalog version: the manifest is read once (a few hundred
 * bytes), or found absent (nothing placed) and then never asked again.
 */
export function overflowServer(version: string) {
  let manifest: Promise<OverflowManifest | null> | undefined;
  const load = (env: Env) => {
    manifest ??= env.ASSETS.fetch(new Request(`${ASSETS_ORIGIN}${OVERFLOW_PATH}`)).then(async (r) => {
      if (r.status === 404) return null;
      if (!r.ok) throw new Error(`${OVERFLOW_PATH}: the static output answered ${r.status}`);
      return (await r.json()) as OverflowManifest;
    });
    manifest.catch(() => (manifest = undefined));
    return manifest;
  };

  /** The placed document at this path, or undefined when there is none (the caller answers 404). */
  return async (c: Context<AppEnv>): Promise<Response | undefined> => {
    if ((c.req.method !== 'GET' && c.req.method !== 'HEAD') || !c.env.ASSETS) return undefined;
    // A manifest that cannot be read leaves the path to the 404 it would have had (and is asked again).
    const placed = await load(c.env).catch((error: unknown) => {
      console.error(`${OVERFLOW_PATH}: ${error instanceof Error ? error.message : String(error)}`);
      return null;
    });
    if (!placed || placed.version !== version) return undefined;
    const path = c.req.path;
    // `/milestones/x/` of a placed page: redirected like its static file would be (html_handling).
    if (path.length > 1 && path.endsWith('/') && isPlaced(placed, path.slice(0, -1))) {
      const url = new URL(c.req.url);
      return c.redirect(`${path.slice(0, -1)}${url.search}`, 307);
    }
    if (!isPlaced(placed, path)) return undefined;
    // The edge cache, keyed by the content version: a new deploy is a new key.
    const cache = typeof caches !== 'undefined' ? caches.default : undefined;
    const key = new Request(`${new URL(c.req.url).origin}${path}?v=${encodeURIComponent(placed.version)}`);
    let response = await cache?.match(key);
    if (!response) {
      const found = await readPlaced(c.env, placed, path);
      if (!found) return undefined;
      const headers = new Headers(placed.headers[found.pattern] ?? {});
      headers.set('ETag', `"${found.hash}"`);
      response = new Response(found.body, { headers });
      if (cache) {
        const stored = response.clone();
        const put = cache.put(key, stored).catch(() => undefined);
        try {
          c.executionCtx.waitUntil(put);
        } catch {
          await put;
        }
      }
    }
    const etag = response.headers.get('ETag');
    const match = c.req.header('If-None-Match');
    if (etag && match && match.split(',').some((t) => t.trim().replace(/^W\//, '') === etag)) {
      return new Response(null, { status: 304, headers: response.headers });
    }
    return c.req.method === 'HEAD' ? new Response(null, { headers: response.headers }) : new Response(response.body, { headers: response.headers });
  };
}

async function readPlaced(env: Env, manifest: OverflowManifest, path: string): Promise<{ body: BodyInit; hash: string; pattern: string } | undefined> {
  if (manifest.store === 'packs') {
    const r = await env.ASSETS.fetch(new Request(`${ASSETS_ORIGIN}${packPath(packOf(path, manifest.packs))}`));
    if (!r.ok) return undefined;
    const entry = ((await r.json()) as Pack).files[path];
    return entry ? { body: entry.body, hash: entry.hash, pattern: entry.pattern } : undefined;
  }
  if (!env.OVERFLOW) throw new Error('OVERFLOW_STORE is "r2" but no R2 bucket is bound as OVERFLOW (wrangler.toml [[r2_buckets]])');
  const object = await env.OVERFLOW.get(fileOf(path));
  if (!object) return undefined;
  const pattern = Object.keys(manifest.headers).find((p) => patternRegex(p).test(path)) ?? '';
  // R2's own ETag (an MD5 of the bytes): strong, and it changes with them.
  return { body: object.body, hash: object.etag, pattern };
}

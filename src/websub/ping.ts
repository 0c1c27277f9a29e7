/**
 * WebSub publisher side (W3C WebSub §7): every feed announces the hub (`rel="hub"`, from
 * WEBSUB_HUB at build time) and its own URL (`rel="self"`); when a deploy changes a feed's
 * content, the hub is told once (`hub.mode=publish`, `hub.url=<feed>`) and fetches it.
 * What the hub was last told about each feed is kept in D1 (migrations/0005_websub.sql).
 * Triggered by the first request an isolate of a new content version answers, by the crons
 * (which retry what failed and go on with what a run left), and by POST /admin/websub.
 *
 * A run holds one part of the feeds manifest at a time (a team's feeds, or the site's) and
 * its D1 rows, never every feed of the site, and sends at most PINGS_PER_RUN pings (the
 * Workers Free plan allows 50 subrequests per invocation): a deploy that changes more feeds
 * is announced over the next runs.
 */
import type { Env } from '../env';
import { websubHub } from '../feeds/config';
import { FEEDS_MANIFEST_PATH, feedsPartPath, type FeedsManifest, type FeedsPart } from '../publish/data';

export type WebSubEnv = Pick<Env, 'DB' | 'ASSETS' | 'WEBSUB_HUB'>;

export interface PingResult {
  hub?: string;
  /** Content version of the static output checked. */
  version?: string;
  /** Feeds whose content changed since the hub was last told, and which it was told about now. */
  pinged: string[];
  /** Feeds the hub did not accept (tried again by the next run). */
  failed: Array<{ url: string; status: number | string }>;
  unchanged: number;
  /** Changed feeds left for the next run (PINGS_PER_RUN was reached). */
  remaining: number;
  /** Why nothing was done, when nothing was. */
  skipped?: 'not-configured' | 'already-checked';
}

const ASSETS_ORIGIN = 'https://assets.invalid';

/** Pings one run sends at most. */
export const PINGS_PER_RUN = 40;

async function read<T>(assets: Fetcher, path: string): Promise<T> {
  const response = await assets.fetch(new Request(`${ASSETS_ORIGIN}${path}`));
  if (!response.ok) throw new Error(`${path}: the static output answered ${response.status}`);
  return (await response.json()) as T;
}

/**
 * Claims the content version for this run: true for exactly one caller per version (the
 * others see it claimed). The cron and the admin route pass `force` to check anyway.
 */
async function claim(db: D1Database, version: string, now: Date): Promise<boolean> {
  const result = await db
    .prepare(
      `INSERT INTO websub_state (id, site_version, claimed_at) VALUES (1, ?1, ?2)
       ON CONFLICT (id) DO UPDATE SET site_version = excluded.site_version, claimed_at = excluded.claimed_at
       WHERE websub_state.site_version <> excluded.site_version`,
    )
    .bind(version, now.toISOString())
    .run();
  return (result.meta.changes ?? 0) > 0;
}

/** Pings the hub for each feed whose content changed since it was last pinged. */
export async function pingChangedFeeds(
  env: WebSubEnv,
  options: { force?: boolean; now?: Date; fetcher?: typeof fetch; budget?: number } = {},
): Promise<PingResult> {
  const hub = websubHub(env.WEBSUB_HUB);
  if (!hub) return { pinged: [], failed: [], unchanged: 0, remaining: 0, skipped: 'not-configured' };
  const now = options.now ?? new Date();
  const budget = options.budget ?? PINGS_PER_RUN;
  const manifest = await read<FeedsManifest>(env.ASSETS, FEEDS_MANIFEST_PATH);
  if (!(await claim(env.DB, manifest.version, now)) && !options.force) {
    return { hub, version: manifest.version, pinged: [], failed: [], unchanged: 0, remaining: 0, skipped: 'already-checked' };
  }
  const { results: parts } = await env.DB.prepare('SELECT part, content_hash FROM websub_parts').all<{ part: string; content_hash: string }>();
  const done = new Map(parts.map((r) => [r.part, r.content_hash]));
  const result: PingResult = { hub, version: manifest.version, pinged: [], failed: [], unchanged: 0, remaining: 0 };
  const send = options.fetcher ?? fetch;
  for (const part of manifest.parts) {
    if (done.get(part.name) === part.hash) {
      result.unchanged += part.feeds;
      continue;
    }
    if (result.pinged.length + result.failed.length >= budget) {
      result.remaining += part.feeds; // at most: some may be unchanged
      continue;
    }
    const { feeds } = await read<FeedsPart>(env.ASSETS, feedsPartPath(part.name));
    const { results } = await env.DB.prepare('SELECT feed_url, content_hash FROM websub_feeds WHERE part = ?').bind(part.name).all<{ feed_url: string; content_hash: string }>();
    const known = new Map(results.map((r) => [r.feed_url, r.content_hash]));
    let complete = true;
    for (const feed of feeds) {
      if (known.get(feed.url) === feed.hash) {
        result.unchanged++;
        continue;
      }
      if (result.pinged.length + result.failed.length >= budget) {
        result.remaining++;
        complete = false;
        continue;
      }
      const status = await ping(send, hub, feed.url);
      if (typeof status === 'number' && status >= 200 && status < 300) {
        await env.DB.prepare(
          `INSERT INTO websub_feeds (feed_url, content_hash, pinged_at, part) VALUES (?1, ?2, ?3, ?4)
           ON CONFLICT (feed_url) DO UPDATE SET content_hash = excluded.content_hash, pinged_at = excluded.pinged_at, part = excluded.part`,
        )
          .bind(feed.url, feed.hash, now.toISOString(), part.name)
          .run();
        result.pinged.push(feed.url);
      } else {
        result.failed.push({ url: feed.url, status });
        complete = false;
      }
    }
    // Every feed of the part is as the hub was last told: the next runs skip it unread.
    if (complete) {
      await env.DB.prepare(
        `INSERT INTO websub_parts (part, content_hash, pinged_at) VALUES (?1, ?2, ?3)
         ON CONFLICT (part) DO UPDATE SET content_hash = excluded.content_hash, pinged_at = excluded.pinged_at`,
      )
        .bind(part.name, part.hash, now.toISOString())
        .run();
    }
  }
  return result;
}

/** One publish notification: the hub's status, or why there was none. */
async function ping(send: typeof fetch, hub: string, url: string): Promise<number | string> {
  try {
    const response = await send(hub, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ 'hub.mode': 'publish', 'hub.url': url }).toString(),
      signal: AbortSignal.timeout(10_000),
    });
    await response.body?.cancel();
    return response.status;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

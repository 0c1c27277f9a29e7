/**
 * WebSub publisher side (W3C WebSub §7): every feed announces the hub (`rel="hub"`, from
 * WEBSUB_HUB at build time) and its own URL (`rel="self"`); when a deploy changes a feed's
 * content, the hub is told once (`hub.mode=publish`, `hub.url=<feed>`) and fetches it.
 * What the hub was last told about each feed is kept in D1 (migrations/0005_websub.sql).
 * Triggered by the first request an isolate of a new content version answers, by the cron
 * (which retries what failed), and by POST /admin/websub.
 */
import type { Env } from '../env';
import { websubHub } from '../feeds/config';
import { FEEDS_MANIFEST_PATH, type FeedsManifest } from '../publish/data';

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
  /** Why nothing was done, when nothing was. */
  skipped?: 'not-configured' | 'already-checked';
}

const ASSETS_ORIGIN = 'https://assets.invalid';

async function manifest(assets: Fetcher): Promise<FeedsManifest> {
  const response = await assets.fetch(new Request(`${ASSETS_ORIGIN}${FEEDS_MANIFEST_PATH}`));
  if (!response.ok) throw new Error(`${FEEDS_MANIFEST_PATH}: the static output answered ${response.status}`);
  return (await response.json()) as FeedsManifest;
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
  options: { force?: boolean; now?: Date; fetcher?: typeof fetch } = {},
): Promise<PingResult> {
  const hub = websubHub(env.WEBSUB_HUB);
  if (!hub) return { pinged: [], failed: [], unchanged: 0, skipped: 'not-configured' };
  const now = options.now ?? new Date();
  const feeds = await manifest(env.ASSETS);
  if (!(await claim(env.DB, feeds.version, now)) && !options.force) {
    return { hub, version: feeds.version, pinged: [], failed: [], unchanged: 0, skipped: 'already-checked' };
  }
  const { results } = await env.DB.prepare('SELECT feed_url, content_hash FROM websub_feeds').all<{ feed_url: string; content_hash: string }>();
  const known = new Map(results.map((r) => [r.feed_url, r.content_hash]));
  const result: PingResult = { hub, version: feeds.version, pinged: [], failed: [], unchanged: 0 };
  const send = options.fetcher ?? fetch;
  for (const feed of feeds.feeds) {
    if (known.get(feed.url) === feed.hash) {
      result.unchanged++;
      continue;
    }
    let status: number | string;
    try {
      const response = await send(hub, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ 'hub.mode': 'publish', 'hub.url': feed.url }).toString(),
        signal: AbortSignal.timeout(10_000),
      });
      await response.body?.cancel();
      status = response.status;
    } catch (error) {
      status = error instanceof Error ? error.message : String(error);
    }
    if (typeof status === 'number' && status >= 200 && status < 300) {
      await env.DB.prepare(
        `INSERT INTO websub_feeds (feed_url, content_hash, pinged_at) VALUES (?1, ?2, ?3)
         ON CONFLICT (feed_url) DO UPDATE SET content_hash = excluded.content_hash, pinged_at = excluded.pinged_at`,
      )
        .bind(feed.url, feed.hash, now.toISOString())
        .run();
      result.pinged.push(feed.url);
    } else {
      result.failed.push({ url: feed.url, status });
    }
  }
  return result;
}

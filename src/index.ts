/**
 * The Worker: the dynamic HTTP routes (Hono app), the weekly cron (cut a digest, enqueue its
 * recipients) and the queue consumer (send the digest, retry, dead-letter). It holds no
 * content: feeds and pages are static assets served without it, and what it needs of the
 * content (the catalog of teams and milestones, one team's index at a time for a digest
 * cut) it reads from the static output through the ASSETS binding.
 */
import type { Hono } from 'hono';
import type { CatalogSource } from './catalog';
import type { DeliveryMessage } from './digest';
import type { AppEnv, Env } from './env';
import { env as startupEnv } from 'cloudflare:workers';
import { startupProblems } from './http/secrets';

/** Routes, digest, mail: loaded on first use, so that start-up stays small (src/runtime.ts). */
const runtime = () => import('./runtime');

// Refused at start: secrets that are set but unusable are reported once, when the Worker loads.
for (const problem of startupProblems((startupEnv ?? {}) as Partial<Env>)) console.error(`configuration refused at start: ${problem}`);

interface Loaded {
  catalog: CatalogSource;
  app: Hono<AppEnv>;
}

let loaded: Promise<Loaded & { etag: string | null }> | undefined;

/**
 * The catalog of the deployed static output and the app over it. Assets and Worker are
 * deployed together, so one load per isolate is enough in production; under wrangler dev a
 * rebuild replaces files under a running isolate, so the catalog is revalidated (ETag) there.
 */
async function current(env: Env, ctx?: { waitUntil(promise: Promise<unknown>): void }): Promise<Loaded> {
  const { createWorkerApp, loadCatalog } = await runtime();
  const held = loaded ? await loaded.catch(() => undefined) : undefined;
  if (held && env.ENVIRONMENT !== 'local' && env.ENVIRONMENT !== 'test') return held;
  const load = loadCatalog(env.ASSETS, held?.etag ?? undefined).then((fresh) => {
    if (!fresh) return held!;
    // A content version this isolate has not seen: after a deploy, tell the WebSub hub
    // about the feeds that changed (once per version across isolates: D1 decides).
    if (ctx && fresh.catalog.version !== held?.catalog.version) ctx.waitUntil(pingQuietly(env));
    return { catalog: fresh.catalog, etag: fresh.etag, app: createWorkerApp(fresh.catalog) };
  });
  loaded = load;
  return load;
}

async function pingQuietly(env: Env, force = false): Promise<void> {
  try {
    const { pingChangedFeeds } = await runtime();
    const result = await pingChangedFeeds(env, { force });
    if (result.pinged.length > 0 || result.failed.length > 0) {
      console.log(
        `websub: ${result.pinged.length} feed(s) pinged at ${result.hub}, ${result.failed.length} failed, ${result.unchanged} unchanged` +
          (result.remaining > 0 ? `, ${result.remaining} left for the next run` : ''),
      );
    }
  } catch (error) {
    console.error(`websub: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export default {
  async fetch(request, env, ctx) {
    let app: Hono<AppEnv>;
    try {
      ({ app } = await current(env, ctx));
    } catch (error) {
      loaded = undefined;
      const { problemResponse } = await runtime();
      return problemResponse(
        { status: 503, title: 'Site not built', detail: error instanceof Error ? error.message : String(error) },
        { 'Cache-Control': 'no-store', 'Retry-After': '30' },
      );
    }
    return app.fetch(request, env, ctx);
  },

  async scheduled(controller, env, _ctx) {
    const { catalog } = await current(env);
    const { announceNewUpdates, HOURLY_CRON, resumeStuckMail, runDigestCron } = await runtime();
    const now = new Date(controller.scheduledTime);
    // The hourly trigger mails readers who chose "as it happens" (src/digest/instant.ts).
    if (controller.cron === HOURLY_CRON) {
      const r = await announceNewUpdates(env, catalog, now);
      if (!r.unchanged) console.log(r.baseline ? 'as-it-happens: first run, recorded what is published' : `as-it-happens: ${r.announced.length} new updates, ${r.queued} messages queued`);
      // Mail whose queue message was lost or whose consumer died (src/mail/outbox.ts).
      await resumeStuckMail(env, now);
      // Feeds a run left (more changed than one run pings) or failed to ping, every hour.
      await pingQuietly(env, true);
      return;
    }
    // Cut this period's digest (unless the configuration would fail every send), resume
    // deliveries left stuck, prune old delivery rows: src/digest/cron.ts.
    await runDigestCron(env, catalog, now);
    // Feeds whose ping failed or never happened (no request since the deploy) are pinged now.
    await pingQuietly(env, true);
  },

  async queue(batch, env) {
    // Delivery events (bounces, complaints) of Cloudflare Email Service: src/subscribers/events.ts.
    const { handleDigestQueue, handleMailEventQueue } = await runtime();
    if (batch.queue.startsWith('tidings-mail-events')) return handleMailEventQueue(batch as MessageBatch<unknown>, env);
    const { catalog } = await current(env);
    await handleDigestQueue(batch as MessageBatch<DeliveryMessage>, env, catalog);
  },
} satisfies ExportedHandler<Env, DeliveryMessage | unknown>;

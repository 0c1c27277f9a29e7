/**
 * The Worker: HTTP (Hono app), the weekly cron (cut a digest, enqueue its recipients) and
 * the queue consumer (send the digest, retry, dead-letter).
 */
import { createApp } from './app';
import { handleDigestQueue, runDigestCron, type DigestBatch } from './digest';
import type { Env } from './env';
import { site } from './site';

const app = createApp(site);

export default {
  fetch: app.fetch,

  async scheduled(controller, env, _ctx) {
    // Cut this period's digest (unless the configuration would fail every send), resume
    // deliveries left stuck, prune old delivery rows: src/digest/cron.ts.
    await runDigestCron(env, site, new Date(controller.scheduledTime));
  },

  async queue(batch, env) {
    await handleDigestQueue(batch, env, site);
  },
} satisfies ExportedHandler<Env, DigestBatch>;

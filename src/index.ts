/**
 * The Worker: HTTP (Hono app), the weekly cron (cut a digest, enqueue its recipients) and
 * the queue consumer (send the digest, retry, dead-letter).
 */
import { createApp } from './app';
import { handleDigestQueue, runDigestCron, type DigestBatch } from './digest';
import type { Env } from './env';
import { site } from './site';
import { env as startupEnv } from 'cloudflare:workers';
import { startupProblems } from './http/secrets';

// Refused at start: secrets that are set but unusable are reported once, when the Worker loads.
for (const problem of startupProblems((startupEnv ?? {}) as Partial<Env>)) console.error(`configuration refused at start: ${problem}`);

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

/**
 * The Worker: HTTP (Hono app), the weekly cron (cut a digest, enqueue its recipients) and
 * the queue consumer (send the digest, retry, dead-letter).
 */
import { createApp } from './app';
import { cutDigest, digestPeriod, handleDigestQueue, type DigestBatch } from './digest';
import type { Env } from './env';
import { site } from './site';
import { announceNewUpdates, HOURLY_CRON } from './digest/instant';

const app = createApp(site);

export default {
  fetch: app.fetch,

  async scheduled(controller, env, _ctx) {
    const now = new Date(controller.scheduledTime);
    // The hourly trigger mails readers who chose "as it happens" (src/digest/instant.ts).
    if (controller.cron === HOURLY_CRON) {
      const r = await announceNewUpdates(env, site, now);
      console.log(r.baseline ? 'as-it-happens: first run, recorded what is published' : `as-it-happens: ${r.announced.length} new updates, ${r.sent} sent, ${r.failed} failed`);
      return;
    }
    const result = await cutDigest(env, site, { period: digestPeriod(now, env.DIGEST_PERIOD), now });
    console.log(
      result.created
        ? `digest ${result.digest.id} (${result.digest.period}): "${result.digest.subject}", ${result.digest.recipients} recipients in ${result.batches} batches`
        : `digest for ${result.digest.period} already cut (id ${result.digest.id}): ${
            result.batches > 0 ? `re-enqueued ${result.batches} batches of recipients never attempted` : 'nothing to do'
          }`,
    );
  },

  async queue(batch, env) {
    await handleDigestQueue(batch, env, site);
  },
} satisfies ExportedHandler<Env, DigestBatch>;

/**
 * What the cron does besides cutting: nothing stays stuck (rows left `sending` by a consumer
 * that died are reclaimed once their claim expired, and pending rows no queue message handles
 * are enqueued again), and old delivery rows are summarised and deleted (retention).
 * `POST /admin/digests/:id/resume` runs the same reclaim for one digest at once.
 */
import type { CatalogSource } from '../catalog';
import type { Env } from '../env';
import { cutDigest, digestPeriod, enqueueRecipients, type CutResult } from './cut';
import { DigestConfigError } from './preflight';
import { pruneDeliveries, reclaimStuck, STALE_CLAIM_MS } from './store';
import { enqueueMail, reclaimStuckMail, STALE_MAIL_CLAIM_MS } from '../mail/outbox';

export const DEFAULT_RETENTION_DAYS = 90;

/** `DELIVERY_RETENTION_DAYS` (default 90): delivery rows older than this are summarised and deleted. */
export function retentionDays(env: Pick<Env, 'DELIVERY_RETENTION_DAYS'>): number {
  const n = Number(env.DELIVERY_RETENTION_DAYS);
  return Number.isInteger(n) && n > 0 ? n : DEFAULT_RETENTION_DAYS;
}

export interface ResumeResult {
  /** Rows taken back from claims (sending → pending). */
  reclaimed: number;
  /** Recipients enqueued again. */
  enqueued: number;
  /** Queue messages sent. */
  batches: number;
}

async function enqueueWaiting(env: Env, waiting: Map<number, Array<{ id: number; email: string; scopeSet: string }>>): Promise<{ enqueued: number; batches: number }> {
  let enqueued = 0;
  let batches = 0;
  for (const [digestId, recipients] of waiting) {
    batches += await enqueueRecipients(env, digestId, recipients);
    enqueued += recipients.length;
  }
  return { enqueued, batches };
}

/**
 * Cron: reclaims claims older than the claim window (their consumer died) and enqueues again
 * every pending row untouched for that long (its queue message was lost).
 */
export async function resumeStuckDeliveries(env: Env, now: Date): Promise<ResumeResult> {
  const cutoff = new Date(now.getTime() - STALE_CLAIM_MS);
  const { reclaimed, waiting } = await reclaimStuck(env.DB, now, { claimCutoff: cutoff, idleCutoff: cutoff });
  return { reclaimed, ...(await enqueueWaiting(env, waiting)) };
}

/**
 * Admin resume of one digest, at once: every claim on it is taken back (the operator knows the
 * consumer is gone; should it still be running, its outcomes are no longer recorded and the
 * idempotency key keeps the retry from making a second copy) and every pending row enqueued.
 */
export async function resumeDigest(env: Env, digestId: number, now: Date): Promise<ResumeResult> {
  const { reclaimed, waiting } = await reclaimStuck(env.DB, now, { digestId, claimCutoff: new Date(now.getTime() + 1), idleCutoff: new Date(now.getTime() + 1) });
  return { reclaimed, ...(await enqueueWaiting(env, waiting)) };
}

/**
 * Outbox rows (src/mail/outbox.ts) left behind: claims of a consumer that died are taken back,
 * rows whose queue message was lost are enqueued again. Hourly and weekly: a confirmation must
 * not wait a week.
 */
export async function resumeStuckMail(env: Pick<Env, 'DB' | 'DIGEST_QUEUE'>, now: Date): Promise<ResumeResult> {
  const cutoff = new Date(now.getTime() - STALE_MAIL_CLAIM_MS);
  const { reclaimed, waiting } = await reclaimStuckMail(env.DB, now, { claimCutoff: cutoff, idleCutoff: cutoff });
  const batches = waiting.length > 0 ? await enqueueMail(env.DIGEST_QUEUE, waiting) : 0;
  if (reclaimed > 0 || waiting.length > 0) console.log(`mail resumed: ${reclaimed} expired claims taken back, ${waiting.length} messages enqueued again`);
  return { reclaimed, enqueued: waiting.length, batches };
}

/** The scheduled handler's work: cut (unless the configuration refuses it), resume, prune. Each step runs whatever the others did. */
export async function runDigestCron(env: Env, catalog: CatalogSource, now: Date): Promise<void> {
  try {
    const result: CutResult = await cutDigest(env, catalog, { period: digestPeriod(now, env.DIGEST_PERIOD), now });
    console.log(
      result.created
        ? `digest ${result.digest.id} (${result.digest.period}): "${result.digest.subject}", ${result.digest.recipients} recipients in ${result.batches} batches`
        : `digest for ${result.digest.period} already cut (id ${result.digest.id}): ${
            result.batches > 0 ? `re-enqueued ${result.batches} batches of recipients never attempted` : 'nothing to do'
          }`,
    );
  } catch (error) {
    if (!(error instanceof DigestConfigError)) throw error;
    console.error(`digest cut refused, the period stays open: ${error.problems.join('; ')}`);
  }
  const resumed = await resumeStuckDeliveries(env, now);
  if (resumed.reclaimed > 0 || resumed.enqueued > 0) {
    console.log(`deliveries resumed: ${resumed.reclaimed} expired claims taken back, ${resumed.enqueued} recipients enqueued again in ${resumed.batches} batches`);
  }
  await resumeStuckMail(env, now);
  const pruned = await pruneDeliveries(env.DB, now, retentionDays(env));
  if (pruned.rows > 0) console.log(`retention: ${pruned.rows} delivery rows of ${pruned.digests} digests summarised and deleted (older than ${retentionDays(env)} days)`);
}

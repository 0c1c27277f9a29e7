/**
 * Cutting a digest: diff the site against the last snapshot, decide who gets mail, store it
 * all in one transaction, then enqueue the recipients in batches for the queue consumer.
 */
import { catalogFrom, type CatalogSource } from '../catalog';
import type { SiteModel } from '../content/model';
import type { Env } from '../env';
import { listActiveSubscribers } from '../subscribers';
import { changesByTeam } from './by-team';
import { isEmpty, type Changes } from './changes';
import { filterChanges, FIRST, readerSetKey } from './scope';
import { SnapshotText } from './snapshot-parts';
import { findDigestByPeriod, firstTimers, insertDigest, previousSnapshot, unattemptedRecipients, type Digest } from './store';
import { assertDigestConfig } from './preflight';
import { digestSubject } from './subject';

/** What one queue message carries: a batch of recipients of one digest. */
export interface DigestBatch {
  digestId: number;
  recipients: Array<{ id: number; email: string; scopeSet: string }>;
}

/** Recipients per queue message: one claim and one status write per message. */
export const RECIPIENTS_PER_MESSAGE = 50;
/** Queues accept at most 100 messages and 256 KB per sendBatch call. */
const MESSAGES_PER_SEND = 100;
const BYTES_PER_SEND = 200 * 1024;

/** The digest needs the whole configuration: everything a send depends on is checked before the cut. */
export type DigestEnv = Env;

/** ISO 8601 week of a moment, `2026-W48`: the period a weekly cron run belongs to. */
export function isoWeek(at: Date): string {
  // The Thursday of the week decides its year; weeks count from the year's first Thursday.
  const d = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  d.setUTCDate(d.getUTCDate() + 4 - (d.getUTCDay() || 7));
  const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((d.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${d.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/**
 * The period a cron run belongs to: at most one digest per period, however often the cron
 * fires or a scheduled event is retried. `DIGEST_PERIOD` = week (default), day or hour, to
 * match a cron schedule more frequent than weekly.
 */
export function digestPeriod(at: Date, granularity: string | undefined): string {
  const iso = at.toISOString();
  switch ((granularity ?? 'week').trim()) {
    case 'hour':
      return `${iso.slice(0, 13)}h`;
    case 'day':
      return iso.slice(0, 10);
    default:
      return isoWeek(at);
  }
}

export function quietWeeks(env: Pick<Env, 'QUIET_WEEKS'>): number {
  const n = Number(env.QUIET_WEEKS);
  return Number.isInteger(n) && n > 0 ? n : 3;
}

/**
 * The changes since the last digest, read team by team from the catalog (the build's team
 * indexes in the Worker; see src/catalog.ts) and the last snapshot's rows; with `snapshot`,
 * the new snapshot is handed to it team by team, to be stored with the digest.
 */
export async function pendingCut(env: Pick<Env, 'DB' | 'QUIET_WEEKS'>, content: CatalogSource | SiteModel, snapshot?: SnapshotText): Promise<Changes> {
  // With where every team stands: what a reader's first digest shows.
  return changesByTeam(catalogFrom(content), await previousSnapshot(env.DB), { quietWeeks: quietWeeks(env), state: snapshot !== undefined }, snapshot);
}

/** The changes since the last digest, without storing anything (previews). */
export async function pendingChanges(env: Pick<Env, 'DB' | 'QUIET_WEEKS'>, content: CatalogSource | SiteModel): Promise<Changes> {
  return pendingCut(env, content);
}

export interface CutResult {
  digest: Digest;
  /** False when the period already had its digest (nothing new was stored). */
  created: boolean;
  /** Queue messages sent (for an existing digest: its recipients never attempted, if any). */
  batches: number;
}

export async function cutDigest(env: DigestEnv, content: CatalogSource | SiteModel, options: { period: string; now: Date }): Promise<CutResult> {
  const catalog = catalogFrom(content);
  // A configuration that would fail every send refuses the cut: nothing is stored, the period stays open.
  assertDigestConfig(env, catalog);
  const existing = await findDigestByPeriod(env.DB, options.period);
  if (existing) {
    // Already cut. If enqueueing failed part-way last time, its recipients are still waiting.
    const waiting = await unattemptedRecipients(env.DB, existing.id);
    return { digest: existing, created: false, batches: await enqueueRecipients(env, existing.id, waiting) };
  }

  const snapshot = new SnapshotText();
  const changes = await pendingCut(env, catalog, snapshot);
  const recipients: DigestBatch['recipients'] = [];
  if (!isEmpty(changes)) {
    // The changed milestones and their ancestors: what a reader's scopes are matched against.
    const site = await catalog.view({ keys: changes.milestones.map((m) => m.key) });
    // Decide once per distinct scope set, not once per subscriber.
    const worth = new Map<string, boolean>();
    for (let afterId = 0; ; ) {
      // Readers who chose "as it happens" get src/digest/instant.ts's mail instead.
      const page = await listActiveSubscribers(env.DB, { afterId, limit: 1000, frequency: 'weekly' });
      const first = await firstTimers(env.DB, page.map((s) => s.id));
      for (const s of page) {
        const key = readerSetKey(s.scopes, s.content, first.has(s.id));
        let send = worth.get(key);
        if (send === undefined) worth.set(key, (send = worthSending(changes, key.split(','), site)));
        if (send) recipients.push({ id: s.id, email: s.email, scopeSet: key });
      }
      if (page.length < 1000) break;
      afterId = page.at(-1)!.id;
    }
  }

  const id = await insertDigest(env.DB, {
    period: options.period,
    now: options.now,
    siteVersion: catalog.version,
    changes,
    subject: digestSubject(changes, catalog.teams),
    snapshot,
    recipients: recipients.map(({ id, scopeSet }) => ({ id, scopeSet })),
  });
  if (id === undefined) {
    // Another run cut this period between our check and our insert: theirs stands.
    const theirs = await findDigestByPeriod(env.DB, options.period);
    if (!theirs) throw new Error(`digest for ${options.period} vanished after a conflicting insert`);
    return { digest: theirs, created: false, batches: 0 };
  }
  const batches = await enqueueRecipients(env, id, recipients);
  const digest = await findDigestByPeriod(env.DB, options.period);
  return { digest: digest!, created: true, batches };
}

/** A digest goes to a reader with news in their scope; a first one also when what they follow has open items or achievements. */
function worthSending(changes: Changes, scopes: string[], site: SiteModel): boolean {
  const mine = filterChanges(changes, scopes, site);
  if (!isEmpty(mine)) return true;
  return scopes.includes(FIRST) && (mine.state ?? []).some((t) => t.open.length + t.achieved.length > 0);
}

export async function enqueueRecipients(env: Pick<Env, 'DIGEST_QUEUE'>, digestId: number, recipients: DigestBatch['recipients']): Promise<number> {
  const messages: Array<{ body: DigestBatch }> = [];
  for (let i = 0; i < recipients.length; i += RECIPIENTS_PER_MESSAGE) {
    messages.push({ body: { digestId, recipients: recipients.slice(i, i + RECIPIENTS_PER_MESSAGE) } });
  }
  let pending: typeof messages = [];
  let bytes = 0;
  for (const message of messages) {
    const size = JSON.stringify(message.body).length;
    if (pending.length === MESSAGES_PER_SEND || (pending.length > 0 && bytes + size > BYTES_PER_SEND)) {
      await env.DIGEST_QUEUE.sendBatch(pending);
      pending = [];
      bytes = 0;
    }
    pending.push(message);
    bytes += size;
  }
  if (pending.length > 0) await env.DIGEST_QUEUE.sendBatch(pending);
  return messages.length;
}

/**
 * The D1 edge of the digest: digests, their snapshots and deliveries. Every statement that
 * touches many recipients takes them as one JSON array (json_each), so the hot path issues a
 * fixed number of queries per batch, never one per recipient.
 */
import type { Changes } from './changes';
import type { Snapshot } from './snapshot';

export interface DigestRow {
  id: number;
  period: string;
  created_at: string;
  site_version: string;
  since: string | null;
  until: string;
  subject: string;
  changes: string;
  recipients: number;
}

export interface Digest {
  id: number;
  period: string;
  createdAt: string;
  siteVersion: string;
  since?: string;
  until: string;
  subject: string;
  changes: Changes;
  recipients: number;
}

export function toDigest(row: DigestRow): Digest {
  return {
    id: row.id,
    period: row.period,
    createdAt: row.created_at,
    siteVersion: row.site_version,
    ...(row.since ? { since: row.since } : {}),
    until: row.until,
    subject: row.subject,
    changes: JSON.parse(row.changes) as Changes,
    recipients: row.recipients,
  };
}

export async function findDigest(db: D1Database, id: number): Promise<Digest | undefined> {
  const row = await db.prepare('SELECT * FROM digests WHERE id = ?').bind(id).first<DigestRow>();
  return row ? toDigest(row) : undefined;
}

export async function findDigestByPeriod(db: D1Database, period: string): Promise<Digest | undefined> {
  const row = await db.prepare('SELECT * FROM digests WHERE period = ?').bind(period).first<DigestRow>();
  return row ? toDigest(row) : undefined;
}

export async function listDigests(db: D1Database, limit = 100): Promise<Array<Pick<Digest, 'id' | 'period' | 'createdAt' | 'until' | 'subject' | 'recipients'>>> {
  const { results } = await db
    // A digest cut in a week when nothing changed is kept (it holds the period) but not listed.
    .prepare(
      `SELECT id, period, created_at, until, subject, recipients FROM digests
       WHERE json_array_length(changes, '$.milestones') + json_array_length(changes, '$.newUpdates') + json_array_length(changes, '$.editedUpdates') > 0
       ORDER BY id DESC LIMIT ?`,
    )
    .bind(limit)
    .all<Pick<DigestRow, 'id' | 'period' | 'created_at' | 'until' | 'subject' | 'recipients'>>();
  return results.map((r) => ({ id: r.id, period: r.period, createdAt: r.created_at, until: r.until, subject: r.subject, recipients: r.recipients }));
}

/**
 * D1 refuses very large statements (its limits: 100 KB of SQL, 2 MB a row); snapshot JSON and
 * recipient lists are written in pieces well under that.
 */
const SNAPSHOT_CHUNK = 64 * 1024;
const RECIPIENTS_PER_STATEMENT = 1000;

export async function latestSnapshot(db: D1Database): Promise<Snapshot | undefined> {
  const latest = await db.prepare('SELECT MAX(id) AS id FROM digests').first<{ id: number | null }>();
  if (!latest?.id) return undefined;
  const { results } = await db.prepare('SELECT data FROM digest_snapshots WHERE digest_id = ? ORDER BY seq').bind(latest.id).all<{ data: string }>();
  return results.length > 0 ? (JSON.parse(results.map((r) => r.data).join('')) as Snapshot) : undefined;
}

export interface NewDigest {
  period: string;
  now: Date;
  siteVersion: string;
  changes: Changes;
  subject: string;
  snapshot: Snapshot;
  /** Recipients with news in their scope: subscriber id and canonical scope set. */
  recipients: Array<{ id: number; scopeSet: string }>;
}

/**
 * Writes the digest, its snapshot and one pending delivery per recipient in one D1 batch
 * (a transaction): all of it or nothing. Returns undefined when the period already has a
 * digest (the UNIQUE constraint rolls the whole batch back).
 */
export async function insertDigest(db: D1Database, d: NewDigest): Promise<number | undefined> {
  const at = d.now.toISOString();
  const json = JSON.stringify(d.snapshot);
  const chunks: string[] = [];
  for (let i = 0; i < json.length; i += SNAPSHOT_CHUNK) chunks.push(json.slice(i, i + SNAPSHOT_CHUNK));
  const recipientChunks: NewDigest['recipients'][] = [];
  for (let i = 0; i < d.recipients.length; i += RECIPIENTS_PER_STATEMENT) recipientChunks.push(d.recipients.slice(i, i + RECIPIENTS_PER_STATEMENT));
  const digestId = '(SELECT id FROM digests WHERE period = ?1)';
  try {
    await db.batch([
      db
        .prepare('INSERT INTO digests (period, created_at, site_version, since, until, subject, changes, recipients) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
        .bind(d.period, at, d.siteVersion, d.changes.since ?? null, d.changes.until, d.subject, JSON.stringify(d.changes), d.recipients.length),
      ...chunks.map((chunk, seq) => db.prepare(`INSERT INTO digest_snapshots (digest_id, seq, data) VALUES (${digestId}, ?2, ?3)`).bind(d.period, seq, chunk)),
      ...recipientChunks.map((chunk) =>
        db
          .prepare(
            `INSERT INTO digest_deliveries (digest_id, subscriber_id, scope_set, status, updated_at)
             SELECT ${digestId}, json_extract(value, '$.id'), json_extract(value, '$.scopeSet'), 'pending', ?3 FROM json_each(?2)`,
          )
          .bind(d.period, JSON.stringify(chunk), at),
      ),
    ]);
  } catch (error) {
    if (/UNIQUE constraint failed: digests\.period/i.test(String(error))) return undefined;
    throw error;
  }
  return (await findDigestByPeriod(db, d.period))?.id;
}

/**
 * A claim older than this belongs to a consumer that died mid-batch; the row may be claimed
 * again. A queue consumer runs at most 15 minutes, so an older claim cannot be alive.
 */
export const STALE_CLAIM_MS = 16 * 60 * 1000;

export interface Claim {
  /** Identifies this run's claim: only it may record the outcome of these rows. */
  token: string;
  /** Recipients this run may mail now. */
  claimed: number[];
  /** Recipients another run has claimed and not finished (a duplicate delivery, or a crash). */
  inFlightElsewhere: number;
}

/**
 * Claims, in one transaction, the recipients of a batch that still need mail (pending, or
 * claimed so long ago that the consumer must have died) and are still active subscribers;
 * those who unsubscribed since the cut are marked skipped. Only what this returns may be
 * sent: a duplicate queue delivery running at the same time gets nothing.
 */
export async function claimDeliveries(db: D1Database, digestId: number, subscriberIds: number[], now: Date): Promise<Claim> {
  const at = now.toISOString();
  const stale = new Date(now.getTime() - STALE_CLAIM_MS).toISOString();
  const ids = JSON.stringify(subscriberIds);
  const token = crypto.randomUUID();
  const inBatch = 'digest_id = ?1 AND subscriber_id IN (SELECT value FROM json_each(?2))';
  const [, claimed, elsewhere] = await db.batch<{ subscriber_id: number } | { n: number }>([
    db
      .prepare(
        `UPDATE digest_deliveries SET status = 'skipped', last_error = 'no longer subscribed when the digest was sent', updated_at = ?3
         WHERE ${inBatch} AND status = 'pending' AND subscriber_id NOT IN (SELECT id FROM subscribers WHERE status = 'active')`,
      )
      .bind(digestId, ids, at),
    db
      .prepare(
        `UPDATE digest_deliveries SET status = 'sending', claim_token = ?5, claimed_at = ?3, attempts = attempts + 1, updated_at = ?3
         WHERE ${inBatch}
           AND (status = 'pending' OR (status = 'sending' AND claimed_at < ?4))
           AND subscriber_id IN (SELECT id FROM subscribers WHERE status = 'active')
         RETURNING subscriber_id`,
      )
      .bind(digestId, ids, at, stale, token),
    db.prepare(`SELECT COUNT(*) AS n FROM digest_deliveries WHERE ${inBatch} AND status = 'sending' AND claim_token <> ?3`).bind(digestId, ids, token),
  ]);
  return {
    token,
    claimed: (claimed!.results as Array<{ subscriber_id: number }>).map((r) => r.subscriber_id),
    inFlightElsewhere: (elsewhere!.results as Array<{ n: number }>)[0]?.n ?? 0,
  };
}

export interface DeliveryOutcome {
  id: number;
  /** Undefined when sent. */
  error?: string;
}

/**
 * Records a batch's outcomes in one statement: sent rows become `sent`, failed ones go back to
 * `pending` for the retry (after the last one the dead-letter consumer marks them failed).
 * Only rows still under this run's claim are written: a run whose claim expired changes nothing.
 */
export async function recordDeliveries(db: D1Database, digestId: number, claimToken: string, outcomes: DeliveryOutcome[], now: Date): Promise<void> {
  if (outcomes.length === 0) return;
  await db
    .prepare(
      `UPDATE digest_deliveries SET
         status = CASE WHEN o.error IS NULL THEN 'sent' ELSE 'pending' END,
         sent_at = CASE WHEN o.error IS NULL THEN ?3 ELSE sent_at END,
         last_error = o.error,
         claim_token = NULL,
         claimed_at = NULL,
         updated_at = ?3
       FROM (SELECT json_extract(value, '$.id') AS id, json_extract(value, '$.error') AS error FROM json_each(?2)) AS o
       WHERE digest_id = ?1 AND subscriber_id = o.id AND status = 'sending' AND claim_token = ?4`,
    )
    .bind(digestId, JSON.stringify(outcomes.map((o) => ({ id: o.id, error: o.error ?? null }))), now.toISOString(), claimToken)
    .run();
}

/** After the last retry (dead-letter queue): whatever of the batch is not sent is failed. */
export async function failUnsent(db: D1Database, digestId: number, subscriberIds: number[], reason: string, now: Date): Promise<void> {
  await db
    .prepare(
      `UPDATE digest_deliveries SET status = 'failed', last_error = COALESCE(last_error, ?3), claim_token = NULL, claimed_at = NULL, updated_at = ?4
       WHERE digest_id = ?1 AND subscriber_id IN (SELECT value FROM json_each(?2)) AND status IN ('pending', 'sending')`,
    )
    .bind(digestId, JSON.stringify(subscriberIds), reason, now.toISOString())
    .run();
}

export interface DeliveryStatus {
  sent: number;
  failed: number;
  pending: number;
  /** Unsubscribed between the cut and the send. */
  skipped: number;
  total: number;
  failures: Array<{ subscriberId: number; error: string | null; attempts: number }>;
}

export async function deliveryStatus(db: D1Database, digestId: number): Promise<DeliveryStatus> {
  const [counts, failures] = await db.batch<{ status: string; n: number } | { subscriber_id: number; last_error: string | null; attempts: number }>([
    db.prepare('SELECT status, COUNT(*) AS n FROM digest_deliveries WHERE digest_id = ? GROUP BY status').bind(digestId),
    db.prepare("SELECT subscriber_id, last_error, attempts FROM digest_deliveries WHERE digest_id = ? AND status = 'failed' ORDER BY subscriber_id LIMIT 100").bind(digestId),
  ]);
  const by: Record<string, number> = {};
  for (const r of counts!.results as Array<{ status: string; n: number }>) by[r.status] = r.n;
  const sent = by.sent ?? 0;
  const failed = by.failed ?? 0;
  const pending = (by.pending ?? 0) + (by.sending ?? 0);
  const skipped = by.skipped ?? 0;
  return {
    sent,
    failed,
    pending,
    skipped,
    total: sent + failed + pending + skipped,
    failures: (failures!.results as Array<{ subscriber_id: number; last_error: string | null; attempts: number }>).map((r) => ({
      subscriberId: r.subscriber_id,
      error: r.last_error,
      attempts: r.attempts,
    })),
  };
}

/**
 * Recipients of a digest never attempted (still pending, no attempt): what a cut whose
 * enqueueing failed part-way left behind. Re-enqueueing them is safe: delivery claims.
 */
export async function unattemptedRecipients(db: D1Database, digestId: number): Promise<Array<{ id: number; email: string; scopeSet: string }>> {
  const { results } = await db
    .prepare(
      `SELECT d.subscriber_id AS id, s.email AS email, d.scope_set AS scopeSet
       FROM digest_deliveries d JOIN subscribers s ON s.id = d.subscriber_id
       WHERE d.digest_id = ? AND d.status = 'pending' AND d.attempts = 0 ORDER BY d.subscriber_id`,
    )
    .bind(digestId)
    .all<{ id: number; email: string; scopeSet: string }>();
  return results;
}

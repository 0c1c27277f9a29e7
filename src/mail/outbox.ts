/**
 * The outbox: every message that is not a digest (confirmations, "as it happens" mail, admin
 * test sends) is a row of `mail_outbox` (migration 0009) before it is a queue message, and
 * goes through the digest queue with the same life as a digest delivery: claimed by one run,
 * attempts counted by class, held back by limits, reclaimed when its consumer died, failed
 * after MAX_MAIL_ATTEMPTS. Nothing depends on `waitUntil` finishing: a row whose queue message
 * was lost is enqueued again by the cron.
 *
 * The row is the message: what goes into it is derived from the row alone (its tokens are
 * issued at `created_at`, its Message-ID and idempotency key name the row), so every attempt
 * is the same request.
 */

export const OUTBOX_KINDS = ['confirmation', 'already-subscribed', 'instant', 'test'] as const;
export type OutboxKind = (typeof OUTBOX_KINDS)[number];

/** What one queue message carries for the outbox: row ids. */
export interface MailBatch {
  mail: number[];
}

export function isMailBatch(body: unknown): body is MailBatch {
  return !!body && typeof body === 'object' && Array.isArray((body as { mail?: unknown }).mail);
}

/** Row ids per queue message (one claim and one status write per message, as for digests). */
export const MAIL_PER_MESSAGE = 50;
/** Counted attempts per row (rate limits are not counted); then the row is failed. */
export const MAX_MAIL_ATTEMPTS = 4;
/** A claim older than this belongs to a consumer that died (as STALE_CLAIM_MS of digests). */
export const STALE_MAIL_CLAIM_MS = 16 * 60 * 1000;

export interface NewMail {
  kind: OutboxKind;
  /** What makes the message once ("instant:<update>:<subscriber>"): a second insert is ignored. */
  onceKey: string;
  subscriberId?: number;
  /** Test sends only: the address typed. */
  recipient?: string;
  payload?: Record<string, unknown>;
}

export interface OutboxRow {
  id: number;
  kind: OutboxKind;
  subscriberId: number | null;
  /** Where the message goes: the subscriber's address now, or the test recipient. */
  to: string;
  payload: Record<string, unknown>;
  /** When the message was decided: the issue time of every token in it. */
  createdAt: string;
  /** Earlier attempts that may have gone out. */
  ambiguous: number;
}

/** One statement inserting `mail` (existing once-keys ignored), returning the new rows' ids. */
export function insertMailStatement(db: D1Database, mail: NewMail[], now: Date): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO mail_outbox (kind, once_key, subscriber_id, recipient, payload, created_at, updated_at)
       SELECT json_extract(value, '$.kind'), json_extract(value, '$.onceKey'), json_extract(value, '$.subscriberId'),
              json_extract(value, '$.recipient'), json_extract(value, '$.payload'), ?2, ?2
       FROM json_each(?1) WHERE true
       ON CONFLICT (once_key) DO NOTHING
       RETURNING id`,
    )
    .bind(
      JSON.stringify(mail.map((m) => ({ kind: m.kind, onceKey: m.onceKey, subscriberId: m.subscriberId ?? null, recipient: m.recipient ?? null, payload: JSON.stringify(m.payload ?? {}) }))),
      now.toISOString(),
    );
}

/** Rows per insert statement (well under D1's limits). */
const ROWS_PER_STATEMENT = 1000;

/** Inserts `mail` (once per once-key); returns the ids of the rows created. */
export async function insertMail(db: D1Database, mail: NewMail[], now: Date): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < mail.length; i += ROWS_PER_STATEMENT) {
    const { results } = await insertMailStatement(db, mail.slice(i, i + ROWS_PER_STATEMENT), now).all<{ id: number }>();
    ids.push(...results.map((r) => r.id));
  }
  return ids;
}

/** Queues accept at most 100 messages per sendBatch call. */
const MESSAGES_PER_SEND = 100;

/** Enqueues rows for delivery, MAIL_PER_MESSAGE a message; returns the messages sent. */
export async function enqueueMail(queue: Queue, ids: number[], delaySeconds?: number): Promise<number> {
  const messages: Array<MessageSendRequest<MailBatch>> = [];
  for (let i = 0; i < ids.length; i += MAIL_PER_MESSAGE) {
    messages.push({ body: { mail: ids.slice(i, i + MAIL_PER_MESSAGE) }, ...(delaySeconds !== undefined ? { delaySeconds } : {}) });
  }
  for (let i = 0; i < messages.length; i += MESSAGES_PER_SEND) await queue.sendBatch(messages.slice(i, i + MESSAGES_PER_SEND));
  return messages.length;
}

const IN_BATCH = 'id IN (SELECT value FROM json_each(?1))';
/**
 * The row may still be mailed: a test send always; otherwise the subscriber exists, is not
 * suppressed, and is still in the state the message is about (a confirmation to a pending
 * address, the rest to an active one).
 */
const MAILABLE = `(subscriber_id IS NULL OR EXISTS (SELECT 1 FROM subscribers s WHERE s.id = mail_outbox.subscriber_id AND s.suppressed_at IS NULL
  AND s.status = CASE mail_outbox.kind WHEN 'confirmation' THEN 'pending' ELSE 'active' END))`;

export interface MailClaim {
  token: string;
  claimed: OutboxRow[];
  heldElsewhere: number[];
  deferred: Array<{ id: number; notBefore: string }>;
}

/** As claimDeliveries (src/digest/store.ts), for outbox rows. */
export async function claimMail(db: D1Database, ids: number[], now: Date): Promise<MailClaim> {
  const at = now.toISOString();
  const stale = new Date(now.getTime() - STALE_MAIL_CLAIM_MS).toISOString();
  const list = JSON.stringify(ids);
  const token = crypto.randomUUID();
  type Claimed = { id: number; kind: OutboxKind; subscriber_id: number | null; recipient: string | null; payload: string; created_at: string; ambiguous: number; email: string | null };
  type Other = { id: number; status: string; not_before: string | null };
  const [, claimed, others] = await db.batch<Claimed | Other>([
    db
      .prepare(
        `UPDATE mail_outbox SET status = 'skipped', claim_token = NULL, claimed_at = NULL, updated_at = ?2,
           last_error = COALESCE((SELECT 'address suppressed (' || s.suppressed_reason || ')' FROM subscribers s WHERE s.id = mail_outbox.subscriber_id AND s.suppressed_at IS NOT NULL),
                                 'the subscriber is no longer in the state this message is about')
         WHERE ${IN_BATCH} AND (status = 'pending' OR (status = 'sending' AND claimed_at < ?3)) AND NOT ${MAILABLE}`,
      )
      .bind(list, at, stale),
    db
      .prepare(
        `UPDATE mail_outbox SET status = 'sending', claim_token = ?4, claimed_at = ?2, attempts = attempts + 1,
           ambiguous = ambiguous + (CASE WHEN status = 'sending' THEN 1 ELSE 0 END), not_before = NULL, updated_at = ?2
         WHERE ${IN_BATCH} AND ((status = 'pending' AND (not_before IS NULL OR not_before <= ?2)) OR (status = 'sending' AND claimed_at < ?3)) AND ${MAILABLE}
         RETURNING id, kind, subscriber_id, recipient, payload, created_at, ambiguous,
           (SELECT email FROM subscribers s WHERE s.id = mail_outbox.subscriber_id) AS email`,
      )
      .bind(list, at, stale, token),
    db
      .prepare(`SELECT id, status, not_before FROM mail_outbox WHERE ${IN_BATCH} AND ((status = 'sending' AND claim_token <> ?3) OR (status = 'pending' AND not_before > ?2))`)
      .bind(list, at, token),
  ]);
  const rest = others!.results as Other[];
  return {
    token,
    claimed: (claimed!.results as Claimed[]).map((r) => ({
      id: r.id,
      kind: r.kind,
      subscriberId: r.subscriber_id,
      to: r.recipient ?? r.email ?? '',
      payload: JSON.parse(r.payload) as Record<string, unknown>,
      createdAt: r.created_at,
      ambiguous: r.ambiguous,
    })),
    heldElsewhere: rest.filter((r) => r.status === 'sending').map((r) => r.id),
    deferred: rest.filter((r) => r.status === 'pending').map((r) => ({ id: r.id, notBefore: r.not_before! })),
  };
}

export type MailOutcomeKind = 'sent' | 'permanent' | 'rate-limit' | 'transient' | 'ambiguous';

export interface MailOutcome {
  id: number;
  kind: MailOutcomeKind;
  error?: string;
  notBefore?: string;
  providerId?: string;
}

export interface RecordedMail {
  id: number;
  status: 'sent' | 'failed' | 'pending';
  attempts: number;
}

/** As recordDeliveries (src/digest/store.ts), for outbox rows; only rows under this claim are written. */
export async function recordMail(db: D1Database, claimToken: string, outcomes: MailOutcome[], now: Date, options: { deduplicates?: boolean } = {}): Promise<RecordedMail[]> {
  if (outcomes.length === 0) return [];
  const rows = JSON.stringify(outcomes.map((o) => ({ id: o.id, kind: o.kind, error: o.error ?? null, not_before: o.notBefore ?? null, provider_id: o.providerId ?? null })));
  const retryable = "o.kind IN ('transient', 'ambiguous')";
  const { results } = await db
    .prepare(
      `WITH o AS MATERIALIZED (
         SELECT json_extract(value, '$.id') AS id, json_extract(value, '$.kind') AS kind, json_extract(value, '$.error') AS error,
                json_extract(value, '$.not_before') AS until, json_extract(value, '$.provider_id') AS provider FROM json_each(?1))
       UPDATE mail_outbox SET
         status = CASE WHEN o.kind = 'sent' THEN 'sent' WHEN o.kind = 'permanent' THEN 'failed' WHEN ${retryable} AND attempts >= ?4 THEN 'failed' ELSE 'pending' END,
         sent_at = CASE WHEN o.kind = 'sent' THEN ?2 ELSE sent_at END,
         last_error = CASE WHEN o.kind = 'sent' THEN NULL WHEN ${retryable} AND attempts >= ?4 THEN o.error || ' (gave up after ' || attempts || ' attempts)' ELSE o.error END,
         error_class = CASE WHEN o.kind = 'sent' THEN error_class ELSE o.kind END,
         attempts = CASE WHEN o.kind = 'rate-limit' THEN attempts - 1 ELSE attempts END,
         not_before = o.until,
         ambiguous = ambiguous + (CASE WHEN o.kind = 'ambiguous' THEN 1 ELSE 0 END),
         possible_duplicate = CASE WHEN ?5 = 0 AND (ambiguous + (CASE WHEN o.kind IN ('sent', 'ambiguous') THEN 1 ELSE 0 END) >= 2) THEN 1 ELSE possible_duplicate END,
         provider_id = COALESCE(o.provider, provider_id),
         claim_token = NULL, claimed_at = NULL, updated_at = ?2
       FROM o
       WHERE mail_outbox.id = o.id AND status = 'sending' AND claim_token = ?3
       RETURNING mail_outbox.id AS id, status, attempts`,
    )
    .bind(rows, now.toISOString(), claimToken, MAX_MAIL_ATTEMPTS, options.deduplicates ? 1 : 0)
    .all<RecordedMail>();
  return results;
}

/** After the last retry (dead-letter queue): whatever of the batch is not sent is failed. */
export async function failUnsentMail(db: D1Database, ids: number[], reason: string, now: Date): Promise<void> {
  await db
    .prepare(
      `UPDATE mail_outbox SET status = 'failed', last_error = COALESCE(last_error, ?2), error_class = COALESCE(error_class, 'transient'),
         claim_token = NULL, claimed_at = NULL, updated_at = ?3
       WHERE ${IN_BATCH} AND status IN ('pending', 'sending')`,
    )
    .bind(JSON.stringify(ids), reason, now.toISOString())
    .run();
}

/**
 * Nothing stays stuck (as reclaimStuck of digests): claims older than `claimCutoff` go back to
 * pending (counted as ambiguous: the message may have gone out); pending rows untouched since
 * `idleCutoff` and not held by a limit are returned to be enqueued again (claims keep that safe).
 */
export async function reclaimStuckMail(db: D1Database, now: Date, options: { claimCutoff: Date; idleCutoff: Date }): Promise<{ reclaimed: number; waiting: number[] }> {
  const [reclaimed, waiting] = await db.batch<{ id: number }>([
    db
      .prepare(
        `UPDATE mail_outbox SET status = 'pending', ambiguous = ambiguous + 1, claim_token = NULL, claimed_at = NULL, error_class = 'ambiguous',
           last_error = 'claim expired: the consumer stopped mid-batch (the message may have gone out)'
         WHERE status = 'sending' AND claimed_at < ?1 RETURNING id`,
      )
      .bind(options.claimCutoff.toISOString()),
    db
      .prepare(`SELECT id FROM mail_outbox WHERE status = 'pending' AND updated_at <= ?1 AND (not_before IS NULL OR not_before <= ?2) ORDER BY id LIMIT 10000`)
      .bind(options.idleCutoff.toISOString(), now.toISOString()),
  ]);
  return { reclaimed: reclaimed!.results.length, waiting: waiting!.results.map((r) => r.id) };
}

export interface MailStatus {
  id: number;
  kind: OutboxKind;
  status: string;
  attempts: number;
  errorClass: string | null;
  lastError: string | null;
  possibleDuplicate: boolean;
  sentAt: string | null;
}

export async function mailStatus(db: D1Database, id: number): Promise<MailStatus | undefined> {
  const r = await db
    .prepare('SELECT id, kind, status, attempts, error_class, last_error, possible_duplicate, sent_at FROM mail_outbox WHERE id = ?')
    .bind(id)
    .first<{ id: number; kind: OutboxKind; status: string; attempts: number; error_class: string | null; last_error: string | null; possible_duplicate: number; sent_at: string | null }>();
  return r
    ? { id: r.id, kind: r.kind, status: r.status, attempts: r.attempts, errorClass: r.error_class, lastError: r.last_error, possibleDuplicate: r.possible_duplicate === 1, sentAt: r.sent_at }
    : undefined;
}

/**
 * The D1 edge of the digest: digests, their snapshots and deliveries. Every statement that
 * touches many recipients takes them as one JSON array (json_each), so the hot path issues a
 * fixed number of queries per batch, never one per recipient.
 */
import type { Changes } from './changes';
import type { Snapshot } from './snapshot';
import { assemble, wholeSnapshot, type PartKind, type PreviousSnapshot, type SnapshotText } from './snapshot-parts';

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
 * D1 refuses very large statements (its limits: 100 KB of SQL, 2 MB a row); snapshot parts
 * (see PART_CHUNK) and recipient lists are written in pieces well under that.
 */
const RECIPIENTS_PER_STATEMENT = 1000;

interface LatestDigestRow {
  id: number;
  until: string;
  site_version: string;
  snapshot_layout: 'whole' | 'by-team';
}

async function latestDigestRow(db: D1Database): Promise<LatestDigestRow | null> {
  return db.prepare('SELECT id, until, site_version, snapshot_layout FROM digests ORDER BY id DESC LIMIT 1').first<LatestDigestRow>();
}

/** A snapshot stored whole (digests cut before migration 0006): one JSON in chunks. */
async function wholeStoredSnapshot(db: D1Database, digestId: number): Promise<Snapshot | undefined> {
  const { results } = await db.prepare('SELECT data FROM digest_snapshots WHERE digest_id = ? ORDER BY seq').bind(digestId).all<{ data: string }>();
  return results.length > 0 ? (JSON.parse(results.map((r) => r.data).join('')) as Snapshot) : undefined;
}

/**
 * The last digest's snapshot, read one team's part at a time (one query per team): the team's
 * row and the rows of the milestones it asks for. A digest cut before snapshots were stored by
 * team has one whole-site JSON: that one is read whole, once (the first cut after upgrading).
 */
export async function previousSnapshot(db: D1Database): Promise<PreviousSnapshot | undefined> {
  const latest = await latestDigestRow(db);
  if (!latest) return undefined;
  if (latest.snapshot_layout !== 'by-team') {
    const whole = await wholeStoredSnapshot(db, latest.id);
    return whole ? wholeSnapshot(whole) : undefined;
  }
  return {
    until: latest.until,
    forTeam: async (team, keys) => {
      const { results } = await db
        .prepare(
          `SELECT kind, key, data FROM digest_snapshot_parts WHERE digest_id = ?1 AND kind = 'team' AND key = ?2
           UNION ALL
           SELECT kind, key, data FROM digest_snapshot_parts WHERE digest_id = ?1 AND kind = 'milestone' AND key IN (SELECT value FROM json_each(?3))`,
        )
        .bind(latest.id, team, JSON.stringify([...keys]))
        .all<{ kind: PartKind; key: string; data: string }>();
      return assemble(latest.site_version, latest.until, results.map((r) => ({ kind: r.kind, key: r.key, json: r.data })));
    },
  };
}

/** The last digest's whole snapshot (tests and tools: a cut reads it team by team, see previousSnapshot). */
export async function latestSnapshot(db: D1Database): Promise<Snapshot | undefined> {
  const latest = await latestDigestRow(db);
  if (!latest) return undefined;
  if (latest.snapshot_layout !== 'by-team') return wholeStoredSnapshot(db, latest.id);
  const { results } = await db.prepare('SELECT kind, key, data FROM digest_snapshot_parts WHERE digest_id = ?').bind(latest.id).all<{ kind: PartKind; key: string; data: string }>();
  return assemble(latest.site_version, latest.until, results.map((r) => ({ kind: r.kind, key: r.key, json: r.data })));
}

export interface NewDigest {
  period: string;
  now: Date;
  siteVersion: string;
  changes: Changes;
  subject: string;
  /** The new snapshot, as the cut handed it over team by team (JSON text, see snapshot-parts.ts). */
  snapshot: SnapshotText;
  /** Recipients with news in their scope: subscriber id and canonical scope set. */
  recipients: Array<{ id: number; scopeSet: string }>;
}

/**
 * Writes the digest, its snapshot (a row per team and per milestone) and one pending delivery
 * per recipient in one D1 batch (a transaction): all of it or nothing. Returns undefined when
 * the period already has a digest (the UNIQUE constraint rolls the whole batch back).
 */
export async function insertDigest(db: D1Database, d: NewDigest): Promise<number | undefined> {
  const at = d.now.toISOString();
  const recipientChunks: NewDigest['recipients'][] = [];
  for (let i = 0; i < d.recipients.length; i += RECIPIENTS_PER_STATEMENT) recipientChunks.push(d.recipients.slice(i, i + RECIPIENTS_PER_STATEMENT));
  const digestId = '(SELECT id FROM digests WHERE period = ?1)';
  try {
    await db.batch([
      db
        .prepare("INSERT INTO digests (period, created_at, site_version, since, until, subject, changes, recipients, snapshot_layout) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'by-team')")
        .bind(d.period, at, d.siteVersion, d.changes.since ?? null, d.changes.until, d.subject, JSON.stringify(d.changes), d.recipients.length),
      // A statement per chunk (a JSON object of parts by key, about PART_CHUNK characters), a row per part.
      ...d.snapshot
        .finish()
        .map(({ kind, json }) =>
          db.prepare(`INSERT INTO digest_snapshot_parts (digest_id, kind, key, data) SELECT ${digestId}, ?2, key, value FROM json_each(?3)`).bind(d.period, kind, json),
        ),
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
/** Counted attempts per recipient (rate limits are not counted); then the row is failed. */
export const MAX_ATTEMPTS = 4;

/**
 * The recipients of a batch, by primary key. `+status` keeps SQLite from choosing the
 * (digest_id, status) index, which would read every pending row of the digest per batch.
 */
const IN_BATCH = 'digest_id = ?1 AND subscriber_id IN (SELECT value FROM json_each(?2))';
/** The recipient may still be mailed: active and not suppressed (one index lookup per row). */
const STILL_SUBSCRIBED = `EXISTS (SELECT 1 FROM subscribers s WHERE s.id = digest_deliveries.subscriber_id AND s.status = 'active' AND s.suppressed_at IS NULL)`;

export interface Claim {
  /** Identifies this run's claim: only it may record the outcome of these rows. */
  token: string;
  /** Recipients this run may mail now; `ambiguous` > 0 when an earlier attempt may have gone out. */
  claimed: Array<{ id: number; ambiguous: number }>;
  /** Recipients another run has claimed and not finished (a duplicate delivery, or a crash). */
  heldElsewhere: number[];
  /** Recipients held back by a rate or daily limit until `notBefore`. */
  deferred: Array<{ id: number; notBefore: string }>;
}

/**
 * Claims, in one transaction, the recipients of a batch that still need mail (pending and not
 * held back by a limit, or claimed so long ago that the consumer must have died) and may still
 * be mailed; those who unsubscribed or were suppressed since the cut are marked skipped. Only
 * what this returns may be sent: a duplicate queue delivery running at the same time gets nothing.
 */
export async function claimDeliveries(db: D1Database, digestId: number, subscriberIds: number[], now: Date): Promise<Claim> {
  const at = now.toISOString();
  const stale = new Date(now.getTime() - STALE_CLAIM_MS).toISOString();
  const ids = JSON.stringify(subscriberIds);
  const token = crypto.randomUUID();
  const claimable = `(+status = 'pending' AND (not_before IS NULL OR not_before <= ?3)) OR (+status = 'sending' AND claimed_at < ?4)`;
  const [, claimed, others] = await db.batch<{ subscriber_id: number; ambiguous: number } | { subscriber_id: number; status: string; not_before: string | null }>([
    db
      .prepare(
        `UPDATE digest_deliveries SET status = 'skipped',
           last_error = COALESCE((SELECT 'address suppressed (' || s.suppressed_reason || ')' FROM subscribers s WHERE s.id = digest_deliveries.subscriber_id AND s.suppressed_at IS NOT NULL), 'no longer subscribed when the digest was sent'),
           claim_token = NULL, claimed_at = NULL, updated_at = ?3
         WHERE ${IN_BATCH} AND (+status = 'pending' OR (+status = 'sending' AND claimed_at < ?4)) AND NOT ${STILL_SUBSCRIBED}`,
      )
      .bind(digestId, ids, at, stale),
    db
      .prepare(
        `UPDATE digest_deliveries SET status = 'sending', claim_token = ?5, claimed_at = ?3, attempts = attempts + 1,
           -- A stale claim: that consumer may have handed the message over before it died.
           ambiguous = ambiguous + (CASE WHEN status = 'sending' THEN 1 ELSE 0 END),
           not_before = NULL, updated_at = ?3
         WHERE ${IN_BATCH} AND (${claimable}) AND ${STILL_SUBSCRIBED}
         RETURNING subscriber_id, ambiguous`,
      )
      .bind(digestId, ids, at, stale, token),
    db
      .prepare(
        `SELECT subscriber_id, status, not_before FROM digest_deliveries
         WHERE ${IN_BATCH} AND ((+status = 'sending' AND claim_token <> ?4) OR (+status = 'pending' AND not_before > ?3))`,
      )
      .bind(digestId, ids, at, token),
  ]);
  const rest = others!.results as Array<{ subscriber_id: number; status: string; not_before: string | null }>;
  return {
    token,
    claimed: (claimed!.results as Array<{ subscriber_id: number; ambiguous: number }>).map((r) => ({ id: r.subscriber_id, ambiguous: r.ambiguous })),
    heldElsewhere: rest.filter((r) => r.status === 'sending').map((r) => r.subscriber_id),
    deferred: rest.filter((r) => r.status === 'pending').map((r) => ({ id: r.subscriber_id, notBefore: r.not_before! })),
  };
}

export type OutcomeKind = 'sent' | 'permanent' | 'rate-limit' | 'transient' | 'ambiguous';

/**
 * Whether the recipient may hold two copies once outcome `o` is recorded (the row's columns
 * are their values before it): two attempts that may have gone out — earlier ambiguous ones
 * (a timeout, a consumer that died after handing the message over) and this one when it was
 * sent or ambiguous. Only a transport that does not deduplicate by key makes such copies.
 */
export const MAY_HAVE_TWO = "(ambiguous + (CASE WHEN o.kind IN ('sent', 'ambiguous') THEN 1 ELSE 0 END) >= 2)";

export interface DeliveryOutcome {
  id: number;
  kind: OutcomeKind;
  /** What failed (undefined when sent). */
  error?: string;
  /** rate-limit: not before this moment. */
  notBefore?: string;
  /** permanent: the failure is about the address; suppress it for this reason. */
  suppress?: 'invalid-recipient' | 'recipient-suppressed';
  /** Message id the transport reported. */
  providerId?: string;
}

export interface RecordedDelivery {
  id: number;
  status: 'sent' | 'failed' | 'pending';
  attempts: number;
}

/**
 * Records a batch's outcomes in one D1 batch: sent rows become `sent`; a row is flagged as a
 * possible duplicate when two of its attempts may have gone out and the transport does not
 * deduplicate (MAY_HAVE_TWO);
 * permanent failures `failed` at once, with the subscriber marked (suppressed when the address
 * itself is the problem); rate-limited rows `pending` until the limit resets, the attempt not
 * counted; transient and ambiguous ones `pending` for the retry, or `failed` after
 * MAX_ATTEMPTS. Only rows still under this run's claim are written.
 */
export async function recordDeliveries(
  db: D1Database,
  digestId: number,
  claimToken: string,
  outcomes: DeliveryOutcome[],
  now: Date,
  options: { deduplicates?: boolean; maxAttempts?: number } = {},
): Promise<RecordedDelivery[]> {
  if (outcomes.length === 0) return [];
  const at = now.toISOString();
  const rows = JSON.stringify(
    outcomes.map((o) => ({ id: o.id, kind: o.kind, error: o.error ?? null, not_before: o.notBefore ?? null, suppress: o.suppress ?? null, provider_id: o.providerId ?? null })),
  );
  const permanent = outcomes.filter((o) => o.kind === 'permanent');
  const retryable = "o.kind IN ('transient', 'ambiguous')";
  const [recorded] = await db.batch<{ subscriber_id: number; status: RecordedDelivery['status']; attempts: number }>([
    db
      .prepare(
        // A materialised CTE: SQLite then walks the 50 outcomes and finds each row by primary
        // key, instead of reading every row of the digest and matching it against the list.
        `WITH o AS MATERIALIZED (
           SELECT json_extract(value, '$.id') AS id, json_extract(value, '$.kind') AS kind, json_extract(value, '$.error') AS error,
                  json_extract(value, '$.not_before') AS until, json_extract(value, '$.provider_id') AS provider FROM json_each(?2))
         UPDATE digest_deliveries SET
           status = CASE
             WHEN o.kind = 'sent' THEN 'sent'
             WHEN o.kind = 'permanent' THEN 'failed'
             WHEN ${retryable} AND attempts >= ?5 THEN 'failed'
             ELSE 'pending' END,
           sent_at = CASE WHEN o.kind = 'sent' THEN ?3 ELSE sent_at END,
           last_error = CASE
             WHEN o.kind = 'sent' THEN NULL
             WHEN ${retryable} AND attempts >= ?5 THEN o.error || ' (gave up after ' || attempts || ' attempts)'
             ELSE o.error END,
           error_class = CASE WHEN o.kind = 'sent' THEN error_class ELSE o.kind END,
           attempts = CASE WHEN o.kind = 'rate-limit' THEN attempts - 1 ELSE attempts END,
           not_before = o.until,
           ambiguous = ambiguous + (CASE WHEN o.kind = 'ambiguous' THEN 1 ELSE 0 END),
           possible_duplicate = CASE WHEN ?6 = 0 AND ${MAY_HAVE_TWO} THEN 1 ELSE possible_duplicate END,
           provider_id = COALESCE(o.provider, provider_id),
           claim_token = NULL,
           claimed_at = NULL,
           updated_at = ?3
         FROM o
         WHERE digest_id = ?1 AND subscriber_id = o.id AND +status = 'sending' AND claim_token = ?4
         RETURNING subscriber_id, status, attempts`,
      )
      .bind(digestId, rows, at, claimToken, options.maxAttempts ?? MAX_ATTEMPTS, options.deduplicates ? 1 : 0),
    ...(permanent.length > 0 ? [markSubscribers(db, permanent.map((o) => ({ id: o.id, error: o.error ?? 'permanent failure', suppress: o.suppress })), now)] : []),
  ]);
  return (recorded!.results as Array<{ subscriber_id: number; status: RecordedDelivery['status']; attempts: number }>).map((r) => ({
    id: r.subscriber_id,
    status: r.status,
    attempts: r.attempts,
  }));
}

/**
 * Notes a delivery problem on subscribers (visible in admin); with `suppress`, stops all mail
 * to the address (the first reason is kept).
 */
export function markSubscribers(db: D1Database, marks: Array<{ id: number; error: string; suppress?: string | undefined }>, now: Date): D1PreparedStatement {
  return db
    .prepare(
      `UPDATE subscribers SET last_failure = m.error, last_failure_at = ?2,
         suppressed_reason = CASE WHEN m.suppress IS NOT NULL AND suppressed_at IS NULL THEN m.suppress ELSE suppressed_reason END,
         suppressed_at = CASE WHEN m.suppress IS NOT NULL THEN COALESCE(suppressed_at, ?2) ELSE suppressed_at END,
         updated_at = ?2
       FROM (SELECT json_extract(value, '$.id') AS id, json_extract(value, '$.error') AS error, json_extract(value, '$.suppress') AS suppress FROM json_each(?1)) AS m
       WHERE subscribers.id = m.id`,
    )
    .bind(JSON.stringify(marks.map((m) => ({ id: m.id, error: m.error.slice(0, 500), suppress: m.suppress ?? null }))), now.toISOString());
}

/** After the last retry (dead-letter queue): whatever of the batch is not sent is failed. */
export async function failUnsent(db: D1Database, digestId: number, subscriberIds: number[], reason: string, now: Date): Promise<void> {
  await db
    .prepare(
      `UPDATE digest_deliveries SET status = 'failed', last_error = COALESCE(last_error, ?3), error_class = COALESCE(error_class, 'transient'),
         claim_token = NULL, claimed_at = NULL, updated_at = ?4
       WHERE ${IN_BATCH} AND +status IN ('pending', 'sending')`,
    )
    .bind(digestId, JSON.stringify(subscriberIds), reason, now.toISOString())
    .run();
}

export interface Reclaimed {
  /** Rows taken back from claims (their consumer died, or an admin resumed). */
  reclaimed: number;
  /** Recipients to enqueue again, per digest. */
  waiting: Map<number, Array<{ id: number; email: string; scopeSet: string }>>;
}

/**
 * Nothing stays stuck. Rows left `sending` by a consumer that died are put back to `pending`
 * (their attempt counted as ambiguous: the message may have gone out) once their claim is
 * older than `claimCutoff`; then every pending row of the digests concerned that no queue
 * message seems to be handling (untouched since `idleCutoff`, no limit still holding it) is
 * returned for enqueueing. Enqueueing a row twice is harmless: delivery claims.
 */
export async function reclaimStuck(
  db: D1Database,
  now: Date,
  options: { digestId?: number; claimCutoff: Date; idleCutoff: Date },
): Promise<Reclaimed> {
  const at = now.toISOString();
  const digestFilter = options.digestId === undefined ? '' : 'AND digest_id = ?3';
  const reclaimed = await db
    .prepare(
      `UPDATE digest_deliveries SET status = 'pending', ambiguous = ambiguous + 1, claim_token = NULL, claimed_at = NULL, error_class = 'ambiguous',
         -- updated_at stays (when the claim was taken): the row is idle since then and is enqueued below.
         last_error = 'claim expired: the consumer stopped mid-batch (the message may have gone out)'
       WHERE status = 'sending' AND claimed_at < ?2 ${digestFilter}
       RETURNING digest_id`,
    )
    .bind(at, options.claimCutoff.toISOString(), ...(options.digestId === undefined ? [] : [options.digestId]))
    .all<{ digest_id: number }>();
  const digestIds =
    options.digestId !== undefined
      ? [options.digestId]
      : (
          await db
            .prepare(`SELECT id FROM digests d WHERE EXISTS (SELECT 1 FROM digest_deliveries x WHERE x.digest_id = d.id AND x.status = 'pending') ORDER BY id`)
            .all<{ id: number }>()
        ).results.map((r) => r.id);
  const waiting = new Map<number, Array<{ id: number; email: string; scopeSet: string }>>();
  const idle = options.idleCutoff.toISOString();
  for (const digestId of digestIds) {
    const { results } = await db
      .prepare(
        `SELECT d.subscriber_id AS id, s.email AS email, d.scope_set AS scopeSet
         FROM digest_deliveries d JOIN subscribers s ON s.id = d.subscriber_id
         WHERE d.digest_id = ?1 AND d.status = 'pending' AND d.updated_at <= ?2 AND (d.not_before IS NULL OR d.not_before <= ?3)
         ORDER BY d.subscriber_id`,
      )
      .bind(digestId, idle, at)
      .all<{ id: number; email: string; scopeSet: string }>();
    if (results.length > 0) waiting.set(digestId, results);
  }
  return { reclaimed: reclaimed.results.length, waiting };
}

/**
 * Retention: delivery rows of digests cut more than `days` ago are summarised into the
 * digest's counts (archived_*) and deleted. Returns how many rows were deleted.
 */
export async function pruneDeliveries(db: D1Database, now: Date, days: number): Promise<{ digests: number; rows: number }> {
  const cutoff = new Date(now.getTime() - days * 86_400_000).toISOString();
  const { results } = await db
    .prepare('SELECT id FROM digests WHERE created_at < ? AND EXISTS (SELECT 1 FROM digest_deliveries WHERE digest_id = digests.id) ORDER BY id LIMIT 20')
    .bind(cutoff)
    .all<{ id: number }>();
  let rows = 0;
  for (const { id } of results) {
    const [, deleted] = await db.batch([
      db
        .prepare(
          `UPDATE digests SET
             archived_sent = archived_sent + (SELECT COUNT(*) FROM digest_deliveries WHERE digest_id = ?1 AND status = 'sent'),
             archived_failed = archived_failed + (SELECT COUNT(*) FROM digest_deliveries WHERE digest_id = ?1 AND status IN ('failed', 'pending', 'sending')),
             archived_skipped = archived_skipped + (SELECT COUNT(*) FROM digest_deliveries WHERE digest_id = ?1 AND status = 'skipped'),
             archived_at = ?2
           WHERE id = ?1`,
        )
        .bind(id, now.toISOString()),
      db.prepare('DELETE FROM digest_deliveries WHERE digest_id = ?').bind(id),
    ]);
    rows += deleted!.meta.changes ?? 0;
  }
  return { digests: results.length, rows };
}

export interface DeliveryStatus {
  sent: number;
  failed: number;
  /** Still to go: pending (waiting, retrying, held by a limit) or being sent. */
  pending: number;
  /** Unsubscribed or suppressed between the cut and the send. */
  skipped: number;
  /** Of `pending`: rows claimed right now. */
  sending: number;
  /** Of `pending`: rows held back by a rate or daily limit. */
  deferred: number;
  /** Rows (sent, or failed after several ambiguous attempts) whose reader may have two copies: the transport does not deduplicate. */
  possibleDuplicates: number;
  /** Failed rows by error class (permanent, transient, ambiguous). */
  failedBy: Record<string, number>;
  /** Rows summarised by retention and deleted (DELIVERY_RETENTION_DAYS). */
  archived: { sent: number; failed: number; skipped: number; at: string | null };
  total: number;
  failures: Array<{ subscriberId: number; error: string | null; errorClass: string | null; attempts: number }>;
}

export async function deliveryStatus(db: D1Database, digestId: number, now = new Date()): Promise<DeliveryStatus> {
  type Counts = { status: string; error_class: string | null; n: number; dup: number; deferred: number };
  type Failure = { subscriber_id: number; last_error: string | null; error_class: string | null; attempts: number };
  type Archived = { archived_sent: number; archived_failed: number; archived_skipped: number; archived_at: string | null };
  const [counts, failures, archived] = await db.batch<Counts | Failure | Archived>([
    db
      .prepare(
        `SELECT status, CASE WHEN status = 'failed' THEN error_class END AS error_class, COUNT(*) AS n, SUM(possible_duplicate) AS dup,
           SUM(CASE WHEN not_before > ?2 THEN 1 ELSE 0 END) AS deferred
         FROM digest_deliveries WHERE digest_id = ?1 GROUP BY 1, 2`,
      )
      .bind(digestId, now.toISOString()),
    db
      .prepare("SELECT subscriber_id, last_error, error_class, attempts FROM digest_deliveries WHERE digest_id = ? AND status = 'failed' ORDER BY subscriber_id LIMIT 100")
      .bind(digestId),
    db.prepare('SELECT archived_sent, archived_failed, archived_skipped, archived_at FROM digests WHERE id = ?').bind(digestId),
  ]);
  const by: Record<string, number> = {};
  const failedBy: Record<string, number> = {};
  let possibleDuplicates = 0;
  let deferred = 0;
  for (const r of counts!.results as Counts[]) {
    by[r.status] = (by[r.status] ?? 0) + r.n;
    if (r.status === 'failed') failedBy[r.error_class ?? 'unknown'] = (failedBy[r.error_class ?? 'unknown'] ?? 0) + r.n;
    possibleDuplicates += r.dup ?? 0;
    if (r.status === 'pending') deferred += r.deferred ?? 0;
  }
  const a = (archived!.results as Archived[])[0];
  const sent = by.sent ?? 0;
  const failed = by.failed ?? 0;
  const pending = (by.pending ?? 0) + (by.sending ?? 0);
  const skipped = by.skipped ?? 0;
  return {
    sent,
    failed,
    pending,
    skipped,
    sending: by.sending ?? 0,
    deferred,
    possibleDuplicates,
    failedBy,
    archived: { sent: a?.archived_sent ?? 0, failed: a?.archived_failed ?? 0, skipped: a?.archived_skipped ?? 0, at: a?.archived_at ?? null },
    total: sent + failed + pending + skipped,
    failures: (failures!.results as Failure[]).map((r) => ({ subscriberId: r.subscriber_id, error: r.last_error, errorClass: r.error_class, attempts: r.attempts })),
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

/**
 * Of these subscribers, those to whom no digest has been addressed yet (a delivery row that
 * failed or was skipped aside): their next digest is their first. Delivery rows older than
 * DELIVERY_RETENTION_DAYS are pruned, so a reader who got nothing for that long counts as new.
 */
export async function firstTimers(db: D1Database, ids: readonly number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const { results } = await db
    .prepare(
      `SELECT value AS id FROM json_each(?1)
       WHERE NOT EXISTS (SELECT 1 FROM digest_deliveries d WHERE d.subscriber_id = value AND d.status NOT IN ('failed', 'skipped'))`,
    )
    .bind(JSON.stringify(ids))
    .all<{ id: number }>();
  return new Set(results.map((r) => r.id));
}

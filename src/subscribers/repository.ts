/**
 * D1 storage of subscribers and their scopes (schema: migrations/0001_subscribers.sql).
 * Every state change is guarded by the state it expects (`WHERE status = …`), so two
 * requests racing each other cannot, say, re-activate somebody who just unsubscribed.
 */
import type { Scope } from './scopes';

export const SUBSCRIBER_STATUSES = ['pending', 'active', 'unsubscribed'] as const;
export type SubscriberStatus = (typeof SUBSCRIBER_STATUSES)[number];

export interface Subscriber {
  id: number;
  email: string;
  status: SubscriberStatus;
  createdAt: string;
  updatedAt: string;
  confirmedAt: string | null;
  unsubscribedAt: string | null;
  lastConfirmationSentAt: string | null;
  scopes: Scope[];
}

interface SubscriberRow {
  id: number;
  email: string;
  status: SubscriberStatus;
  created_at: string;
  updated_at: string;
  confirmed_at: string | null;
  unsubscribed_at: string | null;
  last_confirmation_sent_at: string | null;
}

/** What a subscribe request found: `previous` decides which email goes out, never the answer. */
export interface SubscribeOutcome {
  subscriber: Subscriber;
  previous: 'new' | SubscriberStatus;
}

/** One active subscriber as the digest reads them. */
export interface ActiveSubscriber {
  id: number;
  email: string;
  scopes: Scope[];
}

const iso = (now: Date | number) => new Date(now).toISOString();

function toSubscriber(row: SubscriberRow, scopes: Scope[]): Subscriber {
  return {
    id: row.id,
    email: row.email,
    status: row.status,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    confirmedAt: row.confirmed_at,
    unsubscribedAt: row.unsubscribed_at,
    lastConfirmationSentAt: row.last_confirmation_sent_at,
    scopes,
  };
}

async function scopesOf(db: D1Database, id: number): Promise<Scope[]> {
  const { results } = await db
    .prepare('SELECT scope FROM subscriber_scopes WHERE subscriber_id = ? ORDER BY scope')
    .bind(id)
    .all<{ scope: Scope }>();
  return results.map((r) => r.scope);
}

export async function findSubscriberById(db: D1Database, id: number): Promise<Subscriber | null> {
  const row = await db.prepare('SELECT * FROM subscribers WHERE id = ?').bind(id).first<SubscriberRow>();
  return row ? toSubscriber(row, await scopesOf(db, row.id)) : null;
}

/** Adds scopes to a subscriber while (and only while) they are pending. */
function insertScopes(db: D1Database, subscriberSelector: { email: string } | { id: number }, scopes: readonly Scope[], now: string) {
  const [where, value] = 'email' in subscriberSelector ? ['email = ?', subscriberSelector.email] : ['id = ?', subscriberSelector.id];
  return scopes.map((scope) =>
    db
      .prepare(
        `INSERT INTO subscriber_scopes (subscriber_id, scope, created_at)
         SELECT id, ?, ? FROM subscribers WHERE ${where} AND status = 'pending'
         ON CONFLICT (subscriber_id, scope) DO NOTHING`,
      )
      .bind(scope, now, value),
  );
}

/** "all" covers everything: once a subscriber has it, their other scopes are redundant. */
function collapseToAll(db: D1Database, id: number) {
  return db
    .prepare(
      `DELETE FROM subscriber_scopes WHERE subscriber_id = ?1 AND scope <> 'all'
         AND EXISTS (SELECT 1 FROM subscriber_scopes WHERE subscriber_id = ?1 AND scope = 'all')`,
    )
    .bind(id);
}

/**
 * Records a subscribe request:
 * - new address → pending with the requested scopes;
 * - pending → the requested scopes are added (asking twice is harmless);
 * - unsubscribed → pending again with the requested scopes (needs a new confirmation);
 * - active → nothing changes: nobody can alter an active subscription without its links.
 */
export async function recordSubscribeRequest(
  db: D1Database,
  email: string,
  scopes: readonly Scope[],
  now: Date | number = Date.now(),
): Promise<SubscribeOutcome> {
  const at = iso(now);
  for (let attempt = 0; attempt < 3; attempt++) {
    const existing = await db.prepare('SELECT * FROM subscribers WHERE email = ?').bind(email).first<SubscriberRow>();
    if (!existing) {
      const [inserted] = await db.batch<SubscriberRow>([
        db
          .prepare(
            `INSERT INTO subscribers (email, status, created_at, updated_at) VALUES (?, 'pending', ?, ?)
             ON CONFLICT (email) DO NOTHING RETURNING *`,
          )
          .bind(email, at, at),
        ...insertScopes(db, { email }, scopes, at),
      ]);
      const row = inserted?.results[0];
      // Another request created the row between our SELECT and INSERT: go round again.
      if (!row) continue;
      return { subscriber: toSubscriber(row, await scopesOf(db, row.id)), previous: 'new' };
    }
    if (existing.status === 'active') {
      return { subscriber: toSubscriber(existing, await scopesOf(db, existing.id)), previous: 'active' };
    }
    if (existing.status === 'pending') {
      const [updated] = await db.batch<SubscriberRow>([
        db.prepare(`UPDATE subscribers SET updated_at = ? WHERE id = ? AND status = 'pending' RETURNING *`).bind(at, existing.id),
        ...insertScopes(db, { id: existing.id }, scopes, at),
        collapseToAll(db, existing.id),
      ]);
      const row = updated?.results[0];
      if (!row) continue; // confirmed or unsubscribed meanwhile
      return { subscriber: toSubscriber(row, await scopesOf(db, row.id)), previous: 'pending' };
    }
    // Unsubscribed: start over as pending, with exactly the scopes asked for now.
    const [updated] = await db.batch<SubscriberRow>([
      db
        .prepare(
          `UPDATE subscribers SET status = 'pending', confirmed_at = NULL, unsubscribed_at = NULL, updated_at = ?
           WHERE id = ? AND status = 'unsubscribed' RETURNING *`,
        )
        .bind(at, existing.id),
      // Only when the UPDATE above happened (the row is pending now), replace the scopes.
      db
        .prepare(`DELETE FROM subscriber_scopes WHERE subscriber_id = ? AND (SELECT status FROM subscribers WHERE id = ?) = 'pending'`)
        .bind(existing.id, existing.id),
      ...insertScopes(db, { id: existing.id }, scopes, at),
    ]);
    const row = updated?.results[0];
    if (!row) continue;
    return { subscriber: toSubscriber(row, await scopesOf(db, row.id)), previous: 'unsubscribed' };
  }
  throw new Error(`subscribe request for subscriber kept racing with other changes`);
}

/**
 * Claims the right to send a confirmation email now: succeeds for at most one caller per
 * address per `intervalMs`. Atomic, so parallel requests cannot both send.
 */
export async function claimConfirmationSend(
  db: D1Database,
  subscriberId: number,
  now: Date | number = Date.now(),
  intervalMs = 60 * 60 * 1000,
): Promise<{ claimed: true; previous: string | null } | { claimed: false }> {
  const at = iso(now);
  const cutoff = iso(new Date(now).getTime() - intervalMs);
  const before = await db
    .prepare('SELECT last_confirmation_sent_at AS sent FROM subscribers WHERE id = ?')
    .bind(subscriberId)
    .first<{ sent: string | null }>();
  if (!before) return { claimed: false };
  const claimed = await db
    .prepare(
      // Never to a suppressed address (hard bounce, complaint): no mail of any kind.
      `UPDATE subscribers SET last_confirmation_sent_at = ?1
       WHERE id = ?2 AND last_confirmation_sent_at IS ?3 AND suppressed_at IS NULL
         AND (last_confirmation_sent_at IS NULL OR last_confirmation_sent_at <= ?4)
       RETURNING id`,
    )
    .bind(at, subscriberId, before.sent, cutoff)
    .first<{ id: number }>();
  return claimed ? { claimed: true, previous: before.sent } : { claimed: false };
}

/** Gives the claim back when the email could not be sent, so the subscriber can retry at once. */
export async function releaseConfirmationSend(db: D1Database, subscriberId: number, claimedAt: Date | number, previous: string | null) {
  await db
    .prepare('UPDATE subscribers SET last_confirmation_sent_at = ? WHERE id = ? AND last_confirmation_sent_at = ?')
    .bind(previous, subscriberId, iso(claimedAt))
    .run();
}

export type ConfirmResult =
  | { result: 'confirmed'; subscriber: Subscriber }
  | { result: 'already-active'; subscriber: Subscriber }
  | { result: 'unsubscribed'; subscriber: Subscriber }
  | { result: 'not-found' };

/** pending → active. Links in old emails cannot bring back somebody who unsubscribed since. */
export async function confirmSubscriber(db: D1Database, id: number, now: Date | number = Date.now()): Promise<ConfirmResult> {
  const at = iso(now);
  const row = await db
    .prepare(`UPDATE subscribers SET status = 'active', confirmed_at = ?, updated_at = ? WHERE id = ? AND status = 'pending' RETURNING *`)
    .bind(at, at, id)
    .first<SubscriberRow>();
  if (row) return { result: 'confirmed', subscriber: toSubscriber(row, await scopesOf(db, id)) };
  const current = await findSubscriberById(db, id);
  if (!current) return { result: 'not-found' };
  return current.status === 'active' ? { result: 'already-active', subscriber: current } : { result: 'unsubscribed', subscriber: current };
}

/** Replaces the scopes of a subscriber who has not unsubscribed; null when there is none such. */
export async function replaceScopes(
  db: D1Database,
  id: number,
  scopes: readonly Scope[],
  now: Date | number = Date.now(),
): Promise<Subscriber | null> {
  if (scopes.length === 0) throw new RangeError('a subscriber follows at least one scope');
  const at = iso(now);
  const [updated] = await db.batch<SubscriberRow>([
    db.prepare(`UPDATE subscribers SET updated_at = ? WHERE id = ? AND status <> 'unsubscribed' RETURNING *`).bind(at, id),
    db
      .prepare(`DELETE FROM subscriber_scopes WHERE subscriber_id = ? AND (SELECT status FROM subscribers WHERE id = ?) <> 'unsubscribed'`)
      .bind(id, id),
    ...scopes.map((scope) =>
      db
        .prepare(
          `INSERT INTO subscriber_scopes (subscriber_id, scope, created_at)
           SELECT id, ?, ? FROM subscribers WHERE id = ? AND status <> 'unsubscribed'
           ON CONFLICT (subscriber_id, scope) DO NOTHING`,
        )
        .bind(scope, at, id),
    ),
  ]);
  const row = updated?.results[0];
  return row ? toSubscriber(row, await scopesOf(db, id)) : null;
}

export type UnsubscribeResult =
  | { result: 'unsubscribed'; subscriber: Subscriber }
  | { result: 'already-unsubscribed'; subscriber: Subscriber }
  | { result: 'not-found' };

/** Any state → unsubscribed, at once. The scopes are kept for the record; they are ignored. */
export async function unsubscribeSubscriber(db: D1Database, id: number, now: Date | number = Date.now()): Promise<UnsubscribeResult> {
  const at = iso(now);
  const row = await db
    .prepare(
      `UPDATE subscribers SET status = 'unsubscribed', unsubscribed_at = ?, updated_at = ?
       WHERE id = ? AND status <> 'unsubscribed' RETURNING *`,
    )
    .bind(at, at, id)
    .first<SubscriberRow>();
  if (row) return { result: 'unsubscribed', subscriber: toSubscriber(row, await scopesOf(db, id)) };
  const current = await findSubscriberById(db, id);
  return current ? { result: 'already-unsubscribed', subscriber: current } : { result: 'not-found' };
}

/**
 * Active subscribers with their scopes, in id order, `limit` at a time: pass the last id of
 * one batch as `afterId` of the next. Only active subscribers ever receive digests, and never
 * a suppressed address (hard bounce, complaint, repeated soft bounces).
 */
export async function listActiveSubscribers(
  db: D1Database,
  options: { afterId?: number; limit?: number } = {},
): Promise<ActiveSubscriber[]> {
  const limit = Math.min(Math.max(options.limit ?? 100, 1), 1000);
  const { results } = await db
    .prepare(
      `SELECT s.id AS id, s.email AS email, json_group_array(sc.scope) AS scopes
       FROM subscribers s JOIN subscriber_scopes sc ON sc.subscriber_id = s.id
       WHERE s.status = 'active' AND s.suppressed_at IS NULL AND s.id > ?
       GROUP BY s.id ORDER BY s.id LIMIT ?`,
    )
    .bind(options.afterId ?? 0, limit)
    .all<{ id: number; email: string; scopes: string }>();
  return results.map((r) => ({ id: r.id, email: r.email, scopes: (JSON.parse(r.scopes) as Scope[]).sort() }));
}

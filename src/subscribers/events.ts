/**
 * Delivery events: bounces and complaints keep the list clean.
 *
 * Two sources, one handling:
 * - Cloudflare Email Service publishes Email Sending events (`message.bounced` with
 *   `payload.bounce.type` "hard"/"soft", `message.complained`, `message.delivered`, …) to a
 *   Queue (binding MAIL_EVENTS, queue `tidings-mail-events`); the Worker consumes it.
 * - The HTTP transport's API (Resend) posts `email.bounced` (bounce.type Permanent/Transient),
 *   `email.complained`, `email.delivered`, … to `POST /webhooks/mail`, signed Svix-style:
 *   forged, stale or replayed deliveries are refused.
 *
 * A hard bounce or a complaint stops all mail to the address (suppressed_at); soft bounces are
 * counted (a delivery resets the count) and SOFT_BOUNCE_LIMIT (default 3) of them in a row stop
 * mail too. Pure parsing first, D1 at the end.
 */
import type { Env } from '../env';

export type MailEventKind = 'hard-bounce' | 'soft-bounce' | 'complaint' | 'delivered' | 'ignored';

export interface MailEvent {
  kind: MailEventKind;
  /** The recipient address the event is about. */
  recipient: string;
  /** The provider's description (bounce message, event type). */
  detail: string;
  at: string;
}

const asString = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const firstAddress = (v: unknown): string | undefined => {
  const raw = Array.isArray(v) ? v.find((x) => typeof x === 'string') : v;
  if (typeof raw !== 'string') return undefined;
  return /<([^<>\s]+@[^<>\s]+)>/.exec(raw)?.[1] ?? raw.trim();
};
const obj = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

/** A Cloudflare Email Sending event (from the queue), or undefined when it is not one. */
export function parseEmailServiceEvent(body: unknown, now = new Date()): MailEvent | undefined {
  const event = obj(body);
  const type = asString(event.type) ?? asString(event.eventType);
  if (!type) return undefined;
  const payload = obj(event.payload ?? event.data);
  const recipient = firstAddress(payload.recipient ?? payload.to ?? payload.rcptTo ?? payload.email);
  if (!recipient) return undefined;
  const at = asString(payload.timestamp) ?? asString(event.time) ?? asString(event.timestamp) ?? now.toISOString();
  const bounce = obj(payload.bounce);
  const detail = [type, asString(bounce.type), asString(bounce.reason) ?? asString(bounce.message) ?? asString(payload.reason)].filter(Boolean).join(': ');
  if (/bounced$/.test(type)) return { kind: /^hard|permanent/i.test(asString(bounce.type) ?? 'hard') ? 'hard-bounce' : 'soft-bounce', recipient, detail, at };
  if (/complain/.test(type)) return { kind: 'complaint', recipient, detail, at };
  if (/delivered$/.test(type)) return { kind: 'delivered', recipient, detail, at };
  return { kind: 'ignored', recipient, detail, at };
}

/** A Resend webhook event (`email.bounced`, `email.complained`, …), or undefined. */
export function parseResendEvent(body: unknown, now = new Date()): MailEvent | undefined {
  const event = obj(body);
  const type = asString(event.type);
  if (!type || !type.startsWith('email.')) return undefined;
  const data = obj(event.data);
  const recipient = firstAddress(data.to ?? data.email);
  if (!recipient) return undefined;
  const at = asString(event.created_at) ?? now.toISOString();
  const bounce = obj(data.bounce);
  const detail = [type, asString(bounce.type), asString(bounce.subType), asString(bounce.message)].filter(Boolean).join(': ');
  if (type === 'email.bounced') return { kind: /transient/i.test(asString(bounce.type) ?? '') ? 'soft-bounce' : 'hard-bounce', recipient, detail, at };
  if (type === 'email.complained') return { kind: 'complaint', recipient, detail, at };
  if (type === 'email.delivered') return { kind: 'delivered', recipient, detail, at };
  return { kind: 'ignored', recipient, detail, at };
}

export function softBounceLimit(env: Pick<Env, 'SOFT_BOUNCE_LIMIT'>): number {
  const n = Number(env.SOFT_BOUNCE_LIMIT);
  return Number.isInteger(n) && n > 0 ? n : 3;
}

/** Applies events to the subscribers they name, in one D1 batch. Unknown addresses are ignored. */
export async function applyMailEvents(db: D1Database, events: MailEvent[], options: { softBounceLimit: number; now?: Date }): Promise<void> {
  const now = (options.now ?? new Date()).toISOString();
  const statements: D1PreparedStatement[] = [];
  for (const e of events) {
    const detail = e.detail.slice(0, 500);
    if (e.kind === 'hard-bounce' || e.kind === 'complaint') {
      const reason = e.kind === 'complaint' ? 'complaint' : 'hard-bounce';
      statements.push(
        db
          .prepare(
            `UPDATE subscribers SET suppressed_reason = CASE WHEN suppressed_at IS NULL THEN ?2 ELSE suppressed_reason END,
               suppressed_at = COALESCE(suppressed_at, ?3), last_failure = ?4, last_failure_at = ?3, updated_at = ?3
             WHERE email = ?1`,
          )
          .bind(e.recipient, reason, now, detail),
      );
    } else if (e.kind === 'soft-bounce') {
      statements.push(
        db
          .prepare(
            `UPDATE subscribers SET soft_bounces = soft_bounces + 1,
               suppressed_reason = CASE WHEN suppressed_at IS NULL AND soft_bounces + 1 >= ?2 THEN 'soft-bounces' ELSE suppressed_reason END,
               suppressed_at = CASE WHEN suppressed_at IS NULL AND soft_bounces + 1 >= ?2 THEN ?3 ELSE suppressed_at END,
               last_failure = ?4, last_failure_at = ?3, updated_at = ?3
             WHERE email = ?1`,
          )
          .bind(e.recipient, options.softBounceLimit, now, detail),
      );
    } else if (e.kind === 'delivered') {
      statements.push(db.prepare('UPDATE subscribers SET soft_bounces = 0 WHERE email = ? AND soft_bounces > 0').bind(e.recipient));
    }
  }
  if (statements.length > 0) await db.batch(statements);
}

/** The queue consumer of Email Service events: unreadable messages are logged and dropped, never retried forever. */
export async function handleMailEventQueue(batch: MessageBatch<unknown>, env: Env): Promise<void> {
  const events: MailEvent[] = [];
  for (const message of batch.messages) {
    const event = parseEmailServiceEvent(message.body) ?? parseResendEvent(message.body);
    if (!event) console.warn(`mail events: message ${message.id} is not a delivery event; dropped`);
    else if (event.kind !== 'ignored') events.push(event);
  }
  try {
    await applyMailEvents(env.DB, events, { softBounceLimit: softBounceLimit(env) });
    for (const e of events) if (e.kind !== 'delivered') console.log(`mail events: ${e.kind} for subscriber address (${e.detail})`);
    batch.ackAll();
  } catch (error) {
    console.error(`mail events: not applied, retrying: ${error instanceof Error ? error.message : String(error)}`);
    batch.retryAll({ delaySeconds: 30 });
  }
}

// --- Svix-style webhook signatures (what Resend sends) -------------------------------------

/** How far a webhook's timestamp may be from now: older deliveries are refused as replays. */
export const WEBHOOK_TOLERANCE_SECONDS = 5 * 60;

function base64ToBytes(b64: string): Uint8Array | undefined {
  try {
    return Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
  } catch {
    return undefined;
  }
}

function bytesToBase64(bytes: ArrayBuffer): string {
  let s = '';
  for (const b of new Uint8Array(bytes)) s += String.fromCharCode(b);
  return btoa(s);
}

/** The signature of a payload: base64 HMAC-SHA256 over `${id}.${timestamp}.${body}` with the secret's bytes. */
export async function signWebhook(secret: string, id: string, timestamp: string, body: string): Promise<string> {
  const key = base64ToBytes(secret.replace(/^whsec_/, ''));
  if (!key || key.length === 0) throw new Error('MAIL_WEBHOOK_SECRET is not a whsec_… base64 secret');
  const hmac = await crypto.subtle.importKey('raw', key, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return bytesToBase64(await crypto.subtle.sign('HMAC', hmac, new TextEncoder().encode(`${id}.${timestamp}.${body}`)));
}

export type WebhookCheck = { ok: true } | { ok: false; reason: 'missing-headers' | 'stale' | 'forged' };

/** Verifies svix-id / svix-timestamp / svix-signature ("v1,<base64> v1,<base64>…") in constant time. */
export async function verifyWebhook(secret: string, headers: { id?: string; timestamp?: string; signature?: string }, body: string, now = Date.now()): Promise<WebhookCheck> {
  if (!headers.id || !headers.timestamp || !headers.signature) return { ok: false, reason: 'missing-headers' };
  const ts = Number(headers.timestamp);
  if (!Number.isFinite(ts) || Math.abs(now / 1000 - ts) > WEBHOOK_TOLERANCE_SECONDS) return { ok: false, reason: 'stale' };
  const expected = new TextEncoder().encode(await signWebhook(secret, headers.id, headers.timestamp, body));
  for (const part of headers.signature.split(' ')) {
    const [version, sig] = part.split(',', 2);
    if (version !== 'v1' || !sig) continue;
    const given = new TextEncoder().encode(sig);
    if (given.length !== expected.length) continue;
    let diff = 0;
    for (let i = 0; i < given.length; i++) diff |= given[i]! ^ expected[i]!;
    if (diff === 0) return { ok: true };
  }
  return { ok: false, reason: 'forged' };
}

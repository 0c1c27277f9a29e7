/**
 * Pacing: calls to the mail service are spread to its rate limit instead of bouncing off it.
 *
 * A token bucket of one token refilled every `1 / rate` seconds, kept as its equivalent, the
 * time the next call may go (`next_at` of a D1 row per service, GCRA): every isolate and every
 * queue batch take their turn from the same row, so the limit holds however many consumers run.
 * A call reserves the next turn with one upsert and sleeps until it; a turn further away than
 * `maxWaitMs` is given back and reported as a rate limit (the queue brings the message back
 * then, not counted as an attempt). When the service still answers 429 (or the Email Service's
 * rate or daily limit), its `Retry-After` moves `next_at` for everybody, and the call waits and
 * goes again while that is short.
 */
import { type MailMessage, type MailTransport, MailTransportError } from './message';

/** A turn further away than this is not waited for in the consumer (it is deferred through the queue). */
export const MAX_PACED_WAIT_MS = 30_000;
/** The service's own limit is measured on its clock: 10 % of headroom against jitter. */
const HEADROOM = 1.1;
/** Rate-limit answers retried in place per message before the queue takes over. */
const IN_PLACE_RETRIES = 3;

export interface MailPacer {
  /** Waits for the next turn; throws a rate-limit MailTransportError when it is too far away. */
  acquire(): Promise<void>;
  /** The service said to wait until `at` (ms since the epoch): no turn before then. */
  holdUntil(at: number): Promise<void>;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The shared pacer of one service (`name`), `perSecond` calls a second at most. */
export function d1Pacer(db: D1Database, options: { name: string; perSecond: number; maxWaitMs?: number }): MailPacer {
  const interval = Math.ceil((1000 / options.perSecond) * HEADROOM);
  const maxWait = options.maxWaitMs ?? MAX_PACED_WAIT_MS;
  return {
    async acquire() {
      const now = Date.now();
      const row = await db
        .prepare(
          `INSERT INTO mail_pacing (name, next_at) VALUES (?1, ?2 + ?3)
           ON CONFLICT (name) DO UPDATE SET next_at = MAX(next_at, ?2) + ?3
           RETURNING next_at`,
        )
        .bind(options.name, now, interval)
        .first<{ next_at: number }>();
      const turn = row!.next_at - interval;
      const wait = turn - now;
      if (wait > maxWait) {
        // Given back when nobody took a turn after ours (else that turn stays a gap).
        await db.prepare('UPDATE mail_pacing SET next_at = ?2 WHERE name = ?1 AND next_at = ?3').bind(options.name, turn, row!.next_at).run();
        throw new MailTransportError(`mail service paced at ${options.perSecond}/s: the next turn is in ${Math.ceil(wait / 1000)} s`, {
          kind: 'rate-limit',
          retryAfterSeconds: Math.ceil(wait / 1000),
          code: 'PACED',
        });
      }
      if (wait > 0) await sleep(wait);
    },
    async holdUntil(at) {
      await db
        .prepare('INSERT INTO mail_pacing (name, next_at) VALUES (?1, ?2) ON CONFLICT (name) DO UPDATE SET next_at = MAX(next_at, ?2)')
        .bind(options.name, Math.round(at))
        .run();
    },
  };
}

/**
 * `transport`, taking a turn from `pacer` before each call; a rate-limit answer holds every
 * caller until its Retry-After and, when that is short, the same message (same key, same
 * body) goes again in place.
 */
export function pacedTransport(transport: MailTransport, pacer: MailPacer, options: { maxWaitMs?: number } = {}): MailTransport {
  const maxWait = options.maxWaitMs ?? MAX_PACED_WAIT_MS;
  return {
    name: transport.name,
    ...(transport.deduplicates !== undefined ? { deduplicates: transport.deduplicates } : {}),
    async send(message: MailMessage) {
      for (let retry = 0; ; retry++) {
        await pacer.acquire();
        try {
          return await transport.send(message);
        } catch (error) {
          if (!(error instanceof MailTransportError) || error.kind !== 'rate-limit' || error.code === 'PACED') throw error;
          const seconds = error.retryAfterSeconds ?? 1;
          await pacer.holdUntil(Date.now() + seconds * 1000);
          if (retry >= IN_PLACE_RETRIES || seconds * 1000 > maxWait) throw error;
        }
      }
    },
  };
}

/**
 * Calls a second from `MAIL_RATE_PER_SECOND`; when it is empty, 2 for the HTTP API (Resend's
 * default limit) and none for the Email Service binding. 0 or "none": not paced.
 */
export function mailRate(value: string | undefined, transport: string): number | undefined {
  const raw = (value ?? '').trim().toLowerCase();
  if (raw === '') return transport === 'http' ? 2 : undefined;
  if (raw === 'none') return undefined;
  const n = Number(raw);
  return Number.isFinite(n) && n > 0 ? n : undefined;
}

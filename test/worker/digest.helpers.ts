/**
 * Shared helpers of the digest tests: active subscribers written straight into the real local
 * D1, a recording queue producer, a recording (and optionally failing) mail transport, and
 * the sample site as it was on an earlier date.
 */
import { env } from 'cloudflare:workers';
import { vi } from 'vitest';
import { indexMilestones } from '../../src/content/milestones';
import type { SiteModel, Update } from '../../src/content/model';
import type { DigestBatch } from '../../src/digest';
import type { Env } from '../../src/env';
import type { MailMessage, MailTransport } from '../../src/mail';
import { site } from '../../src/site';

export { env, site };

/**
 * Moves the clock on by `ms` at once: "a second later" without waiting a second (issue 19). Only
 * `Date` is faked, and it stands still until the next call; timers, fetch timeouts and D1 stay
 * real. `vi.useRealTimers()` (or `vi.restoreAllMocks` in the files' afterEach) puts it back.
 * Not for pacing tests: a pacer needs a clock that runs.
 */
export function later(ms: number): void {
  vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + ms });
}

/** Empties the digest tables (subscribers of other tests stay: assertions filter by address). */
export async function resetDigests(): Promise<void> {
  await env.DB.batch([
    env.DB.prepare('DELETE FROM digest_deliveries'),
    env.DB.prepare('DELETE FROM digest_snapshots'),
    env.DB.prepare('DELETE FROM digest_snapshot_parts'),
    env.DB.prepare('DELETE FROM digests'),
  ]);
}

let counter = 0;
/** An active (confirmed) subscriber following `scopes`; returns id and address. */
export async function activeSubscriber(scopes: string[], tag = 'digest'): Promise<{ id: number; email: string }> {
  counter += 1;
  const email = `${tag}-${counter}-${crypto.randomUUID().slice(0, 8)}@example.com`;
  const at = new Date().toISOString();
  const row = await env.DB.prepare(
    "INSERT INTO subscribers (email, status, created_at, updated_at, confirmed_at) VALUES (?, 'active', ?, ?, ?) RETURNING id",
  )
    .bind(email, at, at, at)
    .first<{ id: number }>();
  await env.DB.batch(scopes.map((s) => env.DB.prepare('INSERT INTO subscriber_scopes (subscriber_id, scope, created_at) VALUES (?, ?, ?)').bind(row!.id, s, at)));
  return { id: row!.id, email };
}

/** A queue producer that keeps what is sent (the test then plays the consumer), with the delay asked for. */
export function recordingQueue(): { queue: Queue<DigestBatch>; batches: DigestBatch[]; delays: Array<number | undefined>; take(): DigestBatch[] } {
  const batches: DigestBatch[] = [];
  const delays: Array<number | undefined> = [];
  const queue = {
    async send(body: DigestBatch, options?: QueueSendOptions) {
      batches.push(body);
      delays.push(options?.delaySeconds);
    },
    async sendBatch(messages: Iterable<MessageSendRequest<DigestBatch>>) {
      for (const m of messages) {
        batches.push(m.body);
        delays.push(m.delaySeconds);
      }
    },
  } as unknown as Queue<DigestBatch>;
  /** Removes and returns what was enqueued so far (the next round of messages). */
  const take = () => {
    delays.splice(0);
    return batches.splice(0);
  };
  return { queue, batches, delays, take };
}

/** What the fake mail API does with one POST, by recipient and attempt (1-based). */
export type ApiBehaviour =
  | 'accept'
  /** 500: the API failed; nothing was taken. */
  | 'error-500'
  /** 422: the API will never take this message (invalid recipient). */
  | 'reject-422'
  /** 429 with Retry-After (seconds). */
  | { rateLimit: number }
  /** Takes the message, then answers only after the client gave up (a timeout). */
  | 'hang-then-accept'
  /** Takes the message, then the connection is reset before the answer. */
  | 'reset';

export interface FakeMailApi {
  fetch: typeof fetch;
  /** Messages the API delivered to a mailbox (after deduplication by Idempotency-Key when on). */
  delivered: Array<{ to: string; subject: string; idempotencyKey: string | null; headers: Record<string, string>; html: string; text: string }>;
  /** Every POST, in order, with its whole request body and what the API answered. */
  calls: Array<{ to: string; idempotencyKey: string | null; body: string; status: number; at: number; paced?: boolean }>;
  to(address: string): FakeMailApi['delivered'];
}

export interface FakeMailApiOptions {
  /**
   * Deduplicate by Idempotency-Key as Resend documents it (default true): the same key with the
   * same body delivers nothing and answers the first id; the same key with another body
   * answers `409 invalid_idempotent_request` and delivers nothing.
   */
  deduplicate?: boolean;
  /** A sliding one-second window: the call over `perSecond` answers 429 with Retry-After: 1. */
  perSecond?: number;
}

/** A Resend-style API that fails deterministically per recipient and attempt (see FakeMailApiOptions). */
export function fakeMailApi(behaviour: (to: string, attempt: number) => ApiBehaviour, options: FakeMailApiOptions = {}): FakeMailApi {
  const deduplicate = options.deduplicate ?? true;
  const delivered: FakeMailApi['delivered'] = [];
  const calls: FakeMailApi['calls'] = [];
  const taken = new Map<string, { id: string; body: string }>();
  const window: number[] = [];
  const answer = (call: FakeMailApi['calls'][number], response: Response) => {
    call.status = response.status;
    return response;
  };
  const fetchImpl = async (_input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const raw = String(init?.body);
    const body = JSON.parse(raw) as { to: string[]; subject: string; html: string; text: string; headers?: Record<string, string> };
    const headers = new Headers(init?.headers);
    const key = headers.get('Idempotency-Key');
    const to = body.to[0]!;
    const call = { to, idempotencyKey: key, body: raw, status: 0, at: Date.now() };
    calls.push(call);
    if (options.perSecond !== undefined) {
      const now = Date.now();
      while (window.length > 0 && window[0]! <= now - 1000) window.shift();
      if (window.length >= options.perSecond) return answer(Object.assign(call, { paced: true }), Response.json({ name: 'rate_limit_exceeded' }, { status: 429, headers: { 'Retry-After': '1' } }));
      window.push(now);
    }
    const attempt = calls.filter((c) => c.to === to && !c.paced).length;
    const what = behaviour(to, attempt);
    // What the API does with a message it takes: null when it refuses a reused key with another body.
    const take = (): string | null => {
      if (deduplicate && key && taken.has(key)) {
        const first = taken.get(key)!;
        return first.body === raw ? first.id : null;
      }
      const id = crypto.randomUUID();
      if (key) taken.set(key, { id, body: raw });
      delivered.push({ to, subject: body.subject, idempotencyKey: key, headers: body.headers ?? {}, html: body.html, text: body.text });
      return id;
    };
    const conflict = () =>
      answer(call, Response.json({ name: 'invalid_idempotent_request', message: 'Same idempotency key used with a different request payload.' }, { status: 409 }));
    if (what === 'error-500') return answer(call, new Response('{"message":"internal error"}', { status: 500 }));
    if (what === 'reject-422') return answer(call, Response.json({ name: 'validation_error', message: 'Invalid `to` field.' }, { status: 422 }));
    if (typeof what === 'object') return answer(call, Response.json({ name: 'rate_limit_exceeded' }, { status: 429, headers: { 'Retry-After': String(what.rateLimit) } }));
    if (what === 'reset') {
      take();
      call.status = -1;
      throw new TypeError('Network connection lost.');
    }
    if (what === 'hang-then-accept') {
      const id = take();
      call.status = -1;
      // Answers only after the client's timeout fired.
      await new Promise<void>((resolve) => {
        const signal = init?.signal;
        if (signal?.aborted) return resolve();
        signal?.addEventListener('abort', () => resolve());
        setTimeout(resolve, 5_000);
      });
      init?.signal?.throwIfAborted();
      return id === null ? conflict() : answer(call, Response.json({ id }));
    }
    const id = take();
    return id === null ? conflict() : answer(call, Response.json({ id }));
  };
  return { fetch: fetchImpl as typeof fetch, delivered, calls, to: (address) => delivered.filter((d) => d.to === address) };
}

export interface RecordingTransport extends MailTransport {
  sent: MailMessage[];
  attempts: string[];
  to(address: string): MailMessage[];
}

/** Records every message; `fails(address, attempt)` makes chosen sends throw. */
export function recordingTransport(fails: (to: string, attempt: number) => boolean = () => false): RecordingTransport {
  const sent: MailMessage[] = [];
  const attempts: string[] = [];
  return {
    name: 'recording',
    sent,
    attempts,
    to: (address) => sent.filter((m) => m.to === address),
    async send(message) {
      attempts.push(message.to);
      const attempt = attempts.filter((a) => a === message.to).length;
      if (fails(message.to, attempt)) throw new Error(`mailbox ${message.to} unavailable (attempt ${attempt})`);
      sent.push(message);
      return { id: `<${crypto.randomUUID()}@test>` };
    },
  };
}

/** The site as it was once the updates up to `date` were published (optionally one replaced). */
export function siteAsOf(date: string, replace?: Update): SiteModel {
  const updates = site.updates.filter((u) => u.date <= date).map((u) => (replace && u.id === replace.id ? replace : u));
  return { ...site, version: `${site.version}@${date}${replace ? `+${replace.hash}` : ''}`, updates, milestones: indexMilestones(updates) };
}

export function testEnv(overrides: Partial<Env> = {}): Env {
  return { ...(env as unknown as Env), ...overrides };
}

/**
 * The env with a queue nobody plays, for a cut whose mail no test reads (a baseline): its
 * batches stay out of the real local queue, which the files of the worker project share
 * (vitest.config.mts), so no consumer mails them after the test has moved on.
 */
export function unplayedQueueEnv(): Env {
  return testEnv({ DIGEST_QUEUE: recordingQueue().queue as unknown as Queue });
}

let messageId = 0;
/** Queue messages as the runtime would deliver them, from recorded batches. */
export function asMessages(batches: DigestBatch[], attempts = 1) {
  return batches.map((body) => ({ id: `msg-${++messageId}`, timestamp: new Date(), attempts, body }));
}

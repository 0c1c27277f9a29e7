/**
 * Nothing lost, nothing twice, nothing silent (issue 18): the digest consumer against a stub
 * mail API that deduplicates by key and body as Resend documents it (the same key with another
 * body answers 409 invalid_idempotent_request), and against one that does not deduplicate.
 * Retries come a second or more after the first attempt, as they do in production, so a
 * token minted at send time would change the body. Real local D1; the queue is played here.
 */
import { createExecutionContext, createMessageBatch, createScheduledController, getQueueResult, waitOnExecutionContext } from 'cloudflare:test';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import worker from '../../src/index';
import { createApp } from '../../src/app';
import { cutDigest, deliverBatch, handleDigestQueue, type DigestBatch } from '../../src/digest';
import { STALE_CLAIM_MS } from '../../src/digest/store';
import type { Env } from '../../src/env';
import { d1Pacer, httpTransport, MailTransportError, type MailTransport } from '../../src/mail';
import { activeSubscriber, asMessages, env, fakeMailApi, recordingQueue, later, resetDigests, site, testEnv, type ApiBehaviour, type FakeMailApi } from './digest.helpers';

beforeEach(resetDigests);
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

const admin = { Authorization: `Bearer ${env.ADMIN_TOKEN}` };
const app = createApp(site);
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Plays the queue until nothing is left. Between rounds the clock moves on by `pauseMs`, or the
 * shortest delay asked for (at most `maxDelayMs`: longer backoffs are skipped, limits kept in D1
 * still hold): at once (`later`), or by waiting when `realTime` (a pacer needs a running clock).
 */
async function drain(e: Env, q: ReturnType<typeof recordingQueue>, first: DigestBatch[], transport: MailTransport | undefined, options: { pauseMs?: number; maxDelayMs?: number; rounds?: number; realTime?: boolean } = {}) {
  let round = first;
  for (let i = 0; i < (options.rounds ?? 40) && round.length > 0; i++) {
    const batch = createMessageBatch<DigestBatch>('tidings-digest', asMessages(round));
    await handleDigestQueue(batch, e, site, transport);
    const result = await getQueueResult(batch, createExecutionContext());
    expect(result.retryMessages).toEqual([]);
    const delays = q.delays.filter((d): d is number => d !== undefined);
    round = q.take();
    if (round.length === 0) break;
    const wait = options.pauseMs ?? Math.min(options.maxDelayMs ?? 1200, delays.length > 0 ? Math.min(...delays) * 1000 : 0);
    if (wait > 0 && options.realTime) await sleep(wait);
    else if (wait > 0) later(wait);
  }
  return round;
}

function tagged(batches: DigestBatch[], tag: string): DigestBatch[] {
  return batches.map((b) => ({ ...b, recipients: b.recipients.filter((r) => r.email.startsWith(`${tag}-`)) })).filter((b) => b.recipients.length > 0);
}

async function rows(digestId: number, tag: string) {
  const { results } = await env.DB.prepare(
    `SELECT s.email AS email, d.status AS status, d.attempts AS attempts, d.error_class AS class, d.ambiguous AS ambiguous, d.possible_duplicate AS dup
     FROM digest_deliveries d JOIN subscribers s ON s.id = d.subscriber_id WHERE d.digest_id = ? AND s.email LIKE ? ORDER BY s.id`,
  )
    .bind(digestId, `${tag}-%`)
    .all<{ email: string; status: string; attempts: number; class: string | null; ambiguous: number; dup: number }>();
  return new Map(results.map((r) => [r.email, r]));
}

/** Every request under one idempotency key had the same body (byte for byte). */
function oneBodyPerKey(api: FakeMailApi) {
  const bodies = new Map<string, Set<string>>();
  for (const c of api.calls) if (c.idempotencyKey) bodies.set(c.idempotencyKey, (bodies.get(c.idempotencyKey) ?? new Set()).add(c.body));
  return [...bodies.entries()].filter(([, b]) => b.size > 1).map(([k]) => k);
}

/** The environment of an HTTP API transport built by `mailTransport(env)`, with fetch answered by `api`. */
function httpEnv(api: FakeMailApi, q: ReturnType<typeof recordingQueue>, overrides: Partial<Env> = {}): Env {
  vi.spyOn(globalThis, 'fetch').mockImplementation(api.fetch);
  return testEnv({ DIGEST_QUEUE: q.queue as unknown as Queue, MAIL_TRANSPORT: 'http', MAIL_API_URL: 'https://mail.test/emails', MAIL_API_KEY: 'k', ...overrides });
}

describe('one message, one body', () => {
  it('a retry a second later (after a timeout, a reset, a 500) is the same request under the same key: one copy each, every row sent', async () => {
    const readers = await Promise.all(Array.from({ length: 4 }, () => activeSubscriber(['all'], 'same')));
    const [hang, reset, err500, ok] = readers.map((r) => r.email) as [string, string, string, string];
    const api = fakeMailApi((to, attempt): ApiBehaviour => {
      if (attempt > 1) return 'accept';
      return to === hang ? 'hang-then-accept' : to === reset ? 'reset' : to === err500 ? 'error-500' : 'accept';
    });
    const transport = httpTransport({ url: 'https://mail.test/emails', apiKey: 'k', fetch: api.fetch, timeoutMs: 50 });
    const q = recordingQueue();
    const e = testEnv({ DIGEST_QUEUE: q.queue as unknown as Queue });
    const { digest } = await cutDigest(e, site, { period: 'same', now: new Date(Date.now() - 5_000) });
    expect(await drain(e, q, tagged(q.take(), 'same'), transport, { pauseMs: 1100 })).toEqual([]);
    expect(oneBodyPerKey(api)).toEqual([]);
    // Each retry went out a second later by the clock the code reads.
    for (const email of [hang, reset, err500]) {
      const at = api.calls.filter((c) => c.to === email).map((c) => c.at);
      expect(at.length, email).toBe(2);
      expect(at[1]! - at[0]!, email).toBeGreaterThanOrEqual(1000);
    }
    for (const email of [hang, reset, err500, ok]) expect(api.to(email), email).toHaveLength(1);
    for (const r of (await rows(digest.id, 'same')).values()) expect(r, r.email).toMatchObject({ status: 'sent', dup: 0 });
    // The unsubscribe link in the header is the one in the body, issued at the cut.
    const mail = api.to(ok)[0]!;
    const link = mail.headers['List-Unsubscribe']!.slice(1, -1);
    expect(mail.html.replaceAll('&amp;', '&')).toContain(link);
  });

  it('a 409 for a reused key (the body changed between attempts, e.g. a deploy) means the first attempt was taken: sent, not failed', async () => {
    const reader = await activeSubscriber(['all'], 'conflict');
    const api = fakeMailApi((_to, attempt) => (attempt === 1 ? 'hang-then-accept' : 'accept'));
    // A new template between the attempts: the retry's body differs from the first one.
    let attempts = 0;
    const deployed: typeof fetch = (input, init) => {
      attempts++;
      const body = attempts === 1 ? String(init?.body) : String(init?.body).replace('"html":"', '"html":"<!-- v2 -->');
      return api.fetch(input, { ...init, body });
    };
    const transport = httpTransport({ url: 'https://mail.test/emails', apiKey: 'k', fetch: deployed, timeoutMs: 50 });
    const q = recordingQueue();
    const e = testEnv({ DIGEST_QUEUE: q.queue as unknown as Queue });
    const { digest } = await cutDigest(e, site, { period: 'conflict', now: new Date() });
    expect(await drain(e, q, tagged(q.take(), 'conflict'), transport)).toEqual([]);
    expect(api.calls.map((c) => c.status)).toEqual([-1, 409]);
    expect(api.to(reader.email)).toHaveLength(1);
    expect((await rows(digest.id, 'conflict')).get(reader.email)).toMatchObject({ status: 'sent', attempts: 2, ambiguous: 1, dup: 0 });
  });
});

describe('a transport that cannot deduplicate says so', () => {
  it('MAIL_API_IDEMPOTENCY = "false": every reader who may hold two copies is counted, and only those', async () => {
    const readers = await Promise.all(Array.from({ length: 4 }, () => activeSubscriber(['all'], 'twice')));
    const [resetOnce, resetAlways, resetThen500, ok] = readers.map((r) => r.email) as [string, string, string, string];
    const api = fakeMailApi(
      (to, attempt): ApiBehaviour => {
        if (to === resetOnce) return attempt === 1 ? 'reset' : 'accept';
        if (to === resetAlways) return 'reset';
        if (to === resetThen500) return attempt === 1 ? 'reset' : 'error-500';
        return 'accept';
      },
      { deduplicate: false },
    );
    const q = recordingQueue();
    const e = httpEnv(api, q, { MAIL_API_IDEMPOTENCY: 'false', MAIL_RATE_PER_SECOND: 'none' });
    const { digest } = await cutDigest(e, site, { period: 'twice', now: new Date() });
    expect(await drain(e, q, tagged(q.take(), 'twice'), undefined, { maxDelayMs: 0 })).toEqual([]);
    const copies = new Map(readers.map((r) => [r.email, api.to(r.email).length]));
    expect(copies).toEqual(new Map([[resetOnce, 2], [resetAlways, 4], [resetThen500, 1], [ok, 1]]));
    const byEmail = await rows(digest.id, 'twice');
    expect(byEmail.get(resetOnce)).toMatchObject({ status: 'sent', dup: 1 });
    expect(byEmail.get(resetAlways)).toMatchObject({ status: 'failed', class: 'ambiguous', dup: 1 });
    expect(byEmail.get(resetThen500)).toMatchObject({ status: 'failed', dup: 0 });
    expect(byEmail.get(ok)).toMatchObject({ status: 'sent', dup: 0 });
    const status = await (await app.request(`/admin/digests/${digest.id}`, { headers: admin }, e)).json<{ possibleDuplicates: number }>();
    expect(status.possibleDuplicates).toBe([...copies.values()].filter((n) => n > 1).length);
  });
});

describe('crash mid fan-out, then resume', () => {
  for (const [alive, dedup] of [[false, true], [true, true], [false, false], [true, false]] as const) {
    it(`${alive ? 'resumed while the first consumer is still sending' : 'the consumer dies after three sends'}${dedup ? ': one copy each' : ', no deduplication: every second copy counted'}, every row sent`, async () => {
      const tag = `${alive ? 'alive' : 'crash'}${dedup ? '' : 'nodedup'}`;
      const readers = await Promise.all(Array.from({ length: 6 }, () => activeSubscriber(['all'], tag)));
      const api = fakeMailApi(() => 'accept', { deduplicate: dedup });
      const transport = httpTransport({ url: 'https://mail.test/emails', apiKey: 'k', fetch: api.fetch, deduplicates: dedup });
      const q = recordingQueue();
      const e = testEnv({ DIGEST_QUEUE: q.queue as unknown as Queue });
      const { digest } = await cutDigest(e, site, { period: tag, now: new Date() });
      // Its six readers in one batch: with the other files' readers in the shared D1
      // (vitest.config.mts), they may fall across two of the cut's batches.
      const tagBatches = tagged(q.take(), tag);
      const ours = [{ ...tagBatches[0]!, recipients: tagBatches.flatMap((b) => b.recipients) }];
      // The first consumer hands three messages over, then stops (killed, or stuck in the API).
      let release!: () => void;
      const stuck = new Promise<void>((resolve) => (release = resolve));
      let handed = 0;
      const dying: MailTransport = {
        ...transport,
        async send(message) {
          if (handed++ < 3) return transport.send(message);
          await stuck;
          return transport.send(message);
        },
      };
      const first = deliverBatch(e, site, ours[0]!, dying);
      while (api.delivered.length < 3) await sleep(20);
      later(1100);
      if (alive) {
        const res = await app.request(`/admin/digests/${digest.id}/resume`, { method: 'POST', headers: admin }, e);
        expect(res.status).toBe(200);
      } else {
        const past = new Date(Date.now() - STALE_CLAIM_MS - 1000).toISOString();
        await env.DB.prepare('UPDATE digest_deliveries SET claimed_at = ?1, updated_at = ?1 WHERE digest_id = ?2 AND status = ?3').bind(past, digest.id, 'sending').run();
        const ctx = createExecutionContext();
        await worker.scheduled!(createScheduledController({ scheduledTime: new Date(), cron: '0 7 * * 1' }), e, ctx);
        await waitOnExecutionContext(ctx);
      }
      const again = tagged(q.take().filter((b) => b.digestId === digest.id), tag);
      expect(await drain(e, q, again, transport)).toEqual([]);
      // The first consumer wakes up and sends what it held: the same requests, taken once.
      release();
      await first;
      expect(oneBodyPerKey(api)).toEqual([]);
      const byEmail = await rows(digest.id, tag);
      for (const r of byEmail.values()) expect(r.status, r.email).toBe('sent');
      if (dedup) {
        for (const r of readers) expect(api.to(r.email), r.email).toHaveLength(1);
        for (const r of byEmail.values()) expect(r.dup, r.email).toBe(0);
      } else {
        // Every reader holding two copies is counted (those whose claim was taken back may have: counted too).
        const twice = readers.filter((r) => api.to(r.email).length > 1);
        expect(twice.length).toBeGreaterThan(0);
        for (const r of twice) expect(byEmail.get(r.email)!.dup, r.email).toBe(1);
      }
    });
  }
});

/** How many readers and how fast the stub API lets them through (Resend's default is 2/s; faster here, so that the test waits less: the pacing is the same at any rate). */
const PACED_READERS = 24;
const PACED_RATE = 12;

describe('paced to the API limit', () => {
  it(`${PACED_READERS} mails at ${PACED_RATE} requests/s: about one call per mail, not a storm of 429s`, async () => {
    const readers = await Promise.all(Array.from({ length: PACED_READERS }, () => activeSubscriber(['all'], 'paced')));
    const api = fakeMailApi(() => 'accept', { perSecond: PACED_RATE });
    const q = recordingQueue();
    const e = httpEnv(api, q, { MAIL_RATE_PER_SECOND: String(PACED_RATE) });
    const { digest } = await cutDigest(e, site, { period: 'paced', now: new Date() });
    const started = Date.now();
    expect(await drain(e, q, tagged(q.take(), 'paced'), undefined, { rounds: 400, realTime: true })).toEqual([]);
    const seconds = (Date.now() - started) / 1000;
    for (const r of readers) expect(api.to(r.email), r.email).toHaveLength(1);
    const limited = api.calls.filter((c) => c.status === 429).length;
    console.log(`paced: ${PACED_READERS} mails at ${PACED_RATE}/s: ${api.calls.length} calls (${limited} answered 429) in ${seconds.toFixed(1)} s`);
    expect(api.calls.length).toBeLessThanOrEqual(Math.ceil(PACED_READERS * 1.1));
    for (const r of (await rows(digest.id, 'paced')).values()) expect(r.status).toBe('sent');
  }, 300_000);
});

describe('a 429 through the paced transport', () => {
  it('holds every caller for Retry-After and sends the same request again in place: one copy, no attempt spent', async () => {
    const readers = await Promise.all(Array.from({ length: 3 }, () => activeSubscriber(['all'], 'hold')));
    const first = readers[0]!.email;
    const api = fakeMailApi((to, attempt) => (to === first && attempt === 1 ? { rateLimit: 1 } : 'accept'));
    const q = recordingQueue();
    const e = httpEnv(api, q, { MAIL_RATE_PER_SECOND: '50' });
    const { digest } = await cutDigest(e, site, { period: 'hold', now: new Date() });
    expect(await drain(e, q, tagged(q.take(), 'hold'), undefined, { maxDelayMs: 0 })).toEqual([]);
    for (const r of readers) expect(api.to(r.email), r.email).toHaveLength(1);
    const retry = api.calls.filter((c) => c.to === first);
    expect(retry.map((c) => c.status)).toEqual([429, 200]);
    // Retry-After: 1 held the retry for a second (and every call after the 429 with it).
    expect(retry[1]!.at - retry[0]!.at).toBeGreaterThanOrEqual(900);
    expect((await rows(digest.id, 'hold')).get(first)).toMatchObject({ status: 'sent', attempts: 1 });
  });
});

describe('the pacer', () => {
  it('spaces turns by the rate, shares them through D1, and gives back a turn it will not wait for', async () => {
    const name = `pacer-${crypto.randomUUID()}`;
    const pacer = d1Pacer(env.DB, { name, perSecond: 10, maxWaitMs: 250 });
    const other = d1Pacer(env.DB, { name, perSecond: 10, maxWaitMs: 250 });
    const started = Date.now();
    await pacer.acquire();
    await other.acquire();
    await pacer.acquire();
    // Three turns 110 ms apart (10/s with 10 % headroom): the third goes after at least 220 ms.
    expect(Date.now() - started).toBeGreaterThanOrEqual(200);
    await pacer.holdUntil(Date.now() + 2000);
    const error = await pacer.acquire().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MailTransportError);
    expect(error).toMatchObject({ kind: 'rate-limit', code: 'PACED' });
    expect((error as MailTransportError).retryAfterSeconds).toBeGreaterThanOrEqual(1);
    // The turn was given back: the next one is still the held moment, not one interval later.
    const row = await env.DB.prepare('SELECT next_at FROM mail_pacing WHERE name = ?').bind(name).first<{ next_at: number }>();
    expect(row!.next_at - Date.now()).toBeLessThanOrEqual(2000);
  });
});

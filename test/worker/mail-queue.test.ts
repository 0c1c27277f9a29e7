/**
 * Every mail through the queue (issue 18): confirmations of a subscribe request and of a CSV
 * import, "as it happens" mail, with the digest's retry classes, idempotency keys, Message-ID,
 * pacing and image policy, against a stub mail API that deduplicates by key and body. Real
 * local D1; the queue is played by the test.
 */
import { createExecutionContext, createMessageBatch, createScheduledController, getQueueResult, waitOnExecutionContext } from 'cloudflare:test';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import worker from '../../src/index';
import type { SiteModel, Update } from '../../src/content/model';
import { handleDigestQueue, type DeliveryMessage } from '../../src/digest';
import { announceNewUpdates } from '../../src/digest/instant';
import type { Env } from '../../src/env';
import { claimMail, STALE_MAIL_CLAIM_MS } from '../../src/mail/outbox';
import { activeSubscriber, env, fakeMailApi, later, recordingQueue, site, siteAsOf, testEnv, type ApiBehaviour, type FakeMailApi } from './digest.helpers';
import { harness, linkIn, stored, subscribe, uniqueEmail } from './subscribers.helpers';

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

const admin = { Authorization: `Bearer ${env.ADMIN_TOKEN}` };
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const API = { MAIL_TRANSPORT: 'http', MAIL_API_URL: 'https://mail.test/emails', MAIL_API_KEY: 'k' } satisfies Partial<Env>;

/** fetch answered by the stub API (mailTransport(env) builds the HTTP transport over it). */
function useApi(api: FakeMailApi) {
  vi.spyOn(globalThis, 'fetch').mockImplementation(api.fetch);
}

/** Plays a recording queue until it is empty (delays skipped: limits kept in D1 still hold; `pauseMs` between rounds). */
async function drain(e: Env, q: ReturnType<typeof recordingQueue>, content: SiteModel, pauseMs = 0) {
  let id = 0;
  for (let round = 0; round < 40; round++) {
    const bodies = q.take() as unknown as DeliveryMessage[];
    if (bodies.length === 0) return;
    const batch = createMessageBatch<DeliveryMessage>('tidings-digest', bodies.map((body) => ({ id: `m-${++id}`, timestamp: new Date(), attempts: 1, body })));
    await handleDigestQueue(batch, e, content);
    expect((await getQueueResult(batch, createExecutionContext())).retryMessages).toEqual([]);
    if (pauseMs > 0) await sleep(pauseMs);
  }
  throw new Error('the queue did not drain in 40 rounds');
}

async function outbox(subscriberIds: number[]) {
  const { results } = await env.DB.prepare('SELECT subscriber_id AS id, kind, status, attempts, ambiguous, possible_duplicate AS dup FROM mail_outbox WHERE subscriber_id IN (SELECT value FROM json_each(?))')
    .bind(JSON.stringify(subscriberIds))
    .all<{ id: number; kind: string; status: string; attempts: number; ambiguous: number; dup: number }>();
  return results;
}

/** The update with a tracking pixel in every item (as a report could carry one). */
function withPixel(update: Update): Update {
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') {
      const o = Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
      if (typeof o.html === 'string' && 'line' in o) o.html = `${o.html} <img src="https://pixel.example/t.gif?u=1" alt="">`;
      return o;
    }
    return v;
  };
  return { ...(walk(update) as Update), hash: `${update.hash}-pixel` };
}

describe('as it happens, through the queue', () => {
  beforeEach(async () => {
    await env.DB.batch([env.DB.prepare('DELETE FROM instant_deliveries'), env.DB.prepare('DELETE FROM instant_announcements')]);
  });

  it('a 500 on the first attempt is retried: every reader gets one copy, with Message-ID = idempotency key and no remote image', async () => {
    const readers = await Promise.all(Array.from({ length: 5 }, () => activeSubscriber(['team:atlas'], 'instant')));
    await env.DB.prepare("UPDATE subscribers SET frequency = 'instant' WHERE id IN (SELECT value FROM json_each(?))").bind(JSON.stringify(readers.map((r) => r.id))).run();
    const api = fakeMailApi((_to, attempt): ApiBehaviour => (attempt === 1 ? 'error-500' : 'accept'));
    useApi(api);
    const q = recordingQueue();
    const e = testEnv({ ...API, MAIL_RATE_PER_SECOND: 'none', DIGEST_QUEUE: q.queue as unknown as Queue });
    await announceNewUpdates(e, siteAsOf('2026-11-02'), new Date());
    const atlas = site.updates.find((u) => u.id === 'atlas/2026-11-09')!;
    const later = siteAsOf('2026-11-09', withPixel(atlas));
    const run = await announceNewUpdates(e, later, new Date());
    expect(run.announced).toContain('atlas/2026-11-09');
    await drain(e, q, later);
    for (const r of readers) {
      const copies = api.to(r.email);
      expect(copies, r.email).toHaveLength(1);
      const mail = copies[0]!;
      expect(mail.headers['Message-ID']).toMatch(/^<tidings\.instant-\d+@localhost>$/);
      expect(mail.idempotencyKey).toBe(mail.headers['Message-ID']);
      expect(mail.headers['List-Unsubscribe']).toMatch(/unsubscribe\?token=/);
      expect(mail.html).not.toMatch(/<img\b/i);
      expect(mail.html).toContain('https://pixel.example/t.gif');
    }
    expect((await outbox(readers.map((r) => r.id))).map((r) => [r.kind, r.status, r.attempts])).toEqual(readers.map(() => ['instant', 'sent', 2]));
  });
});

describe('confirmations, through the queue', () => {
  it('a subscribe confirmation whose first attempt may have gone out (connection reset) is retried a second later with the same body: one copy', async () => {
    const api = fakeMailApi((_to, attempt): ApiBehaviour => (attempt === 1 ? 'reset' : 'accept'));
    useApi(api);
    const h = harness({ ...API, MAIL_RATE_PER_SECOND: 'none' });
    const email = uniqueEmail('reset');
    expect((await subscribe(h, email)).status).toBe(202);
    later(1100);
    await h.playQueue();
    expect(api.calls.filter((c) => c.to === email)).toHaveLength(2);
    expect(new Set(api.calls.filter((c) => c.to === email).map((c) => c.body)).size).toBe(1);
    expect(api.to(email)).toHaveLength(1);
    const id = (await stored(email))!.id;
    expect(await outbox([id])).toEqual([{ id, kind: 'confirmation', status: 'sent', attempts: 2, ambiguous: 1, dup: 0 }]);
    // The link in it works.
    const confirmed = await h.fetch(linkIn(api.to(email)[0]!.text, 'confirm'));
    expect(confirmed.status).toBe(200);
  });

  it('against an API without idempotency keys: a confirmation that may have gone out twice is counted as a possible duplicate; a 422 fails and suppresses at once', async () => {
    const twice = uniqueEmail('twice');
    const invalid = uniqueEmail('invalid');
    const api = fakeMailApi((to, attempt): ApiBehaviour => (to === invalid ? 'reject-422' : attempt === 1 ? 'reset' : 'accept'), { deduplicate: false });
    useApi(api);
    const h = harness({ ...API, MAIL_RATE_PER_SECOND: 'none', MAIL_API_IDEMPOTENCY: 'false' });
    await subscribe(h, twice);
    await subscribe(h, invalid);
    await h.playQueue();
    expect(api.to(twice)).toHaveLength(2);
    const [a, b] = [(await stored(twice))!.id, (await stored(invalid))!.id];
    expect(await outbox([a])).toMatchObject([{ status: 'sent', ambiguous: 1, dup: 1 }]);
    expect(await outbox([b])).toMatchObject([{ status: 'failed', attempts: 1, dup: 0 }]);
    expect(await env.DB.prepare('SELECT suppressed_reason AS r FROM subscribers WHERE id = ?').bind(b).first()).toEqual({ r: 'invalid-recipient' });
  });

  // 100/s rather than a small provider's 30/s: the sends still spread over several one-second
  // windows, each address once, in 3 s of waiting rather than 10 (issue 19: the suite's time).
  it('an import of 300 rows without consent against an API limited to 100 requests/s: every address confirmed once, none lost', async () => {
    const api = fakeMailApi(() => 'accept', { perSecond: 100 });
    useApi(api);
    const h = harness({ ...API, MAIL_RATE_PER_SECOND: '100' });
    const emails = Array.from({ length: 300 }, () => uniqueEmail('bulk'));
    const res = await h.fetch('/admin/subscribers/import', { method: 'POST', headers: { ...admin, 'Content-Type': 'text/csv' }, body: `email\n${emails.join('\n')}\n` });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ imported: 300, pending: 300 });
    for (let round = 0; round < 20 && h.queued.length > 0; round++) {
      await sleep(1000);
      await h.playQueue(1);
    }
    const missing = emails.filter((e) => api.to(e).length !== 1);
    expect(missing).toEqual([]);
    const limited = api.calls.filter((c) => c.status === 429).length;
    console.log(`import: 300 confirmations at 100/s: ${api.calls.length} calls, ${limited} answered 429`);
    expect(api.calls.length).toBeLessThanOrEqual(330);
    // A second import of the same file sends nothing more (within the hour).
    const again = await h.fetch('/admin/subscribers/import', { method: 'POST', headers: { ...admin, 'Content-Type': 'text/csv' }, body: `email\n${emails.join('\n')}\n` });
    expect(await again.json()).toMatchObject({ imported: 0 });
    await h.playQueue();
    expect(emails.filter((e) => api.to(e).length !== 1)).toEqual([]);
  }, 120_000);

  it('an import of 10,000 rows queues 10,000 confirmations in one transaction and every address gets one', async () => {
    const h = harness();
    const emails = Array.from({ length: 10_000 }, (_, i) => `bulk10k-${i}-${crypto.randomUUID().slice(0, 8)}@example.com`);
    const started = Date.now();
    const res = await h.fetch('/admin/subscribers/import', { method: 'POST', headers: { ...admin, 'Content-Type': 'text/csv' }, body: `email\n${emails.join('\n')}\n` });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ imported: 10_000, pending: 10_000, confirmationsQueued: 10_000 });
    await h.playQueue();
    console.log(`import: 10,000 rows imported and confirmed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const counts = new Map<string, number>();
    for (const m of h.mail.sent) {
      const to = String(m.to);
      counts.set(to, (counts.get(to) ?? 0) + 1);
    }
    expect(emails.filter((e) => counts.get(e) !== 1)).toEqual([]);
  }, 600_000);

  it('a consumer that died holding a confirmation: the hourly cron takes it back after the claim window and it goes out once', async () => {
    const api = fakeMailApi(() => 'accept');
    useApi(api);
    const h = harness({ ...API, MAIL_RATE_PER_SECOND: 'none' });
    const email = uniqueEmail('orphan');
    // The request is answered; its queue message is claimed by a consumer that dies before sending.
    const q = recordingQueue();
    const e = { ...h.env, DIGEST_QUEUE: q.queue as unknown as Queue };
    const res = await worker.fetch!(
      new Request(`${env.SITE_URL}/subscribe`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'CF-Connecting-IP': '2001:db8:feed::1' }, body: JSON.stringify({ email, scopes: ['all'] }) }) as Request<unknown, IncomingRequestCfProperties>,
      e,
      createExecutionContext(),
    );
    expect(res.status).toBe(202);
    const [message] = q.take() as unknown as Array<{ mail: number[] }>;
    await claimMail(env.DB, message!.mail, new Date());
    const past = new Date(Date.now() - STALE_MAIL_CLAIM_MS - 1000).toISOString();
    await env.DB.prepare("UPDATE mail_outbox SET claimed_at = ?1, updated_at = ?1 WHERE id IN (SELECT value FROM json_each(?2))").bind(past, JSON.stringify(message!.mail)).run();
    const ctx = createExecutionContext();
    await worker.scheduled!(createScheduledController({ scheduledTime: new Date(), cron: '0 * * * *' }), e, ctx);
    await waitOnExecutionContext(ctx);
    const again = (q.take() as unknown as Array<{ mail?: number[] }>).filter((b) => b.mail?.some((id) => message!.mail.includes(id)));
    expect(again).toHaveLength(1);
    for (const b of again) await q.queue.send(b as never);
    await drain(e, q, site);
    expect(api.to(email)).toHaveLength(1);
    const id = (await stored(email))!.id;
    expect(await outbox([id])).toMatchObject([{ status: 'sent', ambiguous: 1 }]);
  });
});

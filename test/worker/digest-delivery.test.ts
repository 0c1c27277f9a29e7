/**
 * Exactly once, whatever fails: the digest consumer against a Resend-style API that fails
 * deterministically per recipient (500, 422, 429 + Retry-After, hang past the timeout then
 * accept, connection reset), a consumer that dies mid-batch, claim expiry, a broken
 * configuration, retention. Real local D1; the queue is played by the test (follow-up
 * messages are recorded and handed back to the Worker's queue handler).
 */
import { createExecutionContext, createMessageBatch, createScheduledController, getQueueResult, waitOnExecutionContext } from 'cloudflare:test';
import { beforeEach, describe, expect, it } from 'vitest';
import worker from '../../src/index';
import { createApp } from '../../src/app';
import { cutDigest, deliverBatch, handleDigestQueue, type DigestBatch } from '../../src/digest';
import { claimDeliveries, STALE_CLAIM_MS } from '../../src/digest/store';
import type { Env } from '../../src/env';
import { httpTransport, imagesToLinks, type MailTransport } from '../../src/mail';
import { activeSubscriber, asMessages, env, fakeMailApi, recordingQueue, recordingTransport, resetDigests, site, testEnv, type ApiBehaviour } from './digest.helpers';

beforeEach(resetDigests);

const admin = { Authorization: `Bearer ${env.ADMIN_TOKEN}` };
const app = createApp(site);

/** Plays the queue until nothing is left (delays are skipped; limits still hold until their time). */
async function drain(e: Env, q: ReturnType<typeof recordingQueue>, first: DigestBatch[], transport: MailTransport, rounds = 12) {
  let round = first;
  const delays: Array<number | undefined> = [];
  for (let i = 0; i < rounds && round.length > 0; i++) {
    const batch = createMessageBatch<DigestBatch>('tidings-digest', asMessages(round));
    await handleDigestQueue(batch, e, site, transport);
    const result = await getQueueResult(batch, createExecutionContext());
    expect(result.retryMessages).toEqual([]);
    delays.push(...q.delays);
    round = q.take();
  }
  return { delays, left: round };
}

function onlyTagged(batches: DigestBatch[], tag: string): DigestBatch[] {
  return batches.map((b) => ({ ...b, recipients: b.recipients.filter((r) => r.email.startsWith(`${tag}-`)) })).filter((b) => b.recipients.length > 0);
}

async function rows(digestId: number, tag: string) {
  const { results } = await env.DB.prepare(
    `SELECT s.email AS email, d.status AS status, d.attempts AS attempts, d.error_class AS class, d.ambiguous AS ambiguous,
            d.possible_duplicate AS dup, d.not_before AS notBefore, s.suppressed_at AS suppressedAt, s.suppressed_reason AS suppressedReason, s.last_failure AS lastFailure
     FROM digest_deliveries d JOIN subscribers s ON s.id = d.subscriber_id WHERE d.digest_id = ? AND s.email LIKE ? ORDER BY s.id`,
  )
    .bind(digestId, `${tag}-%`)
    .all<{ email: string; status: string; attempts: number; class: string | null; ambiguous: number; dup: number; notBefore: string | null; suppressedAt: string | null; suppressedReason: string | null; lastFailure: string | null }>();
  return new Map(results.map((r) => [r.email, r]));
}

describe('an HTTP mail API that fails on purpose', () => {
  it('every recipient ends up mailed once or marked: 500, 422, 429, hang-then-accept, reset', async () => {
    const readers = await Promise.all(Array.from({ length: 8 }, () => activeSubscriber(['all'], 'api')));
    const [ok, err500, invalid, limited, hang, reset, flakyHang, alwaysDown] = readers.map((r) => r.email) as [string, string, string, string, string, string, string, string];
    const api = fakeMailApi((to, attempt): ApiBehaviour => {
      if (to === err500) return attempt === 1 ? 'error-500' : 'accept';
      if (to === invalid) return 'reject-422';
      if (to === limited) return attempt <= 5 ? { rateLimit: 0 } : 'accept';
      if (to === hang) return attempt === 1 ? 'hang-then-accept' : 'accept';
      if (to === reset) return attempt === 1 ? 'reset' : 'accept';
      if (to === flakyHang) return attempt <= 2 ? 'hang-then-accept' : 'accept';
      if (to === alwaysDown) return 'error-500';
      return 'accept';
    });
    const transport = httpTransport({ url: 'https://mail.test/emails', apiKey: 'k', fetch: api.fetch, timeoutMs: 50 });
    const q = recordingQueue();
    const e = testEnv({ DIGEST_QUEUE: q.queue as unknown as Queue });
    const { digest } = await cutDigest(e, site, { period: 'api', now: new Date() });
    const { left } = await drain(e, q, onlyTagged(q.take(), 'api'), transport);
    expect(left).toEqual([]);

    // Mailed exactly once: the API deduplicated the retries after a timeout or a reset.
    for (const email of [ok, err500, limited, hang, reset, flakyHang]) expect(api.to(email), email).toHaveLength(1);
    expect(api.to(invalid)).toEqual([]);
    expect(api.to(alwaysDown)).toEqual([]);
    // …although the API was called more than once for them, always with the same key.
    for (const email of [hang, reset, flakyHang]) {
      const calls = api.calls.filter((c) => c.to === email);
      expect(calls.length).toBeGreaterThan(1);
      expect(new Set(calls.map((c) => c.idempotencyKey)).size).toBe(1);
    }
    // 422 is permanent: one call, no retry. 429 is not counted: 6 calls, still sent.
    expect(api.calls.filter((c) => c.to === invalid)).toHaveLength(1);
    expect(api.calls.filter((c) => c.to === limited)).toHaveLength(6);

    const byEmail = await rows(digest.id, 'api');
    expect(byEmail.get(ok)).toMatchObject({ status: 'sent', attempts: 1, dup: 0 });
    expect(byEmail.get(err500)).toMatchObject({ status: 'sent', attempts: 2 });
    expect(byEmail.get(invalid)).toMatchObject({ status: 'failed', attempts: 1, class: 'permanent', suppressedReason: 'invalid-recipient' });
    expect(byEmail.get(invalid)!.suppressedAt).not.toBeNull();
    expect(byEmail.get(limited)).toMatchObject({ status: 'sent', attempts: 1 });
    // Ambiguous attempts are counted; the transport deduplicates, so no possible duplicate.
    expect(byEmail.get(hang)).toMatchObject({ status: 'sent', ambiguous: 1, dup: 0 });
    expect(byEmail.get(reset)).toMatchObject({ status: 'sent', ambiguous: 1, dup: 0 });
    expect(byEmail.get(flakyHang)).toMatchObject({ status: 'sent', ambiguous: 2, dup: 0 });
    expect(byEmail.get(alwaysDown)).toMatchObject({ status: 'failed', attempts: 4, class: 'transient' });
    for (const r of byEmail.values()) expect(['sent', 'failed']).toContain(r.status);

    // Every copy carries the headers, and the idempotency key is the Message-ID.
    const message = api.to(ok)[0]!;
    expect(message.headers['Message-ID']).toMatch(new RegExp(`^<tidings\\.digest-${digest.id}\\.subscriber-\\d+@localhost>$`));
    expect(message.idempotencyKey).toBe(message.headers['Message-ID']);
    expect(message.headers['List-Id']).toBe(`"${env.SITE_TITLE}" <digest.localhost>`);
    expect(message.headers['Archived-At']).toBe(`<${env.SITE_URL}/digests/${digest.id}>`);
  });

  it('a 429 waits for Retry-After without spending an attempt', async () => {
    const reader = await activeSubscriber(['all'], 'wait');
    const api = fakeMailApi((_to, attempt) => (attempt === 1 ? { rateLimit: 120 } : 'accept'));
    const transport = httpTransport({ url: 'https://mail.test/emails', apiKey: 'k', fetch: api.fetch });
    const q = recordingQueue();
    const e = testEnv({ DIGEST_QUEUE: q.queue as unknown as Queue });
    const { digest } = await cutDigest(e, site, { period: 'wait', now: new Date() });
    const first = await drain(e, q, onlyTagged(q.take(), 'wait'), transport, 1);
    expect(first.delays).toEqual([120]);
    const row = (await rows(digest.id, 'wait')).get(reader.email)!;
    expect(row).toMatchObject({ status: 'pending', attempts: 0, class: 'rate-limit' });
    expect(Date.parse(row.notBefore!) - Date.now()).toBeGreaterThan(100_000);
    // Played early, the follow-up finds the limit still holding and waits again.
    const early = await drain(e, q, first.left, transport, 1);
    expect(api.calls).toHaveLength(1);
    expect(early.delays[0]).toBeGreaterThan(100);
    // Once the limit has reset, it goes.
    await env.DB.prepare('UPDATE digest_deliveries SET not_before = ? WHERE digest_id = ?').bind(new Date(Date.now() - 1000).toISOString(), digest.id).run();
    await drain(e, q, early.left, transport);
    expect(api.to(reader.email)).toHaveLength(1);
  });

  it('the daily limit of the Email Service holds the batch until midnight UTC; a suppressed recipient is a hard bounce', async () => {
    const readers = await Promise.all(Array.from({ length: 3 }, () => activeSubscriber(['all'], 'daily')));
    const suppressed = readers[0]!.email;
    let calls = 0;
    const binding = {
      async send(m: { to: string }) {
        calls++;
        if (m.to === suppressed) throw Object.assign(new Error('recipient is suppressed'), { code: 'E_RECIPIENT_SUPPRESSED' });
        throw Object.assign(new Error('daily sending limit exceeded'), { code: 'E_DAILY_LIMIT_EXCEEDED' });
      },
    } as unknown as SendEmail;
    const q = recordingQueue();
    const e = testEnv({ DIGEST_QUEUE: q.queue as unknown as Queue, EMAIL: binding });
    const { digest } = await cutDigest(e, site, { period: 'daily', now: new Date() });
    // The three readers as one batch: the cut puts every active subscriber of the run in
    // messages of RECIPIENTS_PER_MESSAGE, and theirs may straddle two (one follow-up each).
    const tagged = onlyTagged(q.take(), 'daily');
    const one: DigestBatch = { digestId: tagged[0]!.digestId, recipients: tagged.flatMap((b) => b.recipients) };
    const batch = createMessageBatch<DigestBatch>('tidings-digest', asMessages([one]));
    await handleDigestQueue(batch, e, site);
    const byEmail = await rows(digest.id, 'daily');
    expect(byEmail.get(suppressed)).toMatchObject({ status: 'failed', class: 'permanent', suppressedReason: 'recipient-suppressed' });
    const held = [...byEmail.values()].filter((r) => r.email !== suppressed);
    const now = new Date();
    const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1);
    for (const r of held) {
      expect(r).toMatchObject({ status: 'pending', attempts: 0, class: 'rate-limit' });
      expect(Math.abs(Date.parse(r.notBefore!) - midnight)).toBeLessThan(2000);
    }
    // Once the limit is hit, the rest of the batch is not tried: at most 1 limited call (+ the suppressed one).
    expect(calls).toBeLessThanOrEqual(readers.length);
    // One follow-up for the held recipients, as late as the queue allows (at most 12 hours a hop).
    expect(q.delays).toHaveLength(1);
    expect(Math.abs(q.delays[0]! - Math.min(12 * 3600, (midnight - Date.now()) / 1000))).toBeLessThan(5);
  });

  it('a transport that cannot deduplicate records the retry after a timeout as a possible duplicate', async () => {
    const reader = await activeSubscriber(['all'], 'nodedup');
    const api = fakeMailApi((_to, attempt) => (attempt === 1 ? 'hang-then-accept' : 'accept'), { deduplicate: false });
    const transport = { ...httpTransport({ url: 'https://mail.test/emails', apiKey: 'k', fetch: api.fetch, timeoutMs: 50 }), deduplicates: false };
    const q = recordingQueue();
    const e = testEnv({ DIGEST_QUEUE: q.queue as unknown as Queue });
    const { digest } = await cutDigest(e, site, { period: 'nodedup', now: new Date() });
    await drain(e, q, onlyTagged(q.take(), 'nodedup'), transport);
    expect(api.to(reader.email)).toHaveLength(2);
    expect((await rows(digest.id, 'nodedup')).get(reader.email)).toMatchObject({ status: 'sent', ambiguous: 1, dup: 1 });
    const status = await (await app.request(`/admin/digests/${digest.id}`, { headers: admin }, e)).json<{ possibleDuplicates: number }>();
    expect(status.possibleDuplicates).toBeGreaterThanOrEqual(1);
  });
});

describe('nothing stays stuck', () => {
  it('a consumer that dies mid-batch: its rows are reclaimed by the next cron after the claim window, and sent once', async () => {
    const readers = await Promise.all(Array.from({ length: 6 }, () => activeSubscriber(['all'], 'died')));
    const api = fakeMailApi(() => 'accept');
    const transport = httpTransport({ url: 'https://mail.test/emails', apiKey: 'k', fetch: api.fetch });
    const q = recordingQueue();
    const e = testEnv({ DIGEST_QUEUE: q.queue as unknown as Queue });
    const { digest } = await cutDigest(e, site, { period: 'died', now: new Date() });
    const ours = onlyTagged(q.take(), 'died');
    // The consumer claims the batch, mails the first three, and dies before recording anything.
    const ids = ours.flatMap((b) => b.recipients.map((r) => r.id));
    const claim = await claimDeliveries(env.DB, digest.id, ids, new Date());
    expect(claim.claimed).toHaveLength(6);
    const dying = { ...transport, send: async (m: Parameters<MailTransport['send']>[0]) => {
      if (api.delivered.length >= 3) throw new Error('isolate killed');
      return transport.send(m);
    } };
    for (const r of ours[0]!.recipients.slice(0, 3)) {
      const app2 = await dying.send({ from: env.MAIL_FROM, to: r.email, subject: 's', html: 'h', text: 't', idempotencyKey: `<tidings.digest-${digest.id}.subscriber-${r.id}@localhost>` });
      expect(app2.id).toBeDefined();
    }
    // Within the claim window the cron leaves them alone (the consumer may be alive).
    const cron = async (at: Date) => {
      const ctx = createExecutionContext();
      await worker.scheduled!(createScheduledController({ scheduledTime: at, cron: '0 7 * * 1' }), e, ctx);
      await waitOnExecutionContext(ctx);
    };
    await cron(new Date());
    expect([...(await rows(digest.id, 'died')).values()].every((r) => r.status === 'sending')).toBe(true);
    // After it: taken back, enqueued again, sent — the three already mailed are deduplicated by key.
    const past = new Date(Date.now() - STALE_CLAIM_MS - 1000).toISOString();
    await env.DB.prepare('UPDATE digest_deliveries SET claimed_at = ?1, updated_at = ?1 WHERE digest_id = ?2 AND status = ?3').bind(past, digest.id, 'sending').run();
    q.take();
    await cron(new Date());
    const again = onlyTagged(q.take().filter((b) => b.digestId === digest.id), 'died');
    expect(again.flatMap((b) => b.recipients.map((r) => r.id)).sort()).toEqual(ids.sort());
    await drain(e, q, again, transport);
    for (const r of readers) expect(api.to(r.email), r.email).toHaveLength(1);
    for (const r of (await rows(digest.id, 'died')).values()) expect(r).toMatchObject({ status: 'sent', ambiguous: 1, dup: 0 });
  });

  it('POST /admin/digests/:id/resume takes every claim back at once and enqueues what is pending', async () => {
    await Promise.all(Array.from({ length: 4 }, () => activeSubscriber(['all'], 'resume')));
    const q = recordingQueue();
    const e = testEnv({ DIGEST_QUEUE: q.queue as unknown as Queue });
    const { digest } = await cutDigest(e, site, { period: 'resume', now: new Date() });
    const ours = onlyTagged(q.take(), 'resume');
    const ids = ours.flatMap((b) => b.recipients.map((r) => r.id));
    await claimDeliveries(env.DB, digest.id, ids.slice(0, 2), new Date());
    const res = await app.request(`/admin/digests/${digest.id}/resume`, { method: 'POST', headers: admin }, e);
    expect(res.status).toBe(200);
    const body = await res.json<{ reclaimed: number; enqueued: number }>();
    expect(body.reclaimed).toBe(2);
    expect(body.enqueued).toBe(digest.recipients);
    const transport = recordingTransport();
    await drain(e, q, onlyTagged(q.take(), 'resume'), transport);
    for (const id of ids) {
      const row = await env.DB.prepare('SELECT status FROM digest_deliveries WHERE digest_id = ? AND subscriber_id = ?').bind(digest.id, id).first<{ status: string }>();
      expect(row!.status).toBe('sent');
    }
    expect(transport.sent).toHaveLength(4);
    expect((await app.request('/admin/digests/999999/resume', { method: 'POST', headers: admin }, e)).status).toBe(404);
  });

  it('two consumers racing on the same batch through the API send each message once', async () => {
    await Promise.all(Array.from({ length: 5 }, () => activeSubscriber(['all'], 'race')));
    const api = fakeMailApi(() => 'accept');
    const transport = httpTransport({ url: 'https://mail.test/emails', apiKey: 'k', fetch: api.fetch });
    const q = recordingQueue();
    const e = testEnv({ DIGEST_QUEUE: q.queue as unknown as Queue });
    await cutDigest(e, site, { period: 'race', now: new Date() });
    const ours = onlyTagged(q.take(), 'race');
    await Promise.all(ours.flatMap((b) => [deliverBatch(e, site, b, transport), deliverBatch(e, site, b, transport)]));
    expect(api.calls).toHaveLength(5);
  });
});

describe('a configuration that would fail every send refuses the cut', () => {
  it('leaves the period open, logs and answers the admin with what is wrong', async () => {
    await activeSubscriber(['all'], 'config');
    const broken = testEnv({ SIGNING_KEY: 'dev-too-short', MAIL_FROM: 'not a mailbox' });
    const res = await app.request('/admin/digests?period=config-week', { method: 'POST', headers: admin }, broken);
    expect(res.status).toBe(503);
    const problem = await res.json<{ problems: string[] }>();
    expect(problem.problems.join('\n')).toMatch(/SIGNING_KEY/);
    expect(problem.problems.join('\n')).toMatch(/MAIL_FROM/);
    expect(await env.DB.prepare("SELECT id FROM digests WHERE period = 'config-week'").first()).toBeNull();

    const badTeams = { ...site, teams: site.teams.map((t, i) => (i === 0 ? { ...t, name: 'Atlas\r\nBcc: everyone@example.com' } : t)) };
    await expect(cutDigest(testEnv(), badTeams, { period: 'config-week', now: new Date() })).rejects.toThrow(/line break in its name/);
    expect(await env.DB.prepare("SELECT id FROM digests WHERE period = 'config-week'").first()).toBeNull();
    // Fixed: the same period is cut.
    const q = recordingQueue();
    const fixed = await cutDigest(testEnv({ DIGEST_QUEUE: q.queue as unknown as Queue }), site, { period: 'config-week', now: new Date() });
    expect(fixed.created).toBe(true);
  });
});

describe('retention', () => {
  it('summarises delivery rows older than DELIVERY_RETENTION_DAYS into the digest and deletes them', async () => {
    await Promise.all(Array.from({ length: 3 }, () => activeSubscriber(['all'], 'retain')));
    const q = recordingQueue();
    const e = testEnv({ DIGEST_QUEUE: q.queue as unknown as Queue, DELIVERY_RETENTION_DAYS: '30' });
    const old = new Date(Date.now() - 40 * 86_400_000);
    const { digest } = await cutDigest(e, site, { period: 'old', now: old });
    await drain(e, q, q.take(), recordingTransport());
    const sent = (await env.DB.prepare("SELECT COUNT(*) AS n FROM digest_deliveries WHERE digest_id = ? AND status = 'sent'").bind(digest.id).first<{ n: number }>())!.n;
    expect(sent).toBe(digest.recipients);
    const ctx = createExecutionContext();
    await worker.scheduled!(createScheduledController({ scheduledTime: new Date(), cron: '0 7 * * 1' }), e, ctx);
    await waitOnExecutionContext(ctx);
    expect((await env.DB.prepare('SELECT COUNT(*) AS n FROM digest_deliveries WHERE digest_id = ?').bind(digest.id).first<{ n: number }>())!.n).toBe(0);
    const status = await (await app.request(`/admin/digests/${digest.id}`, { headers: admin }, e)).json<{ archived: { sent: number } }>();
    expect(status.archived.sent).toBe(sent);
  });
});

describe('remote images', () => {
  it('become links in report HTML; inside a link, their alt text', () => {
    expect(imagesToLinks('<p>see <img src="https://t.example/p.gif" alt="chart"></p>')).toBe('<p>see <a href="https://t.example/p.gif">[chart]</a></p>');
    expect(imagesToLinks('<a href="https://x.example"><img src="https://t.example/p.gif" alt=""></a>')).toBe('<a href="https://x.example">[image]</a>');
    expect(imagesToLinks('no images')).toBe('no images');
  });
});

describe('POST /admin/digests/preview/send', () => {
  it('mails the preview of a scope to one address, marked as a test, changing no digest state', async () => {
    const sent: Array<{ to: string; subject: string; headers?: Record<string, string>; html?: string }> = [];
    const binding = { async send(m: { to: string; subject: string }) { sent.push(m); return { messageId: '<t@test>' }; } } as unknown as SendEmail;
    const q = recordingQueue();
    const e = testEnv({ EMAIL: binding, DIGEST_QUEUE: q.queue as unknown as Queue });
    const before = await env.DB.prepare('SELECT (SELECT COUNT(*) FROM digests) AS d, (SELECT COUNT(*) FROM digest_deliveries) AS r').first();
    const res = await app.request('/admin/digests/preview/send', { method: 'POST', headers: { ...admin, 'Content-Type': 'application/json' }, body: JSON.stringify({ scope: 'team:atlas', to: 'editor@example.com' }) }, e);
    // Queued like every mail (issue 18); the consumer sends it.
    expect(res.status).toBe(202);
    const queued = await res.json<{ id: number; status: string }>();
    expect(sent).toHaveLength(0);
    await drain(e, q, q.take(), undefined as unknown as MailTransport);
    expect(sent).toHaveLength(1);
    expect(await (await app.request(queued.status, { headers: admin }, e)).json()).toMatchObject({ kind: 'test', status: 'sent', attempts: 1 });
    expect(sent[0]!.headers!['Message-ID']).toBe(`<tidings.test-${queued.id}@localhost>`);
    expect(sent[0]!.to).toBe('editor@example.com');
    expect(sent[0]!.subject).toMatch(/^\[Test\] Atlas/);
    expect(sent[0]!.headers!['X-Tidings-Test']).toBeDefined();
    // The test mail is the preview as the readers of that scope would get it, status badges included.
    const preview = await (await app.request('/admin/digests/preview?scope=team:atlas', { headers: admin }, e)).text();
    const badges = (html: string) => [...html.matchAll(/>(Active|At risk|Blocked|Quiet|Done)</g)].map((m) => m[1]);
    expect(badges(preview).length).toBeGreaterThan(0);
    expect(badges(String(sent[0]!.html ?? (sent[0] as { raw?: unknown }).raw ?? ''))).toEqual(badges(preview));
    expect(await env.DB.prepare('SELECT (SELECT COUNT(*) FROM digests) AS d, (SELECT COUNT(*) FROM digest_deliveries) AS r').first()).toEqual(before);
    const bad = await app.request('/admin/digests/preview/send', { method: 'POST', headers: { ...admin, 'Content-Type': 'application/json' }, body: JSON.stringify({ scope: 'team:atlas', to: 'nope' }) }, e);
    expect(bad.status).toBe(400);
  });

  it('serves the web copy with the site CSP', async () => {
    const q = recordingQueue();
    const { digest } = await cutDigest(testEnv({ DIGEST_QUEUE: q.queue as unknown as Queue }), site, { period: 'csp', now: new Date() });
    const res = await app.request(`/digests/${digest.id}`, {}, env);
    expect(res.headers.get('Content-Security-Policy')).toContain("default-src 'none'");
    expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
  });
});

/**
 * The weekly digest in workerd with the real local D1: the cron cuts a digest, the queue
 * consumer mails it. Queue messages are recorded and replayed through the Worker's own
 * `queue()` handler so each test can read every message; one test runs the real local queue.
 */
import { createExecutionContext, createMessageBatch, createScheduledController, getQueueResult, waitOnExecutionContext } from 'cloudflare:test';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import worker from '../../src/index';
import { createApp } from '../../src/app';
import { cutDigest, deliverBatch, handleDigestQueue, type DigestBatch } from '../../src/digest';
import { claimDeliveries, STALE_CLAIM_MS } from '../../src/digest/store';
import type { Env } from '../../src/env';
import { activeSubscriber, asMessages, env, recordingQueue, recordingTransport, resetDigests, site, siteAsOf, testEnv, unplayedQueueEnv } from './digest.helpers';
import { STYLESHEET_PATH } from '../../src/pages/style';

const ATLAS_SYNC = 'northwind-dev-roadmap-21';
const ATLAS_RESUMABLE = 'northwind-dev-roadmap-24';
const LOAD_TEST = 'northwind-dev-roadmap-35';

beforeEach(resetDigests);

async function runScheduled(e: Env, at = new Date('2026-11-09T07:00:00Z')) {
  const ctx = createExecutionContext();
  await worker.scheduled!(createScheduledController({ scheduledTime: at, cron: '0 7 * * 1' }), e, ctx);
  await waitOnExecutionContext(ctx);
}

/** Plays the queue: hands recorded batches to the Worker's queue handler with a recording transport. */
async function consume(e: Env, batches: DigestBatch[], transport = recordingTransport(), attempts = 1, queue = 'tidings-digest') {
  const batch = createMessageBatch<DigestBatch>(queue, asMessages(batches, attempts));
  // The pool's result keeps which messages were retried, not the delay asked for: note it here.
  const delays: Array<number | undefined> = [];
  for (const message of batch.messages) {
    const retry = message.retry.bind(message);
    message.retry = (options) => {
      delays.push(options?.delaySeconds);
      retry(options);
    };
  }
  const ctx = createExecutionContext();
  await handleDigestQueue(batch, e, site, transport);
  return { transport, delays, result: await getQueueResult(batch, ctx) };
}

describe('scheduled() → queue → mail', () => {
  it('mails each subscriber only what changed in their scopes, with unsubscribe headers', async () => {
    const everything = await activeSubscriber(['all']);
    const atlas = await activeSubscriber(['team:atlas']);
    const beacon = await activeSubscriber(['team:beacon']);
    const sync = await activeSubscriber([`milestone:${ATLAS_SYNC}`]);
    const finished = await activeSubscriber([`milestone:${LOAD_TEST}`]);
    // Baseline: the digest cut the week before covered everything up to 2026-11-02.
    await cutDigest(unplayedQueueEnv(), siteAsOf('2026-11-02'), { period: 'baseline', now: new Date('2026-11-02T07:00:00Z') });

    const { queue, batches } = recordingQueue();
    const e = testEnv({ DIGEST_QUEUE: queue as unknown as Queue });
    await runScheduled(e);
    const ours = new Set([everything, atlas, beacon, sync, finished].map((s) => s.email));
    // (The cron also enqueues again what the baseline digest left pending: other batches.)
    const digestId = (await env.DB.prepare("SELECT id FROM digests WHERE period = '2026-W46'").first<{ id: number }>())!.id;
    batches.splice(0, batches.length, ...batches.filter((b) => b.digestId === digestId));
    const recipients = batches.flatMap((b) => b.recipients).filter((r) => ours.has(r.email));
    // The load test milestone had no entry since 10-26 and is not quiet yet: no news, no mail.
    expect(recipients.map((r) => r.email).sort()).toEqual([everything, atlas, beacon, sync].map((s) => s.email).sort());

    const { transport, result } = await consume(e, batches);
    expect(result.retryMessages).toEqual([]);
    const [toAll] = transport.to(everything.email);
    const [toAtlas] = transport.to(atlas.email);
    const [toBeacon] = transport.to(beacon.email);
    const [toSync] = transport.to(sync.email);
    expect(transport.to(finished.email)).toEqual([]);

    // As a person would write it: who, new blockers and risks first, counted as the email's "In
    // this issue" counts them, then what was achieved, and the week; ≤ 60 characters.
    expect(toAll!.subject).toMatch(/^Atlas, Beacon: \d+ new blockers?, \d+ new risks?.* — week of 9 Nov$/);
    expect(toAtlas!.subject).toMatch(/^Atlas: (\d+ risks? open, )?\d+ achieved.* — week of 9 Nov$/);
    for (const s of [toAll!.subject, toAtlas!.subject]) expect(s.length).toBeLessThanOrEqual(60);
    expect(toBeacon!.subject).toMatch(/^Beacon: /);
    expect(toAtlas!.html).toContain('Sync protocol v2 (delta sync)');
    expect(toAtlas!.html).not.toContain('Push notification reliability');
    // Deliverables sit under their milestone's heading, not as sibling cards "part of X".
    expect(toBeacon!.html).toContain('Push notification reliability');
    expect(toBeacon!.html).not.toContain('part of Push notification reliability');
    expect(toBeacon!.html).toContain('border-left:2px solid');
    expect(toBeacon!.html).not.toContain('Storage scale-out');
    // A milestone scope includes its sub-milestones: 2.1 Resumable uploads is part of Sync protocol v2.
    expect(toSync!.html).toContain('2.1: Resumable uploads');
    expect(toSync!.html).toContain('enabled for all tenants; success rate for attachments over 50 MB went from 93% to 99.4%');
    expect(toSync!.html).not.toContain('Storage scale-out');
    expect(toSync!.text).toContain('enabled for all tenants');
    expect(toSync!.text).toContain(`/milestones/${ATLAS_RESUMABLE}#week-2026-11-09`);
    // Links land on the week's anchor of the milestone page.
    expect(toSync!.html).toContain(`/milestones/${ATLAS_SYNC}#week-2026-11-09`);

    for (const [message, who] of [
      [toAll!, everything],
      [toAtlas!, atlas],
    ] as const) {
      expect(message.from).toBe(env.MAIL_FROM);
      expect(message.headers!['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
      const unsubscribe = /^<(https?:\/\/[^>]+\/unsubscribe\?token=[^>]+)>$/.exec(message.headers!['List-Unsubscribe']!)![1]!;
      // Personal links in the body too, and they work: the one-click POST unsubscribes this reader.
      expect(message.html).toContain(unsubscribe.replace(/&/g, '&amp;'));
      expect(message.text).toContain(unsubscribe);
      expect(message.html).toMatch(/\/preferences\?token=/);
      expect(message.html).not.toContain('tidings.invalid');
      expect(message.html).toContain('/digests/');
      const res = await createApp(site).request(unsubscribe, { method: 'POST', body: 'List-Unsubscribe=One-Click', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } }, e);
      expect(res.status).toBe(200);
      const row = await env.DB.prepare('SELECT status FROM subscribers WHERE id = ?').bind(who.id).first<{ status: string }>();
      expect(row!.status).toBe('unsubscribed');
    }
    // Email-client HTML: tables and inline styles, a preheader, no scripts or stylesheets.
    expect(toAll!.html).toMatch(/^<!doctype html>/i);
    expect(toAll!.html).toContain('max-width:640px');
    expect(toAll!.html).not.toMatch(/<script|<link/i);
    // One <style>: the dark mode of clients that honour prefers-color-scheme; everything else is inline.
    expect(toAll!.html.match(/<style/g)).toHaveLength(1);
    expect(/<style>([\s\S]*?)<\/style>/.exec(toAll!.html)![1]).toContain('@media (prefers-color-scheme:dark)');
  });

  it('the same cron twice makes one digest and no duplicate mail', async () => {
    const reader = await activeSubscriber(['all']);
    await cutDigest(unplayedQueueEnv(), siteAsOf('2026-11-02'), { period: 'baseline', now: new Date('2026-11-02T07:00:00Z') });
    const { queue, batches } = recordingQueue();
    const e = testEnv({ DIGEST_QUEUE: queue as unknown as Queue });
    await runScheduled(e);
    await runScheduled(e);
    const { count } = (await env.DB.prepare("SELECT COUNT(*) AS count FROM digests WHERE period = '2026-W46'").first<{ count: number }>())!;
    expect(count).toBe(1);
    const digestId = (await env.DB.prepare("SELECT id FROM digests WHERE period = '2026-W46'").first<{ id: number }>())!.id;
    batches.splice(0, batches.length, ...batches.filter((b) => b.digestId === digestId));
    // Even if the queue delivered every batch twice, each reader gets one message.
    const transport = recordingTransport();
    await consume(e, batches, transport);
    await consume(e, batches, transport);
    expect(transport.to(reader.email)).toHaveLength(1);
  });

  it('a reader’s first digest says where what they follow stands; the next one what changed', async () => {
    const reader = await activeSubscriber(['team:atlas']);
    const riskReader = await activeSubscriber(['all']);
    await env.DB.prepare("UPDATE subscribers SET content = 'risks' WHERE id = ?").bind(riskReader.id).run();
    const { queue, batches, take } = recordingQueue();
    const e = testEnv({ DIGEST_QUEUE: queue as unknown as Queue });
    await cutDigest(e, siteAsOf('2026-11-02'), { period: 'w1', now: new Date('2026-11-02T07:00:00Z') });
    const firstBatches = take();
    expect(firstBatches.flatMap((b) => b.recipients).find((r) => r.email === reader.email)!.scopeSet).toBe('team:atlas,~first');
    const { transport } = await consume(e, firstBatches);
    const [first] = transport.to(reader.email);
    expect(first!.subject).toBe('Atlas: where things stand — week of 2 Nov');
    expect(first!.text).toContain('Where things stand — week of 2 Nov 2026');
    expect(first!.text).toContain('RECENTLY ACHIEVED');
    expect(first!.html).toContain('Open blockers and risks');
    // Risks only: the open ones, and no achievements.
    const [risks] = transport.to(riskReader.email);
    expect(risks!.text).toContain('OPEN BLOCKERS AND RISKS');
    expect(risks!.text).not.toContain('RECENTLY ACHIEVED');

    await cutDigest(e, siteAsOf('2026-11-09'), { period: 'w2', now: new Date('2026-11-09T07:00:00Z') });
    const next = batches.flatMap((b) => b.recipients).find((r) => r.email === reader.email)!;
    expect(next.scopeSet).toBe('team:atlas');
    const { transport: t2 } = await consume(e, take());
    const [second] = t2.to(reader.email);
    expect(second!.text).toContain('What changed — week of 9 Nov 2026');
    expect(second!.subject).toMatch(/^Atlas: .* — week of 9 Nov$/);
  });

  it('nothing changed → no mail', async () => {
    await activeSubscriber(['all']);
    await cutDigest(unplayedQueueEnv(), site, { period: 'first', now: new Date() });
    const { queue, batches } = recordingQueue();
    const result = await cutDigest(testEnv({ DIGEST_QUEUE: queue as unknown as Queue }), site, { period: 'second', now: new Date() });
    expect(result.created).toBe(true);
    expect(result.digest.recipients).toBe(0);
    expect(result.digest.changes.milestones).toEqual([]);
    expect(batches).toEqual([]);
  });

  it('an edited update shows up as edited, with only what the edit added', async () => {
    const reader = await activeSubscriber(['team:atlas']);
    const edited = site.updates.find((u) => u.id === 'atlas/2026-10-19')!;
    const sync = edited.sections.find((s) => s.key === ATLAS_SYNC)!;
    const added = sync.items.achieved.at(-1)!;
    // The version first published lacked the last achieved item of Sync protocol v2.
    const original = {
      ...edited,
      hash: 'first-version',
      sections: edited.sections.map((s) => (s.key === ATLAS_SYNC ? { ...s, items: { ...s.items, achieved: s.items.achieved.slice(0, -1) } } : s)),
    };
    await cutDigest(unplayedQueueEnv(), siteAsOf('2026-10-19', original), { period: 'before-edit', now: new Date() });
    const { queue, batches } = recordingQueue();
    const e = testEnv({ DIGEST_QUEUE: queue as unknown as Queue });
    const result = await cutDigest(e, siteAsOf('2026-10-19'), { period: 'after-edit', now: new Date() });
    expect(result.digest.changes.editedUpdates.map((u) => u.id)).toEqual(['atlas/2026-10-19']);
    expect(result.digest.changes.newUpdates).toEqual([]);
    expect(result.digest.changes.milestones.map((m) => [m.key, m.achieved.map((i) => i.text)])).toEqual([[ATLAS_SYNC, [added.text]]]);
    const { transport } = await consume(e, batches);
    const [message] = transport.to(reader.email);
    expect(message!.html).toContain('· edited 2026-10-22');
    expect(message!.text).toContain('Edited: ');
  });

  it('a renamed milestone shows its old name', async () => {
    const reader = await activeSubscriber([`milestone:${ATLAS_SYNC}`]);
    await cutDigest(unplayedQueueEnv(), siteAsOf('2026-10-12'), { period: 'w2', now: new Date() });
    const { queue, batches } = recordingQueue();
    const e = testEnv({ DIGEST_QUEUE: queue as unknown as Queue });
    await cutDigest(e, siteAsOf('2026-10-19'), { period: 'w3', now: new Date() });
    const { transport } = await consume(e, batches);
    const [message] = transport.to(reader.email);
    expect(message!.html).toContain('renamed from “Sync protocol v2”');
    expect(message!.text).toContain('renamed from “Sync protocol v2”');
  });
});

describe('delivery is exactly once per recipient, whatever fails', () => {
  it('retries transient failures with backoff, never re-mails sent ones, and marks the rest failed after the last attempt', async () => {
    const readers = await Promise.all(Array.from({ length: 6 }, () => activeSubscriber(['all'], 'retry')));
    const flaky = readers[1]!.email; // fails twice, then works
    const dead = readers[4]!.email; // never works
    const transport = recordingTransport((to, attempt) => (to === flaky && attempt <= 2) || to === dead);
    const q = recordingQueue();
    const e = testEnv({ DIGEST_QUEUE: q.queue as unknown as Queue });
    const { digest } = await cutDigest(e, site, { period: 'retries', now: new Date() });
    // Its six readers as one batch (one retry chain): other files' readers in the shared D1
    // (vitest.config.mts) may split them across two of the cut's batches.
    const ours = q.take().map((b) => ({ ...b, recipients: b.recipients.filter((r) => r.email.startsWith('retry-')) })).filter((b) => b.recipients.length > 0);
    let round = [{ ...ours[0]!, recipients: ours.flatMap((b) => b.recipients) }];
    const delays: Array<number | undefined> = [];
    for (let i = 0; i < 10 && round.length > 0; i++) {
      const { result } = await consume(e, round, transport);
      // Expected failures are not the queue's business: the message is acknowledged and the
      // recipients still to do come back as a new message, delayed by the backoff.
      expect(result.retryMessages).toEqual([]);
      delays.push(...q.delays);
      round = q.take();
    }
    expect(delays).toEqual([30, 60, 120]);

    for (const r of readers) {
      const mailed = transport.to(r.email);
      expect(mailed.length, r.email).toBe(r.email === dead ? 0 : 1);
    }
    expect(transport.attempts.filter((a) => a === flaky)).toHaveLength(3);
    expect(transport.attempts.filter((a) => a === dead)).toHaveLength(4);
    const rows = await env.DB.prepare(
      "SELECT s.email AS email, d.status AS status, d.attempts AS attempts, d.last_error AS error, d.error_class AS class FROM digest_deliveries d JOIN subscribers s ON s.id = d.subscriber_id WHERE d.digest_id = ? AND s.email LIKE 'retry-%'",
    )
      .bind(digest.id)
      .all<{ email: string; status: string; attempts: number; error: string | null; class: string | null }>();
    for (const row of rows.results) {
      if (row.email === dead) expect(row).toMatchObject({ status: 'failed', attempts: 4, class: 'transient', error: expect.stringContaining('gave up after 4 attempts') });
      else expect(row.status).toBe('sent');
    }
    const status = await (await createApp(site).request(`/admin/digests/${digest.id}`, { headers: { Authorization: `Bearer ${env.ADMIN_TOKEN}` } }, e)).json<{
      failed: number;
      pending: number;
      sent: number;
      failedBy: Record<string, number>;
    }>();
    // Other tests' subscribers got this digest too but their batches were not played here.
    expect(status).toMatchObject({ failed: 1, sent: 5, pending: digest.recipients - 6, failedBy: { transient: 1 } });
  });

  it('a batch that fails as a whole is retried by the queue, and the dead-letter queue marks what is left failed', async () => {
    const reader = await activeSubscriber(['all'], 'dlq');
    const q = recordingQueue();
    const e = testEnv({ DIGEST_QUEUE: q.queue as unknown as Queue });
    const { digest } = await cutDigest(e, site, { period: 'dlq', now: new Date() });
    const ours = q.take().map((b) => ({ ...b, recipients: b.recipients.filter((r) => r.email === reader.email) })).filter((b) => b.recipients.length > 0);
    // The digest row cannot be read (say D1 is down): the whole message fails and is retried.
    const broken = testEnv({ DIGEST_QUEUE: q.queue as unknown as Queue, DB: { prepare: () => { throw new Error('D1 unavailable'); } } as unknown as D1Database });
    const { result, delays } = await consume(broken, [{ ...ours[0]!, digestId: digest.id + 100_000 }], recordingTransport(), 2);
    expect(result.retryMessages).toHaveLength(1);
    expect(delays).toEqual([60]);
    await consume(e, ours, recordingTransport(), 5, 'tidings-digest-dlq');
    const row = await env.DB.prepare('SELECT status, last_error FROM digest_deliveries WHERE digest_id = ? AND subscriber_id = ?').bind(digest.id, reader.id).first<{ status: string; last_error: string }>();
    expect(row).toMatchObject({ status: 'failed', last_error: 'gave up after 5 delivery attempts' });
  });

  it('two consumers handling the same batch at once mail each recipient once', async () => {
    const readers = await Promise.all(Array.from({ length: 5 }, () => activeSubscriber(['team:beacon'], 'dup')));
    const { queue, batches } = recordingQueue();
    const e = testEnv({ DIGEST_QUEUE: queue as unknown as Queue });
    await cutDigest(e, site, { period: 'duplicates', now: new Date() });
    const transport = recordingTransport();
    await Promise.all(batches.map((b) => Promise.all([deliverBatch(e, site, b, transport), deliverBatch(e, site, b, transport)])));
    for (const r of readers) expect(transport.to(r.email)).toHaveLength(1);
  });

  it('an unsubscribe between cut and send is respected', async () => {
    const leaving = await activeSubscriber(['all'], 'leaving');
    const { queue, batches } = recordingQueue();
    const e = testEnv({ DIGEST_QUEUE: queue as unknown as Queue });
    await cutDigest(e, site, { period: 'leaving', now: new Date() });
    await env.DB.prepare("UPDATE subscribers SET status = 'unsubscribed', unsubscribed_at = ? WHERE id = ?").bind(new Date().toISOString(), leaving.id).run();
    const { transport } = await consume(e, batches);
    expect(transport.to(leaving.email)).toEqual([]);
    const row = await env.DB.prepare('SELECT status FROM digest_deliveries WHERE subscriber_id = ?').bind(leaving.id).first<{ status: string }>();
    expect(row!.status).toBe('skipped');
  });

  it('a batch held by a consumer that died is retried after its claim expires, then sent once', async () => {
    const readers = await Promise.all(Array.from({ length: 3 }, () => activeSubscriber(['team:atlas'], 'crash')));
    const q = recordingQueue();
    const e = testEnv({ DIGEST_QUEUE: q.queue as unknown as Queue });
    const { digest } = await cutDigest(e, site, { period: 'crash', now: new Date() });
    const ours = q.take().map((b) => ({ ...b, recipients: b.recipients.filter((r) => r.email.startsWith('crash-')) })).filter((b) => b.recipients.length > 0);
    const ids = ours.flatMap((b) => b.recipients.map((r) => r.id));
    // A consumer claimed the batch just now and is still at it (or died): nobody else mails them yet.
    expect((await claimDeliveries(env.DB, digest.id, ids, new Date())).claimed.map((c) => c.id).sort()).toEqual(ids.sort());
    const first = await consume(e, ours);
    expect(first.transport.sent).toEqual([]);
    expect(q.delays).toEqual(ours.map(() => STALE_CLAIM_MS / 1000 + 5));
    const again = q.take();
    // Once the claim is stale (the consumer died), the follow-up claims and sends them, once.
    await env.DB.prepare('UPDATE digest_deliveries SET claimed_at = ? WHERE digest_id = ?').bind(new Date(Date.now() - STALE_CLAIM_MS - 1000).toISOString(), digest.id).run();
    const second = await consume(e, again, recordingTransport(), 1);
    for (const r of readers) expect(second.transport.to(r.email)).toHaveLength(1);
    expect(second.result.retryMessages).toEqual([]);
    expect(q.batches).toEqual([]);
    // The dead consumer may have sent them before it died: this transport cannot deduplicate,
    // so the sends are recorded as possible duplicates.
    const { results } = await env.DB.prepare('SELECT status, ambiguous, possible_duplicate FROM digest_deliveries WHERE digest_id = ? AND subscriber_id IN (SELECT value FROM json_each(?))')
      .bind(digest.id, JSON.stringify(ids))
      .all();
    expect(results).toEqual(ids.map(() => ({ status: 'sent', ambiguous: 1, possible_duplicate: 1 })));
  });
});

describe('with the real local queue and send_email binding', () => {
  it('the consumer picks the batches up and marks every delivery sent', async () => {
    const reader = await activeSubscriber(['all'], 'realqueue');
    const { digest } = await cutDigest(env, site, { period: 'real-queue', now: new Date() });
    const deadline = Date.now() + 20_000;
    let status = '';
    while (Date.now() < deadline) {
      const row = await env.DB.prepare('SELECT status FROM digest_deliveries WHERE digest_id = ? AND subscriber_id = ?').bind(digest.id, reader.id).first<{ status: string }>();
      status = row?.status ?? '';
      if (status === 'sent' || status === 'failed') break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(status).toBe('sent');
    // Every reader of the shared D1 gets this digest (files of the worker project share one
    // Miniflare: vitest.config.mts): wait until the consumer has settled them all, so no batch
    // is left in the queue for a later test's resetDigests to orphan.
    const pending = async () =>
      (await env.DB.prepare("SELECT COUNT(*) AS n FROM digest_deliveries WHERE digest_id = ? AND status IN ('pending', 'sending')").bind(digest.id).first<{ n: number }>())!.n;
    const settled = Date.now() + 60_000;
    while ((await pending()) > 0 && Date.now() < settled) await new Promise((r) => setTimeout(r, 200));
    expect(await pending()).toBe(0);
  });
});

describe('admin and web copies', () => {
  const app = createApp(site);
  const admin = { Authorization: `Bearer ${env.ADMIN_TOKEN}` };

  it('refuses admin routes without the bearer token', async () => {
    for (const [method, path] of [
      ['POST', '/admin/digests'],
      ['GET', '/admin/digests/preview'],
      ['GET', '/admin/digests/1'],
    ] as const) {
      const res = await app.request(path, { method }, env);
      expect(res.status, path).toBe(401);
      expect(res.headers.get('Content-Type')).toContain('application/problem+json');
      const wrong = await app.request(path, { method, headers: { Authorization: 'Bearer nope-nope-nope-nope' } }, env);
      expect(wrong.status).toBe(401);
    }
  });

  it('keeps the admin API closed when ADMIN_TOKEN is not configured, telling the caller nothing about it', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const res = await app.request('/admin/digests', { method: 'POST', headers: { ...admin, 'CF-Connecting-IP': '192.0.2.61' } }, testEnv({ ADMIN_TOKEN: undefined }));
    expect(res.status).toBe(401);
    expect(await res.text()).not.toContain('ADMIN_TOKEN');
    expect(log).toHaveBeenCalledWith(expect.stringContaining('ADMIN_TOKEN is not set'));
    log.mockRestore();
  });

  it('previews the email of a scope without sending or storing anything', async () => {
    const before = await env.DB.prepare('SELECT COUNT(*) AS n FROM digests').first<{ n: number }>();
    const res = await app.request(`/admin/digests/preview?scope=milestone:${ATLAS_SYNC}`, { headers: admin }, env);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Sync protocol v2 (delta sync)');
    expect(html).not.toContain('Push notification reliability');
    const text = await (await app.request('/admin/digests/preview?scope=team:beacon&format=text', { headers: admin }, env)).text();
    expect(text).toContain('BEACON');
    const after = await env.DB.prepare('SELECT COUNT(*) AS n FROM digests').first<{ n: number }>();
    expect(after!.n).toBe(before!.n);
    const bad = await app.request('/admin/digests/preview?scope=team:nobody', { headers: admin }, env);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ detail: 'unknown team "nobody"' });
  });

  it('cuts a digest now, reports its delivery status, and publishes a web copy', async () => {
    const { queue } = recordingQueue();
    const e = testEnv({ DIGEST_QUEUE: queue as unknown as Queue });
    await activeSubscriber(['all'], 'admin');
    const res = await app.request('/admin/digests', { method: 'POST', headers: admin }, e);
    expect(res.status).toBe(201);
    const created = await res.json<{ id: number; recipients: number; subject: string }>();
    expect(created.recipients).toBeGreaterThan(0);
    const status = await (await app.request(`/admin/digests/${created.id}`, { headers: admin }, e)).json<{ pending: number; sent: number; status: string }>();
    expect(status).toMatchObject({ sent: 0, status: 'sending' });
    expect(status.pending).toBe(created.recipients);
    expect((await app.request('/admin/digests/999999', { headers: admin }, e)).status).toBe(404);

    const page = await app.request(`/digests/${created.id}`, {}, e);
    expect(page.status).toBe(200);
    const copy = await page.text();
    expect(copy).toContain('Sync protocol v2 (delta sync)');
    // Styled by the site's stylesheet, as its pages are (the policy lets no inline style apply).
    expect(copy).toContain(`<link rel="stylesheet" href="${STYLESHEET_PATH}"/>`);
    expect(copy).not.toMatch(/<style|\sstyle="/);
    expect(page.headers.get('Content-Security-Policy')).toContain("style-src 'self'");
    const list = await (await app.request('/digests', {}, e)).text();
    expect(list).toContain(`/digests/${created.id}`);
    expect((await app.request('/digests/424242', {}, e)).status).toBe(404);
  });
});

describe('secrets of the admin API', () => {
  it('refuses a development ADMIN_TOKEN outside local development (in the log, not to the caller)', async () => {
    const app = createApp(site);
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const token = 'dev-0123456789abcdef0123456789abcdef';
    const res = await app.request('/admin/digests', { headers: { Authorization: `Bearer ${token}`, 'CF-Connecting-IP': '192.0.2.62' } }, testEnv({ ADMIN_TOKEN: token, ENVIRONMENT: 'production' }));
    expect(res.status).toBe(401);
    expect(await res.text()).not.toContain('development');
    expect(log).toHaveBeenCalledWith(expect.stringContaining('ADMIN_TOKEN is a development key'));
    log.mockRestore();
  });
});

describe('a cut whose enqueueing failed', () => {
  it('is picked up by the next run of the same period: its recipients are enqueued then', async () => {
    const reader = await activeSubscriber(['all'], 'orphan');
    const broken = { send: async () => {}, sendBatch: async () => Promise.reject(new Error('queue unavailable')) } as unknown as Queue;
    await expect(cutDigest(testEnv({ DIGEST_QUEUE: broken }), site, { period: 'orphan', now: new Date() })).rejects.toThrow('queue unavailable');
    const { queue, batches } = recordingQueue();
    const e = testEnv({ DIGEST_QUEUE: queue as unknown as Queue });
    const again = await cutDigest(e, site, { period: 'orphan', now: new Date() });
    expect(again.created).toBe(false);
    expect(batches.flatMap((b) => b.recipients).map((r) => r.email)).toContain(reader.email);
    const { transport } = await consume(e, batches);
    expect(transport.to(reader.email)).toHaveLength(1);
  });

  it('publishes no empty digest in the list, and says so in its subject', async () => {
    await cutDigest(unplayedQueueEnv(), site, { period: 'full', now: new Date() });
    const { digest } = await cutDigest(unplayedQueueEnv(), site, { period: 'empty', now: new Date() });
    expect(digest.subject).toBe('No changes — week of 9 Nov');
    const list = await (await createApp(site).request('/digests', {}, env)).text();
    expect(list).not.toContain(`/digests/${digest.id}"`);
  });
});

/**
 * Bounces and complaints: Email Service events through the delivery-events queue (the
 * Worker's own queue handler, and once the real local queue), and the HTTP API's Svix-signed
 * webhook — forged, stale and replayed deliveries refused. A hard bounce or a complaint stops
 * all mail; soft bounces are counted and repeated ones stop mail too.
 */
import { createExecutionContext, createMessageBatch, getQueueResult } from 'cloudflare:test';
import { describe, expect, it, vi } from 'vitest';
import worker from '../../src/index';
import { createApp } from '../../src/app';
import { cutDigest } from '../../src/digest';
import { signWebhook } from '../../src/subscribers/events';
import { activeSubscriber, env, recordingQueue, resetDigests, site, testEnv } from './digest.helpers';

const SECRET = `whsec_${btoa('test-webhook-secret-0123456789abcdef')}`;
const admin = { Authorization: `Bearer ${env.ADMIN_TOKEN}`, 'CF-Connecting-IP': '192.0.2.210' };

async function row(email: string) {
  return env.DB.prepare('SELECT status, suppressed_at, suppressed_reason, soft_bounces, last_failure FROM subscribers WHERE email = ?')
    .bind(email)
    .first<{ status: string; suppressed_at: string | null; suppressed_reason: string | null; soft_bounces: number; last_failure: string | null }>();
}

let n = 0;
async function queueEvents(bodies: unknown[]) {
  const batch = createMessageBatch('tidings-mail-events', bodies.map((body) => ({ id: `ev-${++n}`, timestamp: new Date(), attempts: 1, body })));
  const ctx = createExecutionContext();
  await worker.queue!(batch as MessageBatch<never>, env);
  return getQueueResult(batch, ctx);
}

const cf = (type: string, to: string, bounce?: 'hard' | 'soft') => ({ type, payload: { recipient: to, ...(bounce ? { bounce: { type: bounce, reason: `550 ${bounce}` } } : {}) } });

describe('Email Service delivery events (queue)', () => {
  it('a hard bounce and a complaint suppress; soft bounces count and the third suppresses; a delivery resets the count', async () => {
    vi.spyOn(console, 'log').mockImplementation(() => {});
    const [hard, complained, soft, recovered] = await Promise.all(Array.from({ length: 4 }, () => activeSubscriber(['all'], 'event')));
    const result = await queueEvents([
      cf('message.bounced', hard!.email, 'hard'),
      cf('message.complained', complained!.email),
      cf('message.bounced', soft!.email, 'soft'),
      cf('message.bounced', recovered!.email, 'soft'),
      cf('message.bounced', recovered!.email, 'soft'),
      cf('message.delivered', recovered!.email),
      { not: 'an event' },
    ]);
    expect(result.retryMessages).toEqual([]);
    expect(await row(hard!.email)).toMatchObject({ suppressed_reason: 'hard-bounce', last_failure: 'message.bounced: hard: 550 hard' });
    expect(await row(complained!.email)).toMatchObject({ suppressed_reason: 'complaint' });
    expect(await row(soft!.email)).toMatchObject({ suppressed_at: null, soft_bounces: 1 });
    expect(await row(recovered!.email)).toMatchObject({ suppressed_at: null, soft_bounces: 0 });
    await queueEvents([cf('message.bounced', soft!.email, 'soft'), cf('message.bounced', soft!.email, 'soft')]);
    expect(await row(soft!.email)).toMatchObject({ suppressed_reason: 'soft-bounces', soft_bounces: 3 });

    // Suppressed addresses get no digest, and the admin sees why. No digest before this one
    // (files of the worker project share one D1: vitest.config.mts), so every change is news.
    await resetDigests();
    const q = recordingQueue();
    await cutDigest(testEnv({ DIGEST_QUEUE: q.queue as unknown as Queue }), site, { period: `events-${n}`, now: new Date() });
    const recipients = q.batches.flatMap((b) => b.recipients.map((r) => r.email));
    expect(recipients).not.toContain(hard!.email);
    expect(recipients).not.toContain(complained!.email);
    expect(recipients).not.toContain(soft!.email);
    expect(recipients).toContain(recovered!.email);
    const listing = await (await createApp(site).request(`/admin/subscribers?q=${encodeURIComponent(hard!.email)}`, { headers: admin }, env)).json<{
      subscribers: Array<{ state: string; suppressed: { reason: string } }>;
    }>();
    expect(listing.subscribers[0]).toMatchObject({ state: 'suppressed', suppressed: { reason: 'hard-bounce' } });
    vi.restoreAllMocks();
  });

  it('arrive through the real local queue', async () => {
    const reader = await activeSubscriber(['all'], 'realevent');
    await env.MAIL_EVENTS!.send(cf('message.bounced', reader.email, 'hard'));
    const deadline = Date.now() + 20_000;
    while (!(await row(reader.email))?.suppressed_at && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    expect(await row(reader.email)).toMatchObject({ suppressed_reason: 'hard-bounce' });
  }, 30_000);
});

describe('POST /webhooks/mail (Svix-signed, as Resend sends)', () => {
  const app = createApp(site);
  const e = testEnv({ MAIL_WEBHOOK_SECRET: SECRET });
  async function post(body: string, headers: Record<string, string>, environment = e) {
    return app.request('/webhooks/mail', { method: 'POST', body, headers: { 'Content-Type': 'application/json', ...headers } }, environment);
  }
  async function signed(payload: unknown, options: { id?: string; at?: number; secret?: string } = {}) {
    const body = JSON.stringify(payload);
    const id = options.id ?? `msg_${crypto.randomUUID()}`;
    const timestamp = String(Math.floor((options.at ?? Date.now()) / 1000));
    const signature = `v1,${await signWebhook(options.secret ?? SECRET, id, timestamp, body)}`;
    return { body, headers: { 'svix-id': id, 'svix-timestamp': timestamp, 'svix-signature': signature } };
  }
  const resend = (type: string, to: string, bounceType?: string) => ({ type, created_at: new Date().toISOString(), data: { email_id: 'e1', to: [to], ...(bounceType ? { bounce: { type: bounceType, subType: 'General', message: 'mailbox does not exist' } } : {}) } });

  it('applies a signed bounce once; refuses forged, stale and replayed deliveries', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const [bounced, forged, complained, transient] = await Promise.all(Array.from({ length: 4 }, () => activeSubscriber(['all'], 'hook')));
    const ok = await signed(resend('email.bounced', bounced!.email, 'Permanent'));
    const res = await post(ok.body, ok.headers);
    expect(res.status).toBe(200);
    expect(await row(bounced!.email)).toMatchObject({ suppressed_reason: 'hard-bounce' });
    // The same delivery again (a replay within the tolerance window): refused.
    expect((await post(ok.body, ok.headers)).status).toBe(409);

    const wrongKey = await signed(resend('email.bounced', forged!.email, 'Permanent'), { secret: `whsec_${btoa('somebody-else')}` });
    expect((await post(wrongKey.body, wrongKey.headers)).status).toBe(401);
    const tampered = await signed(resend('email.delivered', forged!.email));
    expect((await post(tampered.body.replace('email.delivered', 'email.complained'), tampered.headers)).status).toBe(401);
    const stale = await signed(resend('email.complained', forged!.email), { at: Date.now() - 10 * 60 * 1000 });
    expect((await post(stale.body, stale.headers)).status).toBe(401);
    expect((await post('{}', {})).status).toBe(400);
    expect(await row(forged!.email)).toMatchObject({ suppressed_at: null });

    const complaint = await signed(resend('email.complained', complained!.email));
    expect((await post(complaint.body, complaint.headers)).status).toBe(200);
    expect(await row(complained!.email)).toMatchObject({ suppressed_reason: 'complaint' });
    const soft = await signed(resend('email.bounced', transient!.email, 'Transient'));
    expect((await post(soft.body, soft.headers)).status).toBe(200);
    expect(await row(transient!.email)).toMatchObject({ suppressed_at: null, soft_bounces: 1 });
    vi.restoreAllMocks();
  });

  it('is closed without a secret', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const ok = await signed(resend('email.bounced', 'x@example.com', 'Permanent'));
    expect((await post(ok.body, ok.headers, testEnv({ MAIL_WEBHOOK_SECRET: undefined }))).status).toBe(503);
    vi.restoreAllMocks();
  });
});

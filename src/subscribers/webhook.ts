/**
 * `POST /webhooks/mail`: delivery events of the HTTP mail API (Resend, signed Svix-style with
 * MAIL_WEBHOOK_SECRET). Forged signatures, deliveries older than 5 minutes and replays of a
 * delivery already processed (svix-id kept in D1) are refused; the events are then handled
 * exactly like the Email Service's queue events (src/subscribers/events.ts).
 */
import { Hono } from 'hono';
import type { Env } from '../env';
import { problemResponse } from '../http/problem';
import { applyMailEvents, parseResendEvent, softBounceLimit, verifyWebhook } from './events';

const MAX_BODY = 256 * 1024;

export function mailWebhookRoutes(): Hono<{ Bindings: Env }> {
  const app = new Hono<{ Bindings: Env }>();
  app.post('/webhooks/mail', async (c) => {
    const secret = c.env.MAIL_WEBHOOK_SECRET?.trim();
    if (!secret) {
      console.error('mail webhook refused: MAIL_WEBHOOK_SECRET is not set (wrangler secret put MAIL_WEBHOOK_SECRET, the whsec_… secret of the webhook)');
      return problemResponse({ status: 503, title: 'Webhook not available', detail: 'This endpoint is not configured.' });
    }
    const body = await c.req.text();
    if (body.length > MAX_BODY) return problemResponse({ status: 413, title: 'Payload too large', detail: 'At most 256 KiB.' });
    let check;
    try {
      check = await verifyWebhook(secret, { id: c.req.header('svix-id'), timestamp: c.req.header('svix-timestamp'), signature: c.req.header('svix-signature') }, body);
    } catch (error) {
      console.error(`mail webhook refused: ${error instanceof Error ? error.message : String(error)}`);
      return problemResponse({ status: 503, title: 'Webhook not available', detail: 'This endpoint is not configured.' });
    }
    if (!check.ok) {
      console.warn(`mail webhook refused (${check.reason}) from ${c.req.header('CF-Connecting-IP') ?? 'unknown'}`);
      const detail = {
        'missing-headers': 'Send svix-id, svix-timestamp and svix-signature.',
        stale: 'The timestamp is more than 5 minutes away from now.',
        forged: 'The signature does not match.',
      }[check.reason];
      return problemResponse({ status: check.reason === 'missing-headers' ? 400 : 401, title: 'Webhook refused', detail });
    }
    let payload: unknown;
    try {
      payload = JSON.parse(body);
    } catch {
      return problemResponse({ status: 400, title: 'Invalid JSON', detail: 'The body is not JSON.' });
    }
    const db = c.env.DB;
    const id = c.req.header('svix-id')!;
    // Once per delivery id: a replayed (signed, recent) delivery is refused.
    const fresh = await db
      .prepare('INSERT INTO webhook_events (id, received_at) VALUES (?, ?) ON CONFLICT (id) DO NOTHING RETURNING id')
      .bind(id.slice(0, 200), new Date().toISOString())
      .first<{ id: string }>();
    if (!fresh) {
      console.warn(`mail webhook refused: delivery ${id.slice(0, 80)} was already processed (replay)`);
      return problemResponse({ status: 409, title: 'Already processed', detail: 'This webhook delivery was processed before.' });
    }
    const event = parseResendEvent(payload);
    try {
      if (event && event.kind !== 'ignored') await applyMailEvents(db, [event], { softBounceLimit: softBounceLimit(c.env) });
    } catch (error) {
      // Not applied: forget the id so the sender's retry is processed.
      await db.prepare('DELETE FROM webhook_events WHERE id = ?').bind(id.slice(0, 200)).run();
      throw error;
    }
    // Old ids are of no use once their timestamps are out of the tolerance window.
    await db.prepare('DELETE FROM webhook_events WHERE received_at < ?').bind(new Date(Date.now() - 24 * 3600 * 1000).toISOString()).run();
    return c.json({ received: true, event: event?.kind ?? 'unrecognised' });
  });
  return app;
}

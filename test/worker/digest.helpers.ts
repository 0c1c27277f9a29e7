/**
 * Shared helpers of the digest tests: active subscribers written straight into the real local
 * D1, a recording queue producer, a recording (and optionally failing) mail transport, and
 * the sample site as it was on an earlier date.
 */
import { env } from 'cloudflare:workers';
import { indexMilestones } from '../../src/content/build';
import type { SiteModel, Update } from '../../src/content/model';
import type { DigestBatch } from '../../src/digest';
import type { Env } from '../../src/env';
import type { MailMessage, MailTransport } from '../../src/mail';
import { site } from '../../src/site';

export { env, site };

/** Empties the digest tables (subscribers of other tests stay: assertions filter by address). */
export async function resetDigests(): Promise<void> {
  await env.DB.batch([env.DB.prepare('DELETE FROM digest_deliveries'), env.DB.prepare('DELETE FROM digest_snapshots'), env.DB.prepare('DELETE FROM digests')]);
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

/** A queue producer that keeps what is sent (the test then plays the consumer). */
export function recordingQueue(): { queue: Queue<DigestBatch>; batches: DigestBatch[] } {
  const batches: DigestBatch[] = [];
  const queue = {
    async send(body: DigestBatch) {
      batches.push(body);
    },
    async sendBatch(messages: Iterable<MessageSendRequest<DigestBatch>>) {
      for (const m of messages) batches.push(m.body);
    },
  } as unknown as Queue<DigestBatch>;
  return { queue, batches };
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

let messageId = 0;
/** Queue messages as the runtime would deliver them, from recorded batches. */
export function asMessages(batches: DigestBatch[], attempts = 1) {
  return batches.map((body) => ({ id: `msg-${++messageId}`, timestamp: new Date(), attempts, body }));
}

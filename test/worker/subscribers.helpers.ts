/**
 * Shared helpers of the subscriber tests: the real app (createApp over the real site model)
 * called in workerd with the real local D1 and rate limiter, and a recording stand-in for the
 * send_email binding so a test can read the email a user would get.
 */
import { createExecutionContext, createMessageBatch, getQueueResult, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { createApp } from '../../src/app';
import { handleDigestQueue, type DeliveryMessage } from '../../src/digest';
import type { Env } from '../../src/env';
import { site } from '../../src/site';

export { env, site };

/** What the send_email binding received: the structured message form. */
export interface SentEmail {
  from: string | { name: string; email: string };
  to: string | string[];
  subject: string;
  html?: string;
  text?: string;
  replyTo?: string | { name: string; email: string };
  headers?: Record<string, string>;
}

export interface RecordingMail {
  binding: SendEmail;
  sent: SentEmail[];
  /** Messages sent to one address, oldest first. */
  to(address: string): SentEmail[];
  /** Makes the next sends throw, like an unavailable mail service. */
  failWith(error: Error | undefined): void;
}

export function recordingMail(): RecordingMail {
  const sent: SentEmail[] = [];
  let failure: Error | undefined;
  const binding = {
    async send(message: unknown) {
      if (failure) throw failure;
      sent.push(message as SentEmail);
      return { messageId: `<${crypto.randomUUID()}@test>` };
    },
  } as SendEmail;
  return {
    binding,
    sent,
    to: (address) => sent.filter((m) => (Array.isArray(m.to) ? m.to : [m.to]).some((t) => t.toLowerCase() === address.toLowerCase())),
    failWith: (error) => {
      failure = error;
    },
  };
}

const app = createApp(site);

export interface Harness {
  mail: RecordingMail;
  /** Calls the app like a client would; `path` may be absolute (a link from an email). */
  fetch(path: string, init?: RequestInit): Promise<Response>;
  /** Queue messages left for later (a retry's backoff, a limit): `playQueue` delivers them now. */
  queued: Array<{ body: DeliveryMessage; delaySeconds: number | undefined }>;
  /** Plays what waits in the queue (delays skipped), until nothing is left or `rounds` ran. */
  playQueue(rounds?: number): Promise<void>;
  env: Env;
}

/**
 * A fresh recording mailbox and the app (by default createApp over the site) with optional env
 * overrides. Mail goes through the queue, as in production: the harness plays the queue's
 * consumer after each request (what is enqueued without a delay is delivered at once; what
 * waits for a backoff or a limit stays in `queued` until `playQueue`).
 */
export function harness(overrides: Partial<Env> = {}, over: { request: typeof app.request } = app): Harness {
  const mail = recordingMail();
  const queued: Harness['queued'] = [];
  const queue = {
    async send(body: DeliveryMessage, options?: QueueSendOptions) {
      queued.push({ body, delaySeconds: options?.delaySeconds });
    },
    async sendBatch(messages: Iterable<MessageSendRequest<DeliveryMessage>>) {
      for (const m of messages) queued.push({ body: m.body, delaySeconds: m.delaySeconds });
    },
  } as unknown as Queue;
  const testEnv = { ...env, EMAIL: mail.binding, DIGEST_QUEUE: queue, ...overrides } as Env;
  let id = 0;
  const consume = async (bodies: DeliveryMessage[]) => {
    if (bodies.length === 0) return;
    const batch = createMessageBatch<DeliveryMessage>('tidings-digest', bodies.map((body) => ({ id: `h-${++id}`, timestamp: new Date(), attempts: 1, body })));
    await handleDigestQueue(batch, testEnv, site);
    await getQueueResult(batch, createExecutionContext());
  };
  const playNow = async () => {
    for (let round = 0; round < 10; round++) {
      const now = queued.filter((m) => !m.delaySeconds);
      if (now.length === 0) return;
      for (const m of now) queued.splice(queued.indexOf(m), 1);
      await consume(now.map((m) => m.body));
    }
  };
  return {
    mail,
    queued,
    env: testEnv,
    fetch: async (path, init) => {
      const url = new URL(path, env.SITE_URL);
      const ctx = createExecutionContext();
      const res = await over.request(url.toString(), init, testEnv, ctx);
      await waitOnExecutionContext(ctx);
      await playNow();
      return res;
    },
    playQueue: async (rounds = 10) => {
      for (let round = 0; round < rounds && queued.length > 0; round++) await consume(queued.splice(0).map((m) => m.body));
    },
  };
}

let counter = 0;
/** An address no other test uses (tests share one local D1). */
export function uniqueEmail(tag = 'reader'): string {
  counter += 1;
  return `${tag}-${counter}-${crypto.randomUUID().slice(0, 8)}@example.com`;
}

/** A client IP no other test uses, so the per-IP rate limit never couples tests. */
export function uniqueIp(): string {
  // Random bits inside the /64 prefix: the limiter counts IPv6 clients per /64.
  const [a, b] = crypto.getRandomValues(new Uint16Array(2));
  return `2001:db8:${a!.toString(16)}:${b!.toString(16)}::1`;
}

export function postJson(h: Harness, path: string, body: unknown, ip = uniqueIp()): Promise<Response> {
  return h.fetch(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'CF-Connecting-IP': ip },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

export function postForm(h: Harness, path: string, fields: Array<[string, string]>, ip = uniqueIp()): Promise<Response> {
  return h.fetch(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'CF-Connecting-IP': ip },
    body: new URLSearchParams(fields).toString(),
  });
}

export function subscribe(h: Harness, email: string, scopes: string[] = ['all'], ip?: string): Promise<Response> {
  return postJson(h, '/subscribe', { email, scopes }, ip);
}

export interface StoredSubscriber {
  id: number;
  email: string;
  status: string;
  created_at: string;
  updated_at: string;
  confirmed_at: string | null;
  unsubscribed_at: string | null;
  last_confirmation_sent_at: string | null;
  scopes: string[];
}

/** The row as stored in D1 (null when there is none), with its scopes sorted. */
export async function stored(email: string): Promise<StoredSubscriber | null> {
  const row = await env.DB.prepare('SELECT * FROM subscribers WHERE email = ?').bind(email).first<Omit<StoredSubscriber, 'scopes'>>();
  if (!row) return null;
  const { results } = await env.DB.prepare('SELECT scope FROM subscriber_scopes WHERE subscriber_id = ? ORDER BY scope')
    .bind(row.id)
    .all<{ scope: string }>();
  return { ...row, scopes: results.map((r) => r.scope) };
}

/** The first link to `/path?token=…` in a text (an email body or a page). */
export function linkIn(text: string | undefined, path: 'confirm' | 'preferences' | 'unsubscribe'): string {
  const match = new RegExp(`https?://[^\\s"'<>]+/${path}\\?token=[A-Za-z0-9._~%-]+`).exec(text ?? '');
  if (!match) throw new Error(`no /${path} link in:\n${text}`);
  return match[0];
}

/** Moves the "last confirmation sent" mark back, as if `minutes` had passed. */
export async function backdateConfirmation(email: string, minutes: number): Promise<void> {
  const when = new Date(Date.now() - minutes * 60_000).toISOString();
  await env.DB.prepare('UPDATE subscribers SET last_confirmation_sent_at = ? WHERE email = ?').bind(when, email).run();
}

/** A subscriber taken through subscribe → confirm, with the confirmation email it got. */
export async function activeSubscriber(h: Harness, scopes: string[] = ['all']): Promise<{ email: string; confirmation: SentEmail }> {
  const email = uniqueEmail('active');
  const res = await subscribe(h, email, scopes);
  if (res.status !== 202) throw new Error(`subscribe answered ${res.status}: ${await res.text()}`);
  const confirmation = h.mail.to(email).at(-1);
  if (!confirmation) throw new Error('no confirmation email');
  const confirmed = await h.fetch(linkIn(confirmation.text, 'confirm'));
  if (confirmed.status !== 200) throw new Error(`confirm answered ${confirmed.status}`);
  return { email, confirmation };
}

export const team = () => {
  const t = site.teams[0];
  if (!t) throw new Error('the site model has no team');
  return t;
};
export const milestone = () => {
  const m = site.milestones[0];
  if (!m) throw new Error('the site model has no milestone');
  return m;
};

/** A subscriber stored as active (no mail), with their signed preferences and unsubscribe links. */
export async function storedSubscriber(
  scopes: string[],
  delivery: { frequency?: 'weekly' | 'instant'; content?: 'everything' | 'risks' } = {},
): Promise<{ id: number; email: string; preferences: string; unsubscribe: string; token: string }> {
  const email = uniqueEmail('stored');
  const at = new Date().toISOString();
  const row = await env.DB.prepare(
    "INSERT INTO subscribers (email, status, created_at, updated_at, confirmed_at, frequency, content) VALUES (?, 'active', ?, ?, ?, ?, ?) RETURNING id",
  )
    .bind(email, at, at, at, delivery.frequency ?? 'weekly', delivery.content ?? 'everything')
    .first<{ id: number }>();
  await env.DB.batch(scopes.map((s) => env.DB.prepare('INSERT INTO subscriber_scopes (subscriber_id, scope, created_at) VALUES (?, ?, ?)').bind(row!.id, s, at)));
  const { preferencesUrl, unsubscribeUrl } = await import('../../src/subscribers/links');
  const preferences = await preferencesUrl(env as unknown as Env, row!.id);
  return { id: row!.id, email, preferences, unsubscribe: await unsubscribeUrl(env as unknown as Env, row!.id), token: new URL(preferences).searchParams.get('token')! };
}

const unescape = (s: string) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/**
 * The form of a page whose submit button says `button`, as a browser would submit it: its
 * action and its fields (hidden and text inputs, ticked boxes and radios), in order.
 */
export function formWith(html: string, button: string): { action: string; fields: Array<[string, string]> } {
  const form = [...html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)].find((m) => new RegExp(`<button[^>]*>\\s*${button.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`).test(m[2]!));
  if (!form) throw new Error(`no form with a "${button}" button in:\n${html}`);
  const attr = (tag: string, name: string) => {
    const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
    return m ? unescape(m[1]!) : undefined;
  };
  const fields: Array<[string, string]> = [];
  for (const [input] of form[2]!.matchAll(/<input\b[^>]*>/g)) {
    const type = attr(input, 'type') ?? 'text';
    const name = attr(input, 'name');
    if (!name || ((type === 'checkbox' || type === 'radio') && !/\schecked(=""|\s|>|\/)/.test(input))) continue;
    fields.push([name, attr(input, 'value') ?? (type === 'checkbox' ? 'on' : '')]);
  }
  return { action: attr(`<form${form[1]}>`, 'action')!, fields };
}

/**
 * The queue consumer: each message is a batch of recipients of one digest. Per batch: one
 * claim (D1), one render per distinct scope set (memoised per isolate), one send per
 * recipient, one status write (D1). Failed sends are retried with backoff by the queue; after
 * the last retry the message lands on the dead-letter queue, whose consumer marks what is
 * still unsent as failed.
 */
import { catalogFrom, scopeKeys, type CatalogSource } from '../catalog';
import type { SiteModel } from '../content/model';
import type { Env } from '../env';
import { renderDigestEmail, personaliseDigest } from '../../emails/digest';
import type { RenderedEmail } from '../../emails/types';
import { siteConfig } from '../feeds';
import { composeMail, digestHeaders, failureOf, mailTransport, withoutRemoteImages, type MailTransport } from '../mail';
import { failUnsentMail, isMailBatch, type MailBatch } from '../mail/outbox';
import { deliverMailBatch, mailFollowUps } from './mail-queue';
import { describeScope, recipientLinks } from '../subscribers';
import type { DigestBatch } from './cut';
import { filterChanges, FIRST, isMarker, RISKS_ONLY } from './scope';
import { claimDeliveries, failUnsent, findDigest, recordDeliveries, STALE_CLAIM_MS, type DeliveryOutcome, type Digest, type RecordedDelivery } from './store';
import { digestSubject } from './subject';


/** Sends in flight at once within one batch. */
const SEND_CONCURRENCY = 10;

export function retryDelaySeconds(attempts: number): number {
  return Math.min(30 * 2 ** Math.max(attempts - 1, 0), 3600);
}

/** Per-isolate memo: digests are immutable once cut, so rendering them again is waste. */
const digests = new Map<number, Promise<Digest | undefined>>();
const rendered = new Map<string, Promise<{ email: RenderedEmail; placeholders: { unsubscribe: string; preferences: string } }>>();
let renderCount = 0;
/** How many times a digest email was rendered in this isolate (tests and benchmarks read it). */
export function digestRenderCount(): number {
  return renderCount;
}

function loadDigest(db: D1Database, id: number): Promise<Digest | undefined> {
  let p = digests.get(id);
  if (!p) {
    p = findDigest(db, id);
    digests.set(id, p);
    p.then((d) => d ?? digests.delete(id), () => digests.delete(id));
    // The digests being delivered are few: keep the latest, not every one this isolate saw.
    if (digests.size > 8) digests.delete(digests.keys().next().value!);
  }
  return p;
}

export function digestWebUrl(siteUrl: string, id: number): string {
  return `${siteUrl}/digests/${id}`;
}

/** Renders the digest for one scope set with placeholder links (once per isolate). */
export function renderForScopeSet(env: Env, catalog: CatalogSource, digest: Digest, scopeSet: string) {
  const key = `${catalog.version}|${digest.id}|${scopeSet}`;
  let p = rendered.get(key);
  if (!p) {
    p = (async () => {
      renderCount++;
      const config = siteConfig(env);
      const scopes = scopeSet.split(',');
      // The digest's milestones (their ancestry and statuses) and the reader's (their names).
      const site = await catalog.view({ keys: [...digest.changes.milestones.map((m) => m.key), ...scopeKeys(scopes)] });
      // Remote images become links: no tracking pixel reaches a reader's mailbox.
      const changes = withoutRemoteImages(filterChanges(digest.changes, scopes, site));
      const nonce = crypto.randomUUID();
      const placeholders = { unsubscribe: `https://tidings.invalid/unsubscribe/${nonce}`, preferences: `https://tidings.invalid/preferences/${nonce}` };
      // No digest was addressed to this reader before: where what they follow stands.
      const first = scopes.includes(FIRST) && changes.state !== undefined;
      const email = await renderDigestEmail({
        changes,
        subject: digestSubject(changes, site.teams, first),
        first,
        teams: site.teams,
        site,
        quietWeeks: config.quietWeeks,
        siteTitle: config.title,
        siteUrl: config.siteUrl,
        webUrl: digestWebUrl(config.siteUrl, digest.id),
        scopes: scopes.filter((s) => !isMarker(s)).map((s) => describeScope(site, s)),
        risksOnly: scopes.includes(RISKS_ONLY),
        unsubscribeUrl: placeholders.unsubscribe,
        preferencesUrl: placeholders.preferences,
      });
      return { email, placeholders };
    })();
    rendered.set(key, p);
    p.catch(() => rendered.delete(key));
    if (rendered.size > 1000) rendered.delete(rendered.keys().next().value!);
  }
  return p;
}

export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i]!);
      }
    }),
  );
  return out;
}

export interface BatchResult {
  /** Every recipient this run claimed, sent or not. */
  outcomes: DeliveryOutcome[];
  /** What was recorded for them (rows whose claim was lost meanwhile are missing). */
  recorded: RecordedDelivery[];
  /** Recipients another run holds: come back once its claim is done or stale. */
  heldElsewhere: number[];
  /** Recipients held back by a rate or daily limit, until when. */
  deferred: Array<{ id: number; notBefore: string }>;
}

/** The outcome of one send, by error class (src/mail/message.ts). */
export function outcomeOf(id: number, error: unknown, now: number): DeliveryOutcome {
  const failure = failureOf(error);
  if (failure.kind === 'rate-limit') {
    return { id, kind: 'rate-limit', error: failure.message, notBefore: new Date(now + (failure.retryAfterSeconds ?? 60) * 1000).toISOString() };
  }
  if (failure.kind === 'permanent') {
    const suppress = failure.recipient ? (/SUPPRESSED/i.test(failure.code ?? failure.message) ? 'recipient-suppressed' : 'invalid-recipient') : undefined;
    return { id, kind: 'permanent', error: failure.message, ...(suppress ? { suppress } : {}) };
  }
  return { id, kind: failure.kind, error: failure.message };
}

/**
 * Delivers one batch: claims, sends what it claimed, records the outcomes. Every message
 * carries `Message-ID`, `List-Id` and `Archived-At`; its Message-ID is also the idempotency
 * key, the same for every attempt. Once the service reports a rate or daily limit, the rest
 * of the batch is not tried: it waits for the limit to reset.
 */
export async function deliverBatch(env: Env, content: CatalogSource | SiteModel, body: DigestBatch, transport: MailTransport, now = new Date()): Promise<BatchResult> {
  const catalog = catalogFrom(content);
  const digest = await loadDigest(env.DB, body.digestId);
  if (!digest) throw new Error(`digest ${body.digestId} not found`);
  const claim = await claimDeliveries(env.DB, digest.id, body.recipients.map((r) => r.id), now);
  const claimed = new Set(claim.claimed.map((c) => c.id));
  const recipients = body.recipients.filter((r) => claimed.has(r.id));
  const config = siteConfig(env);
  let limited: DeliveryOutcome | undefined;
  const outcomes = await mapLimit(recipients, SEND_CONCURRENCY, async (r): Promise<DeliveryOutcome> => {
    if (limited) return { ...limited, id: r.id };
    try {
      const { email, placeholders } = await renderForScopeSet(env, catalog, digest, r.scopeSet);
      // Issued at the cut, not now: every attempt under this Message-ID is the same request.
      const links = await recipientLinks(env, r.id, Date.parse(digest.createdAt));
      const personal = personaliseDigest(email, placeholders, links);
      const headers = {
        ...links.headers,
        ...digestHeaders({ siteUrl: config.siteUrl, siteTitle: config.title, digestId: digest.id, subscriberId: r.id, webUrl: digestWebUrl(config.siteUrl, digest.id) }),
      };
      const sent = await transport.send(
        composeMail(env, { to: r.email, subject: personal.subject, html: personal.html, text: personal.text, headers, idempotencyKey: headers['Message-ID'] }),
      );
      return { id: r.id, kind: 'sent', ...(sent.id ? { providerId: sent.id } : {}) };
    } catch (error) {
      const outcome = outcomeOf(r.id, error, Date.now());
      if (outcome.kind === 'rate-limit') limited ??= outcome;
      return outcome;
    }
  });
  const recorded = await recordDeliveries(env.DB, digest.id, claim.token, outcomes, new Date(), { deduplicates: transport.deduplicates === true });
  return { outcomes, recorded, heldElsewhere: claim.heldElsewhere, deferred: claim.deferred };
}

/** Queues take a delay of at most 12 hours; a longer wait is done in several hops. */
const MAX_QUEUE_DELAY_SECONDS = 12 * 60 * 60;

interface FollowUp {
  body: DigestBatch;
  delaySeconds: number;
}

/**
 * Rows held back by a rate or daily limit (still pending) or deferred by the pacer, and the wait
 * until the earliest of them may go: one rule for digest batches and outbox mail.
 */
export function heldBack<Id>(
  result: { outcomes: ReadonlyArray<{ id: Id; kind: string; notBefore?: string }>; recorded: ReadonlyArray<{ id: Id; status: string }>; deferred: ReadonlyArray<{ id: Id; notBefore: string }> },
  now: number,
): { ids: Id[]; delaySeconds: number } | undefined {
  const stillPending = new Set(result.recorded.filter((r) => r.status === 'pending').map((r) => r.id));
  const waits = [...result.outcomes.filter((o) => o.kind === 'rate-limit' && o.notBefore && stillPending.has(o.id)).map((o) => ({ id: o.id, notBefore: o.notBefore! })), ...result.deferred];
  if (waits.length === 0) return undefined;
  const until = Math.min(...waits.map((w) => Date.parse(w.notBefore)));
  return { ids: [...new Set(waits.map((w) => w.id))], delaySeconds: Math.min(MAX_QUEUE_DELAY_SECONDS, Math.max(1, Math.ceil((until - now) / 1000))) };
}

/**
 * What a batch leaves to do, as new queue messages (the original is acknowledged, so neither
 * the queue's retry count nor its dead-letter queue is spent on expected failures):
 * - recipients whose transient or ambiguous failure will be retried: after backoff;
 * - recipients held back by a rate or daily limit: once it resets (not counted);
 * - recipients another run holds: once that claim is done or stale.
 */
export function followUps(body: DigestBatch, result: BatchResult, now = Date.now()): FollowUp[] {
  const byId = new Map(body.recipients.map((r) => [r.id, r]));
  const pick = (ids: Iterable<number>) => [...new Set(ids)].map((id) => byId.get(id)).filter((r): r is DigestBatch['recipients'][number] => r !== undefined);
  const out: FollowUp[] = [];
  const kinds = new Map(result.outcomes.map((o) => [o.id, o.kind]));
  const retry = result.recorded.filter((r) => r.status === 'pending' && kinds.get(r.id) !== 'rate-limit');
  if (retry.length > 0) {
    const attempts = Math.max(...retry.map((r) => r.attempts));
    out.push({ body: { digestId: body.digestId, recipients: pick(retry.map((r) => r.id)) }, delaySeconds: retryDelaySeconds(attempts) });
  }
  const held = heldBack(result, now);
  if (held) out.push({ body: { digestId: body.digestId, recipients: pick(held.ids) }, delaySeconds: held.delaySeconds });
  if (result.heldElsewhere.length > 0) {
    out.push({ body: { digestId: body.digestId, recipients: pick(result.heldElsewhere) }, delaySeconds: Math.ceil(STALE_CLAIM_MS / 1000) + 5 });
  }
  return out.filter((f) => f.body.recipients.length > 0);
}

/** What a message of the digest queue carries: a batch of a digest's recipients, or outbox rows (src/mail/outbox.ts). */
export type DeliveryMessage = DigestBatch | MailBatch;

/** The `queue` handler: the digest queue and its dead-letter queue; digest batches and every other mail alike. */
export async function handleDigestQueue(batch: MessageBatch<DeliveryMessage>, env: Env, content: CatalogSource | SiteModel, transport?: MailTransport): Promise<void> {
  if (batch.queue.endsWith('-dlq')) {
    for (const message of batch.messages) {
      const reason = `gave up after ${message.attempts} delivery attempts`;
      if (isMailBatch(message.body)) await failUnsentMail(env.DB, message.body.mail, reason, new Date());
      else await failUnsent(env.DB, message.body.digestId, message.body.recipients.map((r) => r.id), reason, new Date());
      message.ack();
    }
    return;
  }
  const mail = transport ?? mailTransport(env);
  for (const message of batch.messages) {
    const body = message.body;
    try {
      let failed: Array<{ kind: string; error?: string }>;
      let total: number;
      let next: Array<{ body: DeliveryMessage; delaySeconds: number }>;
      let what: string;
      if (isMailBatch(body)) {
        const result = await deliverMailBatch(env, content, body, mail);
        failed = result.outcomes.filter((o) => o.kind !== 'sent');
        total = result.outcomes.length;
        next = mailFollowUps(result);
        what = 'mail';
      } else {
        const result = await deliverBatch(env, content, body, mail);
        failed = result.outcomes.filter((o) => o.kind !== 'sent');
        total = result.outcomes.length;
        next = followUps(body, result);
        what = `digest ${body.digestId}`;
      }
      if (failed.length > 0) {
        const classes = [...new Set(failed.map((o) => o.kind))].join(', ');
        console.error(`${what}: ${failed.length} of ${total} sends failed (${classes}): ${failed[0]!.error}`);
      }
      if (next.length > 0) await env.DIGEST_QUEUE.sendBatch(next.map((f) => ({ body: f.body, delaySeconds: f.delaySeconds })));
      message.ack();
    } catch (error) {
      // The batch itself failed (D1, the queue): the queue retries it; claims keep it exactly once.
      console.error(`delivery batch failed (attempt ${message.attempts}): ${error instanceof Error ? error.message : String(error)}`);
      message.retry({ delaySeconds: retryDelaySeconds(message.attempts) });
    }
  }
}

/**
 * The queue consumer: each message is a batch of recipients of one digest. Per batch: one
 * claim (D1), one render per distinct scope set (memoised per isolate), one send per
 * recipient, one status write (D1). Failed sends are retried with backoff by the queue; after
 * the last retry the message lands on the dead-letter queue, whose consumer marks what is
 * still unsent as failed.
 */
import type { SiteModel } from '../content/model';
import type { Env } from '../env';
import { renderDigestEmail, personaliseDigest } from '../../emails/digest';
import type { RenderedEmail } from '../../emails/types';
import { siteConfig } from '../feeds';
import { composeMail, mailTransport, type MailTransport } from '../mail';
import { describeScope, recipientLinks } from '../subscribers';
import type { DigestBatch } from './cut';
import { filterChanges, RISKS_ONLY } from './scope';
import { claimDeliveries, failUnsent, findDigest, recordDeliveries, STALE_CLAIM_MS, type DeliveryOutcome, type Digest } from './store';
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
  }
  return p;
}

export function digestWebUrl(siteUrl: string, id: number): string {
  return `${siteUrl}/digests/${id}`;
}

/** Renders the digest for one scope set with placeholder links (once per isolate). */
export function renderForScopeSet(env: Env, site: SiteModel, digest: Digest, scopeSet: string) {
  const key = `${site.version}|${digest.id}|${scopeSet}`;
  let p = rendered.get(key);
  if (!p) {
    p = (async () => {
      renderCount++;
      const config = siteConfig(env);
      const scopes = scopeSet.split(',');
      const changes = filterChanges(digest.changes, scopes, site);
      const nonce = crypto.randomUUID();
      const placeholders = { unsubscribe: `https://tidings.invalid/unsubscribe/${nonce}`, preferences: `https://tidings.invalid/preferences/${nonce}` };
      const email = await renderDigestEmail({
        changes,
        subject: digestSubject(changes, site.teams),
        teams: site.teams,
        site,
        quietWeeks: config.quietWeeks,
        siteTitle: config.title,
        siteUrl: config.siteUrl,
        webUrl: digestWebUrl(config.siteUrl, digest.id),
        scopes: scopes.filter((s) => s !== RISKS_ONLY).map((s) => describeScope(site, s)),
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

async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
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
  /** Recipients another run holds: come back once its claim is done or stale. */
  inFlightElsewhere: number;
}

/** Delivers one batch: claims, sends what it claimed, records the outcomes. */
export async function deliverBatch(env: Env, site: SiteModel, body: DigestBatch, transport: MailTransport, now = new Date()): Promise<BatchResult> {
  const digest = await loadDigest(env.DB, body.digestId);
  if (!digest) throw new Error(`digest ${body.digestId} not found`);
  const claim = await claimDeliveries(env.DB, digest.id, body.recipients.map((r) => r.id), now);
  const claimed = new Set(claim.claimed);
  const recipients = body.recipients.filter((r) => claimed.has(r.id));
  const outcomes = await mapLimit(recipients, SEND_CONCURRENCY, async (r): Promise<DeliveryOutcome> => {
    try {
      const { email, placeholders } = await renderForScopeSet(env, site, digest, r.scopeSet);
      const links = await recipientLinks(env, r.id);
      const personal = personaliseDigest(email, placeholders, links);
      await transport.send(composeMail(env, { to: r.email, subject: personal.subject, html: personal.html, text: personal.text, headers: links.headers }));
      return { id: r.id };
    } catch (error) {
      return { id: r.id, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
    }
  });
  await recordDeliveries(env.DB, digest.id, claim.token, outcomes, new Date());
  return { outcomes, inFlightElsewhere: claim.inFlightElsewhere };
}

/** The `queue` handler: the digest queue and its dead-letter queue. */
export async function handleDigestQueue(batch: MessageBatch<DigestBatch>, env: Env, site: SiteModel, transport?: MailTransport): Promise<void> {
  if (batch.queue.endsWith('-dlq')) {
    for (const message of batch.messages) {
      await failUnsent(env.DB, message.body.digestId, message.body.recipients.map((r) => r.id), `gave up after ${message.attempts} delivery attempts`, new Date());
      message.ack();
    }
    return;
  }
  const mail = transport ?? mailTransport(env);
  for (const message of batch.messages) {
    try {
      const { outcomes, inFlightElsewhere } = await deliverBatch(env, site, message.body, mail);
      const failed = outcomes.filter((o) => o.error !== undefined);
      if (failed.length > 0) {
        console.error(`digest ${message.body.digestId}: ${failed.length} of ${outcomes.length} sends failed (attempt ${message.attempts}): ${failed[0]!.error}`);
        message.retry({ delaySeconds: retryDelaySeconds(message.attempts) });
      } else if (inFlightElsewhere > 0) {
        // Held by another run: a duplicate delivery finishing them, or a consumer that died
        // mid-batch, whose claim expires. Look again after that.
        message.retry({ delaySeconds: Math.ceil(STALE_CLAIM_MS / 1000) + 5 });
      } else {
        message.ack();
      }
    } catch (error) {
      console.error(`digest batch failed (attempt ${message.attempts}): ${error instanceof Error ? error.message : String(error)}`);
      message.retry({ delaySeconds: retryDelaySeconds(message.attempts) });
    }
  }
}

/**
 * What happens after a valid subscribe request: record it, then — at most once per address
 * per hour — queue an email to the mailbox owner. Which email depends on the state found, the
 * answer to the requester never does.
 */
import { renderAlreadySubscribedEmail, renderConfirmationEmail } from '../../emails';
import { catalogFrom, scopeKeys, type CatalogSource } from '../catalog';
import type { SiteModel } from '../content/model';
import type { Env } from '../env';
import { enqueueMail, insertMail } from '../mail/outbox';
import { confirmUrl, listUnsubscribeHeaders, preferencesUrl, siteUrl, unsubscribeUrl } from './links';
import { claimConfirmationSend, type ContentChoice, type Frequency, recordSubscribeRequest, releaseConfirmationSend, setDelivery, type Subscriber } from './repository';
import { type Scope, describeScope } from './scopes';
import { TOKEN_TTL } from './tokens';

export const CONFIRMATION_INTERVAL_MS = 60 * 60 * 1000;

const days = (seconds: number) => Math.round(seconds / 86400);

export type SubscribeResult =
  /** An email was queued (confirmation, or the preferences link for an active subscriber). */
  | { emailed: true; kind: 'confirmation' | 'already-subscribed' }
  /** Nothing sent: this address got one within the last hour. */
  | { emailed: false };

export async function requestSubscription(
  env: Env,
  request: { email: string; scopes: Scope[]; frequency?: Frequency; content?: ContentChoice },
  now: number = Date.now(),
): Promise<SubscribeResult> {
  const { subscriber, previous } = await recordSubscribeRequest(env.DB, request.email, request.scopes, now);
  // How often and what: chosen with the request, but never changed on an active subscription
  // by whoever typed its address (the preferences page, behind its link, does that).
  if (previous !== 'active' && (request.frequency || request.content)) {
    await setDelivery(env.DB, subscriber.id, { frequency: request.frequency ?? 'weekly', content: request.content ?? 'everything' }, now);
  }
  return queueSubscriptionEmail(env, subscriber, previous === 'active' ? 'already-subscribed' : 'confirmation', now);
}

/**
 * Queues an email to the owner of an address — a confirmation link, or for an active
 * subscriber the preferences link — at most once per address per hour, and never to a
 * suppressed address. The message is an outbox row (src/mail/outbox.ts) sent by the queue
 * consumer with retries; its links are issued at `now`, the row's creation.
 */
export async function queueSubscriptionEmail(
  env: Pick<Env, 'DB' | 'DIGEST_QUEUE'>,
  subscriber: Pick<Subscriber, 'id' | 'scopes'>,
  kind: 'confirmation' | 'already-subscribed',
  now: number = Date.now(),
): Promise<SubscribeResult> {
  const claim = await claimConfirmationSend(env.DB, subscriber.id, now, CONFIRMATION_INTERVAL_MS);
  if (!claim.claimed) return { emailed: false };
  let ids: number[];
  try {
    ids = await insertMail(env.DB, [{ kind, onceKey: `${kind}:${subscriber.id}:${new Date(now).toISOString()}`, subscriberId: subscriber.id, payload: { scopes: subscriber.scopes } }], new Date(now));
  } catch (error) {
    // Not queued: give the hour back so the person can try again right away.
    await releaseConfirmationSend(env.DB, subscriber.id, now, claim.previous);
    throw error;
  }
  try {
    await enqueueMail(env.DIGEST_QUEUE, ids);
  } catch (error) {
    // The row is stored: the cron enqueues it again (src/digest/cron.ts).
    console.error(`[subscribers] confirmation ${ids.join(', ')} stored, not enqueued (the cron will): ${error instanceof Error ? error.message : String(error)}`);
  }
  return { emailed: true, kind };
}

/**
 * The email of an outbox row of kind confirmation / already-subscribed: everything in it from
 * the row (`issuedAt`: its creation; `scopes`: what the request named), so every attempt is the
 * same message.
 */
export async function renderSubscriptionEmail(
  env: Env,
  content: CatalogSource | SiteModel,
  subscriber: { id: number; email: string; scopes: readonly Scope[] },
  kind: 'confirmation' | 'already-subscribed',
  issuedAt: number,
): Promise<{ subject: string; html: string; text: string; headers: Record<string, string> }> {
  const unsubscribe = await unsubscribeUrl(env, subscriber.id, issuedAt);
  // The subscriber's milestones, for their names.
  const site = await catalogFrom(content).view({ keys: scopeKeys(subscriber.scopes) });
  const common = {
    siteTitle: env.SITE_TITLE,
    siteUrl: siteUrl(env, '/').toString(),
    address: subscriber.email,
    scopes: subscriber.scopes.map((s) => describeScope(site, s)),
    unsubscribeUrl: unsubscribe,
  };
  const rendered =
    kind === 'already-subscribed'
      ? await renderAlreadySubscribedEmail({ ...common, preferencesUrl: await preferencesUrl(env, subscriber.id, issuedAt), validDays: days(TOKEN_TTL.manage) })
      : await renderConfirmationEmail({ ...common, confirmUrl: await confirmUrl(env, subscriber.id, issuedAt), validDays: days(TOKEN_TTL.confirm) });
  return { ...rendered, headers: listUnsubscribeHeaders(unsubscribe) };
}

/**
 * What happens after a valid subscribe request: record it, then — at most once per address
 * per hour — email the mailbox owner. Which email depends on the state found, the answer to
 * the requester never does.
 */
import { renderAlreadySubscribedEmail, renderConfirmationEmail } from '../../emails';
import { catalogFrom, scopeKeys, type CatalogSource } from '../catalog';
import type { SiteModel } from '../content/model';
import type { Env } from '../env';
import { type MailTransport, composeMail } from '../mail';
import { confirmUrl, listUnsubscribeHeaders, preferencesUrl, siteUrl, unsubscribeUrl } from './links';
import { claimConfirmationSend, type ContentChoice, type Frequency, recordSubscribeRequest, releaseConfirmationSend, setDelivery, type Subscriber } from './repository';
import { type Scope, describeScope } from './scopes';
import { TOKEN_TTL } from './tokens';

export const CONFIRMATION_INTERVAL_MS = 60 * 60 * 1000;

const days = (seconds: number) => Math.round(seconds / 86400);

export type SubscribeResult =
  /** An email went out (confirmation, or the preferences link for an active subscriber). */
  | { emailed: true; kind: 'confirmation' | 'already-subscribed' }
  /** Nothing sent: this address got one within the last hour. */
  | { emailed: false };

export async function requestSubscription(
  env: Env,
  site: CatalogSource | SiteModel,
  transport: MailTransport,
  request: { email: string; scopes: Scope[]; frequency?: Frequency; content?: ContentChoice },
  now: number = Date.now(),
): Promise<SubscribeResult> {
  const { subscriber, previous } = await recordSubscribeRequest(env.DB, request.email, request.scopes, now);
  // How often and what: chosen with the request, but never changed on an active subscription
  // by whoever typed its address (the preferences page, behind its link, does that).
  if (previous !== 'active' && (request.frequency || request.content)) {
    await setDelivery(env.DB, subscriber.id, { frequency: request.frequency ?? 'weekly', content: request.content ?? 'everything' }, now);
  }
  return sendSubscriptionEmail(env, site, transport, subscriber, previous === 'active' ? 'already-subscribed' : 'confirmation', now);
}

/**
 * Emails the owner of an address — a confirmation link, or for an active subscriber the
 * preferences link — at most once per address per hour, and never to a suppressed address.
 */
export async function sendSubscriptionEmail(
  env: Env,
  content: CatalogSource | SiteModel,
  transport: MailTransport,
  subscriber: Pick<Subscriber, 'id' | 'email' | 'scopes'>,
  kind: 'confirmation' | 'already-subscribed',
  now: number = Date.now(),
): Promise<SubscribeResult> {
  const claim = await claimConfirmationSend(env.DB, subscriber.id, now, CONFIRMATION_INTERVAL_MS);
  if (!claim.claimed) return { emailed: false };
  try {
    const unsubscribe = await unsubscribeUrl(env, subscriber.id);
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
        ? await renderAlreadySubscribedEmail({ ...common, preferencesUrl: await preferencesUrl(env, subscriber.id), validDays: days(TOKEN_TTL.manage) })
        : await renderConfirmationEmail({ ...common, confirmUrl: await confirmUrl(env, subscriber.id), validDays: days(TOKEN_TTL.confirm) });
    await transport.send(composeMail(env, { to: subscriber.email, ...rendered, headers: listUnsubscribeHeaders(unsubscribe) }));
    return { emailed: true, kind };
  } catch (error) {
    // Not sent: give the hour back so the person can try again right away.
    await releaseConfirmationSend(env.DB, subscriber.id, now, claim.previous);
    throw error;
  }
}

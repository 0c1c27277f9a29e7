/**
 * Subscribers: double opt-in email subscriptions (D1), confirmation, preferences and
 * one-click unsubscribe. Mount `subscriberRoutes(site)` at '/'; embed `SubscribeForm` on pages.
 *
 * For the digest: read recipients with `listActiveSubscribers` (batches, id order) and give
 * every email the recipient's links from `recipientLinks` (or `unsubscribeUrl` /
 * `preferencesUrl` + `listUnsubscribeHeaders`).
 */
export { subscriberRoutes, type SubscriberEnv, RATE_LIMIT_PERIOD_SECONDS } from './routes';
export { SubscribeForm, HONEYPOT_FIELD, type SubscribeFormProps } from './form';
export {
  unsubscribeUrl,
  preferencesUrl,
  confirmUrl,
  listUnsubscribeHeaders,
  recipientLinks,
  siteUrl,
  SigningKeyError,
} from './links';
export {
  listActiveSubscribers,
  findSubscriberById,
  type ActiveSubscriber,
  type Subscriber,
  type SubscriberStatus,
} from './repository';
export { type Scope, checkScope, describeScope, normaliseScopes } from './scopes';
export { validateAddress } from './address';
export { clientKey } from './client-key';
export { signToken, verifyToken, TOKEN_TTL, type TokenPurpose, type TokenClaims, type TokenFailure } from './tokens';
export { signingKey } from '../http/secrets';

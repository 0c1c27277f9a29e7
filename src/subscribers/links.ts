/**
 * Absolute links that go into emails and pages. They are built from SITE_URL, never from the
 * request's Host header, so a forged Host cannot redirect anybody's confirmation link.
 */
import type { Env } from '../env';
import { signingKey } from '../http/secrets';
import { type TokenPurpose, signToken } from './tokens';

export type LinkEnv = Pick<Env, 'SITE_URL' | 'SIGNING_KEY' | 'ENVIRONMENT'>;

/** Thrown when links cannot be signed (missing or unusable SIGNING_KEY). */
export class SigningKeyError extends Error {
  override readonly name = 'SigningKeyError';
}

const PATHS: Record<TokenPurpose, string> = {
  confirm: 'confirm',
  manage: 'preferences',
  unsubscribe: 'unsubscribe',
};

/** `SITE_URL` joined with a path, keeping any path prefix SITE_URL has. */
export function siteUrl(env: Pick<Env, 'SITE_URL'>, path: string): URL {
  const base = env.SITE_URL.endsWith('/') ? env.SITE_URL : `${env.SITE_URL}/`;
  return new URL(path.replace(/^\/+/, ''), base);
}

export async function signedLink(env: LinkEnv, purpose: TokenPurpose, subscriberId: number, now?: number): Promise<string> {
  const key = signingKey(env);
  if (!key.ok) throw new SigningKeyError(key.problem);
  const url = siteUrl(env, PATHS[purpose]);
  url.searchParams.set('token', await signToken(key.value, purpose, subscriberId, now === undefined ? {} : { now }));
  return url.toString();
}

/*
 * `issuedAt` (ms since the epoch): links that go into an email are issued at the moment the
 * message was decided (the digest's cut, the outbox row's creation), never at the moment of an
 * attempt, so every attempt at one message carries the same tokens (HMAC is deterministic) and
 * the same body: an idempotent mail API sees the same request under the same key.
 */

/** Link that activates a pending subscription (in the confirmation email; 7 days). */
export function confirmUrl(env: LinkEnv, subscriberId: number, issuedAt?: number): Promise<string> {
  return signedLink(env, 'confirm', subscriberId, issuedAt);
}

/** Link to the subscriber's preferences page (30 days). */
export function preferencesUrl(env: LinkEnv, subscriberId: number, issuedAt?: number): Promise<string> {
  return signedLink(env, 'manage', subscriberId, issuedAt);
}

/** One-click unsubscribe link, for the email body and the List-Unsubscribe header (365 days). */
export function unsubscribeUrl(env: LinkEnv, subscriberId: number, issuedAt?: number): Promise<string> {
  return signedLink(env, 'unsubscribe', subscriberId, issuedAt);
}

/**
 * RFC 2369 + RFC 8058 headers for one recipient: mail clients show an "Unsubscribe" button
 * that POSTs `List-Unsubscribe=One-Click` to the URL.
 */
export function listUnsubscribeHeaders(unsubscribeLink: string): Record<string, string> {
  if (!/^https?:\/\//.test(unsubscribeLink) || /[\s<>]/.test(unsubscribeLink)) {
    throw new TypeError(`not an unsubscribe URL: ${unsubscribeLink}`);
  }
  return {
    'List-Unsubscribe': `<${unsubscribeLink}>`,
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
  };
}

/** Everything a digest needs per recipient, in one call; `issuedAt`: when the message was decided (see above). */
export async function recipientLinks(
  env: LinkEnv,
  subscriberId: number,
  issuedAt?: number,
): Promise<{ unsubscribeUrl: string; preferencesUrl: string; headers: Record<string, string> }> {
  const [unsubscribe, preferences] = await Promise.all([unsubscribeUrl(env, subscriberId, issuedAt), preferencesUrl(env, subscriberId, issuedAt)]);
  return { unsubscribeUrl: unsubscribe, preferencesUrl: preferences, headers: listUnsubscribeHeaders(unsubscribe) };
}

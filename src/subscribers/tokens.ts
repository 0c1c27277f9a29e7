/**
 * Signed, expiring links: `<payload>.<mac>`, both base64url, where payload is
 * `{"v":1,"p":purpose,"s":subscriberId,"e":expiry}` and mac is HMAC-SHA-256 over a
 * domain-separated copy of the payload, keyed with SIGNING_KEY.
 */

export const TOKEN_PURPOSES = ['confirm', 'manage', 'unsubscribe'] as const;
export type TokenPurpose = (typeof TOKEN_PURPOSES)[number];

const DAY = 24 * 60 * 60;
/** How long each kind of link works, in seconds. */
export const TOKEN_TTL: Record<TokenPurpose, number> = {
  // The issue: confirmation links expire after 7 days.
  confirm: 7 * DAY,
  // Links to the preferences page, in confirmation pages and digests.
  manage: 30 * DAY,
  // Unsubscribe links must keep working in old emails for a long while (RFC 8058 clients
  // may use them much later); a year is what a reader can reasonably expect.
  unsubscribe: 365 * DAY,
};

export interface TokenClaims {
  purpose: TokenPurpose;
  subscriberId: number;
  /** Expiry, seconds since the epoch. */
  expiresAt: number;
}

export type TokenFailure =
  /** Missing, truncated or not a token at all. */
  | 'malformed'
  /** Well-formed but not signed with our key (forged or altered). */
  | 'forged'
  | 'expired'
  /** A valid token minted for another purpose (e.g. a confirm token used to unsubscribe). */
  | 'wrong-purpose';

export type TokenResult = { ok: true; claims: TokenClaims } | { ok: false; failure: TokenFailure };

const MAC_BYTES = 32;
const MAX_TOKEN_LENGTH = 512;
// Domain separation: a MAC over these bytes is never a MAC over anything else we sign.
const CONTEXT = 'tidings/subscriber-token/v1\n';

const encoder = new TextEncoder();
const keyCache = new Map<string, Promise<CryptoKey>>();

function hmacKey(secret: string): Promise<CryptoKey> {
  let key = keyCache.get(secret);
  if (!key) {
    key = crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
    // One secret in practice; the bound keeps a misbehaving caller from growing the map.
    if (keyCache.size > 8) keyCache.clear();
    keyCache.set(secret, key);
  }
  return key;
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return undefined;
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4));
    return Uint8Array.from(binary, (c) => c.charCodeAt(0));
  } catch {
    return undefined;
  }
}

/** Mints a token for `purpose` and `subscriberId`, valid for TOKEN_TTL[purpose] from `now`. */
export async function signToken(
  secret: string,
  purpose: TokenPurpose,
  subscriberId: number,
  options: { now?: number; ttlSeconds?: number } = {},
): Promise<string> {
  if (!Number.isSafeInteger(subscriberId) || subscriberId <= 0) throw new RangeError(`invalid subscriber id ${subscriberId}`);
  const now = Math.floor((options.now ?? Date.now()) / 1000);
  const payload = toBase64Url(
    encoder.encode(JSON.stringify({ v: 1, p: purpose, s: subscriberId, e: now + (options.ttlSeconds ?? TOKEN_TTL[purpose]) })),
  );
  const mac = await crypto.subtle.sign('HMAC', await hmacKey(secret), encoder.encode(CONTEXT + payload));
  return `${payload}.${toBase64Url(new Uint8Array(mac))}`;
}

/**
 * Checks signature, expiry and purpose, in that order: nothing about an unsigned token is
 * trusted, not even its purpose.
 */
export async function verifyToken(
  secret: string,
  token: string | undefined | null,
  expected: TokenPurpose,
  now: number = Date.now(),
): Promise<TokenResult> {
  if (!token || token.length > MAX_TOKEN_LENGTH) return { ok: false, failure: 'malformed' };
  const parts = token.split('.');
  if (parts.length !== 2) return { ok: false, failure: 'malformed' };
  const [payload, macText] = parts as [string, string];
  const mac = fromBase64Url(macText);
  if (!payload || !mac || mac.length !== MAC_BYTES) return { ok: false, failure: 'malformed' };
  // crypto.subtle.verify recomputes the MAC and compares it in constant time (BoringSSL's
  // CRYPTO_memcmp in workerd), so the comparison leaks nothing about how many bytes matched.
  const valid = await crypto.subtle.verify('HMAC', await hmacKey(secret), mac, encoder.encode(CONTEXT + payload));
  if (!valid) return { ok: false, failure: 'forged' };
  const claims = parseClaims(payload);
  // Signed by us yet unreadable: only possible if the format changed; treat as malformed.
  if (!claims) return { ok: false, failure: 'malformed' };
  if (claims.expiresAt * 1000 <= now) return { ok: false, failure: 'expired' };
  if (claims.purpose !== expected) return { ok: false, failure: 'wrong-purpose' };
  return { ok: true, claims };
}

function parseClaims(payload: string): TokenClaims | undefined {
  const bytes = fromBase64Url(payload);
  if (!bytes) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes));
  } catch {
    return undefined;
  }
  if (!data || typeof data !== 'object') return undefined;
  const { v, p, s, e } = data as Record<string, unknown>;
  if (v !== 1 || typeof p !== 'string' || !(TOKEN_PURPOSES as readonly string[]).includes(p)) return undefined;
  if (typeof s !== 'number' || !Number.isSafeInteger(s) || s <= 0) return undefined;
  if (typeof e !== 'number' || !Number.isSafeInteger(e)) return undefined;
  return { purpose: p as TokenPurpose, subscriberId: s, expiresAt: e };
}

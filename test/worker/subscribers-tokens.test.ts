/**
 * Signed links: forged, truncated, expired or other-purpose tokens get a clear 400/403 page
 * and change nothing; GET /unsubscribe never unsubscribes.
 */
import { describe, expect, it } from 'vitest';
import {
  TOKEN_TTL,
  listUnsubscribeHeaders,
  preferencesUrl,
  signToken,
  unsubscribeUrl,
  verifyToken,
} from '../../src/subscribers';
import { activeSubscriber, env, harness, linkIn, postForm, stored, subscribe, team, uniqueEmail } from './subscribers.helpers';

const KEY = env.SIGNING_KEY!;
const OTHER_KEY = 'another-signing-key-of-sufficient-length-0123456789';

/** Flips one character of the MAC part, keeping it valid base64url. */
function tamperMac(token: string): string {
  const [payload, mac] = token.split('.') as [string, string];
  const i = 5;
  return `${payload}.${mac.slice(0, i)}${mac[i] === 'A' ? 'B' : 'A'}${mac.slice(i + 1)}`;
}

/** Re-encodes the payload with another subscriber id, keeping the old MAC. */
function swapSubscriber(token: string, id: number): string {
  const [payload, mac] = token.split('.') as [string, string];
  const claims = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as Record<string, unknown>;
  const forged = btoa(JSON.stringify({ ...claims, s: id })).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  return `${forged}.${mac}`;
}

describe('signToken / verifyToken', () => {
  it('round-trips purpose, subscriber and expiry', async () => {
    const now = Date.UTC(2026, 0, 1);
    const token = await signToken(KEY, 'confirm', 42, { now });
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    expect(await verifyToken(KEY, token, 'confirm', now + 1000)).toEqual({
      ok: true,
      claims: { purpose: 'confirm', subscriberId: 42, expiresAt: now / 1000 + TOKEN_TTL.confirm },
    });
  });

  it('confirmation links last 7 days', async () => {
    const now = Date.UTC(2026, 0, 1);
    const token = await signToken(KEY, 'confirm', 1, { now });
    const day = 86_400_000;
    expect((await verifyToken(KEY, token, 'confirm', now + 7 * day - 1000)).ok).toBe(true);
    expect(await verifyToken(KEY, token, 'confirm', now + 7 * day)).toEqual({ ok: false, failure: 'expired' });
  });

  it.each([
    ['a changed MAC', async () => tamperMac(await signToken(KEY, 'unsubscribe', 7)), 'forged'],
    ['a payload naming another subscriber', async () => swapSubscriber(await signToken(KEY, 'unsubscribe', 7), 8), 'forged'],
    ['another key', async () => signToken(OTHER_KEY, 'unsubscribe', 7), 'forged'],
    ['a truncated MAC', async () => (await signToken(KEY, 'unsubscribe', 7)).slice(0, -1), 'malformed'],
    ['a token cut before the MAC', async () => (await signToken(KEY, 'unsubscribe', 7)).split('.')[0]!, 'malformed'],
    ['garbage', async () => 'not a token', 'malformed'],
    ['an empty string', async () => '', 'malformed'],
    ['three parts', async () => `${await signToken(KEY, 'unsubscribe', 7)}.x`, 'malformed'],
    ['an expired token', async () => signToken(KEY, 'unsubscribe', 7, { now: Date.now() - TOKEN_TTL.unsubscribe * 1000 - 1000 }), 'expired'],
    ['a token for another purpose', async () => signToken(KEY, 'manage', 7), 'wrong-purpose'],
  ])('refuses %s', async (_, make, failure) => {
    expect(await verifyToken(KEY, await make(), 'unsubscribe')).toEqual({ ok: false, failure });
  });
});

describe('links for emails', () => {
  it('unsubscribeUrl and preferencesUrl carry tokens of the right purpose for that subscriber', async () => {
    const unsubscribe = new URL(await unsubscribeUrl(env, 31));
    expect(unsubscribe.origin + unsubscribe.pathname).toBe(`${env.SITE_URL}/unsubscribe`);
    expect(await verifyToken(KEY, unsubscribe.searchParams.get('token'), 'unsubscribe')).toMatchObject({ ok: true, claims: { subscriberId: 31 } });
    const preferences = new URL(await preferencesUrl(env, 31));
    expect(preferences.pathname).toBe('/preferences');
    expect(await verifyToken(KEY, preferences.searchParams.get('token'), 'manage')).toMatchObject({ ok: true, claims: { subscriberId: 31 } });
  });

  it('listUnsubscribeHeaders gives the RFC 8058 pair and refuses a non-URL', () => {
    expect(listUnsubscribeHeaders('https://tidings.example/unsubscribe?token=abc.def')).toEqual({
      'List-Unsubscribe': '<https://tidings.example/unsubscribe?token=abc.def>',
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    });
    expect(() => listUnsubscribeHeaders('https://x.example/u\r\nBcc: y')).toThrow();
    expect(() => listUnsubscribeHeaders('mailto:x@example.com')).toThrow();
  });

  it('a link minted by unsubscribeUrl (as the digest will) unsubscribes with one POST', async () => {
    const h = harness();
    const { email } = await activeSubscriber(h);
    const { id } = (await stored(email))!;
    const res = await h.fetch(await unsubscribeUrl(env, id), { method: 'POST', body: 'List-Unsubscribe=One-Click', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
    expect(res.status).toBe(200);
    expect((await stored(email))!.status).toBe('unsubscribed');
  });
});

describe('bad tokens on the routes change nothing', () => {
  async function pendingWithLink() {
    const h = harness();
    const email = uniqueEmail('token');
    await subscribe(h, email);
    const message = h.mail.to(email)[0]!;
    return { h, email, confirmLink: linkIn(message.text, 'confirm'), id: (await stored(email))!.id };
  }

  it('GET /confirm with a forged token → 403, still pending', async () => {
    const { h, email, confirmLink } = await pendingWithLink();
    const url = new URL(confirmLink);
    url.searchParams.set('token', tamperMac(url.searchParams.get('token')!));
    const res = await h.fetch(url.toString());
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('This link is not valid');
    expect((await stored(email))!.status).toBe('pending');
  });

  it('GET /confirm with a token naming another subscriber → 403, neither is touched', async () => {
    const { h, email, confirmLink } = await pendingWithLink();
    const other = await pendingWithLink();
    const url = new URL(confirmLink);
    url.searchParams.set('token', swapSubscriber(url.searchParams.get('token')!, other.id));
    expect((await h.fetch(url.toString())).status).toBe(403);
    expect((await stored(email))!.status).toBe('pending');
    expect((await stored(other.email))!.status).toBe('pending');
  });

  it('GET /confirm with a truncated token → 400, still pending', async () => {
    const { h, email, confirmLink } = await pendingWithLink();
    const res = await h.fetch(confirmLink.slice(0, -6));
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('This link is incomplete');
    expect((await stored(email))!.status).toBe('pending');
  });

  it('GET /confirm without a token → 400', async () => {
    const h = harness();
    const res = await h.fetch('/confirm');
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('This link is incomplete');
  });

  it('GET /confirm with an expired token → 403 saying so, still pending', async () => {
    const { h, email, id } = await pendingWithLink();
    const eightDaysAgo = Date.now() - 8 * 86_400_000;
    const res = await h.fetch(`/confirm?token=${await signToken(KEY, 'confirm', id, { now: eightDaysAgo })}`);
    expect(res.status).toBe(403);
    const page = await res.text();
    expect(page).toContain('This link has expired');
    expect(page).toContain('href="/subscribe"');
    expect((await stored(email))!.status).toBe('pending');
  });

  it('GET /confirm with an unsubscribe token → 403, still pending', async () => {
    const { h, email, id } = await pendingWithLink();
    const res = await h.fetch(`/confirm?token=${await signToken(KEY, 'unsubscribe', id)}`);
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('meant for something else');
    expect((await stored(email))!.status).toBe('pending');
  });

  it('GET /confirm with a token signed by another key → 403', async () => {
    const { h, email, id } = await pendingWithLink();
    const res = await h.fetch(`/confirm?token=${await signToken(OTHER_KEY, 'confirm', id)}`);
    expect(res.status).toBe(403);
    expect((await stored(email))!.status).toBe('pending');
  });

  it('a valid token for a subscriber that does not exist → 404', async () => {
    const h = harness();
    const res = await h.fetch(`/confirm?token=${await signToken(KEY, 'confirm', 2_000_000_000)}`);
    expect(res.status).toBe(404);
  });

  it('POST /unsubscribe with a manage token → 403, still active', async () => {
    const h = harness();
    const { email } = await activeSubscriber(h);
    const { id } = (await stored(email))!;
    const res = await h.fetch(`/unsubscribe?token=${await signToken(KEY, 'manage', id)}`, { method: 'POST' });
    expect(res.status).toBe(403);
    expect((await stored(email))!.status).toBe('active');
  });

  it('POST /unsubscribe with a forged or missing token changes nothing', async () => {
    const h = harness();
    const { email, confirmation } = await activeSubscriber(h);
    const link = confirmation.headers!['List-Unsubscribe']!.slice(1, -1);
    const url = new URL(link);
    url.searchParams.set('token', tamperMac(url.searchParams.get('token')!));
    expect((await h.fetch(url.toString(), { method: 'POST' })).status).toBe(403);
    expect((await h.fetch('/unsubscribe', { method: 'POST' })).status).toBe(400);
    expect((await stored(email))!.status).toBe('active');
  });

  it('POST /unsubscribe also takes the token from the form body', async () => {
    const h = harness();
    const { email } = await activeSubscriber(h);
    const { id } = (await stored(email))!;
    const res = await postForm(h, '/unsubscribe', [['token', await signToken(KEY, 'unsubscribe', id)]]);
    expect(res.status).toBe(200);
    expect((await stored(email))!.status).toBe('unsubscribed');
  });

  it('POST /preferences with a forged token → 403, scopes unchanged', async () => {
    const h = harness();
    const { email } = await activeSubscriber(h, ['all']);
    const { id } = (await stored(email))!;
    const forged = tamperMac(await signToken(KEY, 'manage', id));
    const res = await postForm(h, '/preferences', [['token', forged], ['scope', `team:${team().slug}`]]);
    expect(res.status).toBe(403);
    expect((await stored(email))!.scopes).toEqual(['all']);
  });

  it('GET /preferences with an expired manage token → 403', async () => {
    const h = harness();
    const { email } = await activeSubscriber(h);
    const { id } = (await stored(email))!;
    const old = await signToken(KEY, 'manage', id, { now: Date.now() - (TOKEN_TTL.manage + 60) * 1000 });
    const res = await h.fetch(`/preferences?token=${old}`);
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('more recent email');
  });
});

describe('GET /unsubscribe', () => {
  it('shows a page with a button and changes nothing (link scanners must not unsubscribe people)', async () => {
    const h = harness();
    const { email, confirmation } = await activeSubscriber(h);
    const before = (await stored(email))!;
    const link = linkIn(confirmation.text, 'unsubscribe');

    for (let i = 0; i < 3; i++) {
      const res = await h.fetch(link);
      expect(res.status).toBe(200);
      const page = await res.text();
      expect(page).toContain(email);
      expect(page).toMatch(/<form method="post" action="\/unsubscribe\?token=[^"]+">/);
      expect(page).toContain('<button type="submit">Unsubscribe</button>');
    }
    expect(await stored(email)).toEqual(before);

    // The button on that page does unsubscribe.
    const page = await (await h.fetch(link)).text();
    const action = /<form method="post" action="([^"]+)"/.exec(page)![1]!.replace(/&amp;/g, '&');
    expect((await h.fetch(action, { method: 'POST', body: 'List-Unsubscribe=One-Click', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } })).status).toBe(200);
    expect((await stored(email))!.status).toBe('unsubscribed');
  });

  it('token pages are private: not cached, not indexed, no Referer', async () => {
    const h = harness();
    const { confirmation } = await activeSubscriber(h);
    const res = await h.fetch(linkIn(confirmation.text, 'unsubscribe'));
    expect(res.headers.get('Cache-Control')).toBe('no-store');
    expect(res.headers.get('Referrer-Policy')).toBe('no-referrer');
    expect(res.headers.get('X-Robots-Tag')).toBe('noindex');
  });
});

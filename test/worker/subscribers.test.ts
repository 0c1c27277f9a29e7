/**
 * The subscriber journey as a reader lives it, against the real local D1: subscribe →
 * confirmation email with a working link → confirm → change preferences → one-click unsubscribe.
 */
import { jsx } from 'hono/jsx';
import { describe, expect, it } from 'vitest';
import { STYLESHEET_PATH } from '../../src/pages';
import { SubscribeForm, listActiveSubscribers } from '../../src/subscribers';
import {
  activeSubscriber,
  backdateConfirmation,
  env,
  formWith,
  harness,
  linkIn,
  milestone,
  postForm,
  site,
  stored,
  storedSubscriber,
  subscribe,
  team,
  uniqueEmail,
} from './subscribers.helpers';

describe('subscribe → confirm → preferences → unsubscribe', () => {
  it('takes a JSON subscriber from pending to active to unsubscribed, with working links at each step', async () => {
    const h = harness();
    const email = uniqueEmail();
    const t = team();

    const subscribed = await subscribe(h, email, [`team:${t.slug}`]);
    expect(subscribed.status).toBe(202);
    expect(await subscribed.json()).toMatchObject({ status: 'accepted' });

    const pending = await stored(email);
    expect(pending).toMatchObject({ status: 'pending', confirmed_at: null, unsubscribed_at: null, scopes: [`team:${t.slug}`] });
    expect(pending!.created_at).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(pending!.last_confirmation_sent_at).not.toBeNull();
    // Pending people never receive digests.
    expect((await listActiveSubscribers(env.DB, { limit: 1000 })).map((s) => s.email)).not.toContain(email);

    // The confirmation email: to the address, from MAIL_FROM, HTML + text, one-click unsubscribe headers.
    const [message, ...others] = h.mail.to(email);
    expect(others).toHaveLength(0);
    expect(message!.to).toBe(email);
    expect(message!.from).toEqual({ name: 'Tidings', email: 'updates@tidings.example' });
    expect(message!.replyTo).toBe(env.MAIL_REPLY_TO);
    expect(message!.subject).toMatch(/^Confirm your subscription/);
    expect(message!.text).toContain(`team ${t.name}`);
    expect(message!.html).toContain(`team ${t.name}`);
    const confirmLink = linkIn(message!.text, 'confirm');
    expect(message!.html).toContain(confirmLink);
    expect(confirmLink.startsWith(`${env.SITE_URL}/confirm?token=`)).toBe(true);
    expect(message!.headers?.['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    expect(message!.headers?.['List-Unsubscribe']).toMatch(/^<https?:\/\/.+\/unsubscribe\?token=.+>$/);

    // Confirm: the link from the email activates the subscription and shows a page.
    const confirmed = await h.fetch(confirmLink);
    expect(confirmed.status).toBe(200);
    expect(confirmed.headers.get('Content-Type')).toMatch(/^text\/html/);
    expect(confirmed.headers.get('Cache-Control')).toBe('no-store');
    const confirmedPage = await confirmed.text();
    expect(confirmedPage).toContain('Subscription confirmed');
    expect(confirmedPage).toContain(email);
    const active = await stored(email);
    expect(active).toMatchObject({ status: 'active', scopes: [`team:${t.slug}`] });
    expect(active!.confirmed_at).not.toBeNull();
    expect((await listActiveSubscribers(env.DB, { limit: 1000 })).find((s) => s.email === email)).toMatchObject({
      id: active!.id,
      scopes: [`team:${t.slug}`],
    });

    // Preferences: the page linked from the confirmation page shows the current choice…
    const preferencesLink = linkIn(confirmedPage, 'preferences').replace(/&amp;/g, '&');
    const preferences = await h.fetch(preferencesLink);
    expect(preferences.status).toBe(200);
    const preferencesPage = await preferences.text();
    expect(preferencesPage).toMatch(new RegExp(`value="team:${t.slug}" checked`));
    const manageToken = /name="token" value="([^"]+)"/.exec(preferencesPage)![1]!;

    // …and saving replaces the scopes.
    const m = milestone();
    const saved = await postForm(h, '/preferences', [
      ['token', manageToken],
      ['scope', `milestone:${m.key}`],
      ['scope', `team:${site.teams.at(-1)!.slug}`],
    ]);
    expect(saved.status).toBe(200);
    expect(await saved.text()).toContain('Saved.');
    expect((await stored(email))!.scopes).toEqual([`milestone:${m.key}`, `team:${site.teams.at(-1)!.slug}`].sort());

    // One-click unsubscribe exactly as a mail client does it (RFC 8058).
    const headerUrl = message!.headers!['List-Unsubscribe']!.slice(1, -1);
    const unsubscribed = await h.fetch(headerUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(unsubscribed.status).toBe(200);
    expect(await unsubscribed.text()).toContain('will receive no more emails');
    const gone = await stored(email);
    expect(gone!.status).toBe('unsubscribed');
    expect(gone!.unsubscribed_at).not.toBeNull();
    expect((await listActiveSubscribers(env.DB, { limit: 1000 })).map((s) => s.email)).not.toContain(email);
  });

  it('accepts the HTML form with repeated scope fields and answers with a page', async () => {
    const h = harness();
    const email = uniqueEmail('form');
    const m = milestone();
    const res = await postForm(h, '/subscribe', [
      ['email', email],
      ['scope', `milestone:${m.key}`],
      ['scope', `team:${m.team}`],
      ['website', ''],
    ]);
    expect(res.status).toBe(202);
    expect(res.headers.get('Content-Type')).toMatch(/^text\/html/);
    expect(await res.text()).toContain('Check your inbox');
    expect((await stored(email))!.scopes).toEqual([`milestone:${m.key}`, `team:${m.team}`]);
    expect(h.mail.to(email)).toHaveLength(1);
    expect(h.mail.to(email)[0]!.text).toContain(`milestone “${m.title}”`);
  });

  it('"all" covers everything, so it replaces narrower scopes', async () => {
    const h = harness();
    const email = uniqueEmail('all');
    await subscribe(h, email, [`team:${team().slug}`]);
    await subscribe(h, email, ['all', `milestone:${milestone().key}`]);
    expect((await stored(email))!.scopes).toEqual(['all']);
  });

  it('answers new, pending and active addresses identically (no enumeration)', async () => {
    const h = harness();
    const { email: activeEmail } = await activeSubscriber(h);
    const pendingEmail = uniqueEmail('pending');
    await subscribe(h, pendingEmail);

    const answers = await Promise.all(
      [uniqueEmail('new'), pendingEmail, activeEmail].map(async (email) => {
        const res = await subscribe(h, email);
        return { status: res.status, type: res.headers.get('Content-Type'), body: await res.text() };
      }),
    );
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);

    const forms = await Promise.all(
      [uniqueEmail('new'), pendingEmail, activeEmail].map(async (email) => {
        const res = await postForm(h, '/subscribe', [['email', email], ['scope', 'all']]);
        // The page repeats the address typed; apart from it, every answer is the same.
        const body = await res.text();
        expect(body).toContain(`<strong>${email}</strong>`);
        return { status: res.status, body: body.replaceAll(email, '<address>') };
      }),
    );
    expect(forms[1]).toEqual(forms[0]);
    expect(forms[2]).toEqual(forms[0]);
  });

  it('repeating a subscribe is harmless: one row, scopes merged, one email per hour', async () => {
    const h = harness();
    const email = uniqueEmail('repeat');
    const t = team();
    const m = milestone();
    expect((await subscribe(h, email, [`team:${t.slug}`])).status).toBe(202);
    expect((await subscribe(h, email, [`milestone:${m.key}`])).status).toBe(202);
    expect((await subscribe(h, email.toUpperCase().replace('@EXAMPLE.COM', '@example.com'), [`team:${t.slug}`])).status).toBe(202);

    const { results } = await env.DB.prepare('SELECT id FROM subscribers WHERE email = ?').bind(email).all();
    expect(results).toHaveLength(1);
    expect((await stored(email))!.scopes).toEqual([`milestone:${m.key}`, `team:${t.slug}`]);
    expect(h.mail.to(email)).toHaveLength(1);
    // The link from the first email confirms everything asked for since.
    await h.fetch(linkIn(h.mail.to(email)[0]!.text, 'confirm'));
    expect(await stored(email)).toMatchObject({ status: 'active', scopes: [`milestone:${m.key}`, `team:${t.slug}`] });
  });

  it('an active subscriber who subscribes again keeps their scopes and is mailed their preferences link', async () => {
    const h = harness();
    const t = team();
    const { email } = await activeSubscriber(h, [`team:${t.slug}`]);
    await backdateConfirmation(email, 61);

    expect((await subscribe(h, email, ['all'])).status).toBe(202);
    // Nobody can widen someone else's active subscription from the public form.
    expect(await stored(email)).toMatchObject({ status: 'active', scopes: [`team:${t.slug}`] });
    const reminder = h.mail.to(email).at(-1)!;
    expect(reminder.subject).toMatch(/already subscribed/);
    expect(reminder.text).not.toMatch(/\/confirm\?token=/);
    const page = await h.fetch(linkIn(reminder.text, 'preferences'));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(email);
  });

  it('confirming twice is harmless and keeps the first confirmation time', async () => {
    const h = harness();
    const { email, confirmation } = await activeSubscriber(h);
    const first = (await stored(email))!.confirmed_at;
    const again = await h.fetch(linkIn(confirmation.text, 'confirm'));
    expect(again.status).toBe(200);
    expect(await again.text()).toContain('Already confirmed');
    expect((await stored(email))!.confirmed_at).toBe(first);
  });

  it('an old confirmation link cannot bring back somebody who unsubscribed', async () => {
    const h = harness();
    const email = uniqueEmail('gone');
    await subscribe(h, email);
    const message = h.mail.to(email)[0]!;
    await h.fetch(message.headers!['List-Unsubscribe']!.slice(1, -1), { method: 'POST', body: 'List-Unsubscribe=One-Click', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
    expect((await stored(email))!.status).toBe('unsubscribed');

    const res = await h.fetch(linkIn(message.text, 'confirm'));
    expect(res.status).toBe(409);
    expect((await stored(email))!.status).toBe('unsubscribed');
  });

  it('a former subscriber can subscribe again, starting over with a new confirmation', async () => {
    const h = harness();
    const t = team();
    const { email, confirmation } = await activeSubscriber(h, ['all']);
    await h.fetch(confirmation.headers!['List-Unsubscribe']!.slice(1, -1), { method: 'POST' });
    await backdateConfirmation(email, 120);

    expect((await subscribe(h, email, [`team:${t.slug}`])).status).toBe(202);
    expect(await stored(email)).toMatchObject({ status: 'pending', confirmed_at: null, unsubscribed_at: null, scopes: [`team:${t.slug}`] });
    const second = h.mail.to(email).at(-1)!;
    expect(second.subject).toMatch(/^Confirm/);
    expect((await h.fetch(linkIn(second.text, 'confirm'))).status).toBe(200);
    expect(await stored(email)).toMatchObject({ status: 'active', scopes: [`team:${t.slug}`] });
  });

  it('refuses to save empty preferences and keeps the scopes', async () => {
    const h = harness();
    const { email } = await activeSubscriber(h, ['all']);
    const subscriber = (await stored(email))!;
    const page = await (await h.fetch(linkIn(h.mail.to(email)[0]!.text, 'confirm'))).text();
    const token = new URL(linkIn(page, 'preferences').replace(/&amp;/g, '&')).searchParams.get('token')!;

    const res = await postForm(h, '/preferences', [['token', token]]);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('Choose at least one thing to follow');
    expect((await stored(email))!.scopes).toEqual(subscriber.scopes);

    const unknown = await postForm(h, '/preferences', [['token', token], ['scope', 'team:no-such-team']]);
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).toContain('unknown team &quot;no-such-team&quot;');
    expect((await stored(email))!.scopes).toEqual(subscriber.scopes);
  });
});

describe('subscribe form and page', () => {
  it('GET /subscribe preselects the scope of the page it came from', async () => {
    const h = harness();
    const m = milestone();
    const res = await h.fetch(`/subscribe?scope=${encodeURIComponent(`milestone:${m.key}`)}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html.startsWith('<!doctype html>')).toBe(true);
    // The site's stylesheet, linked as every page links it (a static file the Worker's pages share).
    expect(html).toContain(`<link rel="stylesheet" href="${STYLESHEET_PATH}"/>`);
    expect(html).not.toContain('<style');
    // The site's page policy applies here too: no script can run on a subscription page, and
    // the stylesheet is this site's.
    expect(res.headers.get('Content-Security-Policy')).toContain("default-src 'none'");
    expect(res.headers.get('Content-Security-Policy')).toContain("style-src 'self'");
    expect(html).toMatch(new RegExp(`value="milestone:${m.key}" checked`));
    expect(html).toMatch(/value="all"(?! checked)/);

    const unknown = await h.fetch('/subscribe?scope=team:nope');
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).toContain('unknown team &quot;nope&quot;');
  });

  it('SubscribeForm posts email and scope to /subscribe with the given scope checked and a hidden honeypot', async () => {
    const t = team();
    const html = String(await jsx(SubscribeForm, { site, scope: `team:${t.slug}` }).toString());
    expect(html).toContain('action="/subscribe"');
    expect(html).toContain('method="post"');
    expect(html).toContain('name="email"');
    expect(html).toMatch(new RegExp(`name="scope" value="team:${t.slug}" checked`));
    expect(html).toMatch(/name="scope" value="all"(?! checked)/);
    // Off-screen by the stylesheet's class (the pages' policy lets no style attribute apply).
    expect(html).toMatch(/aria-hidden="true" class="offscreen"/);
    expect(html).toMatch(/name="website" tabindex="-1" autocomplete="off"/);
  });
});

describe('listActiveSubscribers', () => {
  it('pages through active subscribers only, in id order, with their scopes', async () => {
    const h = harness();
    const t = team();
    const a = await activeSubscriber(h, ['all']);
    const b = await activeSubscriber(h, [`team:${t.slug}`, `milestone:${milestone().key}`]);
    const pendingEmail = uniqueEmail('pending-list');
    await subscribe(h, pendingEmail);

    const seen: Array<{ id: number; email: string; scopes: string[] }> = [];
    let afterId = 0;
    for (;;) {
      const batch = await listActiveSubscribers(env.DB, { afterId, limit: 2 });
      expect(batch.length).toBeLessThanOrEqual(2);
      if (batch.length === 0) break;
      seen.push(...batch);
      afterId = batch.at(-1)!.id;
    }
    const ids = seen.map((s) => s.id);
    expect(ids).toEqual([...ids].sort((x, y) => x - y));
    expect(new Set(ids).size).toBe(ids.length);
    expect(seen.find((s) => s.email === a.email)?.scopes).toEqual(['all']);
    expect(seen.find((s) => s.email === b.email)?.scopes).toEqual([`milestone:${milestone().key}`, `team:${t.slug}`]);
    expect(seen.map((s) => s.email)).not.toContain(pendingEmail);
  });
});

describe('the unsubscribe page', () => {
  const scopesOf = async (email: string) => (await stored(email))!.scopes;
  const delivery = async (id: number) => env.DB.prepare('SELECT frequency, content, status FROM subscribers WHERE id = ?').bind(id).first();

  it('offers lighter options beside the one-click button: only risks, weekly, fewer teams; each saves one change', async () => {
    const h = harness();
    const reader = await storedSubscriber(['all'], { frequency: 'instant' });
    const res = await h.fetch(reader.unsubscribe);
    expect(res.status).toBe(200);
    const page = await res.text();
    // The one-click button first, as before: the reader came for it.
    const oneClick = formWith(page, 'Unsubscribe');
    expect(oneClick.fields).toEqual([['List-Unsubscribe', 'One-Click']]);
    expect(page.indexOf('>Unsubscribe</button>')).toBeLessThan(page.indexOf('Or get fewer emails'));
    expect(page).toContain('It now gets an email as each update is published (everything that changed) about:');

    // Only risks and blockers: the rest kept.
    const risks = formWith(page, 'Only risks and blockers');
    expect(risks.action).toBe('/preferences');
    const saved = await postForm(h, risks.action, risks.fields);
    expect(saved.status).toBe(200);
    expect(await saved.text()).toContain('Saved.');
    expect(await delivery(reader.id)).toEqual({ frequency: 'instant', content: 'risks', status: 'active' });
    expect(await scopesOf(reader.email)).toEqual(['all']);

    // Weekly instead of as it happens (the page read again: it offers what is left).
    const again = await (await h.fetch(reader.unsubscribe)).text();
    expect(again).not.toContain('Only risks and blockers</button>');
    const weekly = formWith(again, 'Weekly instead of as it happens');
    expect((await postForm(h, weekly.action, weekly.fields)).status).toBe(200);
    expect(await delivery(reader.id)).toEqual({ frequency: 'weekly', content: 'risks', status: 'active' });

    // Fewer teams: the reader ticks one.
    const third = await (await h.fetch(reader.unsubscribe)).text();
    expect(third).not.toContain('Weekly instead of as it happens</button>');
    const fewer = formWith(third, 'Follow only the ticked teams');
    expect(fewer.fields.filter(([name]) => name === 'scope')).toEqual([]);
    expect((await postForm(h, fewer.action, [...fewer.fields, ['scope', `team:${team().slug}`]])).status).toBe(200);
    expect(await scopesOf(reader.email)).toEqual([`team:${team().slug}`]);
    expect(await delivery(reader.id)).toEqual({ frequency: 'weekly', content: 'risks', status: 'active' });
  });

  it('for a reader of several things: keep only the ticked ones', async () => {
    const h = harness();
    const m = milestone();
    const reader = await storedSubscriber([`team:${team().slug}`, `milestone:${m.key}`]);
    const page = await (await h.fetch(reader.unsubscribe)).text();
    expect(page).toContain(`milestone “${m.title}”`);
    const keep = formWith(page, 'Keep only the ticked ones');
    expect(keep.fields.filter(([name]) => name === 'scope').map(([, v]) => v).sort()).toEqual([`milestone:${m.key}`, `team:${team().slug}`]);
    // The reader unticks the team.
    const res = await postForm(h, keep.action, keep.fields.filter(([, v]) => v !== `team:${team().slug}`));
    expect(res.status).toBe(200);
    expect(await scopesOf(reader.email)).toEqual([`milestone:${m.key}`]);
  });

  it('one-click unsubscribe (RFC 8058) works as before, from the page and from the List-Unsubscribe header', async () => {
    const h = harness();
    const reader = await storedSubscriber(['all']);
    const page = await (await h.fetch(reader.unsubscribe)).text();
    // Reading the page changed nothing (mail scanners GET links).
    expect((await stored(reader.email))!.status).toBe('active');
    const oneClick = formWith(page, 'Unsubscribe');
    const res = await h.fetch(new URL(oneClick.action, reader.unsubscribe).toString(), {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(oneClick.fields).toString(),
    });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('will receive no more emails');
    expect((await stored(reader.email))!.status).toBe('unsubscribed');
    // Afterwards the page offers nothing but the notice.
    const after = await (await h.fetch(reader.unsubscribe)).text();
    expect(after).toContain('is already unsubscribed');
    expect(after).not.toContain('Or get fewer emails');

    // The header's URL, posted by a mail client with the RFC 8058 body.
    const other = await storedSubscriber(['all']);
    const header = await h.fetch(other.unsubscribe, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
    expect(header.status).toBe(200);
    expect((await stored(other.email))!.status).toBe('unsubscribed');
  });
});

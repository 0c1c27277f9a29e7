/**
 * Bad input to POST /subscribe: every case answers 400 saying what was wrong, stores nothing
 * and sends nothing.
 */
import { describe, expect, it } from 'vitest';
import { validateAddress } from '../../src/subscribers';
import { env, harness, milestone, postForm, postJson, stored, storedSubscriber, subscribe, team, uniqueEmail } from './subscribers.helpers';

const local64 = 'a'.repeat(64);
const label63 = 'b'.repeat(63);
/** 64 + 1 + 63 + 1 + 63 + 1 + 57 + 4 = 254 octets: the longest address RFC 5321 allows. */
const longest = `${local64}@${label63}.${label63}.${'c'.repeat(57)}.com`;

describe('validateAddress', () => {
  it.each([
    ['reader@example.com', 'reader@example.com'],
    ['  Reader.Name+tag@Example.COM ', 'Reader.Name+tag@example.com'],
    ["o'brien_{x}@sub.example.co.uk", "o'brien_{x}@sub.example.co.uk"],
    [longest, longest],
  ])('accepts %j as %j', (input, address) => {
    expect(validateAddress(input)).toEqual({ ok: true, address });
  });

  it.each([
    ['', 'is required'],
    ['reader', 'needs an @'],
    ['@example.com', 'needs a name before the @'],
    ['reader@', 'needs a domain after the @'],
    ['reader@localhost', 'needs a full domain'],
    ['re ader@example.com', 'must not contain spaces'],
    ['.reader@example.com', 'name part'],
    ['reader.@example.com', 'name part'],
    ['re..ader@example.com', 'name part'],
    ['"quoted"@example.com', 'name part'],
    ['a@b@example.com', 'name part'],
    ['<reader@example.com>', 'name part'],
    ['reader@-example.com', 'not a valid host name'],
    ['reader@example..com', 'not a valid host name'],
    ['reader@exa_mple.com', 'not a valid host name'],
    ['reader@[127.0.0.1]', 'not a valid host name'],
    ['reader@127.0.0.1', 'not an IP address'],
    [`${local64}a@example.com`, 'longer than 64'],
    [`reader@${label63}b.com`, 'label longer than 63'],
    [`${local64}@${label63}.${label63}.${'c'.repeat(58)}.com`, 'too long (at most 254'],
    ['reader@example.com\r\nBcc: victim@example.org', 'line breaks'],
    ['reader@example.com\n', 'line breaks'],
    ['reader@example.com\r', 'line breaks'],
    ['reader\u0000@example.com', 'control characters'],
    ['rëader@example.com', 'name part'],
  ])('refuses %j (%s)', (input, reason) => {
    const result = validateAddress(input);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.reason).toContain(reason);
  });
});

describe('POST /subscribe with a bad address', () => {
  const cases: Array<[string, string, string]> = [
    ['malformed', 'not-an-address', 'email needs an @'],
    ['overlong name part', `${local64}x@example.com`, 'longer than 64'],
    ['overlong address', `${local64}@${label63}.${label63}.${'c'.repeat(60)}.com`, 'too long'],
    ['absurdly long', `${'x'.repeat(5000)}@example.com`, 'too long'],
    ['CRLF header injection', 'reader@example.com\r\nBcc: everyone@example.org', 'line breaks'],
    ['LF header injection', 'reader@example.com\nSubject: hi', 'line breaks'],
  ];

  it.each(cases)('%s → 400 problem+json naming the problem, nothing stored or sent', async (_, email, detail) => {
    const h = harness();
    const res = await subscribe(h, email, ['all']);
    expect(res.status).toBe(400);
    expect(res.headers.get('Content-Type')).toMatch(/^application\/problem\+json/);
    const problem = (await res.json()) as { status: number; title: string; detail: string; errors: Array<{ field: string; message: string }> };
    expect(problem.status).toBe(400);
    expect(problem.detail).toContain(detail);
    expect(problem.errors[0]!.field).toBe('email');
    expect(h.mail.sent).toHaveLength(0);
    const { results } = await env.DB.prepare('SELECT id FROM subscribers WHERE email LIKE ?').bind(`${email.slice(0, 30)}%`).all();
    expect(results).toHaveLength(0);
  });

  it('refuses a CRLF-injected address sent through the HTML form and shows the form again', async () => {
    const h = harness();
    const res = await postForm(h, '/subscribe', [
      ['email', 'victim@example.com\r\nBcc: list@example.org'],
      ['scope', 'all'],
    ]);
    expect(res.status).toBe(400);
    expect(res.headers.get('Content-Type')).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html).toContain('email must not contain line breaks');
    expect(html).toContain('action="/subscribe"');
    // The injected text is never echoed into the page.
    expect(html).not.toContain('list@example.org');
    expect(await stored('victim@example.com')).toBeNull();
    expect(h.mail.sent).toHaveLength(0);
  });

  it('missing email → 400 "email is required"', async () => {
    const h = harness();
    const res = await postJson(h, '/subscribe', { scopes: ['all'] });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { detail: string }).detail).toContain('email is required');
  });
});

describe('POST /subscribe with bad scopes', () => {
  it('names an unknown team', async () => {
    const h = harness();
    const email = uniqueEmail('scope');
    const res = await subscribe(h, email, [`team:${team().slug}`, 'team:no-such-team']);
    expect(res.status).toBe(400);
    const problem = (await res.json()) as { detail: string; errors: Array<{ field: string }> };
    expect(problem.detail).toContain('unknown team "no-such-team"');
    expect(problem.errors[0]!.field).toBe('scopes');
    expect(await stored(email)).toBeNull();
    expect(h.mail.sent).toHaveLength(0);
  });

  it('names an unknown milestone', async () => {
    const h = harness();
    const email = uniqueEmail('scope');
    const res = await subscribe(h, email, [`milestone:${milestone().key}-gone`]);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { detail: string }).detail).toContain(`unknown milestone "${milestone().key}-gone"`);
    expect(await stored(email)).toBeNull();
  });

  it.each([
    ['an unknown kind of scope', ['everything'], 'is not a scope'],
    ['a team with characters no slug has', ['team:../etc'], 'unknown team'],
    ['no scopes at all', [], 'choose at least one'],
    ['a string instead of a list', 'all', 'must be a list'],
    ['too many scopes', Array.from({ length: 51 }, () => 'all'), 'at most 50'],
  ])('refuses %s', async (_, scopes, detail) => {
    const h = harness();
    const email = uniqueEmail('scope');
    const res = await postJson(h, '/subscribe', { email, scopes });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { detail: string }).detail).toContain(detail);
    expect(await stored(email)).toBeNull();
  });

  it('refuses a form with no scope checked and names the unknown team on the page', async () => {
    const h = harness();
    const email = uniqueEmail('scope');
    const none = await postForm(h, '/subscribe', [['email', email]]);
    expect(none.status).toBe(400);
    const page = await none.text();
    expect(page).toContain('choose at least one thing to follow');
    // The address typed is kept in the form shown again.
    expect(page).toContain(`value="${email}"`);

    const unknown = await postForm(h, '/subscribe', [['email', email], ['scope', 'team:ghost']]);
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).toContain('unknown team &quot;ghost&quot;');
    expect(await stored(email)).toBeNull();
  });
});

describe('POST /subscribe with unusable bodies', () => {
  it('malformed JSON → 400 problem+json', async () => {
    const h = harness();
    const res = await postJson(h, '/subscribe', '{"email": "a@example.com", ');
    expect(res.status).toBe(400);
    expect(res.headers.get('Content-Type')).toMatch(/^application\/problem\+json/);
    expect(((await res.json()) as { detail: string }).detail).toMatch(/Malformed JSON/);
  });

  it('a JSON array instead of an object → 400 explaining the expected shape', async () => {
    const h = harness();
    const res = await postJson(h, '/subscribe', ['a@example.com']);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { detail: string }).detail).toContain('JSON object');
  });

  it('an unsupported content type → 415', async () => {
    const h = harness();
    const res = await h.fetch('/subscribe', { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: 'a@example.com' });
    expect(res.status).toBe(415);
  });
});

describe('address identity', () => {
  it('stores one row per address whatever its case, with the domain lower-cased', async () => {
    const h = harness();
    const id = crypto.randomUUID().slice(0, 8);
    expect((await subscribe(h, `  Mixed.${id}@Example.COM `)).status).toBe(202);
    expect((await subscribe(h, `mixed.${id}@example.com`)).status).toBe(202);
    const { results } = await env.DB.prepare('SELECT email FROM subscribers WHERE email = ?').bind(`mixed.${id}@example.com`).all<{ email: string }>();
    expect(results.map((r) => r.email)).toEqual([`Mixed.${id}@example.com`]);
  });

  it('the schema itself refuses duplicate addresses, duplicate scopes and malformed scopes', async () => {
    const email = uniqueEmail('schema');
    const now = new Date().toISOString();
    const { meta } = await env.DB.prepare("INSERT INTO subscribers (email, status, created_at, updated_at) VALUES (?, 'pending', ?, ?)")
      .bind(email, now, now)
      .run();
    const id = meta.last_row_id;
    await expect(
      env.DB.prepare("INSERT INTO subscribers (email, status, created_at, updated_at) VALUES (?, 'pending', ?, ?)").bind(email.toUpperCase(), now, now).run(),
    ).rejects.toThrow(/UNIQUE/);
    const scope = (s: string) => env.DB.prepare('INSERT INTO subscriber_scopes (subscriber_id, scope, created_at) VALUES (?, ?, ?)').bind(id, s, now).run();
    await scope('all');
    await expect(scope('all')).rejects.toThrow(/UNIQUE/);
    await expect(scope('everything')).rejects.toThrow(/CHECK/);
    await expect(scope('team:')).rejects.toThrow(/CHECK/);
    await expect(scope('team:a b')).rejects.toThrow(/CHECK/);
    await expect(scope('milestone:x\ny')).rejects.toThrow(/CHECK/);
    await expect(
      env.DB.prepare("UPDATE subscribers SET status = 'active' WHERE id = ?").bind(id).run(),
    ).rejects.toThrow(/CHECK/); // active needs confirmed_at
    await expect(
      env.DB.prepare("UPDATE subscribers SET status = 'unsubscribed' WHERE id = ?").bind(id).run(),
    ).rejects.toThrow(/CHECK/); // unsubscribed needs unsubscribed_at
    await expect(
      env.DB.prepare("INSERT INTO subscribers (email, status, created_at, updated_at) VALUES (?, 'pending', ?, ?)").bind('bad\r\n@example.com', now, now).run(),
    ).rejects.toThrow(/CHECK/);
  });
});

describe('POST /preferences with bad input', () => {
  it('shows the preferences page again with what was wrong, the ticks and choices kept, and saves nothing', async () => {
    const h = harness();
    const t = team();
    const reader = await storedSubscriber([`team:${t.slug}`]);
    const res = await postForm(h, '/preferences', [
      ['token', reader.token],
      ['scope', `milestone:${milestone().key}`],
      ['scope', 'not a scope!'],
      ['frequency', 'monthly'],
      ['content', 'risks'],
    ]);
    expect(res.status).toBe(400);
    const page = await res.text();
    // The form again (not a dead end), what was wrong named, what was chosen kept.
    expect(page).toContain('<form method="post" action="/preferences">');
    expect(page).toContain('Please correct this:');
    expect(page).toContain('choose how often: the weekly digest (&quot;weekly&quot;) or as it happens (&quot;instant&quot;)');
    expect(page).toContain('&quot;not a scope!&quot; is not a scope');
    expect(page).toContain(`value="milestone:${milestone().key}" checked=""`);
    expect(page).toContain('value="risks" checked=""');
    expect(page).not.toContain('Saved.');
    expect(await env.DB.prepare('SELECT frequency, content FROM subscribers WHERE id = ?').bind(reader.id).first()).toEqual({ frequency: 'weekly', content: 'everything' });
    expect((await stored(reader.email))!.scopes).toEqual([`team:${t.slug}`]);
  });

  it('without a valid link: an error page that says what was wrong, nothing saved', async () => {
    const h = harness();
    const res = await postForm(h, '/preferences', [['scope', 'all'], ['frequency', 'monthly']]);
    expect(res.status).toBe(400);
    const page = await res.text();
    expect(page).toContain('the form has no token: open the preferences link from your email again');
    expect(page).not.toContain('action="/preferences"');
  });
});

/**
 * Subscriber administration through the admin API: list and search with counts, CSV export,
 * CSV import (consent → active with a source note; others pending with a confirmation email;
 * bad rows reported by line, nothing half imported), erasure, lifting a suppression.
 */
import { describe, expect, it } from 'vitest';
import { parseCsv, toCsvRow } from '../../src/subscribers/csv';
import { activeSubscriber, env, harness, stored, subscribe, uniqueEmail } from './subscribers.helpers';

const admin = { Authorization: `Bearer ${env.ADMIN_TOKEN}`, 'CF-Connecting-IP': '192.0.2.200' };

interface Listing {
  subscribers: Array<{ email: string; state: string; scopes: string[]; source: string | null; suppressed: { reason: string } | null }>;
  matching: number;
  next: string | null;
  counts: { byState: Record<string, number>; activeByScope: Record<string, number> };
}

describe('GET /admin/subscribers', () => {
  it('lists, searches, filters and pages, with counts by state and scope', async () => {
    const h = harness();
    const tag = `list${crypto.randomUUID().slice(0, 6)}`;
    const a = await activeSubscriber(h, ['team:atlas']);
    const pendingEmail = `${tag}-p@example.com`;
    await subscribe(h, pendingEmail, ['all']);
    const found = await (await h.fetch(`/admin/subscribers?q=${tag}`, { headers: admin })).json<Listing>();
    expect(found.subscribers.map((s) => [s.email, s.state])).toEqual([[pendingEmail, 'pending']]);
    expect(found.matching).toBe(1);
    const atlas = await (await h.fetch('/admin/subscribers?status=active&scope=team:atlas&limit=500', { headers: admin })).json<Listing>();
    expect(atlas.subscribers.map((s) => s.email)).toContain(a.email);
    expect(atlas.counts.activeByScope['team:atlas']).toBeGreaterThanOrEqual(1);
    expect(atlas.counts.byState.pending).toBeGreaterThanOrEqual(1);
    // Paging: 1 at a time, following `next`.
    const first = await (await h.fetch('/admin/subscribers?limit=1', { headers: admin })).json<Listing>();
    expect(first.subscribers).toHaveLength(1);
    const second = await (await h.fetch(first.next!, { headers: admin })).json<Listing>();
    expect(second.subscribers[0]!.email).not.toBe(first.subscribers[0]!.email);
    // % and _ are literal in a search.
    expect((await (await h.fetch('/admin/subscribers?q=%25', { headers: admin })).json<Listing>()).matching).toBe(0);
    expect((await h.fetch('/admin/subscribers?status=bogus', { headers: admin })).status).toBe(400);
  });
});

describe('CSV', () => {
  it('parses quoted fields and exports without formula injection', () => {
    const parsed = parseCsv('email,consent\r\n"a@x.example","said ""yes"", twice"\n\nb@x.example,"multi\nline"\n');
    expect(parsed).toMatchObject({ ok: true, rows: [['email', 'consent'], ['a@x.example', 'said "yes", twice'], [''], ['b@x.example', 'multi\nline']], lines: [1, 2, 3, 4] });
    expect(parseCsv('email\n"open')).toMatchObject({ ok: false, line: 2 });
    expect(toCsvRow(['=HYPERLINK("x")', 'plain'])).toBe(`"'=HYPERLINK(""x"")",plain\r\n`);
  });

  it('exports every subscriber', async () => {
    const h = harness();
    const a = await activeSubscriber(h, ['all']);
    const res = await h.fetch('/admin/subscribers.csv', { headers: admin });
    expect(res.headers.get('Content-Type')).toContain('text/csv');
    const text = await res.text();
    expect(text.split('\r\n')[0]).toBe('email,state,status,scopes,created_at,confirmed_at,unsubscribed_at,suppressed_at,suppressed_reason,soft_bounces,source');
    expect(text).toContain(`${a.email},active,active,all,`);
  });

  it('imports: consent → active with a source note, without → pending with a confirmation email; known addresses untouched', async () => {
    const h = harness();
    const known = await activeSubscriber(h, ['team:beacon']);
    const withConsent = uniqueEmail('import-yes');
    const without = uniqueEmail('import-no');
    const csv = `email,scopes,consent\n${withConsent},team:atlas,"signup sheet, Berlin meetup 2026-10-01"\n${without},,\n${known.email},all,phone call\n`;
    const res = await h.fetch('/admin/subscribers/import', { method: 'POST', headers: { ...admin, 'Content-Type': 'text/csv' }, body: csv });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ imported: 2, active: 1, pending: 1, existing: [{ line: 4, email: known.email }] });
    expect(await stored(withConsent)).toMatchObject({ status: 'active', scopes: ['team:atlas'] });
    expect((await env.DB.prepare('SELECT source FROM subscribers WHERE email = ?').bind(withConsent).first<{ source: string }>())!.source).toMatch(/^import \d{4}-\d\d-\d\d: signup sheet, Berlin meetup 2026-10-01$/);
    expect(await stored(without)).toMatchObject({ status: 'pending', scopes: ['all'] });
    expect(h.mail.to(without)).toHaveLength(1);
    expect(h.mail.to(withConsent)).toEqual([]);
    expect(await stored(known.email)).toMatchObject({ scopes: ['team:beacon'] });
  });

  it('refuses a file with bad rows, naming each line, and imports nothing', async () => {
    const h = harness();
    const good = uniqueEmail('import-good');
    const csv = ['email,scopes,consent', `${good},all,yes`, 'not-an-address,all,yes', `${uniqueEmail('x')},team:nobody,`, `${good},all,again`].join('\n');
    const res = await h.fetch('/admin/subscribers/import', { method: 'POST', headers: { ...admin, 'Content-Type': 'text/csv' }, body: csv });
    expect(res.status).toBe(400);
    const problem = await res.json<{ errors: Array<{ line: number; message: string }> }>();
    expect(problem.errors.map((e) => e.line)).toEqual([3, 4, 5]);
    expect(problem.errors[1]!.message).toContain('unknown team');
    expect(problem.errors[2]!.message).toContain('also on line 2');
    expect(await stored(good)).toBeNull();
    const noEmail = await h.fetch('/admin/subscribers/import', { method: 'POST', headers: admin, body: 'address\nx@y.example' });
    expect(noEmail.status).toBe(400);
  });
});

describe('DELETE /admin/subscribers/:email', () => {
  it('erases the address, its scopes and its delivery history', async () => {
    const h = harness();
    const a = await activeSubscriber(h, ['all']);
    const id = (await stored(a.email))!.id;
    const at = new Date().toISOString();
    const digest = await env.DB.prepare("INSERT INTO digests (period, created_at, site_version, until, subject, changes) VALUES (?, ?, 'v', ?, 's', '{}') RETURNING id")
      .bind(`erase-${crypto.randomUUID()}`, at, at)
      .first<{ id: number }>();
    await env.DB.prepare("INSERT INTO digest_deliveries (digest_id, subscriber_id, scope_set, status, updated_at) VALUES (?, ?, 'all', 'sent', ?)").bind(digest!.id, id, at).run();
    const res = await h.fetch(`/admin/subscribers/${encodeURIComponent(a.email)}`, { method: 'DELETE', headers: admin });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ erased: true, deliveries: 1, scopes: 1 });
    expect(await stored(a.email)).toBeNull();
    expect((await env.DB.prepare('SELECT COUNT(*) AS n FROM digest_deliveries WHERE subscriber_id = ?').bind(id).first<{ n: number }>())!.n).toBe(0);
    expect((await h.fetch(`/admin/subscribers/${encodeURIComponent(a.email)}`, { method: 'DELETE', headers: admin })).status).toBe(404);
  });
});

describe('admin by exact address (the path is decoded once)', () => {
  const erase = (h: ReturnType<typeof harness>, encoded: string) => h.fetch(`/admin/subscribers/${encoded}`, { method: 'DELETE', headers: admin });
  const unsuppress = (h: ReturnType<typeof harness>, encoded: string) => h.fetch(`/admin/subscribers/${encoded}/unsuppress`, { method: 'POST', headers: admin });
  const insert = (email: string) =>
    env.DB.prepare("INSERT INTO subscribers (email, status, created_at, updated_at, confirmed_at) VALUES (?, 'active', ?2, ?2, ?2) RETURNING id").bind(email, new Date().toISOString()).first<{ id: number }>();

  it('erasing `pct%41@…` (no such subscriber) leaves `pcta@…` alone: 404, nothing erased', async () => {
    const h = harness();
    const tag = `pct${crypto.randomUUID().slice(0, 6)}`;
    const victim = `${tag}a@example.com`;
    await insert(victim);
    const res = await erase(h, encodeURIComponent(`${tag}%41@example.com`));
    expect(res.status).toBe(404);
    expect(res.headers.get('Content-Type')).toMatch(/^application\/problem\+json/);
    expect(await stored(victim)).not.toBeNull();
    const lifted = await unsuppress(h, encodeURIComponent(`${tag}%41@example.com`));
    expect(lifted.status).toBe(404);
  });

  it('`%`, `+`, `/` and case: the address named and only it; unicode and malformed escapes are a 4xx, never a 500', async () => {
    const h = harness();
    const tag = crypto.randomUUID().slice(0, 6);
    const percent = `${tag}%25x@example.com`; // a literal "%25" in the local part
    const plus = `${tag}+news@example.com`;
    const slash = `${tag}/dept@example.com`;
    const lower = `${tag}case@example.com`;
    const plain = `${tag}x@example.com`;
    for (const e of [percent, plus, slash, lower, plain, `${tag}%x@example.com`, `${tag} news@example.com`]) await insert(e);
    // A literal "%25…" in the address, encoded once: exactly that row.
    expect((await erase(h, encodeURIComponent(percent))).status).toBe(200);
    expect(await stored(percent)).toBeNull();
    expect(await stored(`${tag}%x@example.com`)).not.toBeNull();
    expect(await stored(plain)).not.toBeNull();
    // `%25` alone (an address with a bare "%") was a 500.
    const bare = await erase(h, `${tag}%25x@example.com`);
    expect(bare.status).toBe(200);
    expect(await stored(`${tag}%x@example.com`)).toBeNull();
    // `+` is a plus in a path (never a space), encoded or not.
    expect((await unsuppress(h, `${tag}+news@example.com`)).status).toBe(200);
    expect((await erase(h, `${tag}+news@example.com`)).status).toBe(200);
    expect(await stored(plus)).toBeNull();
    expect(await stored(`${tag} news@example.com`)).not.toBeNull();
    expect((await erase(h, encodeURIComponent(slash))).status).toBe(200);
    expect(await stored(slash)).toBeNull();
    // Case: one address whatever its case (as subscribe stores it).
    expect((await erase(h, encodeURIComponent(lower.toUpperCase()))).status).toBe(200);
    expect(await stored(lower)).toBeNull();
    for (const encoded of [encodeURIComponent(`${tag}ü@example.com`), `${tag}%ZZ@example.com`, `${tag}%E0%A4%A@example.com`, encodeURIComponent('x'.repeat(300)), '%00', '%25', '%2525']) {
      for (const res of [await erase(h, encoded), await unsuppress(h, encoded)]) {
        expect(res.status, encoded).toBeGreaterThanOrEqual(400);
        expect(res.status, encoded).toBeLessThan(500);
        expect(res.headers.get('Content-Type'), encoded).toMatch(/^application\/problem\+json/);
      }
    }
    expect(await stored(plain)).not.toBeNull();
  });
});

describe('admin search', () => {
  it('searches for more than 48 characters (past D1 LIKE pattern limit) without a 500, `%` and `_` literal', async () => {
    const h = harness();
    const local = `long-search-${crypto.randomUUID()}-${'y'.repeat(12)}`; // 61 characters
    expect((await subscribe(h, `${local}@example.com`, ['all'])).status).toBe(202);
    for (const q of [local, `${local}@example.com`, 'z'.repeat(200), '%'.repeat(60), '_'.repeat(254)]) {
      const res = await h.fetch(`/admin/subscribers?q=${encodeURIComponent(q)}`, { headers: admin });
      expect(res.status, q).toBe(200);
    }
    const found = await (await h.fetch(`/admin/subscribers?q=${encodeURIComponent(local.toUpperCase())}`, { headers: admin })).json<Listing>();
    expect(found.subscribers.map((s) => s.email)).toEqual([`${local}@example.com`]);
    expect((await (await h.fetch(`/admin/subscribers?q=${'_'.repeat(60)}`, { headers: admin })).json<Listing>()).matching).toBe(0);
  });
});

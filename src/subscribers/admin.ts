/**
 * Subscriber administration (admin API, `Authorization: Bearer <ADMIN_TOKEN>`):
 *   GET    /admin/subscribers            list and search (JSON; ?status= ?scope= ?q= ?limit= ?after=), with counts
 *   GET    /admin/subscribers.csv        export (every subscriber, streamed)
 *   POST   /admin/subscribers/import     CSV import, all or nothing
 *   DELETE /admin/subscribers/:email     erase an address completely (data-protection requests)
 *   POST   /admin/subscribers/:email/unsuppress  mail this address again (after a fixed mailbox)
 */
import { Hono } from 'hono';
import { catalogFrom, scopeKeys, type CatalogSource } from '../catalog';
import type { SiteModel } from '../content/model';
import type { Env } from '../env';
import { adminOnError, requireAdmin } from '../http/admin';
import { problemResponse } from '../http/problem';
import { mailTransport } from '../mail';
import { validateAddress } from './address';
import { parseCsv, toCsvRow } from './csv';
import { enqueueMail } from '../mail/outbox';
import { CONFIRMATION_INTERVAL_MS } from './flow';
import { type Scope, checkScope, normaliseScopes } from './scopes';

type AdminEnv = { Bindings: Env };

export const LIST_STATES = ['pending', 'active', 'unsubscribed', 'suppressed'] as const;
const MAX_PAGE = 500;
/** Rows per import: one D1 transaction, well under D1's statement limits. */
export const MAX_IMPORT_ROWS = 10_000;

interface Row {
  id: number;
  email: string;
  status: string;
  created_at: string;
  updated_at: string;
  confirmed_at: string | null;
  unsubscribed_at: string | null;
  suppressed_at: string | null;
  suppressed_reason: string | null;
  soft_bounces: number;
  last_failure: string | null;
  last_failure_at: string | null;
  source: string | null;
  scopes: string;
}

const SELECT = `SELECT s.id, s.email, s.status, s.created_at, s.updated_at, s.confirmed_at, s.unsubscribed_at, s.suppressed_at, s.suppressed_reason,
  s.soft_bounces, s.last_failure, s.last_failure_at, s.source,
  COALESCE((SELECT json_group_array(scope) FROM (SELECT scope FROM subscriber_scopes WHERE subscriber_id = s.id ORDER BY scope)), '[]') AS scopes
  FROM subscribers s`;

/** What the admin sees: `state` is the status, or `suppressed` when no mail may go to the address. */
function view(r: Row) {
  return {
    id: r.id,
    email: r.email,
    state: r.suppressed_at ? 'suppressed' : r.status,
    status: r.status,
    scopes: JSON.parse(r.scopes) as string[],
    createdAt: r.created_at,
    confirmedAt: r.confirmed_at,
    unsubscribedAt: r.unsubscribed_at,
    suppressed: r.suppressed_at ? { at: r.suppressed_at, reason: r.suppressed_reason } : null,
    softBounces: r.soft_bounces,
    lastFailure: r.last_failure ? { at: r.last_failure_at, error: r.last_failure } : null,
    source: r.source,
  };
}

function filters(query: { state?: string; scope?: string; q?: string }): { where: string; binds: unknown[] } {
  const clauses: string[] = [];
  const binds: unknown[] = [];
  if (query.state === 'suppressed') clauses.push('s.suppressed_at IS NOT NULL');
  else if (query.state) {
    clauses.push('s.status = ? AND s.suppressed_at IS NULL');
    binds.push(query.state);
  }
  if (query.scope) {
    clauses.push('s.id IN (SELECT subscriber_id FROM subscriber_scopes WHERE scope = ?)');
    binds.push(query.scope);
  }
  if (query.q) {
    // A substring, case-insensitive for ASCII like the address's NOCASE identity. instr, not
    // LIKE: D1 refuses LIKE patterns over 50 bytes, and instr has no wildcards to escape.
    clauses.push('instr(lower(s.email), lower(?)) > 0');
    binds.push(query.q);
  }
  return { where: clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '', binds };
}

const bad = (detail: string) => problemResponse({ status: 400, title: 'Invalid request', detail });

/**
 * The address named by `/admin/subscribers/:email`, as the router decoded it: once, and never
 * again (a second decoding made `pct%2541@…` erase `pcta@…`). It is then compared as it is,
 * ASCII case aside like every address (the column is NOCASE); `+` stays a plus. What no
 * stored address can be is refused here rather than looked up.
 */
function addressParam(raw: string): string | Response {
  if (raw.length > 254 || new TextEncoder().encode(raw).length > 254) return bad('The address is longer than 254 characters: no subscriber has it.');
  if (/[\u0000-\u001f\u007f]/.test(raw)) return bad('The address contains control characters: no subscriber has it.');
  if (!raw.includes('@')) return bad('Name the address in the path, percent-encoded once: /admin/subscribers/<address>.');
  return raw;
}

export function subscriberAdminRoutes(content: CatalogSource | SiteModel): Hono<AdminEnv> {
  const catalog = catalogFrom(content);
  const app = new Hono<AdminEnv>();
  // Admin errors are problem+json, also where the subscriber routes around would answer HTML.
  app.onError(adminOnError);

  app.get('/admin/subscribers', requireAdmin, async (c) => {
    const state = c.req.query('status') ?? undefined;
    if (state !== undefined && !(LIST_STATES as readonly string[]).includes(state)) return bad(`status must be one of ${LIST_STATES.join(', ')}`);
    const scope = c.req.query('scope') ?? undefined;
    if (scope !== undefined && !/^(all|team:[\w.~-]+|milestone:[\w.~-]+)$/.test(scope)) return bad('scope must be all, team:<slug> or milestone:<key>');
    const q = c.req.query('q')?.slice(0, 254) || undefined;
    const limit = Number(c.req.query('limit') ?? 50);
    const after = Number(c.req.query('after') ?? 0);
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE) return bad(`limit must be 1 to ${MAX_PAGE}`);
    if (!Number.isInteger(after) || after < 0) return bad('after must be a subscriber id');
    const { where, binds } = filters({ ...(state ? { state } : {}), ...(scope ? { scope } : {}), ...(q ? { q } : {}) });
    const paged = where ? `${where} AND s.id > ?` : 'WHERE s.id > ?';
    const db = c.env.DB;
    const [page, matching, byState, byScope] = await db.batch<Row | { n: number } | { state: string; n: number } | { scope: string; n: number }>([
      db.prepare(`${SELECT} ${paged} ORDER BY s.id LIMIT ?`).bind(...binds, after, limit + 1),
      db.prepare(`SELECT COUNT(*) AS n FROM subscribers s ${where}`).bind(...binds),
      db.prepare("SELECT CASE WHEN suppressed_at IS NOT NULL THEN 'suppressed' ELSE status END AS state, COUNT(*) AS n FROM subscribers GROUP BY 1"),
      db.prepare(
        "SELECT sc.scope AS scope, COUNT(*) AS n FROM subscriber_scopes sc JOIN subscribers s ON s.id = sc.subscriber_id WHERE s.status = 'active' AND s.suppressed_at IS NULL GROUP BY sc.scope ORDER BY sc.scope",
      ),
    ]);
    const rows = page!.results as Row[];
    const more = rows.length > limit;
    const shown = rows.slice(0, limit);
    const next = new URL(c.req.url);
    next.searchParams.set('after', String(shown.at(-1)?.id ?? after));
    const counts: Record<string, number> = Object.fromEntries(LIST_STATES.map((s) => [s, 0]));
    for (const r of byState!.results as Array<{ state: string; n: number }>) counts[r.state] = r.n;
    return c.json(
      {
        subscribers: shown.map(view),
        matching: (matching!.results as Array<{ n: number }>)[0]?.n ?? 0,
        next: more ? `${next.pathname}${next.search}` : null,
        counts: { byState: counts, activeByScope: Object.fromEntries((byScope!.results as Array<{ scope: string; n: number }>).map((r) => [r.scope, r.n])) },
      },
      200,
      { 'Cache-Control': 'no-store' },
    );
  });

  app.get('/admin/subscribers.csv', requireAdmin, async (c) => {
    const db = c.env.DB;
    const header = ['email', 'state', 'status', 'scopes', 'created_at', 'confirmed_at', 'unsubscribed_at', 'suppressed_at', 'suppressed_reason', 'soft_bounces', 'source'];
    const encoder = new TextEncoder();
    let after = 0;
    let headerSent = false;
    const stream = new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (!headerSent) {
          headerSent = true;
          controller.enqueue(encoder.encode(toCsvRow(header)));
        }
        const { results } = await db.prepare(`${SELECT} WHERE s.id > ? ORDER BY s.id LIMIT 1000`).bind(after).all<Row>();
        if (results.length === 0) return controller.close();
        after = results.at(-1)!.id;
        const v = results.map(view);
        controller.enqueue(
          encoder.encode(
            v
              .map((r) =>
                toCsvRow([r.email, r.state, r.status, r.scopes.join(' '), r.createdAt, r.confirmedAt ?? '', r.unsubscribedAt ?? '', r.suppressed?.at ?? '', r.suppressed?.reason ?? '', String(r.softBounces), r.source ?? '']),
              )
              .join(''),
          ),
        );
      },
    });
    return new Response(stream, {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="subscribers-${new Date().toISOString().slice(0, 10)}.csv"`,
        'Cache-Control': 'no-store',
      },
    });
  });

  /**
   * CSV with a header row: `email` (required), `scopes` (space- or semicolon-separated; default
   * all), `consent` (proof of consent: where and when the person agreed). Rows with consent
   * become active with `source` = "import <date>: <consent>"; rows without are pending and get
   * a confirmation email. Addresses already known are left as they are (an unsubscribed reader is
   * never re-subscribed by an import). Any bad row: 400 naming every bad line, nothing imported.
   */
  app.post('/admin/subscribers/import', requireAdmin, async (c) => {
    const body = await c.req.text();
    if (body.length > 2 * 1024 * 1024) return problemResponse({ status: 413, title: 'Import too large', detail: 'At most 2 MB of CSV per import.' });
    const parsed = parseCsv(body);
    if (!parsed.ok) return problemResponse({ status: 400, title: 'Invalid CSV', detail: parsed.error, errors: [{ line: parsed.line, message: parsed.error }] });
    const [head, ...records] = parsed.rows;
    if (!head) return bad('The CSV is empty: send a header row (email, scopes, consent) and one row per address.');
    const columns = head.map((h) => h.trim().toLowerCase());
    const col = (name: string) => columns.indexOf(name);
    if (col('email') < 0) return bad('The header row has no "email" column (columns: email, scopes, consent).');
    const unknown = columns.filter((h) => !['email', 'scopes', 'consent'].includes(h));
    if (unknown.length > 0) return bad(`Unknown column(s) ${unknown.map((u) => JSON.stringify(u)).join(', ')}: the columns are email, scopes, consent.`);
    if (records.length > MAX_IMPORT_ROWS) return bad(`At most ${MAX_IMPORT_ROWS} rows per import (got ${records.length}); split the file.`);

    const errors: Array<{ line: number; message: string }> = [];
    const rows: Array<{ email: string; scopes: Scope[]; consent: string | null; line: number }> = [];
    const seen = new Map<string, number>();
    const scopesColumn = col('scopes');
    // The milestones the file names, read once: what its scopes are checked against.
    const site = await catalog.view({ keys: scopeKeys(scopesColumn < 0 ? [] : records.flatMap((r) => (r[scopesColumn] ?? '').split(/[\s;]+/))) });
    records.forEach((record, i) => {
      const line = parsed.lines[i + 1]!;
      if (record.every((f) => f.trim() === '')) return;
      if (record.length > columns.length) return errors.push({ line, message: `${record.length} fields, the header has ${columns.length}` });
      const address = validateAddress(record[col('email')] ?? '');
      if (!address.ok) return errors.push({ line, message: `email: ${address.reason}` });
      const key = address.address.toLowerCase();
      if (seen.has(key)) return errors.push({ line, message: `email: ${address.address} is also on line ${seen.get(key)}` });
      seen.set(key, line);
      const rawScopes = col('scopes') >= 0 ? (record[col('scopes')] ?? '').split(/[\s;]+/).filter(Boolean) : [];
      const scopes: Scope[] = [];
      for (const raw of rawScopes.length > 0 ? rawScopes : ['all']) {
        const check = checkScope(site, raw);
        if (!check.ok) return errors.push({ line, message: `scopes: ${check.reason}` });
        scopes.push(check.scope);
      }
      const consent = col('consent') >= 0 ? (record[col('consent')] ?? '').trim().replace(/[\r\n]+/g, ' ').slice(0, 300) : '';
      rows.push({ email: address.address, scopes: normaliseScopes(scopes), consent: consent || null, line });
    });
    if (errors.length > 0) {
      return problemResponse({
        status: 400,
        title: 'Import refused: bad rows',
        detail: `${errors.length} bad row(s); nothing was imported. ${errors.slice(0, 5).map((e) => `line ${e.line}: ${e.message}`).join('; ')}`,
        errors,
      });
    }
    const pendingRows = rows.filter((r) => !r.consent);
    if (pendingRows.length > 0) {
      try {
        mailTransport(c.env);
      } catch (error) {
        return problemResponse({ status: 503, title: 'Mail is not configured', detail: `Rows without consent need a confirmation email: ${(error as Error).message}. Nothing was imported.` });
      }
    }

    const now = new Date().toISOString();
    const source = (consent: string) => `import ${now.slice(0, 10)}: ${consent}`;
    const payload = JSON.stringify(rows.map((r) => ({ email: r.email, active: r.consent ? 1 : 0, source: r.consent ? source(r.consent) : `import ${now.slice(0, 10)}: confirmation requested` })));
    const scopesPayload = JSON.stringify(rows.flatMap((r) => r.scopes.map((scope) => ({ email: r.email, scope }))));
    const pendingPayload = JSON.stringify(pendingRows.map((r) => ({ email: r.email, scopes: r.scopes })));
    const db = c.env.DB;
    const hourAgo = new Date(Date.parse(now) - CONFIRMATION_INTERVAL_MS).toISOString();
    // One transaction: the subscribers, their scopes (only for rows created just now), and a
    // confirmation email per address without consent that may get one (created now, or still
    // pending from an earlier import whose confirmation is over an hour old), as outbox rows:
    // the queue sends them at the mail service's pace and retries them, so none is lost
    // whatever the service's limit. The file's rows drive the joins (CROSS JOIN keeps that
    // order): SQLite otherwise walks every pending subscriber by the status index and scans
    // the file for each, rows × pending (37 s of SQLite for a first import of 10,000 rows).
    const [inserted, , , queued] = await db.batch<{ id: number; email: string; status: string }>([
      db
        .prepare(
          `INSERT INTO subscribers (email, status, created_at, updated_at, confirmed_at, source)
           SELECT json_extract(value, '$.email'), CASE json_extract(value, '$.active') WHEN 1 THEN 'active' ELSE 'pending' END, ?2, ?2,
                  CASE json_extract(value, '$.active') WHEN 1 THEN ?2 END, json_extract(value, '$.source')
           FROM json_each(?1) WHERE true
           ON CONFLICT (email) DO NOTHING
           RETURNING id, email, status`,
        )
        .bind(payload, now),
      db
        .prepare(
          `INSERT INTO subscriber_scopes (subscriber_id, scope, created_at)
           SELECT s.id, json_extract(j.value, '$.scope'), ?2 FROM json_each(?1) j JOIN subscribers s ON s.email = json_extract(j.value, '$.email')
           WHERE s.created_at = ?2 AND s.source LIKE 'import %'
           ON CONFLICT (subscriber_id, scope) DO NOTHING`,
        )
        .bind(scopesPayload, now),
      // The hourly claim of each address that gets its confirmation now (as a subscribe request takes it).
      db
        .prepare(
          `UPDATE subscribers SET last_confirmation_sent_at = ?2
           WHERE email IN (SELECT json_extract(value, '$.email') FROM json_each(?1)) AND status = 'pending' AND suppressed_at IS NULL
             AND (last_confirmation_sent_at IS NULL OR last_confirmation_sent_at <= ?3)`,
        )
        .bind(pendingPayload, now, hourAgo),
      db
        .prepare(
          `INSERT INTO mail_outbox (kind, once_key, subscriber_id, payload, created_at, updated_at)
           SELECT 'confirmation', 'confirmation:' || s.id || ':' || ?2, s.id,
                  json_object('scopes', json(CASE WHEN s.created_at = ?2 THEN json_extract(j.value, '$.scopes')
                                                  ELSE (SELECT json_group_array(scope) FROM (SELECT scope FROM subscriber_scopes WHERE subscriber_id = s.id ORDER BY scope)) END)),
                  ?2, ?2
           FROM json_each(?1) j CROSS JOIN subscribers s ON s.email = json_extract(j.value, '$.email')
           WHERE s.status = 'pending' AND s.last_confirmation_sent_at = ?2 AND s.suppressed_at IS NULL
           ON CONFLICT (once_key) DO NOTHING
           RETURNING id`,
        )
        .bind(pendingPayload, now),
    ]);
    const created = inserted!.results as Array<{ id: number; email: string; status: string }>;
    const createdEmails = new Set(created.map((r) => r.email.toLowerCase()));
    const existing = rows.filter((r) => !createdEmails.has(r.email.toLowerCase())).map((r) => ({ line: r.line, email: r.email }));
    const toConfirm = created.filter((r) => r.status === 'pending');
    const confirmations = (queued!.results as unknown as Array<{ id: number }>).map((r) => r.id);
    try {
      await enqueueMail(c.env.DIGEST_QUEUE, confirmations);
    } catch (error) {
      // Stored: the cron enqueues them again.
      console.error(`[admin] import: ${confirmations.length} confirmations stored, not enqueued (the cron will): ${error instanceof Error ? error.message : String(error)}`);
    }
    console.log(`[admin] import: ${created.length - toConfirm.length} active, ${toConfirm.length} pending, ${existing.length} already known, ${confirmations.length} confirmations queued`);
    return c.json({ imported: created.length, active: created.length - toConfirm.length, pending: toConfirm.length, confirmationsQueued: confirmations.length, existing }, 200);
  });

  /** Erases an address: its row, its scopes and its delivery history. */
  app.delete('/admin/subscribers/:email', requireAdmin, async (c) => {
    const email = addressParam(c.req.param('email'));
    if (typeof email !== 'string') return email;
    const db = c.env.DB;
    const row = await db.prepare('SELECT id FROM subscribers WHERE email = ?').bind(email).first<{ id: number }>();
    if (!row) return problemResponse({ status: 404, title: 'No such subscriber', detail: 'No subscriber has this address (nothing to erase).' });
    const [deliveries, scopes] = await db.batch([
      db.prepare('DELETE FROM digest_deliveries WHERE subscriber_id = ?').bind(row.id),
      db.prepare('DELETE FROM subscriber_scopes WHERE subscriber_id = ?').bind(row.id),
      db.prepare('DELETE FROM subscribers WHERE id = ?').bind(row.id),
    ]);
    console.log(`[admin] erased subscriber ${row.id} (${deliveries!.meta.changes} delivery rows, ${scopes!.meta.changes} scopes)`);
    return c.json({ erased: true, deliveries: deliveries!.meta.changes, scopes: scopes!.meta.changes });
  });

  /** Lifts a suppression (the address works again): mail resumes, soft bounces start from zero. */
  app.post('/admin/subscribers/:email/unsuppress', requireAdmin, async (c) => {
    const email = addressParam(c.req.param('email'));
    if (typeof email !== 'string') return email;
    const row = await c.env.DB.prepare(
      'UPDATE subscribers SET suppressed_at = NULL, suppressed_reason = NULL, soft_bounces = 0, updated_at = ? WHERE email = ? RETURNING id',
    )
      .bind(new Date().toISOString(), email)
      .first<{ id: number }>();
    if (!row) return problemResponse({ status: 404, title: 'No such subscriber', detail: 'No subscriber has this address.' });
    return c.json({ id: row.id, suppressed: null });
  });

  return app;
}

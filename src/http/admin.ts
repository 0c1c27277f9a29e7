/**
 * Admin routes: `Authorization: Bearer <ADMIN_TOKEN>`, compared in constant time.
 *
 * - An unauthenticated caller learns nothing about the configuration: a wrong token, no token
 *   and an unusable configured token (missing, too short, a development key in production)
 *   all get the same 401. The operator finds the reason in the log.
 * - Failed attempts are counted per client (CF-Connecting-IP, IPv6 by /64) in fixed 15-minute
 *   windows (D1 table admin_failures); after ADMIN_FAILURE_LIMIT (default 10) the client gets
 *   429 until the window ends, even with the right token, so guessing gains nothing. Every
 *   failure is logged with the client and the count — never with the token presented.
 * - The count is decided by one atomic statement per attempt (an upsert that only counts up
 *   while under the limit, RETURNING the count): parallel guesses cannot all read "under the
 *   limit" before any of them is counted. A right token runs the same statement adding 0, so
 *   neither the answer nor the work done tells a locked-out client that a guess was right.
 * - Bodies are bounded on every admin route (ADMIN_BODY_LIMITS), checked after
 *   authentication: an unauthenticated caller gets the 401 whatever it sends.
 * - Every admin answer that is an error is problem+json (RFC 9457): `adminOnError` and
 *   `adminNotFound` for what the routes themselves do not answer.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { timingSafeEqual } from 'hono/utils/buffer';
import type { Env } from '../env';
import { clientKey } from '../subscribers/client-key';
import { problemResponse } from './problem';
import { adminToken } from './secrets';

export const ADMIN_FAILURE_WINDOW_MS = 15 * 60 * 1000;
const DEFAULT_FAILURE_LIMIT = 10;

/** The largest body an admin route reads: the CSV import (2 MB of CSV), else 64 KiB. */
export const ADMIN_BODY_LIMITS = { import: 2 * 1024 * 1024, other: 64 * 1024 } as const;

export function adminFailureLimit(env: Pick<Env, 'ADMIN_FAILURE_LIMIT'>): number {
  const n = Number(env.ADMIN_FAILURE_LIMIT);
  return Number.isInteger(n) && n > 0 ? n : DEFAULT_FAILURE_LIMIT;
}

function windowOf(now: number): { start: string; end: number } {
  const start = Math.floor(now / ADMIN_FAILURE_WINDOW_MS) * ADMIN_FAILURE_WINDOW_MS;
  return { start: new Date(start).toISOString(), end: start + ADMIN_FAILURE_WINDOW_MS };
}

const unauthorized = () =>
  problemResponse(
    { status: 401, title: 'Unauthorized', detail: 'Send `Authorization: Bearer <admin token>`.' },
    { 'WWW-Authenticate': 'Bearer realm="tidings-admin"', 'Cache-Control': 'no-store' },
  );

/** Requests already admitted: the digest routes guard `/admin/*` and some routes guard themselves too. */
const admitted = new WeakSet<Request>();

const tooLarge = (limit: number) =>
  problemResponse(
    { status: 413, title: 'Request too large', detail: `The request body is larger than ${limit >= 1024 * 1024 ? `${limit / (1024 * 1024)} MB` : `${limit / 1024} KiB`}.` },
    { 'Cache-Control': 'no-store' },
  );

function bodyLimitOf(path: string): number {
  return /\/import$/.test(path) ? ADMIN_BODY_LIMITS.import : ADMIN_BODY_LIMITS.other;
}

export const requireAdmin: MiddlewareHandler<{ Bindings: Env }> = async (c: Context<{ Bindings: Env }>, next) => {
  if (admitted.has(c.req.raw)) return next();
  const now = Date.now();
  const client = clientKey(c.req.header('CF-Connecting-IP') ?? 'unknown');
  const window = windowOf(now);
  const limit = adminFailureLimit(c.env);
  const db = c.env.DB;
  const token = adminToken(c.env);
  const match = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('Authorization') ?? '');
  const ok = token.ok && match !== null && (await timingSafeEqual(match[1]!, token.value));
  // One atomic statement decides: counted up (by 1 for a failure, by 0 for the right token)
  // only while under the limit. No row back means the limit was already reached.
  const [counted] = await db.batch<{ failures: number }>([
    db
      .prepare(
        `INSERT INTO admin_failures (client, window_start, failures) VALUES (?1, ?2, ?3)
         ON CONFLICT (client, window_start) DO UPDATE SET failures = failures + ?3 WHERE failures < ?4
         RETURNING failures`,
      )
      .bind(client, window.start, ok ? 0 : 1, limit),
    // Old windows are of no use: keep the table small.
    db.prepare('DELETE FROM admin_failures WHERE window_start < ?').bind(new Date(now - 24 * 3600 * 1000).toISOString()),
  ]);
  const failures = counted?.results[0]?.failures;
  if (failures === undefined) {
    const retryAfter = String(Math.max(1, Math.ceil((window.end - now) / 1000)));
    console.warn(`admin: ${c.req.method} ${c.req.path} from ${client} refused: ${limit} failed attempts in this window (limit ${limit})`);
    return problemResponse(
      { status: 429, title: 'Too many failed attempts', detail: `Too many failed admin attempts from your network. Try again in ${retryAfter} seconds.` },
      { 'Retry-After': retryAfter, 'Cache-Control': 'no-store' },
    );
  }
  if (ok) {
    admitted.add(c.req.raw);
    const max = bodyLimitOf(c.req.path);
    return bodyLimit({ maxSize: max, onError: () => tooLarge(max) })(c, async () => {
      // bodyLimit may replace the request (a body read as a stream): it stays admitted.
      admitted.add(c.req.raw);
      await next();
    });
  }
  if (!token.ok) console.error(`admin API refused: ${token.problem}`);
  console.warn(
    `admin: authentication failed for ${c.req.method} ${c.req.path} from ${client} (${match ? 'wrong token' : 'no bearer token'}; ${failures} of ${limit} in this window)`,
  );
  return unauthorized();
};

/** Is this an admin API path (answered with problem+json, never an HTML page)? */
export function isAdminPath(path: string): boolean {
  return path === '/admin' || path.startsWith('/admin/');
}

/** An admin route failed: problem+json with the status of an HTTPException, else 500 (logged). */
export function adminOnError(error: Error, c: Context): Response {
  if (error instanceof HTTPException && error.status < 500) {
    return problemResponse({ status: error.status, title: error.status === 413 ? 'Request too large' : 'Invalid request', detail: error.message || 'The request could not be read.' });
  }
  console.error(`admin: ${c.req.method} ${c.req.path} failed:`, error);
  return problemResponse({ status: 500, title: 'Internal error', detail: 'The request failed on our side; the server log has the details.' }, { 'Cache-Control': 'no-store' });
}

/** No admin route here. */
export function adminNotFound(c: Context): Response {
  return problemResponse({ status: 404, title: 'Not found', detail: `No admin route answers ${c.req.method} ${c.req.path.slice(0, 200)}.` });
}

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
 */
import type { Context, MiddlewareHandler } from 'hono';
import { timingSafeEqual } from 'hono/utils/buffer';
import type { Env } from '../env';
import { clientKey } from '../subscribers/client-key';
import { problemResponse } from './problem';
import { adminToken } from './secrets';

export const ADMIN_FAILURE_WINDOW_MS = 15 * 60 * 1000;
const DEFAULT_FAILURE_LIMIT = 10;

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

export const requireAdmin: MiddlewareHandler<{ Bindings: Env }> = async (c: Context<{ Bindings: Env }>, next) => {
  const now = Date.now();
  const client = clientKey(c.req.header('CF-Connecting-IP') ?? 'unknown');
  const window = windowOf(now);
  const limit = adminFailureLimit(c.env);
  const db = c.env.DB;
  const seen = await db.prepare('SELECT failures FROM admin_failures WHERE client = ? AND window_start = ?').bind(client, window.start).first<{ failures: number }>();
  const retryAfter = String(Math.max(1, Math.ceil((window.end - now) / 1000)));
  if ((seen?.failures ?? 0) >= limit) {
    console.warn(`admin: ${c.req.method} ${c.req.path} from ${client} refused: ${seen!.failures} failed attempts in this window (limit ${limit})`);
    return problemResponse(
      { status: 429, title: 'Too many failed attempts', detail: `Too many failed admin attempts from your network. Try again in ${retryAfter} seconds.` },
      { 'Retry-After': retryAfter, 'Cache-Control': 'no-store' },
    );
  }
  const token = adminToken(c.env);
  const match = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('Authorization') ?? '');
  const ok = token.ok && match !== null && (await timingSafeEqual(match[1]!, token.value));
  if (ok) {
    await next();
    return;
  }
  if (!token.ok) console.error(`admin API refused: ${token.problem}`);
  const counted = await db
    .batch<{ failures: number }>([
      db
        .prepare(
          `INSERT INTO admin_failures (client, window_start, failures) VALUES (?, ?, 1)
           ON CONFLICT (client, window_start) DO UPDATE SET failures = failures + 1 RETURNING failures`,
        )
        .bind(client, window.start),
      // Old windows are of no use: keep the table small.
      db.prepare('DELETE FROM admin_failures WHERE window_start < ?').bind(new Date(now - 24 * 3600 * 1000).toISOString()),
    ])
    .then(([r]) => r?.results[0]?.failures ?? 1);
  console.warn(
    `admin: authentication failed for ${c.req.method} ${c.req.path} from ${client} (${match ? 'wrong token' : 'no bearer token'}; ${counted} of ${limit} in this window)`,
  );
  return unauthorized();
};

/**
 * Admin routes: `Authorization: Bearer <ADMIN_TOKEN>`, compared in constant time. Without a
 * configured token the routes refuse to run (500 + a log line), never fall back to a default.
 */
import type { MiddlewareHandler } from 'hono';
import { timingSafeEqual } from 'hono/utils/buffer';
import type { AppEnv } from '../env';
import { problemResponse } from './problem';

const MIN_ADMIN_TOKEN_LENGTH = 16;

export const requireAdmin: MiddlewareHandler<AppEnv> = async (c, next) => {
  const expected = c.env.ADMIN_TOKEN?.trim();
  if (!expected || expected.length < MIN_ADMIN_TOKEN_LENGTH || expected.includes('replace-me')) {
    console.error('admin route refused: ADMIN_TOKEN is not configured (wrangler secret put ADMIN_TOKEN, or .dev.vars locally)');
    return problemResponse({
      status: 500,
      title: 'Admin token not configured',
      detail: `ADMIN_TOKEN is missing or shorter than ${MIN_ADMIN_TOKEN_LENGTH} characters; set it with \`wrangler secret put ADMIN_TOKEN\`.`,
    });
  }
  const header = c.req.header('Authorization') ?? '';
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match || !(await timingSafeEqual(match[1]!, expected))) {
    return problemResponse(
      { status: 401, title: 'Unauthorized', detail: match ? 'The bearer token is not the admin token.' : 'Send `Authorization: Bearer <ADMIN_TOKEN>`.' },
      { 'WWW-Authenticate': 'Bearer realm="tidings-admin"' },
    );
  }
  await next();
};

/**
 * Admin routes: `Authorization: Bearer <ADMIN_TOKEN>`, compared in constant time. Without a
 * configured token the routes refuse to run (500 + a log line), never fall back to a default.
 */
import type { MiddlewareHandler } from 'hono';
import { timingSafeEqual } from 'hono/utils/buffer';
import type { AppEnv } from '../env';
import { problemResponse } from './problem';
import { adminToken } from './secrets';

export const requireAdmin: MiddlewareHandler<AppEnv> = async (c, next) => {
  const token = adminToken(c.env);
  if (!token.ok) {
    console.error(`admin route refused: ${token.problem}`);
    return problemResponse({ status: 500, title: 'Admin token not configured', detail: token.problem });
  }
  const expected = token.value;
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

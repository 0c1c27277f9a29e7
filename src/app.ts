import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { CatalogSource } from './catalog';
import type { SiteModel } from './content/model';
import type { AppEnv } from './env';
import { digestRoutes } from './digest';
import { feedRoutes } from './feeds';
import { adminNotFound, adminOnError, isAdminPath, requireAdmin } from './http/admin';
import { htmlNotFound, pageRoutes } from './pages';
import { subscriberRoutes } from './subscribers';
import { pingChangedFeeds } from './websub/ping';
import { overflowServer } from './http/overflow';

/**
 * The whole HTTP surface of Tidings over one site model: what the static build renders every
 * public feed and page through (src/publish, in Node), and what tests call. Each concern
 * lives in its own folder and contributes a sub-app mounted here.
 */
export function createApp(site: SiteModel): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.route('/', feedRoutes(site));
  app.route('/', digestRoutes(site));
  app.route('/', pageRoutes(site));
  app.route('/', subscriberRoutes(site));
  answerErrors(app);
  return app;
}

/**
 * What no route answered: the admin API answers problem+json (scripts read it), pages the
 * HTML error page. An error no sub-app handled is logged and answered 500 the same way.
 */
function answerErrors(app: Hono<AppEnv>): void {
  app.notFound((c) => (isAdminPath(c.req.path) ? adminNotFound(c) : htmlNotFound(c)));
  app.onError((error, c) => {
    if (isAdminPath(c.req.path)) return adminOnError(error, c);
    if (error instanceof HTTPException) return error.getResponse();
    console.error(`${c.req.method} ${c.req.path} failed:`, error);
    return c.text('Internal Server Error', 500);
  });
}

/** Header on every response the Worker itself sends (static files never carry it). */
export const WORKER_HEADER = 'X-Served-By';
export const WORKER_HEADER_VALUE = 'tidings-worker';

/**
 * What the deployed Worker answers: only the dynamic routes (subscribe, confirm,
 * preferences, unsubscribe, admin, digest web copies, health), over the site's catalog
 * (teams; the milestones a request names are read on demand: src/catalog.ts). Feeds and
 * pages are static files it never sees.
 */
export function createWorkerApp(catalog: CatalogSource): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('*', async (c, next) => {
    await next();
    try {
      c.res.headers.set(WORKER_HEADER, WORKER_HEADER_VALUE);
    } catch {
      // immutable headers (a response passed through as it is): leave them
    }
  });
  // A trivial route: the yardstick the benchmarks compare static files against.
  app.get('/healthz', (c) => c.text('ok', 200, { 'Cache-Control': 'no-store' }));
  // Pings the WebSub hub now for every feed whose content changed (a deploy workflow calls it).
  app.post('/admin/websub', requireAdmin, async (c) => c.json(await pingChangedFeeds(c.env, { force: true })));
  app.route('/', digestRoutes(catalog));
  app.route('/', subscriberRoutes(catalog));
  // Documents the build placed in packs or R2 because the static files could not hold them all.
  const placed = overflowServer(catalog.version);
  app.get('*', async (c) => (await placed(c)) ?? c.notFound());
  answerErrors(app);
  return app;
}

import { Hono } from 'hono';
import type { SiteModel } from './content/model';
import type { AppEnv } from './env';
import { digestRoutes } from './digest';
import { feedRoutes } from './feeds';
import { htmlNotFound, pageRoutes } from './pages';
import { subscriberRoutes } from './subscribers';

/**
 * The whole HTTP surface of Tidings over one site model. Each concern lives in its own
 * folder and contributes a sub-app mounted here.
 */
export function createApp(site: SiteModel): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.route('/', feedRoutes(site));
  app.route('/', digestRoutes(site));
  app.route('/', pageRoutes(site));
  app.route('/', subscriberRoutes(site));
  app.notFound((c) => htmlNotFound(c));
  return app;
}

import { Hono } from 'hono';
import type { SiteModel } from './content/model';
import type { AppEnv } from './env';

/**
 * The whole HTTP surface of Tidings over one site model. Each concern lives in its own
 * folder and contributes a sub-app mounted here.
 */
export function createApp(site: SiteModel): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/', (c) => c.text(site.updates.map((u) => `${u.date} ${u.team} ${u.title}`).join('\n')));
  return app;
}

/**
 * The HTML pages. Like the feeds, each page is rendered once per isolate per content
 * version and config, then served with its ETag / Last-Modified (304s included).
 */
import { Hono, type Context } from 'hono';
import type { JSX } from 'hono/jsx/jsx-runtime';
import type { Milestone, SiteModel, Team, Update } from '../content/model';
import type { AppEnv } from '../env';
import { cleanText, milestoneIndexPath, newestUpdate, siteConfig, teamUpdates, updateById, type SiteConfig } from '../feeds';
import { cachePerSite, serveRepresentation, toRepresentation } from '../http/cache';
import { PAGE_HEADERS } from './headers';
import { FAVICON_SVG } from './favicon';
import { STYLESHEET, STYLESHEET_HEADERS, STYLESHEET_PATH, teamFilter } from './style';
import { badgeSvg, STATUS_LABELS, STATUSES, statusOf, type MilestoneStatus } from '../status';
import { MilestoneIndexPage, type MilestoneFilter } from './milestones';
import { HomePage } from './home';
import { MilestonePage } from './milestone';
import { NotFoundPage } from './not-found';
import { TeamPage } from './team';
import { UpdatePage } from './update';
import { UpdatesPage } from './updates';
import { SEARCH_PAGE_CSP, SEARCH_SCRIPT, SEARCH_SCRIPT_PATH, SearchPage } from './search';

const HTML = 'text/html; charset=utf-8';

export { PAGE_HEADERS };


const caches = cachePerSite(8 * 1024 * 1024);

/** How many pages have been rendered for `site` in this isolate. */
export function pageRenderCount(site: SiteModel): number {
  return caches.renders(site);
}

export async function renderPage(element: JSX.Element): Promise<string> {
  return `<!DOCTYPE html>\n${await element.toString()}`;
}

/** The HTML 404 page, also usable as the app's `notFound` handler. */
export async function htmlNotFound(c: Context<AppEnv>, what = 'There is no page at this address.'): Promise<Response> {
  const config = siteConfig(c.env);
  const html = cleanText(await renderPage(<NotFoundPage config={config} what={what} />));
  return new Response(html, { status: 404, headers: { 'Content-Type': HTML, 'Cache-Control': 'no-store', ...PAGE_HEADERS } });
}

export function pageRoutes(site: SiteModel): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const cache = caches.for(site);
  const teams = new Map<string, Team>(site.teams.map((t) => [t.slug, t]));
  const milestones = new Map<string, Milestone>(site.milestones.map((m) => [m.key, m]));

  const page = async (c: Context<AppEnv>, path: string, lastModified: () => Date, render: (config: SiteConfig) => JSX.Element, headers: Record<string, string> = PAGE_HEADERS) => {
    const config = siteConfig(c.env);
    const rep = await cache.get(`${site.version}\n${config.fingerprint}\n${path}`, async () =>
      // Control characters mean nothing in a page and some are invalid in HTML: drop them all.
      toRepresentation(cleanText(await renderPage(render(config))), HTML, lastModified()),
    );
    return serveRepresentation(c.req.raw, rep, { cacheControl: config.cacheControl, headers });
  };

  const notFound = (c: Context<AppEnv>, what: string) => htmlNotFound(c, what);

  // A trivial route: the yardstick the feed benchmark compares cached feeds against.
  app.get('/healthz', (c) => c.text('ok', 200, { 'Cache-Control': 'no-store' }));

  app.get('/', (c) => page(c, '/', () => newestUpdate(site.updates), (config) => <HomePage site={site} config={config} />));

  app.get('/updates', (c) => page(c, '/updates', () => newestUpdate(site.updates), (config) => <UpdatesPage site={site} config={config} />));
  app.get('/teams/:team/updates', (c) => {
    const slug = c.req.param('team');
    const team = teams.get(slug);
    if (!team) return notFound(c, `There is no team “${slug}”.`);
    return page(c, `/teams/${slug}/updates`, () => newestUpdate(teamUpdates(site, slug)), (config) => <UpdatesPage site={site} config={config} team={team} />);
  });

  // Search: a static page and its script over the index the build writes (src/publish/search.ts).
  app.get('/search', (c) =>
    page(c, '/search', () => newestUpdate(site.updates), (config) => <SearchPage config={config} />, { ...PAGE_HEADERS, 'Content-Security-Policy': SEARCH_PAGE_CSP }),
  );
  app.get(SEARCH_SCRIPT_PATH, (c) => {
    const config = siteConfig(c.env);
    return new Response(SEARCH_SCRIPT, {
      headers: { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': config.cacheControl, 'X-Content-Type-Options': 'nosniff' },
    });
  });

  app.get('/teams/:team', (c) => {
    const slug = c.req.param('team');
    const team = teams.get(slug);
    if (!team) return notFound(c, `There is no team “${slug}”.`);
    return page(c, `/teams/${slug}`, () => newestUpdate(teamUpdates(site, slug)), (config) => <TeamPage site={site} config={config} team={team} />);
  });

  app.get('/updates/:team/:date', (c) => {
    const slug = c.req.param('team');
    const date = c.req.param('date');
    const team = teams.get(slug);
    const update: Update | undefined = team ? updateById(site, `${slug}/${date}`) : undefined;
    if (!team || !update) return notFound(c, `There is no update of team “${slug}” for “${date}”.`);
    // Neighbours are linked from the page: a new week changes the previous one's page too.
    return page(c, `/updates/${update.id}`, () => newestUpdate(teamUpdates(site, slug)), (config) => (
      <UpdatePage site={site} config={config} team={team} update={update} />
    ));
  });

  const milestoneIndex = (c: Context<AppEnv>, filter: MilestoneFilter) =>
    page(c, milestoneIndexPath(filter), () => newestUpdate(site.updates), (config) => (
      <MilestoneIndexPage site={site} config={config} filter={filter} />
    ));
  app.get('/milestones', (c) => milestoneIndex(c, {}));
  // The index with a filter preselected: paths of their own, so each is a static file.
  app.get('/teams/:team/milestones', (c) => {
    const slug = c.req.param('team');
    return teams.has(slug) ? milestoneIndex(c, { team: slug }) : notFound(c, `There is no team “${slug}”.`);
  });
  app.get('/status/:status', (c) => {
    const status = c.req.param('status');
    if (!(STATUSES as readonly string[]).includes(status)) return notFound(c, `There is no status “${status}”. Statuses: ${STATUSES.join(', ')}.`);
    return milestoneIndex(c, { status: status as MilestoneStatus });
  });

  // The pages' stylesheet, under a name of its content's hash (the Worker's own pages link it too).
  app.get(STYLESHEET_PATH, () => new Response(STYLESHEET, { headers: STYLESHEET_HEADERS }));
  // The milestone index's filter by team: the site's teams, under a name of its content's hash.
  const filter = teamFilter(site.teams.map((t) => t.slug));
  app.get(filter.path, () => new Response(filter.css, { headers: STYLESHEET_HEADERS }));

  // The site icon (browsers ask for /favicon.ico whatever the page links).
  const icon = (c: Context<AppEnv>) =>
    new Response(FAVICON_SVG, { headers: { 'Content-Type': 'image/svg+xml', 'Cache-Control': 'public, max-age=86400', 'X-Content-Type-Options': 'nosniff' } });
  app.get('/favicon.svg', icon);
  app.get('/favicon.ico', icon);

  // A shields-style status badge for a team's README (src/status).
  app.get('/milestones/:key/badge.svg', (c) => {
    const key = c.req.param('key');
    const milestone = milestones.get(key);
    if (!milestone) return notFound(c, `There is no milestone with the key “${key}”.`);
    const config = siteConfig(c.env);
    const info = statusOf(site, key, config);
    const word = info.silentSince !== undefined ? 'silent' : STATUS_LABELS[info.status].toLowerCase();
    return new Response(badgeSvg(info.status, 'milestone', `${milestone.title}: ${word} (${info.reason})`, info.silentSince !== undefined ? 'silent' : undefined), {
      headers: {
        'Content-Type': 'image/svg+xml; charset=utf-8',
        // READMEs proxy images (GitHub's camo): keep it short so a new week shows soon.
        'Cache-Control': 'public, max-age=300',
        'X-Content-Type-Options': 'nosniff',
        'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
      },
    });
  });

  app.get('/milestones/:key', (c) => {
    const key = c.req.param('key');
    const milestone = milestones.get(key);
    if (!milestone) return notFound(c, `There is no milestone with the key “${key}”.`);
    const weeks = milestone.weeks.map((id) => updateById(site, id)).filter((u): u is Update => u !== undefined);
    return page(c, `/milestones/${key}`, () => newestUpdate(weeks), (config) => <MilestonePage site={site} config={config} milestone={milestone} />);
  });

  return app;
}

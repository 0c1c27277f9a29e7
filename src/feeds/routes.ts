/**
 * The feed URLs: site, team and milestone feeds in three formats, and the OPML of them all.
 * Each representation is rendered at most once per isolate per (feed, format, limit,
 * content version, config) and then served from memory with its precomputed validators.
 */
import { Hono, type Context } from 'hono';
import type { Milestone, SiteModel, Team } from '../content/model';
import type { AppEnv } from '../env';
import { cachePerSite, serveRepresentation, toRepresentation, type Representation } from '../http/cache';
import { problemResponse } from '../http/problem';
import { MAX_LIMIT, siteConfig, type SiteConfig } from './config';
import { entryCount, feedDocument, newestUpdate, type FeedDocument } from './document';
import { archiveCount } from './history';
import { renderAtom } from './formats/atom';
import { renderJsonFeed } from './formats/json';
import { renderOpml } from './formats/opml';
import { renderRss } from './formats/rss';
import { FEED_XSL, FEED_XSL_PATH } from './xsl';
import { FEED_FILES, FEED_FORMATS, FEED_SERVED_TYPES, OPML_PATH, type FeedFormat, type FeedTarget } from './paths';

const RENDERERS = { rss: renderRss, atom: renderAtom, json: renderJsonFeed } satisfies Record<FeedFormat, unknown>;

const FEED_HEADERS = {
  // Web-based readers fetch feeds from other origins.
  'Access-Control-Allow-Origin': '*',
  'X-Content-Type-Options': 'nosniff',
};

// One cache per site model object: per isolate, and keyed by content version inside.
const caches = cachePerSite(32 * 1024 * 1024);

/** How many feed representations have been rendered for `site` in this isolate. */
export function feedRenderCount(site: SiteModel): number {
  return caches.renders(site);
}

type LimitResult = { ok: true; limit: number } | { ok: false; response: Response };

/** `?limit=`: absent → FEED_ITEMS; otherwise a whole number from 1 to 500, given once. */
export function parseLimit(values: string[] | undefined, config: SiteConfig): LimitResult {
  if (values === undefined || values.length === 0) return { ok: true, limit: config.defaultLimit };
  const bad = (detail: string, value: string | string[]) => ({
    ok: false as const,
    response: problemResponse(
      { status: 400, title: 'Invalid limit', detail, 'invalid-params': [{ name: 'limit', value, reason: detail }] },
      { 'Cache-Control': 'no-store' },
    ),
  });
  if (values.length > 1) return bad(`limit was given ${values.length} times (${values.map((v) => JSON.stringify(v)).join(', ')}); give it once`, values);
  const raw = values[0]!;
  const n = /^\d{1,9}$/.test(raw) ? Number(raw) : Number.NaN;
  if (!(n >= 1 && n <= MAX_LIMIT)) {
    const shown = JSON.stringify(raw.length > 40 ? `${raw.slice(0, 40)}…` : raw);
    return bad(`limit must be a whole number from 1 to ${MAX_LIMIT}; got ${shown}`, raw);
  }
  return { ok: true, limit: n };
}

function notFound(detail: string): Response {
  return problemResponse({ status: 404, title: 'Not Found', detail }, { 'Cache-Control': 'no-store' });
}

function targetKey(target: FeedTarget): string {
  return target.kind === 'site' ? 'site' : target.kind === 'team' ? `team:${target.team.slug}` : `milestone:${target.milestone.key}`;
}

export function feedRoutes(site: SiteModel): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const cache = caches.for(site);
  const teams = new Map<string, Team>(site.teams.map((t) => [t.slug, t]));
  const milestones = new Map<string, Milestone>(site.milestones.map((m) => [m.key, m]));

  // The formats of one feed are asked one after another (the build renders them in a row):
  // the document they are made from is made once. Renderers only read it.
  let last: { key: string; doc: FeedDocument } | undefined;
  const serve = async (c: Context<AppEnv>, target: FeedTarget, format: FeedFormat, archive?: string): Promise<Response> => {
    const config = siteConfig(c.env);
    let page: number | undefined;
    if (archive !== undefined) {
      // Archives are fixed documents: no ?limit=, and only pages that exist.
      const count = archiveCount(entryCount(site, target), config.defaultLimit);
      page = /^[1-9]\d{0,6}$/.test(archive) ? Number(archive) : Number.NaN;
      if (!(page >= 1 && page <= count)) return notFound(`This feed has ${count === 0 ? 'no archive documents' : `archive documents 1 to ${count}`}; there is no archive "${archive.slice(0, 20)}".`);
    }
    const limit = page === undefined ? parseLimit(c.req.queries('limit'), config) : ({ ok: true, limit: config.defaultLimit } as const);
    if (!limit.ok) return limit.response;
    const key = `${site.version}\n${config.fingerprint}\n${format}\n${targetKey(target)}\n${limit.limit}\n${page ?? ''}`;
    const rep = await cache.get(key, (): Promise<Representation> => {
      const docKey = `${site.version}\n${config.fingerprint}\n${targetKey(target)}\n${limit.limit}\n${page ?? ''}`;
      const doc = last?.key === docKey ? last.doc : feedDocument(site, config, target, limit.limit, page);
      last = { key: docKey, doc };
      return toRepresentation(RENDERERS[format](doc), `${FEED_SERVED_TYPES[format]}; charset=utf-8`, doc.updated);
    });
    return serveRepresentation(c.req.raw, rep, { cacheControl: config.cacheControl, headers: FEED_HEADERS });
  };

  const team = (c: Context<AppEnv>) => {
    const slug = c.req.param('team') ?? '';
    const found = teams.get(slug);
    return found ? ({ kind: 'team', team: found } as const) : notFound(`There is no team "${slug}". Teams: ${[...teams.keys()].join(', ') || 'none'}.`);
  };
  const milestone = (c: Context<AppEnv>) => {
    const key = c.req.param('key') ?? '';
    const found = milestones.get(key);
    return found ? ({ kind: 'milestone', milestone: found } as const) : notFound(`There is no milestone with the key "${key}". Every milestone is listed at /.`);
  };

  for (const format of FEED_FORMATS) {
    const file = FEED_FILES[format];
    for (const archive of [false, true]) {
      const sub = archive ? `archive/:page/${file}` : file;
      const page = (c: Context<AppEnv>) => (archive ? c.req.param('page') : undefined);
      app.get(`/${sub}`, (c) => serve(c, { kind: 'site' }, format, page(c)));
      app.get(`/teams/:team/${sub}`, (c) => {
        const target = team(c);
        return target instanceof Response ? target : serve(c, target, format, page(c));
      });
      app.get(`/milestones/:key/${sub}`, (c) => {
        const target = milestone(c);
        return target instanceof Response ? target : serve(c, target, format, page(c));
      });
    }
  }

  // Browsers render RSS and Atom with it; readers ignore it.
  app.get(FEED_XSL_PATH, () => new Response(FEED_XSL, { headers: { 'Content-Type': 'text/xsl; charset=utf-8', 'Cache-Control': 'public, max-age=86400', 'X-Content-Type-Options': 'nosniff' } }));

  app.get(OPML_PATH, async (c) => {
    const config = siteConfig(c.env);
    const rep = await cache.get(`${site.version}\n${config.fingerprint}\nopml`, () =>
      toRepresentation(renderOpml(site, config), 'text/x-opml; charset=utf-8', newestUpdate(site.updates)),
    );
    return serveRepresentation(c.req.raw, rep, { cacheControl: config.cacheControl, headers: FEED_HEADERS });
  });

  return app;
}

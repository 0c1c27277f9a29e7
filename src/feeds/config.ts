/**
 * What the feeds read from wrangler.toml [vars]: site URL, title, description, language,
 * items per feed and cache lifetime, checked once per set of values.
 */
import type { Env } from '../env';
import { cacheControl } from '../http/cache';
import { quietWeeksOf } from '../status';

export const MAX_LIMIT = 500;
const FALLBACK_LIMIT = 50;

export interface SiteConfig {
  /** Absolute site URL without a trailing slash: `https://updates.example.com`. */
  siteUrl: string;
  /** Host name of the site URL: the authority of `tag:` item ids. */
  host: string;
  title: string;
  description: string;
  language: string;
  /** Items per feed when `?limit=` is absent. */
  defaultLimit: number;
  cacheControl: string;
  /** Weeks without an entry after which a milestone is quiet (QUIET_WEEKS, see src/status). */
  quietWeeks: number;
  /** WebSub hub (WEBSUB_HUB) every feed announces; undefined when not configured. */
  websubHub?: string;
  /** Every value above in one string: part of each memoisation key. */
  fingerprint: string;
}

export type ConfigVars = Pick<Env, 'SITE_URL' | 'SITE_TITLE' | 'SITE_DESCRIPTION' | 'SITE_LANGUAGE' | 'FEED_ITEMS' | 'CACHE_MAX_AGE'> & {
  QUIET_WEEKS?: string;
  WEBSUB_HUB?: string;
};

// The env object is the same for every request of an isolate in practice; a WeakMap keeps
// the check off the hot path without assuming it.
const configs = new WeakMap<object, SiteConfig>();

export function siteConfig(env: ConfigVars): SiteConfig {
  let config = configs.get(env);
  if (!config) {
    config = readConfig(env);
    configs.set(env, config);
  }
  return config;
}

function readConfig(env: ConfigVars): SiteConfig {
  let url: URL;
  try {
    url = new URL(env.SITE_URL);
  } catch {
    throw new Error(`SITE_URL must be an absolute http(s) URL; got ${JSON.stringify(env.SITE_URL)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`SITE_URL must be an absolute http(s) URL; got ${JSON.stringify(env.SITE_URL)}`);
  }
  const siteUrl = `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  const items = Number(env.FEED_ITEMS);
  const defaultLimit = Number.isInteger(items) && items >= 1 && items <= MAX_LIMIT ? items : FALLBACK_LIMIT;
  const config = {
    siteUrl,
    host: url.hostname,
    title: env.SITE_TITLE?.trim() || 'Tidings',
    description: env.SITE_DESCRIPTION?.trim() || 'Weekly status reports',
    language: env.SITE_LANGUAGE?.trim() || 'en',
    defaultLimit,
    cacheControl: cacheControl(env.CACHE_MAX_AGE),
    quietWeeks: quietWeeksOf(env.QUIET_WEEKS),
    ...(websubHub(env.WEBSUB_HUB) ? { websubHub: websubHub(env.WEBSUB_HUB) } : {}),
  };
  return { ...config, fingerprint: JSON.stringify(config) };
}

/** Absolute URL of a site path (`/milestones/x`): the site URL may carry a path prefix. */
export function absoluteUrl(config: Pick<SiteConfig, 'siteUrl'>, path: string): string {
  return `${config.siteUrl}${path.startsWith('/') ? path : `/${path}`}`;
}

/** WEBSUB_HUB as an absolute http(s) URL, or undefined when empty; anything else is an error. */
export function websubHub(value: string | undefined): string | undefined {
  const trimmed = value?.trim() ?? '';
  if (trimmed === '') return undefined;
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    throw new Error(`WEBSUB_HUB must be an absolute http(s) URL; got ${JSON.stringify(value)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`WEBSUB_HUB must be an absolute http(s) URL; got ${JSON.stringify(value)}`);
  return url.href;
}

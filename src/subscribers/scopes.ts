/**
 * What a subscriber follows: `all`, `team:<team slug>` or `milestone:<milestone key>`,
 * checked against the site model (the same teams and keys the pages and feeds use).
 */
import type { SiteModel } from '../content/model';
import { milestoneByKey } from '../feeds/document';

export type Scope = 'all' | `team:${string}` | `milestone:${string}`;

/** Same shape as the CHECK constraint in migrations/0001_subscribers.sql. */
const SCOPE_SHAPE = /^(?:all|team:[A-Za-z0-9._~-]+|milestone:[A-Za-z0-9._~-]+)$/;
export const MAX_SCOPE_LENGTH = 200;
export const MAX_SCOPES = 50;

export type ScopeCheck = { ok: true; scope: Scope } | { ok: false; reason: string };

export function isScopeShape(value: string): value is Scope {
  return value.length <= MAX_SCOPE_LENGTH && SCOPE_SHAPE.test(value);
}

/** Checks one scope against the site; the reason names the unknown team or milestone. */
export function checkScope(site: SiteModel, raw: string): ScopeCheck {
  const value = raw.trim();
  if (value === 'all') return { ok: true, scope: 'all' };
  if (value.length > MAX_SCOPE_LENGTH) return { ok: false, reason: `scope is too long (at most ${MAX_SCOPE_LENGTH} characters)` };
  const [kind, ...rest] = value.split(':');
  const name = rest.join(':');
  if (kind === 'team' && name) {
    if (!isScopeShape(value) || !site.teams.some((t) => t.slug === name)) return { ok: false, reason: `unknown team "${name}"` };
    return { ok: true, scope: value as Scope };
  }
  if (kind === 'milestone' && name) {
    if (!isScopeShape(value) || !milestoneByKey(site, name)) {
      return { ok: false, reason: `unknown milestone "${name}"` };
    }
    return { ok: true, scope: value as Scope };
  }
  return { ok: false, reason: `"${value.slice(0, 80)}" is not a scope: use "all", "team:<team>" or "milestone:<key>"` };
}

/**
 * De-duplicates and orders scopes; "all" already covers every team and milestone, so it
 * stands alone.
 */
export function normaliseScopes(scopes: readonly Scope[]): Scope[] {
  if (scopes.includes('all')) return ['all'];
  return [...new Set(scopes)].sort((a, b) => (a.startsWith('team:') === b.startsWith('team:') ? a.localeCompare(b) : a.startsWith('team:') ? -1 : 1));
}

/** Words for a scope in emails and pages: "everything", "team Atlas", "milestone “Sync protocol v2” (Atlas)". */
export function describeScope(site: SiteModel, scope: string): string {
  if (scope === 'all') return 'all updates of every team';
  if (scope.startsWith('team:')) {
    const slug = scope.slice(5);
    const team = site.teams.find((t) => t.slug === slug);
    return `team ${team?.name ?? slug}`;
  }
  if (scope.startsWith('milestone:')) {
    const key = scope.slice(10);
    const milestone = milestoneByKey(site, key);
    if (!milestone) return `milestone ${key} (no longer published)`;
    const team = site.teams.find((t) => t.slug === milestone.team);
    return `milestone “${milestone.title}” (${team?.name ?? milestone.team})`;
  }
  return scope;
}

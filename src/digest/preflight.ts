/**
 * Everything a send depends on, checked before a digest is cut: a configuration that would
 * fail every send (no usable signing key for the personal links, an unusable sender or
 * transport, a name that cannot go into a header) refuses the cut, so the period stays open
 * and the digest goes out once the configuration is fixed.
 */
import type { SiteModel } from '../content/model';
import type { Env } from '../env';
import { signingKey } from '../http/secrets';
import { isHeaderSafe, mailConfigProblems } from '../mail';

export class DigestConfigError extends Error {
  override readonly name = 'DigestConfigError';
  constructor(readonly problems: string[]) {
    super(`digest not cut, the configuration would fail every send: ${problems.join('; ')}`);
  }
}

export function digestConfigProblems(env: Env, site: Pick<SiteModel, 'teams'>): string[] {
  const problems: string[] = [];
  const key = signingKey(env);
  if (!key.ok) problems.push(`personal links cannot be signed: ${key.problem}`);
  problems.push(...mailConfigProblems(env));
  try {
    const url = new URL(env.SITE_URL);
    if (!/^https?:$/.test(url.protocol)) problems.push(`SITE_URL must be an http(s) URL, not ${JSON.stringify(env.SITE_URL)}`);
  } catch {
    problems.push(`SITE_URL is not a URL: ${JSON.stringify(env.SITE_URL ?? '')}`);
  }
  if (!isHeaderSafe(env.SITE_TITLE ?? '')) problems.push('SITE_TITLE contains a line break; it goes into the List-Id header');
  // Subjects are made of team names (src/digest/subject.ts).
  for (const team of site.teams) {
    if (!isHeaderSafe(team.name)) problems.push(`team ${JSON.stringify(team.slug)} has a line break in its name (${JSON.stringify(team.name)}); subjects are made of team names`);
  }
  if (!env.DIGEST_QUEUE) problems.push('the DIGEST_QUEUE binding is missing (see [[queues.producers]] in wrangler.toml)');
  return problems;
}

/** Throws DigestConfigError listing every problem, when there is any. */
export function assertDigestConfig(env: Env, site: Pick<SiteModel, 'teams'>): void {
  const problems = digestConfigProblems(env, site);
  if (problems.length > 0) throw new DigestConfigError(problems);
}

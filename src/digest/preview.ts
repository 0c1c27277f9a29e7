/**
 * The digest a reader of some scopes would get if one were cut now: the admin preview and the
 * test send (an outbox row rendered by the queue consumer) both read it from here.
 */
import { scopeKeys, type CatalogSource } from '../catalog';
import type { Env } from '../env';
import { renderDigestEmail } from '../../emails/digest';
import { siteConfig } from '../feeds';
import { withoutRemoteImages } from '../mail';
import { describeScope, type Scope } from '../subscribers';
import { pendingChanges } from './cut';
import { filterChanges } from './scope';
import { digestSubject } from './subject';

export async function previewDigest(env: Env, catalog: CatalogSource, scopes: readonly Scope[], subjectPrefix = '') {
  const config = siteConfig(env);
  const pending = await pendingChanges(env, catalog);
  const site = await catalog.view({ keys: [...pending.milestones.map((m) => m.key), ...scopeKeys(scopes)] });
  const changes = withoutRemoteImages(filterChanges(pending, [...scopes], site));
  const subject = `${subjectPrefix}${digestSubject(changes, site.teams)}`;
  const render = () =>
    renderDigestEmail({
      changes,
      subject,
      teams: site.teams,
      site,
      quietWeeks: config.quietWeeks,
      siteTitle: config.title,
      siteUrl: config.siteUrl,
      webUrl: `${config.siteUrl}/digests`,
      scopes: scopes.map((s) => describeScope(site, s)),
      unsubscribeUrl: `${config.siteUrl}/unsubscribe?token=preview`,
      preferencesUrl: `${config.siteUrl}/preferences?token=preview`,
    });
  return { config, changes, subject, render };
}

/** Subject prefix of admin test sends. */
export const TEST_SUBJECT_PREFIX = '[Test] ';
/** Header that marks a test send. */
export const TEST_HEADER = { 'X-Tidings-Test': 'preview, not a digest' };

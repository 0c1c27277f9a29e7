/**
 * "As it happens": the hourly cron mails each reader who chose it one email per new update in
 * their scope. The first run only records what is already published (no mail about history);
 * each later run announces the updates published since. A (update, reader) row is written
 * before sending, so a retried or overlapping run never mails anyone twice.
 */
import { catalogFrom, scopeKeys, type CatalogSource } from '../catalog';
import type { SiteModel, Update } from '../content/model';
import type { Env } from '../env';
import { renderDigestEmail } from '../../emails/digest';
import { siteConfig } from '../feeds';
import { composeMail, mailTransport, type MailTransport } from '../mail';
import { describeScope, recipientLinks } from '../subscribers';
import { listActiveSubscribers } from '../subscribers/repository';
import { computeChanges, isEmpty } from './changes';
import { quietWeeks } from './cut';
import { digestWebUrl } from './deliver';
import { filterChanges, readerSetKey, RISKS_ONLY } from './scope';
import { snapshotOf } from './snapshot';
import { digestSubject } from './subject';

const BASELINE = '*baseline*';

/** The hourly trigger of wrangler.toml (the other one cuts the weekly digest). */
export const HOURLY_CRON = '0 * * * *';

export interface InstantResult {
  /** Updates announced by this run. */
  announced: string[];
  sent: number;
  failed: number;
  /** True on the very first run, which only records what is published. */
  baseline: boolean;
}

/**
 * The changes one update brings, as if it were the only new one. `site` is the catalog with
 * the update's team's updates only (announceNewUpdates reads one team at a time): the
 * snapshot taken here is of that team, never of the whole site.
 */
export function changesOfUpdate(site: SiteModel, update: Update, weeks: number) {
  const before = snapshotOf(site.updates.filter((u) => u.id !== update.id && u.date <= update.date), site.version);
  const changes = computeChanges({ ...site, updates: site.updates.filter((u) => u.date <= update.date) }, before, { quietWeeks: weeks });
  return { ...changes, editedUpdates: [], milestones: changes.milestones.filter((m) => m.quiet === undefined) };
}

export async function announceNewUpdates(env: Env, content: CatalogSource | SiteModel, now = new Date(), transport?: MailTransport): Promise<InstantResult> {
  const source = catalogFrom(content);
  const at = now.toISOString();
  const { results } = await env.DB.prepare('SELECT update_id FROM instant_announcements').all<{ update_id: string }>();
  const known = new Set(results.map((r) => r.update_id));
  const baseline = !known.has(BASELINE);
  const result: InstantResult = { announced: [], sent: 0, failed: 0, baseline };
  const config = siteConfig(env);
  let readers: Awaited<ReturnType<typeof listActiveSubscribers>> | undefined;
  const mail = transport ?? mailTransport(env);
  // One team's updates at a time (in the Worker they come from the static output's indexes).
  for (const team of source.teams) {
    const updates = await source.teamUpdates(team.slug);
    if (baseline) {
      if (updates.length > 0) {
        await env.DB.batch(updates.map((u) => env.DB.prepare('INSERT OR IGNORE INTO instant_announcements (update_id, announced_at) VALUES (?, ?)').bind(u.id, at)));
      }
      continue;
    }
    const fresh = updates.filter((u) => !known.has(u.id)).reverse();
    if (fresh.length === 0) continue;
    const teamSite: SiteModel = { ...(await source.view({ teams: [team.slug] })), updates };
    if (!readers) {
      readers = [];
      for (let afterId = 0; ; ) {
        const page = await listActiveSubscribers(env.DB, { afterId, limit: 1000, frequency: 'instant' });
        readers.push(...page);
        if (page.length < 1000) break;
        afterId = page.at(-1)!.id;
      }
    }
    for (const update of fresh) {
      const claimed = await env.DB.prepare('INSERT OR IGNORE INTO instant_announcements (update_id, announced_at) VALUES (?, ?)').bind(update.id, at).run();
      if (claimed.meta.changes === 0) continue; // another run has it
      result.announced.push(update.id);
      const outcome = await mailUpdate(env, source, teamSite, update, readers, mail, config, at);
      result.sent += outcome.sent;
      result.failed += outcome.failed;
    }
  }
  if (baseline) await env.DB.prepare('INSERT OR IGNORE INTO instant_announcements (update_id, announced_at) VALUES (?, ?)').bind(BASELINE, at).run();
  return result;
}

async function mailUpdate(
  env: Env,
  source: CatalogSource,
  site: SiteModel,
  update: Update,
  readers: Awaited<ReturnType<typeof listActiveSubscribers>>,
  mail: MailTransport,
  config: ReturnType<typeof siteConfig>,
  at: string,
): Promise<{ sent: number; failed: number }> {
  let sent = 0;
  let failed = 0;
  const changes = changesOfUpdate(site, update, quietWeeks(env));
  const rendered = new Map<string, Awaited<ReturnType<typeof renderDigestEmail>> | null>();
  for (const reader of readers) {
    const key = readerSetKey(reader.scopes, reader.content);
    if (!rendered.has(key)) {
      const scopes = key.split(',');
      const mine = filterChanges(changes, scopes, site);
      // The reader's milestones may be other teams': looked up for their names.
      const named = isEmpty(mine) ? site : await source.view({ keys: scopeKeys(scopes) });
      rendered.set(
        key,
        isEmpty(mine)
          ? null
          : await renderDigestEmail({
              changes: mine,
              subject: digestSubject(mine, site.teams),
              teams: site.teams,
              site,
              quietWeeks: config.quietWeeks,
              siteTitle: config.title,
              siteUrl: config.siteUrl,
              webUrl: `${config.siteUrl}${update.permalink}`,
              scopes: scopes.filter((s) => s !== RISKS_ONLY).map((s) => describeScope(named, s)),
              risksOnly: scopes.includes(RISKS_ONLY),
              frequency: 'instant',
              unsubscribeUrl: '{{unsubscribe}}',
              preferencesUrl: '{{preferences}}',
            }),
      );
    }
    const email = rendered.get(key);
    if (!email) continue;
    const claim = await env.DB.prepare('INSERT OR IGNORE INTO instant_deliveries (update_id, subscriber_id, status, updated_at) VALUES (?, ?, ?, ?)')
      .bind(update.id, reader.id, 'sending', at)
      .run();
    if (claim.meta.changes === 0) continue;
    let status = 'sent';
    try {
      const links = await recipientLinks(env, reader.id);
      const swap = (s: string, esc: (x: string) => string) => s.replaceAll('{{unsubscribe}}', esc(links.unsubscribeUrl)).replaceAll('{{preferences}}', esc(links.preferencesUrl));
      const html = swap(email.html, (x) => x.replaceAll('&', '&amp;'));
      await mail.send(composeMail(env, { to: reader.email, subject: email.subject, html, text: swap(email.text, (x) => x), headers: links.headers }));
      sent++;
    } catch (error) {
      status = 'failed';
      failed++;
      console.error(`instant mail for ${update.id} to subscriber ${reader.id} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    await env.DB.prepare('UPDATE instant_deliveries SET status = ?, updated_at = ? WHERE update_id = ? AND subscriber_id = ?').bind(status, new Date().toISOString(), update.id, reader.id).run();
  }
  return { sent, failed };
}

export { digestWebUrl };

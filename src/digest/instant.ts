/**
 * "As it happens": the hourly cron mails each reader who chose it one email per new update in
 * their scope. The first run only records what is already published (no mail about history);
 * each later run announces the updates published since, through the queue like every mail.
 */
import { catalogFrom, scopeKeys, type CatalogSource } from '../catalog';
import type { SiteModel, Update } from '../content/model';
import type { Env } from '../env';
import { renderDigestEmail } from '../../emails/digest';
import { siteConfig } from '../feeds';
import { withoutRemoteImages } from '../mail';
import { enqueueMail, insertMail, type NewMail } from '../mail/outbox';
import { describeScope, recipientLinks } from '../subscribers';
import { listActiveSubscribers } from '../subscribers/repository';
import { computeChanges, isEmpty } from './changes';
import { quietWeeks } from './cut';
import { digestWebUrl } from './deliver';
import { filterChanges, readerSetKey, RISKS_ONLY } from './scope';
import { snapshotOf } from './snapshot';
import { digestSubject } from './subject';

const BASELINE = '*baseline*';
/**
 * The content version a run last went through to the end, as a row of the same table
 * (`*version*:<version>`): the next run with the same version reads no content at all.
 */
const VERSION_ROW = '*version*:';

/** The hourly trigger of wrangler.toml (the other one cuts the weekly digest). */
export const HOURLY_CRON = '0 * * * *';

export interface InstantResult {
  /** Updates announced by this run. */
  announced: string[];
  /** Messages queued (one per update and reader with news in their scope). */
  queued: number;
  /** True on the very first run, which only records what is published. */
  baseline: boolean;
  /** True when the content version is the one the last complete run went through: nothing was read. */
  unchanged?: boolean;
}

/**
 * The changes one update brings, as if it were the only new one. `site` is the catalog with
 * the update's team's updates only (announceNewUpdates reads one team at a time): the
 * snapshot taken here is of that team, never of the whole site.
 */
export function changesOfUpdate(site: SiteModel, update: Update, weeks: number) {
  const before = snapshotOf(site.updates.filter((u) => u.id !== update.id && u.date <= update.date), site.version);
  // Gone quiet and fallen silent are weekly news, not an update's.
  const { silent: _silent, ...changes } = computeChanges({ ...site, updates: site.updates.filter((u) => u.date <= update.date) }, before, { quietWeeks: weeks });
  // One update at a time: it is never "late" against its own baseline.
  const newUpdates = changes.newUpdates.map(({ late: _late, ...u }) => u);
  return { ...changes, newUpdates, editedUpdates: [], milestones: changes.milestones.filter((m) => m.quiet === undefined) };
}

/**
 * Finds the updates published since the last run and queues, per update, one outbox row per
 * reader with news in their scope (src/mail/outbox.ts): the queue consumer renders and sends
 * them with retries, limits and idempotency keys, like digests. A (update, reader) row is
 * written once (its once-key), so a retried or overlapping run never mails anyone twice.
 */
export async function announceNewUpdates(env: Env, content: CatalogSource | SiteModel, now = new Date()): Promise<InstantResult> {
  const source = catalogFrom(content);
  const at = now.toISOString();
  // Most hours nothing is new: the catalog's content version (held by the isolate) against the
  // one the last complete run recorded, one indexed row. Equal: no team's updates are read.
  const done = await env.DB.prepare('SELECT 1 AS seen FROM instant_announcements WHERE update_id = ?').bind(`${VERSION_ROW}${source.version}`).first();
  if (done) return { announced: [], queued: 0, baseline: false, unchanged: true };
  const { results } = await env.DB.prepare('SELECT update_id FROM instant_announcements').all<{ update_id: string }>();
  const known = new Set(results.map((r) => r.update_id));
  const baseline = !known.has(BASELINE);
  const result: InstantResult = { announced: [], queued: 0, baseline };
  let readers: Awaited<ReturnType<typeof listActiveSubscribers>> | undefined;
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
      // Who has news in this update: decided once per distinct scope set.
      const changes = changesOfUpdate(teamSite, update, quietWeeks(env));
      const worth = new Map<string, boolean>();
      const mail: NewMail[] = [];
      for (const reader of readers) {
        const key = readerSetKey(reader.scopes, reader.content);
        let send = worth.get(key);
        if (send === undefined) worth.set(key, (send = !isEmpty(filterChanges(changes, key.split(','), teamSite))));
        if (send) mail.push({ kind: 'instant', onceKey: `instant:${update.id}:${reader.id}`, subscriberId: reader.id, payload: { update: update.id, team: team.slug, scopeSet: key } });
      }
      // The rows first, then the announcement: a run that dies in between is finished by the next (once-keys).
      const ids = await insertMail(env.DB, mail, now);
      const claimed = await env.DB.prepare('INSERT OR IGNORE INTO instant_announcements (update_id, announced_at) VALUES (?, ?)').bind(update.id, at).run();
      if (claimed.meta.changes > 0) result.announced.push(update.id);
      if (ids.length > 0) await enqueueMail(env.DIGEST_QUEUE, ids);
      result.queued += ids.length;
    }
  }
  // Recorded last: a run that dies half-way is run again in full by the next hour's.
  await env.DB.batch([
    ...(baseline ? [env.DB.prepare('INSERT OR IGNORE INTO instant_announcements (update_id, announced_at) VALUES (?, ?)').bind(BASELINE, at)] : []),
    env.DB.prepare("DELETE FROM instant_announcements WHERE update_id LIKE '*version*:%'"),
    env.DB.prepare('INSERT OR IGNORE INTO instant_announcements (update_id, announced_at) VALUES (?, ?)').bind(`${VERSION_ROW}${source.version}`, at),
  ]);
  return result;
}

/** Per isolate: one render per (content version, update, scope set). */
const rendered = new Map<string, Promise<{ subject: string; html: string; text: string; webUrl: string } | null>>();

/**
 * The email of an outbox row of kind "instant" (payload: update, team, scopeSet), with the
 * reader's links issued at the row's creation: every attempt is the same message. Remote images
 * become links (src/mail/images.ts). Undefined when the update is no longer published or holds
 * nothing for the reader any more.
 */
export async function renderInstantMail(env: Env, content: CatalogSource | SiteModel, row: { subscriberId: number; createdAt: string; payload: Record<string, unknown> }) {
  const source = catalogFrom(content);
  const { update: updateId, team, scopeSet } = row.payload as { update: string; team: string; scopeSet: string };
  const key = `${source.version}|${updateId}|${scopeSet}`;
  let p = rendered.get(key);
  if (!p) {
    p = (async () => {
      const config = siteConfig(env);
      const updates = await source.teamUpdates(team);
      const update = updates.find((u) => u.id === updateId);
      if (!update) return null;
      const site: SiteModel = { ...(await source.view({ teams: [team] })), updates };
      const scopes = scopeSet.split(',');
      const mine = withoutRemoteImages(filterChanges(changesOfUpdate(site, update, quietWeeks(env)), scopes, site));
      if (isEmpty(mine)) return null;
      // The reader's milestones may be other teams': looked up for their names.
      const named = await source.view({ keys: scopeKeys(scopes) });
      const webUrl = `${config.siteUrl}${update.permalink}`;
      const email = await renderDigestEmail({
        changes: mine,
        subject: digestSubject(mine, site.teams),
        teams: site.teams,
        site,
        quietWeeks: config.quietWeeks,
        siteTitle: config.title,
        siteUrl: config.siteUrl,
        webUrl,
        scopes: scopes.filter((s) => s !== RISKS_ONLY).map((s) => describeScope(named, s)),
        risksOnly: scopes.includes(RISKS_ONLY),
        frequency: 'instant',
        unsubscribeUrl: '{{unsubscribe}}',
        preferencesUrl: '{{preferences}}',
      });
      return { ...email, webUrl };
    })();
    rendered.set(key, p);
    p.catch(() => rendered.delete(key));
    if (rendered.size > 1000) rendered.delete(rendered.keys().next().value!);
  }
  const email = await p;
  if (!email) return undefined;
  const links = await recipientLinks(env, row.subscriberId, Date.parse(row.createdAt));
  const swap = (s: string, esc: (x: string) => string) => s.replaceAll('{{unsubscribe}}', esc(links.unsubscribeUrl)).replaceAll('{{preferences}}', esc(links.preferencesUrl));
  return {
    subject: email.subject,
    html: swap(email.html, (x) => x.replaceAll('&', '&amp;')),
    text: swap(email.text, (x) => x),
    headers: links.headers,
    webUrl: email.webUrl,
  };
}

export { digestWebUrl };

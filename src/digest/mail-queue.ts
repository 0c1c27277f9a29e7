/**
 * The queue consumer's side of the outbox (src/mail/outbox.ts): confirmations, "as it happens"
 * mail and admin test sends, delivered like a digest batch — one claim, one render per message
 * from its row, one send each with its Message-ID as idempotency key, one status write, follow-up
 * messages for what a limit or a retry leaves.
 */
import type { CatalogSource } from '../catalog';
import type { SiteModel } from '../content/model';
import type { Env } from '../env';
import { siteConfig } from '../feeds';
import { composeMail, listId, MailTransportError, outboxMessageId, type MailMessage, type MailTransport } from '../mail';
import { claimMail, recordMail, STALE_MAIL_CLAIM_MS, type MailBatch, type MailOutcome, type OutboxRow, type RecordedMail } from '../mail/outbox';
import { renderSubscriptionEmail } from '../subscribers/flow';
import type { Scope } from '../subscribers';
import { heldBack, mapLimit, outcomeOf, retryDelaySeconds } from './deliver';
import { renderInstantMail } from './instant';
import { previewDigest, TEST_HEADER, TEST_SUBJECT_PREFIX } from './preview';
import { markSubscribers } from './store';
import { catalogFrom } from '../catalog';

const SEND_CONCURRENCY = 10;

/** The message of an outbox row: everything from the row (see src/mail/outbox.ts). */
export async function outboxMessage(env: Env, content: CatalogSource | SiteModel, row: OutboxRow): Promise<MailMessage> {
  const config = siteConfig(env);
  const messageId = outboxMessageId(config.siteUrl, row.kind, row.id);
  const issuedAt = Date.parse(row.createdAt);
  const common = { to: row.to, idempotencyKey: messageId };
  if (row.kind === 'confirmation' || row.kind === 'already-subscribed') {
    const scopes = (Array.isArray(row.payload.scopes) ? row.payload.scopes : ['all']) as Scope[];
    const email = await renderSubscriptionEmail(env, content, { id: row.subscriberId!, email: row.to, scopes }, row.kind, issuedAt);
    return composeMail(env, { ...common, subject: email.subject, html: email.html, text: email.text, headers: { ...email.headers, 'Message-ID': messageId } });
  }
  if (row.kind === 'instant') {
    const email = await renderInstantMail(env, content, { subscriberId: row.subscriberId!, createdAt: row.createdAt, payload: row.payload });
    if (!email) throw new MailTransportError(`update ${String(row.payload.update)} is no longer published or holds nothing for this reader`, { kind: 'permanent' });
    const headers = { ...email.headers, 'Message-ID': messageId, 'List-Id': listId(config.siteUrl, config.title), 'Archived-At': `<${email.webUrl}>` };
    return composeMail(env, { ...common, subject: email.subject, html: email.html, text: email.text, headers });
  }
  const scopes = (Array.isArray(row.payload.scopes) ? row.payload.scopes : ['all']) as Scope[];
  const preview = await previewDigest(env, catalogFrom(content), scopes, TEST_SUBJECT_PREFIX);
  const email = await preview.render();
  const headers = { ...TEST_HEADER, 'Message-ID': messageId, 'List-Id': listId(config.siteUrl, config.title) };
  return composeMail(env, { ...common, subject: preview.subject, html: email.html, text: email.text, headers });
}

export interface MailBatchResult {
  outcomes: MailOutcome[];
  recorded: RecordedMail[];
  heldElsewhere: number[];
  deferred: Array<{ id: number; notBefore: string }>;
}

/** Delivers one outbox batch: claims, renders and sends what it claimed, records the outcomes. */
export async function deliverMailBatch(env: Env, content: CatalogSource | SiteModel, body: MailBatch, transport: MailTransport, now = new Date()): Promise<MailBatchResult> {
  const claim = await claimMail(env.DB, body.mail, now);
  let limited: MailOutcome | undefined;
  const marks: Array<{ id: number; error: string; suppress?: string }> = [];
  const outcomes = await mapLimit(claim.claimed, SEND_CONCURRENCY, async (row): Promise<MailOutcome> => {
    if (limited) return { ...limited, id: row.id };
    try {
      const sent = await transport.send(await outboxMessage(env, content, row));
      return { id: row.id, kind: 'sent', ...(sent.id ? { providerId: sent.id } : {}) };
    } catch (error) {
      const { suppress, ...outcome } = outcomeOf(row.id, error, Date.now());
      if (outcome.kind === 'rate-limit') limited ??= outcome;
      if (outcome.kind === 'permanent' && row.subscriberId !== null && suppress) marks.push({ id: row.subscriberId, error: outcome.error ?? 'permanent failure', suppress });
      return outcome;
    }
  });
  const recorded = await recordMail(env.DB, claim.token, outcomes, new Date(), { deduplicates: transport.deduplicates === true });
  if (marks.length > 0) await markSubscribers(env.DB, marks, new Date()).run();
  return { outcomes, recorded, heldElsewhere: claim.heldElsewhere, deferred: claim.deferred };
}

/** What an outbox batch leaves to do, as new queue messages (as followUps of digests). */
export function mailFollowUps(result: MailBatchResult, now = Date.now()): Array<{ body: MailBatch; delaySeconds: number }> {
  const out: Array<{ body: MailBatch; delaySeconds: number }> = [];
  const kinds = new Map(result.outcomes.map((o) => [o.id, o.kind]));
  const retry = result.recorded.filter((r) => r.status === 'pending' && kinds.get(r.id) !== 'rate-limit');
  if (retry.length > 0) out.push({ body: { mail: retry.map((r) => r.id) }, delaySeconds: retryDelaySeconds(Math.max(...retry.map((r) => r.attempts))) });
  const held = heldBack(result, now);
  if (held) out.push({ body: { mail: held.ids }, delaySeconds: held.delaySeconds });
  if (result.heldElsewhere.length > 0) out.push({ body: { mail: result.heldElsewhere }, delaySeconds: Math.ceil(STALE_MAIL_CLAIM_MS / 1000) + 5 });
  return out;
}

/**
 * Mail: one small interface (`MailTransport.send(message)`) and its adapters, chosen by
 * `MAIL_TRANSPORT`: "send_email" (Cloudflare Email Service binding, the default) or "http"
 * (a Resend-style JSON API at `MAIL_API_URL` with the secret `MAIL_API_KEY`).
 */
import type { Env } from '../env';
import { httpTransport } from './http';
import { type MailMessage, type MailTransport, MailConfigError, parseMailbox } from './message';
import { d1Pacer, mailRate, pacedTransport } from './pace';
import { sendEmailTransport } from './send-email';

export type { FailureClass, MailMessage, MailTransport, Mailbox, SentMail } from './message';
export { MailConfigError, MailTransportError, failureOf, parseMailbox, parseRetryAfter, secondsUntilUtcMidnight } from './message';
export { sendEmailTransport, classifySendEmailFailure } from './send-email';
export { httpTransport, classifyHttpFailure, SEND_TIMEOUT_MS, type HttpTransportOptions } from './http';
export { digestHeaders, digestMessageId, listId, isHeaderSafe, outboxMessageId } from './headers';
export { imagesToLinks, withoutRemoteImages } from './images';
export { d1Pacer, pacedTransport, mailRate, MAX_PACED_WAIT_MS, type MailPacer } from './pace';

type MailEnv = Pick<Env, 'EMAIL' | 'MAIL_TRANSPORT' | 'MAIL_API_URL' | 'MAIL_API_KEY' | 'MAIL_FROM' | 'MAIL_REPLY_TO' | 'MAIL_RATE_PER_SECOND' | 'MAIL_API_IDEMPOTENCY'> & {
  DB?: D1Database;
};

function unpacedTransport(env: MailEnv, kind: string): MailTransport {
  if (kind === 'send_email') {
    if (!env.EMAIL) throw new MailConfigError('MAIL_TRANSPORT is "send_email" but the EMAIL binding is missing (see [[send_email]] in wrangler.toml)');
    return sendEmailTransport(env.EMAIL);
  }
  if (kind === 'http') {
    if (!env.MAIL_API_URL) throw new MailConfigError('MAIL_TRANSPORT is "http" but MAIL_API_URL is not set');
    if (!env.MAIL_API_KEY) throw new MailConfigError('MAIL_TRANSPORT is "http" but the secret MAIL_API_KEY is not set (wrangler secret put MAIL_API_KEY)');
    const idempotency = (env.MAIL_API_IDEMPOTENCY ?? '').trim().toLowerCase();
    if (!['', 'true', 'false'].includes(idempotency)) throw new MailConfigError(`MAIL_API_IDEMPOTENCY must be "true" or "false", not ${JSON.stringify(env.MAIL_API_IDEMPOTENCY)}`);
    return httpTransport({ url: env.MAIL_API_URL, apiKey: env.MAIL_API_KEY, deduplicates: idempotency !== 'false' });
  }
  throw new MailConfigError(`MAIL_TRANSPORT must be "send_email" or "http", not ${JSON.stringify(kind)}`);
}

/**
 * The transport `MAIL_TRANSPORT` selects, paced to `MAIL_RATE_PER_SECOND` (src/mail/pace.ts,
 * shared through D1); throws MailConfigError when it cannot work.
 */
export function mailTransport(env: MailEnv): MailTransport {
  const kind = (env.MAIL_TRANSPORT || 'send_email').trim();
  const transport = unpacedTransport(env, kind);
  const raw = (env.MAIL_RATE_PER_SECOND ?? '').trim().toLowerCase();
  if (raw !== '' && raw !== 'none' && !(Number(raw) > 0)) throw new MailConfigError(`MAIL_RATE_PER_SECOND must be a number of sends a second (or "none"), not ${JSON.stringify(env.MAIL_RATE_PER_SECOND)}`);
  const rate = mailRate(env.MAIL_RATE_PER_SECOND, kind);
  return rate === undefined || !env.DB ? transport : pacedTransport(transport, d1Pacer(env.DB, { name: kind, perSecond: rate }));
}

/** The configured sender (`MAIL_FROM`) and reply-to (`MAIL_REPLY_TO`); throws MailConfigError when unusable. */
export function mailSender(env: Pick<Env, 'MAIL_FROM' | 'MAIL_REPLY_TO'>): { from: string; replyTo?: string } {
  if (!env.MAIL_FROM || !parseMailbox(env.MAIL_FROM)) {
    throw new MailConfigError(`MAIL_FROM must be a mailbox like "Tidings <updates@example.com>", got ${JSON.stringify(env.MAIL_FROM ?? '')}`);
  }
  if (env.MAIL_REPLY_TO && !parseMailbox(env.MAIL_REPLY_TO)) {
    throw new MailConfigError(`MAIL_REPLY_TO must be a mailbox, got ${JSON.stringify(env.MAIL_REPLY_TO)}`);
  }
  return { from: env.MAIL_FROM, ...(env.MAIL_REPLY_TO ? { replyTo: env.MAIL_REPLY_TO } : {}) };
}

/**
 * Everything about mail that can be checked without sending: the transport, the sender and
 * reply-to. Returns the problems (empty when mail can go out).
 */
export function mailConfigProblems(env: MailEnv): string[] {
  const problems: string[] = [];
  for (const check of [() => mailTransport(env), () => mailSender(env)]) {
    try {
      check();
    } catch (error) {
      problems.push(error instanceof Error ? error.message : String(error));
    }
  }
  return problems;
}

/** A message from the configured sender. */
export function composeMail(env: Pick<Env, 'MAIL_FROM' | 'MAIL_REPLY_TO'>, parts: Omit<MailMessage, 'from' | 'replyTo'>): MailMessage {
  return { ...parts, ...mailSender(env) };
}

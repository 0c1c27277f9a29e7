import {
  type MailMessage,
  type MailTransport,
  MailConfigError,
  MailTransportError,
  assertSafeMessage,
  parseMailbox,
  secondsUntilUtcMidnight,
} from './message';

/**
 * Error codes of the Email Service binding, by what they mean for a retry. Unknown codes are
 * transient: retried with backoff, then marked failed.
 */
const RECIPIENT_CODES = new Set(['E_RECIPIENT_SUPPRESSED', 'E_RECIPIENT_NOT_ALLOWED', 'E_INVALID_RECIPIENT', 'E_RECIPIENT_INVALID']);
const PERMANENT_CODES = new Set([
  'E_VALIDATION_ERROR',
  'E_FIELD_MISSING',
  'E_TOO_MANY_RECIPIENTS',
  'E_CONTENT_TOO_LARGE',
  'E_HEADER_NOT_ALLOWED',
  'E_HEADER_TOO_LARGE',
  'E_SENDER_NOT_VERIFIED',
  'E_SENDER_NOT_ALLOWED',
]);
const RATE_CODES: Record<string, () => number> = {
  E_DAILY_LIMIT_EXCEEDED: () => secondsUntilUtcMidnight(),
  E_RATE_LIMIT_EXCEEDED: () => 60,
};

function codeOf(error: unknown): string | undefined {
  const own = error && typeof error === 'object' && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
  if (own) return own;
  const message = error instanceof Error ? error.message : String(error);
  return /\bE_[A-Z_]+\b/.exec(message)?.[0];
}

/** A binding error as a classified MailTransportError. */
export function classifySendEmailFailure(error: unknown): MailTransportError {
  const code = codeOf(error);
  const message = `send_email binding failed: ${error instanceof Error ? error.message : String(error)}`;
  if (code && RECIPIENT_CODES.has(code)) return new MailTransportError(message, { cause: error, kind: 'permanent', recipient: true, code });
  if (code && PERMANENT_CODES.has(code)) return new MailTransportError(message, { cause: error, kind: 'permanent', code });
  const rate = code ? RATE_CODES[code] : undefined;
  if (rate) return new MailTransportError(message, { cause: error, kind: 'rate-limit', retryAfterSeconds: rate(), code });
  return new MailTransportError(message, { cause: error, kind: 'transient', ...(code ? { code } : {}) });
}

/**
 * Cloudflare Email Service through the `send_email` binding. The binding takes a structured
 * message ({ from, to, subject, html, text, replyTo, headers }) and builds the MIME itself, so
 * no MIME library is needed; `wrangler dev` simulates it and writes the parts to disk.
 * The binding has no idempotency key: a retry after an ambiguous failure is recorded as a
 * possible duplicate (the Message-ID header is the same, so mail clients thread it as one).
 */
export function sendEmailTransport(binding: SendEmail): MailTransport {
  return {
    name: 'send_email',
    deduplicates: false,
    async send(message: MailMessage) {
      assertSafeMessage(message);
      const from = parseMailbox(message.from);
      if (!from) throw new MailConfigError(`sender ${JSON.stringify(message.from)} is not a mailbox`);
      const replyTo = message.replyTo ? parseMailbox(message.replyTo) : undefined;
      if (message.replyTo && !replyTo) {
        throw new MailConfigError(`reply-to ${JSON.stringify(message.replyTo)} is not a mailbox`);
      }
      try {
        const result = await binding.send({
          from: from.name ? { name: from.name, email: from.email } : from.email,
          to: message.to,
          subject: message.subject,
          html: message.html,
          text: message.text,
          ...(replyTo ? { replyTo: replyTo.name ? { name: replyTo.name, email: replyTo.email } : replyTo.email } : {}),
          ...(message.headers && Object.keys(message.headers).length > 0 ? { headers: message.headers } : {}),
        });
        return { id: result.messageId };
      } catch (error) {
        throw classifySendEmailFailure(error);
      }
    },
  };
}

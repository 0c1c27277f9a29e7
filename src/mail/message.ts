/** One email, ready to send: what every transport accepts. */
export interface MailMessage {
  /** Sender mailbox, `Name <address>` or a bare address (usually `MAIL_FROM`). */
  from: string;
  /** One recipient address. */
  to: string;
  subject: string;
  html: string;
  text: string;
  /** Reply-To mailbox (usually `MAIL_REPLY_TO`). */
  replyTo?: string;
  /** Extra headers such as List-Unsubscribe. Names and values must be single-line. */
  headers?: Record<string, string>;
  /**
   * Same value for every attempt at the same logical message (a digest to one subscriber):
   * transports that support it (the HTTP API's `Idempotency-Key`) deliver it once however
   * often it is retried. Digests use their `Message-ID` here.
   */
  idempotencyKey?: string;
}

export interface SentMail {
  /** Message id reported by the transport, when it reports one. */
  id?: string;
  /** The service had already taken a message under this idempotency key (an earlier attempt). */
  alreadyAccepted?: boolean;
}

/** A way to hand a message to a mail service. */
export interface MailTransport {
  readonly name: string;
  /**
   * True when the service delivers a message once per `idempotencyKey`, however often it is
   * sent: a retry after an ambiguous outcome is then safe. Otherwise such a retry is recorded
   * as a possible duplicate.
   */
  readonly deduplicates?: boolean;
  send(message: MailMessage): Promise<SentMail>;
}

/**
 * What a failed send means for the next attempt:
 * - `permanent`: the same message will never go through (invalid or suppressed recipient,
 *   validation error): no retry;
 * - `rate-limit`: a rate or daily limit; retried once it resets (`retryAfterSeconds`), not
 *   counted against the retries;
 * - `transient`: the service failed to take the message (5xx, refused connection): retried
 *   with backoff;
 * - `ambiguous`: nobody knows whether the message was taken (timeout, connection reset after
 *   the request went out): retried with the same idempotency key.
 */
export type FailureClass = 'permanent' | 'rate-limit' | 'transient' | 'ambiguous';

export interface MailTransportErrorOptions {
  cause?: unknown;
  kind?: FailureClass;
  retryAfterSeconds?: number;
  /** The failure is about the recipient (invalid, suppressed): stop mailing that address. */
  recipient?: boolean;
  /** The service's own error code (E_DAILY_LIMIT_EXCEEDED, HTTP 422, …). */
  code?: string;
}

/** Raised by transports; `message` says which service failed and how, `kind` what to do next. */
export class MailTransportError extends Error {
  override readonly name = 'MailTransportError';
  readonly kind: FailureClass;
  readonly retryAfterSeconds?: number;
  readonly recipient: boolean;
  readonly code?: string;
  constructor(message: string, options: MailTransportErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.kind = options.kind ?? 'transient';
    if (options.retryAfterSeconds !== undefined) this.retryAfterSeconds = options.retryAfterSeconds;
    this.recipient = options.recipient ?? false;
    if (options.code !== undefined) this.code = options.code;
  }
}

/** The class of any error a send raised: transports raise MailTransportError; anything else is transient. */
export function failureOf(error: unknown): { kind: FailureClass; retryAfterSeconds?: number; recipient: boolean; message: string; code?: string } {
  if (error instanceof MailTransportError) {
    return {
      kind: error.kind,
      recipient: error.recipient,
      ...(error.code !== undefined ? { code: error.code } : {}),
      message: `${error.name}: ${error.message}`,
      ...(error.retryAfterSeconds !== undefined ? { retryAfterSeconds: error.retryAfterSeconds } : {}),
    };
  }
  return { kind: 'transient', recipient: false, message: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
}

/** Seconds until the next UTC midnight: when a daily sending limit resets. */
export function secondsUntilUtcMidnight(now = new Date()): number {
  const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1);
  return Math.max(1, Math.ceil((midnight - now.getTime()) / 1000));
}

/** `Retry-After` as seconds: a number of seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Math.max(0, Number(trimmed));
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000));
}

/** Raised when the mail configuration is unusable (missing sender, unknown transport, no API key). */
export class MailConfigError extends Error {
  override readonly name = 'MailConfigError';
}

export interface Mailbox {
  name?: string;
  email: string;
}

const ANGLE_ADDR = /^\s*(?:"?([^"<>]*?)"?\s*)?<([^<>\s]+@[^<>\s]+)>\s*$/;
const BARE_ADDR = /^\s*([^<>\s"]+@[^<>\s"]+)\s*$/;

/** Parses `Name <a@b.c>`, `"Name" <a@b.c>` or `a@b.c`; undefined when it is neither. */
export function parseMailbox(value: string): Mailbox | undefined {
  if (/[\r\n]/.test(value)) return undefined;
  const angle = ANGLE_ADDR.exec(value);
  if (angle) {
    const name = angle[1]?.trim();
    return name ? { name, email: angle[2]! } : { email: angle[2]! };
  }
  const bare = BARE_ADDR.exec(value);
  return bare ? { email: bare[1]! } : undefined;
}

/**
 * Refuses header names/values that could smuggle extra headers (CR/LF) or are not tokens.
 * Transports call it so no caller can inject headers through a subject or a header value.
 */
export function assertSafeMessage(message: MailMessage): void {
  const singleLine: Array<[string, string | undefined]> = [
    ['from', message.from],
    ['to', message.to],
    ['subject', message.subject],
    ['replyTo', message.replyTo],
  ];
  for (const [name, value] of singleLine) {
    if (value !== undefined && /[\r\n\0]/.test(value)) {
      throw new MailTransportError(`refusing to send: ${name} contains a line break`, { kind: 'permanent', recipient: name === 'to' });
    }
  }
  for (const [name, value] of Object.entries(message.headers ?? {})) {
    if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) {
      throw new MailTransportError(`refusing to send: invalid header name ${JSON.stringify(name)}`, { kind: 'permanent' });
    }
    if (/[\r\n\0]/.test(value)) {
      throw new MailTransportError(`refusing to send: header ${name} contains a line break`, { kind: 'permanent' });
    }
  }
}

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
}

export interface SentMail {
  /** Message id reported by the transport, when it reports one. */
  id?: string;
}

/** A way to hand a message to a mail service. */
export interface MailTransport {
  readonly name: string;
  send(message: MailMessage): Promise<SentMail>;
}

/** Raised by transports; `message` says which service failed and how. */
export class MailTransportError extends Error {
  override readonly name = 'MailTransportError';
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
      throw new MailTransportError(`refusing to send: ${name} contains a line break`);
    }
  }
  for (const [name, value] of Object.entries(message.headers ?? {})) {
    if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) {
      throw new MailTransportError(`refusing to send: invalid header name ${JSON.stringify(name)}`);
    }
    if (/[\r\n\0]/.test(value)) {
      throw new MailTransportError(`refusing to send: header ${name} contains a line break`);
    }
  }
}

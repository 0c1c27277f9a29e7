import { type MailMessage, type MailTransport, MailTransportError, assertSafeMessage, parseRetryAfter } from './message';

/** How long one API call may take before it counts as failed (and is retried). */
export const SEND_TIMEOUT_MS = 30_000;
/** A 429 without a usable Retry-After is tried again after this long. */
const DEFAULT_RATE_LIMIT_SECONDS = 60;

export interface HttpTransportOptions {
  /** Endpoint that accepts one message as JSON, e.g. https://api.resend.com/emails. */
  url: string;
  apiKey: string;
  /** Injected for tests; the global fetch otherwise. */
  fetch?: typeof fetch;
  /** Per-call timeout (SEND_TIMEOUT_MS by default). */
  timeoutMs?: number;
  /**
   * Whether the API delivers one message per `Idempotency-Key` (Resend does; default true).
   * An API that ignores the header must say so (`MAIL_API_IDEMPOTENCY = "false"`): a retry after
   * an ambiguous attempt is then recorded as a possible duplicate.
   */
  deduplicates?: boolean;
}

/**
 * A 409 to a request that carried an idempotency key. Resend answers
 * `invalid_idempotent_request` when the key was already used (with another body): the first
 * request under it was taken, so the message is out. `concurrent_idempotent_requests`: the
 * first request is still being processed; nobody knows yet (ambiguous, retried with the key).
 */
function idempotencyConflict(body: string): 'accepted' | 'in-progress' {
  return /concurrent_idempotent_requests|in progress/i.test(body) ? 'in-progress' : 'accepted';
}

/**
 * What an API answer means. 2xx: taken. 429: rate limited (Retry-After). 409 (without an
 * idempotency key: see `httpTransport` for one with a key): transient. 400/422 and other 4xx:
 * the message will never be taken as it is (permanent; about the recipient when the API says
 * so). 401/403: our key is refused — a configuration problem, not the recipient's: transient,
 * so nobody is marked for it. 5xx: the API failed (transient).
 */
export function classifyHttpFailure(status: number, body: string, retryAfter: string | null): MailTransportError {
  const detail = `answered ${status}: ${body.slice(0, 300)}`;
  if (status === 429) {
    return new MailTransportError(`mail API rate limit: ${detail}`, {
      kind: 'rate-limit',
      retryAfterSeconds: parseRetryAfter(retryAfter) ?? DEFAULT_RATE_LIMIT_SECONDS,
      code: 'HTTP_429',
    });
  }
  if (status === 401 || status === 403) return new MailTransportError(`mail API refused the API key (check MAIL_API_KEY): ${detail}`, { kind: 'transient', code: `HTTP_${status}` });
  if (status === 408 || status === 409 || status >= 500) return new MailTransportError(`mail API ${detail}`, { kind: 'transient', code: `HTTP_${status}` });
  // 400, 404, 413, 422, …: the API will never take this message.
  const aboutRecipient = /\bto\b|recipient|address|mailbox|suppress/i.test(body);
  return new MailTransportError(`mail API ${detail}`, { kind: 'permanent', recipient: aboutRecipient, code: `HTTP_${status}` });
}

/**
 * An HTTP email API in the Resend style: `POST url` with a bearer key and
 * `{ from, to: [..], subject, html, text, reply_to, headers }`, answering `{ id }`.
 * Every message carries its idempotency key as the `Idempotency-Key` header, so a retry after a
 * timeout is delivered once. For accounts without Cloudflare Email Service.
 */
export function httpTransport(options: HttpTransportOptions): MailTransport {
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const timeoutMs = options.timeoutMs ?? SEND_TIMEOUT_MS;
  return {
    name: 'http',
    deduplicates: options.deduplicates ?? true,
    async send(message: MailMessage) {
      assertSafeMessage(message);
      const body = {
        from: message.from,
        to: [message.to],
        subject: message.subject,
        html: message.html,
        text: message.text,
        ...(message.replyTo ? { reply_to: message.replyTo } : {}),
        ...(message.headers && Object.keys(message.headers).length > 0 ? { headers: message.headers } : {}),
      };
      let response: Response;
      let raw: string;
      try {
        // A hung API must not hold a digest batch past its claim (src/digest/store.ts): the
        // timeout covers the answer's body too.
        const signal = AbortSignal.timeout(timeoutMs);
        response = await doFetch(options.url, {
          method: 'POST',
          headers: {
            Authorization: `Bearer ${options.apiKey}`,
            'Content-Type': 'application/json',
            Accept: 'application/json',
            ...(message.idempotencyKey ? { 'Idempotency-Key': message.idempotencyKey } : {}),
          },
          body: JSON.stringify(body),
          signal,
        });
        raw = await response.text();
      } catch (error) {
        // The request may have reached the API (a timeout, a reset): nobody knows whether the
        // message was taken. The retry carries the same Idempotency-Key.
        const what = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
        throw new MailTransportError(`mail API ${options.url} gave no answer (${what})`, { cause: error, kind: 'ambiguous' });
      }
      if (response.status === 409 && message.idempotencyKey) {
        // The key was used before: with Tidings' keys (one per message, one body per key) that
        // is an earlier attempt of this very message, which the API took.
        if (idempotencyConflict(raw) === 'accepted') return { alreadyAccepted: true };
        throw new MailTransportError(`mail API is still processing an earlier attempt under this key: answered 409: ${raw.slice(0, 300)}`, { kind: 'ambiguous', code: 'HTTP_409' });
      }
      if (!response.ok) throw classifyHttpFailure(response.status, raw, response.headers.get('Retry-After'));
      try {
        const parsed: unknown = JSON.parse(raw);
        if (parsed && typeof parsed === 'object' && 'id' in parsed && typeof parsed.id === 'string') return { id: parsed.id };
      } catch {
        // A 2xx without a JSON body still means the message was accepted.
      }
      return {};
    },
  };
}

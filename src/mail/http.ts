import { type MailMessage, type MailTransport, MailTransportError, assertSafeMessage } from './message';


/** How long one API call may take before it counts as failed (and is retried). */
export const SEND_TIMEOUT_MS = 30_000;

export interface HttpTransportOptions {
  /** Endpoint that accepts one message as JSON, e.g. https://api.resend.com/emails. */
  url: string;
  apiKey: string;
  /** Injected for tests; the global fetch otherwise. */
  fetch?: typeof fetch;
}

/**
 * An HTTP email API in the Resend style: `POST url` with a bearer key and
 * `{ from, to: [..], subject, html, text, reply_to, headers }`, answering `{ id }`.
 * For accounts without Cloudflare Email Service.
 */
export function httpTransport(options: HttpTransportOptions): MailTransport {
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  return {
    name: 'http',
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
      try {
        response = await doFetch(options.url, {
          method: 'POST',
          headers: {
            Authorization: `Bearer ${options.apiKey}`,
            'Content-Type': 'application/json',
            Accept: 'application/json',
          },
          body: JSON.stringify(body),
          // A hung API must not hold a digest batch past its claim (src/digest/store.ts).
          signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
        });
      } catch (error) {
        throw new MailTransportError(`mail API ${options.url} unreachable: ${error instanceof Error ? error.message : String(error)}`, {
          cause: error,
        });
      }
      const raw = await response.text();
      if (!response.ok) {
        // The API's own explanation is the most useful thing to log; keep it short.
        throw new MailTransportError(`mail API ${options.url} answered ${response.status}: ${raw.slice(0, 300)}`);
      }
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

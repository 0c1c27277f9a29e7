import { type MailMessage, type MailTransport, MailConfigError, MailTransportError, assertSafeMessage, parseMailbox } from './message';

/**
 * Cloudflare Email Service through the `send_email` binding. The binding takes a structured
 * message ({ from, to, subject, html, text, replyTo, headers }) and builds the MIME itself, so
 * no MIME library is needed; `wrangler dev` simulates it and writes the parts to disk.
 */
export function sendEmailTransport(binding: SendEmail): MailTransport {
  return {
    name: 'send_email',
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
        throw new MailTransportError(`send_email binding failed: ${error instanceof Error ? error.message : String(error)}`, {
          cause: error,
        });
      }
    },
  };
}

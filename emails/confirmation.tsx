/**
 * The double opt-in email: "confirm that you want these updates". Sent to new, pending and
 * returning (previously unsubscribed) addresses; it carries the 7-day confirmation link.
 */
import { EmailButton, EmailLayout, renderEmailHtml, textEmail } from './layout';
import type { RenderedEmail, SubscriptionEmailProps } from './types';

export interface ConfirmationEmailProps extends SubscriptionEmailProps {
  confirmUrl: string;
  /** How long the confirmation link works, in days. */
  validDays: number;
}

export async function renderConfirmationEmail(props: ConfirmationEmailProps): Promise<RenderedEmail> {
  const subject = `Confirm your subscription to ${props.siteTitle}`;
  const footer = {
    reason: `You get this email because somebody asked to subscribe ${props.address} to ${props.siteTitle}. If it was not you, ignore it: without confirmation you will get nothing else.`,
    unsubscribeUrl: props.unsubscribeUrl,
  };
  const html = await renderEmailHtml(
    <EmailLayout
      title="Confirm your subscription"
      preheader={`One click to start receiving ${props.siteTitle} by email.`}
      siteTitle={props.siteTitle}
      siteUrl={props.siteUrl}
      footer={footer}
    >
      <p style="margin:0 0 12px 0;">
        Please confirm that <strong>{props.address}</strong> should receive weekly email updates about:
      </p>
      <ul style="margin:0 0 12px 0;padding-left:22px;">
        {props.scopes.map((scope) => (
          <li>{scope}</li>
        ))}
      </ul>
      <EmailButton href={props.confirmUrl}>Confirm my subscription</EmailButton>
      <p style="margin:0 0 12px 0;font-size:14px;color:#57606a;">
        The button works for {props.validDays} days. If it does not open, copy this address into your browser:
        <br />
        <a href={props.confirmUrl} style="color:#0969da;word-break:break-all;">
          {props.confirmUrl}
        </a>
      </p>
    </EmailLayout>,
  );
  const text = textEmail(
    [
      'Confirm your subscription',
      `Please confirm that ${props.address} should receive weekly email updates of ${props.siteTitle} about:\n${props.scopes
        .map((s) => `- ${s}`)
        .join('\n')}`,
      `Confirm by opening this link (it works for ${props.validDays} days):\n${props.confirmUrl}`,
    ],
    footer,
  );
  return { subject, html, text };
}

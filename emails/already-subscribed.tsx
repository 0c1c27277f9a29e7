/**
 * Sent instead of a confirmation when an already active subscriber asks to subscribe again:
 * the answer on the website stays the same (no enumeration) and the mailbox owner gets their
 * preferences link, the only way to change an active subscription.
 */
import { EmailButton, EmailLayout, renderEmailHtml, textEmail } from './layout';
import type { RenderedEmail, SubscriptionEmailProps } from './types';

export interface AlreadySubscribedEmailProps extends SubscriptionEmailProps {
  preferencesUrl: string;
  /** How long the preferences link works, in days. */
  validDays: number;
}

export async function renderAlreadySubscribedEmail(props: AlreadySubscribedEmailProps): Promise<RenderedEmail> {
  const subject = `You are already subscribed to ${props.siteTitle}`;
  const footer = {
    reason: `You get this email because somebody asked to subscribe ${props.address} to ${props.siteTitle}, which already receives it.`,
    unsubscribeUrl: props.unsubscribeUrl,
    preferencesUrl: props.preferencesUrl,
  };
  const html = await renderEmailHtml(
    <EmailLayout
      title="You are already subscribed"
      preheader="Nothing changed. Change what you follow from your preferences page."
      siteTitle={props.siteTitle}
      siteUrl={props.siteUrl}
      footer={footer}
    >
      <p style="margin:0 0 12px 0;">
        <strong>{props.address}</strong> already receives weekly email updates about:
      </p>
      <ul style="margin:0 0 12px 0;padding-left:22px;">
        {props.scopes.map((scope) => (
          <li>{scope}</li>
        ))}
      </ul>
      <p style="margin:0 0 12px 0;">Nothing has changed. To follow something else, or to stop, open your preferences:</p>
      <EmailButton href={props.preferencesUrl}>Open my preferences</EmailButton>
      <p style="margin:0 0 12px 0;font-size:14px;color:#57606a;">The link works for {props.validDays} days.</p>
    </EmailLayout>,
  );
  const text = textEmail(
    [
      'You are already subscribed',
      `${props.address} already receives weekly email updates of ${props.siteTitle} about:\n${props.scopes.map((s) => `- ${s}`).join('\n')}`,
      `Nothing has changed. To follow something else, or to stop, open your preferences (the link works for ${props.validDays} days):\n${props.preferencesUrl}`,
    ],
    footer,
  );
  return { subject, html, text };
}

/** Email templates (hono/jsx): each renders { subject, html, text } from plain props. */
export { EmailLayout, EmailButton, renderEmailHtml, textEmail, textFooter, type EmailFooterLinks, type EmailLayoutProps } from './layout';
export type { RenderedEmail, SubscriptionEmailProps } from './types';
export { renderConfirmationEmail, type ConfirmationEmailProps } from './confirmation';
export { renderAlreadySubscribedEmail, type AlreadySubscribedEmailProps } from './already-subscribed';

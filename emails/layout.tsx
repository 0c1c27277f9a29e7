/**
 * The shared frame of every Tidings email: a single centred column with inline styles (mail
 * clients ignore <style> blocks and external CSS), a footer with the subscriber's links, and
 * helpers for the plain-text twin every message carries.
 */
import type { Child, FC } from 'hono/jsx';
import type { JSX } from 'hono/jsx/jsx-runtime';

export interface EmailFooterLinks {
  /** Why the reader gets this email, one sentence. */
  reason: string;
  unsubscribeUrl?: string;
  preferencesUrl?: string;
}

export interface EmailLayoutProps {
  /** <title> and the heading of the message. */
  title: string;
  /** Short text most clients show next to the subject in the inbox list. */
  preheader?: string;
  siteTitle: string;
  siteUrl: string;
  footer: EmailFooterLinks;
  children?: Child;
}

const font = "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";

export const EmailLayout: FC<EmailLayoutProps> = ({ title, preheader, siteTitle, siteUrl, footer, children }) => (
  <html lang="en">
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <meta name="color-scheme" content="light" />
      <title>{title}</title>
    </head>
    <body style={`margin:0;padding:0;background:#f4f5f7;font-family:${font};color:#1f2328;`}>
      {preheader ? (
        <div style="display:none;max-height:0;overflow:hidden;mso-hide:all;" aria-hidden="true">
          {preheader}
        </div>
      ) : null}
      <div role="main">
        <table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f4f5f7;">
        <tr>
          <td align="center" style="padding:24px 12px;">
            <table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:600px;background:#ffffff;border-radius:8px;">
              <tr>
                <td style="padding:20px 28px 0 28px;font-size:14px;color:#57606a;">
                  <a href={siteUrl} style="color:#57606a;text-decoration:none;font-weight:600;">
                    {siteTitle}
                  </a>
                </td>
              </tr>
              <tr>
                <td style="padding:8px 28px 24px 28px;font-size:16px;line-height:1.5;">
                  <h1 style="font-size:22px;line-height:1.3;margin:12px 0 16px 0;">{title}</h1>
                  {children}
                </td>
              </tr>
              <tr>
                <td style="padding:16px 28px 24px 28px;border-top:1px solid #d0d7de;font-size:13px;line-height:1.5;color:#57606a;">
                  <p style="margin:0 0 8px 0;">{footer.reason}</p>
                  {footer.preferencesUrl || footer.unsubscribeUrl ? (
                    <p style="margin:0;">
                      {footer.preferencesUrl ? (
                        <a href={footer.preferencesUrl} style="color:#57606a;">
                          Change what you follow
                        </a>
                      ) : null}
                      {footer.preferencesUrl && footer.unsubscribeUrl ? ' · ' : null}
                      {footer.unsubscribeUrl ? (
                        <a href={footer.unsubscribeUrl} style="color:#57606a;">
                          Unsubscribe
                        </a>
                      ) : null}
                    </p>
                  ) : null}
                </td>
              </tr>
            </table>
          </td>
        </tr>
      </table>
        </div>
    </body>
  </html>
);

/** A call-to-action link that looks like a button in every client (a plain link underneath). */
export const EmailButton: FC<{ href: string; children?: Child }> = ({ href, children }) => (
  <table role="presentation" cellpadding="0" cellspacing="0" style="margin:20px 0;">
    <tr>
      <td style="background:#0969da;border-radius:6px;">
        <a href={href} style="display:inline-block;padding:12px 22px;color:#ffffff;text-decoration:none;font-weight:600;">
          {children}
        </a>
      </td>
    </tr>
  </table>
);

/** Renders an email component to a complete HTML document. */
export async function renderEmailHtml(element: JSX.Element): Promise<string> {
  // A hono/jsx node renders through toString(), which is async when a component is.
  return `<!doctype html>${await element.toString()}`;
}

/** Wraps text at `width` columns; words longer than a line (URLs) stay whole on their own line. */
export function wrap(text: string, width = 72, indent = ''): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line === '') line = indent + word;
    else if (line.length + 1 + word.length <= width) line += ` ${word}`;
    else {
      lines.push(line);
      line = indent + word;
    }
  }
  if (line) lines.push(line);
  return lines.join('\n');
}

/** The plain-text footer matching EmailLayout's, wrapped at 72 columns. */
export function textFooter(footer: EmailFooterLinks): string {
  const lines = ['--', wrap(footer.reason)];
  // Links on lines of their own: a long link is never broken by the wrapping.
  if (footer.preferencesUrl) lines.push(`Change what you follow:\n${footer.preferencesUrl}`);
  if (footer.unsubscribeUrl) lines.push(`Unsubscribe:\n${footer.unsubscribeUrl}`);
  return lines.join('\n');
}

/** A plain-text email body: blocks separated by blank lines, then the footer. */
export function textEmail(blocks: readonly string[], footer: EmailFooterLinks): string {
  return `${[...blocks, textFooter(footer)].join('\n\n')}\n`;
}

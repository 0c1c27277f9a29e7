/**
 * Headers every digest email carries (RFC 2919 List-Id, RFC 5064 Archived-At, RFC 5322
 * Message-ID). The Message-ID is derived from (digest, subscriber) only, so every attempt at
 * the same message carries the same one; it doubles as the idempotency key of the send.
 */

/** True when a value can go into a header as it is: one line, printable, no NUL. */
export function isHeaderSafe(value: string): boolean {
  return !/[\r\n\0]/.test(value);
}

function hostOf(siteUrl: string): string {
  try {
    return new URL(siteUrl).hostname || 'localhost';
  } catch {
    return 'localhost';
  }
}

/** `<digest.{host}>` with the site title as the list's description (RFC 2919). */
export function listId(siteUrl: string, siteTitle: string): string {
  const host = hostOf(siteUrl);
  // The phrase is quoted; quotes and backslashes inside it are escaped, line breaks dropped.
  const phrase = siteTitle.replace(/[\r\n\0]/g, ' ').replace(/["\\]/g, (c) => `\\${c}`).trim();
  return `${phrase ? `"${phrase}" ` : ''}<digest.${host}>`;
}

/** `<tidings.digest-{id}.subscriber-{id}@{host}>`: one per (digest, subscriber). */
export function digestMessageId(siteUrl: string, digestId: number, subscriberId: number): string {
  return `<tidings.digest-${digestId}.subscriber-${subscriberId}@${hostOf(siteUrl)}>`;
}

export function digestHeaders(options: { siteUrl: string; siteTitle: string; digestId: number; subscriberId: number; webUrl: string }): Record<string, string> {
  return {
    'Message-ID': digestMessageId(options.siteUrl, options.digestId, options.subscriberId),
    'List-Id': listId(options.siteUrl, options.siteTitle),
    'Archived-At': `<${options.webUrl}>`,
  };
}

/** `<tidings.{kind}-{id}@{host}>`: one per outbox row (src/mail/outbox.ts), also its idempotency key. */
export function outboxMessageId(siteUrl: string, kind: string, id: number): string {
  return `<tidings.${kind}-${id}@${hostOf(siteUrl)}>`;
}

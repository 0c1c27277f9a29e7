/**
 * Email address validation for subscriptions: what RFC 5321 lets a mail server accept, minus
 * the rarely used forms (quoted local parts, address literals) that only serve abuse here.
 */

/** RFC 5321 §4.5.3.1: local part ≤ 64 octets, domain ≤ 255, forward-path ≤ 256 with brackets. */
export const MAX_LOCAL_PART = 64;
export const MAX_ADDRESS = 254;
export const MAX_DOMAIN = 253;
export const MAX_LABEL = 63;

// RFC 5321 Dot-string: atoms of atext joined by single dots.
const ATEXT = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";
const DOT_STRING = new RegExp(`^${ATEXT}(?:\\.${ATEXT})*$`);
const LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$/;

export type AddressResult = { ok: true; address: string } | { ok: false; reason: string };

const encoder = new TextEncoder();

/**
 * Checks an address and returns it normalised (surrounding spaces trimmed, domain lower-cased).
 * The reason says what was wrong, in words a subscriber understands.
 */
export function validateAddress(input: string): AddressResult {
  // Header injection first: a CR or LF anywhere (even trailing) is refused, never trimmed away.
  if (/[\r\n]/.test(input)) return { ok: false, reason: 'must not contain line breaks' };
  if (/[\u0000-\u001f\u007f]/.test(input)) return { ok: false, reason: 'must not contain control characters' };
  const value = input.trim();
  if (value === '') return { ok: false, reason: 'is required' };
  if (encoder.encode(value).length > MAX_ADDRESS) {
    return { ok: false, reason: `is too long (at most ${MAX_ADDRESS} characters)` };
  }
  if (/\s/.test(value)) return { ok: false, reason: 'must not contain spaces' };
  const at = value.lastIndexOf('@');
  if (at < 0) return { ok: false, reason: 'needs an @ between name and domain' };
  const local = value.slice(0, at);
  const domain = value.slice(at + 1);
  if (local === '') return { ok: false, reason: 'needs a name before the @' };
  if (domain === '') return { ok: false, reason: 'needs a domain after the @' };
  if (encoder.encode(local).length > MAX_LOCAL_PART) {
    return { ok: false, reason: `has a name part longer than ${MAX_LOCAL_PART} characters` };
  }
  if (!DOT_STRING.test(local)) {
    return { ok: false, reason: 'has characters or dots in the name part that mail servers do not accept' };
  }
  if (domain.length > MAX_DOMAIN) return { ok: false, reason: `has a domain longer than ${MAX_DOMAIN} characters` };
  const labels = domain.split('.');
  if (labels.length < 2) return { ok: false, reason: 'needs a full domain such as example.com' };
  for (const label of labels) {
    if (label.length > MAX_LABEL) return { ok: false, reason: `has a domain label longer than ${MAX_LABEL} characters` };
    if (!LABEL.test(label)) return { ok: false, reason: 'has a domain that is not a valid host name' };
  }
  if (/^[0-9]+$/.test(labels[labels.length - 1]!)) return { ok: false, reason: 'needs a domain name, not an IP address' };
  return { ok: true, address: `${local}@${domain.toLowerCase()}` };
}

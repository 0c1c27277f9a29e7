/**
 * Makes every link of sanitized HTML absolute. Feed readers resolve relative links against
 * the feed's URL or not at all, so `/docs/x` written in an update must leave as
 * `https://site/docs/x`. The HTML comes from the build's sanitizer (hast-util-to-html), so
 * tags are well-formed and attribute values double-quoted; text never contains a raw `<`.
 */

const URL_ATTRIBUTES = new Set(['href', 'src', 'cite', 'longdesc', 'poster', 'action']);
const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

// One start tag, attribute by attribute: values may contain `>` but never `"`.
const START_TAG = /<([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s"'>\/=]+(?:\s*=\s*"[^"]*")?)*)\s*(\/?)>/g;
const ATTRIBUTE = /(\s+)([^\s"'>\/=]+)(?:(\s*=\s*)"([^"]*)")?/g;

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeAttribute(value: string): string {
  return value.replace(/&(?:#x([0-9a-f]+)|#(\d+)|([a-z]+));?/gi, (whole, hex: string, dec: string, name: string) => {
    if (hex || dec) {
      const code = parseInt(hex ?? dec, hex ? 16 : 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    }
    return NAMED[name.toLowerCase()] ?? whole;
  });
}

function encodeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Resolves a link against the site: fragments (`#x`) against `pageUrl`, everything else
 * against `siteUrl` + `/`. Returns undefined for anything that is not http(s) or mailto.
 */
export function resolveLink(href: string, siteUrl: string, pageUrl: string): string | undefined {
  const trimmed = href.trim();
  if (trimmed === '') return pageUrl;
  let url: URL;
  try {
    url = new URL(trimmed, trimmed.startsWith('#') ? pageUrl : `${siteUrl}/`);
  } catch {
    return undefined;
  }
  return SAFE_PROTOCOLS.has(url.protocol) ? url.href : undefined;
}

/**
 * Rewrites every URL attribute of `html` to an absolute http(s)/mailto URL; attributes whose
 * URL is unusable (another protocol, unparsable) are dropped, never passed on.
 */
export function absolutizeHtml(html: string, siteUrl: string, pageUrl: string): string {
  if (!html.includes('=')) return html;
  return html.replace(START_TAG, (tag, name: string, attributes: string, selfClosing: string) => {
    if (!attributes) return tag;
    let changed = false;
    const rewritten = attributes.replace(ATTRIBUTE, (attr, space: string, attrName: string, eq: string | undefined, value: string | undefined) => {
      if (value === undefined || !URL_ATTRIBUTES.has(attrName.toLowerCase())) return attr;
      const original = decodeAttribute(value);
      const resolved = resolveLink(original, siteUrl, pageUrl);
      if (resolved === original) return attr;
      changed = true;
      return resolved === undefined ? '' : `${space}${attrName}${eq}"${encodeAttribute(resolved)}"`;
    });
    return changed ? `<${name}${rewritten}${selfClosing ? ' /' : ''}>` : tag;
  });
}

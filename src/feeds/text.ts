/**
 * Text hygiene shared by every format: characters XML cannot carry, HTML escaping, and
 * the summary sentence of an entry.
 */

// XML 1.0 allows tab, LF, CR and U+0020 upwards minus surrogates, U+FFFE and U+FFFF;
// DEL and the C1 controls are allowed but mean nothing in a report: drop them too.
const NOT_IN_FEEDS = /[^\t\n\r\u0020-\u007E\u00A0-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

// What may need removing, found without the Unicode mode (surrogate pairs included): a
// fraction of the cost of the replace over a page or a feed, where there is nothing to remove.
const SUSPECT = /[\0-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\uD800-\uDFFF\uFFFE\uFFFF]/;

/** Removes control characters, lone surrogates and non-characters. */
export function cleanText(text: string): string {
  return SUSPECT.test(text) ? text.replace(NOT_IN_FEEDS, '') : text;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/** Shortens `text` to at most `max` characters at a word boundary, with an ellipsis. */
export function truncate(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  // Never cut a surrogate pair in half.
  const cut = flat.slice(0, max - 1).replace(/[\uD800-\uDBFF]$/, '');
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/, '')}…`;
}

/** "1 risk", "3 risks". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

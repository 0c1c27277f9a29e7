/**
 * Remote images in report HTML become links before it reaches a digest email or its web copy:
 * an image fetched from somebody else's server when the mail is opened tells that server who
 * read it and when (a tracking pixel). The reader can still follow the link.
 *
 * Works on the sanitized HTML the build produces (src/content/render.ts: quoted attributes,
 * no scripts), so a tag scanner is enough.
 */

const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*)\s*(\/?)>/g;
const ATTR = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g;

function attributes(source: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of source.matchAll(ATTR)) out.set(m[1]!.toLowerCase(), m[2] ?? m[3] ?? m[4] ?? '');
  return out;
}

/** Text for an HTML text node; `value` is an attribute value, still entity-encoded. */
const asText = (value: string) => value.replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Every `<img>` becomes a link to its source (`<a href="src">alt or "image"</a>`); inside a
 * link it becomes its alt text, so no link is nested in another. Only http(s) sources are
 * linked; other images are dropped to their alt text.
 */
export function imagesToLinks(html: string): string {
  if (!/<img\b/i.test(html)) return html;
  let inLink = 0;
  return html.replace(TAG, (whole, closing: string, name: string, attrs: string) => {
    const tag = name.toLowerCase();
    if (tag === 'a') {
      inLink = Math.max(0, inLink + (closing ? -1 : 1));
      return whole;
    }
    if (tag !== 'img' || closing) return whole;
    const a = attributes(attrs);
    const src = a.get('src') ?? '';
    const label = asText((a.get('alt') || a.get('title') || '').trim()) || 'image';
    if (inLink > 0 || !/^https?:\/\//i.test(src.replace(/&amp;/g, '&'))) return `[${label}]`;
    return `<a href="${src.replace(/"/g, '&quot;')}">[${label}]</a>`;
  });
}

/** A copy of a JSON-like value with `imagesToLinks` applied to every string under an `html` key. */
export function withoutRemoteImages<T>(value: T): T {
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) out[k] = k === 'html' && typeof x === 'string' ? imagesToLinks(x) : walk(x);
      return out;
    }
    return v;
  };
  return walk(value) as T;
}

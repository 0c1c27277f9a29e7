// REFERENCE IMPLEMENTATION, for test/publish/feed-reference.test.ts only: never imported by src.
// The post-processing f0b008b's writers applied to the `feed` package's output: the RSS and
// Atom history and hub links inserted after the self link (src/feeds/history.ts as of
// f0b008b) and the stylesheet instruction after the XML declaration (src/feeds/xsl.ts). The
// direct writers (src/feeds/formats) write both in place; these moved here when src stopped
// calling them. Otherwise unchanged: do not "fix" it, change the test instead.
import { FH_NAMESPACE, xmlLinks, type FeedLinks } from '../../../src/feeds/history';

function insertAfterSelf(xml: string, selfLink: RegExp, lines: string[], rootTag: RegExp, namespaced: boolean): string {
  if (lines.length === 0) return xml;
  const m = selfLink.exec(xml);
  if (!m) throw new Error('feed without a self link: cannot add history or hub links');
  const indent = /\n([ \t]*)$/.exec(xml.slice(0, m.index))?.[1] ?? '';
  const at = m.index + m[0].length;
  let out = `${xml.slice(0, at)}${lines.map((l) => `\n${indent}${l}`).join('')}${xml.slice(at)}`;
  if (namespaced) {
    const root = rootTag.exec(out);
    if (!root) throw new Error('unexpected feed root element');
    out = out.replace(root[0], `${root[0].slice(0, -1)} xmlns:fh="${FH_NAMESPACE}">`);
  }
  return out;
}

/** Adds history and hub links to an Atom document (after its `rel="self"` link). */
export function addAtomLinks(xml: string, links: FeedLinks): string {
  return insertAfterSelf(xml, /<link rel="self" href="[^"]*"\/>/, xmlLinks(links, 'link'), /<feed [^>]*>/, links.history?.archive === true);
}

/** Adds history and hub links to an RSS 2.0 document (atom:link, after the self link). */
export function addRssLinks(xml: string, links: FeedLinks): string {
  return insertAfterSelf(xml, /<atom:link href="[^"]*" rel="self"[^>]*\/>/, xmlLinks(links, 'atom:link'), /<rss [^>]*>/, links.history?.archive === true);
}

/** Adds the stylesheet processing instruction after the XML declaration. */
export function withStylesheet(xml: string, href: string | undefined): string {
  if (!href) return xml;
  const pi = `<?xml-stylesheet type="text/xsl" href="${href.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!)}"?>`;
  const m = /^<\?xml[^?]*\?>\s*/.exec(xml);
  return m ? `${m[0].trimEnd()}\n${pi}\n${xml.slice(m[0].length)}` : `${pi}\n${xml}`;
}

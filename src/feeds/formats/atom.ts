/** Feed document → Atom 1.0 (RFC 4287). */
import type { FeedDocument } from '../document';
import { escapeHtml } from '../text';
import { FH_NAMESPACE, xmlLinks } from '../history';
import { cdataText, escapeAttribute, forAttribute, hrefValue, prolog, quoted, sanitize, textElement } from './xml';

const I1 = '\n    ';
const I2 = '\n        ';
const I3 = '\n            ';

export function renderAtom(doc: FeedDocument): string {
  const parts: string[] = [];
  for (const entry of doc.entries) {
    // Entry titles and summaries are type="html": the plain text is escaped.
    const summary = cdataText(escapeHtml(entry.summary));
    const content = cdataText(entry.contentHtml);
    let out = `${I1}<entry>${I2}<title type="html"><![CDATA[${cdataText(escapeHtml(entry.title))}]]></title>`;
    out += `${I2}${textElement('id', sanitize(entry.id ?? entry.url))}`;
    out += `${I2}<link href="${hrefValue(entry.url)}"/>`;
    out += `${I2}<updated>${entry.updated.toISOString()}</updated>`;
    if (summary) out += `${I2}<summary type="html"><![CDATA[${summary}]]></summary>`;
    if (content) out += `${I2}<content type="html"><![CDATA[${content}]]></content>`;
    out += `${I2}<author>${I3}${textElement('name', entry.author)}${I2}</author>`;
    for (const c of entry.categories) out += `${I2}<category label="${quoted(forAttribute(c.label))}" scheme="${quoted(forAttribute(c.scheme))}" term="${quoted(forAttribute(c.term))}"/>`;
    out += `${I2}<published>${entry.published.toISOString()}</published>${I1}</entry>`;
    parts.push(out);
  }
  const links = xmlLinks({ ...(doc.history ? { history: doc.history.atom } : {}), ...(doc.hub ? { hub: doc.hub } : {}) }, 'link');
  // The language goes on the root element as xml:lang.
  let head = `${prolog(doc.stylesheet)}<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeAttribute(doc.language)}"`;
  if (doc.history?.atom.archive) head += ` xmlns:fh="${FH_NAMESPACE}"`;
  head += '>';
  head += `${I1}${textElement('id', doc.homeUrl)}`;
  head += `${I1}${textElement('title', doc.title)}`;
  head += `${I1}<updated>${doc.updated.toISOString()}</updated>`;
  head += `${I1}${textElement('generator', sanitize(doc.generator))}`;
  head += `${I1}<author>${I2}${textElement('name', doc.author)}${I1}</author>`;
  if (doc.homeUrl) head += `${I1}<link rel="alternate" href="${hrefValue(doc.homeUrl)}"/>`;
  head += `${I1}<link rel="self" href="${hrefValue(doc.feedUrls.atom)}"/>`;
  // History and hub links follow the self link.
  for (const line of links) head += `${I1}${line}`;
  if (doc.description) head += `${I1}${textElement('subtitle', doc.description)}`;
  return `${head}${parts.join('')}\n</feed>`;
}

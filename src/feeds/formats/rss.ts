/** Feed document → RSS 2.0 (with content:encoded, dc:creator and atom:link rel=self). */
import type { FeedDocument } from '../document';
import { escapeHtml } from '../text';
import { FH_NAMESPACE, xmlLinks } from '../history';
import { cdataText, forAttribute, hrefValue, prolog, quoted, sanitize, xmlText } from './xml';

const I2 = '\n        ';
const I3 = '\n            ';

export function renderRss(doc: FeedDocument): string {
  const parts: string[] = [];
  let withContent = false;
  for (const entry of doc.entries) {
    const title = cdataText(entry.title);
    // <description> is HTML by convention: the plain summary, escaped.
    const description = cdataText(escapeHtml(entry.summary));
    const content = cdataText(entry.contentHtml);
    let out = `${I2}<item>`;
    if (title) out += `${I3}<title><![CDATA[${title}]]></title>`;
    if (entry.url) out += `${I3}<link>${xmlText(sanitize(entry.url))}</link>`;
    if (entry.id) out += `${I3}<guid isPermaLink="false">${xmlText(entry.id)}</guid>`;
    else if (entry.url) out += `${I3}<guid isPermaLink="true">${xmlText(sanitize(entry.url))}</guid>`;
    // RSS has one date: pubDate, the week's.
    out += `${I3}<pubDate>${entry.published.toUTCString()}</pubDate>`;
    if (description) out += `${I3}<description><![CDATA[${description}]]></description>`;
    if (content) {
      withContent = true;
      out += `${I3}<content:encoded><![CDATA[${content}]]></content:encoded>`;
    }
    for (const c of entry.categories) out += `${I3}<category domain="${quoted(forAttribute(c.scheme))}">${xmlText(c.label)}</category>`;
    // <author> must be an email address in RSS; the team's name goes in dc:creator.
    out += `${I3}<dc:creator>${xmlText(entry.author)}</dc:creator>${I2}</item>`;
    parts.push(out);
  }
  const links = xmlLinks({ ...(doc.history ? { history: doc.history.rss } : {}), ...(doc.hub ? { hub: doc.hub } : {}) }, 'atom:link');
  let head = `${prolog(doc.stylesheet)}<rss version="2.0"`;
  if (withContent) head += ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/"';
  head += ' xmlns:atom="http://www.w3.org/2005/Atom"';
  if (doc.history?.rss.archive) head += ` xmlns:fh="${FH_NAMESPACE}"`;
  head += '>\n    <channel>';
  head += `${I2}<title>${xmlText(doc.title)}</title>`;
  head += `${I2}<link>${xmlText(sanitize(doc.homeUrl))}</link>`;
  head += `${I2}<description>${xmlText(doc.description)}</description>`;
  head += `${I2}<lastBuildDate>${doc.updated.toUTCString()}</lastBuildDate>`;
  head += `${I2}<docs>https://validator.w3.org/feed/docs/rss2.html</docs>`;
  head += `${I2}<generator>${xmlText(doc.generator)}</generator>`;
  if (doc.language) head += `${I2}<language>${xmlText(doc.language)}</language>`;
  head += `${I2}<atom:link href="${hrefValue(doc.feedUrls.rss)}" rel="self" type="application/rss+xml"/>`;
  for (const line of links) head += `${I2}${line}`;
  return `${head}${parts.join('')}\n    </channel>\n</rss>`;
}

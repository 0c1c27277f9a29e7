/** Feed document → RSS 2.0 (with content:encoded, dc:creator and atom:link rel=self). */
import { Feed } from 'feed';
import type { FeedDocument } from '../document';
import { escapeHtml } from '../text';
import { addRssLinks } from '../history';
import { closeCdata, forAttribute, forCdata } from './xml';

export function renderRss(doc: FeedDocument): string {
  const feed = new Feed({
    id: doc.homeUrl,
    title: doc.title,
    description: doc.description,
    link: doc.homeUrl,
    feed: doc.feedUrls.rss,
    language: doc.language,
    updated: doc.updated,
    generator: doc.generator,
  });
  for (const entry of doc.entries) {
    feed.addItem({
      title: forCdata(entry.title),
      id: entry.id,
      link: entry.url,
      // RSS has one date: pubDate, the week's (feed writes `published` there).
      date: entry.updated,
      published: entry.published,
      // <description> is HTML by convention: the plain summary, escaped.
      description: forCdata(escapeHtml(entry.summary)),
      content: forCdata(entry.contentHtml),
      category: entry.categories.map((c) => ({ name: c.label, domain: forAttribute(c.scheme) })),
      // <author> must be an email address in RSS; the team's name goes in dc:creator.
      extensions: [{ name: 'dc:creator', objects: { _text: entry.author } }],
    });
  }
  return addRssLinks(closeCdata(feed.rss2()), { ...(doc.history ? { history: doc.history.rss } : {}), ...(doc.hub ? { hub: doc.hub } : {}) });
}

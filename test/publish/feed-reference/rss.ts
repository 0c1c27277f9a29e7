// REFERENCE IMPLEMENTATION, for test/publish/feed-reference.test.ts only: never imported by src.
// src/feeds/formats/rss.ts as of commit f0b008b, which wrote the feed through the `feed` package
// (5.2.1, with xml-js). Commit c59b4e8 replaced it with a direct string writer that is meant to
// write the same bytes; this copy is kept (and `feed` kept as a devDependency) so that the
// equivalence is a test that can fail. Changes from f0b008b: imports of src/feeds point at
// ../../../src/feeds/…. Otherwise unchanged: do not "fix" it, change the test instead.
/** Feed document → RSS 2.0 (with content:encoded, dc:creator and atom:link rel=self). */
import { Feed } from 'feed';
import type { FeedDocument } from '../../../src/feeds/document';
import { escapeHtml } from '../../../src/feeds/text';
import { addRssLinks, withStylesheet } from './links';
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
  return withStylesheet(addRssLinks(closeCdata(feed.rss2()), { ...(doc.history ? { history: doc.history.rss } : {}), ...(doc.hub ? { hub: doc.hub } : {}) }), doc.stylesheet);
}

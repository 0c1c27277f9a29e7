// REFERENCE IMPLEMENTATION, for test/publish/feed-reference.test.ts only: never imported by src.
// src/feeds/formats/atom.ts as of commit f0b008b, which wrote the feed through the `feed` package
// (5.2.1, with xml-js). Commit c59b4e8 replaced it with a direct string writer that is meant to
// write the same bytes; this copy is kept (and `feed` kept as a devDependency) so that the
// equivalence is a test that can fail. Changes from f0b008b: imports of src/feeds point at
// ../../../src/feeds/…. Otherwise unchanged: do not "fix" it, change the test instead.
/** Feed document → Atom 1.0 (RFC 4287). */
import { Feed } from 'feed';
import type { FeedDocument } from '../../../src/feeds/document';
import { escapeHtml } from '../../../src/feeds/text';
import { addAtomLinks, withStylesheet } from './links';
import { closeCdata, escapeAttribute, forAttribute, forCdata } from './xml';

const ATOM_ROOT = '<feed xmlns="http://www.w3.org/2005/Atom">';

export function renderAtom(doc: FeedDocument): string {
  const feed = new Feed({
    id: doc.homeUrl,
    title: doc.title,
    description: doc.description,
    link: doc.homeUrl,
    feed: doc.feedUrls.atom,
    updated: doc.updated,
    generator: doc.generator,
    author: { name: doc.author },
  });
  for (const entry of doc.entries) {
    feed.addItem({
      // feed writes entry titles and summaries as type="html": escape the plain text.
      title: forCdata(escapeHtml(entry.title)),
      id: entry.id,
      link: entry.url,
      date: entry.updated,
      published: entry.published,
      description: forCdata(escapeHtml(entry.summary)),
      content: forCdata(entry.contentHtml),
      author: [{ name: entry.author }],
      category: entry.categories.map((c) => ({ term: forAttribute(c.term), name: forAttribute(c.label), scheme: forAttribute(c.scheme) })),
    });
  }
  const xml = closeCdata(feed.atom1());
  // feed has no option for the language: it goes on the root element as xml:lang.
  if (!xml.includes(ATOM_ROOT)) throw new Error('unexpected Atom root element from the feed package');
  const rooted = xml.replace(ATOM_ROOT, `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeAttribute(doc.language)}">`);
  return withStylesheet(addAtomLinks(rooted, { ...(doc.history ? { history: doc.history.atom } : {}), ...(doc.hub ? { hub: doc.hub } : {}) }), doc.stylesheet);
}

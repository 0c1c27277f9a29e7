/** Feed document → Atom 1.0 (RFC 4287). */
import { Feed } from 'feed';
import type { FeedDocument } from '../document';
import { escapeHtml } from '../text';
import { addAtomLinks } from '../history';
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
  return addAtomLinks(rooted, { ...(doc.history ? { history: doc.history.atom } : {}), ...(doc.hub ? { hub: doc.hub } : {}) });
}

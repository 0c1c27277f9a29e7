// REFERENCE IMPLEMENTATION, for test/publish/feed-reference.test.ts only: never imported by src.
// src/feeds/formats/json.ts as of commit f0b008b, which wrote the feed through the `feed` package
// (5.2.1, with xml-js). Commit c59b4e8 replaced it with a direct string writer that is meant to
// write the same bytes; this copy is kept (and `feed` kept as a devDependency) so that the
// equivalence is a test that can fail. Changes from f0b008b: imports of src/feeds point at
// ../../../src/feeds/…. Otherwise unchanged: do not "fix" it, change the test instead.
/**
 * Feed document → JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/). The feed package
 * writes version 1 (`author`, no `language`); its output is lifted to 1.1 here field by field.
 */
import { Feed } from 'feed';
import type { FeedDocument } from '../../../src/feeds/document';
import { jsonFeedLinks } from '../../../src/feeds/history';

export interface JsonFeedItem {
  id: string;
  url: string;
  title: string;
  content_html: string;
  summary: string;
  date_published: string;
  date_modified: string;
  authors: { name: string }[];
  tags: string[];
}

export interface JsonFeed {
  version: 'https://jsonfeed.org/version/1.1';
  title: string;
  home_page_url: string;
  feed_url: string;
  description: string;
  language: string;
  authors: { name: string }[];
  /** Older items (RFC 5005 archives, see src/feeds/history.ts). */
  next_url?: string;
  hubs?: { type: string; url: string }[];
  _fh?: { archive: boolean; current?: string; prev_archive?: string; next_archive?: string };
  items: JsonFeedItem[];
}

interface JsonFeedV1Item {
  id: string;
  url: string;
  title: string;
  content_html: string;
  summary: string;
  date_published: string;
  date_modified: string;
  author?: { name?: string };
  tags?: string[];
}

export function renderJsonFeed(doc: FeedDocument): string {
  const feed = new Feed({
    id: doc.homeUrl,
    title: doc.title,
    description: doc.description,
    link: doc.homeUrl,
    feedLinks: { json: doc.feedUrls.json },
    updated: doc.updated,
    generator: doc.generator,
  });
  for (const entry of doc.entries) {
    feed.addItem({
      title: entry.title,
      id: entry.id,
      link: entry.url,
      date: entry.updated,
      published: entry.published,
      description: entry.summary,
      content: entry.contentHtml,
      author: [{ name: entry.author }],
      category: entry.categories.map((c) => ({ name: c.label })),
    });
  }
  const v1 = JSON.parse(feed.json1()) as { items: JsonFeedV1Item[] };
  const links = jsonFeedLinks({ ...(doc.history ? { history: doc.history.json } : {}), ...(doc.hub ? { hub: doc.hub } : {}) });
  const json: JsonFeed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: doc.title,
    home_page_url: doc.homeUrl,
    feed_url: doc.feedUrls.json,
    description: doc.description,
    language: doc.language,
    authors: [{ name: doc.author }],
    ...links,
    items: v1.items.map((item) => ({
      id: item.id,
      url: item.url,
      title: item.title,
      content_html: item.content_html,
      summary: item.summary,
      date_published: item.date_published,
      date_modified: item.date_modified,
      authors: item.author?.name ? [{ name: item.author.name }] : [],
      tags: item.tags ?? [],
    })),
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}

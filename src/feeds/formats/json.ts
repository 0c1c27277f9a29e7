/** Feed document → JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/), written directly. */
import type { FeedDocument } from '../document';
import { jsonFeedLinks } from '../history';

export interface JsonFeedItem {
  id: string;
  /** Left out when empty (as are `title` and `summary`, and `summary` when there is no content). */
  url?: string;
  title?: string;
  content_html: string;
  summary?: string;
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

export function renderJsonFeed(doc: FeedDocument): string {
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
    // Fields left out when empty, as the feed package (JSON Feed 1) left them out.
    items: doc.entries.map((entry) => ({
      id: entry.id,
      ...(entry.url ? { url: entry.url } : {}),
      ...(entry.title ? { title: entry.title } : {}),
      content_html: entry.contentHtml,
      ...(entry.summary && entry.contentHtml ? { summary: entry.summary } : {}),
      date_published: entry.published.toISOString(),
      date_modified: entry.updated.toISOString(),
      authors: entry.author ? [{ name: entry.author }] : [],
      tags: entry.categories.filter((c) => c.label).map((c) => c.label),
    })),
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}

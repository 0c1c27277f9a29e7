/**
 * Complete feed history (RFC 5005, Feed Paging and Archiving) and WebSub discovery links.
 *
 * A feed holds the newest N entries (FEED_ITEMS). Everything it ever had is in archive
 * documents of N entries each, numbered from the oldest: archive k holds entries
 * (k-1)·N … k·N-1 counted from the first week. Only full pages are archived, so adding weeks
 * never changes an archive that exists; the current feed always holds at least the entries
 * of the page being filled. The feed links its newest archive (`prev-archive`); each archive
 * is marked `<fh:archive/>` and links the current feed and its neighbours.
 */
import type { FeedFormat, FeedTarget } from './paths';
import { FEED_FILES, targetPagePath } from './paths';

export const FH_NAMESPACE = 'http://purl.org/syndication/history/1.0';

/** Number of archive documents of a feed with `entries` entries, `pageSize` per page. */
export function archiveCount(entries: number, pageSize: number): number {
  return entries > pageSize ? Math.floor(entries / pageSize) : 0;
}

/** Path of archive `page` (1 = oldest) of a target's feed. */
export function archivePath(target: FeedTarget, page: number, format: FeedFormat): string {
  const base = targetPagePath(target);
  return `${base === '/' ? '' : base}/archive/${page}/${FEED_FILES[format]}`;
}

/** The history links of one document, as absolute URLs of the document's own format. */
export interface HistoryLinks {
  /** This document is an archive (`fh:archive`). */
  archive: boolean;
  /** The current (subscription) feed: set on archives. */
  current?: string;
  /** The next older archive. */
  prevArchive?: string;
  /** The next newer archive (archives only). */
  nextArchive?: string;
}

export interface FeedLinks {
  history?: HistoryLinks;
  /** WebSub hub URL (WEBSUB_HUB), announced with the feed's self URL. */
  hub?: string;
}

function attr(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/** The hub and history link elements of a document, in the order they follow its self link. */
export function xmlLinks(links: FeedLinks, element: 'link' | 'atom:link'): string[] {
  const lines: string[] = [];
  if (links.hub) lines.push(`<${element} rel="hub" href="${attr(links.hub)}"/>`);
  const h = links.history;
  if (h) {
    if (h.archive) lines.push('<fh:archive/>');
    if (h.current) lines.push(`<${element} rel="current" href="${attr(h.current)}"/>`);
    if (h.prevArchive) lines.push(`<${element} rel="prev-archive" href="${attr(h.prevArchive)}"/>`);
    if (h.nextArchive) lines.push(`<${element} rel="next-archive" href="${attr(h.nextArchive)}"/>`);
  }
  return lines;
}

/**
 * JSON Feed: `next_url` points to older items (the spec's pagination), `hubs` lists the
 * WebSub hub; the RFC 5005 roles go in the `_fh` extension object.
 */
export function jsonFeedLinks(links: FeedLinks): Record<string, unknown> {
  const extra: Record<string, unknown> = {};
  if (links.history?.prevArchive) extra.next_url = links.history.prevArchive;
  if (links.hub) extra.hubs = [{ type: 'WebSub', url: links.hub }];
  const h = links.history;
  if (h && (h.archive || h.prevArchive)) {
    extra._fh = {
      archive: h.archive,
      ...(h.current ? { current: h.current } : {}),
      ...(h.prevArchive ? { prev_archive: h.prevArchive } : {}),
      ...(h.nextArchive ? { next_archive: h.nextArchive } : {}),
    };
  }
  return extra;
}

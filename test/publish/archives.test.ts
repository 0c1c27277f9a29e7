/**
 * Complete history (RFC 5005) in the static output, built in process from real history:
 * following `prev-archive` from each current feed, a feed parser (feedsmith) reads every
 * week exactly once; archives written at one week are byte-identical at every later week.
 */
import { parseAtomFeed, parseJsonFeed, parseRssFeed } from 'feedsmith';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite, readContentDir, type SiteModel } from '../../src/content';
import { renderSite, wranglerVars, type Published } from '../../src/publish/node';

const CORPUS = path.resolve(import.meta.dirname, '../../../shared/corpus');
const ROOT = path.resolve(import.meta.dirname, '../..');
const PAGE = 7;

async function vars(): Promise<Record<string, string>> {
  return { ...(await wranglerVars(path.join(ROOT, 'wrangler.toml'))), SITE_URL: 'https://updates.example.org', FEED_ITEMS: String(PAGE) };
}

function files(published: Published): Map<string, string> {
  return new Map(published.output.files.map((f) => [f.path, new TextDecoder().decode(f.bytes)]));
}

const local = (url: string) => new URL(url).pathname;

/** Entry ids a reader collects walking from a current feed through every prev-archive. */
function walk(out: Map<string, string>, start: string, format: 'rss' | 'atom' | 'json'): { ids: string[]; documents: number } {
  const ids: string[] = [];
  let documents = 0;
  for (let at: string | undefined = start; at; ) {
    const text = out.get(at);
    if (text === undefined) throw new Error(`${at} is linked but not published`);
    documents++;
    let prev: string | undefined;
    if (format === 'atom') {
      const feed = parseAtomFeed(text);
      ids.push(...(feed.entries ?? []).map((e) => e.id!));
      prev = feed.links?.find((l) => l.rel === 'prev-archive')?.href;
      if (documents > 1) expect(text).toContain('<fh:archive/>');
    } else if (format === 'rss') {
      const feed = parseRssFeed(text);
      ids.push(...(feed.items ?? []).map((i) => i.guid?.value ?? i.link!));
      prev = feed.atom?.links?.find((l) => l.rel === 'prev-archive')?.href;
      if (documents > 1) expect(text).toContain('<fh:archive/>');
    } else {
      const feed = parseJsonFeed(text);
      ids.push(...(feed.items ?? []).map((i) => i.id ?? ''));
      prev = (JSON.parse(text) as { next_url?: string }).next_url;
    }
    at = prev ? local(prev) : undefined;
  }
  return { ids, documents };
}

describe('feed archives (RFC 5005)', () => {
  it('lets a reader fetch every week of the site, the team and each milestone, in each format', async () => {
    const dir = await readContentDir(CORPUS);
    const { site } = buildSite(dir.updates, dir);
    const out = files(await renderSite(site, { vars: await vars() }));
    const targets: Array<{ feed: string; weeks: number }> = [
      { feed: '', weeks: site.updates.length },
      { feed: '/teams/waku', weeks: site.updates.length },
      ...site.milestones.filter((m) => m.weeks.length > PAGE).map((m) => ({ feed: `/milestones/${m.key}`, weeks: m.weeks.length })),
    ];
    expect(targets.length).toBeGreaterThan(3);
    for (const { feed, weeks } of targets) {
      for (const [format, file] of [['rss', 'feed.xml'], ['atom', 'atom.xml'], ['json', 'feed.json']] as const) {
        const { ids, documents } = walk(out, `${feed}/${file}`, format);
        // Every week at least once (the newest page overlaps the current feed), none missing.
        expect(new Set(ids).size, `${feed}/${file}`).toBe(weeks);
        expect(documents, `${feed}/${file}`).toBe(1 + Math.floor(weeks / PAGE));
      }
    }
  }, 120_000);

  it('never changes an archive once written, while weeks keep coming', async () => {
    const dir = await readContentDir(CORPUS);
    const dates = [...new Set(dir.updates.map((f) => /(\d{4}-\d{2}-\d{2})/.exec(f.path)?.[1] ?? ''))].sort();
    const asOf = (date: string): SiteModel => {
      const upTo = dir.updates.filter((f) => (/(\d{4}-\d{2}-\d{2})/.exec(f.path)?.[1] ?? '') <= date);
      return buildSite(upTo, dir).site;
    };
    const v = await vars();
    let before: Map<string, string> | undefined;
    let checked = 0;
    for (const date of [dates[20]!, dates[33]!, dates.at(-1)!]) {
      const out = files(await renderSite(asOf(date), { vars: v }));
      if (before) {
        for (const [p, text] of before) {
          if (!p.includes('/archive/')) continue;
          expect(out.get(p), `${p} changed between builds`).toBe(text);
          checked++;
        }
      }
      before = out;
    }
    expect(checked).toBeGreaterThan(20);
  }, 300_000);
});

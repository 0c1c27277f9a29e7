/**
 * The feed writers of src/feeds/formats (direct strings, commit c59b4e8) against the `feed`
 * package they replaced (test/publish/feed-reference/, f0b008b's writers): byte for byte, on
 * every feed document of two real models (sample and corpus, site, team and milestone feeds,
 * current documents and every archive page, with and without a WebSub hub) and on thousands
 * of seeded random hostile documents.
 *
 * The reference post-processes the `feed` package's output with withStylesheet and
 * addRssLinks / addAtomLinks (test/publish/feed-reference/links.ts), as f0b008b did.
 */
import { describe, expect, it } from 'vitest';
import type { SiteModel } from '../../src/content';
import { siteConfig, type ConfigVars, type SiteConfig } from '../../src/feeds/config';
import { entryCount, feedDocument, type FeedCategory, type FeedDocument, type FeedEntry } from '../../src/feeds/document';
import { renderAtom } from '../../src/feeds/formats/atom';
import { renderJsonFeed } from '../../src/feeds/formats/json';
import { renderRss } from '../../src/feeds/formats/rss';
import { archiveCount, type HistoryLinks } from '../../src/feeds/history';
import type { FeedFormat, FeedTarget } from '../../src/feeds/paths';
import { cleanText } from '../../src/feeds/text';
import { corpusBuild, sampleBuild } from '../content/helpers';
import { renderAtom as referenceAtom } from './feed-reference/atom';
import { renderJsonFeed as referenceJson } from './feed-reference/json';
import { renderRss as referenceRss } from './feed-reference/rss';

const WRITERS: { format: FeedFormat; current: (doc: FeedDocument) => string; reference: (doc: FeedDocument) => string }[] = [
  { format: 'rss', current: renderRss, reference: referenceRss },
  { format: 'atom', current: renderAtom, reference: referenceAtom },
  { format: 'json', current: renderJsonFeed, reference: referenceJson },
];

/** Where two documents first differ, with the text around it in both. */
function firstDifference(current: string, reference: string): string {
  let i = 0;
  const n = Math.min(current.length, reference.length);
  while (i < n && current.charCodeAt(i) === reference.charCodeAt(i)) i++;
  const line = current.slice(0, i).split('\n').length;
  const column = i - current.lastIndexOf('\n', i - 1);
  const around = (s: string) => JSON.stringify(s.slice(Math.max(0, i - 80), i)) + ' ▶ ' + JSON.stringify(s.slice(i, i + 80));
  return [
    `first difference at offset ${i} (line ${line}, column ${column}); lengths ${current.length} (current) and ${reference.length} (reference)`,
    `  current:   ${around(current)}`,
    `  reference: ${around(reference)}`,
  ].join('\n');
}

/** Renders `doc` in every format with both writers; a description of each mismatch (none when all agree). */
function compare(label: string, doc: FeedDocument, describeDoc?: () => string): string[] {
  const mismatches: string[] = [];
  for (const { format, current, reference } of WRITERS) {
    let ours: string;
    let theirs: string;
    try {
      ours = current(doc);
    } catch (e) {
      mismatches.push(`${label} ${format}: current writer threw ${String(e)}`);
      continue;
    }
    try {
      theirs = reference(doc);
    } catch (e) {
      mismatches.push(`${label} ${format}: reference writer threw ${String(e)}`);
      continue;
    }
    if (ours !== theirs) mismatches.push(`${label} ${format}: ${firstDifference(ours, theirs)}${describeDoc ? `\n  document: ${describeDoc()}` : ''}`);
  }
  return mismatches;
}

/** The first mismatches in full (all with FEED_REFERENCE_ALL=1), and how many there were. */
function report(mismatches: string[], compared: number): string {
  if (mismatches.length === 0) return '';
  return `${mismatches.length} of ${compared} renderings differ from the feed package's:\n\n${mismatches.slice(0, process.env.FEED_REFERENCE_ALL ? Infinity : 3).join('\n\n')}`;
}

// Two configurations: the shipped defaults, and one that makes archives of almost every feed
// (two entries a page), announces a hub and puts XML-significant characters everywhere a
// configuration value goes.
const CONFIGS: ConfigVars[] = [
  { SITE_URL: 'https://updates.example.com', SITE_TITLE: 'Tidings', SITE_DESCRIPTION: 'Weekly status reports', SITE_LANGUAGE: 'en', FEED_ITEMS: '50', CACHE_MAX_AGE: '300' },
  {
    SITE_URL: 'https://example.org/r&d/status',
    SITE_TITLE: 'R&D <status> ]]> &amp; "quoted"',
    SITE_DESCRIPTION: 'Reports & <b>news</b> ]]>',
    SITE_LANGUAGE: 'en-GB',
    FEED_ITEMS: '2',
    CACHE_MAX_AGE: '300',
    WEBSUB_HUB: 'https://hub.example.net/?topic=a&mode="b"',
  },
];

function targetsOf(site: SiteModel): { name: string; target: FeedTarget }[] {
  return [
    { name: 'site', target: { kind: 'site' } },
    ...site.teams.map((team) => ({ name: `team ${team.slug}`, target: { kind: 'team', team } as const })),
    ...site.milestones.map((milestone) => ({ name: `milestone ${milestone.key}`, target: { kind: 'milestone', milestone } as const })),
  ];
}

/** Every feed document the site serves under `config` at the default limit (and the site's and teams' at `?limit=1`), and every archive page. */
function* modelDocuments(site: SiteModel, config: SiteConfig): Generator<{ label: string; doc: FeedDocument }> {
  for (const { name, target } of targetsOf(site)) {
    yield { label: `${name} (limit ${config.defaultLimit})`, doc: feedDocument(site, config, target, config.defaultLimit) };
    if (target.kind !== 'milestone') yield { label: `${name} (limit 1)`, doc: feedDocument(site, config, target, 1) };
    const pages = archiveCount(entryCount(site, target), config.defaultLimit);
    for (let page = 1; page <= pages; page++) yield { label: `${name} archive ${page}`, doc: feedDocument(site, config, target, config.defaultLimit, page) };
  }
}

describe('feed writers: the same bytes as the feed package (test/publish/feed-reference)', () => {
  for (const [name, load] of [
    ['sample', sampleBuild],
    ['corpus', corpusBuild],
  ] as const) {
    it(`every feed document of the ${name} model`, async () => {
      const { site } = await load();
      const mismatches: string[] = [];
      let documents = 0;
      const seen = { history: 0, archive: 0, hub: 0, entries: 0 };
      for (const vars of CONFIGS) {
        const config = siteConfig(vars);
        for (const { label, doc } of modelDocuments(site, config)) {
          documents++;
          if (doc.history?.rss.prevArchive) seen.history++;
          if (doc.history?.rss.archive) seen.archive++;
          if (doc.hub) seen.hub++;
          seen.entries += doc.entries.length;
          mismatches.push(...compare(`${name} ${config.siteUrl} ${label}`, doc));
        }
      }
      // The model documents reach what is compared: links to archives, archive pages, a hub, entries.
      expect(seen.history).toBeGreaterThan(0);
      expect(seen.archive).toBeGreaterThan(0);
      expect(seen.hub).toBeGreaterThan(0);
      expect(seen.entries).toBeGreaterThan(0);
      expect(documents).toBeGreaterThanOrEqual(CONFIGS.length * (1 + site.teams.length + site.milestones.length));
      expect(report(mismatches, documents * WRITERS.length)).toBe('');
    });
  }

  it('seeded random hostile documents', () => {
    const COUNT = 2500;
    const mismatches: string[] = [];
    let documents = 0;
    for (let i = 0; i < COUNT; i++) {
      const seed = 0x7f3a_0000 + i;
      const doc = hostileDocument(mulberry32(seed));
      documents++;
      mismatches.push(...compare(`random document ${i} (hostileDocument(mulberry32(0x${seed.toString(16)})))`, doc, () => JSON.stringify(doc)));
      // FEED_REFERENCE_ALL=1 compares them all and prints every mismatch.
      if (mismatches.length >= 3 && !process.env.FEED_REFERENCE_ALL) break;
    }
    expect(report(mismatches, documents * WRITERS.length)).toBe('');
  });

  it('known differences: where the reference is wrong, the current writers are not (kept out of the random documents)', () => {
    const doc = hostileDocument(mulberry32(1));
    // A URL holding f0b008b's CDATA sentinel: the reference splits it as if it ended a CDATA section.
    const url = 'https://example.com/a]]\uFFFF>b';
    const withUrl: FeedDocument = { ...doc, homeUrl: url, feedUrls: { ...doc.feedUrls, rss: url, atom: url }, language: 'en' };
    for (const [current, reference] of [
      [renderRss, referenceRss],
      [renderAtom, referenceAtom],
    ] as const) {
      expect(current(withUrl)).not.toContain('a]]]]><![CDATA[>b');
      expect(reference(withUrl)).toContain('a]]]]><![CDATA[>b');
    }
    // `$&` in the language: the reference's String.replace puts the matched root element there.
    const withLanguage: FeedDocument = { ...doc, language: 'x$&y' };
    expect(renderAtom(withLanguage)).toContain('xml:lang="x$&amp;y"');
    expect(referenceAtom(withLanguage)).not.toContain('xml:lang="x$&amp;y"');
  });

  it('cleanText removes what it removed before c59b4e8 (the reference writers share it)', () => {
    // f0b008b's cleanText: the replace on every text, without the SUSPECT look first.
    const NOT_IN_FEEDS = /[^\t\n\r\u0020-\u007E\u00A0-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
    const random = mulberry32(0x5eed);
    for (let i = 0; i < 20_000; i++) {
      const text = hostileString(random, 12);
      if (cleanText(text) !== text.replace(NOT_IN_FEEDS, '')) expect.fail(`cleanText(${JSON.stringify(text)}) is ${JSON.stringify(cleanText(text))}, was ${JSON.stringify(text.replace(NOT_IN_FEEDS, ''))}`);
    }
    // Every code unit of the BMP alone.
    for (let c = 0; c <= 0xffff; c++) {
      const text = `a${String.fromCharCode(c)}b`;
      if (cleanText(text) !== text.replace(NOT_IN_FEEDS, '')) expect.fail(`cleanText differs on U+${c.toString(16).padStart(4, '0')}`);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Seeded hostile documents.
//
// Anything a FeedDocument can hold, within two limits where the reference is wrong and the
// current writers are right (see 'known differences' above), neither reachable from a real model:
// - `]]\uFFFF>` outside the cleaned CDATA texts. f0b008b marked each `]]>` of CDATA text with
//   that sentinel and split every marked one in the whole document afterwards, so a URL or id
//   holding it was corrupted. Real URLs and ids are made of percent-encoded paths
//   (encodeURIComponent) and a parsed SITE_URL; real titles, names and summaries are cleaned
//   (cleanText removes U+FFFF).
// - `$` in the language: f0b008b put xml:lang on the Atom root with String.replace, which expands
//   `$&`, `$'` and `` $` `` in it. The language is SITE_LANGUAGE, a BCP 47 tag.

/** A value that reaches the document without cleanText: without the sentinel of f0b008b. */
function uncleaned(text: string): string {
  let out = text;
  while (out.includes(']]\uFFFF>')) out = out.replaceAll(']]\uFFFF>', ']]\uFFFF >');
  return out;
}

/** mulberry32: a small seeded PRNG, uniform in [0, 1). */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;
const int = (random: Random, n: number) => Math.floor(random() * n);
const pick = <T>(random: Random, items: readonly T[]): T => items[int(random, items.length)]!;
const chance = (random: Random, p: number) => random() < p;

const CONTROLS = Array.from({ length: 32 }, (_, c) => String.fromCharCode(c));

/** Pieces that each break one naive writer or another. */
const PIECES = [
  ...CONTROLS,
  'a',
  'Weekly',
  ' ',
  '  ',
  ']]>',
  ']]',
  ']',
  '>',
  ']]]]>',
  ']]]>',
  '<![CDATA[',
  '<![CDATA[x]]>',
  ']]\uFFFF>', // the sentinel of f0b008b's CDATA splitting, literally
  '&',
  '&amp;',
  '&amp;amp;',
  '&lt;',
  '&gt;',
  '&quot;',
  '&#38;',
  '&#x26;',
  '&nbsp;',
  '&amp',
  '<',
  '<script>alert(1)</script>',
  '<b>bold</b>',
  '<p>',
  '</item>',
  '</entry>',
  '<atom:link href="x" rel="self"/>',
  '<link rel="self" href="x"/>',
  '<?xml version="1.0"?>',
  '"',
  "'",
  '=',
  '\r\n',
  '\x7F',
  '\x85',
  '\x9F',
  '\u00A0',
  '\u2028',
  '\uFEFF',
  '\uFFFD',
  '\uFFFE',
  '\uFFFF',
  '\uD800',
  '\uDBFF',
  '\uDC00',
  '\uDFFF',
  '\uD83D\uDE00',
  '\uDB40\uDC7F',
  'é',
  '日本',
  'https://',
  '?a=1&b=2',
  '#frag',
  '%26',
  '\\',
  '$&',
  '$1',
];

function hostileString(random: Random, maxPieces = 6): string {
  if (chance(random, 0.08)) return '';
  let out = '';
  const n = int(random, maxPieces + 1);
  for (let i = 0; i < n; i++) out += chance(random, 0.15) ? pick(random, ['Weekly update', 'Team A', 'milestone', 'x']) : pick(random, PIECES);
  return out;
}

function hostileUrl(random: Random): string {
  const base = pick(random, ['https://example.com', 'https://example.org/r&d', 'http://ex.test:8080/a"b', 'tag:example.com,2024-01-08:/x', '', 'urn:x']);
  return uncleaned(chance(random, 0.6) ? `${base}/${hostileString(random, 3)}` : base);
}

function hostileDate(random: Random): Date {
  switch (int(random, 6)) {
    case 0:
      return new Date(0);
    case 1:
      return new Date(Date.UTC(2024, 0, 8));
    case 2:
      // Before 1970, years of fewer than four digits.
      return new Date(-int(random, 2 ** 31) * 1000 * 30);
    default:
      return new Date(int(random, 4_102_444_800) * 1000 + int(random, 1000));
  }
}

const SCHEMES = ['https://example.com/teams/', 'https://example.com/milestones/', 'https://example.com/status', '', 'tag:x', 'urn:"odd" <scheme> & more', 'https://ex.test/?a=1&b=<2>', 'javascript:alert(1)'];

function hostileCategory(random: Random): FeedCategory {
  return {
    term: chance(random, 0.3) ? pick(random, ['team-a', 'at-risk', 'M-1', '']) : hostileString(random, 3),
    // RSS writes the label as element text, uncleaned; Atom cleans it (an attribute).
    label: chance(random, 0.3) ? pick(random, ['Team A', 'At risk', '']) : uncleaned(hostileString(random, 4)),
    scheme: chance(random, 0.5) ? pick(random, SCHEMES) : hostileUrl(random),
  };
}

function hostileEntry(random: Random): FeedEntry {
  const published = hostileDate(random);
  return {
    id: uncleaned(chance(random, 0.5) ? `tag:example.com,2024-01-08:/teams/${hostileString(random, 2)}` : hostileString(random, 3)),
    title: hostileString(random),
    url: hostileUrl(random),
    published,
    updated: chance(random, 0.5) ? published : hostileDate(random),
    summary: hostileString(random, 10),
    contentHtml: chance(random, 0.1) ? '' : hostileString(random, 16),
    author: uncleaned(hostileString(random, 3)),
    categories: Array.from({ length: int(random, 5) }, () => hostileCategory(random)),
  };
}

function hostileHistory(random: Random): HistoryLinks {
  const archive = chance(random, 0.5);
  return {
    archive,
    ...(archive || chance(random, 0.2) ? { current: hostileUrl(random) } : {}),
    ...(chance(random, 0.6) ? { prevArchive: hostileUrl(random) } : {}),
    ...(chance(random, 0.3) ? { nextArchive: hostileUrl(random) } : {}),
  };
}

function hostileDocument(random: Random): FeedDocument {
  const entries = Array.from({ length: int(random, 5) }, () => hostileEntry(random));
  return {
    title: uncleaned(hostileString(random)),
    description: uncleaned(hostileString(random, 8)),
    homeUrl: hostileUrl(random),
    feedUrls: { rss: hostileUrl(random) || 'x', atom: hostileUrl(random) || 'x', json: hostileUrl(random) || 'x' },
    language: chance(random, 0.5) ? pick(random, ['en', 'en-GB', 'de', '']) : hostileString(random, 2).replaceAll('$', ''),
    generator: chance(random, 0.5) ? 'Tidings' : uncleaned(hostileString(random, 3)),
    author: uncleaned(hostileString(random, 3)),
    updated: hostileDate(random),
    entries,
    ...(chance(random, 0.7) ? { stylesheet: chance(random, 0.6) ? '/feed.xsl' : hostileUrl(random) } : {}),
    ...(chance(random, 0.6) ? { history: { rss: hostileHistory(random), atom: hostileHistory(random), json: hostileHistory(random) } } : {}),
    ...(chance(random, 0.4) ? { hub: hostileUrl(random) } : {}),
  };
}

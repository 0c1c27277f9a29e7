/**
 * Every URL the site advertises answers: the static output of a build (the sample content,
 * plus a second document of one team for one date) is crawled, and every same-site link —
 * href/src/action in pages, links inside feed entries, feed and archive links, OPML outlines,
 * autodiscovery <link>s, the feed stylesheet — must resolve to a file of the output, to a
 * redirect of `_redirects` that does, or to a GET route of the Worker (createWorkerApp).
 * Fragments must name an id of the page they point into. Every feed's entry ids are unique,
 * and the two documents of one date stay two entries. Pure Node over the output folder (~3 s).
 */
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkerApp } from '../../src/app';
import { buildAll } from '../../src/publish/build';
import { servedData } from '../assets';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SITE_URL = 'http://localhost:8787';
const SECOND_OF_DATE = `---
title: "Atlas retro"
date: 2026-11-09
---

## [Sync protocol v2 (delta sync)](https://github.com/northwind-dev/roadmap/issues/21)

- _achieved:_
  - retro held on the delta sync rollout: what to keep for the v1 switch-off
`;

let work: string;
let out: string;
let files: Map<string, string>;
let redirects: Map<string, string>;
let workerRoutes: RegExp[];

async function readTree(dir: string): Promise<Map<string, string>> {
  const tree = new Map<string, string>();
  for (const e of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const full = path.join(e.parentPath, e.name);
    tree.set(path.relative(dir, full).split(path.sep).join('/'), await readFile(full, 'utf8'));
  }
  return tree;
}

const unescapeXml = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;|&apos;/g, "'").replace(/&amp;/g, '&');

/** Every URL a file advertises (attributes, RSS <link>, JSON feed *_url fields, HTML inside entries). */
function linksOf(file: string, text: string): string[] {
  const found: string[] = [];
  const fromMarkup = (markup: string) => {
    for (const m of markup.matchAll(/\s(?:href|src|action|xmlUrl|htmlUrl|url)\s*=\s*"([^"]*)"/g)) found.push(unescapeXml(m[1]!));
    for (const m of markup.matchAll(/\s(?:href|src|action)\s*=\s*'([^']*)'/g)) found.push(unescapeXml(m[1]!));
  };
  if (file.endsWith('.json')) {
    if (!/(^|\/)feed(-\d+)?\.json$|archive/.test(file)) return [];
    const walk = (v: unknown, key = ''): void => {
      if (typeof v === 'string') {
        if (/url$|^url$|^image$|^icon$|^favicon$/.test(key)) found.push(v);
        else if (/html/.test(key)) fromMarkup(v);
      } else if (Array.isArray(v)) v.forEach((x) => walk(x, key));
      else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, k);
    };
    walk(JSON.parse(text));
    return found;
  }
  if (file.endsWith('.xsl')) return []; // templates: attribute value templates, no fixed links
  fromMarkup(text);
  if (file.endsWith('.xml')) {
    for (const m of text.matchAll(/<link>([^<]*)<\/link>/g)) found.push(unescapeXml(m[1]!));
    for (const m of text.matchAll(/<guid isPermaLink="true">([^<]*)<\/guid>/g)) found.push(unescapeXml(m[1]!));
    // HTML of entries, escaped or in CDATA.
    for (const m of text.matchAll(/<(?:description|content|content:encoded|summary)[^>]*>([\s\S]*?)<\/(?:description|content|content:encoded|summary)>/g)) {
      fromMarkup(unescapeXml(m[1]!.replace(/^<!\[CDATA\[|\]\]>$/g, '')));
    }
    for (const m of text.matchAll(/<\?xml-stylesheet[^?]*href="([^"]+)"/g)) found.push(m[1]!);
  }
  return found;
}

/** The file a path is served from by Workers Static Assets (html_handling = "auto-trailing-slash"). */
function staticFile(pathname: string): string | undefined {
  let p: string;
  try {
    p = decodeURIComponent(pathname).replace(/^\//, '');
  } catch {
    return undefined;
  }
  const candidates = p === '' ? ['index.html'] : p.endsWith('/') ? [`${p}index.html`] : [p, `${p}.html`, `${p}/index.html`];
  return candidates.find((c) => files.has(c));
}

type Answer = { by: 'file'; file: string } | { by: 'redirect'; to: string } | { by: 'worker' } | undefined;

function answerOf(pathname: string, depth = 0): Answer {
  const redirect = redirects.get(pathname);
  if (redirect !== undefined) return depth < 3 && answerOf(redirect, depth + 1) ? { by: 'redirect', to: redirect } : undefined;
  // Files win (assets are served before the Worker); the Worker answers what no file does.
  const file = staticFile(pathname);
  if (file) return { by: 'file', file };
  if (workerRoutes.some((r) => r.test(pathname))) return { by: 'worker' };
  return undefined;
}

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'tidings-links-'));
  await cp(path.join(ROOT, 'content'), path.join(work, 'content'), { recursive: true });
  await writeFile(path.join(work, 'content/atlas/updates/Atlas retro.md'), SECOND_OF_DATE);
  out = path.join(work, 'public');
  const built = await buildAll({ content: path.join(work, 'content'), out, config: path.join(ROOT, 'wrangler.toml'), siteUrl: SITE_URL });
  if (!built.ok) throw new Error(built.messages);
  files = await readTree(out);
  redirects = new Map(
    (files.get('_redirects') ?? '')
      .split('\n')
      .filter((l) => l.trim() && !l.startsWith('#'))
      .map((l) => l.trim().split(/\s+/) as [string, string]),
  );
  const app = createWorkerApp(servedData(built.site).catalog);
  workerRoutes = app.routes
    .filter((r) => r.method === 'GET')
    .map((r) => new RegExp(`^${r.path.replace(/[.]/g, '\\.').replace(/:[\w]+/g, '[^/]+').replace(/\*/g, '.*')}$`));
}, 120_000);

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe('every same-site URL of the build answers', () => {
  it('links, feed links, OPML outlines, autodiscovery and stylesheet: a file, a redirect or a Worker route; fragments exist', () => {
    const broken: string[] = [];
    const checked = new Set<string>();
    for (const [file, text] of files) {
      if (file.startsWith('_tidings/') && !file.endsWith('.json')) continue;
      for (const raw of linksOf(file, text)) {
        let url: URL;
        try {
          url = new URL(raw, `${SITE_URL}/${file}`);
        } catch {
          broken.push(`${file}: unparsable URL ${raw}`);
          continue;
        }
        if (url.origin !== SITE_URL) continue;
        const key = `${url.pathname}${url.hash}`;
        if (checked.has(key)) continue;
        checked.add(key);
        const answer = answerOf(url.pathname);
        if (!answer) {
          broken.push(`${file}: ${url.pathname} answers nothing`);
          continue;
        }
        if (url.hash && answer.by === 'file' && answer.file.endsWith('.html')) {
          const id = decodeURIComponent(url.hash.slice(1));
          if (!files.get(answer.file)!.includes(`id="${id}"`)) broken.push(`${file}: ${url.pathname}${url.hash}: no element with id "${id}"`);
        }
      }
    }
    expect(broken).toEqual([]);
    expect(checked.size).toBeGreaterThan(200);
    console.log(`links: ${checked.size} distinct same-site URLs checked`);
    // The pages link the Worker's own pages: those answer too (in the Worker tests).
    expect([...checked].some((k) => k.startsWith('/subscribe'))).toBe(true);
  });

  it('every page announces its feeds by autodiscovery, and each announced feed is a file', () => {
    const pages = [...files.keys()].filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(20);
    for (const page of pages) {
      for (const m of files.get(page)!.matchAll(/<link rel="alternate" type="application\/(?:rss\+xml|atom\+xml|feed\+json)"[^>]*href="([^"]+)"/g)) {
        const url = new URL(unescapeXml(m[1]!), SITE_URL);
        expect(answerOf(url.pathname), `${page} → ${url.pathname}`).toMatchObject({ by: 'file' });
      }
    }
  });
});

describe('feed entry ids', () => {
  const feeds = () => [...files.keys()].filter((f) => /(^|\/)(feed|atom)(-\d+)?\.(xml|json)$/.test(f) || /archive/.test(f) && /\.(xml|json)$/.test(f));

  function idsOf(file: string, text: string): string[] {
    if (file.endsWith('.json')) return ((JSON.parse(text) as { items?: Array<{ id: string }> }).items ?? []).map((i) => i.id);
    if (text.includes('<rss')) return [...text.matchAll(/<guid[^>]*>([^<]*)<\/guid>/g)].map((m) => m[1]!);
    return [...text.matchAll(/<entry>[\s\S]*?<id>([^<]*)<\/id>/g)].map((m) => m[1]!);
  }

  it('are unique in every feed, archives included', () => {
    const repeated: string[] = [];
    const all = feeds();
    expect(all.length).toBeGreaterThan(50);
    for (const file of all) {
      const ids = idsOf(file, files.get(file)!);
      const seen = new Set<string>();
      for (const id of ids) {
        if (seen.has(id)) repeated.push(`${file}: ${id}`);
        seen.add(id);
      }
    }
    expect(repeated).toEqual([]);
  });

  it('two documents of one team for one date stay two entries of the milestone feed and the team feed', () => {
    const milestoneFeed = [...files.keys()].find((f) => /^milestones\/[^/]+\/feed\.json$/.test(f) && files.get(f)!.includes('retro held'));
    expect(milestoneFeed).toBeDefined();
    const items = (JSON.parse(files.get(milestoneFeed!)!) as { items: Array<{ id: string; url: string; title: string }> }).items.filter((i) => i.title.startsWith('2026-11-09'));
    expect(items).toHaveLength(2);
    expect(new Set(items.map((i) => i.id)).size).toBe(2);
    expect(new Set(items.map((i) => i.url)).size).toBe(2);
    const team = (JSON.parse(files.get('teams/atlas/feed.json')!) as { items: Array<{ id: string; url: string }> }).items.filter((i) => i.url.includes('/2026-11-09'));
    expect(team).toHaveLength(2);
  });
});

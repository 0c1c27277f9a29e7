/**
 * End to end against `wrangler dev` started as `npm start` starts it (digest.test.ts runs these
 * on its server, before its readers subscribe: one wrangler dev start less in the suite, issue
 * 19): Python's feedparser, the reference reader, fetches `/feed.xml`, `/atom.xml` and a
 * milestone feed over HTTP and must find no problem (bozo) and the items the content says.
 * feedparser is Debian's python3-feedparser (installed by .ci/run) for /usr/bin/python3.
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SiteModel } from '../../src/content/model';
import type { DevServer } from '../../scripts/wrangler-dev';

const execFileAsync = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');

/** Reads a feed URL with feedparser and prints what a reader sees, as JSON. */
const READER = `
import json, sys, time, feedparser
url = sys.argv[1]
etag = sys.argv[2] if len(sys.argv) > 2 else None
d = feedparser.parse(url, etag=etag) if etag else feedparser.parse(url)
iso = lambda t: time.strftime('%Y-%m-%dT%H:%M:%SZ', t) if t else None
print(json.dumps({
  'bozo': d.bozo,
  'bozo_exception': repr(d.get('bozo_exception')) if d.bozo else None,
  'status': d.get('status'),
  'version': d.get('version'),
  'etag': d.get('etag'),
  'feed': {
    'title': d.feed.get('title'),
    'link': d.feed.get('link'),
    'language': d.feed.get('language'),
    'generator': d.feed.get('generator'),
    'updated': iso(d.feed.get('updated_parsed')),
    'self': next((l.get('href') for l in d.feed.get('links', []) if l.get('rel') == 'self'), None),
  },
  'entries': [{
    'id': e.get('id'),
    'title': e.get('title'),
    'link': e.get('link'),
    'published': iso(e.get('published_parsed')),
    'updated': iso(e.get('updated_parsed')),
    'tags': [t.get('term') if t.get('label') is None else t.get('label') for t in e.get('tags', [])],
    'content': (e.get('content') or [{}])[0].get('value', ''),
    'summary': e.get('summary', ''),
  } for e in d.entries],
}))
`;

interface Reading {
  bozo: number | boolean;
  bozo_exception: string | null;
  status: number;
  version: string;
  etag: string | null;
  feed: { title: string; link: string; language: string; generator: string; updated: string; self: string | null };
  entries: { id: string; title: string; link: string; published: string; updated: string; tags: string[]; content: string; summary: string }[];
}

/** Debian's python3 has the Debian package; a python3 earlier on PATH (pyenv) may not. */
async function findPython(): Promise<string> {
  for (const candidate of ['/usr/bin/python3', 'python3']) {
    try {
      await execFileAsync(candidate, ['-c', 'import feedparser']);
      return candidate;
    } catch {
      // try the next one
    }
  }
  throw new Error('Python feedparser is missing: apt-get install -y python3-feedparser (as .ci/run does)');
}

/** The feeds of the sample content, read by feedparser from the server `serverOf` gives once it has started. */
export function describeFeedsInFeedparser(serverOf: () => DevServer): void {
  describe('feeds read by Python feedparser from wrangler dev', () => {
    let server: DevServer;
    let python: string;
    let site: SiteModel;

    const read = async (feedPath: string, etag?: string): Promise<Reading> => {
      const { stdout } = await execFileAsync(python, ['-c', READER, `${server.origin}${feedPath}`, ...(etag ? [etag] : [])], { maxBuffer: 64 * 1024 * 1024 });
      return JSON.parse(stdout) as Reading;
    };

    beforeAll(async () => {
      python = await findPython();
      server = serverOf();
      // wrangler's [build] step has just built the model it serves from content/.
      site = JSON.parse(await readFile(path.join(root, 'src/generated/site.json'), 'utf8')) as SiteModel;
    });

    const expectUpdateFeed = (r: Reading, version: string) => {
      expect(r.bozo, r.bozo_exception ?? '').toBeFalsy();
      expect(r.status).toBe(200);
      expect(r.version).toBe(version);
      expect(r.feed.link).toBe(`${server.origin}/`);
      expect(r.feed.language).toBe('en');
      expect(r.feed.generator).toBe('Tidings');
      expect(r.entries.length).toBe(site.updates.length);
      r.entries.forEach((e, i) => {
        const u = site.updates[i]!;
        expect(e.link).toBe(`${server.origin}/updates/${u.team}/${u.date}`);
        expect(e.title.endsWith(u.title)).toBe(true);
        expect(e.id).toBe(`tag:127.0.0.1,${u.date}:/updates/${u.team}/${u.date}`);
        expect(e.published).toBe(`${u.date}T00:00:00Z`);
        expect(e.content.length).toBeGreaterThan(100);
      });
      expect(new Set(r.entries.map((e) => e.id)).size).toBe(r.entries.length);
    };

    it('/feed.xml is RSS 2.0 without a problem, one item per update, newest first', async () => {
      const r = await read('/feed.xml');
      expectUpdateFeed(r, 'rss20');
      expect(r.feed.self).toBe(`${server.origin}/feed.xml`);
      expect(r.feed.updated).toBe('2026-11-09T00:00:00Z');
    });

    it('/atom.xml is Atom 1.0 without a problem; the edited update is updated on its edit', async () => {
      const r = await read('/atom.xml');
      expectUpdateFeed(r, 'atom10');
      expect(r.feed.self).toBe(`${server.origin}/atom.xml`);
      const edited = r.entries.find((e) => e.link.endsWith('/updates/atlas/2026-10-19'))!;
      expect(edited.published).toBe('2026-10-19T00:00:00Z');
      expect(edited.updated).toBe('2026-10-22T00:00:00Z');
    });

    it('a milestone feed has one item per week, with its team and milestone as tags', async () => {
      const milestone = site.milestones.find((m) => m.key === 'northwind-dev-roadmap-21')!;
      for (const [file, version] of [
        ['feed.xml', 'rss20'],
        ['atom.xml', 'atom10'],
      ] as const) {
        const r = await read(`/milestones/${milestone.key}/${file}`);
        expect(r.bozo, r.bozo_exception ?? '').toBeFalsy();
        expect(r.version).toBe(version);
        expect(r.feed.link).toBe(`${server.origin}/milestones/${milestone.key}`);
        const weeks = [...milestone.weeks].reverse().map((id) => site.updates.find((u) => u.id === id)!);
        expect(r.entries.map((e) => e.title)).toEqual(weeks.map((u) => `${u.date} — ${u.sections.find((s) => s.key === milestone.key)!.title}`));
        expect(r.entries.map((e) => e.link)).toEqual(weeks.map((u) => `${server.origin}/milestones/${milestone.key}#week-${u.date}`));
        for (const e of r.entries) expect(e.tags).toEqual(expect.arrayContaining(['Atlas', 'Sync protocol v2 (delta sync)']));
        expect(r.entries[0]!.content).toContain('2.1: Resumable uploads');
      }
    });

    it('a reader polling with the ETag it was given gets 304 Not Modified', async () => {
      const first = await read('/feed.xml');
      expect(first.etag).toMatch(/^"[0-9a-f]{32}(-gzip)?"$/);
      const again = await read('/feed.xml', first.etag!);
      expect(again.status).toBe(304);
      expect(again.entries.length).toBe(0);
    });
  });
}

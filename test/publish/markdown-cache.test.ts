/**
 * Markdown is parsed once per text for the life of the cache (src/publish/parse-cache.ts,
 * MarkdownCache): when a week's reading must be redone — here the reader's own code changed,
 * so every cached reading is stale — and for milestone definitions, read at every build, the
 * trees come from the cache, and the site is the same as a clean build's. Milestone definitions'
 * readings are cached like updates'.
 */
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseMarkdownText } from '../../src/content/markdown';
import { buildAll, type BuildOptions } from '../../src/publish/build';
import { MarkdownCache, ParseCache } from '../../src/publish/parse-cache';

const ROOT = path.resolve(import.meta.dirname, '../..');
let work: string;

async function tree(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const e of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) files.set(path.relative(dir, path.join(e.parentPath, e.name)), (await readFile(path.join(e.parentPath, e.name))).toString('base64'));
  }
  return files;
}

const options = (out: string, cache?: ParseCache): BuildOptions => ({
  content: path.join(work, 'content'),
  out: path.join(work, out),
  config: path.join(ROOT, 'wrangler.toml'),
  ...(cache ? { cache } : {}),
});

function cacheOf(readerVersion: string): ParseCache {
  const cache = new ParseCache(readerVersion, path.join(work, 'parse'));
  cache.markdown = new MarkdownCache('markdown-v1', path.join(work, 'mdast'));
  return cache;
}

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'tidings-mdast-'));
  await cp(path.join(ROOT, 'content'), path.join(work, 'content'), { recursive: true });
});
afterAll(() => rm(work, { recursive: true, force: true }));

describe('markdown cache', () => {
  it('gives back the tree a parse gives, a copy of its own each time, from disk in a new process', async () => {
    const text = '---\ntitle: x\n---\n# Week\n\n- see www.example.org and [a][r]\n\n[r]: https://example.org\n';
    const first = new MarkdownCache('v', path.join(work, 'one'));
    const parsed = first.parse(text, parseMarkdownText);
    await first.flush();
    const again = new MarkdownCache('v', path.join(work, 'one'));
    const kept = again.parse(text, parseMarkdownText);
    expect(again.stats).toEqual({ hits: 1, misses: 0 });
    expect(JSON.stringify(kept)).toBe(JSON.stringify(parseMarkdownText(text)));
    expect(JSON.stringify(kept)).toBe(JSON.stringify(parsed));
    kept.children.length = 0;
    expect(again.parse(text, parseMarkdownText).children.length).toBeGreaterThan(0);
    // Another pipeline (version) parses again.
    const other = new MarkdownCache('w', path.join(work, 'one'));
    other.parse(text, parseMarkdownText);
    expect(other.stats).toEqual({ hits: 0, misses: 1 });
  });

  it('a build whose cached readings are all stale parses no markdown again, and equals a clean build', async () => {
    const first = cacheOf('reader-v1');
    const built = await buildAll(options('cached', first));
    if (!built.ok) throw new Error(built.messages);
    const files = first.markdown!.stats.misses;
    expect(files).toBeGreaterThan(10);

    // The reader changed: every reading is redone, no text is parsed again.
    const second = cacheOf('reader-v2');
    const rebuilt = await buildAll(options('cached', second));
    if (!rebuilt.ok) throw new Error(rebuilt.messages);
    expect(second.stats.hits).toBe(0);
    expect(second.markdown!.stats).toEqual({ hits: files, misses: 0 });

    const clean = await buildAll(options('clean'));
    if (!clean.ok) throw new Error(clean.messages);
    expect(rebuilt.messages).toBe(clean.messages);
    expect(JSON.stringify(rebuilt.site)).toBe(JSON.stringify(clean.site));
    expect(await tree(path.join(work, 'cached'))).toEqual(await tree(path.join(work, 'clean')));

    // Nothing changed, a new process: updates and milestone definitions answer from the cache,
    // no tree is needed at all, and the messages are the clean build's.
    const third = cacheOf('reader-v2');
    const again = await buildAll(options('cached', third));
    if (!again.ok) throw new Error(again.messages);
    expect(third.definitionStats.misses).toBe(0);
    expect(third.definitionStats.hits).toBeGreaterThan(0);
    expect(third.stats.misses).toBe(0);
    expect(third.markdown!.stats).toEqual({ hits: 0, misses: 0 });
    expect(again.messages).toBe(clean.messages);
    expect(JSON.stringify(again.site)).toBe(JSON.stringify(clean.site));
  });
});

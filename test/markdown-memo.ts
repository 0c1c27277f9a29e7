/**
 * The test suite's memo of markdown trees by text (issue 19: remark's parse was a quarter of
 * the node project's CPU, the same corpus and reports being read by file after file, and by
 * each process of the suite again). Set up once per process (vitest setupFiles of the node
 * project, test/worker/build-models.ts): a tree is kept in memory by a hash of its text, and on
 * disk under `.cache/tidings/test-mdast/<markdownVersion>/` (the markdown pipeline and the
 * locked remark), so that the suite's other processes, and the next run, read it
 * instead of parsing again (a JSON.parse is ~15× cheaper than remark's parse). Each call hands
 * out a tree of its own. A build given a cache of its own puts that cache in front of this one
 * and counts its own hits and misses (src/publish/build.ts).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Root } from 'mdast';
import { markdownCache, parseMarkdownText } from '../src/content/markdown';
import { markdownVersion } from '../src/publish/parse-cache';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/**
 * Where the suite keeps its trees (`.cache/` is the build's cache folder, never committed): a
 * folder per markdownVersion; the folders of other versions are removed, as nothing reads them.
 */
export const MEMO_DIR = path.join(root, '.cache', 'tidings', 'test-mdast');

export async function memoiseMarkdown(): Promise<void> {
  if (markdownCache.parse) return;
  const version = await markdownVersion(root);
  const dir = path.join(MEMO_DIR, version);
  mkdirSync(dir, { recursive: true });
  for (const other of readdirSync(MEMO_DIR)) if (other !== version) rmSync(path.join(MEMO_DIR, other), { recursive: true, force: true });
  const memory = new Map<string, string>();
  markdownCache.parse = (text) => {
    const key = createHash('sha256').update(text).digest('hex').slice(0, 40);
    let json = memory.get(key);
    const file = path.join(dir, `${key}.json`);
    if (json === undefined) {
      try {
        json = readFileSync(file, 'utf8');
      } catch {
        // Not parsed yet by any process: parse, and keep it for the others (written aside and
        // renamed, so that a process reading at the same moment never sees half a tree).
        json = JSON.stringify(parseMarkdownText(text));
        const partial = `${file}.${process.pid}.tmp`;
        writeFileSync(partial, json);
        renameSync(partial, file);
      }
      memory.set(key, json);
    }
    return JSON.parse(json) as Root;
  };
}

await memoiseMarkdown();

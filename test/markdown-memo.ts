/**
 * The test suite's memo of markdown trees by text (issue 19: remark's parse was a quarter of
 * the node project's CPU, the same corpus and reports being read by file after file). Set up
 * once per process (vitest setupFiles of the node project, test/worker/build-models.ts): the
 * builds' own MarkdownCache (src/publish/parse-cache.ts), in memory, a tree of its own each
 * time. A build given a cache of its own puts that cache in front of this one and counts its
 * own hits and misses (src/publish/build.ts).
 */
import { markdownCache, parseMarkdownText } from '../src/content/markdown';
import { MarkdownCache } from '../src/publish/parse-cache';

export function memoiseMarkdown(): void {
  if (markdownCache.parse) return;
  const trees = new MarkdownCache('test-suite');
  markdownCache.parse = (text) => trees.parse(text, parseMarkdownText);
}

memoiseMarkdown();

/**
 * The test suite's memo of markdown trees by text (issue 19: remark's parse was a quarter of
 * the node project's CPU, the same corpus and reports being read by file after file). Set up
 * once per process (vitest setupFiles of the node project, test/worker/build-models.ts);
 * a tree is remark's own, kept as JSON and handed out as a copy of its own each time, as
 * src/publish/parse-cache.ts MarkdownCache does for builds. A build given a cache of its own
 * puts that cache in front of this memo and counts its own hits and misses (src/publish/build.ts).
 */
import { markdownCache, parseMarkdownText } from '../src/content/markdown';

/** Enough for every text of ../shared and the suite's fixtures; past it (shuffled texts) the memo starts again. */
const MOST = 5000;

export function memoiseMarkdown(): void {
  if (markdownCache.parse) return;
  const trees = new Map<string, string>();
  markdownCache.parse = (text) => {
    const json = trees.get(text);
    if (json !== undefined) return JSON.parse(json);
    const tree = parseMarkdownText(text);
    if (trees.size >= MOST) trees.clear();
    trees.set(text, JSON.stringify(tree));
    return tree;
  };
}

memoiseMarkdown();

/**
 * Markdown → mdast: remark's parser (micromark) with front matter and GFM, the costliest step of
 * reading a report. The tree depends on the text and on this pipeline only, so a build can keep
 * it by text across builds (src/publish/parse-cache.ts sets `markdownCache`); a tree handed out
 * is the caller's to change.
 */
import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

/** Front matter between `---` (YAML) or `+++` (TOML) lines. */
export const FRONT_MATTER = ['yaml', 'toml'] as const;

const pipeline = unified().use(remarkParse).use(remarkFrontmatter, [...FRONT_MATTER]).use(remarkGfm);

/** The parse itself, never cached. */
export function parseMarkdownText(text: string): Root {
  return pipeline.parse(headingSpaces(yamlDotsEnd(text))) as Root;
}

/**
 * YAML front matter closed with `...`, YAML's own end of a document (as pandoc and R Markdown
 * write it): closed as with `---`, so its keys stay front matter and the body is read from the
 * line after it. The line keeps its number and its length.
 */
export function yamlDotsEnd(text: string): string {
  const end = /^---[ \t]*\r?\n(?:(?!(?:---|\.\.\.)[ \t]*\r?$)[^\n]*\n)*?(\.\.\.)[ \t]*\r?$/m.exec(text);
  if (!end || end.index !== 0) return text;
  const at = end.index + end[0].lastIndexOf('...');
  return `${text.slice(0, at)}---${text.slice(at + 3)}`;
}

/**
 * `##PublicLab.org`, `###Database`: a heading written without the space after its marks (as
 * older renderers took it), read as the heading it was meant to be. Two marks or more only (`#tag`
 * is a hashtag), outside fenced code; the line keeps its number.
 */
export function headingSpaces(text: string): string {
  if (!/^ {0,3}#{2,6}[^#\s]/m.test(text)) return text;
  let fence: string | undefined;
  return text
    .split('\n')
    .map((line) => {
      const marks = /^ {0,3}(`{3,}|~{3,})/.exec(line);
      if (marks) {
        if (fence === undefined) fence = marks[1]![0]!;
        else if (marks[1]![0] === fence) fence = undefined;
        return line;
      }
      return fence === undefined ? line.replace(/^( {0,3}#{2,6})(?=[^#\s])/, '$1 ') : line;
    })
    .join('\n');
}

export type MarkdownParser = (text: string) => Root;

/** Where a build keeps trees by text (set and cleared around a build); none: every text is parsed. */
export const markdownCache: { parse?: MarkdownParser | undefined } = {};

export function parseMarkdown(text: string): Root {
  return markdownCache.parse ? markdownCache.parse(text) : parseMarkdownText(text);
}

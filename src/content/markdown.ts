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
  return pipeline.parse(emptyBullets(headingSpaces(indentedLists(yamlDotsEnd(text))))) as Root;
}

/**
 * A list indented four spaces or more under a heading or a line that leads into it (`## Plan` then
 * `    1. Review the rules`): a list, as its writer meant it, not a block of code. Only when every line of the
 * block is a list item or indented under one, and nothing above it is a list it could belong to;
 * outside fenced code. The lines keep their numbers.
 */
export function indentedLists(text: string): string {
  if (!/^ {4,}(?:\d{1,3}[.)]|[-*+])[ \t]+\S/m.test(text)) return text;
  const lines = text.split('\n');
  const item = /^( {4,})(?:\d{1,3}[.)]|[-*+])[ \t]+\S/;
  let fence: string | undefined;
  // What the last line with text was: a heading or paragraph line (a list may not continue it).
  let above: 'heading' | 'lead-in' | 'text' | 'list' | 'other' = 'other';
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const marks = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (marks) {
      if (fence === undefined) fence = marks[1]![0]!;
      else if (marks[1]![0] === fence) fence = undefined;
      above = 'other';
      continue;
    }
    if (fence !== undefined || line.trim() === '') continue;
    const first = item.exec(line);
    const blankBefore = i > 0 && lines[i - 1]!.trim() === '';
    if (first && (above === 'heading' || (above === 'lead-in' && blankBefore))) {
      const indent = first[1]!.length;
      let end = i;
      while (end + 1 < lines.length && (lines[end + 1]!.trim() === '' || item.test(lines[end + 1]!) || lines[end + 1]!.startsWith(' '.repeat(indent + 2)))) end++;
      const block = lines.slice(i, end + 1);
      if (block.every((l) => l.trim() === '' || l.startsWith(' '.repeat(indent)))) {
        for (let j = i; j <= end; j++) lines[j] = lines[j]!.slice(Math.min(indent, lines[j]!.length - lines[j]!.trimStart().length));
        i = end;
        above = 'list';
        continue;
      }
    }
    above = /^ {0,3}#{1,6}(?:\s|$)/.test(line) ? 'heading' : /^ {0,3}(?:\d{1,3}[.)]|[-*+])[ \t]/.test(line) || /^\s{2,}\S/.test(line) ? 'list' : /[:：]\s*$/.test(line) ? 'lead-in' : 'text';
  }
  return lines.join('\n');
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
  return mapOutsideFences(text, (line) => line.replace(/^( {0,3}#{2,6})(?=[^#\s])/, '$1 '));
}

/**
 * A bullet left empty right under a line of text (`**Rylan:**` then `- `, a template's slot with
 * nothing written in it): an empty item, as its writer meant it, not the underline that makes that
 * line a heading (CommonMark reads a lone `-` under text so). Outside fenced code; the line keeps
 * its number and loses no text.
 */
export function emptyBullets(text: string): string {
  if (!/^ {0,3}-[ \t]*$/m.test(text)) return text;
  return mapOutsideFences(text, (line, before) => (/^ {0,3}-[ \t]*$/.test(line) && before !== undefined && before.trim() !== '' && !/^\s*(?:[-*+]|\d{1,3}[.)])(?:\s|$)/.test(before) ? '' : line));
}

/** Each line outside fenced code given to `change` (with the line before it), the rest as they are. */
function mapOutsideFences(text: string, change: (line: string, before: string | undefined) => string): string {
  let fence: string | undefined;
  const lines = text.split('\n');
  return lines
    .map((line, i) => {
      const marks = /^ {0,3}(`{3,}|~{3,})/.exec(line);
      if (marks) {
        if (fence === undefined) fence = marks[1]![0]!;
        else if (marks[1]![0] === fence) fence = undefined;
        return line;
      }
      return fence === undefined ? change(line, lines[i - 1]) : line;
    })
    .join('\n');
}

export type MarkdownParser = (text: string) => Root;

/** Where a build keeps trees by text (set and cleared around a build); none: every text is parsed. */
export const markdownCache: { parse?: MarkdownParser | undefined } = {};

export function parseMarkdown(text: string): Root {
  return markdownCache.parse ? markdownCache.parse(text) : parseMarkdownText(text);
}

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ListItem, Nodes, Paragraph, Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { toString } from 'mdast-util-to-string';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import type { Update } from '../../src/content';
import { CORPUS, corpusBuild, errorsOf } from './helpers';

describe('the real corpus', () => {
  it('parses every file with no error', async () => {
    const result = await corpusBuild();
    expect(errorsOf(result)).toEqual([]);
    // 50 files; 2024-06-24 is a byte-identical copy of 2024-06-20 (same front matter date).
    expect(result.files.filter((f) => f.path.endsWith('.md'))).toHaveLength(50);
    expect(result.site.updates).toHaveLength(49);
  });

  it('gives the milestone linked to waku-org/pm/issues/12 one key in every week it appears', async () => {
    const { site } = await corpusBuild();
    const weeks = site.updates.filter((u) => u.sections.some((s) => s.trackerUrl === 'https://github.com/waku-org/pm/issues/12'));
    // It is linked in these weeks' headings (or heading paragraph in 2023-08-14): read off the files.
    expect(weeks.map((u) => u.date).sort()).toEqual([
      '2023-08-14', '2023-10-23', '2023-10-30', '2023-11-06', '2023-11-13', '2023-11-20', '2023-11-27', '2023-12-04', '2023-12-11', '2024-01-08',
    ]);
    const keys = new Set(weeks.flatMap((u) => u.sections.filter((s) => s.trackerUrl?.endsWith('/pm/issues/12')).map((s) => s.key)));
    expect([...keys]).toEqual(['waku-org-pm-12']);
    const milestone = site.milestones.find((m) => m.key === 'waku-org-pm-12');
    expect(milestone?.weeks).toHaveLength(10);
  });

  it('orders updates newest first and never lets a draft or a copy through', async () => {
    const { site } = await corpusBuild();
    const dates = site.updates.map((u) => u.date);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(new Set(site.updates.map((u) => u.id)).size).toBe(site.updates.length);
  });
});

/** The own text of a list item: its content without nested lists. */
function ownText(node: ListItem | Paragraph): string {
  const own = node.type === 'listItem' ? node.children.filter((c) => c.type !== 'list') : [node];
  return own.map((c) => toString(c)).join(' ').replace(/\s+/g, ' ').trim();
}

// The label words the corpus uses, read off the files: a bullet of only one of these is a kind label.
const LABEL_ONLY = /^[_*\s]*(achieved|next|risks?|blockers?|blocked|blocking|completed|ongoing|in[- ]progress)[_*\s]*:[_*\s]*$/i;
const markdown = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm);

/**
 * Every list item and every paragraph not inside a list item (and every code block, table
 * and raw HTML block), counted straight from the
 * mdast: the units of content a report author wrote. Label-only bullets (`- _achieved:_`)
 * and a workstream's commitment-tag line are structure and are left out.
 */
function contentBlocks(tree: Root): Array<{ line: number; text: string }> {
  const blocks: Array<{ line: number; text: string }> = [];
  const walk = (node: Nodes, parent: Nodes | undefined): void => {
    if (node.type === 'listItem' || (node.type === 'paragraph' && parent?.type !== 'listItem')) {
      const text = ownText(node);
      const only = node.type === 'paragraph' && node.children.length === 1 ? node.children[0] : undefined;
      const tagOnly = only?.type === 'inlineCode' && /^[a-z0-9][\w.-]*(?::[\w.-]+)+$/i.test(only.value);
      if (text !== '' && !LABEL_ONLY.test(text) && !tagOnly) blocks.push({ line: node.position!.start.line, text });
    }
    // Code blocks, tables and raw HTML between them are kept too (as notes).
    if ((node.type === 'code' || node.type === 'table' || node.type === 'html') && (parent?.type === 'root' || parent?.type === 'blockquote')) {
      blocks.push({ line: node.position!.start.line, text: node.type === 'html' ? '' : toString(node).replace(/\s+/g, ' ').trim() });
    }
    if ('children' in node) for (const child of node.children) walk(child as Nodes, node);
  };
  walk(tree, undefined);
  return blocks;
}

/** Where the model says each piece of content came from: source line → occurrences. */
function modelLines(update: Update, sourceLines: string[]): Map<number, string[]> {
  const lines = new Map<number, string[]>();
  const add = (line: number, text: string) => lines.set(line, [...(lines.get(line) ?? []), text]);
  for (const section of update.sections) {
    // Sections opened by a heading are structure; those opened by a bullet or paragraph hold its text.
    for (const line of [section.line, ...(section.alsoAt ?? [])]) {
      if (!/^\s*#/.test(sourceLines[line - 1] ?? '')) add(line, section.title);
    }
    for (const items of Object.values(section.items)) for (const item of items) add(item.line, item.text);
    for (const item of section.workItems) add(item.line, item.text);
  }
  for (const note of update.notes) add(note.line, note.text);
  return lines;
}

describe('conservation: nothing in the source is lost or doubled', () => {
  it('puts every list item and paragraph of every corpus file in the model exactly once', async () => {
    const { site } = await corpusBuild();
    let checked = 0;
    for (const update of site.updates) {
      const source = await readFile(path.join(CORPUS, update.source), 'utf8');
      const blocks = contentBlocks(markdown.parse(source));
      const lines = modelLines(update, source.split('\n'));
      const problems: string[] = [];
      for (const block of blocks) {
        const found = lines.get(block.line) ?? [];
        if (found.length !== 1) problems.push(`${update.source}:${block.line}: found ${found.length} times: ${block.text.slice(0, 60)}`);
        // The model keeps the words: label prefixes ("achieved:") aside, the text is the source's.
        else if (!block.text.endsWith(found[0]!) && !block.text.includes(found[0]!)) problems.push(`${update.source}:${block.line}: text changed: ${found[0]!.slice(0, 60)}`);
        checked++;
      }
      const total = [...lines.values()].reduce((n, l) => n + l.length, 0);
      expect(problems, update.source).toEqual([]);
      expect(total, `${update.source}: model entries vs content blocks`).toBe(blocks.length);
    }
    expect(checked).toBeGreaterThan(2000);
  });
});

describe('an update edited after publication', () => {
  it('keeps the milestone keys of the first version and adds the Chat SDK section', async () => {
    const { parseUpdate } = await import('../../src/content');
    const { VFile } = await import('vfile');
    const parse = async (p: string) => {
      const file = new VFile({ path: p, value: await readFile(path.join(CORPUS, p)) });
      const update = parseUpdate(file, { team: 'waku' });
      expect(file.messages.filter((m) => m.fatal)).toEqual([]);
      return update!;
    };
    const first = await parse('edits/2023-12-04.first-version.md');
    const last = await parse('waku/updates/2023-12-04.md');
    expect(first.id).toBe(last.id);
    const firstKeys = first.sections.map((s) => s.key);
    const lastKeys = last.sections.map((s) => s.key);
    expect(lastKeys.filter((k) => firstKeys.includes(k))).toEqual(firstKeys);
    expect(lastKeys.filter((k) => !firstKeys.includes(k))).toEqual(['waku-org-pm-105']);
    const chat = last.sections.find((s) => s.key === 'waku-org-pm-105')!;
    expect(chat.title).toBe('chat-sdk-tracking');
    expect(chat.area).toBe('Chat SDK');
    expect(chat.items.achieved.map((i) => i.text)).toEqual(['Running custom built desktop with status-go, working on community store node']);
    expect(chat.items.blockers.map((i) => i.text)).toEqual(['no so far']);
    expect(first.hash).not.toBe(last.hash);
  });
});

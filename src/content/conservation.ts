/**
 * The conservation check: every list item and paragraph a report author wrote, counted
 * straight from the mdast, must appear in the model exactly once, with its words — or be
 * structure the outline reader consumed (a kind label, a document title, "None", a link
 * bullet that is an item's evidence), which it lists. Used by the tests and `npm run fidelity`.
 */
import type { ListItem, Nodes, Paragraph, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { blockText, isEmptyCell } from './inline';
import { parseMarkdown } from './markdown';
import type { Update } from './model';
import { paragraphLines, type Outline } from './outline';
import { readingShape } from './parse';

/** The own text of a list item: its content without nested lists. */
function ownText(node: ListItem | Paragraph): string {
  const own = node.type === 'listItem' ? node.children.filter((c) => c.type !== 'list') : [node];
  return own.map((c) => blockText(c as RootContent)).join(' ').replace(/\s+/g, ' ').trim();
}

// The label words the corpus uses, read off the files: a bullet of only one of these is a kind label.
const LABEL_ONLY = /^[_*\s]*(achieved|next|risks?|blockers?|blocked|blocking|completed|ongoing|in[- ]progress)[_*\s]*:[_*\s]*$/i;
/** An image, code or raw HTML somewhere in these nodes: content even without words. */
function hasMedia(nodes: readonly Nodes[]): boolean {
  return nodes.some((n) => n.type === 'image' || n.type === 'imageReference' || n.type === 'html' || n.type === 'code' || ('children' in n && hasMedia(n.children as Nodes[])));
}

/**
 * Every list item and every paragraph not inside a list item (and every code block, table
 * and raw HTML block), counted straight from the
 * mdast: the units of content a report author wrote. Label-only bullets (`- _achieved:_`)
 * and a workstream's commitment-tag line are structure and are left out.
 */
function contentBlocks(tree: Root, modelLines: ReadonlyMap<number, string[]>): ContentBlock[] {
  const blocks: ContentBlock[] = [];
  // A list item is one unit: its own content (paragraphs, quotes, code inside it) is its text;
  // only its nested lists hold further units.
  const walk = (node: Nodes): void => {
    // A paragraph read line by line (a record `Project:` / `Status:` / `Next:`, name lines in bold
    // with text under them: ./outline.ts readRecord, nameLineSegments): each line a unit, kept
    // in what the model holds at its line, or in the item an earlier line of the paragraph began.
    const lines = node.type === 'paragraph' ? paragraphLines(node) : undefined;
    const start = node.position?.start.line ?? 0;
    if (lines && lines.some((_, i) => i > 0 && modelLines.has(start + i))) {
      for (const [i, nodes] of lines.entries()) {
        const text = toString({ type: 'paragraph', children: nodes }).replace(/\s+/g, ' ').trim();
        if (text !== '') blocks.push({ line: start + i, cells: [text], from: start });
      }
      return;
    }
    if (node.type === 'listItem' || node.type === 'paragraph') {
      const text = ownText(node);
      const only = node.type === 'paragraph' && node.children.length === 1 ? node.children[0] : undefined;
      const tagOnly = only?.type === 'inlineCode' && /^[a-z0-9][\w.-]*(?::[\w.-]+)+$/i.test(only.value);
      const says = text !== '' || hasMedia(node.type === 'listItem' ? node.children.filter((c) => c.type !== 'list') : node.children);
      // A bullet holding a raw HTML block is kept with its tags stripped: count it, skip the words.
      const rawHtml = node.type === 'listItem' && node.children.some((c) => c.type === 'html');
      // The words with their inline HTML too: a name read off the source as written keeps it.
      const raw = (node.type === 'listItem' ? node.children.filter((c) => c.type !== 'list') : [node]).map((c) => toString(c)).join(' ').replace(/\s+/g, ' ').trim();
      if (says && !LABEL_ONLY.test(text) && !tagOnly) blocks.push({ line: node.position!.start.line, ...(rawHtml ? {} : { text, raw }) });
      if (node.type === 'listItem') for (const child of node.children) if (child.type === 'list') walk(child);
      return;
    }
    // A table read row by row (a status table: ./outline.ts readStatusTable): each row is a
    // unit, each cell that says something kept in what the model holds at that row's line.
    if (node.type === 'table' && node.children.slice(1).some((row) => modelLines.has(row.position!.start.line))) {
      for (const row of node.children.slice(1)) {
        const cells = row.children.map((cell) => toString(cell).replace(/\s+/g, ' ').trim()).filter((t) => !isEmptyCell(t));
        if (cells.length > 0) blocks.push({ line: row.position!.start.line, cells });
      }
      return;
    }
    // Code blocks, tables and raw HTML between them are kept too (as notes).
    if (node.type === 'code' || node.type === 'table' || node.type === 'html') {
      // Raw HTML is kept as its text with the tags stripped: count it, do not compare words.
      blocks.push({ line: node.position!.start.line, text: node.type === 'html' ? undefined : blockText(node).replace(/\s+/g, ' ').trim() });
      return;
    }
    if (node.type === 'root' || node.type === 'blockquote' || node.type === 'list' || node.type === 'footnoteDefinition') {
      for (const child of node.children) walk(child as Nodes);
    }
  };
  walk(tree);
  return blocks;
}

/** A unit of content: its line, its words (none to compare for raw HTML), or a table row's cells. */
interface ContentBlock {
  line: number;
  text?: string;
  /** The words with their inline HTML tags. */
  raw?: string;
  cells?: string[];
  /** For a paragraph's line: its first line (an item begun on an earlier line may hold this one's words). */
  from?: number;
}

/** Where the model says each piece of content came from: source line → occurrences. */
function modelLines(update: Update, headingLines: ReadonlySet<number>): { lines: Map<number, string[]>; named: Set<number> } {
  const lines = new Map<number, string[]>();
  // Lines a part is named on before its first item (`- Platform: PostgreSQL upgraded to 9.5`): one unit, two pieces.
  const named = new Set<number>();
  const add = (line: number, text: string) => lines.set(line, [...(lines.get(line) ?? []), text]);
  for (const section of update.sections) {
    // Sections opened by a heading are structure; those opened by a bullet or paragraph hold its text.
    // The team's own part (line 0) is opened by no line of the source.
    if (!headingLines.has(section.line) && section.line > 0) add(section.line, section.title);
    // The same milestone opened again in one week (same tracker link): merged into the first,
    // whose title it keeps; the line is accounted for, its wording may differ.
    for (const line of section.alsoAt ?? []) {
      if (!headingLines.has(line)) add(line, '');
    }
    // A heading read as an item (a sentence) is a heading line: structure, like every heading.
    for (const items of Object.values(section.items)) for (const item of items) if (!headingLines.has(item.line)) add(item.line, item.text);
    if (!headingLines.has(section.line) && Object.values(section.items).some((items) => items.some((i) => i.line === section.line && !section.title.includes(i.text) && !i.text.includes(section.title)))) named.add(section.line);
    for (const item of section.workItems) if (!headingLines.has(item.line)) add(item.line, item.text);
  }
  for (const note of update.notes) if (!headingLines.has(note.line)) add(note.line, note.text);
  for (const item of update.summary ?? []) if (!headingLines.has(item.line)) add(item.line, item.text);
  return { lines, named };
}

/** Problems found (empty when the model conserves the source), model entries and content blocks. */
export function conservation(update: Update, source: string, outline?: Outline): { problems: string[]; entries: number; blocks: number; structure: number } {
  // The same parse as the reading's (a tree of its own: a kept one is handed out as a copy).
  const tree = parseMarkdown(source);
  // In the shape the reading takes it (./parse.ts).
  readingShape(tree);
  const headingLines = new Set<number>();
  const findHeadings = (node: Nodes): void => {
    if (node.type === 'heading') headingLines.add(node.position!.start.line);
    // A heading inside a bullet is part of that bullet (one unit), not a structural heading.
    if ('children' in node && node.type !== 'listItem') for (const child of node.children) findHeadings(child as Nodes);
  };
  findHeadings(tree);
  const { lines, named } = modelLines(update, headingLines);
  const blocks = contentBlocks(tree, lines);
  const problems: string[] = [];
  const structureLines = new Set(outline?.structure.map((s) => s.line) ?? []);
  // A sentence that lists its topics under it holds them (`Areas we will cover:` + `* Data`): its
  // text, then the names read as its details.
  const details = [...new Set(outline?.structure.filter((s) => s.what === 'detail').map((s) => s.text) ?? [])].sort((a, b) => b.length - a.length);
  const withDetails = (t: string, text: string) => {
    if (details.length === 0 || !t.startsWith(text)) return false;
    let rest = t.slice(text.length);
    for (const d of details) rest = rest.split(d).join(' ');
    return /^[\s,]*$/.test(rest);
  };
  let structure = 0;
  for (const block of blocks) {
    const found = lines.get(block.line) ?? [];
    if (block.cells) {
      // A row or a paragraph's line: a part (its name, status words aside), its items and notes, or structure (a status, a row saying nothing).
      const said = [...found, ...(outline?.structure.filter((s) => s.line === block.line).map((s) => s.text) ?? [])];
      const earlier: string[] = [];
      for (let l = block.from ?? block.line; l < block.line; l++) earlier.push(...(lines.get(l) ?? []));
      // A part opened again the same week (its line accounted for, '') keeps its first wording.
      const lost = found.includes('') ? [] : block.cells.filter((cell) => !said.some((t) => t.includes(cell) || (t !== '' && cell.includes(t))) && !earlier.some((t) => t.includes(cell)));
      if (found.length === 0 && lost.length === 0) structure++;
      else if (lost.length > 0) problems.push(`${update.source}:${block.line}: ${block.from === undefined ? 'table cell' : 'line'} lost: ${lost[0]!.slice(0, 60)}`);
      continue;
    }
    if (found.length === 0 && structureLines.has(block.line)) {
      structure++;
      continue;
    }
    // Once: a part's name and the remark written after it on its line (`**Milestone 1: X** succeeded!`) are two pieces of it, not a copy.
    const within = (t: string) => block.text!.includes(t) || (block.raw?.includes(t) ?? false) || withDetails(t, block.text!);
    const copies = found.length > 1 && (new Set(found).size < found.length || block.text === undefined || !found.every(within));
    if (found.length === 0 || copies) problems.push(`${update.source}:${block.line}: found ${found.length} times: ${(block.text ?? '').slice(0, 60)}`);
    // The model keeps the words: label prefixes ("achieved:") aside, the text is the source's.
    else if (block.text !== undefined && !found.every(within)) problems.push(`${update.source}:${block.line}: text changed: ${found.find((t) => !within(t))!.slice(0, 60)}`);
  }
  const entries = [...lines.values()].reduce((n, l) => n + l.length, 0) - named.size;
  return { problems, entries, blocks: blocks.length - structure, structure };
}

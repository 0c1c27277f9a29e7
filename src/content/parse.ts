/**
 * One weekly markdown file → one `Update`, with every problem reported on the VFile as a
 * message carrying line and column (fatal ones are errors, the rest warnings).
 */
import { createHash } from 'node:crypto';
import type { Definition, Heading, Image, Link, List, Nodes, Paragraph, PhrasingContent, Root, RootContent, Yaml } from 'mdast';
import { fromHtml } from 'hast-util-from-html';
import { toMdast } from 'hast-util-to-mdast';
import { toString } from 'mdast-util-to-string';
import { parse as parseToml, TomlError } from 'smol-toml';
import type { VFile } from 'vfile';
import YAML, { LineCounter, isMap, isScalar } from 'yaml';
import { decodeUtf8 } from './decode';
import { slugify, trafficLight } from './keys';
import { parseMarkdown } from './markdown';
import type { Update } from './model';
import { readOutline, type Outline, type ReadingHints, type Recurrence } from './outline';
import { renderDocument } from './render';
import { keyOutline, sectionsOf, type TitleOwners } from './sections';
import { addDays } from './dates';
import { inferWeek, onlyDate, scheduledAfter, type DayOrder } from './week';

export { FRONT_MATTER } from './markdown';

/** The TOML front matter node remark-frontmatter makes (mdast has no type for it). */
interface Toml {
  type: 'toml';
  value: string;
  position?: Yaml['position'];
}

export interface ParseOptions {
  /** Team folder from the path (`content/<team>/updates/…`); front matter `team:` overrides it. The slug is derived. */
  team?: string;
  /** Milestone aliases: old key → current key. */
  aliases?: ReadonlyMap<string, string>;
  /** The team's title owners so far (see TitleOwners); the build passes one per team, in path order. */
  owners?: TitleOwners;
  /** Where to keep how the file was read (by path), for `npm run explain` and the tests. */
  outlines?: Map<string, Outline>;
  /** Names the team goes by (folder, display name), to recognise a "<Team> weekly" heading. */
  teamNames?: readonly string[];
  hints?: ReadingHints;
  /** The team's display name (title of its team-level part). */
  teamTitle?: string;
  /** What recurs across the team's weeks (./recurrence.ts). */
  recurrence?: Recurrence;
  /** How the team writes numeric dates such as `01-10-2025` (build.ts decides it from all the team's file names). */
  dayOrder?: DayOrder;
  /** A date of the team's (build.ts: its last report read), for a date the file writes without its year. */
  near?: string;
}

/** A file read into its outline, before keys (the build keys all of a team's files together). */
export interface ReadUpdate {
  outline: Outline;
  /** Everything of the Update but its sections and notes. */
  base: Omit<Update, 'sections' | 'notes'>;
}

type Place = { line: number; column: number };

export const TEAM_SLUG = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;

/** A folder name as a URL slug: `innovation_lab` → `innovation-lab`. */
export function teamSlug(folder: string): string {
  return slugify(folder, 63);
}

export function fail(file: VFile, reason: string, place: Place, ruleId: string): void {
  const message = file.message(reason, { place, ruleId, source: 'tidings' });
  message.fatal = true;
}

// C0 controls other than tab/LF/CR, and DEL: invalid in XML feeds, invisible in pages.
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/** Text, mdast and front matter of a markdown file; undefined when it cannot be read (messages say why). */
function readDocument(file: VFile, what: string): { text: string; tree: Root; meta: FrontMatter } | undefined {
  const text = readText(file);
  if (text === undefined) return undefined;
  if (text.trim() === '') {
    fail(file, `empty file: ${what}`, { line: 1, column: 1 }, 'empty-file');
    return undefined;
  }
  if (!withinLimits(file, text)) return undefined;
  const tree = parseMarkdown(text);
  resolveReferences(tree);
  readingShape(tree);
  const first = tree.children[0] as RootContent | Toml | undefined;
  const meta = first?.type === 'toml' ? readTomlFrontMatter(file, first) : readFrontMatter(file, first?.type === 'yaml' ? first : undefined);
  return meta === undefined ? undefined : { text, tree, meta };
}

/**
 * The tree as the reading takes it, in place: what markdown parsed one way and its author
 * wrote another. The conservation check (./conservation.ts) reads the same shape.
 * - A bold line glued under a bullet is a paragraph of its own (liftLazyLines);
 * - a line titled by an emoji (`🗺 The data landscape`) is a heading (emojiTitleLines);
 * - metadata lines at the top (`title: …`, `date: …`) are front matter (metadataLines);
 * - a table, a heading, a list, a paragraph or a quote written in HTML is the markdown it
 *   would be, a picture in HTML the picture it is, a line of tags alone an HTML block (htmlBlocks);
 * - a heading written as a bullet's text (`- ### Past Goals`, `- ### Phi`) is that bullet's
 *   text set in bold, as a bold line over a list is read (headingsInBullets);
 * - a template's unfilled field (`<Task>`), no HTML element, is its text (templateFields);
 * - a fence that holds nothing but words after it (`* ~~~Polished~~~ Sanded the frames`,
 *   strikethrough typed with three tildes, which opens a code block) is that line (emptyFences).
 */
export function readingShape(tree: Root): void {
  emptyFences(tree);
  templateFields(tree);
  headingsInBullets(tree);
  liftLazyLines(tree);
  emojiTitleLines(tree);
  metadataLines(tree);
  htmlBlocks(tree);
}

/** HTML's own element names: any other `<Name>` is text, not a tag. */
const HTML_ELEMENT = /^(?:a|abbr|address|area|article|aside|audio|b|bdi|bdo|blockquote|body|br|button|canvas|caption|center|cite|code|col|colgroup|data|datalist|dd|del|details|dfn|dialog|div|dl|dt|em|embed|fieldset|figcaption|figure|font|footer|form|h[1-6]|head|header|hgroup|hr|html|i|iframe|img|input|ins|kbd|label|legend|li|link|main|map|mark|math|menu|meta|meter|nav|noscript|object|ol|optgroup|option|output|p|param|picture|pre|progress|q|rp|rt|ruby|s|samp|script|search|section|select|slot|small|source|span|strike|strong|style|sub|summary|sup|svg|table|tbody|td|template|textarea|tfoot|th|thead|time|title|tr|track|tt|u|ul|var|video|wbr)$/i;

/**
 * A template's field left unfilled (`<Task>`, `<Due>`, `<Your name>`): markdown takes it for an
 * HTML tag, which no page shows; it is the text it is (a placeholder, see isPlaceholder).
 */
function templateFields(node: Nodes): void {
  if (!('children' in node)) return;
  for (const [i, child] of (node.children as Nodes[]).entries()) {
    if (child.type !== 'html') {
      templateFields(child);
      continue;
    }
    const tag = /^<([A-Za-z][\w-]*)(?:\s[^<>=]*)?>$/.exec(child.value.trim());
    if (!tag || HTML_ELEMENT.test(tag[1]!)) continue;
    const text = { type: 'text' as const, value: child.value.trim(), ...(child.position ? { position: child.position } : {}) };
    // On a line of its own (an HTML block to markdown), a paragraph of that text.
    const flow = node.type === 'root' || node.type === 'blockquote' || node.type === 'listItem';
    (node.children as Nodes[])[i] = flow ? { type: 'paragraph', children: [text], ...(child.position ? { position: child.position } : {}) } : text;
  }
}

/**
 * A block of code with no code and words on its opening line: the line a writer typed, taken by
 * markdown for a fence (three tildes or backticks first, as strikethrough or a quote): a
 * paragraph of its words and the fence's marks (written as tildes: the tree does not keep which
 * they were), so that none is lost.
 */
function emptyFences(node: Nodes): void {
  if (!('children' in node)) return;
  const children = node.children as Nodes[];
  for (const [i, child] of children.entries()) {
    if (child.type !== 'code') {
      emptyFences(child);
      continue;
    }
    // An empty block of code in a language (```` ```js ```` then ```` ``` ````) is one: only words after the marks are not.
    if (child.value.trim() !== '' || !child.lang || (!child.meta && /^[\w+#.-]+$/.test(child.lang))) continue;
    const value = `~~~${child.lang}${child.meta ? ` ${child.meta}` : ''}`;
    const position = child.position ? { position: child.position } : {};
    children[i] = { type: 'paragraph', children: [{ type: 'text', value, ...position }], ...position };
  }
}

/**
 * A bullet whose text is a heading (`- ### Plans and Goals` over its list): the heading's words in bold.
 * A list of such bullets and nothing else, each a heading alone (`* #### Joel`, then Joel's
 * paragraph below it, not indented), is those headings: what follows each is under it.
 */
function headingsInBullets(node: Nodes): void {
  if (!('children' in node)) return;
  const alone = (n: Nodes): n is List => n.type === 'list' && n.children.length > 0 && n.children.every((i) => i.children.length === 1 && i.children[0]!.type === 'heading');
  if (node.type === 'root' && node.children.some(alone)) node.children = node.children.flatMap((n) => (alone(n) ? n.children.map((i) => i.children[0] as Heading) : [n]));
  for (const child of node.children as Nodes[]) {
    if (child.type === 'listItem' && child.children[0]?.type === 'heading') {
      const heading = child.children[0];
      child.children[0] = { type: 'paragraph', children: [{ type: 'strong', children: heading.children, ...(heading.position ? { position: heading.position } : {}) }], ...(heading.position ? { position: heading.position } : {}) };
    }
    headingsInBullets(child);
  }
}

/**
 * A table written in HTML (`<table><thead><tr><th>Task</th>…`), as GitBook, Notion and
 * Confluence export them: the table it is (hast-util-from-html, hast-util-to-mdast), read as a
 * markdown table is; not one block of text. So are a heading, a list, a paragraph and a quote
 * written in HTML, as blog engines (Pelican, Jekyll) keep them (`<h2>What did you do this
 * week?</h2>`, `<ul><li>…</li></ul>`): the heading or list it is, each item on its line. A picture
 * written in HTML (`<img src=… alt=…>`) is a picture, as `![alt](src)` is (a note of its part),
 * not an empty item. A table is placed on the HTML's lines; the rest where the HTML has them.
 * A line of tags alone (`<video src=… controls></video>`, `<br />`), which markdown leaves
 * in a paragraph, is the HTML block it is (the outline reads it as one).
 */
function htmlBlocks(tree: Root): void {
  // A line of inline HTML only (`<a href=…><img …></a>` is no HTML block to CommonMark): its HTML.
  const htmlOf = (n: RootContent): string | undefined =>
    n.type === 'html' ? n.value : n.type === 'paragraph' && n.children.some((c) => c.type === 'html') && n.children.every((c) => c.type === 'html' || (c.type === 'text' && c.value.trim() === '')) ? n.children.map((c) => (c as { value: string }).value).join('') : undefined;
  if (!tree.children.some((n) => htmlOf(n) !== undefined)) return;
  tree.children = tree.children.flatMap((block): RootContent[] => {
    const value = htmlOf(block);
    if (value === undefined || !block.position) return [block];
    // Line breaks after the element (`<p>…</p><br>`) only space it from the next: no content.
    const node = { type: 'html' as const, value: value.replace(/(<\/[a-z][a-z0-9]*>)(?:\s*<br\s*\/?>)+\s*$/i, '$1'), position: block.position };
    const table = HTML_TABLE.test(node.value) && /<\/table>\s*$/i.test(node.value);
    const element = HTML_MARKDOWN_ELEMENT.exec(node.value);
    if (!table && !element && !HTML_PICTURE.test(node.value)) return [block.type === 'paragraph' ? node : block];
    const converted = toMdast(fromHtml(node.value, { fragment: true })) as Root;
    const content = converted.children.filter((c) => !(c.type === 'text' && c.value.trim() === ''));
    if (element && !table && !HTML_PICTURE.test(node.value)) {
      // The element it is, each node on the line the HTML has it (a node without one on its parent's).
      if (content.length !== 1 || content[0]!.type === 'html' || toString(content[0]!).trim() === '') return [block];
      const offset = node.position.start.line - 1;
      const shift = (n: Nodes, parent: Nodes['position']): void => {
        n.position = n.position ? { start: { ...n.position.start, line: n.position.start.line + offset }, end: { ...n.position.end, line: n.position.end.line + offset } } : structuredClone(parent);
        if ('children' in n) for (const c of n.children) shift(c as Nodes, n.position);
      };
      shift(content[0]!, node.position);
      return [content[0]!];
    }
    // A picture (`<img src=… alt=…>`, in a `<p>` or not): a paragraph of its images, as `![alt](src)` is.
    const images = content
      .flatMap((c) => (c.type === 'paragraph' ? c.children : [c]))
      .flatMap((c) => (c.type === 'link' && c.children.every((l) => l.type === 'image' || (l.type === 'text' && l.value.trim() === '')) ? c.children : [c]))
      .filter((p) => !(p.type === 'text' && p.value.trim() === ''));
    const read: RootContent | undefined = table
      ? content.length === 1 && content[0]!.type === 'table' ? content[0] : undefined
      : images.length > 0 && images.every((c) => c.type === 'image') ? { type: 'paragraph', children: images as PhrasingContent[] } : undefined;
    if (!read) return [block];
    const place = (n: Nodes): void => {
      n.position = structuredClone(node.position);
      if ('children' in n) for (const c of n.children) place(c as Nodes);
    };
    place(read);
    return [read];
  });
}
/** One element markdown has a form of, alone in an HTML block: a heading, a list, a paragraph, a quote. */
const HTML_MARKDOWN_ELEMENT = /^\s*<(h[1-6]|ul|ol|p|blockquote)\b[^>]*>[\s\S]*<\/\1>\s*$/i;
const HTML_TABLE = /^\s*<table[\s>]/i;
/** An HTML block that is only a picture: `<img …>`, alone, in a `<p>` or in a link (`<a href=…><img …></a>`). */
const HTML_PICTURE = /^\s*(?:<p[\s>][^<]*)?(?:<a\s[^>]*>\s*)?<img\b[^>]*>\s*(?:<\/a>)?\s*(?:<\/p>)?\s*$/i;

/** ikiwiki's title directive: `[[!meta title="…"]]`. */
const WIKI_TITLE = /^\[\[!meta\s+title="([^"]+)"\s*\]\]$/;
/** A metadata line: a key of a word or two, a colon, a value (`Title: …`, `date: 2021-01-24 12:09:00`). */
const METADATA_LINE = /^([A-Za-z][\w-]*(?: [\w-]+)?):[ \t]+(\S.*)$/;
/**
 * Metadata written without fences, as Pelican and MultiMarkdown take it: the file's first lines,
 * each `Key: value`, one of them its title or its date, then a blank line. It is the file's front
 * matter, read as YAML front matter is (each value a string): not the report's first paragraph.
 */
function metadataLines(tree: Root): void {
  const first = tree.children[0];
  // A wiki's page directives (ikiwiki: `[[!meta title="Tails report for March, 2016"]]`,
  // `[[!meta date="…"]]`, `[[!pagetemplate …]]`) as the first lines: its title is the file's
  // title, as front matter's is; its other directives are for the wiki (a publication date is
  // not the period the report covers).
  if (first?.type === 'paragraph' && first.position?.start.line === 1) {
    const lines = toString(first).split('\n').map((l) => l.trim());
    const title = lines.map((l) => WIKI_TITLE.exec(l)?.[1]).find((t) => t !== undefined);
    if (title !== undefined && lines.every((l) => /^\[\[![^\]]*\]\]$/.test(l))) {
      tree.children[0] = { type: 'yaml', value: `title: ${JSON.stringify(title)}`, ...(first.position ? { position: first.position } : {}) };
      return;
    }
  }
  if (first?.type !== 'paragraph' || first.position?.start.line !== 1 || !first.children.every((c) => c.type === 'text')) return;
  const lines = toString(first).split('\n').map((l) => METADATA_LINE.exec(l.trim()));
  if (lines.length < 2 || lines.some((m) => m === null) || !lines.some((m) => /^(?:title|date)$/i.test(m![1]!))) return;
  const value = lines.map((m) => `${m![1]!.toLowerCase().replace(/\s+/g, '_')}: ${JSON.stringify(m![2]!.trim().replace(/^"(.*)"$/, '$1'))}`).join('\n');
  tree.children[0] = { type: 'yaml', value, ...(first.position ? { position: first.position } : {}) };
}

/**
 * A bold line written right under a bullet, with no blank line between and no indent
 * (`- next: the spec` then `**[Epic] Encryption docs](…)**` then `- next: …`): markdown reads
 * it as the bullet's text going on (a lazy continuation line), but its author wrote a new
 * opener, a part or a label, at the top level, as its indent says. It is lifted out of the
 * list: the list ends at the bullet, the line becomes a paragraph of its own, and the bullets
 * after it a list of their own. Only where nothing else of that bullet comes after the line.
 */
function liftLazyLines(tree: Root): void {
  for (let i = 0; i < tree.children.length; i++) {
    const list = tree.children[i]!;
    if (list.type !== 'list') continue;
    const lift = lazyLine(list);
    if (!lift) continue;
    const { paragraph, at } = lift;
    const children = paragraph.children;
    const opener: Paragraph = { type: 'paragraph', children: children.slice(at), position: { start: children[at]!.position!.start, end: paragraph.position!.end } };
    paragraph.children = children.slice(0, at);
    const last = paragraph.children.at(-1);
    if (last?.type === 'text') last.value = last.value.replace(/\s+$/, '');
    const line = opener.position!.start.line;
    const after = list.children.filter((item) => item.position!.start.line > line);
    list.children = list.children.filter((item) => item.position!.start.line < line);
    const rest: List[] = after.length > 0 ? [{ ...list, children: after, position: { start: after[0]!.position!.start, end: list.position!.end } }] : [];
    tree.children.splice(i + 1, 0, opener, ...rest);
  }
}

/**
 * A section title written without `#`: a line of its own that starts with an emoji and is no
 * sentence (`🗺 The data landscape`, `🗓 Focus for next week`, up to twelve words, no full stop),
 * with the section's text after it, as weeknotes are often written. When a document has two or
 * more such lines, each is read as the heading it stands for: one level below the heading
 * before it (level 2 where there is none), level 1 when it is the document's first line. An
 * emoji that says how something stands (✅, 🟢, ⚠️) opens an item, not a section: such a line
 * stays what it is.
 */
function emojiTitleLines(tree: Root): void {
  const titled = tree.children.map((node, i) => {
    if (node.type !== 'paragraph' || !node.children.every((c) => c.type === 'text')) return false;
    const text = toString(node).trim();
    if (!/^\p{Extended_Pictographic}/u.test(text) || /\n/.test(text) || (/[.!?;,]$/.test(text) && !/\.\.\.$/.test(text))) return false;
    if (text.split(/\s+/).length > 12 || trafficLight(text.slice(0, 3)) !== undefined) return false;
    const next = tree.children[i + 1];
    return next !== undefined && next.type !== 'heading' && next.type !== 'thematicBreak';
  });
  if (titled.filter(Boolean).length < 2) return;
  // The first block of a document titles it (`📝 Weeknotes #9 - …`): level 1.
  const first = tree.children.findIndex((node) => node.type !== 'yaml' && (node.type as string) !== 'toml');
  let depth = 1;
  tree.children = tree.children.map((node, i): RootContent => {
    if (node.type === 'heading') depth = node.depth;
    if (!titled[i] || node.type !== 'paragraph') return node;
    const level = i === first ? 1 : Math.min(depth + 1, 6);
    if (i === first) depth = 1;
    return { type: 'heading', depth: level as Heading['depth'], children: node.children, ...(node.position ? { position: node.position } : {}) };
  });
}

/** The first paragraph of a list (at any depth) that a bold line at column 1 goes on, and where that line starts in it. */
function lazyLine(list: List): { paragraph: Paragraph; at: number } | undefined {
  for (const item of list.children) {
    for (const child of item.children) {
      const found = child.type === 'list' ? lazyLine(child) : child.type === 'paragraph' ? boldLineAt(child) : undefined;
      if (!found) continue;
      const line = found.paragraph.children[found.at]!.position!.start.line;
      // Nothing of the bullet but the rest of that paragraph may come after the line.
      const after = (node: Nodes): boolean => node !== found.paragraph && (node.position!.start.line > line || ('children' in node && (node.children as Nodes[]).some(after)));
      return after(item) ? undefined : found;
    }
  }
  return undefined;
}

/** In a paragraph, a line of its own at column 1 that is only bold or italic text (a trailing colon aside). */
function boldLineAt(paragraph: Paragraph): { paragraph: Paragraph; at: number } | undefined {
  const c = paragraph.children;
  for (let at = 1; at < c.length; at++) {
    const node = c[at]!;
    const before = c[at - 1]!;
    if ((node.type !== 'strong' && node.type !== 'emphasis') || node.position?.start.column !== 1) continue;
    if (before.type !== 'text' || !/\n[ \t]*$/.test(before.value)) continue;
    const next = c[at + 1];
    if (next === undefined || (next.type === 'text' && /^[\s:]*(?:\n|$)/.test(next.value))) return { paragraph, at };
  }
  return undefined;
}

/**
 * Reference-style links and images (`[pr-12]`, `[text][pr-12]`, `![x][img]` with `[pr-12]: url`
 * anywhere in the file) become plain links and images, once, right after parsing: every
 * fragment rendered on its own (an item, a summary) then shows them as links, and the reading
 * counts them as the links they are. The definitions stay in the tree (they render as nothing).
 */
export function resolveReferences(tree: Root): void {
  const definitions = new Map<string, Definition>();
  const collect = (node: Nodes): void => {
    if (node.type === 'definition') {
      // The first definition of an identifier wins (CommonMark).
      if (!definitions.has(node.identifier)) definitions.set(node.identifier, node);
      return;
    }
    if ('children' in node) for (const child of node.children) collect(child as Nodes);
  };
  collect(tree);
  if (definitions.size === 0) return;
  const replace = (node: Nodes): void => {
    if (!('children' in node)) return;
    const children = node.children as Nodes[];
    for (let i = 0; i < children.length; i++) {
      const child = children[i]!;
      if (child.type === 'linkReference' || child.type === 'imageReference') {
        const definition = definitions.get(child.identifier);
        if (definition) {
          const common = { url: definition.url, ...(definition.title ? { title: definition.title } : {}), ...(child.position ? { position: child.position } : {}) };
          if (child.type === 'linkReference') {
            const link: Link = { type: 'link', ...common, children: child.children };
            children[i] = link;
          } else {
            const image: Image = { type: 'image', ...common, alt: child.alt ?? '' };
            children[i] = image;
          }
        }
      }
      replace(children[i]!);
    }
  };
  replace(tree);
}

/** Returns the update, or undefined when the file has errors (they are on `file.messages`). */
export function parseUpdate(file: VFile, options: ParseOptions = {}): Update | undefined {
  const read = readUpdate(file, options);
  if (!read) return undefined;
  options.outlines?.set(file.path, read.outline);
  return keyUpdate(read, options);
}

/** Keys the outline and assembles the Update. */
export function keyUpdate(read: ReadUpdate, options: Pick<ParseOptions, 'aliases' | 'owners'>): Update {
  keyOutline(read.outline, { team: read.base.team, aliases: options.aliases ?? new Map(), ...(options.owners ? { owners: options.owners } : {}) });
  const { sections, notes } = sectionsOf(read.outline);
  // A schedule's lines dated after the report (`November 15th: Code freeze`), read as news, are plans.
  const end = read.base.period?.end ?? addDays(read.base.date, 6);
  for (const s of sections) {
    const ahead = s.items.progress.filter((i) => scheduledAfter(i.text, read.base.date, end));
    if (ahead.length === 0) continue;
    s.items.progress = s.items.progress.filter((i) => !ahead.includes(i));
    s.items.next.push(...ahead);
  }
  const { html, hash, ...rest } = read.base;
  return { ...rest, sections, notes, ...(read.outline.summary.length > 0 ? { summary: read.outline.summary } : {}), html, hash };
}

/** Phase one of parseUpdate: text, front matter, week, team and the outline. */
export function readUpdate(file: VFile, options: ParseOptions = {}): ReadUpdate | undefined {
  const doc = readDocument(file, 'a weekly update needs at least a date and some content');
  if (!doc) return undefined;
  const { text, tree, meta } = doc;

  const folder = typeof meta.values.team === 'string' && meta.values.team.trim() !== '' ? meta.values.team.trim() : options.team;
  if (!folder) {
    fail(file, 'no team: put the file under content/<team>/updates/ or set `team:` in the front matter', { line: 1, column: 1 }, 'missing-team');
    return undefined;
  }
  // The team is part of URLs (/teams/<team>) and of subscription scopes (team:<team>): a slug, derived.
  const team = teamSlug(folder);
  if (!TEAM_SLUG.test(team)) {
    const where = meta.values.team !== undefined ? meta.place('team') : { line: 1, column: 1 };
    fail(file, `team \`${folder}\` has no letters or digits to make a URL slug of`, where, 'invalid-team');
    return undefined;
  }
  const frontTitle = typeof meta.values.title === 'string' && meta.values.title.trim() !== '' ? meta.values.title.trim() : undefined;
  // Without `period`, another front matter field that is nothing but a range of dates
  // (`description: February 26, 2025 - March 11, 2025`) says the period.
  const periodKey =
    meta.values.period !== undefined && meta.values.period !== null
      ? 'period'
      : Object.keys(meta.values).find((k) => k !== 'date' && k !== 'lastmod' && typeof meta.values[k] === 'string' && onlyDate(meta.values[k] as string) && /\s(?:-|–|—|to)\s/.test(meta.values[k] as string));
  const week = inferWeek(file, tree, {
    ...(meta.values.date !== undefined && meta.values.date !== null ? { date: meta.values.date, datePlace: meta.place('date') } : {}),
    ...(periodKey ? { period: meta.values[periodKey], periodPlace: meta.place(periodKey) } : {}),
    ...(frontTitle ? { title: frontTitle, titlePlace: meta.place('title') } : {}),
    ...(options.dayOrder ? { order: options.dayOrder } : {}),
    ...(options.near ? { near: options.near } : {}),
    ...(options.hints?.numbered ? { numbered: options.hints.numbered } : {}),
  });
  if (week === undefined) return undefined;
  const { date, period } = week;
  const lastmodRaw = meta.values.lastmod;
  let lastmod: string | undefined;
  if (lastmodRaw !== undefined && lastmodRaw !== null) {
    lastmod = lastmodRaw instanceof Date ? lastmodRaw.toISOString().slice(0, 10) : typeof lastmodRaw === 'string' ? validIsoDate(lastmodRaw) : undefined;
    if (lastmod === undefined) {
      file.message(`\`lastmod\` ${JSON.stringify(lastmodRaw)} is not a YYYY-MM-DD date: ignored`, { place: meta.place('lastmod'), ruleId: 'invalid-lastmod', source: 'tidings' });
    } else if (lastmod < date) {
      file.message(`lastmod ${lastmod} is before the update's date ${date}`, { place: meta.place('lastmod'), ruleId: 'lastmod-before-date', source: 'tidings' });
    }
  }

  const names = [team, folder, ...(options.teamNames ?? [])].map((n) => n.toLowerCase().replace(/[_-]+/g, ' '));
  // The writer's own summary (`summary: In March, we paid for 126 hours of work…`), said in a
  // sentence: not a subtitle ("AI-powered Debugger for Music Blocks", the project's, every
  // week), nor `description:`, as often about the document ("Weekly update of Codex") as the week.
  const said = (v: unknown): v is string => typeof v === 'string' && !onlyDate(v) && (/[.!]$/.test(v.trim()) ? v.trim().split(/\s+/).length >= 3 : v.trim().split(/\s+/).length >= 12);
  const summaryKey = ['summary', 'tldr', 'tl;dr', 'excerpt', 'abstract'].find((k) => said(meta.values[k]));
  const outline = readOutline(tree, file, {
    team,
    ...(summaryKey ? { frontSummary: { text: (meta.values[summaryKey] as string).trim(), line: meta.place(summaryKey).line } } : {}),
    ...(frontTitle ? { title: frontTitle } : {}),
    teamNames: [...new Set(names)],
    teamTitle: options.teamTitle ?? humanise(folder),
    ...(options.hints ? { hints: options.hints } : {}),
    ...(options.recurrence ? { recurrence: options.recurrence } : {}),
  });
  // Title: front matter, else the document's own `# Heading`, else team and week.
  const h1 = tree.children.find((n): n is Heading => n.type === 'heading' && n.depth === 1);
  const title = frontTitle ?? ((h1 && toString(h1).trim()) || `${team} — week of ${date}`);
  return {
    outline,
    base: {
      id: `${team}/${date}`,
      team,
      date,
      ...(period ? { period } : {}),
      title,
      permalink: `/updates/${team}/${date}`,
      ...(lastmod !== undefined ? { lastmod } : {}),
      draft: meta.values.draft === true || meta.values.draft === 'true',
      source: file.path,
      html: renderDocument(tree),
      hash: createHash('sha256').update(text).digest('hex').slice(0, 16),
    },
  };
}

/** A folder name as a display name: `innovation_lab` → `Innovation lab`. */
export function humanise(folder: string): string {
  const words = folder.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function readText(file: VFile): string | undefined {
  let text: string;
  if (typeof file.value === 'string') {
    text = file.value;
  } else {
    const decoded = decodeUtf8(file.value);
    if (!decoded.ok) {
      fail(file, `not UTF-8: invalid byte 0x${file.value[decoded.offset]!.toString(16).padStart(2, '0')} at byte ${decoded.offset}; save the file as UTF-8`, decoded, 'not-utf8');
      return undefined;
    }
    text = decoded.text;
  }
  if (CONTROL_CHARS.test(text)) {
    const lines = text.split('\n');
    lines.forEach((lineText, i) => {
      const at = lineText.search(CONTROL_CHARS);
      if (at >= 0) {
        file.message('control character removed (it is invalid in feeds)', { place: { line: i + 1, column: at + 1 }, ruleId: 'control-character', source: 'tidings' });
      }
    });
    text = text.replace(CONTROL_CHARS, '');
  }
  file.value = text;
  return text;
}

/** Bounds that keep time and memory in proportion to a real report (see README, "Writing content"). */
export const LIMITS = {
  /** Characters in one file. */
  chars: 1_000_000,
  /** List items and block quotes in one file. */
  blocks: 10_000,
  /** Nesting of lists and quotes. */
  depth: 64,
} as const;

/**
 * Refuses, with a clear error, what no report is: markdown's parser takes minutes on a
 * thousand-level nested list and gigabytes on a hundred thousand bullets. Counted on the raw
 * text, before parsing, so the refusal itself is cheap.
 */
function withinLimits(file: VFile, text: string): boolean {
  // Table cells count against the same budget as list items, on their own: GFM pads every
  // body row to the delimiter row's width, so a wide header and a column of one-character rows
  // would make the parser build rows × columns cells (an 800 KB table: minutes, gigabytes).
  const maxCells = LIMITS.blocks;
  let blocks = 0;
  let cells = 0;
  let line = 0;
  let indentUnit = 0;
  /** Columns of the table being read (0: not in a table); the previous line, for a header. */
  let columns = 0;
  let previous = '';
  for (const raw of text.split('\n')) {
    line++;
    // Leading markers: `- `, `* `, `+ `, `1. `, `>` (a quote needs no space: `>>>` is three deep),
    // any number of them on one line, after indentation.
    const lead = /^([ \t]*)((?:(?:[-*+]|\d{1,9}[.)])[ \t]+|>[ \t]?)*)/.exec(raw)!;
    const rest = raw.slice(lead[0].length);
    if (columns > 0) {
      if (rest.trim() === '') columns = 0;
      else cells += columns;
    } else if (rest.includes('|') || previous.includes('|')) {
      const width = delimiterRowWidth(rest);
      if (width > 0 && previous.includes('|')) {
        columns = width;
        cells += 2 * columns; // the header and the delimiter row
      }
    }
    previous = rest;
    if (cells > maxCells) {
      fail(file, `a table of more than ${maxCells} cells (rows × columns) in one file; split it`, { line, column: 1 }, 'too-many-cells');
      return false;
    }
    const markers = lead[2]!.match(/(?:[-*+]|\d{1,9}[.)])[ \t]+|>[ \t]?/g)?.length ?? 0;
    if (markers === 0) continue;
    blocks += markers;
    const indent = lead[1]!.replace(/\t/g, '    ').length;
    if (indent > 0 && (indentUnit === 0 || indent < indentUnit)) indentUnit = Math.max(indent, 2);
    const depth = markers + (indentUnit > 0 ? Math.floor(indent / indentUnit) : 0);
    if (depth > LIMITS.depth) {
      fail(file, `lists or quotes nested ${depth} levels deep (at most ${LIMITS.depth})`, { line, column: 1 }, 'too-deep');
      return false;
    }
    if (blocks > LIMITS.blocks) {
      fail(file, `more than ${LIMITS.blocks} list items and quotes in one file; split it`, { line, column: 1 }, 'too-many-items');
      return false;
    }
  }
  if (text.length > LIMITS.chars) {
    fail(file, `file too large: ${text.length} characters (at most ${LIMITS.chars}); split it`, { line: 1, column: 1 }, 'too-large');
    return false;
  }
  return true;

  /** The number of cells of a GFM table delimiter row (`| --- | :-: |`), or 0 when the line is none. */
  function delimiterRowWidth(row: string): number {
    const trimmed = row.trim().replace(/^\|/, '').replace(/\|$/, '');
    if (trimmed === '') return 0;
    const parts = trimmed.split('|');
    for (const part of parts) if (!/^[ \t]*:?-+:?[ \t]*$/.test(part)) return 0;
    return parts.length;
  }
}

interface FrontMatter {
  values: Record<string, unknown>;
  /** Position of a front matter key, for messages (line 1 when there is no front matter). */
  place(key: string): Place;
}

function readFrontMatter(file: VFile, node: Yaml | undefined): FrontMatter | undefined {
  if (!node) return { values: {}, place: () => ({ line: 1, column: 1 }) };
  // The YAML starts on the line after the opening `---`.
  const firstLine = (node.position?.start.line ?? 1) + 1;
  const lineCounter = new LineCounter();
  const doc = YAML.parseDocument(node.value, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number): Place => {
    const pos = lineCounter.linePos(offset);
    return { line: firstLine + pos.line - 1, column: pos.col };
  };
  if (doc.errors.length > 0) {
    // Flat `key: value` lines that YAML refuses (`title: Monthly Recap 9: December 2015`, a colon
    // in an unquoted value), as many site generators write and read them: read line by line.
    const flat = looseFrontMatter(node.value, firstLine);
    if (flat) {
      const first = doc.errors[0]!;
      file.message(`front matter is not valid YAML (${first.message.split('\n')[0]}): read as one \`key: value\` a line`, { place: at(first.pos[0]), ruleId: 'loose-front-matter', source: 'tidings' });
      return flat;
    }
    for (const error of doc.errors) {
      fail(file, `invalid YAML front matter: ${error.message.split('\n')[0]}`, at(error.pos[0]), 'invalid-front-matter');
    }
    return undefined;
  }
  const contents = doc.contents;
  if (contents !== null && !isMap(contents)) {
    fail(file, 'invalid front matter: expected `key: value` pairs', { line: firstLine, column: 1 }, 'invalid-front-matter');
    return undefined;
  }
  let values: Record<string, unknown>;
  try {
    // Aliases are expanded once each at most a hundred times: a "billion laughs" front matter is refused.
    values = (doc.toJS({ maxAliasCount: 100 }) ?? {}) as Record<string, unknown>;
  } catch (error) {
    fail(file, `invalid YAML front matter: ${error instanceof Error ? error.message : String(error)}`, { line: firstLine, column: 1 }, 'invalid-front-matter');
    return undefined;
  }
  return {
    values,
    place(key) {
      const pair = contents?.items.find((p) => isScalar(p.key) && p.key.value === key);
      const range = pair && isScalar(pair.key) ? pair.key.range : undefined;
      return range ? at(range[0]) : { line: firstLine, column: 1 };
    },
  };
}

/** Front matter of flat `key: value` lines only (no indentation, no list, no block), values as written; undefined for anything else. */
function looseFrontMatter(text: string, firstLine: number): FrontMatter | undefined {
  const values: Record<string, unknown> = {};
  const lines = new Map<string, number>();
  for (const [i, line] of text.split('\n').entries()) {
    if (line.trim() === '' || /^#/.test(line)) continue;
    const m = /^([A-Za-z_][\w-]*):(?:[ \t]+(.*))?$/.exec(line.replace(/\r$/, ''));
    if (!m) return undefined;
    const value = (m[2] ?? '').trim();
    // A block, a flow collection or an unclosed quote is YAML gone wrong, not a flat line.
    if (/^[|>[{]/.test(value) || (/^["']/.test(value) && !/^(["']).*\1$/.test(value))) return undefined;
    values[m[1]!] = value.replace(/^(["'])(.*)\1$/, '$2');
    lines.set(m[1]!, firstLine + i);
  }
  return { values, place: (key) => ({ line: lines.get(key) ?? firstLine, column: 1 }) };
}

/** TOML front matter (`+++` … `+++`), read as the YAML one is: a table of keys. */
function readTomlFrontMatter(file: VFile, node: Toml): FrontMatter | undefined {
  const firstLine = (node.position?.start.line ?? 1) + 1;
  let values: Record<string, unknown>;
  try {
    values = parseToml(node.value) as Record<string, unknown>;
  } catch (error) {
    const line = error instanceof TomlError ? firstLine + error.line - 1 : firstLine;
    const column = error instanceof TomlError ? error.column : 1;
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    fail(file, `invalid TOML front matter: ${reason}`, { line, column }, 'invalid-front-matter');
    return undefined;
  }
  const lines = node.value.split('\n');
  return {
    values,
    place(key) {
      const at = lines.findIndex((l) => new RegExp(`^\\s*["']?${key.replace(/[^\w-]/g, '')}["']?\\s*=`).test(l));
      return { line: firstLine + Math.max(at, 0), column: 1 };
    },
  };
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;

export function validIsoDate(value: string): string | undefined {
  const m = ISO_DATE.exec(value.trim());
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return undefined;
  return `${m[1]}-${m[2]}-${m[3]}`;
}

/** What a milestone definition file (content/<team>/milestones/…) says about one milestone. */
export interface MilestoneDefinition {
  key: string;
  title: string;
  /** Line of its heading, for messages. */
  line: number;
  /** Sanitized HTML: the paragraphs under its heading. */
  description: string;
  source: string;
}

/**
 * A milestone definition file: one or more milestones (and deliverables) with a description
 * each. Keys are decided exactly as in the updates, so definitions meet their weekly entries.
 */
export function parseMilestoneDefinitions(file: VFile, options: ParseOptions = {}): MilestoneDefinition[] | undefined {
  const doc = readDocument(file, 'a milestone definition needs a heading and a description');
  if (!doc) return undefined;
  const team = typeof doc.meta.values.team === 'string' && doc.meta.values.team.trim() !== '' ? doc.meta.values.team.trim() : options.team;
  if (!team) {
    fail(file, 'no team: put the file under content/<team>/milestones/ or set `team:` in the front matter', { line: 1, column: 1 }, 'missing-team');
    return undefined;
  }
  const outline = readOutline(doc.tree, file, { team: teamSlug(team) });
  keyOutline(outline, { team: teamSlug(team), aliases: options.aliases ?? new Map(), ...(options.owners ? { owners: options.owners } : {}) });
  const { sections } = sectionsOf(outline);
  // A definition's paragraphs are its description, whatever they would say in an update: what
  // will be done ("Finally, the smart contract will be deployed on mainnet") or what is in place.
  const described = (s: (typeof sections)[number]) => Object.values(s.items).flat().sort((a, b) => a.line - b.line);
  return sections
    .filter((s) => described(s).length > 0)
    .map((s) => ({
      key: s.key,
      title: s.title,
      line: s.line,
      description: described(s)
        .slice(0, 4)
        .map((n) => `<p>${n.html}</p>`)
        .join(''),
      source: file.path,
    }));
}

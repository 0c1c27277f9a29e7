/**
 * mdast of one weekly update → milestone sections and notes.
 *
 * One pass over the top-level blocks with a small amount of state: the stack of open
 * headings, the kind set by a label heading or paragraph (`#### _achieved_:`,
 * `**Completed**:`), the work item being described (`**[repo] [title](url)**`) and a
 * section opened by a link-only paragraph. Every list item and paragraph of the source
 * ends up in exactly one place: an item of a section, a work item, or a note of the update.
 * Kind labels and headings are structure, not content, and are consumed.
 */
import type { Heading, Link as MdastLink, List, ListItem, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { VFile } from 'vfile';
import { cleanTitle, derivedKey, isCommitmentTag, normaliseTrackerUrl, resolveAlias, slugify } from './keys';
import { ITEM_KINDS, type Item, type ItemKind, type ItemsByKind, type Link, type MilestoneSection, type SectionLevel } from './model';
import { renderFragment } from './render';

export interface ExtractOptions {
  team: string;
  aliases: ReadonlyMap<string, string>;
}

export interface Extracted {
  sections: MilestoneSection[];
  notes: Item[];
}

/** Label words → kind. "notes" is not a label: "Note: …" is content and keeps its words. */
const KIND_WORDS: Record<string, Exclude<ItemKind, 'notes'>> = {
  achieved: 'achieved',
  achievements: 'achieved',
  achievement: 'achieved',
  accomplished: 'achieved',
  completed: 'achieved',
  complete: 'achieved',
  done: 'achieved',
  shipped: 'achieved',
  delivered: 'achieved',
  next: 'next',
  'next steps': 'next',
  'next step': 'next',
  'next up': 'next',
  planned: 'next',
  plan: 'next',
  plans: 'next',
  todo: 'next',
  'to do': 'next',
  upcoming: 'next',
  ongoing: 'next',
  'in progress': 'next',
  wip: 'next',
  risk: 'risks',
  risks: 'risks',
  concerns: 'risks',
  blocker: 'blockers',
  blockers: 'blockers',
  blocked: 'blockers',
  blocking: 'blockers',
};

function kindOfWord(word: string): Exclude<ItemKind, 'notes'> | undefined {
  return KIND_WORDS[word.trim().toLowerCase().replace(/[\s-]+/g, ' ')];
}

// `_achieved:_`, `achieved:`, an unclosed `_achieved:` (emphasis markers survive as text).
const LABEL_PREFIX = /^\s*[_*]*\s*([A-Za-z][A-Za-z -]{0,20}?)\s*[_*]*\s*:[_*]*\s*/;
const REPO_TAG = /^\s*\[([A-Za-z0-9@][\w.@/-]*)\]\s*/;
const DATE_TEXT = /^\d{4}-\d{2}-\d{2}$/;

export function emptyItems(): ItemsByKind {
  return Object.fromEntries(ITEM_KINDS.map((k) => [k, []])) as unknown as ItemsByKind;
}

interface WorkItem {
  repo?: string;
  title: string;
}

type StackEntry =
  | { depth: number; section: MilestoneSection }
  | { depth: number; line: number; plain: string; tag?: string; materialised?: MilestoneSection }
  /** `# 2023-08-14 Waku weekly`: the document's own title, never an area or a workstream. */
  | { depth: number; documentTitle: string };

export function extractSections(tree: Root, file: VFile, options: ExtractOptions): Extracted {
  const sections: MilestoneSection[] = [];
  const byKey = new Map<string, MilestoneSection>();
  const notes: Item[] = [];
  const stack: StackEntry[] = [];
  let labelKind: ItemKind | undefined;
  let workItem: WorkItem | undefined;
  let linkSection: MilestoneSection | undefined;

  function openSection(init: {
    title: string;
    status: string[];
    trackerUrl?: string;
    tag?: string;
    scope?: string;
    parent?: MilestoneSection;
    level: SectionLevel;
    area?: string;
    line: number;
  }): MilestoneSection {
    const key = resolveAlias(
      derivedKey({ team: options.team, title: init.title, trackerUrl: init.trackerUrl, tag: init.tag, scope: init.scope }),
      options.aliases,
    );
    const existing = byKey.get(key);
    if (existing) {
      // The same milestone twice in one week: one section, items merged in source order.
      for (const s of init.status) if (!existing.status.includes(s)) existing.status.push(s);
      (existing.alsoAt ??= []).push(init.line);
      return existing;
    }
    const section: MilestoneSection = {
      key,
      title: init.title,
      ...(init.trackerUrl ? { trackerUrl: init.trackerUrl } : {}),
      ...(init.parent && init.parent.key !== key ? { parentKey: init.parent.key } : {}),
      level: init.level,
      status: init.status,
      ...(init.area ? { area: init.area } : {}),
      line: init.line,
      items: emptyItems(),
      workItems: [],
    };
    sections.push(section);
    byKey.set(key, section);
    return section;
  }

  /** Nearest section among the open headings, without materialising plain headings. */
  function enclosingSection(): MilestoneSection | undefined {
    for (let i = stack.length - 1; i >= 0; i--) {
      const entry = stack[i]!;
      if ('section' in entry) return entry.section;
      if ('plain' in entry && entry.materialised) return entry.materialised;
    }
    return undefined;
  }

  function enclosingArea(): string | undefined {
    for (let i = stack.length - 1; i >= 0; i--) {
      const entry = stack[i]!;
      if ('plain' in entry && !entry.materialised) return entry.plain;
    }
    return undefined;
  }

  /** The section content goes to: a plain heading with content under it becomes a workstream. */
  function currentSection(): MilestoneSection | undefined {
    if (linkSection) return linkSection;
    const top = stack.at(-1);
    if (!top || 'documentTitle' in top) return undefined;
    if ('section' in top) return top.section;
    if (top.materialised) return top.materialised;
    return materialise(stack.length - 1);
  }

  function materialise(index: number): MilestoneSection {
    const entry = stack[index]!;
    if ('section' in entry) return entry.section;
    if ('documentTitle' in entry) throw new Error('a document title is not a section');
    if (entry.materialised) return entry.materialised;
    let parent: MilestoneSection | undefined;
    let scope: string | undefined;
    let area: string | undefined;
    for (let i = index - 1; i >= 0; i--) {
      const outer = stack[i]!;
      if ('documentTitle' in outer) continue;
      if ('section' in outer || outer.materialised) {
        parent = 'section' in outer ? outer.section : outer.materialised;
        break;
      }
      if (area === undefined) area = outer.plain;
    }
    if (parent) scope = parent.key;
    else if (area !== undefined) scope = `${slugify(options.team)}-${slugify(area)}`;
    const { title, status } = cleanTitle(entry.plain);
    const section = openSection({
      title,
      status,
      tag: entry.tag,
      scope,
      parent,
      level: parent ? 'sub-milestone' : 'workstream',
      area,
      line: entry.line,
    });
    entry.materialised = section;
    return section;
  }

  function addItem(labelled: ItemKind | undefined, nodes: RootContent[], line: number, depth: number, section: MilestoneSection | undefined, fromList: boolean, column = 1): void {
    const item = makeItem(nodes, line, depth, workItem);
    // Unlabelled text under a milestone or workstream is still news: progress.
    const kind: ItemKind = labelled ?? (section ? 'progress' : 'notes');
    if (section) {
      section.items[kind].push(item);
      const status = /^status\s*:\s*(.+)$/i.exec(item.text);
      if (status && kind === 'progress') {
        const word = status[1]!.trim().toLowerCase();
        if (!section.status.includes(word)) section.status.push(word);
      }
      return;
    }
    notes.push(item);
    if (fromList && labelled !== undefined && kind !== 'notes') {
      file.message(`\`${kind}\` item outside any milestone: kept as a note of the update`, { place: { line, column }, ruleId: 'orphan-item', source: 'tidings' });
    }
  }

  function handleHeading(node: Heading): void {
    const text = toString(node).trim();
    const label = headingLabel(node, text);
    if (label) {
      if (label.unknown) warnUnknownKind(label.word, node);
      labelKind = label.kind;
      return;
    }
    while (stack.length > 0 && stack.at(-1)!.depth >= node.depth) stack.pop();
    labelKind = undefined;
    workItem = undefined;
    linkSection = undefined;

    const line = node.position?.start.line ?? 1;
    const links = collectLinks(node);
    const tag = headingTag(node);
    const named = links.length > 0 || /^\s*milestones?\s*(?::|-|–|—)/i.test(text);
    const isMilestone = named || tag !== undefined;
    if (!isMilestone && (node.depth === 1 || /\b\d{4}-\d{2}-\d{2}\b/.test(text))) {
      stack.push({ depth: node.depth, documentTitle: text });
      return;
    }
    if (!isMilestone) {
      stack.push({ depth: node.depth, line, plain: text, ...(tag ? { tag } : {}) });
      return;
    }
    const parent = enclosingSection();
    const { title, status } = headingTitle(node, text, links, tag);
    const trackerUrl = links[0] ? normaliseTrackerUrl(links[0].href) : undefined;
    const section = openSection({
      title,
      status,
      trackerUrl,
      tag,
      parent,
      // A heading named only by a commitment tag is a workstream, like one tagged on its first line.
      level: parent ? 'sub-milestone' : named ? 'milestone' : 'workstream',
      area: enclosingArea(),
      line,
    });
    stack.push({ depth: node.depth, section });
  }

  function warnUnknownKind(word: string, node: { position?: { start: { line: number; column: number } } }): void {
    file.message(`unknown section kind \`${word}\`: its items are kept as notes`, {
      place: node.position?.start,
      ruleId: 'unknown-kind',
      source: 'tidings',
    });
  }

  function handleParagraph(node: Paragraph): void {
    const line = node.position?.start.line ?? 1;
    const label = splitLabel([node]);
    if (label) {
      if (label.unknown) warnUnknownKind(label.word, node);
      labelKind = label.kind;
      if (label.rest.length > 0) addItem(label.kind, label.rest, line, 0, currentSection(), false);
      return;
    }
    const top = stack.at(-1);
    const tagLine = node.children.length === 1 && node.children[0]!.type === 'inlineCode' ? node.children[0]!.value : undefined;
    if (tagLine && isCommitmentTag(tagLine) && top && 'plain' in top && !top.materialised && !linkSection) {
      // A workstream named by a commitment tag on its first line: the tag is its identity.
      top.tag = tagLine.trim();
      materialise(stack.length - 1);
      return;
    }
    const text = toString(node).trim();
    const repo = REPO_TAG.exec(text);
    if (repo && hasLink(node) && text.length < 400) {
      workItem = { repo: repo[1]!, title: text.slice(repo[0].length).trim() };
      labelKind = undefined;
      const item = makeItem([node], line, 0, undefined);
      item.repo = repo[1]!;
      const section = currentSection();
      if (section) section.workItems.push(item);
      else notes.push(item);
      return;
    }
    const onlyLink = soleLink(node.children);
    if (onlyLink && labelKind === undefined && workItem === undefined) {
      const parent = enclosingSection();
      const { title, status } = cleanTitle(toString(onlyLink));
      linkSection = openSection({
        title,
        status,
        trackerUrl: normaliseTrackerUrl(onlyLink.url),
        parent,
        level: parent ? 'sub-milestone' : 'milestone',
        area: enclosingArea(),
        line,
      });
      return;
    }
    addItem(labelKind, [node], line, 0, currentSection(), false);
  }

  function handleList(list: List, kind: ItemKind | undefined, depth: number, section: MilestoneSection | undefined, sectionsAllowed: boolean): void {
    for (const listItem of list.children) handleListItem(listItem, kind, depth, section, sectionsAllowed);
  }

  function handleListItem(node: ListItem, kind: ItemKind | undefined, depth: number, section: MilestoneSection | undefined, sectionsAllowed: boolean): void {
    const own = node.children.filter((c) => c.type !== 'list') as RootContent[];
    const nested = node.children.filter((c): c is List => c.type === 'list');
    const line = node.position?.start.line ?? 1;
    const label = splitLabel(own);
    if (label) {
      if (label.unknown) warnUnknownKind(label.word, node);
      if (label.rest.length > 0) {
        addItem(label.kind, label.rest, line, depth, section, true, node.position?.start.column);
        for (const l of nested) handleList(l, label.kind, depth + 1, section, false);
      } else {
        for (const l of nested) handleList(l, label.kind, 0, section, false);
      }
      return;
    }
    const link = own.length === 1 && own[0]!.type === 'paragraph' ? soleLink(own[0]!.children) : undefined;
    if (link && kind === undefined && sectionsAllowed && section) {
      const { title, status } = cleanTitle(toString(link));
      const deliverable = openSection({
        title,
        status,
        trackerUrl: normaliseTrackerUrl(link.url),
        parent: section,
        level: 'deliverable',
        area: section.area,
        line,
      });
      for (const l of nested) handleList(l, undefined, 0, deliverable, true);
      return;
    }
    if (hasContent(own)) addItem(kind, own, line, depth, section, true, node.position?.start.column);
    for (const l of nested) handleList(l, kind, hasContent(own) ? depth + 1 : depth, section, kind === undefined && sectionsAllowed);
  }

  function handleBlock(node: RootContent): void {
    switch (node.type) {
      case 'heading':
        return handleHeading(node);
      case 'paragraph':
        return handleParagraph(node);
      case 'list': {
        const section = currentSection();
        return handleList(node, labelKind, 0, section, true);
      }
      case 'blockquote':
      case 'footnoteDefinition':
        for (const child of node.children) handleBlock(child);
        return;
      case 'code':
      case 'table':
      case 'html':
      case 'math' as RootContent['type']: {
        const line = node.position?.start.line ?? 1;
        addItem(labelKind, [node], line, 0, currentSection(), false);
        return;
      }
      default:
        // thematicBreak, definition, yaml (front matter): structure, not content.
        return;
    }
  }

  for (const node of tree.children) handleBlock(node);
  return { sections, notes };
}

/** Whether nodes say anything: text, or an image, code or HTML; a lone `---` in a bullet does not. */
function hasContent(nodes: RootContent[]): boolean {
  return nodes.some((n) => toString(n).trim() !== '' || (n.type !== 'thematicBreak' && n.type !== 'definition' && containsMedia(n)));
}

function containsMedia(node: RootContent): boolean {
  if (node.type === 'image' || node.type === 'imageReference' || node.type === 'html' || node.type === 'code') return true;
  return 'children' in node && (node.children as RootContent[]).some(containsMedia);
}

/** Own content of one item: sanitized HTML, plain text, links. */
function makeItem(nodes: RootContent[], line: number, depth: number, workItem: WorkItem | undefined): Item {
  const text = nodes
    .map((n) => (n.type === 'html' ? n.value.replace(/<(script|style)[\s\S]*?<\/\1\s*>/gi, '').replace(/<[^>]*>/g, '') : toString(n)))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
  const links: Link[] = [];
  for (const n of nodes) {
    for (const l of collectLinks(n)) links.push(l);
  }
  const repo = REPO_TAG.exec(text)?.[1] ?? workItem?.repo;
  return {
    html: renderFragment(nodes),
    text,
    links,
    line,
    depth,
    ...(repo ? { repo } : {}),
    ...(workItem ? { workItem: workItem.title } : {}),
  };
}

function collectLinks(node: RootContent | Heading | Paragraph): Link[] {
  const links: Link[] = [];
  eachNode(node, 'link', (l) => {
    if (/^(https?:|mailto:|\/|#|\.)/i.test(l.url) || !/^[a-z][a-z0-9+.-]*:/i.test(l.url)) {
      links.push({ href: l.url, text: toString(l).trim() });
    }
  });
  return links;
}

function hasLink(node: Paragraph): boolean {
  let found = false;
  eachNode(node, 'link', () => {
    found = true;
  });
  return found || /\(https?:\/\/[^)\s]+\)/.test(toString(node));
}

type NodeOfType<T extends string> = Extract<RootContent, { type: T }>;

/**
 * Calls `fn` for every descendant of one type, in document order. A plain recursive walk:
 * unist-util-visit builds a matcher per call, which showed up in the build profile.
 */
function eachNode<T extends RootContent['type']>(node: RootContent | Heading | Paragraph, type: T, fn: (n: NodeOfType<T>) => void): void {
  if (node.type === type) fn(node as NodeOfType<T>);
  if ('children' in node) for (const child of node.children as RootContent[]) eachNode(child, type, fn);
}

/** Text that may trail a heading link: `{E:2023-10k-users}` epic tags, `(done)`, ` - 2023-11-30`. */
const LINK_DECORATION = /^(?:\s|,|\{[^{}]*\}|\((?:done|wip|continuous|in progress|completed|blocked)\)|[-–—]\s*\d{4}-\d{2}-\d{2})*$/i;

/**
 * A paragraph (or bullet) whose content is one link, possibly wrapped in emphasis and
 * followed by decoration only: it names a milestone or deliverable rather than saying something.
 */
function soleLink(children: PhrasingContent[]): MdastLink | undefined {
  const meaningful = children.filter((c) => !(c.type === 'text' && c.value.trim() === '') && c.type !== 'break');
  const [head, ...tail] = meaningful;
  if (head && tail.length > 0 && tail.every((c) => c.type === 'text' && LINK_DECORATION.test(c.value))) {
    return soleLink([head]);
  }
  if (meaningful.length !== 1) return undefined;
  const only = meaningful[0]!;
  if (only.type === 'link') return /^https?:/i.test(only.url) ? only : undefined;
  if (only.type === 'strong' || only.type === 'emphasis') return soleLink(only.children);
  return undefined;
}

function headingTag(node: Heading): string | undefined {
  let tag: string | undefined;
  eachNode(node, 'inlineCode', (c) => {
    if (tag === undefined && isCommitmentTag(c.value)) tag = c.value.trim();
  });
  return tag;
}

/** Title of a milestone heading: the link text when the link is the heading. */
function headingTitle(node: Heading, text: string, links: Link[], tag: string | undefined): { title: string; status: string[] } {
  const withoutTag = tag ? text.replace(tag, '').replace(/\s+/g, ' ').trim() : text;
  const first = links[0];
  if (first && first.text) {
    const remainder = withoutTag.replace(first.text, ' ');
    const whole = cleanTitle(withoutTag);
    const fromLink = cleanTitle(first.text);
    // The link is the heading when what is left is only status words, a date or punctuation.
    const leftover = cleanTitle(`x ${remainder}`);
    if (/^x$/i.test(leftover.title.trim()) || /^x[\s\W\d]*$/i.test(leftover.title.trim())) {
      return { title: fromLink.title, status: [...fromLink.status, ...leftover.status] };
    }
    return whole;
  }
  return cleanTitle(withoutTag || text);
}

interface Label {
  kind: ItemKind;
  /** The label word as written, for messages. */
  word: string;
  unknown: boolean;
  /** Content after the label (empty for a label-only bullet or paragraph). */
  rest: RootContent[];
}

/** `#### _achieved_:`, `#### _blocker:_` */
function headingLabel(node: Heading, text: string): { kind: ItemKind; word: string; unknown: boolean } | undefined {
  const word = text.replace(/^[_*\s]+|[_*:\s]+$/g, '').trim();
  const kind = kindOfWord(word);
  if (kind) return { kind, word, unknown: false };
  if (/:\s*$/.test(text) && allEmphasis(node.children) && word.split(/\s+/).length <= 3) {
    return { kind: 'notes', word, unknown: true };
  }
  return undefined;
}

function allEmphasis(children: PhrasingContent[]): boolean {
  const meaningful = children.filter((c) => !(c.type === 'text' && /^[\s:]*$/.test(c.value)));
  return meaningful.length > 0 && meaningful.every((c) => c.type === 'emphasis' || c.type === 'strong');
}

/**
 * `- _achieved:_`, `- achieved: text`, `**Completed**: text`: a kind label, and what
 * follows it on the same line. Unknown emphasised labels (`- _status:_` over a nested
 * list) are reported and kept as notes.
 */
function splitLabel(own: RootContent[]): Label | undefined {
  const first = own[0];
  if (!first || first.type !== 'paragraph') return undefined;
  const text = toString(first);
  const m = LABEL_PREFIX.exec(text);
  if (!m) return undefined;
  const word = m[1]!.trim();
  let kind: ItemKind | undefined = kindOfWord(word);
  let unknown = false;
  const stripped = stripLeading(first.children, m[0].length);
  const restParagraph: Paragraph = { ...first, children: stripped };
  const rest = [...(toString(restParagraph).trim() === '' && stripped.every((c) => c.type !== 'image') ? [] : [restParagraph]), ...own.slice(1)];
  if (!kind) {
    // Only an emphasised word with nothing after it is a label; "Note: …" is prose.
    const firstInline = first.children.find((c) => !(c.type === 'text' && c.value.trim() === ''));
    if (rest.length > 0 || !firstInline || (firstInline.type !== 'emphasis' && firstInline.type !== 'strong')) return undefined;
    kind = 'notes';
    unknown = true;
  }
  return { kind, word, unknown, rest };
}

/** Drops the first `count` characters of plain text from a run of inline nodes. */
function stripLeading(children: PhrasingContent[], count: number): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  let remaining = count;
  for (const child of children) {
    if (remaining <= 0) {
      out.push(child);
      continue;
    }
    const length = toString(child).length;
    if (length <= remaining) {
      remaining -= length;
      continue;
    }
    if (child.type === 'text') {
      out.push({ ...child, value: child.value.slice(remaining).replace(/^\s+/, '') });
    } else if ('children' in child && Array.isArray(child.children)) {
      out.push({ ...child, children: stripLeading(child.children as PhrasingContent[], remaining) } as PhrasingContent);
    } else {
      out.push(child);
    }
    remaining = 0;
  }
  return out;
}


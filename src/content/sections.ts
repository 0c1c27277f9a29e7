/**
 * An outline, keyed, becomes the update's milestone sections and notes.
 *
 * Keys come from a node's own identity (./keys.ts): tracker URL, commitment tag, its title.
 * A title is qualified by its parent's identity only where the same title recurs under
 * different parents in the team's reports ("Research" under each workstream): the set of such
 * titles is computed over all of a team's files by the build (`recurringTitles`), so a key does
 * not change from one week to the next because one week happens to have one "Research" only.
 */
import { derivedKey, resolveAlias, slugify, titleIdentity, trackerKey } from './keys';
import { ITEM_KINDS, type Item, type ItemsByKind, type MilestoneSection, type SectionLevel } from './model';
import { isSection, outlineNodes, type Outline, type OutlineNode } from './outline';

/** The node's identity without any parent: tracker key, tag, or title slug. */
function ownIdentity(node: OutlineNode): string {
  if (node.trackerUrl) return trackerKey(node.trackerUrl);
  if (node.tag) return slugify(node.tag.replace(/:/g, '-'), 120);
  return titleIdentity(node.title);
}

/** The part a node sits in (areas included; document titles and summaries are wrappers, skipped). */
function enclosing(node: OutlineNode): OutlineNode | undefined {
  for (let p = node.parent; p; p = p.parent) if (isSection(p) || p.role === 'area') return p;
  return undefined;
}

/** Keyed by a generic title that may need its parent: not a tracker, a tag or a `Milestone:`/`Epic:` name. */
function keyedByTitle(node: OutlineNode): boolean {
  return !node.trackerUrl && !node.tag && !node.prefixed;
}

/**
 * Titles (as identities) that appear under two or more different parents across these
 * outlines: only those are qualified by their parent's identity.
 */
export function recurringTitles(outlines: Iterable<Outline>): Set<string> {
  const parents = new Map<string, Set<string>>();
  for (const outline of outlines) {
    for (const node of outlineNodes(outline)) {
      if (!(isSection(node) || node.role === 'area') || !keyedByTitle(node)) continue;
      const t = titleIdentity(node.title);
      const parent = enclosing(node);
      const p = parent ? ownIdentity(parent) : '';
      let set = parents.get(t);
      if (!set) parents.set(t, (set = new Set()));
      set.add(p);
    }
  }
  return new Set([...parents].filter(([, set]) => set.size >= 2).map(([t]) => t));
}

export interface KeyOptions {
  team: string;
  aliases: ReadonlyMap<string, string>;
  /** From recurringTitles() over the team's files; defaults to this outline alone. */
  recurring?: ReadonlySet<string>;
}

/** Decides `key` on every section node (and an identity on areas, for qualified children). */
export function keyOutline(outline: Outline, options: KeyOptions): void {
  const recurring = options.recurring ?? recurringTitles([outline]);
  const team = slugify(options.team);
  for (const node of outlineNodes(outline)) {
    if (!isSection(node) && node.role !== 'area') continue;
    let scope: string | undefined;
    if (keyedByTitle(node) && recurring.has(titleIdentity(node.title))) {
      const parent = enclosing(node);
      scope = parent?.key ?? team;
    }
    const key = derivedKey({ team: options.team, title: node.title, ...(node.trackerUrl ? { trackerUrl: node.trackerUrl } : {}), ...(node.tag ? { tag: node.tag } : {}), ...(scope ? { scope } : {}) });
    node.key = resolveAlias(key, options.aliases);
  }
}

export function emptyItems(): ItemsByKind {
  return Object.fromEntries(ITEM_KINDS.map((k) => [k, []])) as unknown as ItemsByKind;
}

/** Sections in document order (one per key: a milestone opened twice in a week is merged) and notes. */
export function sectionsOf(outline: Outline): { sections: MilestoneSection[]; notes: Item[] } {
  const sections: MilestoneSection[] = [];
  const byKey = new Map<string, MilestoneSection>();
  const notes: Item[] = [];
  for (const node of outlineNodes(outline)) {
    if (!isSection(node)) {
      for (const e of node.entries) notes.push(e.item);
      for (const w of node.workItems) notes.push(w);
      continue;
    }
    const key = node.key!;
    let section = byKey.get(key);
    if (section) {
      for (const s of node.status) if (!section.status.includes(s)) section.status.push(s);
      (section.alsoAt ??= []).push(node.line);
    } else {
      let parent: OutlineNode | undefined;
      for (let p = node.parent; p; p = p.parent) if (isSection(p)) { parent = p; break; }
      let area: OutlineNode | undefined;
      for (let p = node.parent; p; p = p.parent) if (p.role === 'area') { area = p; break; }
      section = {
        key,
        title: node.title,
        ...(node.trackerUrl ? { trackerUrl: node.trackerUrl } : {}),
        ...(parent && parent.key !== key ? { parentKey: parent.key! } : {}),
        level: node.role as SectionLevel,
        status: [...node.status],
        ...(area ? { area: area.title } : {}),
        line: node.line,
        items: emptyItems(),
        workItems: [],
      };
      sections.push(section);
      byKey.set(key, section);
    }
    for (const e of node.entries) {
      const kind = e.kind ?? 'progress';
      section.items[kind].push(e.item);
      const status = kind === 'progress' ? /^status\s*:\s*(.+)$/i.exec(e.item.text) : null;
      if (status) {
        const word = status[1]!.trim().toLowerCase();
        if (!section.status.includes(word)) section.status.push(word);
      }
    }
    for (const w of node.workItems) section.workItems.push(w);
  }
  notes.sort((a, b) => a.line - b.line);
  return { sections, notes };
}

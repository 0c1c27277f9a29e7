/**
 * One milestone in one week: its own entries and those of its sub-milestones and
 * deliverables, as HTML. The milestone feed's items and the milestone page's week sections
 * are this same fragment, so a reader sees the same thing in both.
 */
import { ITEM_KINDS, type Item, type ItemKind, type MilestoneSection, type Update } from '../content/model';
import { milestonePath, updatePath } from './paths';
import { escapeHtml, plural } from './text';

export const KIND_HEADINGS: Record<ItemKind, string> = {
  achieved: 'Achieved',
  progress: 'Progress',
  next: 'Next',
  risks: 'Risks',
  blockers: 'Blockers',
  notes: 'Notes',
};

export interface MilestoneWeek {
  update: Update;
  /** The milestone's own section this week. */
  section: MilestoneSection;
  /** Sections below it in the same update (sub-milestones, deliverables, and theirs), in order. */
  descendants: MilestoneSection[];
}

/** The milestone `key` as reported in `update`, or undefined when it is not in that update. */
export function milestoneWeek(update: Update, key: string): MilestoneWeek | undefined {
  const section = update.sections.find((s) => s.key === key);
  if (!section) return undefined;
  const keys = new Set([key]);
  const descendants: MilestoneSection[] = [];
  // Sections come in document order, so a parent is always seen before its children.
  for (const s of update.sections) {
    if (s.parentKey !== undefined && keys.has(s.parentKey) && !keys.has(s.key)) {
      keys.add(s.key);
      descendants.push(s);
    }
  }
  return { update, section, descendants };
}

/** Counts per kind over a set of sections: "2 achieved · 1 next · 1 risk". */
export function countsLine(sections: MilestoneSection[]): string {
  const count = (kind: ItemKind) => sections.reduce((n, s) => n + s.items[kind].length, 0);
  const progress = count('progress');
  const parts = [
    `${count('achieved')} achieved`,
    // Unlabelled news under a milestone (see ITEM_KINDS): counted only where a team writes so.
    ...(progress > 0 ? [`${progress} progress`] : []),
    `${count('next')} next`,
    plural(count('risks'), 'risk'),
    plural(count('blockers'), 'blocker'),
  ];
  return parts.join(' · ');
}

export interface WeekHtmlOptions {
  /** Heading level of the kind headings of the milestone itself (3 → `<h3>`). */
  headingLevel?: number;
  /** Turns a site path into the URL written in the HTML (absolute in feeds). */
  link?: (path: string) => string;
  /** Applied to each item's sanitized HTML (feeds make its links absolute). */
  itemHtml?: (html: string) => string;
  /** Show the milestone's own status and tracker link (a feed item stands alone; a page says it once at the top). */
  ownMeta?: boolean;
  /**
   * Pages: each kind in a `<div class="kind kind-<kind>">` (blockers and risks styled apart),
   * kinds in reading order (blockers, risks, achieved, progress, next, notes), sub-milestone
   * levels as `<span class="level">`, and tracker links of sub-milestones left to their pages.
   */
  styled?: boolean;
  /** End with a link to the whole update (not on the update's own page). */
  updateLink?: boolean;
}

/** The order a page shows kinds in: what needs attention first. */
export const PAGE_KIND_ORDER = ['blockers', 'risks', 'achieved', 'progress', 'next', 'notes'] as const;

/** The week's entries as an HTML fragment. */
export function renderMilestoneWeek(week: MilestoneWeek, options: WeekHtmlOptions = {}): string {
  const level = Math.min(Math.max(options.headingLevel ?? 3, 1), 5);
  const link = options.link ?? ((p: string) => p);
  const itemHtml = options.itemHtml ?? ((h: string) => h);
  const out: string[] = [];
  if (options.ownMeta ?? true) out.push(sectionMeta(week.section));
  else if (week.section.status.length > 0) out.push(`<p><strong>Status:</strong> ${escapeHtml(week.section.status.join(', '))}</p>`);
  const styled = options.styled ?? false;
  out.push(sectionBody(week.section, level, itemHtml, styled));
  for (const child of week.descendants) {
    const title = `<a href="${escapeHtml(link(milestonePath(child.key)))}">${escapeHtml(child.title)}</a>`;
    if (styled) {
      const status = child.status.length > 0 ? ` <span class="level">${escapeHtml(child.status.join(', '))}</span>` : '';
      out.push(`<div class="child"><h${level} class="child-title"><span class="level">${escapeHtml(LEVEL_NAMES[child.level] ?? child.level)}</span> ${title}${status}</h${level}>`);
      out.push((sectionBody(child, level + 1, itemHtml, true) || '<p class="muted">No entries this week.</p>') + '</div>');
      continue;
    }
    out.push(`<h${level}>${title} <small>(${escapeHtml(child.level)})</small></h${level}>`);
    out.push(sectionMeta(child));
    out.push(sectionBody(child, level + 1, itemHtml) || '<p>No entries this week.</p>');
  }
  const body = out.filter(Boolean).join('\n');
  const hasEntries = [week.section, ...week.descendants].some((s) => Object.values(s.items).some((items) => items.length > 0) || s.workItems.length > 0);
  const empty = hasEntries ? '' : '<p>Mentioned this week, without entries.</p>\n';
  const more = `<p><a href="${escapeHtml(link(updatePath(week.update)))}">The whole ${escapeHtml(week.update.date)} update</a></p>`;
  return options.updateLink === false ? `${empty}${body}` : `${empty}${body}\n${more}`;
}

function sectionMeta(section: MilestoneSection): string {
  const parts: string[] = [];
  if (section.status.length > 0) parts.push(`<strong>Status:</strong> ${escapeHtml(section.status.join(', '))}`);
  if (section.trackerUrl) parts.push(`<a href="${escapeHtml(section.trackerUrl)}">Tracker</a>`);
  return parts.length > 0 ? `<p>${parts.join(' · ')}</p>` : '';
}

/** Kind headings with their lists; work items group the entries written below them. */
const LEVEL_NAMES: Record<string, string> = { milestone: 'Milestone', 'sub-milestone': 'Sub-milestone', deliverable: 'Deliverable', workstream: 'Workstream' };

function sectionBody(section: MilestoneSection, level: number, itemHtml: (html: string) => string, styled = false): string {
  const out: string[] = [];
  const usedWorkItems = new Set<number>();
  const byKind = section.items as unknown as Record<string, Item[] | undefined>;
  // Kinds a newer model adds (e.g. `progress`) are shown too, never dropped.
  const kinds: string[] = styled
    ? [...PAGE_KIND_ORDER, ...Object.keys(byKind).filter((k) => !(PAGE_KIND_ORDER as readonly string[]).includes(k))]
    : [...ITEM_KINDS, ...Object.keys(byKind).filter((k) => !(ITEM_KINDS as readonly string[]).includes(k))];
  for (const kind of kinds) {
    const items = byKind[kind] ?? [];
    if (items.length === 0) continue;
    const heading = (KIND_HEADINGS as Record<string, string>)[kind] ?? kind.charAt(0).toUpperCase() + kind.slice(1);
    if (styled) {
      out.push(`<div class="kind kind-${escapeHtml(kind)}"><h${level} class="kind-label">${heading}</h${level}>`);
      out.push(`${renderKindList(section, items, itemHtml, usedWorkItems)}</div>`);
      continue;
    }
    out.push(`<h${level}>${heading}</h${level}>`);
    out.push(renderKindList(section, items, itemHtml, usedWorkItems));
  }
  // A work item with no entry of its own is still shown: nothing in the source is dropped.
  const bare = section.workItems.filter((_, i) => !usedWorkItems.has(i));
  if (bare.length > 0) {
    out.push(`<h${level}${styled ? ' class="kind-label"' : ''}>Work items</h${level}>`);
    out.push(`<ul>\n${bare.map((w) => `<li>${itemHtml(w.html)}</li>`).join('\n')}\n</ul>`);
  }
  return out.join('\n');
}

/** The work item an entry sits under: the nearest `**[repo] [title](url)**` above it. */
function workItemIndex(section: MilestoneSection, item: Item): number {
  if (item.workItem === undefined) return -1;
  let found = -1;
  section.workItems.forEach((w, i) => {
    if (w.line < item.line && (found < 0 || w.line > section.workItems[found]!.line)) found = i;
  });
  return found;
}

function renderKindList(section: MilestoneSection, items: Item[], itemHtml: (html: string) => string, used: Set<number>): string {
  // Consecutive entries under the same work item share one list entry headed by it.
  const groups: { workItem: number; items: Item[] }[] = [];
  for (const item of items) {
    const w = workItemIndex(section, item);
    const last = groups[groups.length - 1];
    if (last && last.workItem === w) last.items.push(item);
    else groups.push({ workItem: w, items: [item] });
  }
  const lis: string[] = [];
  for (const group of groups) {
    if (group.workItem < 0) {
      lis.push(nestedItems(group.items, itemHtml));
      continue;
    }
    used.add(group.workItem);
    const head = itemHtml(section.workItems[group.workItem]!.html);
    lis.push(`<li>${head}\n<ul>\n${nestedItems(group.items, itemHtml)}\n</ul></li>`);
  }
  return `<ul>\n${lis.join('\n')}\n</ul>`;
}

/** `<li>`s for items whose `depth` says how they nest (deeper items go in a sub-list). */
function nestedItems(items: Item[], itemHtml: (html: string) => string): string {
  let html = '';
  const open: number[] = []; // depth of each open <li>; all but the first opened a <ul> of their own
  for (const item of items) {
    const depth = item.depth;
    while (open.length > 1 && open[open.length - 1]! > depth) {
      html += '</li></ul>';
      open.pop();
    }
    if (open.length === 0) {
      html += '<li>';
      open.push(depth);
    } else if (open[open.length - 1]! < depth) {
      html += '\n<ul><li>';
      open.push(depth);
    } else {
      html += '</li>\n<li>';
      open[open.length - 1] = depth;
    }
    html += itemHtml(item.html);
  }
  for (let i = open.length - 1; i > 0; i--) html += '</li></ul>';
  if (open.length > 0) html += '</li>';
  return html;
}

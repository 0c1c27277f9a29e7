/**
 * The site model: what the build step produces from the weekly markdown and what every
 * feed, page and digest reads. Plain data only (it is serialised to JSON at build time).
 */

/**
 * The kinds of entry a milestone section groups its items by. `progress` is what a team
 * wrote under a milestone or workstream without a kind label: still news (feeds, pages and
 * digests report it). `notes` is only for text outside every milestone and workstream, and
 * for items under a label the reader does not know (`- _mood:_`).
 */
export const ITEM_KINDS = ['achieved', 'progress', 'next', 'risks', 'blockers', 'notes'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

export interface Link {
  href: string;
  text: string;
}

/** One bullet or paragraph of a report, as written. */
export interface Item {
  /** Sanitized HTML of the item's own content (nested lists become their own items). */
  html: string;
  /** Plain text of the same content. */
  text: string;
  links: Link[];
  /** 1-based line of the item in its source file. */
  line: number;
  /** Nesting depth below the kind label (0 = direct child). */
  depth: number;
  /** Repo tag such as `nwaku` from `[nwaku] …` or from the work item it sits under. */
  repo?: string;
  /** Title of the work item this item sits under, if any: a `**[repo] [title](url)**` line, or an issue or pull request the team reported in this week only. */
  workItem?: string;
}

export type ItemsByKind = Record<ItemKind, Item[]>;

export type SectionLevel = 'milestone' | 'sub-milestone' | 'deliverable' | 'workstream';

/** A milestone (or sub-milestone / deliverable / workstream) as it appears in one update. */
export interface MilestoneSection {
  /** Stable identity across weeks: a URL-safe slug (see src/content/keys.ts). */
  key: string;
  /** Display title as written this week (status words and "Milestone -" prefixes removed). */
  title: string;
  trackerUrl?: string;
  /** Key of the enclosing milestone for sub-milestones and deliverables. */
  parentKey?: string;
  level: SectionLevel;
  /** Status words found in the heading: "done", "blocked", "in progress", … */
  status: string[];
  /** The area heading (e.g. `## Docs`) the milestone sits under, if any. */
  area?: string;
  /** 1-based line of the heading or bullet that opened the section. */
  line: number;
  /** Lines where the same milestone is opened again in this update (its items are merged here). */
  alsoAt?: number[];
  items: ItemsByKind;
  /**
   * The pieces of work the items below them describe: `**[repo] [title](url)**` paragraphs, and
   * issues or pull requests named over work that the team links to in this week only (./outline.ts, foldOneOffWork).
   */
  workItems: Item[];
}

export interface Update {
  /** `<team>/<date>`: stable, never changes when the file is edited. */
  id: string;
  team: string;
  /** ISO date `YYYY-MM-DD` of the week (a period's first day, see src/content/week.ts). */
  date: string;
  /**
   * The days the report covers, both included, when it says so (a `Reporting Period:` line, a
   * dated range in its title, a month-only file name, an ISO week). Optional: most reports
   * name one day only.
   */
  period?: { start: string; end: string };
  title: string;
  /** URL path of the update page: `/updates/<team>/<date>`. */
  permalink: string;
  /** ISO date(time) of the last edit, from front matter `lastmod`; undefined when never edited. */
  lastmod?: string;
  draft: boolean;
  /** Path relative to the content root. */
  source: string;
  sections: MilestoneSection[];
  /** Text that fits no milestone: kept, never dropped. */
  notes: Item[];
  /**
   * The update's own summary, when it opens with one: a `Highlights` / `Summary` / `TL;DR`
   * section or a quoted paragraph before the first milestone. Shown first; never a milestone.
   * Optional: an update without a summary has none (older models never had the field).
   */
  summary?: Item[];
  /** Sanitized HTML of the whole file. */
  html: string;
  /** Hash of the source text (content version of this update). */
  hash: string;
}

export interface Team {
  slug: string;
  name: string;
  description?: string;
}

/** One milestone across all weeks. */
export interface Milestone {
  key: string;
  /** Latest title. */
  title: string;
  /** Every distinct title it has had, oldest first. */
  titles: string[];
  team: string;
  trackerUrl?: string;
  parentKey?: string;
  level: SectionLevel;
  /** Update ids (`team/date`) in which it appears, oldest first. */
  weeks: string[];
  firstSeen: string;
  lastSeen: string;
  /** Sanitized HTML from its definition file (content/<team>/milestones/…), if there is one. */
  description?: string;
  /** That file, relative to the content root. */
  definedIn?: string;
}

export interface SiteModel {
  /** Hash of the whole model: the content version (ETags, memoisation). */
  version: string;
  teams: Team[];
  /** Published updates, newest first (drafts excluded). */
  updates: Update[];
  /** Every milestone key, sorted by key. */
  milestones: Milestone[];
}

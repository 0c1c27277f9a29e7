/**
 * One reading of a report's outline: document → area → milestone → deliverable → kind → item,
 * whatever markup a team uses for each level.
 *
 * Phase 1 (`readOutline`) walks the mdast once and builds a tree of *containers* — anything
 * that opens a part of the report: a heading of any level, a bold-only paragraph, a lead-in
 * paragraph or bullet (`Milestone 1: …`, `**Milestone**: …`), a paragraph that is one link, a
 * link bullet with work under it. What is not a container is either structure (a kind label,
 * a document title, a summary label, "None") or content: an item of the container it sits in.
 *
 * Phase 2 (`assignRoles`) decides each container's level from its form and its place: a plain
 * container with nothing of its own but parts below it is an area; a link bullet is a deliverable;
 * a container inside a milestone is a sub-milestone; the rest are milestones (named by a link,
 * a tag or a prefix) or workstreams (named by their title only).
 *
 * Keys are decided afterwards from each node's own identity (./keys.ts, `keyOutline`), and the
 * outline becomes milestone sections (`sectionsOf`). Every list item and paragraph of the
 * source is exactly once either an item (of a section, the summary or the notes) or structure,
 * listed in `Outline.structure` so that `npm run explain` and the conservation tests see it.
 */
import type { Blockquote, Code, Heading, List, ListItem, Paragraph, PhrasingContent, Root, RootContent, Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { VFile } from 'vfile';
import {
  allEmphasis,
  bareOpener,
  collectLinks,
  datedForm,
  hasContent,
  hasLink,
  headingLabel,
  headingTag,
  headingTitle,
  isAboutThePost,
  isByline,
  isMeetingLogistics,
  RECORD_WORDS,
  REPORT_WORDS,
  isQuotation,
  looksLikeCode,
  isFigureLine,
  isFurtherReading,
  isTimeSpent,
  isInterjection,
  isSignOff,
  isThanks,
  isEmptyCell,
  isExampleLeadIn,
  isLinkOnly,
  isNamedAddress,
  isPictureOnly,
  isPlaceholder,
  isSummaryLabel,
  labelTarget,
  labelWords,
  LEAD_NAME,
  makeItem,
  openerIdentity,
  openerText,
  REFERENCE_WORDS,
  repoTagOf,
  soleLink,
  splitLabel,
  standingForm,
  stripLeading,
  TIME_UNIT,
  type KindOf,
  type LabelTarget,
  type WorkItem,
  withoutTrailingRefs,
} from './inline';
import { cleanTitle, isCommitmentTag, milestonePrefix, normaliseTrackerUrl, slugify, statusWordOf, titleIdentity, trafficLight, withoutOwnerHandles, WORK_URL } from './keys';
import { CHANGE_URL, changedThings, hasLastPeriodLabel, isCallToReader, isCatchAll, isChangeKind, isChangeSection, isFormPrompt, isWorkForm, isLabelPhrase, isPeriodName, labelTokens, NOT_MERGED_WORDS, PLANNED_LEAD, promptKind, readLabel, saysWork, saysWorkMostly, saysWorkThroughout, sentenceKind, sentencesOf } from './labels';
import { isGivenName } from './names';
import type { Item, ItemKind, SectionLevel } from './model';
import { onlyDate, PERIOD_LINE } from './week';

export type ContainerRole = 'area' | SectionLevel;
/** `aside`: acknowledgements, learnings, resources… kept as the update's notes, never announced. */
export type NodeRole = 'root' | 'document' | 'summary' | 'aside' | ContainerRole;

export interface OutlineEntry {
  /** The kind label it sits under (`pending`: work waiting on others, read as progress; `reviewed`: a plan looked back on, its items notes unless they say how it went); undefined when unlabelled (progress in a section, else notes). */
  kind?: ItemKind | 'pending' | 'reviewed';
  item: Item;
  /** The item it is nested under, when it is a detail of one. */
  parent?: Item;
  /** The paragraph of the same part it comes right after, when it is one too. */
  follows?: Item;
  /** A paragraph of prose of its own (not a bullet, not a table). */
  prose?: true;
  /** Its task box is ticked (`- [x] …`): done, whatever its words say it will do. */
  ticked?: true;
  /** It is in a meeting's record (the report's title says so: "SC meeting summary", "Weekly sync"), where "Discussed…" tells what the meeting went over. */
  meeting?: true;
}

export interface OutlineNode {
  role: NodeRole;
  /** How the source wrote it. */
  form: 'root' | 'heading' | 'bold' | 'paragraph' | 'bullet' | 'link' | 'team';
  /** Heading depth; 7 for paragraph openers; 8 for bullets (which never sit on the stack). */
  rank: number;
  line: number;
  /** The opener as written. */
  text: string;
  title: string;
  status: string[];
  trackerUrl?: string;
  tag?: string;
  /** Named as a part by its form: a link, a commitment tag, a `Milestone:` prefix. */
  marked: boolean;
  /** Named a milestone by a `Milestone 1:` / `Epic:` lead-in. */
  prefixed?: boolean;
  parent?: OutlineNode;
  children: OutlineNode[];
  entries: OutlineEntry[];
  workItems: Item[];
  /** Kind label in force for what follows (set by a label heading, paragraph or bullet; a part opened below a label inherits it). */
  label?: LabelTarget;
  /** A heading read as a topic of the week (its unlabelled content is the team's own progress). */
  topic?: boolean;
  /** A topic of a meeting's notes (`## Notes` › `### RDF license definition`): what it says without a kind is discussion, a note. */
  discussed?: boolean;
  /** Written this week with a placeholder ("No updates this week"): a part, though it holds no item. */
  saidNothing?: boolean;
  /** Rank of what set the label (a heading's depth, 7 for a line): a heading as high ends it. */
  labelRank?: number;
  /** Labels of higher headings still in force once a lower one ends ("### What I Did" over "#### Goal"). */
  outerLabels?: Array<{ label: LabelTarget; rank: number }>;
  /** Decided by keyOutline(). */
  key?: string;
  /** The opener's own content, for a part named by a tracker link (it may become a work item: foldOneOffWork). */
  source?: PhrasingContent[];
}

export type StructureKind = 'heading' | 'lead-in' | 'comment' | 'name' | 'status' | 'label' | 'document-title' | 'summary-label' | 'aside-label' | 'placeholder' | 'evidence' | 'tag' | 'area' | 'change-kind' | 'facet' | 'sign-off' | 'detail' | 'contents' | 'when' | 'person';

/** A paragraph or bullet read as structure rather than as an item. */
export interface Structure {
  line: number;
  what: StructureKind;
  text: string;
}

/** A key decided by a part's history rather than by its own identity this week (./sections.ts). */
export interface ContinuityDecision {
  line: number;
  title: string;
  /** The key its identity this week would give. */
  derived: string;
  /** The key it keeps. */
  key: string;
  why: string;
}

export interface Outline {
  root: OutlineNode;
  /** Keys kept across weeks (a tracker link gained, a repository moved), for `npm run explain`. */
  continuity?: ContinuityDecision[];
  /** The update's own summary (Highlights / TL;DR / a quote or prose before the first part). */
  summary: Item[];
  structure: Structure[];
  /** The report says that what it lists was done ("Here's my update about the activities I've done this month"). */
  saysDone?: true;
}

/** What a team says about itself in content/teams.yaml, where no rule can know. */
export interface ReadingHints {
  /** Extra label words → kind (`shipped this week: achieved`). */
  kinds?: Readonly<Record<string, Exclude<ItemKind, 'notes'>>>;
  /** Titles of headings that are areas, lowercase. */
  areas?: ReadonlySet<string>;
  /** Headings of this level name milestones. */
  milestoneLevel?: number;
  /** Reports numbered, not dated (`Report 3.md`, `week_05.md`): report 1's date and the period between two. */
  numbered?: NumberedReports;
}

/** teams.yaml `reading.numbered`: the date of report 1 and how often the team reports. */
export interface NumberedReports {
  first: string;
  every: 'week' | 'fortnight' | 'month';
}

export interface ReadOptions {
  team: string;
  /** Front matter title, to recognise a heading that repeats it. */
  title?: string;
  /** Names the team goes by (slug, folder, display name), lowercase. */
  teamNames?: readonly string[];
  hints?: ReadingHints;
  /** The team's display name: the title of its team-level part (what it reports without naming a part). */
  teamTitle?: string;
  /** What recurs across the team's weeks (see ./recurrence.ts): openers that are parts, headings that vary only by a date. */
  recurrence?: Recurrence;
  /** The writer's own summary of the report, from its front matter (`summary:`, `tldr:`, `excerpt:`, `abstract:`), and its line. */
  frontSummary?: { text: string; line: number };
}

/** Per team, from all its weeks: what recurs is structure, what changes is content. */
export interface Recurrence {
  /** Title identities of short openers (a bullet over nested work, a bold line, a heading) seen in two or more weeks. */
  openers: ReadonlySet<string>;
  /** Shapes (digits blanked) of headings that recur while their exact text changes every week: a dated title. */
  datedShapes: ReadonlySet<string>;
  /** Issues and pull requests (normalised URLs) the team links to in two or more weeks. */
  work: ReadonlySet<string>;
  /** Title identities of plain headings written under several parts of one report (under two in two reports, or under three in one): facets that sort a part's work. */
  facets: ReadonlySet<string>;
  /** How many reports the team has. */
  weeks: number;
  /** Title identities of a form's prompts: a line over an indented answer, the same in most of the team's reports. */
  prompts?: ReadonlySet<string>;
  /** Lines of six words or more written the same in most of the team's reports, four at least (./inline.ts standingForm): standing text, no week's news. */
  standing?: ReadonlySet<string>;
  /** Title identities of short names leading a bullet's words with a colon (`- Platform: …`) in three or more weeks (two of a short series). */
  leads?: ReadonlySet<string>;
}

const MONTH = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const DATED = [
  /\b\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\b/,
  /\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b/,
  new RegExp(`\\b${MONTH},?\\s+\\d{1,2}(?:st|nd|rd|th)?\\b`, 'i'),
  new RegExp(`\\b\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH}(?![a-z])`, 'i'),
  new RegExp(`\\b${MONTH}\\s+\\d{4}\\b`, 'i'),
  // `Week 12`, `Week #3`, `WEEK-1`, `Week_04`.
  /(?<![a-z])(?:week|wk|cw)\s*[-_]?\s*(?:#|no\.?\s*)?\d{1,2}\b/i,
  // A week counted in words ("Week ten in review", "Week twenty-one").
  /\bweek\s+(?:(?:twenty|thirty|forty|fifty)(?:[\s-]+(?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)\b/i,
  // A week counted by its place ("Third Week", "The final week"): when, not what.
  /\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|final)\s+week\b/i,
  // A day of the week (`## Monday` of a log kept day by day): when, not what.
  /\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b/i,
];
/** Text that carries a date, a week number or a weekday: it names the document or a stretch of its time, never a part of it. */
export function isDated(text: string): boolean {
  return DATED.some((re) => re.test(text));
}

/** A word that makes a clause of a few words: who, or a verb that says something of it. */
const FINITE_VERB = /\b(?:I|we|they|is|are|was|were|has|have|had|will|can|cannot|can['’]t|do|does|did|not)\b|n['’]t\b/i;

/** A few words that say nothing of work: no sentence's stop, no verb that opens a task or makes a clause, no kind said. */
function isShortName(text: string): boolean {
  return text !== '' && text.length <= 50 && text.split(/\s+/).length <= 6 && !/[.!?;]/.test(text) && !TASK_VERB.test(text) && !FINITE_VERB.test(text) && !saysWork(text);
}

/**
 * A bullet's text that only names a group ("Kick-off", "Parser Rework:", "New team & roles"): a
 * short name, no comma. Not work said with its verb ("Interviewing candidates", "Explored Drake",
 * "Prepare for the beta release", "ARC machines are too slow", "Cannot run code on ARC"), nor a
 * lead-in that stops on its preposition ("Replace *Vidalia* with:", "Harden our kernel by:").
 */
function isGroupName(text: string): boolean {
  const name = text.trim().replace(/\s*[:：]\s*$/, '');
  return isShortName(name) && !name.includes(',') && !/\b(?:with|by|for|of|to|and|or|in|on|at|from|into|like|as|the|a|an|our)$/i.test(name) && !/^(?:work|setup|replace|enable|disable|bump|upgrade|rename|rewrite|switch|convert|attend|join|help)\b/i.test(name) && !/^[A-Za-z]{3,}(?:ing|ed)\b/.test(name);
}

/**
 * Whether a report labels work as done anywhere: a heading, a short line or a bullet's lead-in
 * read as an "achieved" label ("## Done", "**Completed**", "- achieved:").
 */
function hasDoneLabel(tree: Root): boolean {
  const said = (text: string) => text.length <= 60 && readLabel(text.replace(/[:：]\s*$/, ''))?.kind === 'achieved';
  const walk = (nodes: readonly RootContent[]): boolean =>
    nodes.some((n) => {
      if (n.type === 'heading' || n.type === 'paragraph') return said(toString(n).trim());
      if (n.type === 'list') return n.children.some((li) => walk(li.children));
      if (n.type === 'blockquote') return walk(n.children);
      return false;
    });
  return walk(tree.children);
}

/** A bullet that is a name and nothing more ("Campus Shuttle", "FastAPI backend"): one short line, no link, nothing nested. */
function isNameBullet(li: ListItem): boolean {
  if (li.children.length !== 1 || li.children[0]!.type !== 'paragraph') return false;
  const text = toString(li.children[0]!).trim();
  // A linked one (a pull request, an issue) is a piece of work of its own.
  return isShortName(text) && !/[:：]|https?:/.test(text) && !hasLink(li.children[0]!);
}

/** Work done said of "the following" ("I worked on the following things:"), wherever it stands. */
const DONE_FOLLOWING_SOURCE = String.raw`\b(?:I|we)\s+(?:have\s+)?(?:worked on|did|done|completed)\s+the following\b`;
const DONE_FOLLOWING = new RegExp(DONE_FOLLOWING_SOURCE, 'i');
/** A sentence that says the report lists work done ("the activities I've done this month", "I worked on the following things:", "Here's what we did"). */
const DONE_FRAME = new RegExp(String.raw`\b(?:activities|things|work|tasks)\s+(?:that\s+)?(?:I|we)(?:['’]ve|\s+have)?\s+(?:done|did|completed|worked on)\b|${DONE_FOLLOWING_SOURCE}|\bhere(?:['’]s| is) what (?:I|we) (?:did|have done|['’]ve done|worked on)\b`, 'i');

/** A blog's footer heading: other posts to read ("Keep reading", "Related posts", "You might also like"). */
const FOOTER_HEADING = /^(?:keep reading|read more|related (?:posts|articles|reading)|recent posts|more posts|more (?:from|on) (?:the|our) blog|you (?:might|may) also like)$/i;

/** Weeks of history before a heading written once is read as a topic rather than a part. */
const TOPIC_MIN_WEEKS = 4;
/** A heading's text that is only a number or an ordinal ("One", "2", "Third", "IV"). */
const ORDINAL_ONLY = /^(?:\d{1,3}|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)|[IVX]{2,5})$/i;
/** Rank of a bare name line inside a bold or name line's part: below it, above bullets (8). */
const INNER_NAME_RANK = 7.5;

/** A title that says its report is a meeting's record ("SC meeting summary", "Implementers Call 24 Notes"). */
const MEETING_TITLE = /\b(?:meetings?|minutes|sync|stand-?up|(?:community|team|weekly|monthly|implementers|dev|developers?)\s+calls?)\b/i;
/** Whether a heading says only whose report follows ("Team report", "Individual reports", "Status Report"): report words and whose, nothing else. */
function isWhoseReport(text: string): boolean {
  const words = labelWords(text).toLowerCase().split(/[^a-z0-9']+/).filter((w) => w !== '');
  // Or report words alone, two or more ("Status Report", "Weekly Update"); "Update" alone is a catch-all (isCatchAll).
  return words.some((w) => REPORT_WORDS.test(w)) && (words.some((w) => WHOSE_REPORT.has(w)) || words.length >= 2) && words.every((w) => REPORT_WORDS.test(w) || WHOSE_REPORT.has(w));
}
/** A template's prompt in the second person, a few words ("What you did", "Where you are stuck", "How your week went:"). */
const TEMPLATE_SLOT = /^(?:what|where|how|why|when|which|who)\s+(?:you|your)\b(?:\s+[\w'’-]+){0,5}\s*[:.]?$/i;
/** A heading that names a day of the week, alone or with its date ("Monday", "Wed 12 Oct", "Thursday, 3 November"). */
const WEEKDAY_HEADING = /^(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\b[\s,.]*(?:\d{1,2}(?:st|nd|rd|th)?\b[\s,./-]*)?(?:[a-z]+\b[\s,./-]*)?(?:\d{1,4}\b[\s,./-]*){0,2}$/i;

/** Words that say a section holds each member's own report. */
const PEOPLE_WORDS = new Set(['individual', 'individuals', 'member', 'members', 'people', 'contributor', 'contributors', 'teammate', 'teammates']);
/** Whether a heading heads the members' own reports ("Individual report", "Contributions of Individual Members", "Member updates"): people words, report words, nothing else. */
function isPeopleHeading(text: string): boolean {
  const words = labelWords(text).toLowerCase().split(/[^a-z0-9']+/).filter((w) => w !== '');
  // "Team Contributions": what each member contributed, as "Individual contributions".
  const members = words.some((w) => PEOPLE_WORDS.has(w)) || (words.includes('team') && words.some((w) => /^contributions?$/.test(w)));
  return members && words.every((w) => PEOPLE_WORDS.has(w) || REPORT_WORDS.test(w) || /^(?:contributions?|progress|work|of|the|each|per|by|and|our|team|weekly|individually)$/.test(w));
}

/**
 * A person's name as a section's title ("George Ma", "Martins Fernanda Gregorini", "@jdoe",
 * "Ana (frontend)"): one to four capitalised words or a handle, a role after it in brackets or
 * after a dash; no figure, no word of a label.
 */
function isPersonName(text: string): boolean {
  const name = labelWords(text).replace(/\s*[:：]\s*$/, '').replace(/\s*(?:\([^)]*\)|[—–-]\s+.*)$/, '').trim();
  if (name === '' || /\d/.test(name)) return false;
  // Two who report together ("Leo & Kelby", "Ana and Bo"): each a name.
  const pair = /^(\S.*?)\s+(?:&|and)\s+(\S.*)$/.exec(name);
  if (pair) return isPersonName(pair[1]!) && isPersonName(pair[2]!);
  return /^(?:@[\w-]+|[A-Z\u00C0-\u017F][\p{L}'’.-]*(?:\s+(?:(?:van|von|de|da|del|der|di|le|la|bin|al)\s+)?[A-Z\u00C0-\u017F][\p{L}'’.-]*){0,3})$/u.test(name) && readLabel(name) === undefined;
}

/**
 * Which of some titles side by side (the headings of one depth, the bullets of one list) are
 * people's names, a roster: two names or more that a reader knows for given names
 * ("Joel", "Johan Berg"; names.ts), and names at least half of the titles. Then each title that
 * is a name by its form among them is one, known or not ("Fredrik", "Adi"); a single given name
 * beside projects ("Ruby" among "Bundler", "RubyGems") is no person. `said` is what each title
 * heads: one of them in the first person, or no roster.
 */
/** A title's words as a name: without its emphasis and its trailing colon (`**Jack:**` → "Jack"). */
function personName(title: string): string {
  return labelWords(title).replace(/\s*[:：]\s*$/, '').trim();
}

export function roster(titles: readonly string[], said: readonly string[]): boolean[] {
  // Someone writes of themselves under one of them ("I attended all meetings", "my part of the
  // report"): a project's codename ("Apollo", "Nova", "Phoenix", given names too) is written of in
  // the third person.
  if (!said.some((text) => FIRST_PERSON.test(text))) return titles.map(() => false);
  // Names and nothing more: a name with what the person does ("Amir - Tech and Design") heads
  // that area of work, a part, whose owner the name says.
  const bare = (title: string) => isPersonName(title) && /^[\p{Lu}][\p{L}'’.-]*(?:\s+[\p{Lu}][\p{L}'’.-]*){0,2}$/u.test(personName(title));
  const given = titles.map((t) => bare(t) && isGivenName(personName(t).split(/\s+/)[0]!));
  // A name by its form: a known given name first, or one word alone.
  const named = titles.map((t, i) => given[i]! || (bare(t) && !/\s/.test(personName(t))));
  const people = named.filter(Boolean).length;
  // Two names, not one word twice ("Cadence Language", "Cadence Execution": a family of projects).
  const distinct = new Set(titles.filter((_, i) => given[i]).map((t) => personName(t).split(/\s+/)[0]!.toLowerCase()));
  // And most of the names known ones: "Search" and "Frontend" beside "Joel" and "Johan" are no names.
  const knownNames = given.filter(Boolean).length;
  return distinct.size >= 2 && people - knownNames <= knownNames && people * 2 >= titles.length ? named : titles.map(() => false);
}

/** Ends a part's labels set at `rank` or deeper: the label of a higher heading or line above them, if any, is in force again. */
function reopenOuterLabel(n: OutlineNode, rank: number): void {
  let outer = n.outerLabels?.pop();
  while (outer && outer.rank >= rank) outer = n.outerLabels?.pop();
  n.label = outer?.label;
  n.labelRank = outer?.rank;
}

/** A label in the first person singular ("What I did", "My blockers", "What I'm working on"). */
const FIRST_PERSON = /\b(?:I|I['’](?:m|ve|ll|d)|[Mm]y|[Mm]e)\b/;

/** What a member does, as a team names it after their name ("Ana (UI / Frontend)", "Bo (PM)"). */
const ROLE_WORDS = /^(?:ui|ux|ui\/ux|qa|pm|po|frontend|front-end|front end|backend|back-end|back end|full-?stack|full stack|mobile|android|ios|web|devops|infra(?:structure)?|data|ml|design(?:er)?|dev(?:eloper)?|engineer|tester|testing|docs|documentation|lead|tech lead|team lead|manager|product manager|project manager|scrum master|product owner|research(?:er)?)$/i;
/**
 * A member's name with their roles in brackets ("Afuza (UI / Frontend / Backend / QA)", "Colin
 * (Backend)"): a member heading their work wherever it stands, with or without a members' heading
 * over it.
 */
function isMemberWithRoles(text: string): boolean {
  const m = /^(.+?)\s*\(([^()]+)\)\s*[:：]?\s*$/.exec(labelWords(text).trim());
  if (!m || !isPersonName(m[1]!)) return false;
  const roles = m[2]!.split(/\s*(?:[/,&+|]|\band\b)\s*/).filter((r) => r !== '');
  return roles.length > 0 && roles.every((r) => ROLE_WORDS.test(r));
}

/** Words that say whose report it is, or of when: with report words alone, a report's subtitle. */
const WHOSE_REPORT = new Set(['team', 'teams', 'sub', 'squad', 'squads', 'subteam', 'subteams', 'sector', 'sectors', 'workstream', 'workstreams', 'individual', 'individuals', 'personal', 'member', 'members', 'group', 'project', 'projects', 'our', 'my', 'the', 'monthly', 'daily', 'sprint', 'week', 'month', 'this', 'last']);

/** A heading's shape: digits and month names blanked, so `Update 2024/03/11` and `Update 2024/03/18` share one, and `Monthly Report for July` and `… for August`. */
export function headingShape(text: string): string {
  return labelWords(text).toLowerCase().replace(/\d+/g, '#').replace(MONTH_NAME, '#').replace(/[^a-z#]+/g, ' ').trim();
}
const MONTH_NAME = new RegExp(`\\b${MONTH}(?![a-z])`, 'gi');

const SECTION_ROLES: ReadonlySet<NodeRole> = new Set(['milestone', 'workstream', 'sub-milestone', 'deliverable']);
export function isSection(node: OutlineNode): boolean {
  return SECTION_ROLES.has(node.role);
}

function newNode(init: Partial<OutlineNode> & Pick<OutlineNode, 'form' | 'rank' | 'line' | 'text' | 'title'>): OutlineNode {
  return { role: 'workstream', status: [], marked: false, children: [], entries: [], workItems: [], ...init };
}

/** What is new in a thing, as a newsletter heads each thing's news ("What's new in SvelteKit", "What's changed in fpm:"). */
const NEWS_OF = /^(what['’]?s\s+(?:new|changed)|what\s+is\s+new|what\s+has\s+changed)\s+(?:in|with|for|on|at)\s+(\S.{0,118}?)\s*[:：]?$/i;

/** A field's name before its value, no part's (`Status:`, `Reason:`, `PR:`, `ETA:`, `Owner:`). */
const FIELD_NAME = /^(?:status|state|update|updates|note|nb|fyi|ps|tip|warning|reason|why|how|what|who|when|where|problem|issue|issues|solution|fix|context|details?|outcome|result|decision|question|answer|idea|proposal|comment|remark|discussion|example|e\.?g|i\.?e|link|links|repo|repository|source|pr|prs|mr|commit|commits|branch|owner|owners|assignee|eta|due|deadline|priority|progress|summary|description|impact|scope|estimate|effort|time|hours|date|duration|location|demo|video|slides|paper|article|blog|post|spec|tech spec|rfc|tracking|tracker|ticket|epic|milestone|deliverable|task|tasks|step|steps|phase|stage|version|release|edit|pinned|update \d+)$/i;

/** A table column that says how a part stands: "Status", "State", "Health", "RAG". */
const STATUS_HEADER = /^(?:(?:overall|current|rag)\s+)?(?:status|state|health|rag|trend)$/i;
/** A task table's column that says what each task is (see readTaskTable). */
const TASK_HEADER = /^(?:description|task|task description|title|task title|summary|work item|story|user story|ticket)$/;
/** A column of the work's own name, read as a task table's when a status column says how each stands. */
const WORK_NAME_HEADER = /^(?:milestones?|deliverables?|activit(?:y|ies)|issues?|problems?|items?|features?)$/;
/** A task table's column that only a list of tasks has: the task itself, who does it, its id, when it is due; or the change that did it (`| Commit | Summary |`). */
const TASK_WORDS = /\b(?:tasks?|stor(?:y|ies)|tickets?|work items?|assigned|assignees?|owners?|ids?|due|deadline|priority|estimates?|points|commits?|prs?|pull requests?|merge requests?)\b/;
/** What a task's status cell says of its kind. */
export const TASK_STATUS_KINDS: ReadonlyArray<[RegExp, LabelTarget]> = [
  // Closed without the work (`CLOSED - WON'T FIX`, `Cancelled`, `Duplicate`): no work done, a note.
  [/^(?:closed\s*[-–—:(]?\s*)?(?:won['’]?t\s*(?:fix|do)|will not (?:fix|do)|cancel+ed|abandoned|obsolete|duplicate|not planned|rejected)\b/i, 'notes'],
  [/^(?:done|completed?|closed|shipped|released|finished|merged|resolved|delivered|fixed)\b/i, 'achieved'],
  [/^(?:in[\s-]*progress|wip|ongoing|partially|partly|(?:in|on|under|ready\s+for|awaiting|waiting\s+for)[\s-]+review|(?:[\w-]+\s+)?review|doing|started|active|in[\s-]*testing|testing|(?:under|in) development|underway|under way)\b/i, 'progress'],
  [/^(?:backlog|to[\s-]*do|todo|not[\s-]*started|planned|next|up next|open|new|ready)\b/i, 'next'],
  [/^(?:blocked|stuck)\b/i, 'blockers'],
  [/^(?:on[\s-]*hold|paused|at[\s-]*risk|delayed)\b/i, 'risks'],
];

/**
 * A status and nothing else, as a bullet that says how its item stands writes it: the words of
 * TASK_STATUS_KINDS that are only ever a status alone on a bullet (not "Open", "New", "Next",
 * "Ready", "Testing" or "Review": a bullet of those names something; but "In review", "On review",
 * "Ready for review" say how a change stands).
 */
const STATUS_ALONE = /^(?:done|completed?|finished|merged|shipped|released|resolved|fixed|closed|in[\s-]*progress|wip|ongoing|started|(?:in|on|under|ready\s+for|awaiting|waiting\s+for)[\s-]+review|not[\s-]*(?:yet\s+)?started|to[\s-]*do|todo|planned|blocked|stuck|on[\s-]*hold|paused|at[\s-]*risk|delayed)[.!]?$/i;

/** An ellipsis at the end (`## Getting set up ...`) trails off: no full stop, no sentence. */
const TRAILING_OFF = /(?:\.\.\.|…)$/;

/** A `Key: value` line of a few words that says who or when (`Team: Payments`, `Sprint: 2`, `Scrum Master: Ana`), no sentence. */
const KEY_VALUE = /^[\p{L}][\p{L} ]{0,24}:\s*[^\s.!?:][^.!?:]{0,40}$/u;

/** What a record is about, on its first line: `Project: …`, `Initiative: …`, `Workstream: …`. */
const RECORD_NAME = /^(?:project|initiative|workstream|work stream|stream|epic|milestone|feature|component|service|product|area|objective|okr|goal)$/i;

/** A task said as an order, its verb first ("Write the scripts…", "Start creating an epic"): work, not a topic. */
const TASK_VERB = /^(?:write|start|create|add|fix|update|finish|review|test|implement|prepare|make|build|set|run|deploy|investigate|explore|look|check|get|read|send|email|organi[sz]e|plan|schedule|move|clean|refactor|document|measure|analy[sz]e|design|draft|research|continue|complete|improve|talk|meet|follow|ask|share|present|publish|release|merge|migrate|remove|support|integrate|define|finali[sz]e|collect|port|try|use|find|reach|contact|interview|open|close|resolve|submit|upload|install|configure|benchmark|evaluate|compare|extend|modify|adjust|change|keep)\b(?!-)/i;

/** A team named as who did the work ("KROK Team", "Design team", "the infra squad"): a few words, the last of them "team". */
const TEAM_NAME = /^(?:the\s+)?(?:(?!(?:with|for|of|to|from|by|and|on|in|at|about|between)\s)[\p{L}\d][\p{L}\d&'’.-]*\s+){1,3}(?:team|squad|crew)$/iu;

/** A release's date, as release notes write it: "Mar 25th", "March 25, 2020", "2020-03-25". */
const RELEASE_DAY = `(?:${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s*\\d{4})?|\\d{4}-\\d{2}-\\d{2})`;
/** A release named by its version, with its date or not ("Date: Mar 25th / v0.7.6", "Version 0.5.0:", "v2.1.0 (2024-03-01)", "Release 1.4"). */
const RELEASE_LINE = new RegExp(`^(?:(?:date|released?(?:\\s+on)?)\\s*[:：]?\\s*${RELEASE_DAY}\\s*[/|,–—-]\\s*)?(?:version|release|v)\\s*\\.?\\s*\\d+(?:\\.\\d+){1,3}(?:[-+][\\w.]+)?(?:\\s*(?:[/|,–—-]\\s*|\\()${RELEASE_DAY}\\)?)?\\s*[:：]?$`, 'i');
/** A release's date alone on its line ("Date: Feb 26th", "Released: 2020-03-25"). */
const RELEASE_DATE = new RegExp(`^(?:date|released(?:\\s+on)?)\\s*[:：]\\s*${RELEASE_DAY}\\s*$`, 'i');

/** A text's last sentence when it ends with a colon: what leads into the block after it (the "." of "2.2" ends none). */
const LAST_LEAD_IN = /(?:^|[.!?]\s+)((?:[^.!?]|\.(?=\d))+)[:：]\s*$/;
/** A text's last sentence when it trails off into what follows ("This cycle, I was able to…"). */
const TRAILING_LEAD_IN = /(?:^|[.!?]\s+)((?:[^.!?…]|\.(?=\d))+?)\s*(?:…|\.{3})\s*$/;

/**
 * Only template tags: ERB or EJS (`<% … %>`), Liquid or Jinja (`{% … %}`, `{{ … }}`), Hugo
 * shortcodes, MDX comments (the `truncate` marker of a blog's post), a wiki's directives (ikiwiki's `[[!toc]]`, `[[!pagetemplate …]]`); each tag ends
 * at its first closing mark, so text between two tags (`{% hint %} For more … {% endhint %}`)
 * is text.
 */
/** A field's name that says it is a when: "Meeting start", "Summary end", "Date", "Published". */
const WHEN_KEY = /\b(?:start|end|started|ended|begins?|began|ends?|date|time|held|published|updated|created|recorded|written)$/i;
/** The time a day or a task took, after its name: "(2 hours)", "(~3h)", "(45 min)". */
const TIME_TAKEN = new RegExp(String.raw`\s*\(\s*~?\s*\d+(?:\.\d+)?\s*${TIME_UNIT}\s*\)\s*[:：]?\s*$`, 'i');
/**
 * The lines of an indented (not fenced) code block that holds no code, but a list's lines (two
 * or more, each words that open on a letter, a digit or `#`, with few of code's marks): undefined
 * for a real block of code, or one fenced with backticks.
 */
function misindentedLines(node: Code, source: string): Array<{ line: number; text: string }> | undefined {
  const start = node.position?.start;
  if (node.lang || !start || start.offset === undefined || /^\s*[`~]{3}/.test(source.slice(start.offset, start.offset + 8))) return undefined;
  const lines = node.value.split('\n').map((text, i) => ({ line: start.line + i, text: text.trim() })).filter((l) => l.text !== '');
  if (lines.length < 2) return undefined;
  // Half the marks that make a block code (`looksLikeCode`): a list keeps to words.
  if (looksLikeCode(node.value, 0.02)) return undefined;
  return lines.every((l) => /^(?:#\d+|\d+[.)]?\s|[\p{L}])/u.test(l.text) && /\s/.test(l.text)) ? lines : undefined;
}

/** A title as a table of contents and its heading both write it: letters and digits only ("Dask.array…" = "Dask array…"). */
function comparable(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** A meeting's notes, minutes or agenda heading (or a generated "Meeting summary"): over its topics, the body of the minutes. */
const MINUTES_BODY = /^(?:(?:meeting|discussion)\s+)?(?:notes|minutes|agenda(?:\s+(?:items|topics))?)$|^meeting\s+(?:summary|recap)$/;
/** A meeting's questions or open discussion over topic headings (`## Questions` › `### Meeting time`): the body of the minutes too. */
const DISCUSSION_BODY = /^(?:open\s+)?(?:questions|discussions?|discussion\s+(?:points|topics)|topics\s+discussed|any\s+other\s+business|aob|announcements)$/;
const TEMPLATE_TAGS = /^\s*(?:(?:<%(?:(?!%>)[\s\S])*%>|\{\/\*(?:(?!\*\/\})[\s\S])*\*\/\}|\{%(?:(?!%\})[\s\S])*%\}|\{\{(?:(?!\}\})[\s\S])*\}\}|\[\[!(?:(?!\]\])[\s\S])*\]\])\s*)+$/;
/** An editor's own marks left in the text: a table of contents to generate (`[TOC]`, `[[_TOC_]]`, `${toc}`), a rule of plus signs (`++++++`). */
const EDITOR_MARKS = /^\s*(?:\[\[?_?toc_?\]?\]|\$\{toc\}|\+{3,}|={3,})\s*$/i;

/**
 * A sentence that stops mid-way, on a word that wants what comes after it ("They talked about",
 * "The options we looked at were"): the list under it goes on with it.
 */
const SENTENCE_GOES_ON = /\b(?:about|on|of|with|for|to|into|from|between|including|like|as|are|were|is|was|include|included|includes|covered|discussed|and)\s*$/i;
/** A bullet that goes on with the sentence above it: lower case, no box, nothing it says of its own kind ("using the PROV ontology, which…"). */
function goesOn(li: ListItem): boolean {
  const first = li.children[0];
  if (!first || first.type !== 'paragraph' || li.checked != null) return false;
  const text = toString(first).trim();
  return /^[a-z]/.test(text) && sentenceKind(text) === undefined;
}

/** Words of a sentence that only leads into a list: "the following", "as follows", "below", "to report". */
const LEAD_IN = /\b(?:the following|as follows|below|to report|here (?:are|is))\b/i;

/**
 * A sentence that leads into findings ("Some early insights from the research:", "What we
 * learned:", "Early indication is that there are seven key needs:"; not "themes … to focus on",
 * nor "The team needs to:"), or into what the work was done with ("These are the
 * other tools I'm using for the development:", "the main extensions of flask that I used this
 * week:"), and says no work done itself (`alone`; a sentence before a bare pointer, "We held a
 * session to play back the pain points we've found. Here they are:", may say both).
 */
function isFindingsLead(text: string, alone = true): boolean {
  const findings = /\b(?:insights?|findings?|learnings?|lessons|observations?|takeaways?|pain points?|what we (?:learned|learnt|found|heard|saw)|we(?:['’]ve|\s+have)? (?:learned|learnt|found|heard|observed|noticed|identified)(?: that)?|(?:the|key|user|service|core|main|top|\d+|two|three|four|five|six|seven|eight|nine|ten)\s+(?:[\w-]+\s+)?needs\b(?!\s+to\b))\b/i;
  const tools = /\b(?:tools|extensions|libraries|packages|frameworks|resources|references|technologies)\b[^.:;!?]{0,40}\b(?:I|we)(?:['’]m|\s+am|\s+are|['’]re|\s+have)?\s+(?:used|using|use)\b/i;
  return (findings.test(text) || tools.test(text)) && (!alone || sentenceKind(text) === undefined);
}

/** One `Key: value` line of a paragraph: the key's words, the value's nodes, the whole line's nodes. */
interface RecordLine {
  key: string;
  value: PhrasingContent[];
  nodes: PhrasingContent[];
  text: string;
  line: number;
}

/** A paragraph's lines (split at its line breaks), when it has two or more and none is inside markup. */
export function paragraphLines(node: Paragraph): PhrasingContent[][] | undefined {
  const lines: PhrasingContent[][] = [[]];
  for (const child of node.children) {
    if (child.type === 'break') {
      lines.push([]);
      continue;
    }
    if (child.type !== 'text') {
      // A line break inside emphasis or a link: the lines cannot be told apart by their nodes.
      if (toString(child).includes('\n')) return undefined;
      lines.at(-1)!.push(child);
      continue;
    }
    const parts = child.value.split('\n');
    for (const [i, part] of parts.entries()) {
      if (i > 0) lines.push([]);
      if (part !== '') lines.at(-1)!.push({ type: 'text', value: part });
    }
  }
  return lines.length >= 2 ? lines : undefined;
}

/** A line that is a name in bold or italics, with at most a few plain words after it (`**Milestone 2 - Connectivity** - DROPPED`); no lead-in ending with a colon. */
function isNameLine(nodes: PhrasingContent[]): boolean {
  const meaningful = nodes.filter((n) => !(n.type === 'text' && n.value.trim() === ''));
  const [first, ...rest] = meaningful;
  if (!first || (first.type !== 'strong' && first.type !== 'emphasis')) return false;
  const after = toString({ type: 'paragraph', children: rest }).trim();
  // `**Improved UX**:` over its text is that text's lead-in, `**Project:** Engine` a key and its value: no name.
  if (/[:：]\s*$/.test(toString(first)) || /^[:：]/.test(after)) return false;
  return rest.every((n) => n.type === 'text') && after.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length <= 5;
}

/**
 * A paragraph whose first line is a name in bold or italics, written with more lines under it
 * and no blank line between (`**Milestone 4 - libp2p.io**` then "Check out …"; two bold links a
 * line each): a paragraph per name line, and one for each run of lines between them, as a
 * blank line would have made them. Undefined for anything else.
 */
export function nameLineSegments(node: Paragraph): Paragraph[] | undefined {
  const start = node.position?.start.line;
  const lines = paragraphLines(node);
  if (start === undefined || !lines || !isNameLine(lines[0]!)) return undefined;
  const segments: Array<{ line: number; nodes: PhrasingContent[]; last: number; name: boolean }> = [];
  for (const [i, nodes] of lines.entries()) {
    const name = isNameLine(nodes);
    const open = segments.at(-1);
    if (!name && open && !open.name) {
      open.nodes.push({ type: 'text', value: '\n' }, ...nodes);
      open.last = start + i;
    } else segments.push({ line: start + i, nodes: [...nodes], last: start + i, name });
  }
  if (segments.length < 2) return undefined;
  return segments.map((seg) => ({ type: 'paragraph', children: seg.nodes, position: { start: { line: seg.line, column: 1 }, end: { line: seg.last, column: 1 } } }));
}

/** A paragraph of two or more lines, each a `Key: value` (the key in bold or not): its lines; undefined for anything else. */
export function recordLines(node: Paragraph): RecordLine[] | undefined {
  const start = node.position?.start.line;
  const lines = paragraphLines(node);
  if (start === undefined || !lines) return undefined;
  const out: RecordLine[] = [];
  for (const [i, nodes] of lines.entries()) {
    const text = toString({ type: 'paragraph', children: nodes }).trim();
    const m = /^([A-Za-z][A-Za-z /&'-]{0,30}?)\s*[:：]\s*(\S.*)$/.exec(text);
    if (!m) return undefined;
    const lead = text.length - text.trimStart().length;
    const value = stripLeading(nodes, lead + text.indexOf(m[2]!, m[1]!.length));
    out.push({ key: m[1]!.trim(), value: value.length > 0 ? value : [{ type: 'text', value: m[2]! }], nodes, text, line: start + i });
  }
  return out;
}

/** How a mail ends: "Thanks,", "Thank you!", "Cheers", "Best regards", "— Ana". */
const SIGN_OFF = /^(?:(?:(?:many\s+)?thanks|thank\s+you|cheers|best(?:\s+(?:regards|wishes))?|(?:kind|warm|best)\s+regards|regards|sincerely)\b|[-–—]\s*[A-Z@]|(?:the\s+)?[\w&'’ -]{0,30}\bteam[.!]?$)/i;

/** A table cell that only says which row or when: a row number, a date, a day (`3`, `2020/06/03`, `Wednesday`). */
function isWhenCell(text: string): boolean {
  const t = text.replace(/\\/g, '').trim();
  return /^#?\d{1,4}[.)]?$/.test(t) || onlyDate(t) || WEEKDAY_HEADING.test(t);
}

/** A day without work in a log kept day by day: a break, a holiday, a day off, sick leave. */
const DAY_OFF = /^(?:(?:a\s+)?(?:break|holiday|day off|off|leave|rest(?: day)?|sick(?: leave| day)?|vacation|weekend|public holiday)[.!]?)$/i;

/**
 * A table cell's lines, where its writer listed several ("a. Done with X <br> b. WIP: Y", "- one<br>- two"):
 * each line that opens with a list's mark is a line of its own. Else the cell whole.
 */
function cellLines(children: PhrasingContent[]): PhrasingContent[][] {
  const pieces: PhrasingContent[][] = [[]];
  for (const child of children) {
    if (child.type === 'html' && /^<br\s*\/?>$/i.test(child.value.trim())) pieces.push([]);
    else pieces.at(-1)!.push(child);
  }
  const said = pieces.filter((p) => toString({ type: 'paragraph', children: p }).trim() !== '');
  const marked = (p: PhrasingContent[]) => /^\s*(?:[a-z][.)]|\d{1,2}[.)]|[-*•·])\s+\S/i.test(toString({ type: 'paragraph', children: p }));
  return said.length >= 2 && said.every(marked) ? said : [children];
}

/** A table column of comments on the row, to be read as written: "Notes", "Update", "Details". */
const COMMENT_HEADER = /^(?:notes?|comments?|updates?|details?|remarks?|description|commentary|news)$/i;
/** A status cell's or line's word: what it says ("At risk", "Done", "Amber"), else what its light shows. */
function statusWord(text: string): string | undefined {
  const words = text.replace(/[^\p{L}\p{N}\s-]/gu, ' ').replace(/\s+/g, ' ').trim();
  if (words !== '') return RAG_WORDS[words.toLowerCase()] ?? statusWordOf(words);
  return trafficLight(text);
}
/** Colours said in words, as RAG statuses are. */
const RAG_WORDS: Readonly<Record<string, string>> = { green: 'on track', amber: 'at risk', yellow: 'at risk', orange: 'at risk', red: 'off track' };

/** Whether a text is what the team writes the same in most of its reports (Recurrence.standing), or made of such lines and nothing else. */
function isStandingText(text: string, recurrence: Recurrence | undefined, butForDates = false): boolean {
  const standing = recurrence?.standing;
  if (!standing || standing.size === 0) return false;
  const form = standingForm(text);
  if (standing.has(form)) return true;
  // Written every week the same but for its dates ("…for the week of 21 Sep 2015 - 27 Sep 2015"),
  // as a template's field is. In the body such a line often opens the report ("Another sprint is
  // over and here is what we achieved (2018-03-05 to 2018-03-16)."): its summary, kept.
  const dated = butForDates ? datedForm(text) : undefined;
  if (dated !== undefined && standing.has(dated)) return true;
  // A paragraph of several lines (its text joins them): made of standing lines and nothing else.
  let rest = form;
  for (const line of standing) if (rest.includes(line)) rest = rest.replace(line, ' ');
  return rest !== form && rest.replace(/[\s.!?:;,]+/g, '') === '';
}

export function readOutline(tree: Root, file: VFile, options: ReadOptions): Outline {
  const root = newNode({ role: 'root', form: 'root', rank: 0, line: 1, text: '', title: '' });
  const stack: OutlineNode[] = [root];
  const summary: Item[] = [];
  // The writer's own summary in the front matter comes first: what they chose to say of the week.
  // Not one written every week the same but for its dates ("What's up with Servo for the week of
  // 21 Sep 2015 - 27 Sep 2015"): it says when, no more.
  const frontStanding = options.frontSummary !== undefined && isStandingText(options.frontSummary.text, options.recurrence, true);
  if (options.frontSummary && !frontStanding) summary.push(makeItem([{ type: 'paragraph', children: [{ type: 'text', value: options.frontSummary.text }] }], options.frontSummary.line, 0, undefined));
  const structure: Structure[] = [];
  if (frontStanding) structure.push({ line: options.frontSummary!.line, what: 'when', text: options.frontSummary!.text });
  const hints = options.hints ?? {};
  let seenPart = false;
  let workItem: WorkItem | undefined;
  // Below a heading of the members' own reports ("Individual report", "Contributions of
  // Individual Members"): its rank, and the member whose section is open (a name under it).
  let peopleRank: number | undefined;
  // The headings of a log's days ("### Monday"): what they hold is the day's work.
  const days = new Set<OutlineNode>();
  let person: { item: WorkItem; rank: number } | undefined;
  const teamNames = (options.teamNames ?? [options.team]).map((n) => n.toLowerCase()).filter((n) => n.length >= 3);

  const top = () => stack.at(-1)!;
  /** Lines of list items whose task box is ticked (`- [x] @ana will archive the issues`). */
  const tickedLines = new Set<number>();
  // The item written last, and the line it ends on (a list of addresses may follow it).
  let lastEntry: { item: Item; endLine: number; nodes: RootContent[]; workItem: WorkItem | undefined; node: OutlineNode; bullet: boolean } | undefined;
  // The kind the sentence over the next list gives it ("We merged the following PRs:" → achieved).
  let listLeadIn: LabelTarget | undefined;
  const thisPeriod = hasLastPeriodLabel(String(file.value ?? '')) ? 'next' : 'achieved';
  // What this report's headings say it changed ("Updated apps", "Removed apps"): beside them, "New
  // apps" lists what came in, done too (a category of work elsewhere: "New features").
  const changed = changedThings(tree.children.filter((n): n is Heading => n.type === 'heading').map((h) => toString(h)));
  const kindOf: KindOf = (words, leadIn) =>
    hints.kinds?.[labelWords(words).toLowerCase()] ??
    readLabel(words, { leadIn, thisPeriod, ...(hints.kinds ? { extra: hints.kinds } : {}) })?.kind ??
    (!leadIn && changed.has(/^\W*new\s+([a-z]+)\W*$/i.exec(words.trim())?.[1]?.toLowerCase() ?? '') ? 'achieved' : undefined);
  const recurring = options.recurrence?.openers ?? new Set<string>();
  const sourceLines = String(file.value ?? '').split('\n');
  /** Headings that are only a link, the next block a heading as high or higher (or none): pointers, no parts. */
  const pointerHeadings = new Set(
    tree.children.filter((n, i): n is Heading => {
      if (n.type !== 'heading') return false;
      const meaningful = n.children.filter((c) => !(c.type === 'text' && c.value.trim() === ''));
      const after = tree.children[i + 1];
      return meaningful.length === 1 && meaningful[0]!.type === 'link' && /^https?:/i.test(meaningful[0]!.url) && (after === undefined || (after.type === 'heading' && after.depth <= n.depth));
    }),
  );
  /** How many headings link first to each address (normalised): one shared by several names none of them. */
  const headingLinks = new Map<string, number>();
  for (const h of tree.children) {
    if (h.type !== 'heading') continue;
    const first = collectLinks(h).find((l) => /^https?:/i.test(l.href));
    const url = first ? normaliseTrackerUrl(first.href) : undefined;
    if (url) headingLinks.set(url, (headingLinks.get(url) ?? 0) + 1);
  }
  /** Open task boxes in a list where others are ticked: the writer ticks what is done, so these are not. */
  const leftOpen = new WeakSet<ListItem>();
  // Heading depths at which this report is organised by what its sections hold: most of its
  // headings of that depth are labels (Goals, Achievements, Challenges, Next week…).
  const labelledDepths = new Set<number>();
  // Depths at which a report sorts its news by kind of change, as a sprint's post or release
  // notes do (`# Features`, `# Bug fixes`, `# Refactoring`): two such headings or more, and most of
  // that depth's. There, outside every part, they sort the team's own work.
  const sortedDepths = new Set<number>();
  {
    const byDepth = new Map<number, { headings: number; labels: number; changeKinds: number }>();
    for (const node of tree.children) {
      if (node.type !== 'heading') continue;
      const counts = byDepth.get(node.depth) ?? { headings: 0, labels: 0, changeKinds: 0 };
      counts.headings++;
      if (headingLabel(node, toString(node).trim(), kindOf)) counts.labels++;
      if (isChangeKind(labelWords(toString(node)).replace(/\s*[:：]\s*$/, ''))) counts.changeKinds++;
      byDepth.set(node.depth, counts);
    }
    for (const [depth, c] of byDepth) {
      if (c.labels >= 2 && c.labels * 2 > c.headings) labelledDepths.add(depth);
      if (c.changeKinds >= 2 && c.changeKinds * 2 > c.headings) sortedDepths.add(depth);
    }
  }
  // Members' sections of one report, each headed by the member's name and answering in the first
  // person (`# Amlaan` over `### What I did`, `### What I plan to do next week`, then `# Somshubra`
  // over the same): the names head their writers' work, no parts. Two names or more at one depth.
  const writers = new Set<Heading>();
  {
    const byDepth = new Map<number, Heading[]>();
    for (const [i, node] of tree.children.entries()) {
      if (node.type !== 'heading' || !isPersonName(toString(node).trim())) continue;
      // Its own headings, up to the next as high as it: one of them a label in the first person
      // ("### What I did", or after "## Focus for the Week", "## Where I'm blocked").
      const end = tree.children.findIndex((n, j) => j > i && n.type === 'heading' && n.depth <= node.depth);
      const own = tree.children.slice(i + 1, end < 0 ? undefined : end).filter((n): n is Heading => n.type === 'heading').map((n) => toString(n).trim());
      if (!own.some((text) => FIRST_PERSON.test(text) && kindOf(text.replace(/[:：]\s*$/, ''), false) !== undefined)) continue;
      byDepth.set(node.depth, [...(byDepth.get(node.depth) ?? []), node]);
    }
    for (const headings of byDepth.values()) if (headings.length >= 2) for (const h of headings) writers.add(h);
    // So do names side by side as the headings of one depth, a roster (`#### Joel`, `#### Johan`,
    // `#### Fredrik`), someone writing of themselves under one of them.
    const atDepth = new Map<number, Heading[]>();
    for (const node of tree.children) if (node.type === 'heading') atDepth.set(node.depth, [...(atDepth.get(node.depth) ?? []), node]);
    // What each heading's section says, up to the next heading as high as it.
    const sectionText = (h: Heading) => {
      const at = tree.children.indexOf(h);
      const end = tree.children.findIndex((n, j) => j > at && n.type === 'heading' && n.depth <= h.depth);
      return tree.children.slice(at + 1, end < 0 ? undefined : end).map((n) => toString(n)).join('\n');
    };
    for (const headings of atDepth.values()) roster(headings.map((h) => toString(h).trim()), headings.map(sectionText)).forEach((named, i) => named && writers.add(headings[i]!));
  }
  // Bold names side by side, each over its bullets (`**Rylan:**`, `**Jack:**`, as a team's weekly
  // gives each member's part): three or more, every one a known given name, or a roster with
  // someone writing of themselves. They head their writers' work, no parts.
  const boldWriters = new Set<Paragraph>();
  {
    let group: Array<{ node: Paragraph; title: string; said: string }> = [];
    const flush = () => {
      const titles = group.map((g) => g.title);
      const known = titles.length >= 3 && titles.every((t) => isGivenName(personName(t).split(/\s+/)[0]!));
      if (group.length >= 2) (known ? titles.map(() => true) : roster(titles, group.map((g) => g.said))).forEach((named, i) => named && boldWriters.add(group[i]!.node));
      group = [];
    };
    for (const [i, node] of tree.children.entries()) {
      const next = tree.children[i + 1];
      if (node.type === 'heading') flush();
      else if (node.type === 'paragraph' && next?.type === 'list' && allEmphasis(node.children) && isPersonName(toString(node).trim())) group.push({ node, title: toString(node).trim(), said: toString(next) });
    }
    flush();
  }
  // Bullets of one list that are names side by side (readList fills it, list by list).
  const members = new Set<ListItem>();
  const h1s = tree.children.filter((n) => n.type === 'heading' && n.depth === 1).length;
  // The report's last block: before a blog's footer, when it has one ("-Cristian", then "Keep reading").
  const footerAt = tree.children.findIndex((n) => n.type === 'heading' && FOOTER_HEADING.test(labelWords(toString(n)).trim()));
  const footerHeading = footerAt >= 0 ? tree.children[footerAt] : undefined;
  const lastBlock = (footerAt >= 0 ? tree.children.slice(0, footerAt) : tree.children).filter((n) => n.type !== 'definition' && n.type !== 'html').at(-1);
  // Whether the report has a label of work done (read once, when highlights ask).
  let labelsDone: boolean | undefined;
  // Past a blog's footer heading ("Keep reading"): the rest is notes.
  let footer = false;
  // Where the report's body begins: its first section heading or list. What is written above it
  // is its title and header.
  const bodyStart = tree.children.find((n) => (n.type === 'heading' && n.depth > 1) || n.type === 'list')?.position?.start.line ?? Infinity;
  // Paragraphs written directly over a list (a name line may open the part the list is the work of).
  // Also one over such a paragraph (`[Private PoS]:`, then `Research`, then the list).
  const overList = new Set<Paragraph>();
  for (let i = tree.children.length - 2; i >= 0; i--) {
    const node = tree.children[i]!;
    const next = tree.children[i + 1]!;
    if (node.type === 'paragraph' && (next.type === 'list' || (next.type === 'paragraph' && overList.has(next)))) overList.add(node);
  }
  // A paragraph that is all its heading's section holds (`### When is your project scheduled to
  // complete?`, then `In the next 3 months`): that section's content, even when its words
  // would make a label; a label labels what comes after it. Not a label that says it leads in
  // (`Completed:`, `Ongoing:` of an empty template week).
  const wholeSection = new Set<Paragraph>();
  for (const [i, n] of tree.children.entries()) {
    const [before, after] = [tree.children[i - 1], tree.children[i + 1]];
    if (n.type === 'paragraph' && before?.type === 'heading' && (after === undefined || after.type === 'heading' || after.type === 'thematicBreak')) wholeSection.add(n);
  }
  // Paragraphs written directly over a table or a block of code (its caption, or the sentence that leads into it).
  const overTable = new Set(tree.children.flatMap((n, i) => (n.type === 'paragraph' && (tree.children[i + 1]?.type === 'table' || tree.children[i + 1]?.type === 'code') ? [n] : [])));
  // And over a picture (`Atlantis CPU usage:` then `![image](…)`): its caption.
  const isPicture = (n: RootContent | undefined) => n?.type === 'paragraph' && n.children.some((c) => c.type === 'image') && n.children.every((c) => c.type === 'image' || (c.type === 'text' && c.value.trim() === '') || c.type === 'break');
  for (const [i, n] of tree.children.entries()) if (n.type === 'paragraph' && isPicture(tree.children[i + 1])) overTable.add(n);
  // Over a block of code alone (`Pattern matching would then look like this:`): the example's lead-in.
  const overCode = new Set(tree.children.flatMap((n, i) => (n.type === 'paragraph' && tree.children[i + 1]?.type === 'code' ? [n] : [])));
  // Over a heading (`…and worked on the following things:` then `#### CVE fixes`): what leads into the sections after it.
  const overHeading = new Set(tree.children.flatMap((n, i) => (n.type === 'paragraph' && tree.children[i + 1]?.type === 'heading' ? [n] : [])));
  // Every heading's words as a table of contents would name it (`namesSectionsBelow`).
  const headingTexts = tree.children.flatMap((n) => (n.type === 'heading' ? [{ line: n.position?.start.line ?? 0, text: comparable(toString(n)) }] : []));
  // Headings with a deeper heading next (`## Notes` over `### Operations profile overview`): they hold sections of their own.
  const overSections = new Set(tree.children.flatMap((n, i) => {
    if (n.type !== 'heading') return [];
    const next = tree.children.slice(i + 1).find((c): c is Heading => c.type === 'heading');
    return next && next.depth > n.depth ? [n] : [];
  }));
  // Headings over a list whose bullets carry bullets of their own (`## Agenda` over "* 8.0.0
  // release date" › "* Feb 4, 2020 to match M80"): topics, each with what was said of it.
  const overTopics = new Set(tree.children.flatMap((n, i) => {
    const next = tree.children[i + 1];
    return n.type === 'heading' && next?.type === 'list' && next.children.some((li) => li.children.some((c) => c.type === 'list')) ? [n] : [];
  }));
  // Numbered lines that title what follows them, as minutes written in plain text number their
  // topics (`4) CI Review`, then what was said of it in paragraphs; `5) Sharpen PR`, …): the last
  // entry of a numbered list, a few words with no sentence in them, and prose right after it,
  // two such in a report or more. Each opens a section, a topic, as a heading would. Not a
  // list's entries read together ("three teams: 1. Client 2. Marketplace 3. Research", then
  // "The following are their updates."): the list is one entry, or spaced out one by one.
  const numberedTopics = new Set<ListItem>();
  {
    const found = tree.children.flatMap((n, i) => {
      if (n.type !== 'list' || !n.ordered || (n.children.length > 1 && !n.spread) || tree.children[i + 1]?.type !== 'paragraph') return [];
      const last = n.children.at(-1)!;
      const [first, ...rest] = last.children;
      if (!first || first.type !== 'paragraph' || rest.length > 0 || last.checked != null) return [];
      const text = toString(first).trim();
      const words = text.split(/\s+/).length;
      return words <= 6 && !/[.!?:：;,]$/.test(text) && !/\n/.test(text) && sentenceKind(text) === undefined && kindOf(text, false) === undefined ? [last] : [];
    });
    if (found.length >= 2) for (const li of found) numberedTopics.add(li);
  }
  // The depth of a meeting's notes heading over its topics, while its section lasts.
  let minutesRank: number | undefined;
  // And right under a picture (`![](breakfast.jpeg)`, then `Breakfast Roll — 7/10`): its caption.
  const underPicture = new Set(tree.children.flatMap((n, i) => (n.type === 'paragraph' && isPicture(tree.children[i - 1]) ? [n] : [])));
  // A heading that says whose report it is, `Key: value`, over nothing but `Key: value` lines
  // of a few words (`## Team: Payments`, then `Scrum Master: Ana`, `Sprint: 2`): the report's
  // header, not a part.
  const headers = new Set<Heading>();
  /** Of those, the ones with nothing under them: no section to hold what follows. */
  const fieldsOnly = new Set<Heading>();
  for (const [i, node] of tree.children.entries()) {
    if (node.type !== 'heading' || !KEY_VALUE.test(toString(node).trim()) || node.children.some((c) => c.type === 'link')) continue;
    const section: RootContent[] = [];
    let after: RootContent | undefined;
    for (const next of tree.children.slice(i + 1)) {
      if (next.type === 'heading' || next.type === 'thematicBreak') {
        after = next;
        break;
      }
      section.push(next);
    }
    const lines = section.flatMap((n) => (n.type === 'paragraph' ? toString(n).split('\n') : [undefined]));
    if (lines.length > 0 && lines.every((l) => l !== undefined && KEY_VALUE.test(l.trim()))) headers.add(node);
    // So is one with nothing under it before a heading of its level or above, or a rule
    // (`### Group number: G7`, then `### Student name: …`): a field of the report's header. Not
    // a part named with its prefix (`### Milestone: Operator guide (done)`).
    else if (section.length === 0 && after !== undefined && (after.type === 'thematicBreak' || (after.type === 'heading' && after.depth <= node.depth)) && !milestonePrefix(toString(node).trim())) {
      headers.add(node);
      fieldsOnly.add(node);
    }
  }
  // So is a heading that names the period (`## Date Range:`, `## Reporting period`) over nothing
  // but its dates (`- Jun 7 - 12, 2024`).
  for (const [i, node] of tree.children.entries()) {
    const next = tree.children[i + 1];
    if (node.type !== 'heading' || !next || (next.type !== 'paragraph' && next.type !== 'list')) continue;
    const after = tree.children[i + 2];
    if (after && after.type !== 'heading' && after.type !== 'thematicBreak') continue;
    const label = PERIOD_LINE.exec(toString(node).trim());
    if (!label || toString(node).trim().slice(label[0].length).trim() !== '') continue;
    if (toString(next).split('\n').every((l) => onlyDate(l))) headers.add(node);
  }
  let teamPart: OutlineNode | undefined;
  /** Unlabelled bullets before any part: the summary, unless the report never names a part. */
  const openingBullets: Item[] = [];
  /** The item each detail details: the opening's bullets that become the team part's keep it (a detail's kind may come from its item). */
  const parentOf = new Map<Item, Item>();
  /** Paragraphs before any part: the summary, unless the report is prose alone. */
  const openingParagraphs: Item[] = [];
  /** Every block of prose before any part, a paragraph or not (a quote, an HTML block), in order. */
  const openingBlocks: Item[] = [];

  function pop(rank: number): void {
    while (stack.length > 1 && top().rank >= rank) stack.pop();
  }

  function open(node: OutlineNode, onStack: boolean, parent: OutlineNode = top()): OutlineNode {
    if (minutesRank !== undefined) node.discussed = true;
    node.parent = parent;
    parent.children.push(node);
    if (onStack) stack.push(node);
    if (node.role !== 'document' && node.role !== 'summary' && node.role !== 'aside') {
      seenPart = true;
      // A part opened below a label ("Done last sprint" over per-area parts) holds that kind of item.
      const inherited = labelAbove(parent);
      if (inherited !== undefined && node.label === undefined) node.label = inherited;
    }
    workItem = undefined;
    return node;
  }

  function isEmptyPart(node: OutlineNode): boolean {
    return node.entries.length === 0 && node.children.length === 0 && node.label === undefined;
  }

  /** A label set at `rank` on a node; one of a higher heading stays for when this one ends. */
  const prompts = options.recurrence?.prompts;
  const isPrompt = (text: string) => prompts !== undefined && prompts.size > 0 && prompts.has(titleIdentity(text.replace(/\s+/g, ' ').trim()));
  // The label in force before a form's prompts at a part, and the one the last prompt gave it.
  const promptLabels = new Map<OutlineNode, { before: LabelTarget | undefined; given: LabelTarget | undefined }>();
  /**
   * A form's prompt (see ./recurrence.ts): no item; it labels the answer under it by its words
   * ("Obstacles in your research?" → risks), else the answer keeps the label in force before
   * the prompts ("In the past week:"), as does a plan's word under a past label ("Objectives
   * for the week" under "In the past week:" is what the week held). Returns the label given.
   */
  function prompt(node: OutlineNode, text: string, line: number): LabelTarget | undefined {
    structure.push({ line, what: 'label', text });
    let state = promptLabels.get(node);
    // Another label since the last prompt ("Plan for the next week:"): the prompts after it answer under it.
    if (!state || node.label !== state.given) promptLabels.set(node, (state = { before: node.label, given: undefined }));
    // Its words, or its head's ("Obstacles in your research and how you plan to overcome them?" → risks).
    const read = kindOf(text, false) ?? kindOf(text.split(/\s+(?:in|that|which|you|your|for|to|of|on|and|with)\b|[,(?:.;]/)[0]!, true) ?? (isFormPrompt(text) ? promptKind(text) : undefined);
    const own = read !== undefined ? labelTarget(read) : undefined;
    const past = state.before === 'achieved' || state.before === 'progress';
    const given = own === undefined || (own === 'next' && past) ? state.before : own;
    if (given !== undefined) setLabel(node, given, 7);
    else node.label = undefined;
    state.given = given;
    workItem = undefined;
    return given;
  }

  function setLabel(node: OutlineNode, label: LabelTarget, rank: number): void {
    if (node.label !== undefined && node.labelRank !== undefined && node.labelRank < rank) (node.outerLabels ??= []).push({ label: node.label, rank: node.labelRank });
    node.label = label;
    node.labelRank = rank;
  }

  /** The label in force at a node: its own, or the nearest above it (documents and areas pass it down). */
  function labelAbove(node: OutlineNode | undefined): LabelTarget | undefined {
    for (let n = node; n; n = n.parent) if (n.label !== undefined) return n.label;
    return undefined;
  }

  /**
   * The team's own part: what a report says was done, planned or at risk outside every part it
   * names belongs to the team (or its project), followed and announced like any milestone.
   */
  function teamPartNode(): OutlineNode {
    if (!teamPart) {
      // Line 0: no line of the source opens it (its items keep their own lines).
      teamPart = newNode({ role: 'workstream', form: 'team', rank: 0, line: 0, text: '', title: options.teamTitle ?? options.team, marked: true });
      teamPart.parent = root;
      root.children.unshift(teamPart);
    }
    return teamPart;
  }

  /** A member's section begins: their name heads the team's work until the next member's. */
  function startPerson(name: string, written: PhrasingContent[], line: number, rank: number): void {
    const team = teamPartNode();
    team.workItems.push(makeItem([{ type: 'paragraph', children: written }], line, 0, undefined));
    person = { item: { title: name.replace(/\s*[:：]\s*$/, '') }, rank };
    // What follows is the team's work, not the report's opening words.
    seenPart = true;
    // A label of the member before ("Plan:") does not carry over to this one; one above the
    // members ("## Plans for next week" over "### Ana", "### Bo") holds for each of them.
    for (const n of [host(), team]) if (n.labelRank === undefined || n.labelRank >= rank) reopenOuterLabel(n, rank);
  }

  /** The nearest node content goes to (a document title is transparent). */
  function host(): OutlineNode {
    for (let i = stack.length - 1; i >= 0; i--) if (stack[i]!.role !== 'document') return stack[i]!;
    return root;
  }

  function addEntry(node: OutlineNode, kind: LabelTarget | undefined, nodes: RootContent[], line: number, depth: number, bullet = false, parent?: Item, follows?: Item): Item {
    const item = makeItem(nodes, line, depth, workItem ?? person?.item);
    if (parent) parentOf.set(item, parent);
    lastEntry = { item, endLine: nodes.at(-1)?.position?.end.line ?? line, nodes, workItem, node, bullet };
    const summarised = kind === 'summary' || (node.role === 'summary' && kind === undefined && !stack.some((n) => n.topic && n.rank > node.rank));
    const opening = !seenPart && minutesRank === undefined && kind === undefined && (node.role === 'root' || node.role === 'document') && !stack.some((n) => days.has(n));
    // A field that only says when, a date or a range ("Work Performed: Oct 06th-12th", "Sprint
    // dates: Jan 5 – 19"; not a number alone, "Sprint: 2"), in a paragraph of its own, wherever it
    // stands: the period, no work (a list of dates, "- Testnet: Wed 18th Sept", says when things
    // will happen).
    // So is a bullet whose name says it is a when ("- Meeting start: 2025-04-03T17:23:52Z", "- Date: …").
    const field = kind === undefined && parent === undefined ? /^([\p{L}][\p{L} '’]{0,30}?)\s*[:：]\s*(.+)$/u.exec(item.text.replace(/[*_]/g, '').trim()) : null;
    if (field && (!bullet || WHEN_KEY.test(field[1]!)) && /\d/.test(field[2]!) && /\p{L}{3}|\d\s*[/.–—-]\s*\d/u.test(field[2]!) && onlyDate(field[2]!)) {
      structure.push({ line, what: 'when', text: item.text });
      return item;
    }
    // A picture, a table or a block of code is no summary of the week: a note of the update, shown with it.
    // Nor is a name over bare addresses ("Pre-proposal Discussion https://…"): where to read more;
    // nor a call to follow or support the work ("If you'd like to follow along, join…").
    // Nor who wrote it ("Prepared by: XWS Alpha Team"), nor a link alone in a few words ("[Cumulative File](cumulative.md)",
    // a bullet too, in six words at most, to no issue or pull request: "- [Stable](https://doc.rust-lang.org/)",
    // "- [Codex Athens Presentation](…)", where to look; "- [Fix the login crash](…/pull/12)" is work);
    // nor where to read more, thanks, a word of feeling or a sign-off ("Many thanks to our sponsors", "Whew!", "~st.");
    // a season's greeting in the overview is a note ("Happy Easter!"), opening the report it is its summary.
    // Nor what the team writes the same every week above its news ("A reminder that we are exploring…", its aims): standing text.
    if ((summarised || opening) && (isStanding(item.text) || isPictureOnly(item) || isNamedAddress(item.text) || isCallToReader(item.text) || isFurtherReading(item.text) || isByline(item.text) || isMeetingLogistics(item.text) || isAboutThePost(item.text) || isThanks(item.text) || isInterjection(item.text) || (isSignOff(item.text) && !(opening && /^(?:happy|merry)\b/i.test(item.text.trim()))) || (isLinkOnly(item) && (!bullet || (item.text.trim().split(/\s+/).length <= 6 && !item.links.some((l) => WORK_URL.test(l.href))))) || (nodes.length === 1 && (nodes[0]!.type === 'table' || nodes[0]!.type === 'code')))) {
      root.entries.push({ kind: 'notes', item });
      return item;
    }
    // Nor a line that only says which week it is ("And Week 8...", "Week 3 (Jun 7 – Jun 13)"): as a dated heading, it names the time.
    if ((summarised || opening) && /\bweek\b/i.test(item.text) && isDated(item.text) && !onlyDate(item.text) && item.text.split(/\s+/).length <= 6 && !FINITE_VERB.test(item.text)) {
      structure.push({ line, what: 'document-title', text: item.text });
      return item;
    }
    if (summarised || opening) {
      summary.push(item);
      if (opening && !summarised && bullet) openingBullets.push(item);
      if (opening && !summarised && !bullet && nodes.length === 1 && nodes[0]!.type === 'paragraph') openingParagraphs.push(item);
      if (opening && !summarised && !bullet) openingBlocks.push(item);
      return item;
    }
    if (node.role === 'aside') {
      node.entries.push({ kind: 'notes', item });
      return item;
    }
    // So is a template's prompt, a question or a hint in italics, written the same in most of the
    // team's reports under any label ("*What are you working towards in filling the Cycle? May be
    // a burndown list…*"), and any paragraph so written where no label says what it holds (a
    // newsletter's "The topic to propose crates is still open… Please take a look!" every
    // week): standing text, no news of the week. Not a plan written the same again under "Next".
    const hint = nodes.length === 1 && nodes[0]!.type === 'paragraph' && (allEmphasis(nodes[0].children) || /\?/.test(item.text));
    if (!bullet && parent === undefined && (hint || kind === undefined) && isStanding(item.text)) {
      root.entries.push({ kind: 'notes', item });
      return item;
    }
    // Work of a kind outside every named part is the team's own; so is what a topic heading holds.
    const outside = node.role === 'root' || node.role === 'document' || node.role === 'summary';
    const inTopic = outside && kind === undefined && stack.some((n) => n.topic);
    const target = outside && ((kind !== undefined && kind !== 'notes') || inTopic) ? teamPartNode() : node;
    const prose = !bullet && nodes.length === 1 && nodes[0]!.type === 'paragraph';
    const ticked = kind === 'achieved' && tickedLines.has(line);
    target.entries.push({ ...(kind !== undefined ? { kind } : {}), item, ...(parent ? { parent } : {}), ...(follows ? { follows } : {}), ...(prose ? { prose } : {}), ...(ticked ? { ticked } : {}) });
    return item;
  }

  /** Text the team writes the same in most of its reports (recurrence.standing): a standing line, or a paragraph of nothing but standing lines. */
  function isStanding(text: string): boolean {
    return isStandingText(text, options.recurrence);
  }

  function warnUnknownKind(word: string, line: number, column = 1): void {
    file.message(`unknown section kind \`${word}\`: its items are kept as notes`, { place: { line, column }, ruleId: 'unknown-kind', source: 'tidings' });
  }

  /** The file's name after its date, as a slug (`2022-10-17-ramping-up.md` → `ramping-up`); '' when it names nothing else. */
  const fileWords = slugify((file.path ?? '').split(/[\\/]/).pop()!.replace(/\.[^.]+$/, '').replace(/^\d{4}[-_.]?\d{1,2}[-_.]?\d{1,2}(?=[-_.\s]|$)/, ''));
  /** A document's title: dated, the front matter title again, or the team's name with "weekly"/"update". */
  /** A heading dated, or written every week with only its numbers changed (`Vac 2024/03/11`). */
  function isDatedHeading(text: string): boolean {
    return isDated(text) || (options.recurrence?.datedShapes.has(headingShape(text)) ?? false);
  }
  function isDocumentTitle(text: string, depth: number): boolean {
    if (isDatedHeading(text)) return true;
    const plain = labelWords(text).toLowerCase();
    if (options.title && plain === labelWords(options.title).toLowerCase()) return true;
    // The words the file is named by after its date (a blog's `2022-10-17-ramping-up.md` under
    // `## Ramping Up`), opening the report: its title.
    if (!seenPart && stack.length === 1 && fileWords !== '' && slugify(plain) === fileWords) return true;
    if (RECORD_WORDS.test(plain) && teamNames.some((n) => plain.includes(n))) return true;
    // A heading that is just the team's name wraps the report when it opens it; later, it is a section like the others.
    if (teamNames.includes(plain.replace(/[_-]+/g, ' '))) return !seenPart;
    // The first H1 titles the document, unless the report has several: then each names a part
    // (`# Payments`, `# Search`, each over its Done / Next), but one that says it is a report
    // ("# Midterm Progress Report") still titles what follows.
    if (depth === 1 && h1s >= 2) return RECORD_WORDS.test(plain);
    return depth === 1 && !seenPart && stack.length === 1;
  }

  function handleHeading(node: Heading): void {
    const text = toString(node).trim();
    const line = node.position?.start.line ?? 1;
    // A heading with nothing in it (`# ` on a line of its own, a blank left in a template) names
    // nothing and ends nothing: what follows stays where it was.
    if (text === '' && !node.children.some((c) => c.type === 'image')) {
      structure.push({ line, what: 'heading', text });
      return;
    }
    const words = labelWords(text);
    const links = collectLinks(node).filter((l) => /^https?:/i.test(l.href));
    const tag = headingTag(node);
    const prefix = milestonePrefix(text);
    // A label linked to the board or list it comes from (`### [In Progress](…/projects/24/views/1)`,
    // `### [Backlog](…)`): that label; a link to one tracked thing or a change names a part.
    const sole = soleLink(node.children);
    const linkedLabel = sole !== undefined && links.length === 1 && !isTrackerLink(sole.url) && !WORK_URL.test(sole.url) && isLabelPhrase(text);
    const marked = (links.length > 0 && !linkedLabel) || tag !== undefined || prefix !== undefined || hints.milestoneLevel === node.depth;
    // A label heading names what its section holds (`## This Week's Achievements`); any other heading opens a part.
    // Nor the report's own title, dated, opening it ("# Progress report (June 2024)", "# ROADMAP
    // review (End of July '21)" every period): it names the document, not what its sections hold.
    const datedTitle = !marked && stack.length === 1 && !seenPart && (REPORT_WORDS.test(text) || /\breview\b/i.test(text)) && isDatedHeading(text);
    const found = marked || datedTitle || NEWS_OF.test(labelWords(text)) ? undefined : headingLabel(node, text, kindOf);
    const label = found && !found.unknown ? found : undefined;
    pop(node.depth);
    if (minutesRank !== undefined && node.depth <= minutesRank) minutesRank = undefined;
    if (person && node.depth <= person.rank) person = undefined;
    if (peopleRank !== undefined && node.depth <= peopleRank) peopleRank = person = undefined;
    // The part the heading sits in (a document title is a wrapper: its content goes to the part around it).
    const around = host();
    // `#### Overall Status: On Track` under a part: how that part stands.
    if (!marked && statusLine(around, text, line)) return;
    // A label set by a heading as high as this one (`## Top priorities:` before `## Events`) ends here.
    if (around.labelRank !== undefined && node.depth <= around.labelRank) {
      // The label of a higher heading ("### What I Did" over "#### Goal", "#### Migration") is in force again.
      reopenOuterLabel(around, node.depth);
    }
    if (label?.kind === 'summary') {
      open(newNode({ role: 'summary', form: 'heading', rank: node.depth, line, text, title: words }), true);
      return;
    }
    // An aside label (acknowledgements, learnings…) is the only known label kept as notes. Not
    // the one heading that opens the report as its title ("# Meeting notes" over "## Last
    // week's progress", "## Plans for next weeks"): it names the document, not what it holds.
    if (label?.kind === 'notes') {
      // That one is the document's title: what follows is read as the report it is ("# Agenda"
      // over "## Status Updates" and each member's work), not kept as notes.
      if (node.depth === 1 && h1s < 2 && !seenPart && stack.length === 1 && summary.length === 0) {
        structure.push({ line, what: 'document-title', text });
        return;
      }
      // Nor the notes of a meeting over its topics (`## Notes`, `## Minutes` or `## Agenda` over `### RDF
      // license definition`): the body of the minutes, each topic a part whose lines are
      // discussion (notes) unless they say a decision, a plan or work of their own.
      // Its words as a label reads them, emoji aside in either form (`## Notes :book:`, `## Notes 📖`).
      const plain = labelTokens(words).join(' ');
      if (((overSections.has(node) || overTopics.has(node)) && MINUTES_BODY.test(plain)) || (overSections.has(node) && DISCUSSION_BODY.test(plain))) {
        structure.push({ line, what: 'heading', text });
        minutesRank = node.depth;
        return;
      }
      open(newNode({ role: 'aside', form: 'heading', rank: node.depth, line, text, title: words }), true);
      return;
    }
    if (label) {
      setLabel(around, label.kind, node.depth);
      workItem = undefined;
      // Read as a label, as a bold line or a bullet of one is (`npm run explain` lists it).
      structure.push({ line, what: 'label', text });
      return;
    }
    const codeOnly = node.children.length === 1 && node.children[0]!.type === 'inlineCode' ? node.children[0]!.value.trim() : undefined;
    // A form's question or request, too long to be read as a label ("Please provide details
    // here about the work you have delivered since last report", "If you answered No, what are
    // the issues or blockages you are having?"), labels its answer by the work it asks for.
    const form = !marked && codeOnly === undefined && isFormPrompt(text);
    const asked = form ? promptKind(text) : undefined;
    if (asked !== undefined && asked !== 'aside' && asked !== 'summary') {
      setLabel(around, labelTarget(asked), node.depth);
      workItem = undefined;
      return;
    }
    // A question that names no kind ("Have I worked hard enough this week?", "Why Zarr?",
    // "Is the project on track? *") names no part either: what answers it is said about the
    // week, kept with the update; so is a question the team's form asks every week, or one
    // about something else ("Please explain the evidence you are submitting"), anywhere. Any
    // other question inside a part is about that part's work: no part of its own.
    if (form || (!marked && codeOnly === undefined && /\?\s*$/.test(text))) {
      if (asked !== undefined || around.role === 'root' || around.role === 'document' || around.form === 'team' || isPrompt(text)) {
        open(newNode({ role: 'aside', form: 'heading', rank: node.depth, line, text, title: words }), true);
      } else {
        open(newNode({ role: 'document', form: 'heading', rank: node.depth, line, text, title: words }), true);
      }
      return;
    }
    const facet = !marked && around.role !== 'root' && (options.recurrence?.facets.has(titleIdentity(words)) ?? false);
    if (facet || (!marked && codeOnly === undefined && sortsWork(around, text, labelAbove(around), node.depth))) {
      // "### Bug fixes" inside a part sorts its work, and so does a facet of the team's template
      // ("### Research" under every project): what follows stays the part's. The form the work
      // took ("### Pull Requests") lists the team's work where no part is around, under an
      // overview too: no summary.
      // Outside every part, what they sort is the team's own work.
      const topic = isWorkForm(text.replace(/\s*[:：]\s*$/, '')) || (!facet && (around.role === 'root' || around.role === 'document'));
      open(newNode({ role: 'document', form: 'heading', rank: node.depth, line, text, title: words, ...(topic ? { topic } : {}) }), true);
      return;
    }
    // A heading that only counts ("### One", "### 2.", "### Third") orders what the report says:
    // no part; what follows stays with the part around it.
    if (!marked && ORDINAL_ONLY.test(text.replace(/[\s.):#-]+/g, ' ').trim())) {
      open(newNode({ role: 'document', form: 'heading', rank: node.depth, line, text, title: words }), true);
      return;
    }
    // Below an aside ("Why It Matters" › "The Backend API", "Reading Log" › "< 5 min" every
    // week), a heading is part of the aside, however often written.
    if (!marked && around.role === 'aside' && around.rank < node.depth) {
      open(newNode({ role: 'document', form: 'heading', rank: node.depth, line, text, title: words }), true);
      return;
    }
    // Under the members' heading (isPeopleHeading, below), a member's name, written once or
    // every week, heads that member's report: no part; their work is the team's, shown under
    // their name.
    // So does someone's handle alone (`## @diasdavid`, `### [@wincent](https://github.com/wincent)`),
    // as over bullets: a person is no part.
    const handle = HANDLE_ONLY.test(words) && (links.length === 0 || (links.length === 1 && PROFILE_URL.test(links[0]!.href)));
    if (handle || (!marked && ((peopleRank !== undefined && node.depth > peopleRank && isPersonName(text)) || isMemberWithRoles(text) || writers.has(node)))) {
      open(newNode({ role: 'document', form: 'heading', rank: node.depth, line, text, title: words, topic: true }), true);
      startPerson(words, node.children, line, node.depth);
      return;
    }
    if (!marked && !recurring.has(titleIdentity(text))) {
      const transparent = (topic: boolean) => open(newNode({ role: 'document', form: 'heading', rank: node.depth, line, text, title: words, ...(topic ? { topic } : {}) }), true);
      // A heading below a label heading ("### 1. Custom widget" under "## This Week's
      // Achievements") names one piece of that kind of work, not a part to follow: its content
      // keeps the label. Unless it names a part by its form or the team writes it week after week.
      if (around.label !== undefined && around.label !== 'notes' && around.labelRank !== undefined && around.labelRank < node.depth) return void transparent(false);
      // In a team with a history, a plain heading written this once, in a report organised by
      // labels at that level ("## Deployed Project" between "Achievements" and "Next Week's
      // Roadmap"), is a topic of the week, not a part to follow: its content is the team's own.
      const history = options.recurrence?.weeks ?? 0;
      if (history >= TOPIC_MIN_WEEKS && labelledDepths.has(node.depth) && (around.role === 'root' || around.role === 'summary')) return void transparent(true);
    }
    // A catch-all heading outside every part ("## Others", "## Misc", "### A few items" below a
    // heading that names none), however often written, names no part: what it holds is the
    // team's own work. Written as code, as the team writes its workstreams (`` ## `Miscellaneous` ``),
    // it is one of them.
    const changes = !marked && codeOnly === undefined && isChangeSection(words);
    if (!marked && codeOnly === undefined && (around.role === 'root' || around.role === 'document') && (isCatchAll(text) || changes)) {
      // What a release's category holds is its changes, not the report's opening words.
      if (changes) seenPart = true;
      open(newNode({ role: 'document', form: 'heading', rank: node.depth, line, text, title: words, topic: true }), true);
      return;
    }
    if (headers.has(node)) {
      open(newNode({ role: 'summary', form: 'heading', rank: node.depth, line, text, title: words }), !fieldsOnly.has(node));
      structure.push({ line, what: 'document-title', text });
      return;
    }
    // A heading that only says whose report follows ("Team report", "Individual reports", "Member
    // updates") names no part: what it holds is the team's own work. Not a report word alone
    // ("Update", "Status"): that heads the part it names.
    // So is "Contributions" over sections of their own ("## Contributions" › "### Leo & Kelby", "### Asa"): who did what.
    const people = !marked && (isPeopleHeading(text) || (overSections.has(node) && /^(?:individual\s+|member\s+)?contributions?$/i.test(words.trim())));
    if (people || (!marked && isWhoseReport(text))) {
      seenPart = true;
      if (people) peopleRank = node.depth;
      open(newNode({ role: 'document', form: 'heading', rank: node.depth, line, text, title: words, topic: true }), true);
      return;
    }
    if (!marked && text !== '' && isDocumentTitle(text, node.depth)) {
      // After a part, a week of the period ("## Week ten in review") holds the team's own work.
      const stretch = seenPart && /\bweek\b/i.test(text) && isDated(text);
      // A day of a log below the report's title ("### Monday", "## Wed 12 Oct") holds that day's
      // work, the team's: no opening words of the report.
      const day = stack.length > 1 && WEEKDAY_HEADING.test(labelWords(text));
      const opened = open(newNode({ role: 'document', form: 'heading', rank: node.depth, line, text, title: words, ...(stretch || day ? { topic: true } : {}) }), true);
      if (day) days.add(opened);
      return;
    }
    // A heading that only names a stretch of time ("### Spring 2024", "## Q3") dates the work
    // below it, as plans by quarter are written: no part, however often written; what it holds
    // stays with the part around it, under its label.
    if (!marked && codeOnly === undefined && isPeriodName(text)) {
      open(newNode({ role: 'document', form: 'heading', rank: node.depth, line, text, title: words, topic: true }), true);
      return;
    }
    const headingWords = text.split(/\s+/).length;
    const sentence = (headingWords >= 3 && /[.!]$/.test(text) && !TRAILING_OFF.test(text)) || headingWords > 12 || (headingWords >= 3 && /^(?:I|We)(?:['’](?:m|ve|d|re))?\s+(?:also\s+|just\s+|finally\s+)?[a-z]/.test(text) && !TRAILING_OFF.test(text));
    // So does a headline that says a thing was done ("## 0.15.0 server version has been released",
    // "### New OpenSSL builder added"): what it holds tells of that thing, done unless its own
    // words say otherwise.
    const headline = !marked && codeOnly === undefined && !sentence && headingWords >= 3 && !TRAILING_OFF.test(text) && !/^[A-Za-z]+ing\b/.test(words) && !recurring.has(titleIdentity(text)) && sentenceKind(words) === 'achieved';
    if (!marked && codeOnly === undefined && (sentence || headline)) {
      // A heading that is a sentence ("JS and Go interop succeeded!", "I went to a funeral", "We
      // launched a thing") says something, it names nothing to follow: an item of the part around it, whose content goes on below it. An
      // ellipsis is no full stop ("## Getting set up ..." names a part).
      const target = host();
      const label = labelAbove(target);
      open(newNode({ role: 'document', form: 'heading', rank: node.depth, line, text, title: words }), true);
      addEntry(target, label ?? (headline ? 'achieved' : undefined), [{ type: 'paragraph', children: node.children, ...(node.position ? { position: node.position } : {}) }], line, 0);
      if (headline && label === undefined) setLabel(target, 'achieved', node.depth);
      return;
    }
    // Inside a member's report, a heading of their own in the first person ("## I'd like to
    // raise…") is a prompt of their template: no part; what follows stays theirs.
    if (!marked && person !== undefined && FIRST_PERSON.test(text)) {
      open(newNode({ role: 'document', form: 'heading', rank: node.depth, line, text, title: words }), true);
      structure.push({ line, what: 'heading', text });
      return;
    }
    const { title, status } = headingTitle(node, text, links, tag);
    // A link that several headings of the report share (a call's video at each topic's time,
    // `## 1. [Testing](…watch?v=X&t=5m)`, `## 3. [Research](…watch?v=X&t=40m)`) names none of
    // them: each is keyed by its title.
    const shared = links[0] ? normaliseTrackerUrl(links[0].href) : undefined;
    // An issue or milestone stays its part's, whatever a copied link elsewhere says.
    const trackerUrl = shared && ((headingLinks.get(shared) ?? 0) < 2 || isTrackerLink(shared) || WORK_URL.test(shared)) ? shared : undefined;
    // A label before the name ("## Next Up: Unit Tests", "## Working On: Posting Edits", "## Added:
    // Test Cases"): the part is the name; what it holds is of the label's kind.
    // So is what is new in a thing ("## What's new in SvelteKit"): that thing, its news done.
    const lead = !marked && codeOnly === undefined ? (/^([^:：]{2,30}?)\s*[:：]\s*(\S.{1,120})$/.exec(title) ?? NEWS_OF.exec(title)) : null;
    const leadKind = lead ? kindOf(lead[1]!, true) : undefined;
    const labelled = leadKind === 'achieved' || leadKind === 'progress' || leadKind === 'next' || leadKind === 'risks' || leadKind === 'blockers' ? leadKind : undefined;
    // A heading that is only inline code (`` ## `P2P Privacy` ``) names its part by that code (codeOnly).
    const opened = open(
      newNode({
        form: 'heading',
        rank: node.depth,
        line,
        text,
        title: codeOnly ?? (labelled ? lead![2]!.trim() : title),
        status,
        ...(trackerUrl ? { trackerUrl, source: node.children } : {}),
        ...(tag ? { tag } : {}),
        marked,
        ...(prefix ? { prefixed: true } : {}),
      }),
      true,
      host(),
    );
    if (labelled) setLabel(opened, labelled, node.depth);
  }

  /** A paragraph that opens a part: bold-only, a `Milestone:` lead-in, one link. Returns whether it did. */
  function paragraphOpener(node: Paragraph, rawText: string, line: number): boolean {
    const named = nameLine(node, rawText);
    const text = named ?? rawText;
    const boldOnly = named !== undefined || (allEmphasis(node.children) && text.length <= 150 && !/\n/.test(text.trim()));
    const prefix = text.length <= 200 ? milestonePrefix(text) : undefined;
    if (prefix && (boldOnly || node.children[0]?.type === 'strong' || node.children[0]?.type === 'emphasis' || !/[.!?]$/.test(text.trim()))) {
      pop(7);
      // `**Milestone 1: JS and Go interop** succeeded!`: the name is what the emphasis holds; a
      // remark after it is its status when it is a status word ("- DROPPED"), else what it says.
      const lead = node.children.find((c) => !(c.type === 'text' && c.value.trim() === ''));
      const inner = lead && (lead.type === 'strong' || lead.type === 'emphasis') ? milestonePrefix(toString(lead)) : undefined;
      const after = inner ? node.children.slice(node.children.indexOf(lead!) + 1) : [];
      const remark = toString({ type: 'paragraph', children: after }).replace(/^[\s:–—-]+/, '').trim();
      const remarked = inner !== undefined && remark !== '' && statusWordOf(remark) === undefined;
      const { title, status } = cleanTitle(remarked ? inner.title : prefix.title);
      const part = open(newNode({ form: 'paragraph', rank: 7, line, text, title, status: [...prefix.status, ...status], marked: true, prefixed: true }), true, host());
      if (remarked) {
        const written = toString({ type: 'paragraph', children: after });
        addEntry(part, undefined, [{ type: 'paragraph', children: stripLeading(after, written.length - written.replace(/^[\s:–—-]+/, '').length) }], line, 0);
      }
      return true;
    }
    // A bold name with its date after it (`**Logos Lab** 12th of July`) titles the document.
    if (!boldOnly && !/\n/.test(text) && isNameLine(node.children) && !hasLink(node) && isDated(text)) {
      structure.push({ line, what: 'document-title', text });
      return true;
    }
    // A bold or italic sentence ("*Our work is divided among six teams: …*") says something,
    // as a heading that is a sentence does: it names nothing to follow.
    // So does one that opens with who says it ("*We did more things than this*"): a name never does.
    // So does an aside in brackets ("*(Your feedback is welcome—come find us on GitHub.)*").
    // Not a name with its writer's initial ("**Business (by Jannie Y.)**"): no sentence ends there.
    // So does a quotation ("*\"Concealed talent brings no reputation\" -Erasmus*").
    if (boldOnly && isQuotation(text)) return false;
    if (boldOnly && named === undefined && text.split(/\s+/).length >= 4 && (/(?<!(?:^|\s)[A-Z])[.!?]["”’)\]]*$/.test(text.trim()) || /^\(.*\)$/.test(text.trim()) || /^(?:we|i|you|they)(?:['’](?:ve|re|ll|d|m))?\s/i.test(text.trim()))) return false;
    // A bold or linked line that says there is none (`**No New FLIPs**`) or gives a figure
    // (`[YTD SLA: 99.922%](…)`) names nothing to follow either: a line of the part above.
    if ((boldOnly || soleLink(node.children)) && named === undefined && (isPlaceholder(text) || FIGURE.test(text.trim()))) return false;
    // A member's name in bold under the members' heading, or someone's handle alone
    // (`**@achingbrain**`), as over bullets and headings: a person is no part.
    if (boldOnly && ((peopleRank !== undefined && isPersonName(text)) || HANDLE_ONLY.test(labelWords(text).trim()))) {
      structure.push({ line, what: 'person', text });
      startPerson(labelWords(text), node.children, line, 7);
      return true;
    }
    if (boldOnly) {
      const words = labelWords(text);
      // A date or a range of dates alone (`**11th -> 17th Nov**`, `**18th - 24th Nov**`): a day or
      // a week of the log, no part; what follows is the team's work of those days, past the
      // report's overview.
      // So does one with the time it took (`**Thursday, January 23 (2 hours):**`), a log's day.
      if (named === undefined && !hasLink(node) && onlyDate(words.replace(TIME_TAKEN, ''))) {
        pop(7);
        // Not below "Highlights": the highlights of those days.
        while (stack.length > 1 && top().role === 'summary' && !/^highlights?$/.test(readLabel(top().title)?.phrase ?? '')) stack.pop();
        // A bold label before the first day ("**Goals:**" over the week's checklist) labels that list, not the days.
        const around = host();
        if (around.labelRank !== undefined && around.labelRank >= 7) reopenOuterLabel(around, 7);
        days.add(open(newNode({ role: 'document', form: 'bold', rank: 7, line, text, title: words, topic: true }), true));
        structure.push({ line, what: 'heading', text });
        return true;
      }
      if (isSummaryLabel(text)) {
        pop(7);
        open(newNode({ role: 'summary', form: 'bold', rank: 7, line, text, title: words }), true);
        structure.push({ line, what: 'summary-label', text });
        return true;
      }
      if (isDocumentTitle(text, 7) && !hasLink(node)) {
        structure.push({ line, what: 'document-title', text });
        return true;
      }
      const link = soleLink(node.children);
      if (!link && sortsWork(host(), text)) {
        structure.push({ line, what: 'change-kind', text });
        return true;
      }
      if (!link && named !== undefined && host().role !== 'root' && options.recurrence?.facets.has(titleIdentity(labelWords(text)))) {
        structure.push({ line, what: 'facet', text });
        return true;
      }
      // In an aside ("Resources & References" › "**Repository**"), a bold line titles part of the aside.
      if (host().role === 'aside') {
        structure.push({ line, what: 'heading', text });
        return true;
      }
      // A member's name among others over their bullets (boldWriters): their work, the team's.
      if (!link && boldWriters.has(node)) {
        pop(7);
        structure.push({ line, what: 'person', text });
        startPerson(text, node.children, line, 7);
        return true;
      }
      const labelled = labelAbove(host());
      if (!link && labelled !== undefined && labelled !== 'notes' && labelled !== 'summary' && !recurring.has(titleIdentity(text)) && top().form !== 'bold') {
        // Below a label ("What I Did" › "**Key Features of the API:**"), a bold line written once
        // titles the details that follow, which keep the label's kind: no part.
        structure.push({ line, what: 'heading', text });
        return true;
      }
      if (!link) {
        // A bare name (no colon, no brackets) right below a bold or name line that has nothing yet
        // (`[Carnot]:`, then `Research` over the list) is written inside it: one step deeper.
        const inner = named !== undefined && !/[:：]$/.test(named) && !/^\[/.test(rawText) && top().form === 'bold' && top().rank === 7 && isEmptyPart(top());
        const rank = inner ? INNER_NAME_RANK : 7;
        pop(rank);
        // The words as written (emphasis is markup, not text): its title is found in the source.
        const { title, status } = cleanTitle(text.replace(/\s*[:：]\s*$/, ''));
        open(newNode({ form: 'bold', rank, line, text, title, status }), true, host());
        return true;
      }
    }
    const link = soleLink(node.children);
    // A link to a list, not to one tracked thing, whose text is a label (`[Issues and pull
    // requests closed since last report](…/issues?q=is:closed…)`): that label, with its evidence.
    if (link && !isTrackerLink(link.url) && !WORK_URL.test(link.url)) {
      const kind = kindOf(toString(link).replace(/\s*[:：]\s*$/, ''), false);
      if (kind !== undefined && kind !== 'summary' && kind !== 'aside') {
        setLabel(host(), kind, 7);
        structure.push({ line, what: 'label', text });
        return true;
      }
    }
    // A bold link paragraph after a link-paragraph part is its sibling, whatever label that part's text set.
    const siblingOfPart = top().form === 'paragraph' && node.children.find((c) => !(c.type === 'text' && c.value.trim() === ''))?.type === 'strong';
    if (link && (top().label === undefined || siblingOfPart) && workItem === undefined && namedLink(link.url, toString(link))) {
      pop(7);
      const { title, status } = cleanTitle(toString(link));
      const trackerUrl = normaliseTrackerUrl(link.url);
      open(newNode({ form: 'paragraph', rank: 7, line, text, title, status, ...(trackerUrl ? { trackerUrl, source: node.children } : {}), marked: true }), true, host());
      return true;
    }
    return false;
  }

  /**
   * A plain line that is only a name, directly over a list (`Storage layer:`, `[Private PoS]:`,
   * or a name the team writes week after week): it names the part the list is the work of, as a
   * bold line would. Its text without the brackets; undefined for anything else, a sentence's
   * lead-in ("We worked on the following:") included.
   */
  function nameLine(node: Paragraph, text: string): string | undefined {
    if (!overList.has(node) || !node.children.every((c) => c.type === 'text') || /\n/.test(text)) return undefined;
    const bracketed = /^\[([^\]]+)\]\s*([:：]?)$/.exec(text);
    const name = bracketed ? `${bracketed[1]!.trim()}${bracketed[2]}` : text;
    const bare = name.replace(/\s*[:：]$/, '');
    if (bare === '' || bare.split(/\s+/).length > 8 || /[.!?;,]$/.test(bare) || saysSomething(bare)) return undefined;
    // A sentence's lead-in ("This is good because:", "Some of the features provided:") or a `Key: value` line is no name.
    if (/[:：]/.test(bare) || /\b(?:we|i|our|us|they|following|below|these|here)\b/i.test(bare)) return undefined;
    if (/^(?:this|that|those|some|there|it|all|each|both|any|many|most|several|other)\b|\b(?:is|are|was|were|be|been|because|which|that|who|has|have|had|will|would|can|could|should|did|does|do|provided|include|includes|including)\b/i.test(bare)) return undefined;
    // Inside a part named by a heading, a line over a list is that part's lead-in ("## TD Studio",
    // "Full focus on LPE:"), unless the team writes it week after week.
    const inHeadingPart = stack.some((n) => n.form === 'heading' && n.role !== 'document' && n.role !== 'summary' && n.role !== 'aside');
    if (inHeadingPart && !recurring.has(titleIdentity(bare))) return undefined;
    // Words with no colon and no brackets are a name only when the team writes them week after week.
    return bracketed || name !== bare || recurring.has(titleIdentity(bare)) ? name : undefined;
  }

  /**
   * A record: a paragraph of `Key: value` lines that opens with what it is about and says how it
   * stands (`Project: Billing v2` / `Status: Green` / `Update: …` / `Next: …`), as status mails
   * are written. It is a part named by its first value; a status line is its status, a line
   * keyed by a label an item of that kind, an owner a note, any other line its news. A record
   * that says nothing of the work (`Project:` / `Mentors:` / `Reporting period:`) is not one.
   */
  function readRecord(node: Paragraph): boolean {
    const lines = recordLines(node);
    if (!lines || !RECORD_NAME.test(lines[0]!.key)) return false;
    const kinds = lines.map((l) => (STATUS_HEADER.test(l.key) ? 'status' : COMMENT_HEADER.test(l.key) ? 'news' : kindOf(l.key, true)));
    if (!kinds.slice(1).some((k) => k === 'status' || k === 'news' || (k !== undefined && k !== 'summary' && k !== 'aside'))) return false;
    const [name, ...rest] = lines;
    pop(7);
    const link = soleLink(name!.value);
    const trackerUrl = link && isTrackerLink(link.url) ? normaliseTrackerUrl(link.url) : undefined;
    const { title, status } = cleanTitle(toString({ type: 'paragraph', children: name!.value }).trim());
    const part = open(newNode({ form: 'paragraph', rank: 7, line: name!.line, text: name!.text, title, status, marked: true, ...(trackerUrl ? { trackerUrl } : {}) }), true, host());
    for (const [i, l] of rest.entries()) {
      const kind = kinds[i + 1];
      const word = kind === 'status' ? statusWord(toString({ type: 'paragraph', children: l.value })) : undefined;
      if (word) {
        if (!part.status.includes(word)) part.status.push(word);
        structure.push({ line: l.line, what: 'status', text: l.text });
      } else if (kind === 'news') addEntry(part, undefined, [{ type: 'paragraph', children: l.value }], l.line, 0);
      else if (kind === 'aside') addEntry(part, 'notes', [{ type: 'paragraph', children: l.nodes }], l.line, 0);
      else if (kind !== undefined && kind !== 'summary' && kind !== 'status') addEntry(part, labelTarget(kind), [{ type: 'paragraph', children: l.value }], l.line, 0);
      else addEntry(part, undefined, [{ type: 'paragraph', children: l.nodes }], l.line, 0);
    }
    return true;
  }

  /** Keys of a report's own header fields: when it was written, over what period, by whom. */
  const HEADER_FIELD = /^(?:date|dates|dated|report date|date of report|week|week of|period|reporting period|time period|author|authors|prepared by|written by|submitted by|reported by|compiled by|reporter|submitted|last updated|updated|names|students?|students?['’]? names|members|team members|group members|sponsors?|clients?|(?:faculty\s+)?advisors?|mentors?|supervisors?|instructors?|tas?)$/i;

  /**
   * A report's header: above its first section, a paragraph of three or more short `Key: value`
   * lines (`**Group:** 14`, `**Date:** 2025-03-23`, `**Present participants:** Rylan, Chris`,
   * `**Missing participants:**`), none keyed by a kind or a status. It says whose report it is,
   * not what was done: kept with the update as notes.
   */
  function readHeader(node: Paragraph, line: number): boolean {
    // Above the body, or below only the report's title headings, nothing read yet (`## Week of
    // September 8` over `**Students' Names: …**`, `**Faculty Advisor: …**`).
    if (line >= bodyStart && (seenPart || host().role !== 'root' && host().role !== 'document' || host().label !== undefined)) return false;
    const lines = (paragraphLines(node) ?? (toString(node).includes('\n') ? undefined : [node.children]))?.map((nodes) => toString({ type: 'paragraph', children: nodes }).trim()).filter((l) => l !== '');
    if (!lines || lines.length === 0) return false;
    const fields = lines.map((l) => /^([\p{L}][\p{L} ]{0,24}?)\s*[:：]\s*(.{0,60})$/u.exec(l));
    // One or two lines are a header only when each is a field of one (`**Date:** February 08,
    // 2026`, `**Prepared by: Cesar Fuguet**`): when and by whom, never a part's name nor news.
    // So is the writer's name alone in bold over more of the header (`**Haozhe Feng**`, then
    // `**2018.4.8**`), not over the body's first section (there a bold name heads that section).
    const next = tree.children[tree.children.indexOf(node) + 1];
    const writer = lines.length === 1 && allEmphasis(node.children) && isPersonName(lines[0]!) && !/[—–(\d]|\s-\s|\b[A-Z]{3,}\b/.test(lines[0]!) && !REPORT_WORDS.test(lines[0]!);
    if (writer && next?.type === 'paragraph' && (next.position?.start.line ?? Infinity) < bodyStart) {
      addEntry(root, 'notes', [node], line, 0);
      return true;
    }
    if (lines.length < 3) {
      // Names and titles allowed (`Students' Names: Ethan Leyden, Damian Ashjian, …`, `Faculty Advisor: Dr. Daniel Cranston`).
      const short = lines.map((l) => /^([\p{L}][\p{L} '’]{0,24}?)\s*[:：]\s*(\S.{0,150})$/u.exec(l));
      if (!short.every((f) => f && HEADER_FIELD.test(f[1]!))) return false;
      // Only when it was written (`**Date:** November 21, 2025`): the period, as anywhere, no note.
      if (short.every((f) => onlyDate(f![2]!.trim()))) {
        structure.push({ line, what: 'when', text: lines.join(' · ') });
        return true;
      }
      addEntry(root, 'notes', [node], line, 0);
      return true;
    }
    if (fields.some((f) => !f || /[.!?]\s/.test(f[2]!) || STATUS_HEADER.test(f[1]!) || RECORD_NAME.test(f[1]!))) return false;
    if (fields.filter((f) => f![2] !== '').length < 2) return false;
    if (fields.some((f) => { const kind = kindOf(f![1]!, true); return kind !== undefined && kind !== 'aside'; })) return false;
    addEntry(root, 'notes', [node], line, 0);
    return true;
  }

  /**
   * A paragraph whose last line is a label of work with its colon, written with no blank line
   * after what comes before it ("(Frontend/UI) - Kevin & Riya⏎Goals for the week:"): the lines
   * before, then the label over the list that follows.
   */
  function labelLastSegments(node: Paragraph): Paragraph[] | undefined {
    const start = node.position?.start.line;
    const lines = paragraphLines(node);
    if (start === undefined || !lines || lines.length < 2) return undefined;
    const last = toString({ type: 'paragraph', children: lines.at(-1)! }).trim();
    // Or without its colon, a few words alone after a sentence ends ("…in the project-management
    // directory.⏎Issues closed"), as plain text writes a heading.
    const previous = toString({ type: 'paragraph', children: lines.at(-2)! }).trim();
    const bare = !/[:：]$/.test(last) && /[.!?]$/.test(previous) && !/[.!?;,]$/.test(last) && last.split(/\s+/).length <= 4;
    if (!/[:：]$/.test(last) && !bare) return undefined;
    const kind = kindOf(bare ? last : last.slice(0, -1), false);
    if (kind === undefined || kind === 'summary' || kind === 'aside') return undefined;
    const before = lines.slice(0, -1).flatMap((l, i) => (i === 0 ? l : [{ type: 'text', value: '\n' } as PhrasingContent, ...l]));
    const end = start + lines.length - 1;
    return [
      { type: 'paragraph', children: before, position: { start: { line: start, column: 1 }, end: { line: end - 1, column: 1 } } },
      { type: 'paragraph', children: lines.at(-1)!, position: { start: { line: end, column: 1 }, end: { line: end, column: 1 } } },
    ];
  }

  function handleParagraph(node: Paragraph): void {
    const line = node.position?.start.line ?? 1;
    const text = toString(node).trim();
    // A spacer (`&nbsp;` on a line of its own, or under a bold line): layout, no text.
    if (!hasContent([node])) {
      structure.push({ line, what: 'comment', text: toString(node) });
      return;
    }
    // A report written as a mail ends with a sign-off ("Thanks,⏎Ana", "Cheers"): no item of the last label.
    if (node === lastBlock && host().role !== 'aside' && text.split(/\s+/).length <= 6 && SIGN_OFF.test(text)) {
      structure.push({ line, what: 'sign-off', text });
      return;
    }
    if (readHeader(node, line)) return;
    if (readRecord(node)) return;
    if (isPrompt(text)) {
      prompt(host(), text, line);
      return;
    }
    // A label is read by its words (./labels.ts); an unknown bold word with a colon
    // (`**Movement Building:**`) is a part's name, not a label.
    if (statusLine(host(), text, line)) return;
    let split = splitLabel([node], kindOf);
    // `Completed:` and `Ongoing:` on two lines of one paragraph: the last label is in force.
    for (let next = split?.rest.length === 1 ? splitLabel(split.rest, kindOf) : undefined; split && next && !next.unknown && next.rest.length === 0; next = undefined) split = next;
    const label = split && !split.unknown && !(split.rest.length === 0 && wholeSection.has(node) && !/[:：]\s*$/.test(text) && !text.includes('\n')) ? split : undefined;
    if (label) {
      // A bold label after a bold part's content ("**This sprint**" after "**Cadence**" and its
      // list) is that part's sibling: it labels what the enclosing part holds next.
      const current = top();
      // So is one after a bold part opened under an earlier label ("**Done last sprint**", then
      // "**Node Hosting**" with nothing under it, then "**This sprint**").
      const alone = label.rest.length === 0 || label.ownLine === true;
      if (alone && current.form === 'bold' && (current.entries.length > 0 || current.children.length > 0 || current.label !== undefined)) pop(7);
      // So is one after a list of names with nothing under them (objectives as links, one a
      // line): it labels what the part around the list holds, not the last name.
      else if (alone && current.form === 'paragraph' && isEmptyPart(current) && current.parent) {
        const siblings = current.parent.children;
        const before = siblings[siblings.indexOf(current) - 1];
        if (before && before.form === 'paragraph' && isEmptyPart(before)) pop(7);
      }
      const target = host();
      // A bold summary or aside label opens that container (an aside is the only known label kept as notes).
      if ((label.kind === 'summary' || label.kind === 'notes') && label.rest.length === 0) {
        const summaryLabel = label.kind === 'summary';
        open(newNode({ role: summaryLabel ? 'summary' : 'aside', form: 'bold', rank: 7, line, text, title: labelWords(text) }), true);
        structure.push({ line, what: summaryLabel ? 'summary-label' : 'aside-label', text });
        return;
      }
      // An aside's field on its own line ("Attendees: Nick, Jeff, Ken", "Regrets: Peter") says all
      // it has to say there: it is no label over what follows.
      if (label.kind !== 'notes' || label.rest.length === 0) setLabel(target, label.kind, 7);
      workItem = undefined;
      if (label.rest.length === 0) structure.push({ line, what: 'label', text });
      else if (isPlaceholder(toString({ type: 'root', children: label.rest } as Root))) placeholder(target, line, text);
      // An aside's label is half of what it says ("Attendees: Ana, Bo", "Weekly metrics: 42 open"):
      // the note keeps it. A label of work or a summary only says what kind the rest is.
      else addEntry(target, label.kind, label.kind === 'notes' ? [node] : label.rest, line, 0);
      return;
    }
    const segments = nameLineSegments(node) ?? labelLastSegments(node);
    if (segments) {
      for (const segment of segments) handleParagraph(segment);
      return;
    }
    const current = top();
    const tagLine = node.children.length === 1 && node.children[0]!.type === 'inlineCode' ? node.children[0]!.value.trim() : undefined;
    if (tagLine && isCommitmentTag(tagLine) && current.form === 'heading' && current.role !== 'document' && current.role !== 'summary' && !current.tag && current.entries.length === 0 && current.children.length === 0) {
      // A part named by a commitment tag on its first line: the tag is its identity.
      current.tag = tagLine;
      current.marked = true;
      structure.push({ line, what: 'tag', text: tagLine });
      return;
    }
    const repo = repoTagOf([node]);
    const inPart = host();
    if (repo && hasLink(node) && text.length < 400 && inPart.role !== 'root' && inPart.role !== 'summary') {
      // `**[repo] [title](url)**`: a piece of work; the entries below it describe it.
      workItem = { repo: repo[1]!, title: text.slice(repo[0].length).trim() };
      inPart.label = undefined;
      const item = makeItem([node], line, 0, undefined);
      item.repo = repo[1]!;
      inPart.workItems.push(item);
      return;
    }
    // A release's name and date over what it changed ("Date: Mar 25th / v0.7.6", "Version 0.5.0:",
    // "v2.1.0 (2024-03-01)"): what follows it was released, done; the line is no item. A date alone
    // over a release ("Date: Feb 26th") names when.
    const release = RELEASE_LINE.test(text);
    if (release || RELEASE_DATE.test(text)) {
      if (release) setLabel(host(), 'achieved', 7);
      workItem = undefined;
      structure.push({ line, what: 'label', text });
      return;
    }
    // A kind of change over its list, as release notes group theirs ("FEATURES:", "BUG FIXES:"): it sorts the list.
    // Commits named as such over their list ("Commits:", "Merged commits:"): what went in, done.
    if (/[:：]\s*$/.test(text) && text.length <= 40 && isChangeKind(text.replace(/\s*[:：]\s*$/, ''))) {
      if (/\bcommits\b/i.test(text)) setLabel(host(), 'achieved', 7);
      structure.push({ line, what: 'change-kind', text });
      return;
    }
    if (paragraphOpener(node, text, line)) return;
    const target = host();
    if (isPlaceholder(text)) {
      placeholder(target, line, text);
      return;
    }
    // A sentence that leads into the list under it ("We merged the following PRs this month:",
    // "Looking at the roadmap, there are a few things to report:"): what it says of the list is
    // the list's kind; a sentence that says nothing else is no item of its own.
    const over = (overList.has(node) || overTable.has(node)) && !/\n/.test(text);
    const intro = over ? LAST_LEAD_IN.exec(text)?.[1] : undefined;
    // Or one that trails off into it ("This cycle, I was able to…" over what was done): the list
    // ends the sentence, whatever each bullet's own verb.
    const trailing = over && intro === undefined ? TRAILING_LEAD_IN.exec(text)?.[1] : undefined;
    // One that says what follows was agreed or planned ("Still, some things were agreed:", "Joint
    // priorities:"): what comes.
    const introKind = intro ? (sentenceKind(intro) ?? (PLANNED_LEAD.test(`${intro}:`) ? 'next' : undefined)) : trailing && /\bto$/i.test(trailing) ? sentenceKind(`${trailing} do it`) : trailing ? sentenceKind(trailing) : undefined;
    // A caption of a few words that says nothing done or planned ("Fields we fetch:", "Main topics:") only names what follows.
    const caption = intro !== undefined && (introKind === undefined || !sentenceKind(intro)) && intro.split(/\s+/).length <= 6;
    if (intro === text.replace(/\s*[:：]\s*$/, '') && ((LEAD_IN.test(intro) && intro.split(/\s+/).length <= 15) || caption)) {
      structure.push({ line, what: 'lead-in', text });
      if (introKind) listLeadIn = introKind;
      return;
    }
    // A sentence alone that leads into a block of code and tells no work ("Pattern matching on
    // sealed traits would then look like this:"), or a paragraph that ends leading into an example
    // or a list and tells no work ("MIR is also able to handle conditional drops. Take this code
    // for example:", "I was assigned 10 hours and worked on the following:" over a list or the
    // sections after it): the example's or the list's, a note with it.
    const overBlock = overList.has(node) || overTable.has(node) || overHeading.has(node);
    if ((overCode.has(node) && /[:：]\s*$/.test(text) && sentencesOf(text).length === 1 && text.split(/\s+/).length <= 25 && !saysWork(text)) || (overBlock && isExampleLeadIn(text))) {
      addEntry(target, 'notes', [node], line, 0);
      // Examples of what was found ("…early insights into pain points across the service. For
      // example:"): the list is findings too.
      if (overList.has(node) && isFindingsLead(text.replace(/\s*[:：]\s*$/, ''))) listLeadIn = 'notes';
      return;
    }
    // A caption under a picture, a few words that tell no work and name no one of the team
    // ("Breakfast Roll — 7/10", "Great view from a hike"), or one
    // that says so ("Pictured: the new dashboard"): what the picture shows, a note with it.
    if ((underPicture.has(node) && text.split(/\s+/).length <= 8 && !/\b(?:we|i|our|us)\b|https?:\/\//i.test(text) && !saysWork(text)) || /^(?:pictured|picture|photo|image|above|below|left|right)\s*:/i.test(text)) {
      addEntry(target, 'notes', [node], line, 0);
      return;
    }
    // A paragraph right after another of the same part goes on with it: when it says nothing of
    // its own kind ("Our text layout system takes a Unicode string…" after "We now support
    // HarfBuzz!"), it is of that one's (entryKind's detail).
    const previous = lastEntry && lastEntry.node === target && !lastEntry.bullet && lastEntry.nodes.length === 1 && lastEntry.nodes[0]!.type === 'paragraph' ? lastEntry.item : undefined;
    addEntry(target, target.label, [node], line, 0, false, undefined, previous);
    // A paragraph whose last sentence leads into what follows ("The crate wraps UEFI. We merged
    // the following PRs this month:") labels it, as that sentence alone on its line would.
    const leadIn = /[.!?]\s+([^.!?]+):\s*$/.exec(text)?.[1];
    const kind = leadIn ? kindOf(leadIn, false) : undefined;
    // One that says the list is what was found ("A couple bits of clear early insights from the
    // research this week:", "Here is what we learned:"): findings, notes, whatever the label or
    // the work told before it. So does a bare pointer ("Here are the headlines:", "These are:")
    // after a sentence about what was found ("…to play back the pain point themes we've found").
    const found = () =>
      isFindingsLead(leadIn ?? text.replace(/\s*[:：]\s*$/, '')) ||
      (leadIn !== undefined && /^(?:here (?:are|is)|these (?:are|were)|they (?:are|were)|as follows)\b/i.test(leadIn) && isFindingsLead(sentencesOf(text).at(-2) ?? '', false));
    if (kind && kind !== 'summary' && kind !== 'aside') setLabel(target, kind, 7);
    // One that leads into an aside ("…we need as much help as we can get. Here's how you can help
    // today:", "…Attendees:"): the list under it is that aside's, notes.
    else if (overList.has(node) && (kind === 'aside' || found())) listLeadIn = 'notes';
    else if (introKind) listLeadIn = introKind;
  }

  interface ListContext {
    node: OutlineNode;
    /** The part the list itself sits in, when a `Milestone N:` bullet has taken over its later items. */
    owner?: OutlineNode;
    kind?: LabelTarget;
    depth: number;
    parentItem?: Item;
    /** Highlights picked out of the period's work: its names group them, they open no parts (the report's parts are told elsewhere). */
    picked?: true;
  }

  /** Reads a list; returns the kind its last bullet gave, when that bullet was a bare label (`1. **Members:**` over nothing). */
  function readList(list: List, ctx: ListContext): LabelTarget | undefined {
    if (list.children.some((li) => li.checked === true)) for (const li of list.children) if (li.checked === false) leftOpen.add(li);
    // `- Milestone 1: X` names a part; the bullets after it in the same list (often meant as
    // its children, indented one space too few) are its content until the next such bullet.
    // A label bullet with nothing after it and nothing nested (`- _achieved_:`) labels the
    // bullets after it in the same list (written as siblings), until the next label.
    let current = ctx;
    let trailing: LabelTarget | undefined;
    // A list of pull requests that marks those not merged (`[Adding support for C enums
    // (unmerged)](…/pull/4658)`, `(draft)`, `(open)`): the others, with no label over them, are merged.
    const pulls = ctx.kind === undefined && list.children.length >= 3 ? list.children.map(pullRequestMark) : [];
    const merged = pulls.length > 0 && pulls.every((m) => m !== undefined) && pulls.some((m) => m === 'open') && pulls.filter((m) => m === 'none').length >= 2;
    // Names side by side, each over its own bullets (`- Joel` › what Joel did, `- Johan` › …): the members'.
    if (!ctx.parentItem) {
      const titles = list.children.map((li) => (li.children.some((c) => c.type === 'list') ? toString({ type: 'root', children: li.children.filter((c) => c.type !== 'list') } as Root).trim() : ''));
      const said = list.children.map((li) => li.children.filter((c) => c.type === 'list').map((c) => toString(c)).join('\n'));
      roster(titles, said).forEach((named, i) => named && members.add(list.children[i]!));
    }
    for (const [i, listItem] of list.children.entries()) {
      if (merged && pulls[i] === 'none' && current === ctx) {
        readListItem(listItem, { ...ctx, kind: 'achieved' }, i < list.children.length - 1);
        continue;
      }
      const opened = readListItem(listItem, current, i < list.children.length - 1);
      trailing = opened && 'label' in opened ? opened.label : undefined;
      if (opened && 'label' in opened) current = { ...current, kind: opened.label };
      else if (opened) current = { node: opened, depth: 0, owner: ctx.node };
    }
    return trailing;
  }

  /**
   * A status record written on one line, its fields parted by `|` (`Payments | ON TRACK |
   * Progress: 60% | Estimated Completion Date: May 15, 2025`): a name first, a status word in a
   * field after it (ON TRACK, AT RISK, Done…). Its title and status, and the rest of the line:
   * a note when its fields only say how the part stands, else news.
   */
  function pipeRecord(own: RootContent[]): { title: string; status: string[]; rest: PhrasingContent[]; fieldsOnly: boolean } | undefined {
    if (own.length !== 1 || own[0]!.type !== 'paragraph') return undefined;
    const paragraph = own[0]!;
    const raw = toString(paragraph);
    const at = raw.indexOf(' | ');
    if (at <= 0 || /\n/.test(raw)) return undefined;
    const fields = toString(paragraph, { includeHtml: false }).split(/\s+\|\s+/).map((f) => f.trim());
    const name = raw.slice(0, at).trim();
    if (fields.length < 3 || name.split(/\s+/).length > 10 || /[.!?]$/.test(name) || /[<>]/.test(name)) return undefined;
    const words = fields.slice(1).map((f) => statusWord(f)).filter((w): w is string => w !== undefined);
    if (words.length === 0) return undefined;
    const { title, status } = cleanTitle(name);
    // Fields that only say how it stands (its status, `Progress: 44%`, `Estimated Completion Date: May 15, 2025`) are no news.
    const fieldsOnly = fields.slice(1).every((f) => statusWord(f) !== undefined || /^[\p{L}][\p{L} ]{0,30}:\s*\S[^.!?]{0,40}$/u.test(f));
    return { title, status: [...status, ...words.filter((w) => !status.includes(w))], rest: stripLeading(paragraph.children, at + 3), fieldsOnly };
  }

  /**
   * A bullet whose paragraphs after its first are labels over lists, written as the bullet's own
   * content (`- KROK Team`, then `Done:` over its bullets and `Started:` over others, indented
   * under it): each label with its lists is a bullet nested under it, as `- Done:` over its
   * bullets would be, so that each list has its label's kind.
   */
  function withLabelledBlocks(li: ListItem): ListItem {
    // A label of how the work stands (done, started, next, blocked); not "Issue:" over the tracker's issues it names.
    const labelLine = (c: RootContent) => {
      const text = toString(c).replace(/[*_]/g, '').trim();
      const kind = text.length <= 40 && /[:：]$/.test(text) ? kindOf(text.replace(/\s*[:：]$/, ''), false) : undefined;
      return kind === 'achieved' || kind === 'progress' || kind === 'next' || kind === 'blockers';
    };
    const labelOverList = (c: RootContent, next: RootContent | undefined) => c.type === 'paragraph' && next?.type === 'list' && labelLine(c);
    // The label on the last line of the paragraph before its list (`- KROK Team` ⏎ `In Progress:`): a paragraph of its own.
    const children = li.children.flatMap((c, i) => {
      const lines = c.type === 'paragraph' && li.children[i + 1]?.type === 'list' ? paragraphLines(c) : undefined;
      const last: Paragraph | undefined = lines && { type: 'paragraph', children: lines.at(-1)!, ...(c.position ? { position: { start: { line: c.position.end.line, column: 1 }, end: c.position.end } } : {}) };
      if (!lines || !last || !labelLine(last)) return [c];
      const before = lines.slice(0, -1).flatMap((l, j) => (j === 0 ? l : [{ type: 'text' as const, value: '\n' }, ...l]));
      return [{ ...c, children: before } as Paragraph, last];
    });
    const at = children.findIndex((c, i) => i > 0 && labelOverList(c as RootContent, children[i + 1] as RootContent | undefined));
    if (at < 0) return li;
    const groups: ListItem[] = [];
    for (let i = at; i < children.length; ) {
      let j = i + 1;
      while (j < children.length && children[j]!.type === 'list') j++;
      groups.push({ type: 'listItem', spread: false, children: children.slice(i, j), ...(children[i]!.position ? { position: children[i]!.position } : {}) });
      i = j;
    }
    const start = children[at]!.position?.start;
    const end = li.position?.end;
    return { ...li, children: [...children.slice(0, at), { type: 'list', ordered: false, spread: false, children: groups, ...(start && end ? { position: { start, end } } : {}) }] };
  }

  /** Returns the part a `Milestone N:` bullet opened, or the kind a bare label bullet gave the bullets after it. */
  function readListItem(written: ListItem, ctx: ListContext, followed: boolean): OutlineNode | { label: LabelTarget } | undefined {
    const li = withLabelledBlocks(written);
    const own = li.children.filter((c) => c.type !== 'list') as RootContent[];
    const nested = li.children.filter((c): c is List => c.type === 'list');
    const line = li.position?.start.line ?? 1;
    const column = li.position?.start.column ?? 1;
    if (!hasContent(own)) {
      for (const l of nested) readList(l, ctx);
      return undefined;
    }
    const text = own.map((n) => toString(n)).join(' ').replace(/\s+/g, ' ').trim();
    // `03. Papers you worked on? (…)` over its answer, as every week's form has it; or the prompt
    // on the paragraph's first line, its answer (or the form's own hint) on the next
    // ("**How many hours did you spend?** \\ 5 hours were spent").
    const first = own[0]!.type === 'paragraph' ? own[0]! : undefined;
    const lines = first && !isPrompt(toString(first)) ? paragraphLines(first) : undefined;
    const firstLine = lines ? toString({ type: 'paragraph', children: lines[0]! } as Paragraph).trim() : undefined;
    // Or a form's request set in bold, alone on its bullet with nothing but its hint, its answer
    // below it (`3. **List of milestones to be completed** (indicate which are in danger)`, then a table).
    const lead = first?.children.find((c) => !(c.type === 'text' && c.value.trim() === ''));
    const boldRequest = nested.length === 0 && own.length === 1 && lead?.type === 'strong' && isFormPrompt(toString(lead)) && /^(?:\([^()]*\))?$/.test(text.slice(toString(lead).length).trim());
    const asked = !first || ctx.parentItem ? undefined : isPrompt(toString(first)) ? toString(first) : firstLine !== undefined && isPrompt(firstLine) ? firstLine : boldRequest ? text : undefined;
    if (asked !== undefined) {
      const kind = prompt(ctx.node, asked, line);
      if (lines && asked === firstLine) {
        const rest = lines.slice(1).flatMap((l, i) => (i === 0 ? l : [{ type: 'text' as const, value: '\n' }, ...l]));
        const answer = toString({ type: 'paragraph', children: rest } as Paragraph).trim();
        // A hint of the form in brackets ("(meetings, design, research…)") answers nothing.
        if (/^\([^)]*\)$/.test(answer)) structure.push({ line, what: 'label', text: answer });
        else if (answer !== '') addEntry(ctx.node, kind, [{ type: 'paragraph', children: rest }], line, 0);
      }
      for (const block of own.slice(1)) handleBlock(block);
      for (const l of nested) readList(l, { node: ctx.node, depth: 0, ...(kind !== undefined ? { kind } : {}) });
      return kind !== undefined ? { label: kind } : undefined;
    }
    if (nested.length === 0 && !ctx.parentItem && statusLine(ctx.node, text, line)) return undefined;
    // In the summary, a name over its own sentences (`* FRA Reporting MVP:` over what was done
    // for it): it only groups the summary's lines; no line of its own. Not work named by its
    // verb ("Rework bootstrapping the ports:", "Updated the port:") over its evidence (`Commit: …`).
    const prose = (l: List) => l.children.every((c) => c.children[0]?.type === 'paragraph' && !soleLink(c.children[0].children) && toString(c.children[0]).split(/\s+/).length >= 4);
    if (
      nested.length > 0 &&
      !ctx.parentItem &&
      (ctx.node.role === 'summary' || ctx.kind === 'summary') &&
      /[:：]\s*$/.test(text) &&
      text.split(/\s+/).length <= 8 &&
      !TASK_VERB.test(text) &&
      !/^[A-Za-z]+(?:ed|ing)\b/.test(text) &&
      sentenceKind(text) === undefined &&
      nested.every(prose)
    ) {
      structure.push({ line, what: 'lead-in', text });
      for (const l of nested) readList(l, ctx);
      return undefined;
    }
    if (nested.length === 0 && isSection(ctx.node) && ctx.node.form !== 'team' && titleIdentity(text) !== '' && titleIdentity(text) === titleIdentity(ctx.node.title)) {
      // The part's own name again (a template's empty line under it): not an item.
      structure.push({ line, what: 'name', text });
      return undefined;
    }
    const record = !ctx.parentItem ? pipeRecord(own) : undefined;
    if (record) {
      // `- Payments | ON TRACK | Progress: 60% | Due: May 15`: a part, its status, its news.
      const home = ctx.owner ?? ctx.node;
      const parent = home.role === 'root' || home.role === 'document' ? host() : home;
      const part = open(newNode({ form: 'bullet', rank: 8, line, text, title: record.title, status: record.status, marked: true }), false, parent);
      addEntry(part, record.fieldsOnly ? 'notes' : undefined, [{ type: 'paragraph', children: record.rest }], line, 0);
      for (const l of nested) readList(l, { node: part, depth: 0 });
      return undefined;
    }
    let label = splitLabel(own, kindOf);
    // A plain bullet of label words with nothing nested labels the bullets after it only when it
    // is nothing but a label's phrase, with bullets after it (`- Ongoing`): "merged the general
    // FAQ", "more next week", "delivered (pending review)" or a lone "planning" say something.
    // Alone under an item (`- [PR](…)`, then `- Merged`), that phrase says how the item stands.
    if (label && label.rest.length === 0 && nested.length === 0 && !/[:：]/.test(text) && !allEmphasis((own[0] as Paragraph).children)) {
      const phrase = !/[([]/.test(withoutOwnerHandles(text)) && isLabelPhrase(text);
      if (phrase && !followed && ctx.parentItem) {
        // Linked (`- [Ready for review](…/pull/1184)`), the link is the item's evidence.
        if (own[0]!.type === 'paragraph' && soleLink(own[0]!.children)) ctx.parentItem.links.push(...collectLinks(own[0]!));
        structure.push({ line, what: 'status', text });
        return undefined;
      }
      if (!phrase || !followed) label = undefined;
      // A link named by an aside's or a risk's word (`- [Donate](…/donate)`, `- [Issue](…/issues/7)`)
      // goes to that page: an item. One named by how the work stands (`- [WIP](…/pull/12)`) still says so.
      else if (own[0]!.type === 'paragraph' && soleLink(own[0]!.children) && (label.kind === 'notes' || label.kind === 'risks' || label.kind === 'summary')) label = undefined;
    }
    // A template's prompt left as it was written, in the second person ("What you did", "Where
    // you had trouble", "Where you are stuck"), plain text with nothing under it: an empty slot,
    // no item. Not a link ("[Why You Don't Need Data Scientists](…)"): a title.
    if (nested.length === 0 && TEMPLATE_SLOT.test(text) && own.length === 1 && own[0]!.type === 'paragraph' && own[0]!.children.every((c) => c.type === 'text')) {
      structure.push({ line, what: 'placeholder', text });
      return undefined;
    }
    if (label) {
      if (label.unknown) warnUnknownKind(label.word, line, column);
      let item: Item | undefined;
      if (label.rest.length === 0) structure.push({ line, what: 'label', text });
      else if (isPlaceholder(toString({ type: 'root', children: label.rest } as Root))) placeholder(ctx.node, line, text);
      else item = addEntry(ctx.node, label.kind, label.kind === 'notes' ? own : label.rest, line, ctx.depth, true);
      for (const l of nested) readList(l, { node: ctx.node, kind: label.kind, depth: item ? ctx.depth + 1 : 0, ...(item ? { parentItem: item } : {}) });
      return label.rest.length === 0 && nested.length === 0 && !label.unknown ? { label: label.kind } : undefined;
    }
    if (isPlaceholder(text)) {
      placeholder(ctx.node, line, text);
      for (const l of nested) readList(l, ctx);
      return undefined;
    }
    // A bullet whose own list ends on how it stands, alone (`- Address generator instructions`
    // over its details, then `- *IN PROGRESS*`): an item of that kind, its details too, whatever
    // the label over it. Over that status alone (`- WP3 …` over `- *NOT STARTED*`) it is no part,
    // even named as one; over more, a name stays a part (below).
    const stands = ctx.kind !== 'summary' && ctx.kind !== 'notes' ? endsOnStatus(nested) : undefined;
    const standsItem = () => {
      const item = addEntry(ctx.node, stands, own, line, ctx.depth, true, ctx.parentItem);
      // Its details stand as it does ("17 instructions remaining" under `*IN PROGRESS*`), unless their own words say otherwise ("Rewrote the extension" done).
      for (const l of nested) readList(l, { node: ctx.node, kind: stands!, depth: ctx.depth + 1, parentItem: item });
      return undefined;
    };
    // Not a link or a tag over its status (`- [PR](…)` over `- Merged`, `` - `eng:search` `` over `- Done`): evidence, or a part that says how it stands.
    const named = own.length === 1 && own[0]!.type === 'paragraph' && (soleLink(own[0]!.children) !== undefined || codeName(own) !== undefined);
    if (stands !== undefined && !named && nested.length === 1 && nested[0]!.children.length === 1) return standsItem();
    const link = own.length === 1 && own[0]!.type === 'paragraph' ? soleLink(own[0]!.children) : undefined;
    // Under a link, bullets that only say how it stands (`- [PR](…)`, then `- Merged`).
    const statusOnly = nested.every((l) => l.children.every((c) => c.children.length === 1 && c.children[0]!.type === 'paragraph' && isLabelPhrase(toString(c))));
    if (link && ctx.parentItem && statusOnly && !saysSomething(toString(link))) {
      // A link-only bullet under an item: that item's evidence (a PR, a spec), not a deliverable.
      // One whose text is a sentence says what was done: an item of its own.
      // A bare address named by a word or two before it (`a typo: https://…/commit/9ee9918`)
      // keeps that name as its text: it says what the evidence is.
      const lead = own[0]!.type === 'paragraph' ? own[0]!.children[0] : undefined;
      const name = lead?.type === 'text' ? /^\s*([^:：]+?)\s*[:：]\s*$/.exec(lead.value)?.[1] : undefined;
      for (const l of collectLinks(own[0]!)) ctx.parentItem.links.push(name && l.text === l.href ? { ...l, text: name } : l);
      structure.push({ line, what: 'evidence', text });
      for (const c of nested.flatMap((l) => l.children)) structure.push({ line: c.position?.start.line ?? line, what: 'status', text: toString(c) });
      return undefined;
    }
    const inPart = ctx.node.role !== 'root' && ctx.node.role !== 'document' && ctx.node.role !== 'summary';
    const code = codeName(own);
    if (nested.length > 0 && !ctx.parentItem && !link && (code === undefined || isCatchAll(code)) && sortsWork(ctx.node, text, ctx.kind ?? labelAbove(ctx.node))) {
      // "Improvements:", "Bugfixes", "Other" inside a part sort its work: no part of their own.
      structure.push({ line, what: 'change-kind', text });
      for (const l of nested) readList(l, { ...ctx, depth: 0 });
      return undefined;
    }
    // A bullet that says only whose reports it holds ("Squad Status:", "Team updates") over the
    // teams' bullets names no part, as such a heading does: what it holds is read where it stands.
    if (nested.length > 0 && !ctx.parentItem && !link && isWhoseReport(text.replace(/\s*[:：]\s*$/, ''))) {
      structure.push({ line, what: 'heading', text });
      for (const l of nested) readList(l, { ...ctx, depth: 0 });
      return undefined;
    }
    // Under a heading of the members' own reports, a bullet that is a member's name (`- Lauren:`,
    // or `- Lauren` over bullets) heads their bullets nested under it: the team's work, shown
    // under their name; with nothing under it, it is the template's empty slot for them.
    if (peopleRank !== undefined && !ctx.parentItem && !link && (/[:：]\s*$/.test(text) || nested.length > 0) && isPersonName(text)) {
      if (nested.length === 0) {
        placeholder(ctx.node, line, text);
        return undefined;
      }
      readGroup(own, nested, line, text, ctx, { ...ctx, depth: 0 });
      return undefined;
    }
    // Anywhere, a bullet that is only someone's handle (`- [@wincent](https://github.com/wincent)`,
    // `- @ana:`) over bullets heads what they did: the work of the part around it, shown under
    // their name; a person is no part. So does a name in a roster of them (`readList`).
    if (nested.length > 0 && !ctx.parentItem && ((HANDLE_ONLY.test(text.trim()) && (!link || PROFILE_URL.test(link.url))) || members.has(written))) {
      structure.push({ line, what: 'person', text });
      readGroup(own, nested, line, text, ctx, { ...ctx, depth: 0 });
      return undefined;
    }
    // Inside a part, a bullet that names a team (`- KROK Team` over what it did for "Data
    // Availability") says who did the work under it: the part's work, shown under that name; no part of its own.
    if (nested.length > 0 && inPart && !ctx.parentItem && !link && TEAM_NAME.test(text.replace(/\s*[:：]\s*$/, ''))) {
      readGroup(own, nested, line, text, ctx, { ...ctx, depth: 0 });
      return undefined;
    }
    const home = ctx.owner ?? ctx.node;
    const readsParts = !ctx.parentItem && !ctx.picked && home.role !== 'summary' && home.role !== 'aside' && ctx.kind !== 'summary' && ctx.kind !== 'notes';
    // A part's name leading the bullet's words, as the team writes it week after week ("- Platform:
    // PostgreSQL upgraded to 9.5" where other weeks have "- Platform" over its work, "- Mixnet v2
    // Simulation: ran the passive adversary…"): that part; what follows the colon is its item, the
    // bullets nested under it that item's details.
    // So is a name said with how it stands, over its work ("- Genesis: on track." over what was done
    // for it, "- Payments: at risk"): that part, its status; the bullets under it its work.
    const standing = readsParts && !link && !ctx.picked && nested.length > 0 && own.length === 1 ? nameWithStatus(own) : undefined;
    if (standing) {
      const { title, status } = cleanTitle(standing.title);
      const part = open(newNode({ form: 'bullet', rank: 8, line, text, title, status: [...status, standing.status], marked: true }), false, home.role === 'root' || home.role === 'document' ? host() : home);
      for (const l of nested) readList(l, { node: part, ...(ctx.kind !== undefined ? { kind: ctx.kind } : {}), depth: 0 });
      return undefined;
    }
    const leading = readsParts && !link && !ctx.picked ? partLeadIn(own) : undefined;
    if (leading) {
      const { title, status } = cleanTitle(leading.title);
      const part = open(newNode({ form: 'bullet', rank: 8, line, text, title, status, marked: false }), false, home.role === 'root' || home.role === 'document' ? host() : home);
      const item = addEntry(part, ctx.kind, [{ type: 'paragraph', children: leading.rest, ...(own[0]!.position ? { position: own[0]!.position } : {}) }, ...own.slice(1)], line, 0, true);
      for (const l of nested) readList(l, { node: part, ...(ctx.kind !== undefined ? { kind: ctx.kind } : {}), depth: 1, parentItem: item });
      return undefined;
    }
    const name = readsParts && nested.length > 0 ? nameOf(own, text, link, ctx.kind) : undefined;
    const loneTag = readsParts && nested.length === 0 && !name ? loneTagOf(own) : undefined;
    if (name || loneTag) {
      // A bullet that is only a name (a tag, a tracker link, an emphasised or recurring title)
      // with the week's work nested under it is a part, at any depth. A lone commitment tag with
      // nothing nested heads the bullets after it in the same list (indented one space too few).
      const parent = home.role === 'root' || home.role === 'document' ? host() : home;
      const part = open(newNode({ form: 'bullet', rank: 8, line, text, ...(name ?? loneTag)!.node, ...(name ? { form: name.form } : {}) }), false, parent);
      for (const l of nested) readList(l, { node: part, ...(ctx.kind !== undefined ? { kind: ctx.kind } : {}), depth: 0 });
      return loneTag ? part : undefined;
    }
    // In a meeting's notes or agenda, a bullet over what was said of it ("8.0.0 release date" ›
    // "Feb 4, 2020 to match M80 stable release") is a topic of the meeting: a part, as a topic
    // heading is, its lines the discussion (notes unless they say a decision, a plan or work).
    // So is one inside a part that names its issue ("Add OSSF Scorecard [#851](…/issues/851)" ›
    // "Will defer to next meeting" under `### nodejs/security-wg`): the issue, a part of that one.
    const issue = inPart && !ctx.parentItem && own.length === 1 && own[0]!.type === 'paragraph' ? collectLinks(own[0]!).find((l) => isTrackerLink(l.href)) : undefined;
    if (minutesRank !== undefined && readsParts && nested.length > 0 && ctx.kind === undefined && (!inPart || issue) && text.split(/\s+/).length <= 24) {
      const { title, status } = cleanTitle(text);
      const trackerUrl = issue ? normaliseTrackerUrl(issue.href) : undefined;
      const part = open(newNode({ form: 'bullet', rank: 8, line, text, title, status, ...(trackerUrl ? { trackerUrl } : {}) }), false, home.role === 'root' || home.role === 'document' ? host() : home);
      for (const l of nested) readList(l, { node: part, depth: 0 });
      return undefined;
    }
    if (link && nested.length > 0 && inPart && ctx.kind === undefined && ctx.depth === 0 && namedLink(link.url, toString(link)) && isTrackerLink(link.url)) {
      const { title, status } = cleanTitle(toString(link));
      const trackerUrl = normaliseTrackerUrl(link.url);
      const deliverable = open(newNode({ role: 'deliverable', form: 'link', rank: 8, line, text, title, status, ...(trackerUrl ? { trackerUrl, source: (own[0] as Paragraph).children } : {}), marked: true }), false, ctx.node);
      for (const l of nested) readList(l, { node: deliverable, depth: 0 });
      return undefined;
    }
    const prefix = ctx.kind === undefined && text.length <= 200 ? milestonePrefix(text) : undefined;
    if (prefix) {
      const { title, status } = cleanTitle(prefix.title);
      const links = collectLinks(own[0]!).filter((l) => /^https?:/i.test(l.href));
      const trackerUrl = links.length === 1 ? normaliseTrackerUrl(links[0]!.href) : undefined;
      const part = open(newNode({ form: 'bullet', rank: 8, line, text, title, status: [...prefix.status, ...status], ...(trackerUrl ? { trackerUrl } : {}), marked: true, prefixed: true }), false, ctx.owner ?? ctx.node);
      for (const l of nested) readList(l, { node: part, depth: 0 });
      return part;
    }
    // Under a label of work, a bullet that only names a group of the bullets nested under it
    // (`1. Kick-off` over "The client presented the project…", `- Parser Rework:` over what was
    // done for it): no item of its own; the bullets under it are the label's items, shown under
    // that name. Not a sentence ("Write the specifications.", "Fixed the parser"), and not under
    // an item.
    // Over links alone ("PR Reviews:" over three pull requests' addresses), the name is the work and
    // they are its evidence.
    // Not links named by what they did ("[adding commitment over state updates](…/pull/6451)"): those are work.
    const linksOnly = nested.every((l) => l.children.every((c) => c.children.length === 1 && c.children[0]!.type === 'paragraph' && ((soleLink(c.children[0]!.children) !== undefined && !saysSomething(toString(c))) || /^<?https?:\/\/\S+>?$/.test(toString(c).trim()))));
    if (nested.length > 0 && !ctx.parentItem && !link && !linksOnly && workLabel(ctx.kind) && isGroupName(text)) {
      readGroup(own, nested, line, text, ctx, { node: ctx.node, kind: ctx.kind!, depth: 0, ...(ctx.picked ? { picked: true as const } : {}) });
      return undefined;
    }
    // So inside a part with no label over it, a name that leads in with its colon (`- Tokenomics:`
    // over "[Block Rewards Specification](…) finalized…"): a topic of the part's week, its bullets
    // the part's work. Without the colon a title is the work itself, its bullets details ("CI
    // cleanup and streamlining" over its pull request). Not over a list of names alone, which it
    // leads into (below), nor in an aside.
    const namesOnly = nested.every((l) => l.children.length >= 2 && l.children.every(isNameBullet));
    if (nested.length > 0 && !ctx.parentItem && !link && !linksOnly && !namesOnly && ctx.kind === undefined && inPart && ctx.node.role !== 'aside' && /[:：]\s*$/.test(text) && isGroupName(text)) {
      readGroup(own, nested, line, text, ctx, { node: ctx.node, depth: 0 });
      return undefined;
    }
    // A task list's box says it: ticked is done, whatever label it sits under ("Goals" ticked
    // off); open is still to do, unless a label says how it stands ("In progress"). Under a
    // label of work done ("Last Week Action Items"), a box left open beside ticked ones was not done: still to do.
    const reported = ctx.kind !== 'summary' && ctx.kind !== 'notes';
    const kind = reported && li.checked === true ? 'achieved' : reported && li.checked === false && (ctx.kind === undefined || (ctx.kind === 'achieved' && leftOpen.has(written))) ? 'next' : ctx.kind;
    if (reported && li.checked === true) tickedLines.add(line);
    // A bullet that leads into a list of names ("Defined transportation resource categories:"
    // over "Campus Shuttle", "Parking Services"…): one item, the list its content; the names are
    // what it did, not work of their own. So does one that stops on its preposition
    // ("presentations @ Progcrypto on" over "RLN", "Validator Privacy").
    if ((/[:：]\s*$/.test(text) || /\s(?:on|about|for|of|including|with|like|such as|to|in|at|from|into)\s*$/i.test(text)) && nested.length > 0 && namesOnly) {
      entryWithDetails(own, nested, line, ctx, kind, true);
      return undefined;
    }
    if (stands !== undefined) return standsItem();
    // Under an item, a name that leads in with its colon (`- Mainnet:` under "Rolling upgrade to
    // v0.39.0", over what was done there): one detail with its bullets, as written; no detail
    // that is only a name over others.
    if (ctx.parentItem && nested.length > 0 && !link && /[:：]\s*$/.test(text) && isGroupName(text)) {
      entryWithDetails(own, nested, line, ctx, kind, false);
      return undefined;
    }
    const item = addEntry(ctx.node, kind, own, line, ctx.depth, true, ctx.parentItem);
    for (const l of nested) readList(l, { node: ctx.node, ...(ctx.kind !== undefined ? { kind: ctx.kind } : {}), depth: ctx.depth + 1, parentItem: item });
    return undefined;
  }

  /**
   * `Status: In Progress` (`Overall Status: On Track`, `Health: Green`) under a part, as a line
   * or a heading: its status, not an item of work nor a part. Returns whether the text was one
   * (then it is recorded as structure).
   */
  function statusLine(node: OutlineNode, text: string, line: number): boolean {
    // A dot inside a version is no sentence's end ("On Track for 15.1", "Delayed for 15.x").
    const m = /^[_*]*(?:(?:overall|current|project|rag)\s+)?(?:status|health|rag)[_*]*\s*[:：]\s*[_*]*((?:[^.!?;]|\.(?=\w)){1,30}?)[_*]*$/i.exec(text.trim());
    if (!m || m[1]!.trim().split(/\s+/).length > 4 || !isSection(node) && node.role !== 'workstream') return false;
    // Said in words or by a light ("🟢 On track", "Green", "🔴"): one word for one state; the
    // state before what it is for ("On Track for 15.1" is on track).
    const state = m[1]!.trim().replace(/\s+(?:for|until|till|by|since|towards?)\s.*$|\s*\([^)]*\)$/i, '');
    const word = statusWord(m[1]!) ?? statusWord(state) ?? m[1]!.trim().toLowerCase();
    if (!node.status.includes(word)) node.status.push(word);
    structure.push({ line, what: 'status', text });
    return true;
  }

  /** A name that only says what kind of change the work under it is, inside a part (see isChangeKind). */
  function sortsWork(node: OutlineNode, text: string, kind: LabelTarget | undefined = labelAbove(node), depth?: number): boolean {
    // A catch-all grouping ("## Other Work" over "### Bugs", "### Chores") is no part to sort: its groups stay parts.
    const inPart = node.role !== 'root' && node.role !== 'document' && node.role !== 'summary' && node.role !== 'aside' && node.form !== 'team' && !isChangeKind(node.title);
    // Under a label outside every part ("Done last sprint" › "Bug fixes:"), the team's own work is sorted.
    const labelled = (node.role === 'root' || node.role === 'document') && kind !== undefined && kind !== 'notes' && kind !== 'summary';
    // Outside every part, as a sprint's post sorts its news ("# Features", "# Bug fixes", "# Refactoring"): the team's work, sorted.
    const topLevel = depth !== undefined && sortedDepths.has(depth) && (node.role === 'root' || node.role === 'document');
    // The form the work took ("Pull Requests", "Relevant PRs"), anywhere: a list of its traces.
    const name = text.replace(/\s*[:：]\s*$/, '');
    return text.length <= 40 && (((inPart || labelled || topLevel) && isChangeKind(name)) || (node.role !== 'aside' && isWorkForm(name)));
  }

  /**
   * A bullet that names a group of the bullets nested under it (a member, a piece of work): its
   * name heads them (a work item of the part they go to, the team's outside every part), and
   * each of them carries it.
   */
  /**
   * One entry of a bullet with the bullets nested under it as its content (shown as written, no
   * items of their own): its text the bullet's and theirs, joined as a list of names (`names`:
   * "Defined categories: Campus Shuttle, Parking Services") or as written ("Mainnet: FF nodes…").
   */
  function entryWithDetails(own: RootContent[], nested: List[], line: number, ctx: ListContext, kind: LabelTarget | undefined, names: boolean): void {
    const lead = addEntry(ctx.node, kind, own, line, ctx.depth, true, ctx.parentItem);
    const details = nested.flatMap((l) => l.children.map((c) => ({ line: c.position?.start.line ?? line, text: toString(c).trim() })));
    for (const d of details) structure.push({ line: d.line, what: 'detail', text: d.text });
    const merged = makeItem([...own, ...nested], line, ctx.depth, workItem);
    Object.assign(lead, { html: merged.html, text: names ? `${lead.text} ${details.map((d) => d.text).join(', ')}` : merged.text, links: merged.links });
  }

  function readGroup(own: RootContent[], nested: List[], line: number, text: string, ctx: ListContext, inner: ListContext): void {
    const outside = ctx.node.role === 'root' || ctx.node.role === 'document' || ctx.node.role === 'summary';
    (outside ? teamPartNode() : ctx.node).workItems.push(makeItem(own, line, 0, undefined));
    const before = workItem;
    workItem = { title: text.replace(/\s*[:：]\s*$/, ''), ...(before?.repo ? { repo: before.repo } : {}) };
    for (const l of nested) readList(l, inner);
    workItem = before;
  }

  /** A label of work done, going on, planned or in the way: not a summary's, an aside's or none. */
  function workLabel(kind: LabelTarget | undefined): boolean {
    return kind !== undefined && kind !== 'notes' && kind !== 'summary';
  }

  /** "None", "No updates this week": no item, but the part was written this week (it is not an empty template). */
  function placeholder(node: OutlineNode, line: number, text: string): void {
    node.saidNothing = true;
    structure.push({ line, what: 'placeholder', text });
  }

  /** A bullet that is only inline code (`` `team:area:thing` ``, a trailing colon aside): the code. */
  function codeName(own: RootContent[]): string | undefined {
    if (own.length !== 1 || own[0]!.type !== 'paragraph') return undefined;
    // Who owns it, written after the code (`` `waku:interop-testing-02`(@Roman) ``), is not part of the name.
    const meaningful = own[0]!.children.filter((c) => !(c.type === 'text' && /^[\s:]*$/.test(withoutOwnerHandles(c.value))));
    return meaningful.length === 1 && meaningful[0]!.type === 'inlineCode' ? meaningful[0]!.value.trim().replace(/:$/, '') : undefined;
  }

  /** A bullet that is only a commitment tag (`` `team:area:thing` ``). */
  function loneTagOf(own: RootContent[]): { node: Pick<OutlineNode, 'title' | 'status' | 'marked'> & Partial<OutlineNode> } | undefined {
    const code = codeName(own);
    return code !== undefined && isCommitmentTag(code) ? { node: { title: code, status: [], marked: true, tag: code } } : undefined;
  }

  /** What a bullet names when its own content is only a name; undefined for anything that says something. */
  function nameOf(own: RootContent[], text: string, link: ReturnType<typeof soleLink>, labelled: LabelTarget | undefined): { form: OutlineNode['form']; node: Pick<OutlineNode, 'title' | 'status' | 'marked'> & Partial<OutlineNode> } | undefined {
    if (own.length !== 1 || own[0]!.type !== 'paragraph') return undefined;
    const children = own[0]!.children;
    if (link) {
      // A tracked thing (issue, milestone, epic) is a part; a pull request or commit with notes under it is an item.
      if (!namedLink(link.url, toString(link)) || !isTrackerLink(link.url)) return undefined;
      const { title, status } = cleanTitle(toString(link));
      const trackerUrl = normaliseTrackerUrl(link.url);
      return { form: 'link', node: { title, status, marked: true, ...(trackerUrl ? { trackerUrl, source: children } : {}) } };
    }
    // A short title with its tracked issue in brackets after it (`Count Downloads using CDN Logs
    // ([simpleinfra#372](…/issues/372))`), as a board lists its cards: that issue, named.
    const ref = referencedTitle(children);
    if (ref) return { form: 'link', node: { ...cleanTitle(ref.title), marked: true, trackerUrl: ref.trackerUrl, source: children } };
    const code = codeName(own);
    if (code !== undefined) {
      if (code === '' || code.length > 80) return undefined;
      return isCommitmentTag(code) ? { form: 'bullet', node: { title: code, status: [], marked: true, tag: code } } : { form: 'bullet', node: { title: code, status: [], marked: true } };
    }
    // A line the team writes over its work week after week, an issue or its owner after the name
    // (`* Commit transactions with concurrent DDLs [18098](…/issues/18098) @cfzjywxk`, `* Optimize
    // transaction memory usage in [TiDB](…) @bobotu`): the thing it follows, though it opens on
    // a verb or carries a link.
    const raw = sourceLines[(own[0]!.position?.start.line ?? 0) - 1]?.replace(/^\s*(?:[-*+]|\d{1,3}[.)])\s+/, '') ?? '';
    const written = bareOpener(raw);
    if (labelled === undefined && written !== '' && written !== openerText(raw) && !/https?:/.test(written) && written.split(/\s+/).length <= 12 && !/[.!?;]$/.test(written) && recurring.has(titleIdentity(written)) && readLabel(written) === undefined) {
      // Its name without the issue's number and the owners after it (`… DDLs [18098](…) @cfzjywxk`).
      const { title, status } = cleanTitle(toString({ type: 'paragraph', children: withoutTrailingRefs(children) } as Paragraph).trim().replace(/\s*[:：]\s*$/, ''));
      return { form: 'bullet', node: { title, status, marked: false } };
    }
    if (text.length > 80 || /[.!?;,]$/.test(text) || hasLink(own[0]!)) return undefined;
    // What was done or is to do, leading into its list ("Curated three Chicago related datasets:",
    // "Set up the following:"): a sentence, no name, however often written.
    // Not one set in bold or italics (`**Weighted losses:**`): a name.
    if (/[:：]\s*$/.test(text) && !allEmphasis(children) && (/^[A-Za-z]+ed\s/.test(text) || TASK_VERB.test(text))) return undefined;
    const words = text.split(/\s+/).length;
    // Emphasis names a part where no label is in force (`- *vsu::P2P*` over its work); under a
    // label ("This Week's Achievements"), a bold line over details is an item with its details,
    // unless the team writes that title week after week.
    const emphasised = allEmphasis(children) && words <= 8 && labelled === undefined;
    if (!emphasised && !(words <= 6 && recurring.has(titleIdentity(text)))) return undefined;
    const { title, status } = cleanTitle(text.replace(/\s*[:：]\s*$/, ''));
    return { form: 'bullet', node: { title, status, marked: false } };
  }

  /**
   * A part's name leading a bullet's words with its colon, a name the team writes week after week
   * as a part or as such a lead (recurrence.ts): the name, and the words after it. Not a label
   * ("Done: …"), a kind of change ("fix: …"), someone's name ("Ana: …"), a field ("Status: …",
   * "Reason: …", "PR: …"), work named by its verb ("Investigate: way to run the tests…"), a commit's
   * type (`feat:`), nor a name before an address or a link alone ("Repository: https://…").
   */
  function partLeadIn(own: RootContent[]): { title: string; rest: PhrasingContent[] } | undefined {
    const first = own[0];
    if (first?.type !== 'paragraph') return undefined;
    const m = LEAD_NAME.exec(toString(first));
    if (!m) return undefined;
    const name = m[1]!.trim();
    const id = titleIdentity(name);
    if (id === '' || name.split(/\s+/).length > 4 || !(recurring.has(id) || options.recurrence?.leads?.has(id))) return undefined;
    if (!namesPart(name) || /^feat\b/i.test(name) || TASK_VERB.test(name) || /^[A-Za-z]+(?:ed|ing)$/.test(name) || (isPersonName(name) && isGivenName(name.split(/\s+/)[0]!)) || ORDINAL_ONLY.test(name)) return undefined;
    const rest = stripLeading(first.children, m[0].length);
    const said = toString({ type: 'paragraph', children: rest } as Paragraph).trim();
    // Nor a figure or a date after the name ("Linkedin: 11 new followers", "Testnet: Aug 14th 8:00 AM
    // PT"), nor a line of time spent ("Top item: research, 1 hour"): a measure, a field's value.
    if (said.split(/\s+/).length < 3 || soleLink(rest) !== undefined || /^<?https?:\/\/\S+>?$/.test(said)) return undefined;
    if (/^[+~≈<>-]?\s?[$€£]?\d/.test(said) || isDated(said.split(/\s+/).slice(0, 3).join(' ')) || isTimeSpent(toString(first)) || isFigureLine(toString(first))) return undefined;
    return { title: name, rest };
  }

  /** A name and how it stands after its colon (`Genesis: on track.`, `Finish the UTxO HD prototype: at risk`): both; not a label or a field. */
  function nameWithStatus(own: RootContent[]): { title: string; status: string } | undefined {
    const first = own[0];
    if (first?.type !== 'paragraph') return undefined;
    const m = /^([^:：\n]{2,80}?)\s*[:：]\s*([^:：\n]{2,30}?)[\s.!]*$/.exec(toString(first).trim());
    if (!m) return undefined;
    const status = statusWordOf(m[2]!.trim());
    const name = m[1]!.trim();
    if (status === undefined || name.split(/\s+/).length > 8 || !namesPart(name)) return undefined;
    return { title: name, status };
  }

  /** Whether a name before a colon can name a part: no field, label, kind of change or date. */
  function namesPart(name: string): boolean {
    return !FIELD_NAME.test(name) && readLabel(name) === undefined && kindOf(name, true) === undefined && !isChangeKind(name) && !isDated(name);
  }

  /** The status a bullet's own list ends on, alone on the last bullet (`- *IN PROGRESS*`, `- Done`, `- NOT STARTED`). */
  function endsOnStatus(nested: List[]): LabelTarget | undefined {
    const last = nested.at(-1)?.children.at(-1);
    if (!last || last.children.length !== 1 || last.children[0]!.type !== 'paragraph') return undefined;
    // A status linked to its change (`[Ready for review](…/pull/1184)`) is read by its words; the
    // link becomes the item's evidence where the bullet is read (readListItem).
    const text = toString(last).replace(/[*_`]/g, '').trim();
    if (!STATUS_ALONE.test(text)) return undefined;
    const kind = TASK_STATUS_KINDS.find(([re]) => re.test(text))?.[1];
    return kind === 'notes' ? undefined : kind;
  }

  /**
   * A table of contents: a list whose every entry is a link to a place in the report itself
   * (`- [Summary](#summary)`, nested or not). How to move through the page, no news: structure.
   */
  function readContents(list: List): boolean {
    const entries: Array<{ line: number; text: string }> = [];
    const walk = (l: List): boolean =>
      l.children.every((li) => {
        const [first, ...rest] = li.children;
        if (!first || first.type !== 'paragraph') return false;
        const meaningful = first.children.filter((c) => !(c.type === 'text' && c.value.trim() === ''));
        const link = meaningful.length === 1 && meaningful[0]!.type === 'link' ? meaningful[0] : undefined;
        if (!link || !/^#\S/.test(link.url)) return false;
        entries.push({ line: li.position?.start.line ?? 1, text: toString(first) });
        return rest.every((r) => r.type === 'list' && walk(r));
      });
    if (walk(list)) {
      for (const e of entries) structure.push({ line: e.line, what: 'contents', text: e.text });
      return true;
    }
    // Not in the report's opening words, which name the parts to come ("three teams: 1. Client 2. Marketplace").
    if ((!seenPart && host().label === undefined) || !namesSectionsBelow(list)) return false;
    // Written out, its titles are kept as the report wrote them, notes: no work of their own.
    for (const li of list.children) addEntry(host(), 'notes', li.children, li.position?.start.line ?? 1, 0);
    return true;
  }

  /**
   * Or a list of the report's own section titles, in plain words, before them ("Themes of last
   * week:" over "1. Import time", "2. Fastparquet blogpost and feedback", each a heading below):
   * most of its entries, two or more, are the text of a heading further down.
   */
  function namesSectionsBelow(list: List): boolean {
    const end = list.position?.end.line ?? 0;
    const below = new Set(headingTexts.filter((h) => h.line > end).map((h) => h.text));
    if (below.size < 2) return false;
    let named = 0;
    for (const li of list.children) {
      const [first, ...rest] = li.children;
      if (!first || first.type !== 'paragraph' || rest.length > 0) return false;
      if (below.has(comparable(toString(first)))) named++;
    }
    return named >= 2 && named * 2 >= list.children.length;
  }

  /**
   * A list of bare addresses right after the sentence that introduces it ("All hosts have been
   * upgraded. Domains include:" over `- https://jquery.com`, `- https://api.jquery.com`): the
   * sentence's evidence, its links, as a link-only bullet nested under an item is; not items.
   */
  function readAddresses(list: List): boolean {
    const intro = lastEntry;
    const start = list.position?.start.line;
    if (!intro || start === undefined || (intro.endLine !== start - 1 && intro.endLine !== start - 2)) return false;
    if (!/[:：]\s*$/.test(intro.item.text)) return false;
    const addresses = list.children.map((li) => {
      if (li.children.length !== 1 || li.children[0]!.type !== 'paragraph') return undefined;
      const link = soleLink(li.children[0]!.children);
      if (link) return namedLink(link.url, toString(link)) ? undefined : link.url;
      // `https://*.jquery.org`: an address no autolink takes.
      const text = toString(li).trim();
      return /^https?:\/\/\S+$/i.test(text) ? text : undefined;
    });
    if (addresses.some((a) => a === undefined)) return false;
    for (const [i, li] of list.children.entries()) {
      intro.item.links.push({ href: addresses[i]!, text: addresses[i]! });
      structure.push({ line: li.position?.start.line ?? start, what: 'evidence', text: toString(li) });
    }
    return true;
  }

  /**
   * A list of topics right after the sentence that introduces it ("Areas we will be covering in
   * the report are:" over `* Business requirements`, `* Data considerations`, `* Next steps`;
   * "The main themes were:" over `* Awareness`): names of a few words, no sentence, no verb that
   * says what was done nor an order to do it (a label's words, as a section's name, are a topic too). They say what the sentence is about: one item with it, of its kind, not an item each.
   */
  function readTopics(list: List): boolean {
    const intro = lastEntry;
    const start = list.position?.start.line;
    if (!intro || start === undefined || (intro.endLine !== start - 1 && intro.endLine !== start - 2)) return false;
    if (list.children.length >= 2 && SENTENCE_GOES_ON.test(intro.item.text) && list.children.every(goesOn)) return mergeTopics(intro, list, start);
    if (!/[:：]\s*$/.test(intro.item.text) || list.children.length < 2) return false;
    // "We merged the following PRs this month:" says what its list is: items of that kind, each.
    const lastSentence = LAST_LEAD_IN.exec(intro.item.text)?.[1] ?? '';
    if (sentenceKind(lastSentence) !== undefined || readLabel(lastSentence) !== undefined || LEAD_IN.test(lastSentence)) return false;
    const topics = (l: List): boolean =>
      l.children.every((li) => {
        const [first, ...rest] = li.children;
        // `* * Discoverability`: a bullet whose only content is the list nested in it.
        if (first?.type === 'list' && rest.length === 0) return topics(first);
        if (!first || first.type !== 'paragraph' || li.checked != null || rest.some((c) => c.type !== 'list')) return false;
        const text = toString(first).trim().replace(/[:：]$/, '');
        const words = text.split(/\s+/).length;
        // Longer names (up to ten words) only when no order opens them: "Attitudes to reporting reactions from different food types".
        return text !== '' && (words <= 6 || (words <= 10 && !TASK_VERB.test(text))) && !/[.!?;]$/.test(text) && !collectLinks(first).length && (rest.length === 0 ? sentenceKind(text) === undefined || readLabel(text) !== undefined : sentenceKind(text) === undefined && readLabel(text) === undefined) && rest.every((c) => topics(c as List));
      });
    if (!topics(list)) return false;
    return mergeTopics(intro, list, start);
  }

  /** The list joins the entry that introduces it: one item, each bullet's text a detail of it. */
  function mergeTopics(intro: NonNullable<typeof lastEntry>, list: List, start: number): boolean {
    const names: string[] = [];
    const each = (l: List): void => {
      for (const li of l.children) {
        if (li.children[0]?.type === 'paragraph') {
          const name = toString(li.children[0]).trim().replace(/\s*[:：]$/, '');
          names.push(name);
          structure.push({ line: li.position?.start.line ?? start, what: 'detail', text: name });
        }
        for (const c of li.children) if (c.type === 'list') each(c);
      }
    };
    each(list);
    const merged = makeItem([...intro.nodes, list], intro.item.line, intro.item.depth, intro.workItem);
    Object.assign(intro.item, { html: merged.html, text: `${intro.item.text} ${names.join(', ')}`, links: merged.links });
    return true;
  }

  /** A numbered line that titles a topic (`numberedTopics`): a part, as a bold line over its section is; under a meeting's agenda, a topic of its minutes. */
  function openNumberedTopic(li: ListItem): void {
    const line = li.position?.start.line ?? 1;
    const text = toString(li.children[0]!).trim();
    // The agenda ("Agenda:" over the numbered topics) is the body of the minutes, not an aside.
    if (stack.some((n) => n.role === 'aside' && MINUTES_BODY.test(n.title.replace(/\s*[:：]\s*$/, '').toLowerCase()))) minutesRank = 7;
    pop(7);
    const { title, status } = cleanTitle(text);
    open(newNode({ form: 'bold', rank: 7, line, text, title, status }), true, host());
  }

  function handleBlock(node: RootContent): void {
    // What the sentence just before said of this list, if it is a list (see handleParagraph).
    const leadIn = listLeadIn;
    listLeadIn = undefined;
    // A blog's footer ("Keep reading", "Related posts") and everything after it (the other posts'
    // titles and blurbs, "View more"): where to read next, kept as notes, no part, no work.
    if (footer && node.type !== 'definition' && node.type !== 'html' && hasContent([node])) {
      addEntry(root, 'notes', [node], node.position?.start.line ?? 1, 0);
      return;
    }
    if (node === footerHeading) {
      footer = true;
      structure.push({ line: node.position?.start.line ?? 1, what: 'aside-label', text: toString(node) });
      return;
    }
    switch (node.type) {
      case 'heading':
        // A heading that is only a link, with nothing under it (`### [GitHub Agenda Page](…)`,
        // `### [Audio/Video of the meeting](…)` before the next heading): where to look, a note.
        if (pointerHeadings.has(node)) {
          addEntry(host(), 'notes', [{ type: 'paragraph', children: node.children, ...(node.position ? { position: node.position } : {}) }], node.position?.start.line ?? 1, 0);
          return;
        }
        return handleHeading(node);
      case 'paragraph':
        // A template's own tag (`<% title "June 2016 Monthly Update" %>`, `{% include toc.html %}`,
        // `{{< figure >}}`, MDX's `{/* truncate */}`), left in the markdown a site generator renders: for that tool, not readers.
        if (TEMPLATE_TAGS.test(toString(node)) || EDITOR_MARKS.test(toString(node))) {
          // One that shows a picture or a video on the page (`{{ img(src="…", caption="…") }}`,
          // `{{< figure src="…" >}}`, `{{ youtube(id="…") }}`): a picture, a note; other tags are the tool's.
          if (/^\s*\{[{%]<?\s*(?:img|image|figure|picture|photo|gallery|youtube|video|vimeo|gif)\b/i.test(toString(node))) addEntry(host(), 'notes', [node], node.position?.start.line ?? 1, 0);
          else structure.push({ line: node.position?.start.line ?? 1, what: 'comment', text: toString(node) });
          return;
        }
        return handleParagraph(node);
      case 'list': {
        if (readContents(node) || readAddresses(node) || readTopics(node)) return;
        const topic = node.children.at(-1)!;
        if (numberedTopics.has(topic)) {
          if (node.children.length > 1) handleBlock({ ...node, children: node.children.slice(0, -1) });
          openNumberedTopic(topic);
          return;
        }
        const target = host();
        // Highlights listed (`## This Week's Highlights` over bullets of what was done): the
        // period's work picked out, each bullet by its own words (done unless it says otherwise),
        // not an overview. Prose under that label stays the summary.
        // Not highlights inside a summary (`## Summary` › `### Highlights`): the summary's own
        // recap of work the report tells again below.
        // Nor in a report that has a label of its done work too ("## Sync" › "- achieved:"): there
        // the highlights recap it.
        if (target.role === 'summary' && target.parent?.role !== 'summary' && leadIn === undefined && /^highlights?$/.test(readLabel(target.text)?.phrase ?? '') && !(labelsDone ??= hasDoneLabel(tree))) {
          let outside = target.parent;
          while (outside && (outside.role === 'document' || outside.role === 'summary')) outside = outside.parent;
          readList(node, { node: outside ?? root, kind: 'achieved', depth: 0, picked: true });
          return;
        }
        const kind = leadIn ?? target.label;
        // A form's numbered questions, each a label over a list of its own (`1. **Project
        // Members:**`, then `- Ana`): the last bullet's label is the next list's.
        const trailing = readList(node, { node: target, ...(kind !== undefined ? { kind } : {}), depth: 0 });
        if (trailing !== undefined) listLeadIn = trailing;
        return;
      }
      case 'blockquote':
        return handleQuote(node);
      case 'footnoteDefinition':
        for (const child of node.children) handleBlock(child);
        return;
      case 'html':
        // An HTML comment (`<!-- markdownlint-disable -->`) is for tools, not readers.
        if (/^\s*<!--[\s\S]*?-->\s*$/.test(node.value)) {
          structure.push({ line: node.position?.start.line ?? 1, what: 'comment', text: node.value });
          return;
        }
        // Tags that only lay out what is between them (`<figure>`, `</figcaption>`, `<div align="center">`),
        // break a line (`<br />`) or run a script (`<script src=…></script>`), alone: no text, no item.
        if (/^\s*(?:<\/?(?:figure|figcaption|div|center|span|p|section|article|details|picture|br|hr|script)\b[^>]*>\s*)+$/i.test(node.value)) {
          structure.push({ line: node.position?.start.line ?? 1, what: 'comment', text: node.value });
          return;
        }
        // An embedded player (`<iframe src="https://www.youtube-nocookie.com/embed/…" title="…">`,
        // `<video src="…/demo.webm" controls>` with the words a browser without it shows), which
        // pages and feeds never run: a note, a link to what it plays.
        const frame = /^\s*<(iframe|video|audio)\b([^>]*)>([\s\S]*?)(?:<\/\1>)?\s*$/i.exec(node.value);
        const src = frame ? /\bsrc\s*=\s*["'](https?:\/\/[^"']+)["']/i.exec(`${frame[2]} ${frame[3]}`)?.[1] : undefined;
        if (src) {
          const title = /\btitle\s*=\s*["']([^"']+)["']/i.exec(frame![2]!)?.[1] ?? (frame![1]!.toLowerCase() === 'audio' ? 'Audio' : 'Embedded video');
          const link: Paragraph = { type: 'paragraph', children: [{ type: 'link', url: src, children: [{ type: 'text', value: title }] }], ...(node.position ? { position: node.position } : {}) };
          addEntry(host(), 'notes', [link], node.position?.start.line ?? 1, 0);
          return;
        }
        // One whose source is a path on the site it was written for (`<source src="/assets/demo.webm">`):
        // a note too, as written; no address to link to from here.
        if (frame) {
          addEntry(host(), 'notes', [node], node.position?.start.line ?? 1, 0);
          return;
        }
        // An `<aside>` says itself that it is beside the report ("If you enjoy my work, consider sponsoring me…"): a note.
        // So does a style sheet, a picture with its caption (`<figure>` › `<img …>` › `<figcaption>`), or who
        // wrote the section (`<span class="maintainers">(Section written by @phil-opp)</span>`): no news.
        const shown = node.value.replace(/<style\b[\s\S]*?<\/style>/gi, ' ').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
        if (/^\s*<aside\b/i.test(node.value) || /<(?:style|img|picture|svg|figcaption)\b/i.test(node.value) || shown === '' || isByline(shown)) {
          addEntry(host(), 'notes', [node], node.position?.start.line ?? 1, 0);
          return;
        }
      // falls through
      case 'table':
        if (node.type === 'table' && (readTaskTable(node, leadIn) || readStatusTable(node))) return;
      // falls through
      case 'code':
      case 'math' as RootContent['type']: {
        const target = host();
        // A list indented by mistake into a code block (four spaces before "#299: Dashboard
        // notifications", one per line, under "Issues closed"): its lines are items, as written.
        const lines = node.type === 'code' ? misindentedLines(node, String(file.value)) : undefined;
        if (lines) {
          for (const l of lines) addEntry(target, target.label, [{ type: 'paragraph', children: [{ type: 'text', value: l.text }], position: { start: { line: l.line, column: 1 }, end: { line: l.line, column: 1 } } }], l.line, 0);
          return;
        }
        addEntry(target, target.label, [node], node.position?.start.line ?? 1, 0);
        return;
      }
      case 'thematicBreak':
        // A rule ends a part opened by a bold paragraph.
        pop(7);
        return;
      default:
        // definition, yaml (front matter): structure, not content.
        return;
    }
  }

  /**
   * A task table: a row per task, with a column that says what it is (`Description`, `Task`,
   * `Title`), as a project board or a tracker's export lists work (`| Task ID | Description |
   * Assigned To | Status |`). Each row is one item of the part the table is in, its cells in
   * their order; its kind is what its status cell says (Completed → achieved, In Progress or In
   * Review → progress, Backlog or To do → next, Blocked → blockers), else the label in force
   * ("## Completed Tasks"), else what its words say. A row with nothing but placeholders is none.
   */
  function readTaskTable(table: Table, leadIn?: LabelTarget): boolean {
    const [head, ...rows] = table.children;
    if (!head || rows.length === 0) return false;
    const headers = head.children.map((cell) => labelWords(toString(cell)).toLowerCase());
    // Or a column of the work's name (`| Day | Milestone | Status |`, `| Issue | Accountability |
    // Status |`) with a status column, when no other column says a kind (`| Milestone | This week
    // | Next week |` is a status table: a part per row).
    const named = headers.findIndex((h) => WORK_NAME_HEADER.test(h));
    const workKind = (h: string) => ((k) => (k !== undefined && k !== 'summary' && k !== 'aside' ? labelTarget(k) : undefined))(kindOf(h, true));
    const otherKinds = headers.some((h, i) => i !== named && h !== '' && !STATUS_HEADER.test(h) && workKind(h) !== undefined);
    if (!headers.some((h) => TASK_HEADER.test(h)) && !(named >= 0 && headers.some((h) => STATUS_HEADER.test(h)) && !otherKinds)) return false;
    const statusColumn = headers.findIndex((h) => STATUS_HEADER.test(h));
    // Without a status that says it, a row is of the label over the table, else of the kind its name column says (`| Issue |`: risks).
    const columnKind = named >= 0 ? workKind(headers[named]!) : undefined;
    // A description beside a name is a glossary or a list of fields (`| Parameter | Description |`):
    // tasks are said to be tasks, or have a status, an owner or an id.
    if (statusColumn < 0 && !headers.some((h) => TASK_WORDS.test(h))) return false;
    const tableLine = table.position?.start.line ?? 1;
    structure.push({ line: tableLine, what: 'label', text: headers.join(' · ') });
    const target = host();
    for (const row of rows) {
      const line = row.position?.start.line ?? tableLine;
      const cells = row.children.map((cell) => ({ cell, text: toString(cell).trim() }));
      const status = statusColumn >= 0 ? cells[statusColumn] : undefined;
      const kind = status ? TASK_STATUS_KINDS.find(([re]) => re.test(status.text))?.[1] : undefined;
      const said = cells.filter((c) => c !== status && !isEmptyCell(c.text));
      if (said.length === 0) {
        structure.push({ line, what: 'placeholder', text: cells.map((c) => c.text).join(' · ') });
        continue;
      }
      if (status && kind) structure.push({ line, what: 'status', text: status.text });
      const words: PhrasingContent[] = [];
      for (const c of status && kind ? said : cells.filter((c) => !isEmptyCell(c.text))) {
        if (words.length > 0) words.push({ type: 'text', value: ' · ' });
        words.push(...c.cell.children);
      }
      addEntry(target, kind ?? leadIn ?? labelAbove(target) ?? columnKind, [{ type: 'paragraph', children: words }], line, 0);
    }
    return true;
  }

  /**
   * A status table: its header says what each column holds, in the words of labels ("This
   * week", "Next week", "Risks", "Progress"; every word of the vocabulary, as in a lead-in). With
   * a name column first (`| Project | Status | This week | Next week | Risks |`, an OKR
   * check-in's `| Key result | Owner | Progress | Status | Notes |`), each row is a part named by
   * that cell: a cell under a kind is an item of that kind, a status cell (🟢, "At risk", ✅) the
   * part's status, an owner a note ("Owner: Priya"), any other cell the part's news; a row with
   * nothing in it is no part. Without one (`| Done | Doing | Next |`), each cell is an item of its column's
   * kind, of the part the table is in. A table whose header names no kind (metrics: "Target",
   * "Current score") is not read here: it stays one block, kept as written.
   */
  function readStatusTable(table: Table): boolean {
    const [head, ...rows] = table.children;
    if (!head || rows.length === 0) return false;
    const headers = head.children.map((cell) => labelWords(toString(cell)));
    const kinds = headers.map((h) => (h === '' ? undefined : kindOf(h, true)));
    const isStatus = headers.map((h) => STATUS_HEADER.test(h));
    const reported = (k: ReturnType<KindOf>) => k !== undefined && k !== 'summary' && k !== 'aside';
    if (!kinds.some(reported)) return false;
    const tableLine = table.position?.start.line ?? 1;
    structure.push({ line: tableLine, what: 'label', text: headers.join(' · ') });
    const cellsOf = (row: Table['children'][number]) => row.children.map((cell) => ({ cell, text: toString(cell).trim() }));
    const target = host();
    // A first column of row numbers, dates or days (`| # | Day | Date | Work done |`, a log kept
    // day by day) names no part: it says which row or when.
    const counted = rows.every((row) => isWhenCell(toString(row.children[0] ?? { type: 'text', value: '' })));
    const nameColumn = kinds[0] === undefined && !isStatus[0] && !counted ? 0 : -1;
    for (const row of rows) {
      const line = row.position?.start.line ?? tableLine;
      const cells = cellsOf(row);
      const said = cells.filter(({ text }, i) => i !== nameColumn && !isEmptyCell(text));
      if (nameColumn < 0) {
        const when = said.filter((c, i) => kinds[cells.indexOf(c)] === undefined && isWhenCell(c.text) && i < said.length - 1);
        if (when.length > 0) structure.push({ line, what: 'when', text: when.map((c) => c.text).join(' · ') });
        for (const [i, { cell, text }] of cells.entries()) {
          const kind = kinds[i];
          if (!said.some((c) => c.cell === cell) || when.some((c) => c.cell === cell)) continue;
          // A day off in a log ("Break", "Holiday"): no work.
          const as = kind === undefined || !reported(kind) || DAY_OFF.test(text) ? 'notes' : labelTarget(kind);
          for (const piece of cellLines(cell.children)) addEntry(target, as, [{ type: 'paragraph', children: piece }], line, 0);
        }
        continue;
      }
      const name = cells[nameColumn]!;
      if (name.text === '' || said.length === 0) {
        structure.push({ line, what: 'placeholder', text: cells.map((c) => c.text).join(' · ') });
        continue;
      }
      const link = soleLink(name.cell.children);
      const trackerUrl = link && isTrackerLink(link.url) ? normaliseTrackerUrl(link.url) : undefined;
      const code = name.cell.children.length === 1 && name.cell.children[0]!.type === 'inlineCode' ? name.cell.children[0]!.value.trim() : undefined;
      const { title, status } = cleanTitle(code ?? name.text);
      const part = open(
        newNode({ form: 'bullet', rank: 8, line, text: name.text, title, status, marked: true, ...(trackerUrl ? { trackerUrl } : {}), ...(code && isCommitmentTag(code) ? { tag: code } : {}) }),
        false,
        target,
      );
      for (const [i, { cell, text }] of cells.entries()) {
        if (i === nameColumn || !said.some((c) => c.cell === cell)) continue;
        if (isStatus[i]) {
          const word = statusWord(text);
          if (word) {
            if (!part.status.includes(word)) part.status.push(word);
            structure.push({ line, what: 'status', text });
            continue;
          }
        }
        const kind = kinds[i];
        // Who owns it, and other asides ("Owner"), are notes; a column the vocabulary does not
        // know ("Notes", "Target") is the part's news, of the kind its sentence says.
        const as = reported(kind) ? labelTarget(kind!) : kind === undefined ? undefined : 'notes';
        const words = reported(kind) || COMMENT_HEADER.test(headers[i]!) || headers[i] === '' ? cell.children : [{ type: 'text' as const, value: `${headers[i]}: ` }, ...cell.children];
        addEntry(part, as, [{ type: 'paragraph', children: words }], line, 0);
      }
    }
    return true;
  }

  function handleQuote(node: Blockquote): void {
    // A quote before the first part is the update's summary; elsewhere its blocks are read as usual.
    if (!seenPart && host().label === undefined && (host().role === 'root' || host().role === 'document')) {
      for (const child of node.children) {
        if (child.type === 'paragraph' || child.type === 'list') {
          summary.push(makeItem([child], child.position?.start.line ?? 1, 0, undefined));
          if (child.type === 'list') countListAsSummary(child);
        } else handleBlock(child);
      }
      return;
    }
    for (const child of node.children) handleBlock(child);
  }

  /** Nested bullets of a quoted summary list are summary items too (one per bullet). */
  function countListAsSummary(list: List): void {
    summary.pop();
    const walk = (l: List, depth: number) => {
      for (const li of l.children) {
        const own = li.children.filter((c) => c.type !== 'list') as RootContent[];
        if (hasContent(own)) summary.push(makeItem(own, li.position?.start.line ?? 1, depth, undefined));
        for (const c of li.children) if (c.type === 'list') walk(c, depth + 1);
      }
    };
    walk(list, 0);
  }

  for (const node of tree.children) handleBlock(node);
  // A report that names no part and no kind, only bullets (a log of the week: "The council
  // discussed…", "Merged…"), is the team's own work, not a summary: its bullets are the team
  // part's items (of the kind their sentence says, else progress); its prose stays the summary.
  if (!seenPart && openingBullets.length > 0) {
    const moved = new Set(openingBullets);
    const team = teamPartNode();
    for (const item of openingBullets) {
      const parent = parentOf.get(item);
      team.entries.push({ item, ...(parent && moved.has(parent) ? { parent } : {}) });
    }
    summary.splice(0, summary.length, ...summary.filter((i) => !moved.has(i)));
  }
  // The report's opening words before its first part. A report in prose alone (a monthly letter:
  // "aerc 0.2.0 has been released…", "In the next month, I'm moving aerc to the backburner…"), or
  // one whose prose comes before its parts: its first paragraph opens it (a greeting, a word on
  // the month, an overview: "I'm going to give weeknotes a try", "Done/doing is a recap of…"),
  // the summary; each one after it with a sentence that says what was done, planned, in the way
  // or going on is the team part's work (of the kind most of its sentences say: sections.ts), and
  // what says none of these (background, what the project is, an aside) a note. So in a report of
  // prose and bullets (a day-by-day log whose days list a few questions).
  // In prose alone, the first paragraph too, when it is mostly an account of the week's work (a
  // report in one paragraph: "Week 2 our sub-groups continue to make improvements. Our mechanical
  // team has been sketching…"), or every sentence of it is ("This week I finished the seminar list
  // page and deployed it. I also wrote unit tests for the API."). With parts, any block of prose
  // counts (a quote, an HTML block); alone, paragraphs.
  const opening = seenPart ? openingBlocks : openingParagraphs;
  if (opening.length > 0) {
    const moved = new Set<Item>();
    for (const [i, item] of opening.entries()) {
      if (i === 0 && (seenPart || (!saysWorkMostly(item.text) && !saysWorkThroughout(item.text)))) continue;
      if (i > 0 && !saysWork(item.text)) root.entries.push({ kind: 'notes', item });
      else teamPartNode().entries.push({ item });
      moved.add(item);
    }
    summary.splice(0, summary.length, ...summary.filter((i) => !moved.has(i)));
  }
  // A report that says what it lists was done ("the activities I've done in Debian this October",
  // "worked on the following things:"): its items that say nothing of their kind are done, not news.
  // Said above the body, or said of "the following" anywhere; not a label of a list ("Things we worked on").
  const saysDone = tree.children.some((n) => n.type === 'paragraph' && ((n.position?.start.line ?? Infinity) < bodyStart ? DONE_FRAME.test(toString(n)) : DONE_FOLLOWING.test(toString(n))));
  const outline = { root, summary, structure, ...(saysDone ? { saysDone: true as const } : {}) };
  // A meeting's record, by its title (its first heading): "SC meeting summary", "Weekly sync", "Minutes of the TSC".
  const title = tree.children.find((n): n is Heading => n.type === 'heading');
  if (title && MEETING_TITLE.test(toString(title))) for (const n of outlineNodes(outline)) for (const e of n.entries) e.meeting = true;
  assignRoles(outline, hints);
  if (options.recurrence) foldOneOffWork(outline, options.recurrence);
  return outline;
}

/**
 * Phase 2b: an issue or pull request named as the opener of work inside a part, that the team
 * links to in this week only, is a piece of that part's work, not a part to follow: it becomes
 * one of the part's work items, its notes grouped under it (`**[fix: flaky sync](…/pull/12)**`
 * over "achieved: …" under `## go-waku`). Linked in two or more weeks, it stays a part, with
 * every week of it. A milestone, an epic or an opener that says so (`Milestone:`) always stays.
 *
 * So is a part named by its title alone, inside a part, that a team with a history writes in this
 * week only ("Grafana Alloy" under "Infra" one sprint): a piece of the work of the part it is in,
 * not a part to follow. Written in two or more weeks, it is a part.
 */
function foldOneOffWork(outline: Outline, recurrence: Recurrence): void {
  const oneOffTitle = (child: OutlineNode): boolean =>
    recurrence.weeks >= TOPIC_MIN_WEEKS &&
    isSection(child) &&
    child.form !== 'team' &&
    !child.trackerUrl &&
    !child.tag &&
    !child.prefixed &&
    child.children.length === 0 &&
    // A name the team leads its bullets with week after week (`- Platform: …`) is followed.
    !recurrence.leads?.has(titleIdentity(child.title)) &&
    !recurrence.openers.has(titleIdentity(child.title)) &&
    !recurrence.openers.has(openerIdentity(child.text));
  const visit = (node: OutlineNode): void => {
    for (const child of [...node.children]) {
      visit(child);
      if (!isSection(node)) continue;
      const issue = namesWork(child) && !recurrence.work.has(child.trackerUrl!) && child.source !== undefined;
      if (!issue && !oneOffTitle(child)) continue;
      const work = makeItem([{ type: 'paragraph', children: issue ? child.source! : [{ type: 'text', value: child.title }] }], child.line, 0, undefined);
      node.workItems.push(work, ...child.workItems);
      node.workItems.sort((a, b) => a.line - b.line);
      for (const entry of child.entries) {
        entry.item.workItem = child.title;
        node.entries.push(entry);
      }
      node.entries.sort((a, b) => a.item.line - b.item.line);
      node.children.splice(node.children.indexOf(child), 1);
    }
  };
  visit(outline.root);
}

/**
 * A bullet that opens on a link to a pull or merge request (`[Port windows to the new runner](…/pull/4600)`,
 * `[PR #704](…) (Node) - added the network`): whether it says it is not merged yet (`(unmerged)`,
 * `(draft)`, `(WIP)`, "in review"); undefined for any other bullet.
 */
function pullRequestMark(listItem: ListItem): 'open' | 'none' | undefined {
  const [first, ...rest] = listItem.children;
  if (!first || first.type !== 'paragraph' || rest.some((r) => r.type !== 'list')) return undefined;
  const text = toString(first).trim();
  const opening = first.children.find((c) => !(c.type === 'text' && c.value.trim() === ''));
  if (!opening || opening.type !== 'link' || !CHANGE_URL.test(opening.url)) return undefined;
  return MARKED_OPEN.test(text) ? 'open' : 'none';
}
/** A pull request marked not merged in a list of them: `(open)`, `(pending review)` in brackets, or any word of NOT_MERGED_WORDS. */
const MARKED_OPEN = new RegExp(String.raw`\((?:open|pending review|${NOT_MERGED_WORDS})\)|\b(?:${NOT_MERGED_WORDS})\b`, 'i');

/** Someone's handle and nothing more (`@ana`, `@ana:`, HackMD's author tag `[name=Ana]`), as a heading, a bold line or a bullet writes it. */
const HANDLE_ONLY = /^(?:@[\w-]+|\[name=[^\]\n]+\])\s*[:：]?$/;
/** A person's page on a forge (`https://github.com/wincent`): who, not what. */
const PROFILE_URL = /^https?:\/\/(?:www\.)?(?:github|gitlab|codeberg)\.(?:com|org)\/[\w-]+\/?$/i;

/** A link whose text names something (not a bare URL). */
function namedLink(url: string, text: string): boolean {
  const t = text.trim();
  // A link that says it is one ("Link to Sprint 16 Milestone Details", "See the full list"): where to look, no name.
  return /^https?:/i.test(url) && t !== '' && !/^(?:https?:\/\/|www\.)\S+$/i.test(t) && !REFERENCE_WORDS.test(t) && !/^(?:(?:a\s+)?links?\s+(?:to|for)|see|view|click|read\s+(?:more|the)|more\s+(?:details|info|about)|details\s+(?:of|on|about|for)|full\s+(?:details|list|report))\b/i.test(t);
}

/** Link text that says what was done (a sentence), as opposed to a reference ("PR", "#12", a URL, "spec"). */
function saysSomething(text: string): boolean {
  const t = text.trim();
  if (/^(?:https?:\/\/|www\.)/i.test(t)) return false;
  const words = t.split(/\s+/);
  // "Fixed the flaky sync test", "Adding retries to the store": a verb first; or a long line.
  return words.length >= 7 || (words.length >= 3 && (/^[A-Za-z]+(?:ed|ing)$/.test(words[0]!) || sentenceKind(t) !== undefined));
}

/**
 * A short title followed by one tracked issue in brackets (`Count Downloads using CDN Logs
 * ([simpleinfra#372](…/issues/372))`, `Websockets redesign ([Epic #6163](…))`): the title and
 * the issue's address. Not a sentence, not a pull request, not two references.
 */
function referencedTitle(children: PhrasingContent[]): { title: string; trackerUrl: string } | undefined {
  const meaningful = children.filter((c) => !(c.type === 'text' && c.value.trim() === ''));
  if (meaningful.length !== 3) return undefined;
  const [before, link, after] = meaningful as [PhrasingContent, PhrasingContent, PhrasingContent];
  if (before.type !== 'text' || link.type !== 'link' || after.type !== 'text' || !/^\)\s*[:：]?\s*$/.test(after.value)) return undefined;
  const title = /^(.*\S)\s*\(\s*$/.exec(before.value)?.[1];
  const trackerUrl = isTrackerLink(link.url) ? normaliseTrackerUrl(link.url) : undefined;
  if (!title || !trackerUrl || title.split(/\s+/).length > 8 || /[.!?;,:]$/.test(title)) return undefined;
  return { title, trackerUrl };
}

/** An issue, milestone or epic in a tracker, as opposed to a PR or a document. */
function isTrackerLink(url: string): boolean {
  return /\/(?:issues|milestones?|epics?)\/\d+/i.test(url);
}

/**
 * A plain heading over nothing but issues and pull requests (`### nwaku` over
 * `**[feat: …](…/issues/1941)**`, `**[chore: …](…/pull/2339)**`): the stream of work they
 * belong to, a part (the issues reported once are its work items), not an area.
 */
function overWork(node: OutlineNode): boolean {
  const parts = node.children.filter((c) => c.role !== 'summary' && c.role !== 'document');
  return parts.length > 0 && parts.every(namesWork);
}

/** A part named by an issue or pull request and nothing else: no lead-in, no tag, no part below it. */
function namesWork(node: OutlineNode): boolean {
  return node.trackerUrl !== undefined && WORK_URL.test(node.trackerUrl) && !node.prefixed && !node.tag && node.children.length === 0;
}

/** Phase 2: each container's level, from its form and its place. */
function assignRoles(outline: Outline, hints: ReadingHints): void {
  // Figures and reading lists are kept with the update, never announced: an aside, as a
  // "Metrics" or "Links" label makes it (innermost first: a part over figures and a part of
  // figures is figures).
  const metrics = (node: OutlineNode): void => {
    for (const child of node.children) metrics(child);
    if (!isMetrics(node) && !isReadingList(node) && !isPictures(node)) return;
    node.role = 'aside';
    for (const e of node.entries) e.kind = 'notes';
    outline.structure.push({ line: node.line, what: 'aside-label', text: node.text });
  };
  metrics(outline.root);
  const visit = (node: OutlineNode, sectionAbove: boolean): void => {
    if (node.role !== 'root' && node.role !== 'document' && node.role !== 'summary' && node.role !== 'aside') {
      const hintedArea = hints.areas?.has(node.title.toLowerCase()) ?? false;
      if (node.form === 'link') node.role = 'deliverable';
      // A plain part with nothing of its own but parts below it groups them: an area.
      else if (hintedArea || (!node.marked && node.entries.length === 0 && node.workItems.length === 0 && node.children.some((c) => c.role !== 'summary' && c.role !== 'document') && !overWork(node))) node.role = 'area';
      // A part named by its title alone, or by a `Milestone:` lead-in, with nothing under it (a
      // template's empty heading, a list of milestones with no news) is no part this week; one
      // that says "None" or "No updates this week" (saidNothing), or carries a status, is. So is
      // one named by a link to no tracked thing (`### Complete Demo: [Watch here](video)`).
      else if ((!node.trackerUrl || !isTrackerLink(node.trackerUrl)) && !node.tag && !node.saidNothing && node.status.length === 0 && node.form !== 'team' && node.entries.length === 0 && node.workItems.length === 0 && node.children.length === 0) node.role = 'area';
      else if (sectionAbove) node.role = 'sub-milestone';
      // Named by a tracker link or a `Milestone:` lead-in: a milestone; by a tag or its title: a workstream.
      else node.role = node.trackerUrl !== undefined || node.prefixed ? 'milestone' : 'workstream';
      if (node.role === 'area' && node.form !== 'heading') outline.structure.push({ line: node.line, what: 'area', text: node.text });
    }
    for (const child of node.children) visit(child, sectionAbove || isSection(node));
  };
  visit(outline.root, false);
}

/** A part that could be an aside by what it holds: its own unlabelled entries, named by nothing a part is named by (a tracker link, a tag, a lead-in), with no part below it. */
function asideCandidate(node: OutlineNode): boolean {
  if (node.role === 'root' || node.role === 'document' || node.role === 'summary' || node.role === 'aside' || node.form === 'team') return false;
  if (node.trackerUrl || node.tag || node.prefixed || node.children.some((c) => c.role !== 'aside') || node.workItems.length > 0 || node.entries.length === 0) return false;
  return !isCommitmentTag(node.title) && node.entries.every((e) => e.kind === undefined);
}

/**
 * A measurement: a line that states a figure ("271 PRs closed on GitHub, past quarter", "Issue
 * close rate of 92%", "a 17% increase in traffic", "Uptime: 99.9%"), not work done.
 */
/** A measure's name and its figure alone (`YTD SLA: 99.922%`, `p95: 240ms`). */
const FIGURE = /^[^:]{1,40}:\s*[~≈]?[+-]?\d[\d,.]*\s*(?:%|ms|s|k|m|x)?$/i;
const MEASUREMENT = new RegExp(String.raw`^(?:~|about |over |nearly |around )?[+-]?\d[\d,.]*\s*%?\s+\S|\b(?:rate|score|count|total|number|average|median)\s+(?:of|is|was|:)\s*[~≈]?\d|\d[\d,.]*\s*%\s+(?:increase|decrease|drop|rise|growth|more|less|fewer)\b|${FIGURE.source}`, 'i');

/**
 * A section of figures only (`## GitHub activity` over "308 issues opened, past quarter",
 * "Issue close rate of 92%"): two or more unlabelled lines, each a measurement, one at least
 * against something (a share, a rate, a change, a period), and nothing else (no part below it,
 * no tracker link, no tag): metrics, kept with the update as notes, never a part to follow.
 */
function isMetrics(node: OutlineNode): boolean {
  if (!asideCandidate(node)) return false;
  // A picture beside figures (a chart) is one of them; a table of figures is figures.
  const said = node.entries.filter((e) => !isPictureOnly(e.item));
  const tables = said.filter((e) => /^<table\b/.test(e.item.html.trim()));
  if (tables.length > 0 && tables.every((e) => tableOfFigures(e.item.text)) && said.length === tables.length) return true;
  if (node.entries.length < 2) return false;
  const texts = said.map((e) => e.item.text.replace(/[:.]\s*$/, '').trim());
  // Figures say what they measure against: a share, a rate, a change, a period ("3 CCs at ethcc" is news).
  return texts.length === node.entries.length && texts.every((t) => MEASUREMENT.test(t)) && texts.some((t) => FIGURE_OF.test(t));
}

/**
 * A section of pictures only (`## Project Burnup Chart` over the chart, a member's name over a
 * screenshot of their board): what illustrates the report, kept with it, never a part to follow.
 */
function isPictures(node: OutlineNode): boolean {
  return asideCandidate(node) && node.entries.every((e) => isPictureOnly(e.item));
}

/**
 * A reading list (`## Things we found along the way` over `[UK address data: a primer](…)`,
 * `[The UPRN lifecycle](…) - Author`): two or more bullets that open with a link and say at
 * most a few words more (an author, a source), all of its bullets but one, to pages on two or
 * more sites, none an issue, pull request or commit — what the team read or found, kept as
 * notes, never a part to follow. A list of the team's own pull requests or documents in one
 * place stays its work.
 */
function isReadingList(node: OutlineNode): boolean {
  if (!asideCandidate(node) || node.entries.length < 2) return false;
  const opening = node.entries.map((e) => openingLink(e.item)).filter((o) => o !== undefined);
  if (opening.some((o) => WORK_URL.test(o.href) || /\/commits?\/[0-9a-f]{7,}/i.test(o.href))) return false;
  // The links alone, two at least: one entry may say a sentence about what it found, or be
  // written otherwise (a link no reader opens, `ftp://…`).
  const alone = opening.filter((o) => o.wordsAfter <= 6).length;
  if (alone < 2 || alone < node.entries.length - 1) return false;
  return new Set(opening.map((o) => hostOf(o.href))).size >= 2;
}

/** The one link an item opens with, and how many words follow it (`[Title](…) - Author, Org`: 2). */
function openingLink(item: Item): { href: string; wordsAfter: number } | undefined {
  if (item.links.length !== 1) return undefined;
  const [link] = item.links;
  const text = item.text.trim();
  const title = link!.text.trim();
  if (title === '' || !text.startsWith(title)) return undefined;
  return { href: link!.href, wordsAfter: text.slice(title.length).split(/\s+/).filter((w) => /\w/.test(w)).length };
}

function hostOf(url: string): string {
  return /^[a-z]+:\/\/(?:www\.)?([^/?#]+)/i.exec(url)?.[1]?.toLowerCase() ?? url;
}

/** A table (as blockText writes it: cells by " · ", rows by "; ") whose header names and whose every row holds a figure. */
function tableOfFigures(text: string): boolean {
  const [head, ...rows] = text.split('; ').map((row) => row.split(' · ').map((cell) => cell.trim()));
  const figure = (cell: string) => /^[~≈]?[+-]?\d[\d,.]*\]?\s*(?:%|h|hrs?|hours?|ms|s|k|m|x|pts?|points?)?$/i.test(cell);
  if (head === undefined || rows.length === 0 || head.some(figure)) return false;
  // A column that numbers the rows (`#`, `No.`) counts nothing; a cell of a sentence is no figure's label.
  const counted = head.map((h, i) => !/^(?:\\?#|no\.?|n°|s\.?\s?no\.?|index|)$/i.test(h) || !rows.every((row, r) => row[i] === String(r + 1)));
  if (rows.some((row) => row.some((cell) => cell.split(/\s+/).length > 6))) return false;
  return rows.every((row) => row.some((cell, i) => counted[i] !== false && figure(cell)));
}
const FIGURE_OF = /%|\b(?:rate|ratio|increase|decrease|compared|average|median|total)\b|\b(?:past|last|previous|this)\s+(?:quarter|month|week|year|sprint|cycle)\b/i;

/** Every node of the outline, in document order. */
export function outlineNodes(outline: Outline): OutlineNode[] {
  const out: OutlineNode[] = [];
  const walk = (n: OutlineNode) => {
    out.push(n);
    for (const c of n.children) walk(c);
  };
  walk(outline.root);
  return out;
}

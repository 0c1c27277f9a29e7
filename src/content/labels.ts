/**
 * Where kinds are decided: a label (a heading, a bold line, a bullet's lead-in, a `Label:`
 * prefix) is read by its head words, in the words people use for what a section holds —
 * "Done last sprint", "This Week's Achievements", "Next Week's Roadmap", "Challenges & How I
 * Overcame Them" — never by matching the whole string against a list.
 *
 * A label is short and says nothing but what it holds: its words are vocabulary and filler
 * ("this", "week's", "for", "the") with at most one other word. "Risk Management Framework"
 * names a part; "Key Risks" is a label. The kinds beyond the reported ones: `summary` (the
 * update's own overview) and `aside` (acknowledgements, learnings, attendees, resources,
 * metrics: kept and shown with the update, never announced as work).
 */
import { MONTH_NAME } from './dates';
import { TICK } from './keys';
import { englishWords, fold, readUnspaced, unspacedSentenceKind, withoutAccents } from './locales';
import type { ItemKind } from './model';

export type ReportedKind = Exclude<ItemKind, 'notes'>;
/**
 * `pending`: work handed in and waiting on others ("Waiting for merge", "Awaiting review", "Open
 * PRs"): in progress, whatever its own words say was done ("@ana fixed the links" under "Waiting
 * for merge" is not in yet). `reviewed`: a plan looked back on ("Last week's goals", "What I had
 * planned to do this week"): each item restates what was planned, no news of its own unless it
 * says how it went.
 */
export type LabelKind = ReportedKind | 'summary' | 'aside' | 'pending' | 'reviewed';

/** A changelog's headings in the past participle, labels only alone or with each other (see readLabelText). */
const PARTICIPLES_ALONE = new Set(['added', 'fixed', 'improved', 'changed', 'removed', 'opened', 'reviewed', 'created', 'updated', 'archived', 'deprecated', 'uploaded', 'published']);

/**
 * A newsletter's or changelog's list of what the period did to its things ("Updated apps",
 * "Archived and removed apps", "Added features"): participles, joined, then one word in the
 * plural. The phrase that says so, or undefined. Not "New features": a category of work, done or
 * not (a team's features under way, each in review).
 */
function broughtList(tokens: readonly string[]): string | undefined {
  const thing = tokens[tokens.length - 1] ?? '';
  const before = tokens.slice(0, -1);
  if (before.length === 0 || !/^[a-z]{3,}s$/.test(thing) || thing.endsWith('ss') || FILLER.has(thing)) return undefined;
  const said = before.filter((w, i) => (i % 2 === 0 ? PARTICIPLES_ALONE.has(w) : w === 'and' || w === '&' || w === '/'));
  return said.length === before.length && before.length % 2 === 1 ? before[0] : undefined;
}

/** The things a report's labels say it changed, in the plural ("Updated apps", "Archived and removed apps" → apps). */
export function changedThings(labels: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const label of labels) {
    const tokens = labelTokens(label);
    if (broughtList(tokens) !== undefined) out.add(tokens[tokens.length - 1]!);
  }
  return out;
}

/** "Progress since last meeting", "progress over the past week": what the period gone by brought, not work going on. */
const PROGRESS_SINCE = ['since last', 'since the last', 'since the previous', 'over the last', 'over the past', 'during the last', 'during the past'].flatMap((when) =>
  ['meeting', 'week', 'update', 'report', 'sprint', 'month', 'call', 'time'].map((period) => `progress ${when} ${period}`),
);

/** Calls to the reader ("Join us on Matrix Chat", "Donate to Redox"): asides, the words after them whatever they are. */
const CALL_PHRASES = ['join us', 'join the', 'get involved', 'follow along', 'following along', 'get in touch', 'stay in touch', 'keep in touch', 'how to help', 'how to contribute', 'how you can help', 'how you can contribute', 'ways to help', 'ways to contribute', 'contact us', 'donate', 'support us', 'follow us', 'sponsor us', 'request for donations'];

/**
 * Vocabulary: phrases (lowercase words, space separated) → kind. Where two match, the one
 * that starts first in the label wins ("Risks and blockers" → risks, "Done last sprint" →
 * achieved); at the same place, the longer phrase.
 */
const VOCABULARY: Record<LabelKind, readonly string[]> = {
  achieved: [
    'done', 'completed', 'complete', 'achieved', 'achievements', 'achievement', 'accomplished', 'accomplishments', 'accomplish',
    'delivered', 'shipped', 'merged', 'landed', 'additions', 'wins', 'successes', 'released', 'finished', 'closed', 'resolved',
    'issues closed', 'closed issues', 'issues resolved', 'issues fixed', 'bugs fixed', 'issues and prs closed', 'issues and pull requests closed',
    'prs merged', 'merged prs', 'pull requests merged', 'merged pull requests',
    // A changelog's headings in the past participle: what the period added, fixed or changed ("Added and improved").
    // Not its nouns ("Improvements:", "Fixes:"): a category of work, done or not ("Improvements: … - awaiting review").
    ...PARTICIPLES_ALONE,
    'last week', 'last sprint', 'last month', 'last cycle', 'past week', 'past sprint', 'previous week', 'previous sprint', 'yesterday',
    // Minutes going over what came of the meeting before ("Last Meeting", "Since the last meeting"): the period gone by, not an aside.
    'last meeting', 'since last meeting', 'since the last meeting', 'previous meeting', 'since the previous meeting',
    // Progress made since the last report ("Progress Since Last Meeting", "Progress over the past week"): the period gone by, done.
    ...PROGRESS_SINCE,
    'what we did', 'what i did', 'what was done', 'what got done', 'recap', 'retrospective', 'retro',
    // What a newsletter or release lists as come in ("What's new in fpm:", "What's changed", "Notable changes").
    'what s new', 'what is new', 'what s changed', 'what has changed', 'what changed', 'notable changes',
    // What the work gave ("Results", "Test results"); not what it aims at ("Key results", "Expected results").
    'results',
    // How a problem was solved ("Fix used:", "How I fixed it"); not "Solution" alone, a workstream's word too ("Solution Engineering").
    'fix used', 'fixes used', 'workaround used', 'how i fixed it', 'how we fixed it', 'how i solved it', 'how we solved it',
    // A weeknote's "Five things that happened", "What happened this week", "What we've been up to this week", "Things we did".
    'happened', 'what happened', 'been up to', 'things we did', 'things i did',
    // What each one contributed ("Current Contributions", "My contributions this week"); not "Contribution guidelines".
    'current contributions', 'my contributions', 'our contributions', 'contributions this week', 'weekly contributions',
    // What landed from others, as a newsletter lists it ("Recent doc contributions", "Community contributions").
    'recent contributions', 'recent doc contributions', 'community contributions', 'notable contributions', 'new contributions',
    // A feature list in the past participle ("Features implemented", "Implemented").
    'implemented',
    // Versions out in the period, as a newsletter or a report lists them ("Releases", "New releases"):
    // not "Release" alone, a milestone's name ("Release 2.0").
    'releases', 'new releases', 'recent releases', 'latest releases', 'releases this week', 'releases this month',
    // Choices made in the period ("Design Choices", "Key decisions", "Decisions made"): done; not
    // "Decisions" alone, nor those still to take ("Decisions needed").
    'design choices', 'design decisions', 'key decisions', 'decisions made', 'decisions taken',
    // A time sheet of the week's work ("Give rough breakdown of hours", "Time log"; not "Time spent: 12 hours", a figure).
    'breakdown of hours', 'hours breakdown', 'breakdown of time', 'time breakdown', 'time log', 'timesheet', 'hours log',
    // A log of the days gone by ("Daily Work Update", "Daily log", "Work log"): what each day did.
    'daily log', 'daily logs', 'daily work log', 'daily work update', 'daily work updates', 'daily update', 'daily updates', 'work log', 'day by day log',
  ],
  progress: [
    'ongoing', 'doing', 'in flight', 'in progress', 'current', 'currently', 'wip', 'work in progress', 'coming soon', 'what s coming', 'what is coming', 'started', 'active', 'working on', 'working tasks', 'working items', 'progress', 'underway', 'roadmap progress',
    // What was worked on, summed up ("Activity Summary" over each member's bullets): the period's work, not its overview.
    'activity summary', 'activities summary', 'summary of activities',
    // A tracker's log of the period ("Issues progressed": worked on, not closed).
    'progressed', 'issues progressed', 'tasks progressed', 'items progressed', 'tickets progressed', 'stories progressed',
    // Work carried into the next period unfinished ("Moving to Next Sprint", "Carried over", "Spillover"): under way, not planned.
    'carried over', 'carry over', 'carryover', 'carried forward', 'rolled over', 'rollover', 'spillover', 'spill over', 'spilled over',
    'moving to next sprint', 'moved to next sprint', 'moving to the next sprint', 'moved to the next sprint', 'moving into next sprint', 'carrying over',
  ],
  next: [
    'next', 'next steps', 'next action', 'next actions', 'planned', 'plan', 'plans', 'planning', 'upcoming', 'goals', 'goal', 'objectives', 'roadmap',
    'key results', 'todo', 'to do', 'to dos', 'todos', 'this sprint', 'this cycle', 'coming up', 'what s coming up', 'what is coming up', 'what s coming next', 'what is coming next', 'priorities', 'priority', 'action items', 'actionable items', 'actionables', 'action points',
    // Minutes' "Action:", "Actions:" (alone: "GitHub Actions" is a product).
    'action', 'actions',
    // Dates to come ("Schedule:", "Delivery schedule", "A timetable of research").
    'schedule', 'timetable',
    // What the week is to concentrate on ("Focus for the Week", "Weekly focus", "Focus areas").
    'focus', 'focus areas', 'weekly focus', 'focus for the week', 'focus for this week', 'focus for next week', 'this week s focus', 'next week s focus',
    // Not worked on in the period ("Issues not progressed"): still to do.
    'not progressed', 'issues not progressed', 'tasks not progressed', 'items not progressed',
    // What the team aims at now ("Current Goals/Tasks", "Current priorities"): what comes, not work going on.
    'current goals', 'current goal', 'current priorities', 'current objectives', 'current focus', 'current plan', 'current plans',
    // A stand-up's day ahead ("Yesterday / Today / Blockers"): what the writer will do.
    'today', 'tomorrow', 'plan for today', 'plans for today', 'today s plan', 'today s plans', 'plan for tomorrow', 'plans for tomorrow',
    'follow ups', 'followups', 'looking ahead', 'looking forward', 'moving forward', 'going forward', 'week ahead', 'month ahead', 'sprint ahead', 'road ahead', 'what s ahead', 'outlook', 'future work', 'backlog', 'intentions', 'next time', 'try next time',
  ],
  risks: [
    // A retrospective's trouble ("Where we had trouble", "What didn't work", "What went wrong").
    'had trouble', 'trouble', 'troubles', 'what didn t work', 'didn t work', 'do not work', 'does not work', 'don t work', 'doesn t work', 'didn t go well', 'went wrong', 'what went wrong',
    // Trouble said as it stands ("Current issues", "Remaining issues"): not work going on.
    'current issues', 'current problems', 'current challenges', 'current concerns', 'current risks', 'remaining issues', 'outstanding issues',
    'risk', 'risks', 'concern', 'concerns', 'challenges', 'challenge', 'on hold', 'paused', 'problems', 'obstacles', 'lowlights', 'lowlight',
    // What the work does not do yet ("Known limitations", "Caveats").
    'limitations', 'limitation', 'known limitations', 'caveats', 'caveat',
    'difficulties', 'failures', 'setbacks', 'hurdles', 'pitfalls', 'gotchas', 'pain points', 'issues', 'known issues', 'open issues', 'open questions', 'threats', 'issues faced', 'issues found', 'issues reported', 'struggles',
    // What a retrospective says could go better ("What can be improved", "Areas for improvement").
    // What got worse ("Regressions", a performance triage's list): alone; "Regression tests" is work.
    'regressions',
    'can be improved', 'could be improved', 'could go better', 'can go better', 'areas for improvement', 'room for improvement', 'to improve', 'needs improvement',
  ],
  pending: [
    'waiting for merge', 'waiting to be merged', 'waiting for review', 'waiting to be reviewed', 'awaiting merge', 'awaiting review', 'pending merge', 'pending review',
    'in review', 'under review', 'ready for review', 'needs review', 'open prs', 'open pull requests', 'open merge requests', 'prs in review', 'pull requests in review',
  ],
  // Given by the reading of plans said in the past (readLabelText), by no phrase of its own.
  reviewed: [],
  blockers: [
    // What waits on the group's word ("Need Discussion:", "Decisions needed", "Input needed"): held up until it is given.
    'need discussion', 'needs discussion', 'discussion needed', 'need decision', 'needs decision', 'needs a decision', 'decision needed', 'decisions needed', 'input needed', 'need input', 'needs input',
    'current blockers', 'blocked', 'blocker', 'blockers', 'blocking', 'blockage', 'blockages', 'roadblocks', 'roadblock', 'impediments', 'impediment', 'barriers', 'barrier', 'help needed', 'need help', 'needs help', 'help wanted', 'requests for help', 'request for help', 'help requests', 'asks', 'stuck'],
  summary: [
    'summary', 'tl dr', 'tldr', 'overview', 'highlights', 'highlight', 'key updates', 'key points', 'at a glance', 'in brief', 'headlines', 'abstract',
    // The closing words on the week, as the opening ones are ("Conclusion", "Final thoughts").
    'final thoughts', 'closing thoughts', 'final observations', 'conclusion', 'conclusions', 'in conclusion',
  ],
  aside: [
    'acknowledgements', 'acknowledgments', 'acknowledgement', 'acknowledgment', 'thanks', 'special thanks', 'thank you', 'shoutouts', 'shout outs', 'kudos', 'appreciations', 'appreciation', 'gratitude',
    // Insights as learnings are ("Key Learnings / Insights"); not "Cost Insights", a product.
    'learnings', 'key insights', 'learnings / insights', 'learnings & insights', 'learnings and insights', 'insights and learnings', 'insights gained', 'lessons', 'lessons learned', 'lessons learnt', 'what i learned', 'what we learned', 'i learned', 'we learned', 'things learned', 'takeaways', 'reflections',
    // A form's question of how the writer sees the week ("How do you feel about your progress?"): a reflection.
    'feel about', 'how do you feel', 'how i feel', 'how we feel',
    // Who was at the meeting ("Present:", as minutes write it; "In attendance").
    'attendees', 'participants', 'present', 'in attendance', 'attendance', 'attending',
    // A guest's talk at the meeting ("Special Presentation - Mark, Qualcomm"): what others showed, not the team's work.
    'guest presentation', 'special presentation', 'guest presentations', 'guest speaker', 'guest speakers', 'guest talk',
    'resources', 'links', 'useful links', 'relevant links', 'related links', 'relevant resources', 'related resources', 'helpful links', 'helpful resources', 'bookmarks', 'references', 'further reading', 'reading list', 'reading log', 'papers read', 'book club', 'reading group', 'journal club', 'metrics', 'stats', 'statistics', 'kpis',
    // Money: what was spent or raised, reported, not work done.
    'budget', 'budgets', 'expenses', 'expenditure', 'expenditures', 'spending', 'finances', 'financials', 'costs', 'income', 'revenue', 'donations',
    // What the writer asks or was told (a student's questions for a supervisor, the feedback received).
    'questions', 'feedback', 'request for feedback', 'requests for feedback', 'request for community feedback', 'call for feedback', 'feedback requested', 'feedback wanted',
    // A meeting's own business ("Announcements", "Open discussion", "Any other business").
    'announcements', 'open discussion', 'any other business', 'aob',
    // What others around the project made or said, as a newsletter gathers it ("Community
    // Spotlight", "Community content", "Around the community", "On the forums"): not the team's work.
    'spotlight', 'community spotlight', 'community content', 'around the community', 'from the community', 'on the forums', 'from the forums', 'interesting discussions',
    // What the writer reminds the readers of ("Reminders:", "Friendly reminder"): the team's housekeeping, no work.
    'reminders', 'reminder', 'friendly reminder', 'friendly reminders',
    // The closing words, and how the meeting is held ("Closing remarks", "Goodbye", "Meeting information").
    'closing remarks', 'closing words', 'goodbye', 'farewell', 'outro', 'meeting information', 'meeting info', 'meeting details',
    // What others around the project did or told ("Community news").
    'community news',
    'notes', 'remarks', 'ps', 'p s', 'postscript', 'agenda', 'meeting agenda', 'meeting notes', 'meeting minutes', 'minutes', 'meeting', 'meetings', 'discussion points', 'discussion topics', 'topics discussed', 'appendix', 'glossary', 'acronyms', 'abbreviations', 'contributors', 'credits', 'photos', 'screenshots', 'evidence', 'faq',
    // What the work was done with, and who is in the team: reference, no news ("Tech stack", "Group members").
    'tech stack', 'stack', 'group members', 'team members', 'roster', 'technologies used', 'technologies i used', 'tools used', 'tools i used', 'built with',
    // Ideas not taken up ("Ideas that we had but didn't get to"), a wish list.
    'ideas', 'wish list', 'wishlist',
    // How the team feels, rated or told ("Team Mood", "Morale"): no work. Nor what a retrospective
    // says went well ("What worked", "What went well").
    'mood', 'morale', 'feeling', 'feelings', 'what worked', 'went well', 'what went well',
    // The writer's thoughts on the week ("What was on my mind").
    'on my mind',
    'shout out', 'shout outs', 'shoutout',
    'introduction', 'intro', 'why it matters', 'motivation', 'rationale',
    // Code shown, not work told ("Code Snippets").
    'code snippets', 'snippets',
    'background', 'context', 'preview', 'demo video', 'connect with me', 'contact', 'about me', 'about', 'description',
    'call for participation', 'call for contributors',
    ...CALL_PHRASES,
    'issue of the week', 'good first issues', 'good first issue',
    // What others said of the work: press, testimonials, mentions.
    'press', 'testimonials', 'press coverage', 'media coverage', 'in the press', 'in the news', 'mentions',
    // Who pays for the work, thanked: not work either.
    'sponsors', 'sponsor', 'sponsorship', 'supporters', 'funding', 'funders',
    // Who, not what: the people a part or a meeting has.
    'lead', 'leads', 'owner', 'owners', 'assignee', 'assignees', 'members', 'notetaker', 'note taker', 'facilitator', 'point of contact',
    // And how the meeting ran: who chaired and took notes, its quorum, when and how long, its recording.
    'secretary', 'scribe', 'scribes', 'chair', 'chairs', 'moderator', 'moderators', 'quorum', 'confirm quorum', 'roll call', 'approval of minutes',
    'meeting date time', 'meeting duration', 'duration', 'meeting link', 'meeting location', 'recording', 'audio video of the meeting', 'video of the meeting',
    // Who sent apologies or regrets to a meeting: who is away, no work.
    'apologies', 'regrets',
    // Jobs offered ("Open roles", "We're hiring"): a call to the reader, no work.
    'open roles', 'we re hiring', 'we are hiring', 'job openings', 'open positions', 'careers', 'join our team',
    // Who is away when ("Planned absences", "Time off", "Holidays"): no work, planned or done.
    'absences', 'absence', 'planned absences', 'planned absence', 'time off', 'planned leave', 'leave', 'holidays', 'vacations', 'out of office', 'ooo',
    // The writer's life beside the work, as weeknotes keep it ("Personal", "Not the job").
    'personal', 'personal news', 'personal life', 'not the job',
  ],
};

/** Words that say when, whose or how much: they frame a label without naming anything. */
const FILLER = new Set(
  (
    'this that these the a an our my i we us me you your their its it s for of and or & / to in on at by with from about so far ' +
    'week weeks weekly sprint sprints month months monthly period cycle quarter year years yearly annual draft day days fortnight today potential possible optional additional further misc miscellaneous extra various assorted random ' +
    'key main major high level top big small overall general quick brief short executive team teams project projects ' +
    'how what which where why when them they am was were is are be been has have had will would should could did do does since ' +
    'items item work tasks task activities activity things list some all important notable any other more new up out over overcame handled faced encountered addressed ' +
    'last past previous prior upcoming coming following future milestone milestones epic epics deliverable deliverables anticipated date dates give rough detailed ' +
    // How many ("Five things that happened", "Three things I learned").
    'one two three four five six seven eight nine ten few couple ' +
    // Words that greet or announce what the section lists ("Welcoming new sponsors", "Meet our new contributors").
    'welcome welcoming meet introducing announcing'
  ).split(' '),
);

/** A label says what a section holds in a few words, never a sentence. */
const MAX_LABEL_WORDS = 8;
/**
 * Or it asks it, as a stand-up's questions do ("What did I work on / complete?", "What tasks
 * are blocked waiting on another team member?"): a question set as a heading or in bold, its
 * phrase with up to three other words.
 */
const QUESTION = /^(?:\W*\d+[.)]\s*)?\W*(?:what|which|how|where|who|any|anything|did|do|does|are|is|was|were|have|has|will)\b[^?]*\?\W*$/i;
const MAX_QUESTION_WORDS = 12;

const PHRASES: Array<{ words: string[]; kind: LabelKind }> = Object.entries(VOCABULARY)
  .flatMap(([kind, phrases]) => phrases.map((p) => ({ words: p.split(' '), kind: kind as LabelKind })))
  .sort((a, b) => b.words.length - a.words.length);

/**
 * PHRASES by first word, each list in PHRASES' order (issue 19: the scan of every phrase at
 * every word of every label was a tenth of the reading's time).
 */
const PHRASES_BY_FIRST = new Map<string, Array<{ words: string[]; kind: LabelKind; order: number }>>();
PHRASES.forEach((p, order) => {
  const list = PHRASES_BY_FIRST.get(p.words[0]!) ?? [];
  list.push({ ...p, order });
  PHRASES_BY_FIRST.set(p.words[0]!, list);
});

/**
 * The first of `phrases` (the longest: they are sorted so) whose words are the tokens from `at`
 * on, each in the singular or the plural (sameWord).
 */
function phraseAt(tokens: string[], at: number, phrases: ReadonlyArray<{ words: string[]; kind: LabelKind }> = PHRASES): { words: string[]; kind: LabelKind } | undefined {
  const matches = (p: { words: string[] }) => p.words.every((w, i) => sameWord(tokens[at + i], w));
  if (phrases !== PHRASES) return phrases.find(matches);
  const token = tokens[at];
  if (token === undefined) return undefined;
  // The first words sameWord can match this token with: itself, its singular, its plural.
  const firsts = [token, `${token}s`, ...(token.endsWith('s') ? [token.slice(0, -1)] : [])];
  const candidates = firsts.flatMap((w) => PHRASES_BY_FIRST.get(w) ?? []);
  if (firsts.filter((w) => PHRASES_BY_FIRST.has(w)).length > 1) candidates.sort((a, b) => a.order - b.order);
  return candidates.find(matches);
}

/** Lowercase words of a label: markup, emoji (`:tada:` too), numbers and punctuation aside; `week's` → `week s`. */
export function labelTokens(text: string): string[] {
  // Other languages' label words as English ones (locales.ts): "Próximos pasos", "下周计划".
  const words = fold(readUnspaced(text.toLowerCase()))
    // An emoji written as a shortcode (`:white_check_mark: Done`), like the emoji itself, is no word;
    // so is one whose closing colon a heading's trailing colon took (`## Notes :book:` → "Notes :book").
    .replace(/(^|\s):[a-z0-9_+-]+:?(?=\s|$)/g, ' ')
    .replace(/[’‘`]/g, "'")
    .replace(/tl;\s*dr/g, 'tl dr')
    .replace(/([&/])/g, ' $1 ')
    .replace(/\([^)]*\)/g, ' ')
    .replace(/[^a-z0-9&/'\p{Script=Cyrillic}]+/gu, ' ')
    .replace(/'/g, ' ')
    .split(' ')
    .filter((w) => w !== '' && !/^\d+$/.test(w));
  return englishWords(words);
}

// Words that label only as written and alone, or with words of when: "Releases" lists versions
// out, but "Release 2.0" is a milestone and "Releases WG" a group; "Actions:" in minutes labels
// what comes, "GitHub Actions" is a product (sameWord, namedAlone).
const STRICT_WORDS = new Set(['releases', 'action', 'actions', 'regressions']);

/** A vocabulary word in the singular or the plural ("Cycle Objective(s)" → objective, like "objectives"). */
function sameWord(token: string | undefined, word: string): boolean {
  if (STRICT_WORDS.has(word)) return token === word;
  return token === word || token === `${word}s` || (word.length > 3 && word.endsWith('s') && token === word.slice(0, -1));
}

export interface LabelReading {
  kind: LabelKind;
  /** The phrase that decided it, as a reader would quote it. */
  phrase: string;
}

export interface LabelOptions {
  /** Extra phrases → kind (teams.yaml `reading.kinds`), matched like the vocabulary. */
  extra?: Readonly<Record<string, ReportedKind>>;
  /**
   * What "this week" / "this month" means in this document: `next` where the same report also
   * has a "last week" label (a period pair: what was done, what comes), else `achieved`.
   */
  thisPeriod?: 'next' | 'achieved';
  /** A lead-in before content (`Done: …`): every word must be vocabulary or filler. */
  leadIn?: boolean;
}

/**
 * Readings of the vocabulary alone (no team-added phrases), by options and text: a team's
 * headings and lead-ins recur week after week, and the reading is a pure function of them.
 * Bounded; a fresh object each time (callers may keep it).
 */
const readings = new Map<string, LabelReading | undefined>();
const MOST_READINGS = 20_000;

/** The kind a label names, or undefined when the text is not a label (a part's name, a sentence). */
export function readLabel(text: string, options: LabelOptions = {}): LabelReading | undefined {
  if (options.extra && Object.keys(options.extra).length > 0) return namedAlone(text, readLabelText(text, options));
  const key = `${options.leadIn ? 'l' : ''}${options.thisPeriod ?? ''}\0${text}`;
  let reading = readings.get(key);
  if (reading === undefined && !readings.has(key)) {
    if (readings.size >= MOST_READINGS) readings.clear();
    reading = namedAlone(text, readLabelText(text, options));
    readings.set(key, reading);
  }
  return reading && { ...reading };
}

const WHEN_WORDS = new Set(['new', 'recent', 'latest', 'this', 'last', 'week', 'month', 'sprint', 's']);
/** A reading by a strict word, kept only when the label is that word alone or with words of when ("New releases this month"; not "Releases team"). */
function namedAlone(text: string, reading: LabelReading | undefined): LabelReading | undefined {
  const words = reading?.phrase.split(' ') ?? [];
  // Only a phrase of strict words (and words of when): "Action items" and "Last week" label as any.
  if (!reading || !words.some((w) => STRICT_WORDS.has(w)) || !words.every((w) => STRICT_WORDS.has(w) || WHEN_WORDS.has(w))) return reading;
  return labelTokens(text).every((w) => STRICT_WORDS.has(w) || WHEN_WORDS.has(w)) ? reading : undefined;
}

/** The aside's phrases of how the writer feels ("How do you feel about your progress?"): a reflection, whatever it is about. */
const FEELING = /\bfeel\b/;

/** Words of how, not what ("What I actually did this week"): they frame a label without a word of its own. */
const HOW = new Set(['actually', 'really', 'finally', 'mainly', 'primarily', 'recently', 'basically', 'honestly', 'personally', 'roughly', 'successfully']);

function readLabelText(text: string, options: LabelOptions): LabelReading | undefined {
  // A label, a dash, then what it is about ("Next week (Week 15) — UI, chain, wiring",
  // "Blockers - waiting on the vendor"): the label's.
  const dashed = options.leadIn ? undefined : /^(.{2,60}?)\s+[—–-]\s+\S/.exec(text);
  const head = dashed ? readLabelText(dashed[1]!, options) : undefined;
  if (head && head.kind !== 'aside' && head.kind !== 'summary') return head;
  const tokens = labelTokens(text).filter((w) => !HOW.has(w));
  const question = !options.leadIn && QUESTION.test(text.trim());
  // Counted without the words that only join ("Blocks or impediments to the plan for next week"
  // is five words), up to a question's length in all; not across a sentence's end ("Thanks to my
  // sponsors… could you be the next?").
  const joining = !question && !/[.…!?;]\s*\S/.test(text.trim());
  if (tokens.length === 0 || tokens.length > MAX_QUESTION_WORDS || tokens.filter((w) => !joining || !FILLER.has(w)).length > (question ? MAX_QUESTION_WORDS : MAX_LABEL_WORDS)) return undefined;
  const extra = options.extra ? Object.entries(options.extra).map(([p, kind]) => ({ words: labelTokens(p), kind: kind as LabelKind })) : [];
  const phrases = extra.length > 0 ? [...extra, ...PHRASES].sort((a, b) => b.words.length - a.words.length) : PHRASES;
  const used = new Array<boolean>(tokens.length).fill(false);
  let best: { at: number; length: number; kind: LabelKind; phrase: string } | undefined;
  const kinds = new Set<LabelKind>();
  const consider = (at: number, length: number, kind: LabelKind, period = false) => {
    kinds.add(kind);
    for (let i = at; i < at + length; i++) used[i] = true;
    // Phrases come left to right, each the longest at its place: the first wins, but an aside
    // named with work ("Questions and blockers", "Notes & next steps"), or a summary of work
    // ("Summary of work done", "Overview of accomplishments"), holds that work: the work's kind
    // wins. Not a period ("Contributors this week"), nor how the writer feels about the work ("How
    // do you feel about your progress?"): a reflection.
    const named = (best?.kind === 'aside' && !FEELING.test(best.phrase)) || (best?.kind === 'summary' && tokens[best.at + best.length] === 'of');
    const outranks = best !== undefined && named && kind !== 'aside' && kind !== 'summary' && !period;
    if (!best || outranks) best = { at, length, kind, phrase: tokens.slice(at, at + length).join(' ') };
  };
  for (let at = 0; at < tokens.length; at++) {
    if (used[at]) continue;
    const found = phraseAt(tokens, at, phrases);
    if (found) {
      // A day alone ("Here's how you can help today", "Notes for today") says when, as a period does.
      consider(at, found.words.length, found.kind, found.words.length === 1 && /^(?:today|tomorrow|yesterday)$/.test(found.words[0]!));
      at += found.words.length - 1;
    } else if (tokens[at] === 'this' && /^(?:week|month|period|fortnight)$/.test(tokens[at + 1] ?? '') && (tokens.length === 2 || tokens.slice(2).every((w) => FILLER.has(w)))) {
      // "This week" alone: a period label whose meaning depends on the report (see thisPeriod).
      consider(at, 2, options.thisPeriod ?? 'achieved', true);
      at += 1;
    }
  }
  if (!best) return undefined;
  // Things the period changed, named ("Updated apps", "Archived apps"): done (below).
  const brought = options.leadIn || question ? undefined : broughtList(tokens);
  // A question of what blocks ("What issues (if any) are blocking your progress?"): blockers, though "issues" comes first.
  if (question && best.kind === 'risks' && kinds.has('blockers')) best = { ...best, kind: 'blockers' };
  // A question that offers states to choose from ("Is the project still in progress / launched /
  // complete?") asks how the work stands: its answer is no work of one kind.
  if (question && kinds.size >= 2 && isChoice(text)) return undefined;
  // "To team leads: please…" addresses someone; it names no section.
  if (tokens[0] === 'to' && best.at > 0) return undefined;
  const others = tokens.filter((w, i) => !used[i] && !FILLER.has(w));
  // A summary or aside label is nothing but its phrase ("Key Learnings"); "Monitoring and Metrics" names a part.
  // Highlights said of something ("Publicly Engaging Highlights", "Research Highlights") are still
  // the report's highlights: the summary word last, after at most two others.
  const summaryLast = best.kind === 'summary' && best.at + best.phrase.split(' ').length === tokens.length;
  const reported = best.kind !== 'summary' && best.kind !== 'aside';
  // So is an aside of two words or more said of something, its phrase last, one word before it
  // and no "and" between ("Dev Book Club"); "Machine Learning", "Monitoring and Metrics" name parts.
  // A day after it says when ("Here's how you can help today").
  const end = /^(?:today|tomorrow)$/.test(tokens[tokens.length - 1] ?? '') ? tokens.length - 1 : tokens.length;
  const asideLast = best.kind === 'aside' && best.phrase.includes(' ') && best.at + best.phrase.split(' ').length === end && !tokens.some((w) => w === 'and' || w === '&' || w === '/');
  // Figures said of one thing ("PR stats", "Weekly metrics"), as a heading or a lead-in: the
  // figures, an aside.
  if (best.kind === 'aside' && FIGURES.has(best.phrase) && tokens.length === 2 && best.at === 1) return { kind: best.kind, phrase: best.phrase };
  // A changelog's participle is a label alone ("Added", "Added and improved"); with a word of
  // what ("Added faqs", "Improved UX") it is the work itself.
  // Not so with a plural of what came ("Updated apps", "Archived and removed apps"): a list of them.
  if (PARTICIPLES_ALONE.has(best.phrase) && brought === undefined && tokens.some((w) => !FILLER.has(w) && !PARTICIPLES_ALONE.has(w))) return undefined;
  // Thanks addressed to someone ("Shout-out to Systers", "Shout outs to great work", "Kudos to the
  // docs team"): an aside, whatever it names after.
  const thanked = best.kind === 'aside' && best.at === 0 && tokens[best.phrase.split(' ').length] === 'to' && /^(?:thanks|thank you|special thanks|kudos|shout outs?|shoutout|appreciations?)$/.test(best.phrase);
  if (thanked) return { kind: best.kind, phrase: best.phrase };
  // People named with their work or news ("Contributor Work", "Member updates") head that work, no aside.
  if (best.kind === 'aside' && !FEELING.test(best.phrase) && tokens.some((w) => (w === 'work' || w === 'updates' || w === 'update' || w === 'news' || w === 'progress') && !best!.phrase.split(' ').includes(w))) return undefined;
  // "Notes" heads a section of remarks; "Note: #3363 is blocked…" only stresses what it says.
  // So does "Meeting:" before what it was ("Meeting: doing a walk-through of the protocol"): work of the week.
  if (options.leadIn && /^(?:notes?|remarks?|meetings?)$/.test(best.phrase)) return undefined;
  // A call to the reader, first, says what the section is whatever it names after ("Join us on
  // Matrix Chat", "Donate to Redox", "Get involved with Wagtail").
  const calling = !options.leadIn && best.kind === 'aside' && best.at === 0 && CALLS.has(best.phrase);
  // Work's kind first, then what it is about ("Next steps for actions and views", "Blockers on
  // the data migration"): the label of a section on that topic.
  // So is one whose kind's word comes second, after another word joined to it ("Blocks or
  // impediments to the plan for next week"): the two name one kind.
  const joined = best.at === 2 && /^(?:or|and|&|\/)$/.test(tokens[1] ?? '');
  const about = reported && (best.at === 0 || joined) && /^(?:for|on|about|in|with|to)$/.test(tokens[best.at + best.phrase.split(' ').length] ?? '');
  // Or said as one of two states ("Closed or worked related to:", "Merged or in review"): the first.
  const either = reported && best.at === 0 && tokens[best.phrase.split(' ').length] === 'or';
  // So is a meeting's business or a list of references said first, then what it is for ("Agenda
  // for Sprint 16 Demo", "Resources for new contributors", "Notes from the planning meeting").
  const aboutAside = best.kind === 'aside' && best.at === 0 && !options.leadIn && /^(?:for|on|about|from|of)$/.test(tokens[best.phrase.split(' ').length] ?? '');
  // A label that ends on the period to come ("Preparations before next week", "Things to do
  // next sprint", "Focus for the next month"): what comes, whatever it calls it.
  const comingLast = best.kind === 'next' && best.phrase === 'next' && best.at >= 1 && best.at + 2 === tokens.length && tokens.length <= 5 && /^(?:week|sprint|month|cycle|iteration|meeting|quarter|period|fortnight)$/.test(tokens[best.at + 1] ?? '');
  if (comingLast && !question) return { kind: 'next', phrase: best.phrase };
  // How the writer feels, about whatever it is ("How do you feel about your progress?"): a reflection.
  const feeling = best.kind === 'aside' && FEELING.test(best.phrase) && !options.leadIn;
  const allowed = calling || feeling ? MAX_LABEL_WORDS : options.leadIn ? 0 : summaryLast ? 2 : asideLast ? 1 : aboutAside ? 4 : !reported ? 0 : question ? 3 : about ? 4 : either ? 3 : 1;
  if (others.length > allowed) return undefined;
  // "In review" opening a label is how work stands ("In Review:", "In review (3)"); after what it
  // looks back on it is a look back ("Week ten in review", "2023 in review"): no label of its own.
  if (best.kind === 'pending' && best.phrase === 'in review' && best.at > 0) return undefined;
  // A retrospective named with its action items ("Weekly Retro and Action Items", "Retro and
  // action points"): what it lists is the actions, to do.
  if ((best.phrase === 'retro' || best.phrase === 'retrospective') && kinds.has('next') && tokens.some((w) => w === 'action' || w === 'actions')) return { kind: 'next', phrase: best.phrase };
  // A plan said in the past ("What I had planned to do this week", "Last week's goals",
  // "Previous sprint goals"): what was planned for the period just ended, reviewed, not what
  // comes. Its items are that period's news (ticked ones done).
  // Plans said done ("Completed Goals", "Goals completed", "Objectives achieved"): done.
  if (tokens.some((w, i) => PLAN_WORDS.has(w) && (PLAN_DONE.has(tokens[i - 1] ?? '') || PLAN_DONE.has(tokens[i + 1] ?? '')))) return { kind: 'achieved', phrase: best.phrase };
  const pastPlan = (best.kind === 'next' && tokens.some((w) => PAST_MARKERS.has(w))) || (best.kind === 'achieved' && kinds.has('next') && tokens.some((w) => PLAN_WORDS.has(w)));
  if (pastPlan) return { kind: 'reviewed', phrase: best.phrase };
  // What would stand in the way of what comes ("Blocks or impediments to the plan for next week",
  // "Blockers for the upcoming release"): not met yet, foreseen: risks.
  if (best.kind === 'blockers' && /\b(?:to|for|in)\s+(?:the\s+|our\s+|my\s+)?(?:plan|plans|next|upcoming|coming|future)\b/i.test(text)) return { kind: 'risks', phrase: best.phrase };
  // Plans looked back on ("Backlog Review", "Roadmap status", "Goals review"): how each stands,
  // each item by its own words (done, going on), not what comes.
  if (best.kind === 'next' && tokens.slice(best.at + best.phrase.split(' ').length).some((w) => /^(?:reviews?|status|recap|check[- ]?in|retrospective)$/.test(w))) return { kind: 'progress', phrase: best.phrase };
  // Work that will be done ("What we're doing next", "What I'll be working on"): what comes.
  // Not work of the day ("Working on today"): that goes on.
  if ((best.phrase === 'doing' || best.phrase === 'working on') && ((kinds.has('next') && !tokens.includes('today')) || tokens.some((w) => w === 'will' || w === 'll' || w === 'going'))) return { kind: 'next', phrase: best.phrase };
  // Done as an aim ("Tasks to complete", "When is your project scheduled to complete?",
  // "Expected results"): what comes.
  // So is done "to be" ("Milestones to be completed next week").
  if (best.kind === 'achieved' && (tokens[best.at - 1] === 'to' || (tokens[best.at - 1] === 'be' && tokens[best.at - 2] === 'to') || /^(?:expected|target|targeted|desired|intended|planned|proposed|possible|potential)$/.test(tokens[best.at - 1] ?? ''))) return { kind: 'next', phrase: best.phrase };
  return { kind: best.kind, phrase: best.phrase };
}

/**
 * A form's question or request, written as a heading: a question ("Is the project on track? \*",
 * "If you answered No, what are the issues or blockages you are having?", "How large is your
 * community? We are interested in… (optional)") or a request ("Please provide details about the
 * work you have delivered since the last report", "Describe your plans", "If you answered 'Link',
 * please add the links here"). It names no part.
 */
export function isFormPrompt(text: string): boolean {
  const t = text.replace(/\s+/g, ' ').trim();
  return FORM_QUESTION.test(t) || FORM_REQUEST.test(t);
}
const FORM_QUESTION = /^(?:\W*\d+[.)]\s*)?\W*(?:what|which|how|where|when|who|why|any|anything|did|do|does|are|is|was|were|have|has|will|would|could|can|should|if)\b[^?]{0,300}\?(?:\s*(?:\*+|\([^)]*\)))*(?:\s+[^?]{0,400})?$/i;
const FORM_REQUEST = /^(?:\W*\d+[.)]\s*)?\W*(?:please|kindly|briefly|describe|explain|list|provide|share|summari[sz]e|tell us|give us|give (?:a |an |the )?(?:rough |brief |short )?(?:breakdown|summary|overview|list)|outline)\b\s+\S+(?:\s+\S+){2,}|^[^.?!]{0,120}\bplease\s+(?:provide|add|list|describe|explain|share|give|include|enter|check|tell|summari[sz]e)\b/i;

/** A question that offers states to choose from, outside its brackets ("Is it in progress / launched / complete?"). */
function isChoice(text: string): boolean {
  return /\w\s*\/\s*\w/.test(text.replace(/\([^)]*\)/g, ' '));
}

/**
 * The kind of work a form's question or request asks for (`isFormPrompt`), by its words, the most
 * pressing first: what blocks ("issues or blockages"), what may go wrong, what comes ("in the
 * next 30 days", "what will you do"), what was done ("delivered since last report", "what did
 * you accomplish"); then one about something else ("a brief explanation of the evidence"):
 * aside. Not what goes on: in a question its words describe ("How large is your community? We
 * are interested in active communities"). Undefined: it asks about the report (a project ID,
 * "Is the project on track?").
 */
export function promptKind(text: string): LabelKind | undefined {
  const tokens = labelTokens(text);
  const found = new Set<LabelKind>();
  for (let at = 0; at < tokens.length; at++) {
    const phrase = phraseAt(tokens, at);
    if (!phrase) continue;
    found.add(phrase.kind);
    at += phrase.words.length - 1;
  }
  if (/\b(?:will|going to|plan(?:s|ned|ning)?|intend|next|upcoming|coming|to be (?:completed|done|finished|delivered|met)|anticipated)\b/i.test(text)) found.add('next');
  if (/\bdid\b[^?.]*\b(?:do|work|complete|accomplish|achieve|deliver|finish)\b|\bhave you (?:done|completed|delivered|achieved|finished)\b/i.test(text)) found.add('achieved');
  // A choice between states ("Is the project still in progress / launched / complete?") asks how it stands: no kind.
  const kinds = [...found].filter((k) => k !== 'aside' && k !== 'summary');
  if (kinds.length >= 2 && isChoice(text)) return undefined;
  return (['blockers', 'risks', 'next', 'achieved', 'aside', 'summary'] as const).find((kind) => found.has(kind));
}

/** Words of figures: one word of what they count may come before them ("PR stats"). */
const FIGURES = new Set(['stats', 'statistics', 'metrics', 'kpis']);

/** Calls to the reader that head a section of their own, whatever they name after (see readLabelText). */
const CALLS = new Set(CALL_PHRASES);

/** Words that put a plan in the past. */
const PAST_MARKERS = new Set(['had', 'was', 'were', 'last', 'previous', 'prior', 'past']);
/** Words of a plan (not "next": "Last week / next week" is a period pair). */
const PLAN_WORDS = new Set(['plan', 'plans', 'planned', 'goal', 'goals', 'objective', 'objectives', 'priorities', 'intentions']);
/** Words that say a plan was carried out, next to its plan word ("Completed Goals", "Goals met"). */
const PLAN_DONE = new Set(['completed', 'achieved', 'accomplished', 'finished', 'done', 'met', 'reached', 'delivered']);


/** A label that is only its phrase, no filler and no other word ("Ongoing", "Next steps", "Done"; not "merged the general FAQ"). */
export function isLabelPhrase(text: string): boolean {
  const read = readLabel(text, { leadIn: true });
  return read !== undefined && labelTokens(text).length === read.phrase.split(' ').length;
}

/** Whether a report uses "last week"-style period labels (then "this week" is what comes next). */
export function hasLastPeriodLabel(source: string): boolean {
  // Its own words a line, or a lead-in with a figure after it ("Last Week: Velocity: 8 tasks / week").
  return /^[ \t>]*(?:[-*+][ \t]+|#{1,6}[ \t]+)?[_*]*(?:last|past|previous) (?:week|sprint|month|cycle)\b(?:[^\n]{0,20}|[_*]*\s*[:：][^\n.!?]{0,40})$/im.test(source);
}

/**
 * What an unlabelled item's own sentence says it is, when it says: "Finished the survey",
 * "Merged #12" → achieved; "Will write the spec", "Plan to…" → next; "Blocked on…" → blockers.
 * Only the opening words count, and only verbs that leave no doubt; anything else stays
 * `progress` (news under its part, as written).
 */
// Things done, said in the past: the work is over ("Reviewed the PR", "Wrote the spec"). Not
// "Started", "Worked on", "Continued", "Discussed", "Investigated": the work goes on.
const DONE_VERBS =
  'finished|completed|complete|succeeded|merged|shipped|released|delivered|launched|published|deployed|landed|closed|resolved|fixed|implemented|added|achieved|wrapped up|done|' +
  'defined|clarified|outlined|formali[sz]ed|solved|' +
  'reviewed|wrote|rewrote|built|rebuilt|created|updated|upgraded|migrated|removed|deprecated|improved|refactored|tested|verified|validated|documented|integrated|configured|installed|' +
  'presented|submitted|performed|sent|prepared(?! to\\b)|drafted|designed|introduced|replaced|ran(?! out\\b)|held(?! up\\b)|gave|hosted|co-hosted|organi[sz]ed|co-organi[sz]ed|hired|onboarded|benchmarked|enabled|upstreamed|announced|' +
  'reached|grew|revamped|refined|redesigned|overhauled|streamlined|simplified|secured|won|signed|expanded|established|formed|founded|conducted|recruited|passed|obtained|received|' +
  'adjusted|tweaked|changed|reworked|cleaned up|converted|reverted|ported|unified|bumped|optimi[sz]ed|corrected|extended|restored|renamed|moved|imported|enhanced|increased|' +
  'issued|developed|hardened|moderni[sz]ed|randomi[sz]ed|reimplemented|re-implemented|re-enabled|reenabled|stopped|switched|eliminated|shrank|sped up|exposed|wired up|hooked up|' +
  'made(?! (?:(?:some|good|great|little|slow|steady|more|further|significant|much)\\s+)?(?:progress|headway|strides)\\b)';
/** Verbs of a change in the present, as a changelog line or a pull request's description opens ("Fixes…", "Adds…"). */
const CHANGE_VERBS =
  'fixes|adds|removes|improves|updates|introduces|implements|refactors|replaces|reverts|re-lands|relands|renames|bumps|upgrades|corrects|deprecates|' +
  'simplifies|cleans up|migrates|speeds up|optimi[sz]es|exposes|restores|ports|hardens|unifies|re-enables|reenables|rewrites|reworks|tweaks|adjusts';
// After a subject, only verbs ("Almost done!" is no subject and its verb), and none that a
// thing does by itself ("The queue grew", "Memory reached 90 %", "The deadline passed"): those
// open a sentence only as what the writer did ("Reached 150 ambassadors").
const SUBJECT_VERBS = DONE_VERBS.replace(/\|done\||\|complete\|/g, '|').replace(/\|(?:reached|grew|passed|received|increased)(?=\||$)/g, '');
// A character of the first sentence: a full stop ends it only before a space or the end
// (`cordova-ios@6.1.1 was released`).
const SENTENCE = String.raw`(?:[^.;]|\.(?=\S))`;
// The same verbs after "has been" / "have been" ("A page has been created", "The fix has been
// merged"): written, built, sent, held, given as participles; and what is only said of a thing
// done to it ("The certificate has been renewed", "The old server was decommissioned").
const DONE_PARTICIPLES =
  // Not "made": "Progress has been made" is no work done.
  SUBJECT_VERBS.replace(/\|made\(\?!.*$/, '').replace('|wrote|rewrote|', '|written|rewritten|').replace('|ran(?! out\\b)|held(?! up\\b)|gave|', '|held|given|').replace('|sent|', '|sent|made live|') +
  '|ended|concluded|renewed|decommissioned|provisioned|archived|renamed|moved|switched|rolled out|set up|finali[sz]ed|approved|accepted|signed|translated|uploaded|restored|patched|rotated|backported|recorded';
// A word that says how it was done ("has been publicly presented", "was successfully
// deployed"), not that it was done only in part, by mistake, or again and again ("has been
// regularly reviewed": the work goes on).
const ADVERB = String.raw`(?:(?!(?:partially|partly|mostly|largely|nearly|barely|only|mistakenly|accidentally|incorrectly|wrongly|erroneously|regularly|continuously|constantly|periodically|repeatedly|usually|frequently|occasionally|rarely)\b)(?:now|(?:more\s+|much\s+)?\w+ly)\s+)?`;
// Not what a thing is for ("was designed to scale") nor a task filed ("was added to the backlog").
const NOT_FOR = String.raw`(?!(?<=designed|built|made)\s+to\b)(?!\s+to\s+(?:the\s+|our\s+)?(?:backlog|roadmap|todo|to-do|list|queue|plan|agenda)\b)`;
// Words that open a sentence without being who did it ("Also fixed…", "Nothing merged…").
const NOT_SUBJECT = String.raw`(?:${anyCase('the a an this that these those our my its no not never nothing none nobody almost nearly also just still first last recently newly fully partially initially once then now already previously previous current all some many most each every both several'.replaceAll(' ', '|'))}|\w+ly)\b`;
/** A day or a month named. */
const WHEN_WORD = String.raw`(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december)\b`;

/** Alternatives (`a|b c`) that match with their first letter in either case. */
function anyCase(alternatives: string): string {
  return alternatives
    .split('|')
    .map((w) => `[${w[0]!.toUpperCase()}${w[0]}]${w.slice(1)}`)
    .join('|');
}
// Words that tie a noun to what follows: "Support for signed commits" is a title, not who signed.
const PREPOSITION = 'for|of|in|on|at|to|with|from|by|about|into|over|under|after|before|between|against|via|without';
// A word that opens a clause, not a name ("With this done, …", "Once merged, …"), in either case.
const CLAUSE_OPENER = `(?:${anyCase(`${PREPOSITION}|with|when|once|if|as|while|because|since|until|unless|though|although|whether|how|why|what|where|who|which`)})`;
// Words that say a thing is not done, or not all of it ("almost done", "WIP done", "not yet merged").
const NOT_ALL_DONE = `(?:${anyCase('not|yet to|to be|in progress|ongoing|underway|wip|working on|still|remaining|pending|almost|nearly|partly|partially')})`;
// A word of a thing's name in a headline: not a word that makes it a clause ("Tests are written",
// "Still to be merged", "Nothing was deployed", "I started the challenge given to me").
const NAME_WORD = String.raw`(?!(?:is|are|was|were|be|been|being|has|have|had|will|would|should|could|can|may|might|must|not|never|to|need|needs|still|yet|nothing|none|no|I|[Ww]e|[Hh]e|[Ss]he|[Tt]hey|[Yy]ou|[Ii]t)\b)[A-Za-z0-9][\w./+#-]*`;
// Verbs in the past that say a week's activity took place, by the writer, with no subject or
// "we"/"I": done, as a week's report tells it ("Discussed project clarification with the client",
// "Studied the transfer example and traced its lifecycle", "We met with the service owner"); not
// when the sentence says it goes on ("Investigated the problem, still waiting for a reply").
// Other subjects stay out (NOT_DONE_ED: "The council discussed RFC 12", "The post helped me").
const ACTIVITY_VERBS = 'discussed|investigated|explored|researched|studied|debugged|helped|assisted|participated|attended|visited|talked|chatted|synced|brainstormed|interviewed|collaborated|coordinated|analy[sz]ed|evaluated|assessed|prototyped|met with|met up with|split up|plugged in';
const ACTIVITY = new RegExp(`^(?:(?:we|i)\\s+(?:also\\s+|then\\s+|first\\s+)?)?${ADVERB}(?:${ACTIVITY_VERBS})\\b(?!${SENTENCE}*?\\b(?:still|waiting|ongoing|in progress|continu[a-z]*|not yet)\\b)`, 'i');
/** Whether a line opens on a week's activity done (ACTIVITY_VERBS): a meeting, a study, a search. */
export function toldAsActivity(text: string): boolean {
  return ACTIVITY.test(sentenceBody(text));
}
// Verbs in the past that say the work goes on, was only tried or planned, or happened to the
// team: no work done.
const NOT_DONE_ED = String.raw`(?:[Ss]tarted|[Ii]nitiated|[Cc]ommenced|[Cc]ontinued|[Ww]orked|[Dd]iscussed|[Ii]nvestigated|[Ee]xplored|[Rr]esearched|[Ll]ooked|[Tt]ried|[Aa]ttempted|[Pp]lanned|[Ss]cheduled|[Pp]roposed|[Cc]onsidered|[Ss]tudied|[Ff]ocused|[Ss]truggled|[Ww]aited|[Nn]eeded|[Ww]anted|[Hh]oped|[Ee]xpected|[Aa]sked|[Rr]equested|[Nn]oticed|[Oo]bserved|[Rr]eali[sz]ed|[Ll]earned|[Dd]iscovered|[Uu]nderstood|[Ee]ncountered|[Ff]aced|[Ee]xperienced|[Bb]locked|[Ss]talled|[Dd]elayed|[Pp]aused|[Pp]ostponed|[Ff]ailed|[Mm]issed|[Dd]ropped|[Dd]eprioriti[sz]ed|[Ee]stimated|[Dd]ebugged|[Hh]elped|[Ss]upported|[Aa]ssisted|[Pp]articipated|[Aa]ttended|[Jj]oined|[Vv]isited|[Tt]alked|[Cc]hatted|[Ss]ynced|[Aa]ligned|[Bb]rainstormed|[Ff]ollowed|[Ss]tayed|[Rr]emained|[Ss]eemed|[Aa]ppeared|[Uu]sed|[Mm]anaged|[Hh]andled|[Oo]wned|[Rr]equired|[Rr]aised|[Rr]eported|[Ff]lagged|[Oo]pened|[Ff]iled|[Rr]evisited|[Rr]eopened|[Ee]scalated|[Rr]eceived|[Ii]nterviewed|[Mm]onitored|[Tt]racked|[Cc]ollaborated|[Cc]oordinated|[Pp]ushed|[Pp]rioriti[sz]ed|[Aa]nalyzed|[Aa]nalysed|[Ee]valuated|[Aa]ssessed|[Pp]rototyped|[Dd]ecided|[Aa]greed|[Ff]ixed|[Mm]entioned|[Nn]oted|[Ss]uggested|[Ww]ondered|[Aa]ssumed|[Bb]elieved|[Ee]xplained|[Cc]laimed|[Ss]tated)`;
/** Words in -ing that are no verb going on ("nothing", "morning", "during", "string"). */
const NOT_GERUND = 'nothing|something|everything|anything|during|morning|evening|spring|bring|thing|king|ring|string|wing|sing';
/** An adverb between who did it and the verb ("Alex also automated…", "Dan finally did…"). */
const ADVERB_AFTER = String.raw`(?:\s+(?:also|then|finally|eventually|additionally|recently|successfully|quickly))?`;
/**
 * A verb in the past that says a thing was done, after who did it: any in -ed but those that
 * only begin, mean, hope, try, talk or go wrong (NOT_DONE_ED), with those that are a week's doings
 * when someone is named as doing them ("Liz attended…", "Ana fixed…", "Bo decided…"), and the
 * irregular ones a week's notes use.
 */
const PAST_DONE = String.raw`(?:(?:attended|visited|joined|helped|fixed|decided|agreed|pushed|interviewed|prototyped|published)\b|managed\s+to\s+(?!${NOT_DONE_ED}\b)[a-z]{3,}\b|(?!${NOT_DONE_ED}\b|(?:lik|lov|hat|bas|call|nam|seem|appear|remain|stay)ed\b|un)[a-z]{3,}ed|did|made|wrote|ran|gave|took|led|met|held|sent|built|found|brought|caught|won|drew|picked\s+up|pulled\s+off|knocked\s+up|set\s+up|put\s+together)`;
/** A verb a to-do opens on, capitalised as a name would be ("Remove unused DaBlob::column_id", "Add scaled results"). */
const IMPERATIVE = 'Add|Remove|Fix|Update|Use|Make|Get|Set|Keep|Move|Handle|Support|Allow|Enable|Disable|Show|Hide|Avoid|Drop|Refactor|Rename|Replace|Improve|Implement|Create|Delete|Test|Check|Review|Merge|Release|Deploy|Write|Read|Run|Build|Document|Investigate|Explore|Prepare|Finish|Start|Continue|Define|Integrate|Migrate|Clean';
/** The address of a pull or merge request (GitHub, GitLab, Bitbucket): `…/pull/572`, `…/merge_requests/12`. */
export const CHANGE_URL = /\/(?:pull|merge_requests|pull-requests)\/\d+/;
/** Words that say a pull or merge request is not merged yet ("draft", "WIP", "in review", "awaiting"). */
export const NOT_MERGED_WORDS = 'unmerged|not (?:yet )?merged|draft|wip|in review|under review|pending|awaiting';
/** A task as a tracker titles it: a to-do's verb first ("Add package-url specification as an annex", "Fix wrong range"), or a pull request's address in it. */
export function isTaskTitle(text: string): boolean {
  return TASK_TITLE.test(text.trim()) || CHANGE_URL.test(text);
}
const TASK_TITLE = new RegExp(String.raw`^(?:${IMPERATIVE})\s+[\w\x60"'“(.-]`);
/** What a verb takes, opening: a determiner, a number word, a particle. */
const OBJECT_START = 'a|an|the|some|several|many|all|both|its|his|her|their|our|my|this|that|these|those|one|two|three|four|five|six|seven|eight|nine|ten|up|out|off|back';
// (Verbs already read above are left out: "Fixed…" is done by the first rule.)
const SENTENCE_KINDS: Array<[RegExp, ReportedKind]> = [
  // A task's status written before it, as a tracker's column ("**IN-PROGRESS** - Review the doc",
  // "TBD - Determine where the minutes live", "[Blocked] Deploy to staging"): set off by bold,
  // brackets, or by a dash or a colon after it; not a verb that opens a sentence ("Started the
  // server", "Pending review of the PR", "TBD what the content will be").
  ...(
    [
      ['in[- ]progress|wip|on-?going|under ?way|started|in development', 'progress'],
      ['tbd|to ?do|not (?:yet )?started|planned', 'next'],
      ['blocked', 'blockers'],
    ] as const
  ).map(([words, kind]): [RegExp, ReportedKind] => [
    new RegExp(String.raw`^(?:[*_]{1,2}(?:${words})[*_]{1,2}|[([]\s*(?:${words})\s*[)\]]|(?:${words})\s*[:：]|(?:${words})\s+[-–—])\s*[-–—:：]?\s*\S`, 'i'),
    kind,
  ]),
  // Put off to a later meeting or date ("Vote postponed to after reading the document", "Second
  // item postponed until next meeting", "Reworking branch strategy will be pushed to next week"):
  // what comes.
  // Not a thing moved somewhere ("We moved to 3 replicas"): moved, only to a time.
  [/^[^.;!?]{0,120}?\b(?:(?:postponed|deferred|pushed(?:\s+back)?|punted)\s+(?:to|until|till)\s+(?:after\b|next\b|the\s+next\b|a\s+later\b|later\b|a\s+future\b|\d)|moved\s+(?:to|until)\s+(?:after\b|next\b|the\s+next\b|a\s+later\b|later\b))/i, 'next'],
  // A decision taken, as minutes and reports record it ("We decided to keep 3.0.1", "Decided to
  // close this", "The meeting decided to go with Option 2", "The SC discussed PEP 646 and decided
  // that it should be accepted", "The Board of Directors met and ratified a plan", "Agreed we
  // would point to HTML",
  // "Decision: Bom cardinality 0..* for elements", "A decision was made to use winit"): an outcome
  // of the period, done. Not one still to take ("Once agreed, update…", "if we decide…"), nor one
  // taken before ("I had decided to focus on…"): those open with a clause or say "had". Nor a
  // decision of what comes ("We agreed to ship it next week"): the plan is what it says.
  [/^(?![^.;!?]*\b(?:next|tomorrow|upcoming|later|will)\b)(?:(?:(?:we|i|they)\s+|the\s+(?:[\w-]+\s+){1,5}?)(?:(?:discussed|reviewed|considered|debated|met)\b[^.;!?]{1,150}?\band\s+)?(?:also\s+|then\s+|finally\s+|eventually\s+|ultimately\s+|unanimously\s+)?(?:decided|agreed|resolved|voted|ratified)\b|(?:decided|agreed)\s+(?:to|on|upon|that|we|it)\b|decision\s*[:：-]\s*\S|(?:a|the)\s+(?:final\s+)?decision\s+(?:was|has\s+been)\s+(?:made|taken|reached)\b|we\s+(?:have\s+)?(?:made|took|reached)\s+(?:a|the)\s+(?:final\s+)?decision\b|it\s+(?:was|has\s+been)\s+(?:decided|agreed)\b)/i, 'achieved'],
  // A state reached, said of a thing in one sentence of a few words ("Everyone has their
  // environment set up", "Appearance of UI is decided", "The CI configuration is fixed, so…",
  // "Search and confirmation page are styled and ready"): done. Not "will be fixed", "is not
  // working", "is working on"; not "ready" alone ("The draft is ready": for review, it waits on
  // others), nor ready, running or open for what comes ("up and running for listing errors",
  // "set up and open for feedback"): the work goes on.
  [new RegExp(String.raw`^(?![\s\S]*[.!?]\s+\S)(?![\s\S]*\b(?:ready|running|open)\s+(?:for|to)\b)(?!${CLAUSE_OPENER}\b)(?!${NOT_SUBJECT}\b(?<!^(?:[Tt]he|[Oo]ur|[Aa]ll|[Ee]very)))(?!${SENTENCE}*?(?:\b(?:not|never|almost|nearly|yet|will|to be|should|once|when|if)\b|n['’]t\b))(?:[\w'’-]+\s+){1,6}?(?:(?:is|are)\s+(?:now\s+|finally\s+|fully\s+)?(?:(?:[a-z]+ed|set up)\s+and\s+)?(?:decided|set up|fixed|in place|live|up and running|working(?=\s*(?:[.!,;]|$|\s+(?:properly|fine|well|again|now|correctly|as expected)\b))|styled|finali[sz]ed|agreed|merged|deployed)|(?:has|have)\s+(?:their|its|our|his|her|the)\s+[\w\s-]{1,30}?\s+set up)\b`), 'achieved'],
  // A thing that now does what it did not ("Our internal test suite now runs in parallel", "The
  // CSS color() function now supports more color spaces", "we now have enough of the API to…"):
  // a change made, done. Not "for now", "right now", "every now and then"; not how it looks or
  // seems ("now looks quite good"); not what is not so yet ("far from ready yet, but I now have…");
  // not an idea had ("We now have a clear idea of how to implement it").
  [new RegExp(String.raw`^(?!${SENTENCE}*?(?:\b(?:not|never|yet|will|would|going to|should|once|if)\b|n['’]t\b))${SENTENCE}{0,120}?(?<!\b(?:for|right|until|by|from|every|and)\s)\bnow\s+(?:also\s+)?(?!(?:looks|seems|feels|appears|sounds|is|are|was)\b)(?:[a-z]{3,}(?<!ss)s|have(?!\s+(?:an?\s+|some\s+)?(?:(?:much\s+)?(?:clear|clearer|better|good|rough|first)\s+)?(?:idea|understanding|sense|picture|view|plan|feeling|questions?|problems?|issues?)\b)|can|supports?)\b`, 'i'), 'achieved'],
  // What the reader can now do, as release notes tell a change ("You can now annotate graphs",
  // "Users can now filter on cohorts", "Anywhere you can filter, you can now…"): done. Not what the
  // writers can now go on to do ("We can now start on X": a plan made possible).
  [new RegExp(String.raw`^(?!${SENTENCE}*?(?:\b(?:not|never|yet|will|would|going to|should|once|if)\b|n['’]t\b))${SENTENCE}{0,120}?\b(?:you|users?|people|everyone|anyone|developers|admins?|members|visitors|customers|contributors)\s+(?:can|may)\s+(?:also\s+)?now\s+(?:also\s+)?[a-z]{2,}`, 'i'), 'achieved'],
  // What the writers did, in the past, by any verb that says no more than that it was done ("We
  // hardened the decoder", "I reimplemented the parser"); not one that says the work goes on, was
  // only tried, or befell them ("We started…", "I needed…": NOT_DONE_ED).
  [new RegExp(String.raw`^(?:[Ww]e|I)\s+(?:(?:also|then|finally|successfully|just|further|quickly|already|now|recently)\s+)?(?!${NOT_DONE_ED}\b|(?:[Ee]xperimented|[Ss]potted|[Ff]elt|[Hh]oped|[Ee]nded|[Ee]njoyed|[Ll]oved|[Ll]iked|[Hh]ated|[Mm]issed)\b)[a-z]{3,}ed\b`), 'achieved'],
  // Done with success, by any verb ("Successfully found a way to break down the IR", "We have
  // successfully grouped IR instructions into packets"); not what is to be ("to successfully…").
  [/^(?:(?:we|i)\s+(?:have\s+|['’]ve\s+)?(?:also\s+|now\s+|finally\s+)?)?successfully\s+(?!\w+ing\b)[a-z]{3,}/i, 'achieved'],
  // What the writers have done, by any verb in the past ("We have grouped the instructions", "I've
  // reworked the parser"); not one that says the work goes on or only began (NOT_DONE_ED).
  [new RegExp(String.raw`^(?:[Ww]e|I)\s+(?:have|['’]ve)\s+(?:(?:also|now|finally|just|already|recently)\s+)?(?!${NOT_DONE_ED}\b|been\b)[a-z]{3,}ed\b`), 'achieved'],
  // What it made possible ("We were then able to remove the legacy code", "I was finally able to
  // reproduce it", "In April we managed to implement most of the lowering").
  [/^(?:we|i)\s+(?:(?:were|was)\s+(?:(?:then|finally|also|now|eventually|still)\s+)?able|(?:(?:then|finally|also|eventually|still)\s+)?managed)\s+to\s+[a-z]/i, 'achieved'],
  // A change's title with its pull requests' numbers in brackets after it, as a merge writes it
  // and a changelog or dev log lists what was merged ("Fix crashes on some graphics hardware
  // (#323)", "Update dependencies (#293, #294; thanks to @ana!)"): done. Not a sentence that
  // only mentions an issue ("Decommissioning Kibana (#3363) is blocked…").
  [/^[A-Z][^.!?()]{2,150}\(#\d+(?:,\s*#\d+)*(?:;[^()]*)?\)\s*$/, 'achieved'],
  // So is one whose numbers name the repository, stop or no stop ("Support for DOM templating
  // (xilem#495).", "Fixes for Portal scrolling, by Tom Churchman (xilem#563)."), as a newsletter
  // lists what landed; not a pull request named as such ("Pull request for X (graphql-js#355).").
  [/^(?!(?:[Pp]ull\s+[Rr]equests?|PRs?|[Dd]raft|WIP|[Ww]ip)\b)[A-Z][^.!?()]{2,150}\([\w.-]+#\d+(?:(?:,\s*|\s+and\s+)[\w.-]+#\d+)*(?:;[^()]*)?\)\s*\.?$/, 'achieved'],
  // So is one with the number first and who wrote it last ("#1551 Add NetCore to CLR API
  // (@nickclark2016)"), or as GitHub's release notes write it ("Add dark mode by @ana in #42").
  [/^#\d+\s+(?![^()\s]*(?:\s+\S+){0,1}\s*\b(?:is|are|was|were|will|not|blocked|waiting|wip|draft|open)\b)[^!?]{2,150}\(@[\w-]+(?:(?:,\s*|\s+and\s+)@[\w-]+)*\)\s*$|^[^.!?]{2,150}\sby\s+@[\w-]+\s+in\s+(?:#\d+|https?:\/\/\S+\/pull\/\d+)\s*$/i, 'achieved'],
  [new RegExp(`^${ADVERB}(?:${DONE_VERBS})\\b(?!\\s*(?:by|on|in)\\s+(?:next|the end))`, 'i'), 'achieved'],
  // A change told as a changelog or a merged pull request tells it, its verb in the present of
  // the change itself ("Fixes a crash on tensor subclasses", "Adds a batched wait API", "Re-lands
  // the removal of…"): done. Only verbs of a change made; not what a thing does ("Supports OAuth",
  // "Allows users to…": a description), nor the noun ("Updates from the repos", "Fixes for X").
  [new RegExp(`^${ADVERB}(?:${CHANGE_VERBS})\\s+(?!(?:${PREPOSITION}|up|out|and|or|since|made|were|are)\\b)[\\w\x60"'“(\\[#@.-]`, 'i'), 'achieved'],
  [ACTIVITY, 'achieved'],
  // "We shipped the beta", "The SC accepted PEP 701", "@ana fixed the flaky test", "mbrubeck
  // fixed the tables": a short subject (a name, a nick), then a verb that leaves no doubt, in
  // the past.
  // So is "We have shipped…", "We've merged…", "I've also written…", "Noel's updated…", and names in a list: "Laura,
  // Sam and Lucinda presented the report…".
  [new RegExp(String.raw`^(?:[Ww]e|I|@[\w-]+|\d+[A-Za-z][\w-]*|(?:[Tt]he|[Oo]ur)\s+[\w-]+(?:\s+[\w-]+)?|(?!${NOT_SUBJECT})[A-Z][\w-]*(?:,\s+[A-Z][\w-]*)*,?\s+and\s+[A-Z][\w-]*|(?!${NOT_SUBJECT})[A-Z][\w-]*(?:(?:\s+[A-Z][\w-]*){1,2}|\s+(?!(?:not|never|have|has|had|will|would|should|could|can|may|might|must|to|be|been|being|is|are|was|were|${PREPOSITION})\b)[a-z][\w-]*)?|(?!${NOT_SUBJECT})[a-z][\w-]*)(?:(?:\s+(?:have|has)|['’](?:s|ve))\s+(?:(?:also|then|finally|successfully|just|further|quickly|already|now)\s+)?(?:${DONE_PARTICIPLES}|${SUBJECT_VERBS}|accepted|approved)|\s+(?:(?:also|then|finally|successfully|just|further|quickly)\s+)?(?:${SUBJECT_VERBS}|accepted|approved))\b${NOT_FOR}`), 'achieved'],
  // A headline in the passive, as status lines are written ("Escrow lock script implemented in
  // `src/`", "New onboarding flow for mobile users shipped", "Local build verified — it runs"):
  // a thing named in a few words, then what was done to it, and after it only where, how or
  // why; not a clause that opens the sentence ("With this done, my plan is…"), a verb that
  // says the work goes on ("Started going through materials prepared by…"), nor praise ("Well
  // done to the team"). Not when the line says it is not so, or not all of it ("Tests written
  // but not yet merged", "3 recorded, motion graphics in progress", "almost done", "WIP done").
  [new RegExp(String.raw`^(?!${NOT_SUBJECT}|${CLAUSE_OPENER}\b|${NOT_DONE_ED}\b|[Ww]ell done\b)(?!${SENTENCE}*?(?:\b${NOT_ALL_DONE}\b|n['’]t\b|\bWIP\b))(?:${NAME_WORD}\s+){1,6}?(?:${DONE_PARTICIPLES}|done)(?=\s*$|\s*[—–:;,.(!]|\s+(?:${PREPOSITION}|across|as|and)\b|\s+(?!(?:${NOT_GERUND})\b)[a-z]{2,}ing\b)`), 'achieved'],
  // "The LPE project is done", "X was merged", "The audit has finished", "A page has been
  // created", "Ana was added as committer", "A talk was given": said of a thing, in the past,
  // not "will be done", not "No updates were submitted", not "Three quarters of it has been
  // done", not "has been partially…", not after a
  // clause about something else ("…, which was added without review"; "X has been released,
  // which included…" is done), not what a thing was made for ("was
  // designed to", "was added to the backlog"), and not in a clause of a task ("Read the paper
  // when the team has finished…").
  [
    new RegExp(
      String.raw`^(?!no\b|some\b|part\b|parts\b|half\b|most\b|much\b|(?:one|two|three) (?:third|quarter)s?\b|a (?:third|quarter|half)\b|\d+\s*%)(?!${SENTENCE}*?(?:\b(?:will|to be|going to|should|would|not|never|cannot)\b|n['’]t\b))(?:(?!\b(?:almost|nearly|when|once|after|until|unless|if|before|since(?!\s+(?:the\s+|our\s+|my\s+)?(?:last|previous)\b)|because|now that|which|who)\b)${SENTENCE}){0,80}?\b(?:(?:is|are|was|were|(?:has|have)\s+(?:(?:also|now|finally|already|just)\s+)?(?:been|gotten)|got)\s+(?:now\s+|finally\s+|fully\s+)?(?:done|completed|complete|finished|shipped|released|merged|launched|deployed|live)|(?:has|have)\s+(?:now\s+|finally\s+|officially\s+)?(?:finished|completed|concluded|ended|landed|shipped|entered\s+(?:beta|alpha|general\s+availability|production|the\s+\w+\s+(?:phase|stage))|reached\s+(?:beta|alpha|v?\d|version|\d|general\s+availability|feature[- ]complete|inbox\s+zero))(?!\s+(?:to|on|with)\b)|(?:has|have)\s+(?:(?:also|now|finally|already|just)\s+)?been\s+${ADVERB}(?:${DONE_PARTICIPLES})${NOT_FOR}|(?:was|were)\s+${ADVERB}(?:${DONE_PARTICIPLES})${NOT_FOR})\b`,
      'i',
    ),
    'achieved',
  ],
  [/^(?:(?:we|i|the team|they)\s+(?:will(?!\s+(?:not|never)\b)|plan to|are planning to|am planning to|intend to|aim to|expect to|are going to|am going to)\s|(?:we|i)['’]ll\s|will|plan(?:ning)? (?:to|on)\b|going to|aim(?:ing)? to|intend to|next step|to do\b|todo\b|next(?:\s+up)?\s+(?:is|are|will be)\s|next up\b|(?:(?:we|i)(?:['’]re|['’]m|\s+are|\s+am)\s+(?:(?:really|also|very)\s+)?)?looking forward to\b|(?:we|i)\s+(?:(?:really|also)\s+)?look forward to\b|(?:our|my|the) next (?:[a-z]+\s+)?(?:task|step|goal|focus|priority|milestone|thing) (?:is|will be)\b)/i, 'next'],
  // A plan said of itself, a hope, or what is not done yet and will be ("The long term plan is to
  // switch…", "That's the plan for July", "In the long term, I hope we can build…", "The manual
  // has yet to be updated, we'll do so once…", "Exhaustiveness checking isn't implemented yet,
  // as we'll do so when…", "Future optimisations we'll apply include…").
  // A to-do written as a need ("Need to provide a fix", "Still need to update the docs").
  [/^(?:still\s+)?needs?\s+to\s+(?!be\b)[a-z]/i, 'next'],
  // What is needed, jotted as a to-do ("Need a Node 6 LTS branch build"), or proposed ("Let's do
  // some reasonable pen testing"): what comes. Not help needed (a blocker), nor "Let's see" (a
  // musing) or "Let's dive in" (a newsletter's way in). "We need a proper lead time…" says a lack: not read.
  [/^(?:still\s+)?need\s+(?:a|an|another|more|some|to\s+get|the)\s+(?!help\b|(?:some\s+|more\s+)?(?:help|support|input|reviews?|feedback|eyes)\b)[a-z]/i, 'next'],
  [/^let['’]s\s+(?!see\b|not\b|hope\b|say\b|be\s+honest\b|dive\b|get\s+(?:started|into)\b|jump\b|begin\b|start\s+with\b|recap\b|take\s+a\s+look\b|look\s+(?:at|back)\b|go\b|have\s+a\s+look\b|talk\s+about\b)[a-z]/i, 'next'],
  // So is what someone has to do, as minutes and to-do lists write it ("Damien has to finish
  // report", "Still have to fix the multiple issues", "Still gotta clean up the AWS resources", "May
  // need to migrate some checks", "Want to discuss feedback"): an obligation or a wish is what
  // comes. Not what had to be done ("I had to rewrite the parser": done), nor "need to be" (a state).
  [new RegExp(String.raw`^(?:(?:@[\w-]+|(?!${NOT_SUBJECT}|It\b|This\b|That\b|There\b|One\b)[A-Z][\w'’-]*|I|[Ww]e|[Tt]hey|[Tt]he\s+team)\s+)?(?:[Ss]till\s+|[Aa]lso\s+|[Rr]eally\s+)?(?:[Hh]a(?:s|ve)\s+to|[Gg]otta|[Gg]ot\s+to|[Mm]ust|(?:[Mm]ay|[Mm]ight|[Ww]ill|[Ww]ould)\s+(?:also\s+)?need\s+to|(?<=^(?:[Ss]till\s+|[Aa]lso\s+|[Rr]eally\s+)?)[Ww]ant\s+to)\s+(?![^?]*\?|be\b|have\s+been\b|(?:keep|bear)\s+in\s+mind\b|(?:say|admit|note|mention|thank|agree)\b)[a-z]{2,}`), 'next'],
  // And what is set for a day to come ("Planned for the 3rd of May", "Scheduled for next week").
  [/^(?:planned|scheduled|slated|booked|pencilled|penciled)\s+(?:in\s+)?(?:for|on)\s+\S/i, 'next'],
  // And what is yet to be done, said of a thing ("Post mortem to be run", "Other bugs to be
  // fixed"): a plain noun phrase before it, no verb of its own ("Initiated integration of libp2p
  // to be used…", "Content needs to be polished", "routes that need to be protected": not read).
  [/^(?:(?!(?:that|which|who|whose|needs?|wants?|would|likes?|hopes?|expects?|seems?|appears?|is|are|was|were|be|been|has|have|had|ready|still|there|it|this|for|of|with|to|and|or|in|on|about|more|less)\b|[\w'’.-]+(?:ed|ing)\s)[\w'’.-]+\s+){1,5}?to\s+be\s+(?!used\b)(?:[a-z]+ed|done|run|built|written|made|held|sent|given|shown|set\s+up)\b/i, 'next'],
  // An action given to someone, as minutes write it ("@jdno to create a tracking issue", "Ana and
  // Bo to draft the RFC"): what comes. A single capitalised word before "to" is as often a thing
  // or a verb ("Migration to add keys", "Managed to get the logs"): not read.
  [new RegExp(String.raw`^(?:\[\s\]\s*)?(?:@[\w-]+(?:\s*(?:,|and|&)\s*@[\w-]+)*|(?!${NOT_SUBJECT})[A-Z][a-z]+(?:\s*(?:,|and|&)\s*[A-Z][a-z]+)+)\s+to\s+(?!be\b)[a-z]{2,}\b`), 'next'],
  // So is what someone named by a handle will do ("@Kobzol will add this to sync-team", "@ana
  // and @bo will review it"), as a name would ("Ana will write the guide").
  // Or one given a task in the plain form of its verb, as an action list writes it ("@lemeurherve
  // draft an email request", "@ana review the RFC"): not one told in the past or as it goes
  // ("@ana fixed it", "@ana fixes it", "@ana working on it").
  [/^(?:\[\s\]\s*)?@[\w-]+(?:\s*(?:,|and|&)\s*@[\w-]+)*\s+(?!(?:is|are|was|were|has|have|had|did|does|do|just|also|already|still|now|and|or|for|from|with|in|on|at|to|the|a|an|as|of|via|by|said|says|thinks|suggests|got|made|took|went|ran|wrote|built|set|put|sent|led|met|held|gave|found|brought|began|saw|came|left|won|lost|kept|spent|told|shut|cut|hit|read|let)\b)[a-z]{2,}(?<!ed|ing|s)\s+(?:the|a|an|this|that|it|its|our|their|his|her|on|with|up|out|to|into|some|all|any)\b/, 'next'],
  [/^(?:\[\s\]\s*)?@[\w-]+(?:\s*(?:,|and|&)\s*@[\w-]+)*\s+(?:will|['’]ll|is\s+going\s+to)\s+(?:(?:also|then|probably|likely|hopefully|soon|first)\s+)*(?!not\b|never\b|have\s+been\b|be\s+(?:done|completed|finished|ready|merged|fixed)\b)[a-z]{2,}/, 'next'],
  // A sentence set in the coming period ("Next week, the goal is to fix…", "Over the next few weeks
  // the focus will be…"), or the aim said as such ("The goal is to…", "A focus for the next month
  // is preparing…", "My goal for next week is…").
  [/^(?:next|(?:for|in|during|over)\s+(?:the\s+)?(?:next|coming|upcoming))\s+(?:few\s+)?(?:week|month|sprint|quarter|cycle|days?)s?\b\s*,/i, 'next'],
  // So is what is next on the list ("Next on our list is to update the libraries", "Next on the agenda is…").
  [/^next\s+on\s+(?:our|my|the|their)\s+(?:list|agenda|plate|to-?do\s+list|roadmap)\s+(?:is|are|will\s+be)\b/i, 'next'],
  [/^(?:(?:the|my|our|a|one|its)\s+(?:(?:main|primary|big|key|immediate|ultimate|overall|short[- ]term|long[- ]term|mid[- ]term|medium[- ]term)\s+)?(?:goal|aim|objective|focus|plan)\s+(?:of\s+(?:the\s+)?[\w.-]+(?:\s+[\w.-]+)?\s+)?(?:for\s+(?:the\s+)?(?:next\s+|coming\s+|this\s+)?(?:week|month|sprint|quarter|year|cycle|summer|january|february|march|april|may|june|july|august|september|october|november|december|q[1-4]|\d{4})\s+|for\s+(?:the\s+)?(?:next|coming|upcoming)\s+[^,.;!?]{1,30}?\s+)?(?:is|will\s+be)\s+(?:to\s+[a-z]|[a-z]+ing\b))/i, 'next'],
  // "Coming up next, we expect to ship…", "This will be my main focus in April", "I want to set up
  // automated dumps in July": what comes, said by the writer.
  [/^(?:coming\s+up(?:\s+next)?\s*,|(?:this|that|it)\s+will\s+be\s+(?:my|our|the\s+team['’]s)\s+(?:main\s+|first\s+|next\s+)?(?:focus|priority|goal|task)\b|(?:I|we)(?:\s+(?:also\s+|still\s+|really\s+)?(?:want|would\s+(?:also\s+|really\s+)?like)|['’]d\s+(?:also\s+|really\s+)?like)\s+to\s+(?!thank\b|say\b|mention\b|note\b|welcome\b|highlight\b|share\b|give\b|remind\b|point\b|acknowledge\b|congratulate\b|apologi[sz]e\b)[a-z])/i, 'next'],
  // What the writer or the team has had, taken or given in the period ("We've had meetings with…",
  // "We've taken the tool and implemented it as an API", "I have written the spec"): done; not trouble had.
  [/^(?:I|[Ww]e)(?:['’]ve|\s+have)\s+(?:also\s+|now\s+|finally\s+|already\s+|just\s+)?(?:had|taken|given|written|read|made|built|run|sent|held|met|spoken|done|shipped|begun\s+and\s+finished)\s+(?!(?:some\s+|a\s+lot\s+of\s+|a\s+few\s+|many\s+|more\s+|several\s+)?(?:trouble|issues?|problems?|difficult(?:y|ies)|setbacks?|delays?|no\b|little\b))/, 'achieved'],
  [/^(?:(?:the|our|my)\s+(?:long[- ]term\s+|short[- ]term\s+|next\s+|main\s+|current\s+)?plan\s+is\s+to\b|that['’]s\s+the\s+plan\b|(?:in the long (?:term|run),?\s+)?(?:i|we)\s+(?:really\s+)?hope\s+(?:to|we\s+can|that\s+we\s+(?:can|will|['’]ll))\b|future\s+[a-z]+\s+(?:we|i)['’]ll\b|[^.;!?]{0,80}\b(?:has|have)\s+yet\s+to\s+be\b|[^.;!?]{0,80}\b(?:isn['’]t|is not|aren['’]t|are not|hasn['’]t|has not|haven['’]t|have not)\b[^.;!?]{0,60}\byet\b[^.;!?]{0,40}\b(?:we|i)['’]ll\b)/i, 'next'],
  // "Jeremy plans to implement safe wrappers", "She intends to port it": who, then what they mean to do.
  [new RegExp(String.raw`^(?:[Hh]e|[Ss]he|[Tt]hey|(?!${NOT_SUBJECT}|It\b)[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?)\s+(?:also\s+)?(?:plans|intends|aims|hopes|plan|intend|aim|hope)\s+to\s+[a-z]`), 'next'],
  // "Support for nesting @media queries is coming up next", "Dark mode is up next": what comes.
  [new RegExp(String.raw`^${SENTENCE}{0,120}?\b(?:is|are)\s+(?:coming\s+(?:up\s+)?(?:next|soon)|up\s+next)\b`, 'i'), 'next'],
  // "André will be attending…", "He'll also be giving a talk", "Bundler 1.12 will ship…": who or
  // what, in a few words, then what they will do; not when a thing will be done ("It will be done
  // by Friday" is work under way). So is what we need or ought to do ("I need to choose
  // topics…", "We should start to use Logic Apps", "We should be using a stable release"; not "We
  // should be fine").
  [
    new RegExp(
      String.raw`^(?:(?:[Hh]e|[Ss]he|[Tt]hey|(?!${NOT_SUBJECT}|It\b)[A-Z][\w.\u00C0-\u024F-]*(?:\s+(?:and\s+)?[A-Z0-9][\w.\u00C0-\u024F-]*){0,2})(?:\s+(?:also\s+)?will|['’]ll)\s+(?!not\b|never\b|have\s+been\b|be\s+(?:done|completed|finished|ready|merged|fixed)\b)|(?:[Ww]e|I)\s+(?:also\s+|still\s+)?(?:need\s+to|have\s+to|must|should)\s+(?!not\b|have\b|be\b(?!\s+[a-z]{2,}ing\b)|been\b)[a-z]+)`,
    ),
    'next',
  ],
  // Any other verb in the simple past (or after "have") after who did it, a person or the team
  // ("nipos contributed a fix", "We reorganised the code base", "I have included the tests"): done, unless it says the work goes on or was only
  // tried, met, or happened to them ("…started", "…discussed", "…investigated", "…faced").
  // Not after a capitalised word, which may be a thing ("Node ejected…"), nor opening a line,
  // where a past participle is as often an adjective ("Sharded peer management"); and only before
  // what a verb takes ("contributed a fix", "switched back"), not a noun it would qualify
  // ("recreate deleted communities", "proto3 repeated uint32 handling").
  // So is a change named by its pull requests ("xilem#418, xilem#421 improved our support for
  // iOS", "#512 added a compose pass"); and after "we" or "I", a name too ("We released Vello 0.2.0").
  [new RegExp(String.raw`^(?:[Ww]e|I|@[\w-]+|(?:[\w.-]+)?#\d+(?:\s*(?:,|and|&)\s*(?:[\w.-]+)?#\d+)*|(?!${NOT_SUBJECT})[a-z][\w-]*)(?:\s+(?:have|has)|['’]ve)?\s+(?:(?:also|then|finally|successfully|just|further|quickly|already)\s+)?(?!${NOT_DONE_ED}\b)[a-z]{3,}ed(?=,|\s+(?:a|an|the|some|several|many|all|both|its|his|her|their|our|my|this|that|these|those|one|two|three|four|five|six|seven|eight|nine|ten|support|fixes|fix|back|up|out|off|over|away|[\d"'“‘\x60]))|^(?:[Ww]e|I)(?:\s+(?:have|has)|['’]ve)?\s+(?:(?:also|then|finally|successfully|just|further|quickly|already)\s+)?(?!${NOT_DONE_ED}\b)[a-z]{3,}ed\s+[A-Z]`), 'achieved'],
  // A log's line opening with a verb in the past before what it took ("Compressed the images",
  // "Migrated our docs"): done, as after a subject; not what only goes on or was tried, and not
  // a participle before a noun ("Sharded peer management", no determiner after it).
  [new RegExp(String.raw`^(?!${NOT_DONE_ED}\b)[A-Z][a-z]{2,}ed\s+(?:the|a|an|our|their|its|his|her|my|this|that|these|those|some|all|both|several|two|three|four|five|\d+)\b`), 'achieved'],
  // So is one jotted in lower case, as a log's lines go ("edited the query to…", "squashed small
  // bugs in input checking", "separated code into files", "took pictures of the stickers"): a
  // title is capitalised; a jotted line opens on its verb. Not a word in -ed that is no verb
  // ("based on", "need", "speed"), nor what only goes on, was tried or was learnt (NOT_DONE_ED).
  // And "Did QA on the diagrams", "Did a podcast with Lee": done; not a question ("Did you…?").
  [new RegExp(String.raw`^(?!${NOT_DONE_ED}\b|(?!(?:agre|fre|guarante)ed\b)[a-z]+eed\b|(?:based|related|unrelated|red|bed|shed|hundred|embedded|nested|mixed|limited|detailed|advanced|extended|expected|planned|proposed|suggested|required|requested|interested|excited|supported|unsupported)\b)(?:co-)?[a-z]{2,}ed\s+(?!(?:by|as|to\s+be)\b)[\w"'\x60(@#]|^(?:did|made|took|wrote|ran|met|found|built|sent)\s+\w(?![^.!?]*\?\s*$)|^Did\s+(?!(?:you|we|I|he|she|they|it|anyone|anybody|everyone|not|the\s+team)\b)\S(?![^.!?]*\?\s*$)`), 'achieved'],
  // So is one that goes on past its object and ends on its stop, as a sentence does, not a title
  // ("Revised IOPS values based on empirical data from Cardano nodes.", "Lengthened phases and
  // reduced EB rate.").
  [new RegExp(String.raw`^(?!${NOT_DONE_ED}\b|(?:Enjoyed|Loved|Liked|Hated|Felt|Hoped|Wished|Excited|Pleased|Thrilled|Invested|Initiated|Commenced|Pinged|Knocked|Travell?ed|Walked)\b)(?![^.]*\b(?:still|not yet|in progress|wip|work in pro(?:gress|cess)|planning to|plan to|going to)\b)[A-Z][a-z]{2,}ed\s+(?!to\b)[\w-]+(?:\s+[^\s.!?]+){1,30}\.$`), 'achieved'],
  // Named people, then what they went to, met or spent time on ("Dan went along to the
  // quarterly event", "Raphael and Liz met with Fred", "Chris spent lots of time on the CMS",
  // "Raphael loaded 100+ million statements"): what the week held, done.
  [new RegExp(String.raw`^(?!${NOT_SUBJECT}|(?:It|We|I|They|He|She|You)\b)[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2}(?:(?:,\s*|\s+and\s+|\s+&\s+)[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2}){0,4}(?:\s+(?:also|then|finally|eventually))?\s+(?:went\s+(?:along\s+)?to|met\s+(?:with|up)|spoke\s+(?:at|to|about)|gave\s+talks|spent\s+(?:some|a|an|the|lots|most|half|all|time|two|three|\d)|popped\s+(?:by|in|over)|gave\s+(?:a|an|the|two|three|\d)|ran\s+(?:a|an|the)|held\s+(?:a|an|the)|loaded|implemented|published|launched|released|shipped)\b`), 'achieved'],
  // So is any other verb in the past after named people, before what it took, or after he, she
  // or they as a week's notes go on about them ("Raphael migrated the index…", "Alex also
  // automated a query", "Liz met Jamie to talk about…", "He also tweaked the cost centre feed"):
  // what they did that week. Not what only began, was meant, hoped or tried, nor what
  // went wrong ("Ana started…", "Dan planned to…"); not a thing then what was done to it, as a
  // headline writes it ("Notes provided in the document", "Issue faced with imports").
  [new RegExp(String.raw`^(?:(?:@[\w-]+(?:(?:,\s*|,?\s+and\s+)@[\w-]+)*|(?!${NOT_SUBJECT}|(?:It|We|I|You|This|That|There|These|Those|Here|${IMPERATIVE}|[A-Z][a-z]+ing)\b)[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2}(?:(?:,\s*|,?\s+and\s+|\s+&\s+)[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2}){0,4})${ADVERB_AFTER}(?:\s+ha(?:s|ve))?\s+${PAST_DONE}(?=\s+(?:(?:${OBJECT_START})\b|[A-Z\d"“‘\x60\[]))|(?:He|She|They)${ADVERB_AFTER}\s+${PAST_DONE}(?=\s+(?:(?:${OBJECT_START}|with|on|to|at|in|for)\b|[A-Z\d"“‘\x60\[])))`), 'achieved'],
  // A thing said to be done now, in the present ("Basic MVP of the form is implemented", "Unit
  // tests are written and CI is set up", "The map API works now!"): a state reached, done. Not a
  // part of it ("half is implemented"), not what is planned, and not in a clause of when or why
  // ("Start discovery after the address is updated").
  [new RegExp(String.raw`^(?!no\b|some\b|part\b|parts\b|half\b|most\b|much\b|\d+\s*%)(?![^.;!?]*\b(?:not|never|partially|partly|almost|nearly|when|once|if|until|yet|after|before|since|as|because|unless|while)\b|[^.;!?]*n['’]t\b)(?:[\w'’.\x60/-]+\s+){1,10}?(?:is|are)\s+(?:now\s+|fully\s+|finally\s+|already\s+)?(?:${DONE_PARTICIPLES})\b${NOT_FOR}(?!\s+(?:by|for|to\s+be)\b)|^(?:(?:the|our|a|an)\s+)?(?:[\w'’.\x60/-]+\s+){0,5}?(?:works|runs|builds|passes)\s+now\b|^(?:(?:the|our|a|an)\s+)?(?:[\w'’.\x60/-]+\s+){0,5}?now\s+(?:works|runs|builds|passes)\b`, 'i'), 'achieved'],
  // What a thing saw or had in the period, counted ("Bundler saw a variety of bug fixes in March",
  // "RubyGems.org saw 17 gem updates", "Gemstash had a few minor fixes this month"): done.
  [/^(?:[^.;!?]|\.(?=\S)){0,80}?\b(?:saw|had|got|received)\s+(?:a\s+(?:few|variety\s+of|number\s+of|couple\s+(?:of\s+)?|handful\s+of|bunch\s+of)|several|some|many|multiple|\d+)\s+(?:[\w-]+\s+){0,2}?(?:fix(?:es)?|bug\s?fixes|bugfixes|updates|improvements|releases?|changes|features|commits|patches)\b/i, 'achieved'],
  // So do irregular verbs of things done in a week ("Took two meetings…", "Did a pair of
  // interviews", "Led the retro", "Met the new Head of Product").
  [/^(?:Took|Did|Met|Led|Taught|Spoke at|Gave)\s+(?:a|an|the|two|three|four|five|several|some|our|my|\d)\b/, 'achieved'],
  // And after who did them ("I did my first full review", "We wrote a design doc", "I made the
  // slides", "We ran the migration", "We cut a new release").
  [/^(?:I|[Ww]e)\s+(?:also\s+|then\s+|finally\s+)?(?:did|took|met|led|taught|gave|wrote|made|built|ran|sent|held|cut)\s+(?:a|an|the|two|three|four|five|several|some|our|my|another|more|\d)\b/, 'achieved'],
  // And where they went, what they got or bought, where their time went, as weeknotes tell the
  // week ("I went to the hackspace AGM", "I got the green light to launch", "I bought the guide",
  // "I spent most of Tuesday prepping my talk"). Not "got stuck", "got sick": trouble.
  [/^(?:I|[Ww]e)\s+(?:also\s+|then\s+|finally\s+)?(?:went\s+(?:to|on|back\s+to|along\s+to)|bought|sold|got\s+(?!stuck|blocked|sick|ill|lost|confused|distracted|side-?tracked|nowhere|no\b|nothing\b)(?:a|an|the|my|our|some|two|three|\d)\b|spent\s+(?:a|an|the|some|most|much|all|half|time|two|three|several|\d)|caught\s+up\s+with)\b/, 'achieved'],
  // So is who they spoke to or had a meeting with ("We spoke to colleagues working in…", "We had
  // early discussions with colleagues about…", "I had a call with the vendor"): not trouble had.
  [/^(?:I|[Ww]e)\s+(?:also\s+|then\s+|finally\s+)?(?:spoke|talked)\s+(?:to|with)\s+\S|^(?:I|[Ww]e)\s+(?:also\s+|then\s+|finally\s+)?had\s+(?:a|an|our|the|two|three|several|some|more|another|further|early|initial|first|\d)\s+(?:[\w-]+\s+){0,2}?(?:meeting|call|chat|catch[- ]up|session|conversation|discussion|workshop|demo|review|interview|1:1|one[- ]to[- ]one|stand-?up|retro)s?\b/, 'achieved'],
  // Tests run and passed ("All tests passed successfully across modules", "10 tests passed (8
  // integration + 2 helper)"): a result of the period's work, done. Not "tests passed locally but…".
  [/^(?:all\s+|\d+\s+|the\s+|our\s+)?(?:[\w-]+\s+){0,3}?tests?\s+(?:now\s+)?(?:passed|succeeded|are\s+(?:all\s+)?(?:green|passing))\b(?![^.;!?]*\b(?:but|except|however|though|although)\b)/i, 'achieved'],
  // And what a day's log says was spent, had or put together ("Spent some time with the user
  // researchers", "Had a meeting with the service owner", "Went through the findings", "Put
  // together a failing test", "Came up with a plan", "Caught up with Ana").
  [/^(?:Spent\s+(?:some|a|an|the|most|half|all|two|three|four|\d|time|hours?|days?)\b|Had\s+(?:a|an|my|our|the|two|three|several|some)\s+(?:[\w-]+\s+){0,2}(?:meeting|call|chat|catch[- ]up|session|conversation|workshop|demo|review|interview|1:1|one[- ]to[- ]one|stand-?up|retro)s?\b|(?:Went|Walked)\s+(?:through|over)\s+(?:a|an|the|our|my|some|all|\d)\b|Put\s+together\b|Came\s+up\s+with\b|Caught\s+up\s+with\b|Folded\s+in\b|Sat\s+(?:down\s+)?with\b|Sat\s+in\s+on\b)/, 'achieved'],
  // A thing, in a few words, then what it will do or what will be done to it ("The third PR will
  // focus on adding translation…", "Any work necessary to allow it will also happen"): what comes.
  // Not when it will be done ("The fix will be done by Friday": work under way), not what a thing
  // said before will bring ("This will be the first…", "The changes that were merged will have
  // an impact"): an explanation.
  [/^(?:(?:the|a|an|any|each|every|our|my|their|its|some|all)\s+)(?:(?!(?:that|which|who|whose|where|when|was|were|is|are|has|have|had|if)\b)[\w'’.-]+\s+){0,10}?(?:will|['’]ll)\s+(?!have\s+(?:a|an)\s+(?:[\w-]+\s+){0,2}(?:impact|effect)\b)(?:(?:also|then|probably|most\s+probably|likely|hopefully|now|soon|still|first|finally)\s+)*(?!not\b|never\b|have\s+been\b|be\s+(?:done|completed|finished|ready|merged|fixed)\b)[a-z]{2,}/i, 'next'],
  // A thing that will be acted on, said in the passive, whatever opens it ("Battery packs from
  // NiMH cells will be created", "Flexible panels will be modeled and quoted", "It will be
  // released in May"): what comes. Not when it will be done ("…will be done by Friday"), as above;
  // in its first clause ("The plan needs more work. Teasers will be released" goes on).
  [/^[A-Z][\w'’-]*\s+(?:(?!(?:that|which|who|whose|where|when|was|were|is|are|has|have|had|if)\b)[A-Za-z0-9][\w'’-]*\s+){0,10}?will\s+(?:(?:also|then|probably|likely|hopefully|soon|first|finally)\s+)*be\s+(?!(?:done|completed|finished|ready|merged|fixed)\b)[a-z]{3,}(?:ed|en)\b/, 'next'],
  // Someone set to do a thing ("@lgierth will PR a config file", "Jeff is to look at this.",
  // "@kubuxu wants to look into more metrics", by a handle: a name in minutes wanting a thing is
  // often a view voiced), a thing to be done ("VDB Merge should ideally be
  // done for this release", "Discussion needs to happen", "go-cid will be integrated this week"),
  // or said loosely ("We're probably gonna try and add French", "We plan for Kompari to
  // standardise…"): what comes. Not what was ("was going to", "wanted to").
  [/^(?:@[\w-]+|[A-Z][\w'’-]*)\s+(?:is|are)\s+to\s+(?!be\s+(?:done|completed|finished)\b)[a-z]{2,}|^@[\w-]+\s+(?:will|wants?\s+to|intends?\s+to)\s+(?!not\b|never\b)[a-z]{2,}|^(?:[\w'’.-]+\s+){1,6}?should\s+(?:ideally\s+|probably\s+|also\s+|really\s+)?(?:be\s+(?:done|merged|released|fixed|finished|ready|landed|in)\b|go\s+in\b|land\b)|^(?:[\w'’.-]+\s+){1,4}?needs?\s+to\s+happen\b|^[a-z][\w.-]*\s+(?:[\w'’.-]+\s+){0,4}?will\s+be\s+(?:integrated|added|merged|released|implemented|ported|updated|published|shipped|moved|replaced|removed|tested)\b|^(?![^.;!?]*\b(?:was|were|had)\s+(?:going|gonna)\b)[^.;!?]{0,60}?\b(?:gonna|going\s+to)\s+(?:try\s+(?:and|to)\s+)?(?!be\b)[a-z]{3,}|^(?:we|i)\s+(?:also\s+)?plan\s+for\s+(?:[\w'’.-]+\s+){1,4}?to\s+[a-z]{2,}/i, 'next'],
  // A hope or a time yet to come, in a log's few words, nothing in it done ("Hope to have the
  // example app working this week", "Giving a talk at the meetup tonight", "Have example app by
  // end of week", "Render something next."): what comes. Not what will be ready by then ("The API
  // will be ready next week"): work under way.
  [/^(?:hop(?:e|ing)\s+to\s+[a-z]|(?![^.;!?]*\b(?:[a-z]{3,}ed|was|were|did|done|had|got|went|made|met|took|gave|held|ran|spoke|saw|came|left|wrote|built|sent)\b|[^.;!?]*\b(?:will|should|would|could|might|may|to)\s+be\s+(?:done|ready|live|finished|complete|out|available)\b)[^.;!?]{0,100}?\b(?:tonight|tomorrow|(?<=\s)next(?=\s*[.!]?$)|next\s+(?:week|month|sprint|quarter|cycle|monday|tuesday|wednesday|thursday|friday)|by\s+(?:the\s+)?end\s+of\s+(?:the\s+)?(?:day|week|month|sprint|quarter)|later\s+(?:this|today|in\s+the)\b|asap)\b)/i, 'next'],
  // What comes first, said as the priority ("Subject tagging is now top priority", "The big
  // priority for the next two weeks is getting…").
  [/^(?:(?:the|our|my)\s+(?:top|main|big|biggest|first|highest|next)\s+priority\b[^.;!?]{0,60}?\s(?:is|will\s+be)\s|[^.;!?]{1,120}?\b(?:is|are)\s+(?:now\s+)?(?:the\s+|our\s+|my\s+)?(?:top|main|first|highest|next)\s+priority\b)/i, 'next'],
  // A thing set down for later ("Tails 2.5 is scheduled for August 3", "The workshop is planned
  // for next week"): what comes. Not what was ("was scheduled for May but slipped").
  [/^(?:[^.;:!?]|\.(?=\d)){0,80}?\b(?:is|are)\s+(?:now\s+|currently\s+|tentatively\s+)?(?:scheduled|planned|slated|due)\s+(?:for|to|on|in)\b/i, 'next'],
  [/^(?:blocked (?:by|on)|waiting (?:on|for)\b.*\b(?:approval|review|access|decision))/i, 'blockers'],
  // What stands in the way, named as such ("The current blocker of our port is a crash at
  // runtime", "Our biggest risk remains the audit date"): that kind. Not one that was ("The
  // blocker was fixed"), nor none ("The only blocker is gone").
  [/^(?:the|our|my|one|a)\s+(?:(?:current|main|only|biggest|remaining|last|big|major|key)\s+)?(?:blocker|blocking\s+issue)\s+(?:(?:of|for|on)\s+[^.;!?]{1,40}?\s+)?(?:is|remains|right\s+now\s+is)\s+(?!(?:gone|fixed|resolved|solved|removed|cleared|over)\b)/i, 'blockers'],
  [/^(?:the|our|my|one|a)\s+(?:(?:current|main|only|biggest|remaining|big|major|key)\s+)?(?:risk|concern|worry)\s+(?:(?:of|for|on|with)\s+[^.;!?]{1,40}?\s+)?(?:is|remains)\s+(?!(?:gone|fixed|resolved|solved|removed|over|mitigated)\b)/i, 'risks'],
  // Help asked for ("They all need help to move forward", "We need help with the Windows build"):
  // what is in the way until someone comes. Not "doesn't need help".
  [/^(?![^.;!?]{0,40}\b(?:not|never|no\s+longer)\b|[^.;!?]{0,40}n['’]t\b)[^.;!?]{0,40}?\b(?:needs?|requires?|could\s+use|would\s+welcome)\s+(?:some\s+|more\s+|your\s+|extra\s+|any\s+)?help\b/i, 'blockers'],
  // A meeting or release set for a day ("Next meeting will be on Wednesday 11th of January at
  // 20:00 GMT", "The next release is planned for March"): what comes.
  [/^(?:the\s+|our\s+)?next\s+(?:meeting|call|sync|release|session|demo|event|workshop|stand-?up|retro|review|office\s+hours)\s+(?:will\s+be|is)\s+(?:on|at|in|scheduled|planned|set)\b/i, 'next'],
  // A change that is in, in the words of a team's sync ("Low-level mutation API is in.", "Optimistic
  // updates in.", "relay-future repo is up.", "Microbenchmark is fully landed.", "PR Train
  // Merged"), or that works ("Nomos consensus test working", "Tests are passing, seems to work"):
  // done. Not "Log in", "Keep working in…", "Begin working in…", "Release never shipped".
  [/^(?![^.;!?]*(?:\d\s*%|\b(?:half|part|parts|most|some|much|quarters?|thirds?)\s+of\b))[^.;!?]{1,100}?\S\s+(?:is|are)\s+(?:now\s+|fully\s+|finally\s+|all\s+)?(?:landed|merged|shipped|live|in|up|out)\s*[.!]?$/i, 'achieved'],
  [/^[^.;!?]{1,100}?\S(?<!\b(?:never|not|n['’]t|yet|be|been|being|to|get|got)\b)\s+(?:fully\s+)?(?:landed|merged|shipped)\s*[.!]?$/i, 'achieved'],
  [/^(?![^.;!?]*\b(?:get|gets|getting|got|bring|put|let|keep|was|were)\b)[^.;!?]{1,40}?\S(?<!\b(?:log|sign|check|plug|fill|opt|drop|tune|chime|dive|jump|settle|break|hand|turn|come|go|step|zoom|pitch|buy|give|stay|fit|join|lock|set|pull|push|pop|roll|move|walk|read|write|type|key|call|count|factor|sit|send|take|hold|it|them|this|that|users|people))\s+in\s*[.!]?$/i, 'achieved'],
  [/^(?![^.;!?]*\b(?:get|gets|getting|got|to|was|were|been|keep|begin|began|start|started|trying|try)\b)(?!(?:we|i|they|he|she|still|not|working|passing|mostly)\b)[^.;!?]{1,100}?\b(?:(?:is|are)\s+(?:now\s+)?)?(?<!\b(?:not|still|n['’]t|of|for|in|on|at|by|about)\s)(?:working|passing)\s*(?:[.!]|,\s+[^.;!?]{1,40}[.!]?)?$/i, 'achieved'],
  // Work brought to its end ("I (@chennes) finished up the first PR…", "@Joe finally saw the merge
  // of PR 9559", "put the finishing touches on the next PR"): done, whatever comes after it.
  [/^(?:[^.;,]{0,60}?\s)?(?<!\b(?:not|never|almost|nearly|will|to|be|been|have|has|had)\s)(?:finally\s+|just\s+)?(?:finished(?:\s+up)?|wrapped\s+up|saw\s+the\s+merge\s+of|put\s+the\s+finishing\s+touches\s+on)\s+(?!(?:soon|later|next)\b)\S/i, 'achieved'],
  // What a reader can do now, or how a thing is now ("You can now filter events", "Regions are
  // now sorted", "Dark mode is now supported"): a change made.
  [/^(?:you|users?|members|everyone|people)\s+can\s+now\s+[a-z]/i, 'achieved'],
  // So is what a thing now can do ("Premake6 can now generate its own project files").
  [new RegExp(String.raw`^(?:(?:[Tt]he|[Oo]ur)\s+[\w-]+(?:\s+[\w-]+)?|(?!${NOT_SUBJECT}|(?:We|I|It|This|That)\b)[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?)\s+can\s+now\s+(?!(?:start|begin|focus|move|turn|look|think|plan)\b)[a-z]{3,}`), 'achieved'],
  [new RegExp(String.raw`^${SENTENCE}{0,80}?\b(?:is|are)\s+now\s+(?!being\b|going\b|planned\b|scheduled\b)(?!(?:outdated|broken|blocked|stalled|delayed|deprecated|stuck|failed|limited|needed|required|disabled|paused)\b)(?:[a-z]+ed|available|supported|live|possible|faster|visible|shown|complete|ready|in place)\b`, 'i'), 'achieved'],
  // So is what a thing (or the team) now does ("We now support CSS position: sticky!",
  // "Ladybird now passes 1,500 more tests", "The CLI now has a --json flag"): not what it now
  // needs, wants, waits for or turns to, nor an idea or a problem it now has.
  [new RegExp(String.raw`^(?:[Ww]e|I|[Ii]t|(?:[Tt]he|[Oo]ur)\s+[\w-]+(?:\s+[\w-]+)?|(?!${NOT_SUBJECT}|(?:For|Until|Till|By|Right|Just|Even|As|From|Up|Only|And|But|So|Or)\b)[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?)\s+(?:also\s+)?now\s+(?!(?:need|want|wait|hope|expect|plan|face|work|look|think|know|believe|seem|feel|turn|get|move|go|come|is|are|was|were|be|can|could|will|would|should|must|may|might)s?\b)(?!(?:have|has)\s+(?:to\b|(?:a\s+|an\s+)?(?:[a-z]+\s+)?(?:idea|plan|understanding|sense|picture|question|problem|issue)s?\b))[a-z]+s?\b(?<!ing)`), 'achieved'],
  // After what says it was done ("Did some work to make it able to be adopted by…"): "New
  // website to be launched next Wednesday", "The report is to be published by Friday": a thing
  // set down to be done, with when, said first (not "There is a draft PR and it is expected to
  // be finished this week": news of the PR). So is what is left to do ("Have quite a lot of
  // usability testing to do", "We still have the docs to write").
  [new RegExp(String.raw`^(?:[\w'’.-]+\s+){0,6}?(?:(?:is|are)\s+)?to be\s+(?:[a-z]+ed|done|built|written|made|held|sent|given|run|shown)\s+(?:[a-z]+\s+){0,3}?(?:next|tomorrow|soon|shortly|later|(?:by|on)\s+(?:the\s+end\b|end\b|next\b|\d|${WHEN_WORD})|in\s+(?:the\s+)?(?:next|coming|new)\b|this\s+(?:week|month|sprint|quarter|year)\b|early\s+next\b)`, 'i'), 'next'],
  [/^(?:(?:i|we|the team)\s+)?(?:still\s+)?(?:have|has)\s+(?!been\b|had\b|done\b)[^.;!?]{1,60}?\bto\s+(?:do|finish|complete|write|review|fix|test|build|sort out|work on)\b/i, 'next'],
  // What a thing saw or has seen in the period, as a newsletter tells it ("Our definitive
  // implementation saw the release of v1.1.1", "Our implementations saw a lot of UX improvements",
  // "The Rust library has also seen some exciting work"), what it now has ("in-toto now has support
  // for x509 certificates", "The CLI now supports plugins"), and who joined the team or was
  // welcomed to it ("Christian joined us in summer as a maintainer", "we welcomed a new maintainer"): done.
  [/^(?:[\w'’.()@"“”-]+\s+){1,8}?(?:(?:also\s+)?saw|(?:has|have)\s+(?:also\s+)?seen)\s+(?:(?:the|a|its|their|our|two|three|several|many|some|a\s+lot\s+of|lots\s+of|plenty\s+of|significant|major|notable|big|exciting|further|new|more)\s+)*(?:(?:[\w-]+\s+){0,2}(?:release|releases|launch|addition|additions|merge|completion|introduction|publication|improvements?|fixes|contributions?|changes|updates|enhancements?|work|activity|features?)\b)/i, 'achieved'],
  [/^(?:[\w'’.()@"“”-]+\s+){1,6}?now\s+(?:(?:has|offers|provides|includes|comes\s+with)\s+(?:full\s+|basic\s+|initial\s+|native\s+|first-class\s+)?support\s+(?:for|of)\b|supports\s+\S)/i, 'achieved'],
  [/^(?:[\w'’.()@"“”-]+\s+){1,5}?(?:(?:also\s+)?joined\s+(?:us|the\s+(?:core\s+)?(?:team|project|maintainers|group|committee))\b[^.;!?]{0,30}?\bas\s+(?:a\s+|an\s+|the\s+|our\s+)?(?:new\s+)?(?:co-?)?(?:maintainer|member|contributor|committer|reviewer|lead)|(?:also\s+)?welcomed\s+(?:a|an|two|three|several|our)\s+(?:new\s+)?(?:maintainers?|members?|contributors?|committers?|reviewers?)\b)/i, 'achieved'],
];

const TICKED = new RegExp(String.raw`^[\s*_]*(?:${TICK.source})|(?:${TICK.source})\s*(?:done|merged|completed|shipped|released|finished)?[\s*_.!]*$|[([]\s*(?:(?:edit(?:ed)?|update[d]?)\s*[:：-]\s*|now\s+)?(?:done|completed|finished|shipped|merged)\s*[)\]][\s*_.]*$|^[\s*_]*[([]\s*(?:done|completed|finished|shipped|merged)\s*[)\]]|[^\s.!?][\s*_]*[.;]\s+(?:done|completed|finished)(?:[\s*_.!]*$|\s*[:：]\s+\S)`, 'iu');
/**
 * An item the team ticked off: a ✅ (✔️, ☑️) before or after it, `(done)` / `[completed]` /
 * `(edit: done)` at its end or before it, or "Done." said after it ("Close #142. Done.",
 * "Create an issue for it. Done: …/issues/289").
 */
export function tickedOff(text: string): boolean {
  return TICKED.test(text);
}

// A word or phrase that opens a sentence and says nothing of its kind ("Finally, we held…", "Mainly, I modified…",
// "For the next month, we plan…" keeps its period: that one says when).
const OPENER = /^(?:most [a-z]+ly|on (?:that|this|a (?:related|similar|separate)) note|as (?:noted|mentioned|promised|planned|announced|discussed)(?: (?:in|at|on|above|before|earlier|previously)[^,]{0,40})?|in particular|looking ahead(?: to [^,]{1,40})?|for (?:the )?(?:(?:next|coming|following|upcoming) )?(?:week|sprint|month)\s*\d{0,2}|finally|also|additionally|in addition|moreover|however|nonetheless|nevertheless|anyway|still|then|lastly|last but not least|first of all|on top of that|besides that|apart from that|in other news|meanwhile|recently|[a-z]+ly|this (?:week|month|sprint|quarter|cycle)|last (?:week|month|sprint|cycle)|earlier this (?:week|month)|(?:in|during|over) (?:the )?(?:past|last|previous|this) (?:two )?(?:weeks?|sprints?|months?|quarter|cycle))\s*,\s*/i;

export function sentenceKind(text: string): ReportedKind | undefined {
  // Names with accents are names ("Contributor Nicolò Ribaudo implemented…").
  const kind = ownSentenceKind(/[\u00C0-\u024F]/.test(text) ? withoutAccents(text) : text) ?? unspacedSentenceKind(text);
  if (kind !== undefined) return kind;
  // "Chat: you can now…", "Reporting: added a flag button": the area a changelog line is about,
  // then the line ("Merged Yamux: change a Future…" says its kind before the colon).
  // So is one whose line opens with a verb in the past ("Website Migration: Migrated the site to
  // SvelteKit", "Light Theme: Added a light theme").
  // So is a member's line ("Pulkit: Built a basic layout…", "Simona: I finished styling…", and
  // after a dash when a verb in the past follows: "Dana - added retries to the uploader"; not
  // "Plan skeleton ready - will be applied…").
  const area = /^[A-Z][\w-]*(?:\s+[A-Za-z][\w-]*){0,2}(?::|\s[-–—](?=\s+(?:[a-z]{3,}ed|built|made|wrote|ran|did|gave|held|sent|took|led|met|drew|got)\b))\s+(?=[a-z]|[A-Z][a-z]+ed\b|(?:I|We|The|Our|My)\s|(?:Built|Made|Wrote|Rewrote|Ran|Did|Gave|Held|Sent|Took|Led|Met|Drew|Set up|Got)\b)(?!https?:)/.exec(text.trim());
  return area ? ownSentenceKind(text.trim().slice(area[0].length)) : undefined;
}

// Where one sentence ends and the next begins: after its stop, before a capital, a figure or an
// opening mark; not after an abbreviation ("e.g. The", "vs. Go", "Dr. Lee").
const SENTENCE_END = /(?<=[.!?]["”’)]?)(?<!\b(?:e\.g|i\.e|etc|vs|cf|approx|incl|Mr|Mrs|Ms|Dr|St|No|Fig|al)\.)\s+(?=["“‘(\[@`*_]?[A-Z0-9])/;

// A sentence that says its work goes on or has begun ("VR work continues", "We're still
// working on it", "The plans are on good track", "aerc has been making excellent progress", "Started implementing the
// protocol", "The paper is being studied", "He is also improving the port").
const GOES_ON = /\b(?:(?:is|are)\s+(?:nearly|almost|mostly|halfway)\s+(?:through|there|done|finished|complete)|continues?|continued|continuing|ongoing|underway|under way|in progress|on (?:a |the )?(?:good |right )?track|(?:is|are|am|was|were|been)\s+(?:still\s+)?(?:working|progressing)|working on|making\s+(?:\w+\s+)?(?:progress|headway)|still|started|starting|began|begun|in the works|(?:is|are)\s+being\s+[a-z]+ed|(?:has|have)\s+been\s+[a-z]+ing|(?:is|are|am)\s+(?:also\s+|still\s+|now\s+|currently\s+)?(?!going\b)[a-z]{3,}ing)\b/i;

/** The sentences of a text, in order. */
export function sentencesOf(text: string): string[] {
  return text.replace(/\s+/g, ' ').trim().split(SENTENCE_END);
}

/** What each sentence of a paragraph says of its work: done, planned, in the way, going on (progress), or nothing. */
function sentenceSays(text: string): Array<ReportedKind | undefined> {
  return sentencesOf(text).map((sentence) => sentenceKind(sentence) ?? (GOES_ON.test(sentence) ? 'progress' : undefined));
}

// A call to the reader: to follow the work where it is discussed, to try it, or to support it
// ("If you'd like to follow along, we recommend joining the Matrix channel", "If you'd like to
// support Inko financially, you can do so using GitHub Sponsors", "Join us on Discord",
// "Consider sponsoring the project", "Feel free to reach out", "Make sure to star us on GitHub",
// "Become a sponsor", "Start using Supabase today", "Give it a try", "Remember to keep signing in
// and out", "Don't forget to scan in").
const CALL_TO_READER = /^(?:(?:feedback|questions|comments|ideas|suggestions)\?\s+)?(?:(?:please\s+)?(?:come\s+)?(?:talk|speak|chat)\s+(?:to|with)\s+us\b|(?:please\s+)?(?:tell\s+us|let\s+(?:us|me)\s+know)\b|(?:we|i)\s+(?:want|would\s+love|['’]d\s+love|would\s+like|['’]d\s+like)\s+to\s+hear\s+from\s+you\b|if\s+you(?:['’]d|\s+would)\s+(?:like|love|want)\s+to\b|if\s+you\s+have\s+(?:any\s+)?(?:questions|suggestions|feedback|comments|ideas|thoughts|concerns)\b|if\s+you\s+(?:want|wish|care)\s+to\b|if\s+you(?:['’]re|\s+are)\s+(?:interested|curious)\b|(?:we|i)\s+(?:(?:would\s+)?(?:recommend|encourage|invite))\s+(?:you\s+)?(?:to\s+)?(?:joining|join|following|follow|checking\s+out|check\s+out|reading|read|trying|try|subscribing|subscribe|reaching\s+out|reach\s+out)\b|(?:please\s+)?(?:join|follow)\s+(?:us|along)\b|(?:please\s+)?consider\s+(?:sponsoring|donating|supporting|contributing|becoming)\b|you\s+can\s+(?:support|follow|join|sponsor|donate\s+to|reach|find\s+us|contact)\b|feel\s+free\s+to\b|(?:please\s+)?(?:remember|don['’]t\s+forget|do\s+not\s+forget)\s+to\b|(?:your\s+)?(?:feedback|questions?|comments?|suggestions?|thoughts|input)(?:,?\s+(?:and\s+)?\w+){0,2}\s+(?:is|are)\s+(?:always\s+|very\s+)?(?:welcome|appreciated)\b|(?:we|i)\s+(?:always\s+|would\s+)?(?:welcome|appreciate)\s+(?:your\s+|any\s+)?(?:questions|feedback|suggestions|comments|concerns|input|thoughts)\b|(?:message|dm|ping|contact|email)(?:\s+or\s+\w+)?\s+(?:me|us)\b|come\s+find\s+us\b|(?:please\s+|make\s+sure\s+to\s+|don['’]t\s+forget\s+to\s+)?(?:star|sponsor|follow|join|support)\s+(?:us|our)\b|(?:please\s+)?subscribe\s+to\s+(?:our|the)\s+(?:newsletter|blog|feed|channel|mailing\s+list)\b|become\s+a\s+(?:sponsor|patron|backer|supporter)\b|(?:start|try)\s+using\s+[^.!?]{1,40}?\s+(?:today|now)\b|give\s+it\s+a\s+(?:try|spin|go)\b|try\s+it\s+out\b)/i;

/** Whether every sentence of a text calls on the reader to follow, join, try or support the work: no news of it. */
export function isCallToReader(text: string): boolean {
  const sentences = sentencesOf(text).filter((s) => s.trim() !== '');
  // Questions put to the reader between the calls ("Did your favourite app update? Tell us…") are part of them.
  const calls = sentences.filter((s) => CALL_TO_READER.test(s.replace(/^[(_*\s]+/, '').replace(/^(?:also|and|so|finally|lastly|as\s+always|as\s+ever|once\s+again|again)\b,?\s*/i, '')));
  return calls.length > 0 && sentences.every((s) => calls.includes(s) || /\?["”’)]?\s*$/.test(s));
}

/** Whether a paragraph of prose has a sentence that says what was done, planned, in the way or going on. */
export function saysWork(text: string): boolean {
  return sentenceSays(text).some((kind) => kind !== undefined);
}

/**
 * Whether a paragraph of prose is mostly an account of work: three sentences or more that say
 * what was done, planned, in the way or going on, and at least half of its sentences ("Week 2 our
 * sub-groups continue to make improvements. Our mechanical team has been sketching… We are hoping
 * to…"), not a greeting or an overview that mentions some.
 */
export function saysWorkMostly(text: string): boolean {
  const says = sentenceSays(text);
  const said = says.filter((kind) => kind !== undefined).length;
  return said >= 3 && said * 2 >= says.length;
}

/** Whether every sentence of a paragraph of two or more says by its own words what was done or planned (not only that work goes on). */
export function saysWorkThroughout(text: string): boolean {
  const sentences = sentencesOf(text);
  return sentences.length >= 2 && sentences.every((sentence) => sentenceKind(sentence) !== undefined);
}

/**
 * What a paragraph of prose says of its work, by most of the sentences that say something of
 * it: done, planned, in the way, or going on ("VR work continues. I've written a Wayland
 * protocol… I've also written a Vulkan extension…" is done; "Working on the parser. We will
 * finish it next week." goes on: a tie goes to the one said first). Narration that says none
 * of these ("The result: a working VR demo") has no say. Undefined when it is work going on.
 */
export function proseKind(text: string): ReportedKind | undefined {
  const says = sentenceSays(text);
  // A last sentence that leads into what follows ("We merged the following PRs this month:")
  // says the kind of the list after it, not of the paragraph.
  if (says.length >= 2 && /[:：]\s*$/.test(text)) says.pop();
  // In an item of a few sentences the first is its headline ("Testing and finalizing the code.
  // Will finish by tomorrow."): the work itself, going on unless it says otherwise. In a longer
  // paragraph it is as often a lead-in ("Let's start with SourceHut news.").
  // One that opens on the work as it goes ("Implementing the mix protocol handler…") says so.
  const going = says[0] === undefined && new RegExp(String.raw`^(?!(?:${NOT_GERUND}|according|regarding|including|following|using|being|considering|concerning)\b)[A-Za-z]{3,}ing\b`, 'i').test(sentencesOf(text)[0] ?? '');
  const headline = says.length <= 4 && says[0] === undefined && !going;
  if (going) says[0] = 'progress';
  if (headline) says[0] = 'progress';
  const votes = new Map<ReportedKind, number>();
  for (const kind of says) if (kind !== undefined) votes.set(kind, (votes.get(kind) ?? 0) + 1);
  let best: ReportedKind | undefined;
  for (const [kind, n] of votes) if (best === undefined || n > votes.get(best)!) best = kind;
  // A headline taken to go on does not outweigh what the sentences after it say was done
  // ("Raphael revisited a project. He also implemented a package explaining classifiers.").
  if (headline && best === 'progress' && (votes.get('achieved') ?? 0) >= votes.get('progress')!) best = 'achieved';
  return best === 'progress' ? undefined : best;
}

/** A lead-in that says what follows is planned ("with planned features:", "Upcoming work:", "the following is still to do:", "Some stuff that was agreed:", "Joint priorities:"). */
export const PLANNED_LEAD = /\b(?:planned|upcoming|proposed|intended|agreed|priorities|to-?do|still to (?:do|come)|to be (?:done|added|implemented|built))\b[^:.;!?]{0,30}[:：]$/i;

/** A sentence without what comes before what it says: a bullet's marks, a tag in brackets, a joining word, when or how sure, as a clause of its own. */
function sentenceBody(text: string): string {
  return text
    // A dot inside a word or a version (`0.14.0`, `docs.rs`) ends no sentence: the rules below,
    // which stop at a sentence's end, read it as part of the word.
    .replace(/(?<=\w)\.(?=\w)/g, '_')
    // A wiki's link (`[[scheduled for August 3|contribute/calendar]]`) is its words.
    .replace(/\[\[(?!!)|\]\]/g, '')
    .replace(/^[\s*_>`-]*(?:\[[^\]]*\]\s*)?/, '')
    // "So in addition to next week's tasks, I will…", "And then we shipped…": a word that only joins.
    .replace(/^(?:so|and|but|and so|and then)\b,?\s+/i, '')
    // A tracker digest's "opened / closed issue: …", "opened and merged PR: …": what became of it last.
    .replace(/^opened\s*(?:\/|and|&)\s*(?=(?:closed|merged|fixed|resolved)\b)/i, '')
    .replace(OPENER, '')
    // "One of us travelled to…", "Two of the team completed…", "Some of the team went to…": the team, as "we".
    .replace(/^(?:one|some|two|three|four|a few|several|most|many|all|each|both|half)\s+of\s+(?:us|the\s+team|our\s+team|the\s+group)\b/i, 'We')
    // "For the next month, we plan…", "In the coming weeks, I'm moving…": what comes.
    .replace(/^(?:(?:for|in|during|over)\s+)?(?:the\s+)?(?:next|coming|upcoming)\s+(?:weeks?|months?|sprints?|quarters?|cycles?|days|few\s+(?:days|weeks|months))\s*,?\s*(?=(?:we|i|the team)\b)/i, 'will ')
    // "By the end of Phase Two, the team will…", "With this being the last report, I've
    // released…": when or why, set apart by a comma, then who.
    .replace(/^(?:in|on|at|by|to|for|from|with|without|over|under|during|after|before|within|while|although|though|since|as|once|when|given|following|based|midweek|[a-z]+ing)\b[^,.;:!?]{0,100},\s*(?=(?:we|i|they)(?:['’](?:ve|ll|d|m))?\s|the team\b)/i, '')
    // "This week we added…", "Hopefully we will…", "For March we'll focus…": when, or how sure, then who.
    .replace(/^(?:(?:this|last|past) (?:week|month|sprint|fortnight)|today|yesterday|most likely|likely|hopefully|probably|perhaps|maybe|(?:for|in|during|throughout)\s+(?:january|february|march|april|may|june|july|august|september|october|november|december))\s+(?=(?:we|i|the team)\b)/i, '');
}

function ownSentenceKind(text: string): ReportedKind | undefined {
  // A user story ("As a user, I want to document my journey…"): the title of a piece of work,
  // whose "I" is the user's, not the writer's plan.
  if (/^[\s*_[(]*as an?\s+[^,.;]{1,60},\s*I\s+(?:want|need|would like|wish|can)\b/i.test(text)) return undefined;
  const t = sentenceBody(text);
  // "Testing is done manually", "Deploys are completed by CI": how a thing is done, as a rule; nothing finished.
  if (/^[^.;!?]{0,120}?\b(?:is|are)\s+(?:usually\s+|still\s+|currently\s+)?(?:done|completed|handled|performed|finished)\s+(?:manually|automatically|by\s+hand|by\s+(?:the\s+)?(?:ci|script|bot)|using|via|through|daily|weekly|regularly|separately|locally|differently)\b/i.test(t)) return undefined;
  // "Clarified the adversary model further (WIP); we'll…": the writer's own mark says the work goes on.
  if (/^[^.;!?]{0,200}[([]\s*(?:wip|work in progress|in progress|ongoing|on-going)\s*[)\]]/i.test(t)) return undefined;
  for (const [re, kind] of SENTENCE_KINDS) if (re.test(t)) return kind;
  // A phrase of when or what about before it ("After one of the longest alpha cycles, Premake5 has
  // finally entered beta!", "In other news, Premake6 can now generate…"): what the rest says.
  const after = /^(?:in|as of|after|with|following|at|on|by|over|since)\s(?![^,.;:!?]*\b(?:we|i|you|they|mean|means|is|are|was|were)\b)[^,.;:!?]{1,60},\s+(?=[A-Za-z])(?![a-z]+ed\b)/i.exec(t);
  if (after) for (const [re, kind] of SENTENCE_KINDS) if (re.test(t.slice(after[0].length))) return kind;
  // "Ana and I are planning on attending", "The team is going to…", "I'm also going to make…", in its first clause.
  if (/^[^.;:!?]{0,100}?(?:\b(?:am|are|is)|['’](?:m|re|s))\s+(?:also\s+|still\s+)?(?:(?:planning|going|hoping|aiming)\s+(?:to|on)|planning\s+(?:a|an|the|our|some|for))\b/i.test(t) && !/\b(?:not|never)\b|n['’]t\b/i.test(t.split(/[.;!?]/)[0]!)) return 'next';
  return undefined;
}

/**
 * Kinds of change, as release notes and sprint notes group the work inside one part: features,
 * improvements, bug fixes, tests, docs, refactoring, dependencies, tooling, and the catch-alls
 * (other, misc). Inside a part, a name made of these words ("Improvements:", "Bugfixes",
 * "Tech-debt removal", "Other") sorts that part's work; it is not a part of its own.
 */
const CHANGE_KINDS = new Set(
  (
    'feature features improvement improvements enhancement enhancements bug bugs bugfix bugfixes fix fixes hotfix hotfixes ' +
    'test tests testing docs doc documentation refactor refactoring refactors cleanup cleanups chore chores tech debt techdebt ' +
    'removal maintenance dependency dependencies deps upgrade upgrades updates tooling util utils utility utilities ' +
    'performance perf security breaking change changes other others misc miscellaneous general admin minor various ' +
    // The form the work took: its pull requests, commits, merge requests.
    'pull request requests prs pr commits merge mrs'
  ).split(' '),
);
/** At least one of these: "Other" and "Changes" say something; "minor" or "various" alone do not. */
const CHANGE_HEADS = new Set([...CHANGE_KINDS].filter((w) => !['removal', 'minor', 'various', 'upgrade', 'upgrades', 'updates', 'change', 'changes', 'debt', 'pull', 'request', 'merge', 'pr'].includes(w)));

/** The forms work leaves in a tracker: pull and merge requests, commits, branches, patches. */
const WORK_FORMS = new Set(['pull', 'request', 'requests', 'pr', 'prs', 'mr', 'mrs', 'merge', 'commit', 'commits', 'branch', 'branches', 'patch', 'patches', 'changeset', 'changesets']);
/** Words that only say which of them ("Relevant PRs", "Branch (worked on)", "My commits this week"). */
const WORK_FORM_WORDS = new Set(['relevant', 'related', 'recent', 'notable', 'key', 'main', 'list', 'links', 'worked', 'on', 'opened', 'open', 'created', 'raised', 'submitted']);

/**
 * Whether a name only says the form the work took, with at most words of which ("Pull Request",
 * "Relevant PRs", "Branch (worked on)", "Commits"): a list of the work's traces, no part of its
 * own at any level (the work it lists is the part's around it, or the team's) and no kind (each
 * trace is of the label over it, else of its own words).
 */
export function isWorkForm(text: string): boolean {
  const tokens = labelTokens(text.replace(/-/g, ' '));
  if (tokens.length === 0 || tokens.length > 5) return false;
  return tokens.some((w) => WORK_FORMS.has(w) && w !== 'pull' && w !== 'merge') && tokens.every((w) => WORK_FORMS.has(w) || WORK_FORM_WORDS.has(w) || (FILLER.has(w) && w !== 'team' && w !== 'project'));
}

/** Whether a name only says what kind of change the work under it is (see CHANGE_KINDS). */
export function isChangeKind(text: string): boolean {
  const tokens = labelTokens(text.replace(/-/g, ' '));
  if (tokens.length === 0 || tokens.length > 4) return false;
  return tokens.some((w) => CHANGE_HEADS.has(w)) && tokens.every((w) => CHANGE_KINDS.has(w) || (FILLER.has(w) && w !== 'team' && w !== 'project'));
}

/**
 * A heading that sorts a release's or a newsletter's changes by their kind ("Bug fixes", "Bug Fixes
 * and Performance Improvements", "Internal improvements", "Notable Bug Fix", "New features",
 * "User-facing changes"): a category, no part to follow. Not one kind of work alone, which a team
 * follows ("Performance", "Security", "Documentation").
 */
export function isChangeSection(text: string): boolean {
  const tokens = labelTokens(text.replace(/-/g, ' '));
  if (tokens.length === 0 || tokens.length > 6) return false;
  const category = tokens.some((w) => CHANGE_CATEGORIES.has(w)) || (tokens.includes('notable') && tokens.some((w) => CHANGE_HEADS.has(w)));
  return category && tokens.every((w) => CHANGE_KINDS.has(w) || CHANGE_QUALIFIERS.has(w) || (FILLER.has(w) && w !== 'team' && w !== 'project'));
}
/** Words that name changes as a category, in the plural ("fixes", "improvements"). */
const CHANGE_CATEGORIES = new Set(['fixes', 'bugfixes', 'hotfixes', 'improvements', 'enhancements', 'features', 'changes', 'cleanups', 'refactors']);
/** Words that say which of them ("notable", "internal", "user-facing", "new", "config"). */
const CHANGE_QUALIFIERS = new Set(['notable', 'internal', 'internals', 'config', 'configuration', 'user', 'users', 'visible', 'facing', 'end', 'new', 'major', 'small', 'smaller', 'important', 'other', 'and', 'api', 'ui', 'ux']);

/** The catch-all buckets of a part's work: admin, misc, other, general, housekeeping. */
// And what only says the week had subjects ("Topics", "A few items", "Updates"): what it holds is the team's work.
const CATCH_ALL = new Set([
  'admin', 'misc', 'miscellaneous', 'other', 'others', 'general', 'various', 'topics', 'subjects', 'housekeeping', 'bookkeeping',
  'update', 'updates', 'items', 'things',
]);
/** Words that may go with them ("A few items", "Some other things"), never alone. */
const CATCH_ALL_FILLER = new Set(['a', 'few', 'some', 'more', 'random', 'the']);

/** Words that name a stretch of time: seasons, quarters, halves, terms, years; and months' names (dates.ts). */
const PERIOD_WORDS = new Set('spring summer autumn fall winter quarter quarters half semester trimester term year years month months'.split(' '));
const MONTH_WORD = new RegExp(`^${MONTH_NAME}$`);
/** What goes with them: "the second half of the year", "early Q3", "fiscal year". */
const PERIOD_FILLER = new Set('the of first second third fourth last next this early late mid end rest and & / to through calendar fiscal academic school'.split(' '));
const PERIOD_CODE = /^(?:q[1-4]|h[12]|fy\d{2,4}|\d{2,4}s?)$/;

/**
 * Whether a name only names a stretch of time ("Spring 2024", "Q3", "H2 2025", "The second half
 * of the year", "January"), as plans by quarter and logs by month are written: a time, never a
 * part to follow.
 */
export function isPeriodName(text: string): boolean {
  const tokens = labelTokens(text.replace(/[-–—]/g, ' '));
  return (
    tokens.length > 0 &&
    tokens.length <= 6 &&
    tokens.some((w) => PERIOD_WORDS.has(w) || MONTH_WORD.test(w) || (PERIOD_CODE.test(w) && !/^\d/.test(w))) &&
    tokens.every((w) => PERIOD_WORDS.has(w) || MONTH_WORD.test(w) || PERIOD_FILLER.has(w) || PERIOD_CODE.test(w))
  );
}

/**
 * Whether a name is only a catch-all bucket (`admin/misc`, `admin:misc`, "Other"): even
 * written as code, as a team writes its commitments, it names no commitment of its own.
 */
export function isCatchAll(text: string): boolean {
  const tokens = labelTokens(text.replace(/[-:]/g, ' ')).filter((w) => w !== '/' && w !== '&' && w !== 'and');
  return tokens.length <= 3 && tokens.some((w) => CATCH_ALL.has(w)) && tokens.every((w) => CATCH_ALL.has(w) || CATCH_ALL_FILLER.has(w));
}

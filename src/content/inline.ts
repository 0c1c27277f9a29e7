/**
 * The inline side of reading a report: what one heading, paragraph or bullet says — a kind
 * label, a link that names something, a repo tag — and the item it becomes. Pure helpers
 * over mdast nodes, used by the outline reader (./outline.ts).
 */
import type { Heading, Link as MdastLink, Paragraph, PhrasingContent, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { MONTH_NAME } from './dates';
import { cleanTitle, isCommitmentTag, milestonePrefix, titleIdentity } from './keys';
import { readLabel, saysWork, sentenceKind, sentencesOf, type LabelKind } from './labels';
import { fold, NONE_SAID } from './locales';
import type { Item, ItemKind, Link } from './model';
import { renderFragment } from './render';

/** Text of a label as written: emphasis, code marks and a trailing colon aside. */
export function labelWords(text: string): string {
  return text.replace(/[_*`]/g, '').replace(/\s*[:：]\s*$/, '').replace(/\s+/g, ' ').trim();
}

/** An opener's words as written in the source, a link's text for the link (`## [Search](…/issues/4)` is "Search"). */
export function openerText(raw: string): string {
  return labelWords(raw.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1'));
}

/**
 * An opener without the issue numbers and owners written after its name (`Commit transactions
 * with concurrent DDLs [18098](…/issues/18098) @cfzjywxk`): the words a team repeats week after
 * week while the links and handles after them change. A link named in words stays (`work on
 * [list of ZkVMs](…)`): it is the name.
 */
export function bareOpener(raw: string): string {
  return openerText(raw.replace(TRAILING_REFS, ''));
}

/** The same name, as markdown parsed it: the phrasing without the issue's number and the owners after it. */
export function withoutTrailingRefs(children: PhrasingContent[]): PhrasingContent[] {
  const kept = [...children];
  for (let last = kept.at(-1); last; last = kept.at(-1)) {
    const ref = last.type === 'text' ? TRAILING_HANDLES.test(last.value) : last.type === 'link' && ISSUE_NUMBER_ONLY.test(toString(last).trim());
    if (!ref) break;
    kept.pop();
  }
  return kept;
}
/** An issue's number as a link names it (`18098`, `#12`, `tidb/18098`), and an owner's handle (`@ana`, `(@ana)`). */
const ISSUE_NUMBER = String.raw`[\w./-]*#?\d+`;
const OWNER_HANDLE = String.raw`\(?@[\w.-]+\)?`;
const TRAILING_HANDLES = new RegExp(String.raw`^[\s,;:]*(?:${OWNER_HANDLE}[\s,;:]*)*$`);
const ISSUE_NUMBER_ONLY = new RegExp(`^${ISSUE_NUMBER}$`);
/** In markdown as written: issues' numbered links, handles and stray separators at the end of a line. */
const TRAILING_REFS = new RegExp(String.raw`(?:\s*(?:\[${ISSUE_NUMBER}\]\([^)]*\)|${OWNER_HANDLE}|[,;:]))+\s*$`);

/** The identity of an opener as written in the source: what recurrence counts. */
export function openerIdentity(raw: string): string {
  return titleIdentity(openerText(raw));
}

/** "Highlights", "Summary", "TL;DR", "Overview": the update's own summary, not a milestone. */
export function isSummaryLabel(text: string): boolean {
  return readLabel(labelWords(text))?.kind === 'summary';
}


/**
 * "None", "N/A", "-", "TBD", "(deliverables TBD)", "…", "No updates this week", "Nothing to do.", a template's
 * unfilled field (`<Task>`): written to say there is nothing (yet). No item. Said with when it
 * holds ("None yet", "N/A for this milestone"): see placeholderSaid.
 */
const PLACEHOLDER =
  /^(?:none|no blocks?(?: for now| currently| so far| yet| at the moment| right now)?(?: until [^.!]{1,40})?|n\/?a|nil|null|nothing(?: new| yet| to report| to do| done| (?:new |much )?(?:this|last) (?:week|sprint|month))?|no (?:updates?|blockers?|risks?|changes?|news|progress|issues?)(?: (?:this|last) (?:week|sprint))?(?: so far| yet)?|not applicable|tbd|tba|tbc|to be (?:decided|determined|defined|confirmed|announced)|[-–—]+|\.{2,}|…|\?+|<[^<>]{1,40}>)[.!]?$/i;
// "There are no issues requiring board attention at this time.", "No blockers on my side", "There
// have been no releases in July": there is none of them.
const NONE_OF_THEM =
  /^(?:there (?:are|is|were|was|have been|has been) )?(?:currently )?no (?:current |known |open |major |new |outstanding |significant |other )?(?:blockers?|blocked (?:tasks?|items?|issues?)|blocking issues?|risks?|issues?|concerns?|problems?|challenges?|difficulties|obstacles?|setbacks?|impediments?|troubles?|prs?|pull requests?|merge requests?|releases?|updates?|changes?)\b(?![^.!]*\b(?:but|except|apart|other than|besides|although|though|however|yet)\b)[^.!]{0,60}[.!]?$/i;
// "No new FLIPs", "No new hires this week": none of a thing new, whatever the thing, in a few
// words; "No tasks associated from project board yet": none of it yet.
const NO_NEW = /^no\s+new\s+[\w-]+(?:\s+[\w-]+)?(?:\s+(?:this|last)\s+(?:week|sprint|month|cycle))?[.!]?$|^no\s+[\w-]+(?:\s+[\w-]+){0,6}\s+yet[.!]?$/i;
// A draft's note to whoever will write it ("TODO @abailly / @pgrange?", "TBD (Ana)", "FIXME"): nothing written yet.
const DRAFT_NOTE = /^(?:todo|tbd|tba|tbc|fixme|xxx)\b[\s:,-]*(?:(?:@[\w-]+|\(\s*@?[\w-]+\s*\))[\s,/&?-]*(?:and\s+)?)*\??$/i;
/**
 * An answer that nothing is in the way ("Wasn't blocked.", "Not blocked. We're done!", "I didn't
 * have trouble.", "Everything is fine for now"): no risk, no blocker.
 */
const NOTHING_IN_THE_WAY = /^nothing\s+(?:is\s+|was\s+)?(?:currently\s+|really\s+)?(?:blocking|stopping|holding back)\s+(?:me|us|my|our|the)\b[^.!?]{0,40}[.!]?$|^(?:(?:i|we)\s+)?(?:(?:was|were|am|are|is)(?:n['’]t|\s+not)|not|never|haven['’]t been|have not been)\s+(?:really\s+)?(?:blocked|stuck)\b[^.!?,;]{0,30}[.!?]?(?:\s+(?:we['’]re|i['’]m|we are|i am|all)\s+(?:done|good|fine)[.!]?)?$|^(?:(?:i|we)\s+)?(?:did(?:n['’]t| not)|do(?:n['’]t| not))\s+(?:have|run into|hit|face|encounter)\s+(?:any\s+)?(?:trouble|troubles|problems?|issues?|blockers?|difficult(?:y|ies))\b[^.!?]{0,40}[.!?]?$|^(?:everything|all|things)\s+(?:is|are|was|were|went|seems?)\s+(?:fine|good|ok|okay|well|smooth(?:ly)?)\b[^.!?]{0,30}[.!]?$/i;

/** A placeholder, alone or then when it holds ("None yet", "N/A for this milestone.", "TBD at this time", "None this week"). */
function placeholderSaid(t: string): boolean {
  if (PLACEHOLDER.test(t)) return true;
  const scoped = /^(.+?)\s+(?:(?:(?:for|in|during|at|as of)\s+)?(?:this|the|that|our|the current|this current)\s+(?:week|sprint|period|month|cycle|quarter|time|moment|milestone|phase|release|iteration|report|stage|point)|yet|for now|so far|at the moment|right now|currently)[.!]?$/i.exec(t);
  return scoped !== null && PLACEHOLDER.test(scoped[1]!);
}

export function isPlaceholder(text: string): boolean {
  const t = text.replace(/[_*`]/g, '').trim();
  if (NOTHING_IN_THE_WAY.test(t)) return true;
  // `(deliverables TBD)`, `[TBD]`: a placeholder in brackets, whatever it says it will be.
  // "N/A — no major blockers this week": a placeholder, then what it stands for; "Opened: No new
  // issue opened during this week": a key, then that there is none.
  const said = /^(?:n\/?a|none|nothing|-|[\w-]+(?:\s+[\w-]+){0,2}\s*:)\s*[—–:,-]?\s*(.+)$/i.exec(t);
  if (said && (NONE_OF_THEM.test(said[1]!) || placeholderSaid(said[1]!))) return true;
  // `[OMITTED] This will be included in future sprint summaries.`: left out, said so.
  if (/^[[(]\s*(?:omitted|redacted|skipped|intentionally left blank)\s*[\])]/i.test(t)) return true;
  // A template's slot left empty: a weekday alone (`Monday`, `Friday:`), a hint of what may go there (`(Optional) Add links…`).
  if (/^(?:mon|tues|wednes|thurs|fri|satur|sun)day\s*[:：]?$/i.test(t) || /^\(\s*optional\s*\)/i.test(t)) return true;
  // A draft's note to fill in, in capitals in brackets (`[SOMETHING HERE]`, `[NEED SPECIFIC THINGS TO CALL OUT HERE]`): nothing written yet.
  if (/^\[[A-Z][A-Z0-9,.'’/&-]*(?:\s+[A-Z0-9,.'’/&-]+){1,12}\]$/.test(text.trim())) return true;
  return placeholderSaid(t) || NONE_SAID.test(fold(t)) || NONE_OF_THEM.test(t) || NO_NEW.test(t) || DRAFT_NOTE.test(t) || /^[([]\s*[\w\s/-]{0,40}\b(?:tbd|tba|tbc)\b\s*[)\]]$/i.test(t) || /^(?:[\w-]+(?:\s+[\w-]+){0,2}\s*[:：]\s*)?(?:tbd|tba|tbc|n\/a|none)$/i.test(t);
}

/**
 * A tag or a comment in HTML: `<` then a name, a `/` or `!--`. A `<` before anything else is
 * text (`hypoxic zones (< 2.0 mg/L)` in a caption), as in HTML itself.
 */
const HTML_TAG = /<(?:\/?[A-Za-z][^<>]*|!--[\s\S]*?--)>/g;

/** An item that is only a picture (`![Policy patterns](…)`), or a picture and its caption of a few words: content, whatever its description says. */
export function isPictureOnly(item: Pick<Item, 'html'>): boolean {
  const html = item.html.trim();
  if (!/^(?:<p>)?(?:<a\b[^>]*>\s*)?<img\b[^>]*>/.test(html)) return false;
  const caption = html.replace(/<img\b[^>]*>/g, ' ').replace(HTML_TAG, ' ').replace(/&[a-z]+;|&#\d+;/gi, ' ').trim();
  if (caption === '') return true;
  // A numbered caption ("Fig 2. Total volume from 11/15 through 11/30…", "Figure 3:") names what is shown, however long.
  if (/^(?:fig(?:ure)?|table|image|photo|screenshot|plot|chart)\.?\s*\d+[a-z]?\s*[.:)–—-]/i.test(caption)) return true;
  // A caption names what the picture shows ("Latest roadmap with drafted 0.10.0 version."); a
  // badge before a sentence of work ("Fixed the flaky test.") is not one.
  return caption.split(/\s+/).length <= 12 && !/[!?:;]$|[a-z]{2}\.\s+[A-Z]/.test(caption) && sentenceKind(caption) === undefined;
}

/**
 * A line that only counts (`GitHub Summary: 4 commits, 1 pull request`, `Hours: 12`, `Time
 * spent: 6 h`, `fa: 45% (2339) strings translated, 7% strings fuzzy`): a key, then figures each
 * with at most a word or two of what they count (and a figure in brackets). Kept, never
 * announced as work.
 */
const FIGURE_COUNT = String.raw`[~≈]?\d[\d,]*(?:\.\d+)?\s*%?(?:\s*\(\s*[~≈]?\d[\d,]*(?:\.\d+)?\s*%?\s*\))?(?:\s*[A-Za-z]+(?:\s+[A-Za-z]+)?)?`;
/** What a figure line counts, a few words before its colon (`GitHub Summary:`, `Builtins completed:`). */
const FIGURE_KEY = String.raw`[\p{L}][\p{L} ]{0,30}[:：]\s*`;
const FIGURE_LINE = new RegExp(String.raw`^${FIGURE_KEY}${FIGURE_COUNT}(?:\s*(?:,|;|and|\+)\s*${FIGURE_COUNT})*\.?$`, 'u');
/** A count and its total (`Builtins completed: 26/70`, `Tests passing: 45 / 50 (90%)`). */
const COUNT_OF_TOTAL = new RegExp(String.raw`^${FIGURE_KEY}(\d+)\s*\/\s*(\d+)\s*(?:\([^()]{0,20}\))?\.?$`, 'u');
/** The count and the total of a line that says only how far a count has come toward its total. */
export function countOfTotal(text: string): [count: number, total: number] | undefined {
  const m = COUNT_OF_TOTAL.exec(text.trim());
  return m ? [Number(m[1]), Number(m[2])] : undefined;
}
/**
 * Or a sentence that only tallies contributions ("In total, Bundler had 37 merged pull requests
 * and 83 commits from 11 authors, and closed 50 issues."): one sentence, of counts.
 */
const TALLY = /^(?:in total,?\s+|overall,?\s+|(?:this|last)\s+(?:week|month|sprint|quarter),?\s+|in\s+[A-Z][a-z]+,?\s+)?[\w.@/-]+(?:\s+[\w.@/-]+){0,3}\s+(?:had|got|saw|received|merged|closed|gained)\s+\d[\d,]*\s+(?:new\s+|merged\s+|open\s+|closed\s+)?(?:pull requests?|prs?|merge requests?|mrs?|commits?|issues?|releases?|contributors?|authors?|stars?|downloads?)\b(?:(?:,|\s)+(?:and\s+)?(?:(?:closed|merged|opened)\s+)?(?:\d[\d,]*\s+(?:new\s+|merged\s+|open\s+|closed\s+)?(?:pull requests?|prs?|merge requests?|mrs?|commits?|issues?|releases?|contributors?|authors?|stars?|downloads?)|(?:from|(?:contributed\s+)?by)\s+\d[\d,]*\s+(?:authors?|contributors?|people)))*\s*[.!]?$/i;
/** A diff's size ("There were 738 additions and 277 deletions across 54 files."). */
const DIFF_TALLY = /^there\s+(?:were|was|have\s+been)\s+\d[\d,]*\s+(?:additions?|deletions?|insertions?|lines?\s+(?:added|removed|changed))(?:(?:,|\s)+(?:and\s+)?\d[\d,]*\s+(?:additions?|deletions?|insertions?|lines?\s+(?:added|removed|changed)))*(?:\s+(?:across|in)\s+\d[\d,]*\s+files?)?\s*[.!]?$/i;
export function isFigureLine(text: string): boolean {
  const t = text.trim();
  if (FIGURE_LINE.test(t) || TALLY.test(t)) return true;
  // Or a few sentences of such counts, the size of the diff with them.
  const sentences = sentencesOf(t);
  return sentences.length >= 2 && sentences.length <= 3 && sentences.some((x) => TALLY.test(x)) && sentences.every((x) => TALLY.test(x) || DIFF_TALLY.test(x));
}

/** A unit of time spent: hours, hrs, h, minutes, mins (outline.ts reads "(2 hours)" after a log's day with it too). */
export const TIME_UNIT = '(?:hours?|hrs?|h|minutes?|mins?)';

/**
 * A time sheet's line: how long went where ("8 hours were spent", "Top item: research, 2 hours",
 * "testing, 3 hours", "Brainstorming (Group meeting): 3 hours"), a figure of effort, no work said.
 */
const TIME_SPENT = new RegExp(String.raw`^(?:[\p{L}\d][\p{L}\d /()&'’-]{0,60}?\s*[:,]\s*){0,2}[~≈]?\d+(?:\.\d+)?\s*${TIME_UNIT}\b(?:\s+(?:were|was|have been|has been)\s+spent)?(?:\s+(?:in total|total|this week))?\s*\.?$`, 'iu');
// A form's question of time, with its answer ("How many hours did you spend on the project this week? 12 hours", "… (0-10) 4").
const TIME_ASKED = new RegExp(String.raw`^how (?:many hours|much time)\b[^?]{0,80}\?\s*(?:\([^()]{0,20}\)\s*)?[~≈]?\d+(?:\.\d+)?(?:\s*${TIME_UNIT}\b[^.!?]{0,30})?\.?$`, 'i');
export function isTimeSpent(text: string): boolean {
  return TIME_SPENT.test(text.trim()) || TIME_ASKED.test(text.trim());
}

// host/owner/repo/tree/… (GitHub, Bitbucket's src and branch), or …/-/tree/… after GitLab's groups.
const BRANCH_URL = /^https?:\/\/[^/]+\/(?:[^/?#]+\/[^/?#]+\/(?:tree|branch|src)|[^?#]+\/-\/tree)\/[^?#]+$/i;

/**
 * An item that is only a link to a branch of a repository, by its name
 * (`[phoenix/feature/search](…/-/tree/phoenix/feature/search)`, `…/tree/main`): where the work
 * is kept, not what was done. Kept as a note.
 */
export function isBranchLink(item: Pick<Item, 'text' | 'links'>): boolean {
  const [link, ...more] = item.links;
  if (!link || more.length > 0 || !BRANCH_URL.test(link.href)) return false;
  const text = item.text.trim();
  return text === link.text.trim() && !/\s/.test(text);
}

/**
 * Text dense in the punctuation of code (`{:watch-dirs ["src"]}`, `curl -X 'GET' \\ …`), not
 * prose: `share` of its characters or more are code's marks.
 */
export function looksLikeCode(text: string, share = 0.04): boolean {
  const marks = text.match(/[{}[\]();=<>$\\|`"']/g)?.length ?? 0;
  return marks / Math.max(text.length, 1) >= share;
}

/**
 * Whether an item is only a link to a site's home page, named in a few words (`[Monmouthshire](https://www.monmouthshire.gov.uk/)`,
 * `[Centre for Digital Public Services](https://digitalpublicservices.gov.wales/)`): who or what
 * it is, a reference, no work.
 */
export function isHomeLink(item: Pick<Item, 'text' | 'links'>): boolean {
  const [link, ...more] = item.links;
  if (!link || more.length > 0) return false;
  const text = item.text.trim();
  if (text !== link.text.trim() || text.split(/\s+/).length > 5) return false;
  try {
    const url = new URL(link.href);
    return /^https?:$/.test(url.protocol) && url.search === '' && /^\/?(?:(?:[a-z]{2}(?:-[a-z]{2})?\/)?(?:index|home)(?:\.\w+)?)?$/i.test(url.pathname);
  } catch {
    return false;
  }
}

/** A word or two naming what a link is, and a colon (`PR:`, `Relevant bug:`, `Design doc:`), before it. */
const LINK_LABEL = /^\s*[A-Za-z][\w#/-]*(?:\s+[A-Za-z][\w#/-]*)?\s*[:：]\s*$/;
/** Kinds of thing a label names besides those a link's text does (REFERENCE_WORDS): a bug, a board, a release… */
const MORE_REFERENCE_KINDS = /^(?:links|specification|bug|issue|ticket|release|changelog|notes|minutes|results|report|board|project|dashboard|branch|proposal|rfc|draft|form|survey|sheet|spreadsheet)$/i;
/** What kind of thing a link is, said by the last word of its label (`Relevant bug:`, `Slides:`). */
function isReferenceKind(word: string): boolean {
  return REFERENCE_WORDS.test(word) || MORE_REFERENCE_KINDS.test(word);
}

/** Link text that only says what kind of thing it points at (`[code](…)`, `[live](…)`, `[slides](…)`, `[All releases](…)`), no name. */
export const REFERENCE_WORDS = /^(?:the\s+)?(?:code|source(?:\s+code)?|repo(?:sitory)?|live(?:\s+(?:site|demo|ui|version))?|demo|docs?|documentation|link|here|slides?|deck|video|recording|notebook|preview|website|site|page|pr|mr|commit|diff|design(?:\s+doc)?|spec|thread|discussion|blog(?:\s+post)?|post|paper|pdf|screenshots?|gist|changelog|release\s+notes|(?:all|full|more|older|previous|past|complete)\s+(?:[\w-]+\s+)?(?:releases|changes|changelog|posts|updates|issues|notes|details|list))$/i;

/**
 * An item that is only links named by what they point at (`[code](…) - [live](…)`), or a bare
 * address: where the part's work is, not work. Kept as a note.
 */
export function isReferenceLinks(item: Pick<Item, 'text' | 'links'>): boolean {
  // A bare address alone (`https://github.com/acme/api/`); not an issue or a pull request, which is work named.
  if (/^<?https?:\/\/\S+>?$/i.test(item.text.trim())) return !/\/(?:issues|pulls?|merge_requests|milestones?)\/\d+/i.test(item.text);
  // Named by what kind of thing it is, then the address (`Relevant bug: https://bugs…/show_bug.cgi?id=291872`,
  // `Slides: https://…`, `Project: https://github.com/orgs/…/projects/17`); not a topic
  // (`Voter attestation: https://…/pull/498` names the work), nor an issue or a pull request.
  const labelled = /^([^:]{1,30}):\s*<?(https?:\/\/\S+?)>?$/i.exec(item.text.trim());
  if (labelled && LINK_LABEL.test(`${labelled[1]}:`) && isReferenceKind(labelled[1]!.trim().split(/\s+/).at(-1)!)) {
    return !/\/(?:issues|pulls?|merge_requests|milestones?)\/\d+/i.test(labelled[2]!);
  }
  return item.links.length > 0 && item.links.every((l) => REFERENCE_WORDS.test(l.text.trim())) && onlyLinks(item);
}

/** Links to released versions and nothing else (`[ponylang/http 0.5.5](…/releases/tag/0.5.5)`, `[flow-go@v0.39.0](…)`): those releases, made. */
export function isReleaseLinks(item: Item): boolean {
  return item.links.length > 0 && item.links.every((l) => /^https?:\/\/\S+\/releases\/tag\/\S+$/i.test(l.href)) && onlyLinks(item);
}

/** Whether an item's text is its links' texts and nothing more but separators. */
function onlyLinks(item: Pick<Item, 'text' | 'links'>): boolean {
  let rest = item.text;
  for (const l of item.links) rest = rest.replace(l.text.trim(), ' ');
  return /^[\s,;|·•/–—-]*$/.test(rest);
}

/** A sentence that only points at something to look at ("Here's our intro slides…", "See the dashboard", "More information … can be found in our report"), or invites the reader to ask. */
const POINTER = /^(?:(?:for (?:context|reference|comparison)|as (?:a reminder|usual|always)|once again|again|below|above),?\s+)?(?:here(?:['’]s| is| are)\b|see\b(?! (?:how|if|whether|what|why)\b)|take a look\b|have a look\b|you can (?:see|find|read|watch|try)\b|(?:more|further) (?:information|info|details)\b[^.!?]{0,80}\b(?:can be found|is available|are available)\b|[^.!?,:;]{1,80}?\bcan be (?:found|seen|watched|viewed|read|accessed|downloaded)\s+(?:here|at|on|in|via)\b|(?:more|further) (?:information|info|details)\s*[:：]\s*(?:<?https?:\/\/\S+>?|\S+\.\w{2,}\/?\S*)\s*$)/i;
/** An invitation to the reader ("please do reach out to him", "let us know", "feel free to…"). */
const INVITATION = /\b(?:please (?:do )?(?:reach out|get in touch|contact|let (?:me|us) know|join)|let (?:me|us) know|get in touch|feel free to|reach out to (?:me|us|him|her|them))\b/i;
/**
 * A few words naming what bare addresses after them are ("Pre-proposal Discussion https://…",
 * "Previous approved proposal https://…, https://…"): where to read more, no sentence of news.
 */
const NAMED_URLS = /^([^.!?]{2,60}?)\s*:?\s+(?:https?:\/\/\S+?[\s,;]*(?:and\s+)?)+$/i;
export function isNamedAddress(text: string): boolean {
  const named = NAMED_URLS.exec(text.trim());
  return named !== null && named[1]!.split(/\s+/).length <= 6 && !/https?:|\b(?:was|were|is|are|has|have|had|will|got)\b/i.test(named[1]!) && sentenceKind(named[1]!) === undefined;
}

/** Where to read more, said as such ("For more details, check out the weekly highlights and release notes."). */
const FURTHER_READING = /^for (?:more|further) (?:details|info|information|context),?\s+(?:please\s+)?(?:check\s*out|see|read|visit|refer to|have a look at|take a look at)\b/i;

export function isFurtherReading(text: string): boolean {
  return FURTHER_READING.test(text.trim());
}

/** A reference cited by its number (`[2] Network and Discrete Location Models… - Mark S. Daskin`, a post's sources at its end): what was read, no work. */
export function isCitation(text: string): boolean {
  return /^\[\d{1,3}\]\s+(?!\()\S/.test(text.trim());
}

export function isPointer(text: string): boolean {
  if (isFurtherReading(text)) return true;
  const t = text.trim();
  const sentences = sentencesOf(t);
  // A pointer is a sentence or two; a caption that goes on to tell of work ("Above, you can see
  // cloth… Characters also have necks now…") is that work. An invitation counts in the first
  // sentence: one closing a paragraph of news ("…my initial attempts were unsuccessful. If
  // anyone has ideas, please get in touch.") leaves it news.
  return (POINTER.test(t) && sentences.length <= 2) || (INVITATION.test(sentences[0]!) && sentenceKind(t) === undefined);
}

/** A sentence that leads into an example, code or a list shown after it ("Take this code for example:", "…looks like this:", "…is parsed like so:", "…worked on the following things:"). */
const EXAMPLE_LEAD_IN = /\b(?:for (?:example|instance)|like (?:this|so|that)|looks? like|as follows|the following(?:\s+\w+){0,2}|(?:this|these) (?:code|snippet|example|method|function|type|steps))\s*:$/i;
/**
 * Whether a paragraph only leads into what is shown after it: it ends on such a sentence and no
 * sentence of it tells of work ("MIR is also able to handle conditional drops. Take this code for
 * example:", "I was assigned 10 hours and worked on the following:"), not "We now support calc()
 * inside @media queries, for example:" (news) nor "Implemented the contract by editing the
 * following files:" (done).
 */
export function isExampleLeadIn(text: string): boolean {
  const sentences = sentencesOf(text.trim());
  return EXAMPLE_LEAD_IN.test(sentences.at(-1)!) && !saysWork(text);
}

/** Where someone was rather than what was done: "back from holiday", "On vacation", "OOO until Monday", "OOO 2 days (@Florin)", "Members OOO", "out sick"; or that they were ill. */
const AWAY = /^(?:(?:(?:just|now|i'm|i am)\s+)?(?:i was|i'm|i am|was|back from|returned from|(?:out|away) on|on)\s+(?:the\s+)?(?:holidays?|vacation|annual leave|leave|pto|sick leave)\b(?:[^.!?]{0,30}|\s+and\s+catching\s+up\b[^.!?]{0,60})|(?:(?:members|everyone|(?:two|three|some|several|\d+)\s+[\w-]+|[A-Z][\w-]*)\s+)?(?:ooo|out of (?:the )?office|out sick|off sick|sick|holidays?|vacation|pto)(?:\s+(?:until|till|this|next|last|all|from|on|for|(?:\d+|one|two|three|four|five|half\s+a|a)\s+(?:days?|weeks?))\b[^.!?]{0,30})?(?:\s*\((?:@?[\w .-]{1,30})\))?)[.!]?$/i;
/** Or why the writer could not work: "I was sick and…", "Unfortunately I fell ill this week". */
const UNWELL = /^(?:(?:unfortunately|sadly|also),?\s+)?(?:i|we)(?:['’]ve been|\s+(?:was|were|have been|had been|got|fell|have also been))\s+(?:\w+\s+)?(?:sick|ill|unwell)\b/i;
export function isAway(text: string): boolean {
  return AWAY.test(text.trim()) || UNWELL.test(text.trim());
}

/**
 * Thanks given rather than work done: "Big thanks to the team leader who…", "Thanks to Samuel
 * for reporting…", "Kudos to…", "Shout-out to…", "We're indebted to…", "We're grateful for…".
 * "Thanks to this week's contributors, @Timo, @Kyo…" too. Not "Thanks to the new index, queries
 * are faster": what a thing made possible, set apart by a comma, is news.
 */
const THANKS = /^(?:(?:and\s+)?(?:as\s+(?:ever|always)|once\s+again|again|finally|lastly|also),?\s+)?(?:(?:a\s+)?(?:(?:big|huge|special|many|massive|sincere|warm|heartfelt|additional|extra|enormous|great)\s+(?:and\s+)?)+(?:thanks|thank[- ]you|gratitude|shout[- ]?outs?|kudos)\b|hat\s+tip\s+to\b|gratitude\s+to\b|thank(?:s|\s+you)\s+to\s+(?:this\s+(?:week|month)['’]s\s+|our\s+|all\s+(?:the\s+|our\s+)?)?(?:contributors|sponsors|supporters|donors|everyone|everybody)\b|thank(?:s|\s+you)\b(?!\s+to\b[^,.;!?]*,)|(?:kudos|shout[- ]?outs?)\s+(?:(?:go|goes)\s+)?(?:out\s+)?(?:this\s+(?:week|month|sprint)\s+)?to\b|(?:we|i)(?:['’]re|['’]m|\s+are|\s+am)\s+(?:very\s+|really\s+|so\s+|hugely\s+|incredibly\s+)?(?:grateful|indebted|thankful)\b)/i;
/** Thanks said within a sentence of a few clauses ("The community keeps things rolling—many thanks to everyone listed here!", "…where I give a huge THANK YOU! to our sponsors"). */
const THANKS_WITHIN = /\b(?:many|huge|big|special|massive|heartfelt)\s+(?:thanks|thank[- ]you)\b/i;

/** Who made the work possible ("During May, our work was supported by GitLab, Stitch Fix, and many others."): an acknowledgement. */
const SUPPORTED_BY = /^(?:(?:[Tt]his|[Ll]ast)\s+(?:week|month|quarter|year)|(?:[Dd]uring|[Ii]n)\s+[A-Z]?[a-z]+)?,?\s*(?:[Oo]ur\s+work|[Tt]his\s+work|[Oo]ur\s+team|[Tt]he\s+project|[Ww]e|(?!(?:The|This|That|A|An|It)\b)[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,3})\s+(?:was|were|is|are|has\s+been|have\s+been)\s+(?:generously\s+|kindly\s+)?(?:supported|sponsored|funded|made\s+possible)\s+by\b[^.!?]*[.!]?$/;
/** Who joined as supporters, counted ("In addition, 2 developers signed up to be members…", "On top of those companies, 6 new developers signed up…"). */
const JOINED_COUNT = /^(?:[^.!?]{0,40},\s*)?(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|many)\s+(?:new\s+)?(?:developers|companies|people|members|individuals|sponsors|donors|backers)\s+(?:signed\s+up|joined|became)\b[^.!?]*[.!]?$/i;

export function isThanks(text: string): boolean {
  const t = text.trim();
  if (THANKS.test(t) || SUPPORTED_BY.test(t)) return true;
  // A paragraph of who supported the month and who joined them, thanked.
  const sentences = sentencesOf(t);
  if (sentences.length >= 2 && sentences.some((x) => SUPPORTED_BY.test(x)) && sentences.every((x) => SUPPORTED_BY.test(x) || JOINED_COUNT.test(x) || THANKS.test(x))) return true;
  // Within the first sentence (of one or two, no more), none of them telling work of its own.
  return sentences.length <= 2 && t.length <= 240 && THANKS_WITHIN.test(sentences[0]!) && !sentences.some((s) => sentenceKind(s) !== undefined);
}

/**
 * A writer taking leave of the reader ("That's all for today!", "See you then!", "Until next
 * month", "Thanks for reading", "Stay tuned"): no work, whatever follows it in the paragraph.
 */
const SIGN_OFF = /^(?:(?:so\s+)?that['’]?s\s+(?:all|it)\b(?:\s+(?:for|from|i['’]ve got|we['’]ve got|folks)\b|\s*[!.,])|(?:so\s+)?that\s+was\s+(?:(?:the|this|my|our|last)\s+(?:week|month|sprint|quarter|year)|january|february|march|april|may|june|july|august|september|october|november|december)\s*[.!]|see\s+you\s+(?:all\s+)?(?:then|soon|next|in|again|there|around|back|later)\b|until\s+next\s+(?:time|week|month|sprint|update)\b|thanks?\s+(?:you\s+)?(?:so\s+much\s+)?for\s+(?:reading|sticking\s+(?:with|around)|following\s+along|your\s+(?:support|patience))\b|stay\s+tuned\b|(?:happy|merry)\s+(?:hacking|holidays|new\s+year|easter|christmas|thanksgiving|diwali|eid|lunar\s+new\s+year|hanukkah)\b|have\s+a\s+(?:great|good|nice|lovely|wonderful)\s+(?:weekend|week|day|holiday|break|summer|time)\b|[~—–]\s*[A-Za-z][\w.]{0,20}$|(?:best(?:\s+(?:regards|wishes))?|cheers|(?:kind|warm|warmest)\s+regards|regards|all\s+the\s+best|sincerely|yours(?:\s+truly)?|warmly),?\s+[@A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2}[.!]?$|(?:all\s+the\s+best|best\s+(?:regards|wishes)|(?:kind|warm|warmest)\s+regards|sincerely|yours\s+truly)[,.!]?$|(?:from\s+)?the\s+(?:(?!(?:is|are|was|were|has|have|had|by|with|for|to|will|can)\b)[\w&'’-]+\s+){0,8}team[.!]?$)/i;

/** A word of feeling said aloud ("Whew!", "Yay open source development!", "Stay safe!"): no work. */
const INTERJECTION = /^(?:whew|phew|yay|hooray|hurrah|woo+-?hoo+|woot|yikes|oof|stay\s+safe|stay\s+healthy|take\s+care|fingers\s+crossed)\b[^.!?]{0,40}(?:[!.]+|$)\s*/i;

/** A greeting to the readers ("Hi all,", "Hello everyone!", "Namaste 🙏,"): no work. */
const GREETING = /^(?:hi|hello|hey|greetings|namaste|howdy|hola|good\s+(?:morning|afternoon|evening|day))\b(?:\s+(?:all|everyone|everybody|folks|friends|team|there|y['’]all|again))?[^\p{L}\p{N}\n]*?(?:[,!.]+|$)\s*/iu;
/** A welcome to the report itself ("Welcome to the first weekly blog of…", "Welcome back to another issue of…"). */
const WELCOME = /^(?:(?:hi|hello|hey)\s+and\s+)?welcome\s+(?:back\s+)?to\s+(?:the|my|our|this|another|issue|edition|part|week|episode|volume|\d)\b[^.!?]{0,120}[.!,]*\s*$/i;

/**
 * Whether a text is a quotation and nothing else, its author after it or not ("“Never give up
 * on your dreams… Keep sleeping”", "\"Concealed talent brings no reputation\" -Erasmus",
 * "“Let us make our future now.” — Malala Yousafzai"): words cited, no work.
 */
export function isQuotation(text: string): boolean {
  return QUOTATION.test(text.replace(/\s+/g, ' ').trim());
}
const QUOTATION = /^["“„«][^"“”„«»]{3,600}["”»](?:\s*[-–—~]+\s*[\p{Lu}][\p{L}.'’ ]{1,60})?$/u;

/**
 * Whether a text is only a word of feeling, or one followed by thanks ("Yay open source
 * development! 🎉 Big shout out to everyone…"); or a greeting, or a welcome to the report, or
 * both ("Namaste 🙏, Welcome to the first weekly blog of GSoC'20 for CDLI.").
 */
export function isInterjection(text: string): boolean {
  const t = text.trim();
  if (WELCOME.test(t)) return true;
  const greeted = GREETING.exec(t);
  if (greeted) {
    const after = t.slice(greeted[0].length);
    if (after === '' || isThanks(after) || sentencesOf(after).every((s) => WELCOME.test(s) || isThanks(s))) return true;
  }
  const said = INTERJECTION.exec(text.trim());
  const rest = said ? text.trim().slice(said[0].length).replace(/^[^\p{L}]+/u, '') : undefined;
  return rest !== undefined && (rest === '' || isThanks(rest));
}

/** Whether an item is the writer's sign-off (see SIGN_OFF): a closing word, a recap of the period ("So that was July."). */
export function isSignOff(text: string): boolean {
  // "And again, Happy New Year!": a word that only joins, first.
  return SIGN_OFF.test(text.trim().replace(/^(?:and|so|also|once again|again)\b,?\s+(?:again\b,?\s+)?/i, ''));
}

/**
 * How the meeting was held, not what it did ("Where: Laminas Slack #tsc-meeting channel", "Lead by
 * Phil Odence", "Minutes of Feb meeting approved", "Quorum WAS met (9 out of 15 members were
 * present)", "Moderating: @rwaldron"): one short line of the record's logistics.
 */
const MEETING_LOGISTICS = /^(?:(?:where|when|time|location|venue|place|dial[- ]in|zoom|meeting\s+(?:link|room|time|place|location)|recording|attendance|attending|present|quorum|chair|chaired\s+by|moderat(?:or|ing|ed\s+by)|note\s*-?\s*taker|scribe|facilitator)\s*[:：]\s*\S|(?:the\s+)?minutes\s+(?:of|from)\s+(?:the\s+)?(?:[\p{L}\d-]+\s+){0,3}(?:meeting|call)\s+(?:(?:were|was)\s+)?approved\b|quorum\s+(?:was|were|is|has\s+been)\s+(?:not\s+)?(?:met|reached)\b)/iu;
/** Who led it, by name ("Lead by Phil Odence", "Chaired by @ana"). */
const LED_BY = /^(?:[Ll]ead|[Ll]ed|[Cc]haired|[Mm]oderated|[Ff]acilitated|[Hh]osted)\s+by\s+(?:@|\p{Lu})/u;
export function isMeetingLogistics(text: string): boolean {
  const t = text.trim();
  const words = t.split(/\s+/).length;
  return (words <= 20 && MEETING_LOGISTICS.test(t)) || (words <= 6 && LED_BY.test(t));
}

/**
 * Who wrote the report, not what it says ("Prepared by: XWS Alpha Team", "Written by Ana Lee",
 * "Author: @jdoe"): one short line.
 */
const BYLINE = /^(?:(?:[Pp]repared|[Ww]ritten|[Ss]ubmitted|[Cc]ompiled|[Rr]eported|[Ee]dited|[Aa]uthored|[Pp]osted|[Pp]ublished|[Pp]ut together|[Mm]aintained)\s+by\s*[:：]?|(?:[Aa]uthors?|[Rr]eporters?|[Bb]y|[Cc]ompiled|[Pp]repared)\s*[:：]|[Bb]y)\s*(?:the\s+)?(?:[@A-Z][\w.'’-]*(?:\s+|\s*,\s*|\s+(?:and|&)\s+)?)+$/;
export function isByline(text: string): boolean {
  // Said of a part of it, in brackets too ("(Section written by @berkus)", "This post was written by Ana").
  const t = text.trim().replace(/^\(\s*(.*?)\s*\)$/, '$1').replace(/^(?:this\s+)?(?:section|post|part|update|issue)\s+(?:was\s+)?(?=[a-z]+\s+by\b)/i, '');
  return (t.length <= 120 && !/\n/.test(t) && BYLINE.test(t) && sentencesOf(t).length === 1) || isPresenter(t);
}

/**
 * So is who brought a topic to a meeting ("Presented by Ethan Heilman.", "Discussion led by Ana
 * Lee", "Hosted by @jdoe and Bo"), alone or with where to read it ("See the proposal discussed
 * here."): who spoke, not what was done.
 */
const PRESENTER = /^(?:(?:[Dd]iscussion|[Pp]resentation|[Ss]ession|[Tt]alk|[Dd]emo|[Tt]opic|[Ii]tem)\s+)?(?:[Pp]resented|[Ll]ed|[Hh]osted|[Mm]oderated|[Ff]acilitated|[Cc]haired|[Ii]ntroduced|[Gg]iven|[Rr]un)\s+by\s+(?:the\s+)?[@A-Z][\w.'’-]*(?:(?:\s+|\s*,\s*|\s+(?:and|&)\s+)[@A-Z][\w.'’-]*)*(?:\s*\([^)]{1,40}\))?[.!]?$/;
function isPresenter(text: string): boolean {
  const [first = '', ...rest] = sentencesOf(text);
  return first.length <= 120 && PRESENTER.test(first.trim()) && rest.every((s) => isPointer(s));
}

/**
 * What a post says of itself, opening on it ("In this post, I write about my work through the
 * second week", "This is the start of my blog that will document my progress for GSoC", "This
 * post covers…"), or greets the reader with it ("Welcome to the fifth edition of…", "This report
 * summarizes the work since February", "Here's my monthly update…", "Hello I am back again with…"):
 * about the writing, not the week's work. A paragraph that goes on to tell the work after that
 * first sentence is that work.
 */
const ABOUT_THE_POST = /^(?:(?:hello|hi|hey)(?:\s+(?:all|everyone|everybody|folks|there|friends))?\s*[,!.]?\s+)?(?:in\s+(?:this|today['’]s)\s+(?:blog\s+)?(?:post|article|entry|update|newsletter|issue|edition|series)\b|welcome\s+(?:back\s+)?to\s+(?:the|this|our|another)\s+(?:[\w'’-]+\s+){0,6}?(?:edition|issue|update|newsletter|report|post|installment|instalment)\b|this\s+(?:monthly\s+|weekly\s+)?(?:report|newsletter|series|update|edition|issue)\s+(?:is|will|covers|describes|summari[sz]es|documents|goes|serves|provides|gives)\b|here['’]s\s+(?:my|our)\s+(?:[\w()'’-]+\s+){0,4}?(?:update|report|newsletter|edition)\b|i\s+am\s+back\s+(?:again\s+)?with\b|this\s+(?:blog\s+)?(?:post|article|entry)\s+(?:is|will|covers|describes|summari[sz]es|documents|goes)\b|this\s+is\s+(?:the\s+(?:start|beginning|first\s+(?:post|entry))\s+of\s+my\s+blog|my\s+(?:first|second|third|last|final)\s+(?:blog\s+)?(?:post|entry))\b)/i;
export function isAboutThePost(text: string): boolean {
  const sentences = sentencesOf(text.trim());
  return sentences.length <= 2 && ABOUT_THE_POST.test(sentences[0] ?? '');
}

/**
 * A link and nothing else, named in a few words (`[Cumulative File](cumulative.md)`, `[Back to
 * index](../)`): where to go, not news. Not a link whose text is a sentence of work.
 */
export function isLinkOnly(item: Pick<Item, 'text' | 'links'>): boolean {
  const [link, ...more] = item.links;
  return link !== undefined && more.length === 0 && item.text.trim() === link.text.trim() && link.text.trim().split(/\s+/).length <= 6 && sentenceKind(link.text) === undefined;
}

/** A postscript ("P.S. I started weeknotes.", "PS once you claim a name…"). */
export function isPostscript(text: string): boolean {
  return /^p\.?\s?s\.?(?:\s*[:,-]|\s)\s*\S/i.test(text.trim());
}

/** A table cell that says nothing: empty, a dash, `N/A`, `TBD`. */
export function isEmptyCell(text: string): boolean {
  const t = text.trim();
  return t === '' || /^[-–—…]+$/.test(t) || isPlaceholder(t);
}

// `_achieved:_`, `achieved:`, an unclosed `_achieved:` (emphasis markers survive as text).
// Not a namespace (`finance::access-control-safes`): `::` is no label's colon.
const LABEL_PREFIX = /^\s*[_*]*\s*([A-Za-z][A-Za-z '’&/-]{0,40}?)\s*[_*]*\s*:(?!:)[_*]*\s*/;
const REPO_TAG = /^\s*\[([A-Za-z0-9@][\w.@/-]*)\]\s*/;
export { REPO_TAG };

/**
 * The repository written before an item's or a work item's text (`[nwaku] fixed …`, `**[nwaku]
 * [title](url)**`); a bracket inside a link's text is the linked issue's own title
 * (`[[Access] Crash when …](…/issues/7005)`, `[[BOUNTY] Build …](…)`), not a repository.
 */
export function repoTagOf(nodes: readonly RootContent[]): RegExpExecArray | null {
  let first: RootContent | undefined = nodes[0];
  while (first && (first.type === 'paragraph' || first.type === 'strong' || first.type === 'emphasis')) first = first.children.find((c) => !(c.type === 'text' && c.value.trim() === ''));
  return first?.type === 'text' ? REPO_TAG.exec(first.value) : null;
}

export interface WorkItem {
  repo?: string;
  title: string;
}

/** Whether nodes say anything: text, or an image, code or HTML; a lone `---` in a bullet does not. */
export function hasContent(nodes: RootContent[]): boolean {
  return nodes.some((n) => toString(n).trim() !== '' || (n.type !== 'thematicBreak' && n.type !== 'definition' && containsMedia(n)));
}

function containsMedia(node: RootContent): boolean {
  if (node.type === 'image' || node.type === 'imageReference' || node.type === 'html' || node.type === 'code') return true;
  return 'children' in node && (node.children as RootContent[]).some(containsMedia);
}

/** Own content of one item: sanitized HTML, plain text, links. */
export function makeItem(nodes: RootContent[], line: number, depth: number, workItem: WorkItem | undefined): Item {
  const text = nodes
    .map((n) => (n.type === 'html' ? n.value.replace(/<(script|style)[\s\S]*?<\/\1\s*>/gi, '').replace(HTML_TAG, '') : blockText(n)))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
  const links: Link[] = [];
  for (const n of nodes) {
    for (const l of collectLinks(n)) links.push(l);
  }
  const repo = repoTagOf(nodes)?.[1] ?? workItem?.repo;
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

/**
 * Plain text of a block, its blocks apart: a table's cells and rows separated ("Target · Current;
 * Block Finalization · 99.9%"), a list's items and the lines of a hard break by a space, never
 * run together as mdast's toString joins them; inline HTML tags are no text.
 */
export function blockText(node: RootContent): string {
  switch (node.type) {
    case 'table':
      return node.children.map((row) => row.children.map((cell) => toString(cell).trim()).join(' · ')).join('; ');
    case 'list':
    case 'listItem':
    case 'blockquote':
      return (node.children as RootContent[]).map(blockText).join(' ');
    case 'break':
      // A hard line break (two spaces at a line's end) parts words as a space does.
      return ' ';
    case 'html':
      // A block of HTML (a table written as HTML) keeps its text.
      return toString(node);
    default: {
      // Inline HTML styles its words (`<ins>Misc</ins>`, `<mark>AT RISK</mark>`): the text is the
      // words; HTML that is all there is (an `<img>`) stays as written.
      const words =
        'children' in node && (node.children as RootContent[]).some((c) => c.type === 'break' || 'children' in c)
          ? (node.children as RootContent[]).map((c) => (c.type === 'html' ? '' : blockText(c))).join('')
          : toString(node, { includeHtml: false });
      return words.trim() === '' ? toString(node) : words;
    }
  }
}

export function collectLinks(node: RootContent | Heading | Paragraph): Link[] {
  const links: Link[] = [];
  eachNode(node, 'link', (l) => {
    if (/^(https?:|mailto:|\/|#|\.)/i.test(l.url) || !/^[a-z][a-z0-9+.-]*:/i.test(l.url)) {
      links.push({ href: l.url, text: toString(l).trim() });
    }
  });
  return links;
}

export function hasLink(node: Paragraph): boolean {
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
export function eachNode<T extends RootContent['type']>(node: RootContent | Heading | Paragraph, type: T, fn: (n: NodeOfType<T>) => void): void {
  if (node.type === type) fn(node as NodeOfType<T>);
  if ('children' in node) for (const child of node.children as RootContent[]) eachNode(child, type, fn);
}

/** Text that may trail a heading link: `{E:2023-10k-users}` epic tags, `(done)`, ` - 2023-11-30`. */
const LINK_DECORATION = /^(?:\s|,|[:：]|\{[^{}]*\}|\((?:done|wip|continuous|in progress|completed|blocked)\)|[-–—]\s*\d{4}-\d{2}-\d{2})*$/i;

/**
 * A paragraph (or bullet) whose content is one link, possibly wrapped in emphasis and
 * followed by decoration only: it names a milestone or deliverable rather than saying something.
 */
export function soleLink(children: PhrasingContent[]): MdastLink | undefined {
  const meaningful = children.filter((c) => !(c.type === 'text' && c.value.trim() === '') && c.type !== 'break');
  // Named by what it is (`PR: [#30](…)`, `Commit: [558ad9c](…)`, `Review: [D53707](…)`): still one link.
  if (meaningful.length >= 2 && meaningful[0]!.type === 'text' && LINK_LABEL.test(meaningful[0].value)) return soleLink(meaningful.slice(1));
  const [head, ...tail] = meaningful;
  if (head && tail.length > 0 && tail.every((c) => c.type === 'text' && LINK_DECORATION.test(c.value))) {
    return soleLink([head]);
  }
  if (meaningful.length !== 1) return undefined;
  const only = meaningful[0]!;
  // A picture linked to its full size (`[![shot.png](…/medium/shot.png)](…/original/shot.png)`) is a picture, not a link that names anything.
  if (only.type === 'link') return /^https?:/i.test(only.url) && !only.children.every((c) => c.type === 'image' || (c.type === 'text' && c.value.trim() === '')) ? only : undefined;
  if (only.type === 'strong' || only.type === 'emphasis') return soleLink(only.children);
  return undefined;
}

export function headingTag(node: Heading): string | undefined {
  let tag: string | undefined;
  eachNode(node, 'inlineCode', (c) => {
    if (tag === undefined && isCommitmentTag(c.value)) tag = c.value.trim();
  });
  return tag;
}

/** Title of a milestone heading: the link text when the link is the heading. */
export function headingTitle(node: Heading, text: string, links: Link[], tag: string | undefined): { title: string; status: string[] } {
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

/** What a label makes of the items under it: a kind, the update's summary, or notes (asides, unknown labels). */
export type LabelTarget = ItemKind | 'summary' | 'pending' | 'reviewed';

/** A label's kind as the outline uses it: asides are kept as notes. */
export function labelTarget(kind: LabelKind): LabelTarget {
  return kind === 'aside' ? 'notes' : kind;
}

/** Reads a label's words: `leadIn` when content follows it on the same line. */
export type KindOf = (words: string, leadIn: boolean) => LabelKind | undefined;

const defaultKindOf: KindOf = (words, leadIn) => readLabel(words, { leadIn })?.kind;

export interface Label {
  kind: LabelTarget;
  /** The label word as written, for messages. */
  word: string;
  unknown: boolean;
  /** Content after the label (empty for a label-only bullet or paragraph). */
  rest: RootContent[];
  /** The label is a line of its own above its content (`**This sprint**` then, next line, text). */
  ownLine?: boolean;
}

/** Words that say a heading titles a report of its own ("Weekly update", "Progress report"). */
export const REPORT_WORDS = /\b(?:weekly|update|updates|reports?|roundup|round[- ]up|newsletter|digest|status|notes|logs?|journal|diary)\b/i;
/** Words that say a heading titles a record of its own: a report's, or a meeting's ("# OpenPubkey Community Meeting"). */
export const RECORD_WORDS = new RegExp(`${REPORT_WORDS.source}|\\b(?:meeting|minutes|sync|stand-?up)\\b`, 'i');

/** `#### _achieved_:`, `## This Week's Achievements`, `#### _blocker:_` */
export function headingLabel(node: Heading, text: string, kindOf: KindOf = defaultKindOf): { kind: LabelTarget; word: string; unknown: boolean } | undefined {
  const word = text.replace(/^[_*\s]+|[_*:\s]+$/g, '').trim();
  if (milestonePrefix(word)) return undefined;
  const kind = kindOf(word, false);
  if (kind) return { kind: labelTarget(kind), word, unknown: false };
  // `### Lead: @ana`, `## Attendees: Ana, Bo`, `## Special Presentation - Mark, Qualcomm`: who,
  // said in the heading itself, is an aside. Not a record's title before a dash ("## Weekly
  // Meeting Minutes - VistA Maintenance"): it names the document.
  const lead = /^([^:]{1,40}):\s*\S/.exec(word) ?? /^([^:–—]{1,40}?)\s*[-–—]\s+\S/.exec(word);
  if (lead && kindOf(lead[1]!.trim(), true) === 'aside' && (/^[^:]{1,40}:/.test(word) || !RECORD_WORDS.test(lead[1]!))) return { kind: labelTarget('aside'), word, unknown: false };
  if (/:\s*$/.test(text) && allEmphasis(node.children) && word.split(/\s+/).length <= 3) {
    return { kind: 'notes', word, unknown: true };
  }
  return undefined;
}

export function allEmphasis(children: PhrasingContent[]): boolean {
  const meaningful = children.filter((c) => !(c.type === 'text' && /^[\s:]*$/.test(c.value)));
  return meaningful.length > 0 && meaningful.every((c) => c.type === 'emphasis' || c.type === 'strong');
}

/**
 * `- _achieved:_`, `- achieved: text`, `**Completed**: text`, `- This Week's Achievements:`:
 * a label, and what follows it on the same line. Unknown emphasised labels, one lowercase
 * word (`- _status:_` over a nested list), are reported and kept as notes. A `Milestone 1: X`
 * lead-in is not a label: it names a part.
 */
export function splitLabel(own: RootContent[], kindOf: KindOf = defaultKindOf): Label | undefined {
  const written = own[0];
  if (!written || written.type !== 'paragraph') return undefined;
  // Inline HTML around a label (`<mark style="color:purple;">**Note:**</mark>`) styles it: the label is its words.
  const first: Paragraph = written.children.some((c) => c.type === 'html') ? { ...written, children: written.children.filter((c) => c.type !== 'html') } : written;
  const text = toString(first);
  if (milestonePrefix(text)) return undefined;
  const m = LABEL_PREFIX.exec(text);
  if (!m && own.length <= 1) {
    // A label set in bold or italics on a line of its own, the paragraph going on below it
    // (`**This sprint**` and, with no blank line, `**Sprint goal: …**`).
    const breakAt = first.children.findIndex((c) => c.type === 'text' && c.value.includes('\n'));
    const firstLine = breakAt > 0 ? text.slice(0, text.indexOf('\n')) : '';
    const read = firstLine !== '' && allEmphasis(first.children.slice(0, breakAt)) && !/[.!]$/.test(firstLine.trim()) ? kindOf(labelWords(firstLine), false) : undefined;
    if (read) {
      const restParagraph: Paragraph = { ...first, children: stripLeading(first.children, firstLine.length + 1) };
      return { kind: labelTarget(read), word: labelWords(firstLine), unknown: false, rest: toString(restParagraph).trim() === '' ? [] : [restParagraph], ownLine: true };
    }
  }
  if (!m) {
    // A bare label, the whole first line and nothing else: `Completed`, `- **Ongoing**`. With
    // nothing nested under it, every word must be a label's ("- Players in progress" is an item),
    // unless it is set in bold or italics, as a heading is ("**Completed OKRs**").
    const bare = own.length <= 1 || own.slice(1).every((n) => n.type === 'list') ? kindOf(labelWords(text), own.length <= 1 && !allEmphasis(first.children)) : undefined;
    // A question in bold or italics ("**What did I complete?**") is a label when its words say one.
    return bare && labelWords(text) !== '' && !/[.!]$/.test(text.trim()) && (!/\?$/.test(text.trim()) || allEmphasis(first.children)) ? { kind: labelTarget(bare), word: labelWords(text), unknown: false, rest: [] } : undefined;
  }
  const word = m[1]!.trim();
  let stripped = stripLeading(first.children, m[0].length);
  // A label whose first bullet was typed on its own line (`**Current Contributions:** - built the
  // login`, the rest nested below): a label on a line of its own, the bullet its first item.
  const marker = /^\s*[-*•]\s+(?=\S)/.exec(toString({ type: 'paragraph', children: stripped } as Paragraph));
  if (marker) stripped = stripLeading(stripped, marker[0].length);
  const restParagraph: Paragraph = { ...first, children: stripped };
  const rest = [...(toString(restParagraph).trim() === '' && stripped.every((c) => c.type !== 'image') ? [] : [restParagraph]), ...own.slice(1)];
  const read = kindOf(word, rest.length > 0 && !marker);
  let kind: LabelTarget | undefined = read ? labelTarget(read) : undefined;
  // An aside's word before a line that says work done or planned is the area the work is about
  // ("References: added a link to write a reference [#2308]", a feature named References).
  // Not the writer's own account under it ("Learning: I've watched a lot of tutorials…").
  if (kind === 'notes' && rest.length > 0 && !/^\s*I\b/.test(toString(restParagraph)) && sentenceKind(toString(restParagraph)) !== undefined) return undefined;
  let unknown = false;
  if (!kind) {
    // Only an emphasised word with nothing after it is a label; "Note: …" is prose. A kind is
    // written as one lowercase word (`- _mood:_`, like `- _achieved:_`): a name in emphasis over
    // its work (`- **Weighted losses:**`, `- **DODGE:**`) is the part that work is of.
    const firstInline = first.children.find((c) => !(c.type === 'text' && c.value.trim() === ''));
    if (rest.length > 0 || !firstInline || (firstInline.type !== 'emphasis' && firstInline.type !== 'strong') || !/^[a-z][a-z-]*$/.test(word)) return undefined;
    kind = 'notes';
    unknown = true;
  }
  return { kind, word, unknown, rest };
}

/** A short name and its colon, then the bullet's words (`Platform: PostgreSQL upgraded to 9.5`); not an address. */
export const LEAD_NAME = /^([A-Za-z][\w.&+/'’ -]{0,39}?)\s*[:：]\s+(?=\S)(?!https?:)/;

/** Drops the first `count` characters of plain text from a run of inline nodes. */
export function stripLeading(children: PhrasingContent[], count: number): PhrasingContent[] {
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

/**
 * A line as a standing text is compared: its words, lowercase, without a bullet's or a heading's
 * marks, emphasis, a link's address or a closing stop.
 */
export function standingForm(line: string): string {
  return line
    .replace(/^[ \t>]*(?:#{1,6}[ \t]+|(?:[-*+]|\d{1,3}[.)])[ \t]+)?/, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.!:;,]+$/, '')
    .toLowerCase();
}

/** Figures, months and ordinals: what changes from one week's standing line to the next. */
const WHEN_TOKEN = new RegExp(String.raw`\b(?:\d+(?:st|nd|rd|th)?|${MONTH_NAME}|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth)\b`, 'gi');
/**
 * A standing line's form with its dates and ordinals blanked ("What's up with Servo for the week
 * of 21 Sep 2015 - 27 Sep 2015", "This week — May 14 to May 20 — was the first week of the coding
 * period"): the line every report writes the same but for when; undefined for a line with no
 * figure in it.
 */
export function datedForm(line: string): string | undefined {
  if (!/\d/.test(line)) return undefined;
  return standingForm(line).replace(WHEN_TOKEN, '#').replace(/#(?:[\s,./–—-]*(?:to\s+)?#)+/g, '#');
}

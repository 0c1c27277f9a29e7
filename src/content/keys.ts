/**
 * Where milestone keys are decided. A key is a URL-safe slug that must stay the same every
 * week a milestone appears, even when its title is reworded. In order of preference:
 * an alias (content/aliases.yaml), the tracker URL, an inline-code commitment tag, the
 * normalised title (scoped by team).
 */
import { MONTH_NAME } from './dates';
import { isGivenName } from './names';

/** Lowercase ASCII slug: runs of anything else become one "-". */
export function slugify(text: string, maxLength = 80): string {
  const ascii = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  // Words of a script with no Latin letters ("支付模块", "Платежи") would leave nothing, or only
  // the Latin part ("支付模块 v2" → "v2"): their text, hashed, keeps one name one key.
  const other = text.normalize('NFKC').toLowerCase().match(OTHER_SCRIPT);
  const slug = other ? [ascii.slice(0, maxLength - 8).replace(/-+$/, ''), `u${fnv1a(other.join(' '))}`].filter(Boolean).join('-') : ascii;
  return slug.length > maxLength ? slug.slice(0, maxLength).replace(/-+$/, '') : slug;
}

/** Letters of scripts written without Latin letters (not Greek: a formula's α is no name). */
const OTHER_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Cyrillic}\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Thai}\p{Script=Devanagari}\p{Script=Bengali}\p{Script=Tamil}ー]+/gu;

/** 32-bit FNV-1a of a text's code points, from `basis` (FNV's offset basis unless another is given). */
export function fnv1a32(text: string, basis = 0x811c9dc5): number {
  let hash = basis;
  for (const ch of text) {
    hash ^= ch.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** 32-bit FNV-1a of a text, in base 36 (at most 7 characters). */
function fnv1a(text: string): string {
  return fnv1a32(text).toString(36);
}

const GITHUB_TRACKER = /^(?:www\.)?github\.com\/([^/]+)\/([^/]+)\/(issues|milestone|milestones|pull)\/(\d+)$/i;

/**
 * Canonical form of a tracker URL: https, no www, no query/fragment/trailing slash;
 * GitHub issues and milestones reduced to `github.com/ORG/REPO/issues/N` and `/milestone/N`.
 */
export function normaliseTrackerUrl(raw: string): string | undefined {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  const hostAndPath = `${url.hostname.toLowerCase().replace(/^www\./, '')}${url.pathname.replace(/\/+$/, '')}`;
  const gh = GITHUB_TRACKER.exec(hostAndPath);
  if (gh) {
    const kind = gh[3]!.toLowerCase() === 'milestones' ? 'milestone' : gh[3]!.toLowerCase();
    return `https://github.com/${gh[1]!.toLowerCase()}/${gh[2]!.toLowerCase()}/${kind}/${gh[4]}`;
  }
  // A page named by its query alone (`youtube.com/watch?v=…`, `…/view.php?id=12`): the query
  // says which, less what only tracks the visit.
  const query = /\d/.test(url.pathname)
    ? []
    : [...url.searchParams].filter(([k]) => !/^(?:utm_.*|ref|source|fbclid|gclid|hss_.*|si|s|t|feature|pvs)$/i.test(k)).sort(([a], [b]) => a.localeCompare(b));
  return `https://${hostAndPath}${query.length > 0 ? `?${new URLSearchParams(query).toString()}` : ''}`;
}

/** A normalised tracker URL of an issue or a pull (merge) request: one piece of work, as opposed to a milestone or an epic. */
export const WORK_URL = /\/(?:issues|pull|merge_requests)\/\d+$/;

/** `https://github.com/waku-org/pm/issues/12` → `waku-org-pm-12`; milestones get `m`, pulls `pr`. */
export function trackerKey(normalisedUrl: string): string {
  const gh = /^https:\/\/github\.com\/([^/]+)\/([^/]+)\/(issues|milestone|pull)\/(\d+)$/.exec(normalisedUrl);
  if (gh) {
    const prefix = gh[3] === 'issues' ? '' : gh[3] === 'milestone' ? 'm' : 'pr';
    return slugify(`${gh[1]}-${gh[2]}-${prefix}${gh[4]}`, 120);
  }
  return slugify(normalisedUrl.replace(/^https:\/\//, ''), 120);
}

const STATUS_WORDS = [
  'done',
  'completed',
  'complete',
  'continuous',
  'ongoing',
  'in progress',
  'wip',
  'blocked',
  'paused',
  'on hold',
  'dropped',
  'cancelled',
  'canceled',
  'deprioritised',
  'deprioritized',
  'not started',
  'wrapping up',
  'closed',
  'shipped',
  'released',
  'finished',
  'in review',
  'new',
  'new project',
  'on track',
  'at risk',
  'off track',
  'delayed',
] as const;
const STATUS_RE = new RegExp(`^(?:${STATUS_WORDS.map((w) => w.replace(/ /g, '\\s+')).join('|')})$`, 'i');

/** A status said in words ("Done", "At risk", "WIP!"): the word as a status, lower case; undefined for anything else. */
export function statusWordOf(text: string): string | undefined {
  const words = text.trim().replace(/!+$/, '');
  return STATUS_RE.test(words) ? words.toLowerCase().replace(/\s+/g, ' ') : undefined;
}

/** Handles of who owns a part: `@ana`, `@ana, @bo`, `@ana and @bo`. */
const HANDLES = String.raw`@[\w.-]+(?:\s*(?:,|&|\/|\band\b)\s*@[\w.-]+){0,3}`;

/** Text without the handles of its owners in brackets (`(@Roman)`, `[@ana, @bo]`). */
export function withoutOwnerHandles(text: string): string {
  return text.replace(new RegExp(String.raw`\s*[([]\s*${HANDLES}\s*[)\]]`, 'g'), '');
}

/** One to four names: `Alex`, `Ana, Bo`, `@alex & @bo`, `Jan K.`. */
const OWNERS = /^@?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)?(?:\s*(?:,|&|\/|\band\b)\s*@?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)?){0,3}$|^@[\w-]+(?:\s*(?:,|&|\/)\s*@[\w-]+){0,3}$/;

/** The names of a list of people (`JPL/Nolan`, `Dieu Cao & Nicholas Calugar`, `Ana, Bo and Cy`). */
function namesOf(text: string): string[] {
  return text.trim().split(/\s*(?:\/|,|&|\band\b)\s*/).filter((n) => n !== '');
}
/** Whether a name's first word is a given name in the lists (`Will Pragnell`, `@Joe`). */
const givenFirst = (name: string) => isGivenName(name.split(/\s+/)[0]!.replace(/^@/, ''));

/** Whether words after a dash are people by their full names (`Will Pragnell`, `Dieu Cao & Nicholas Calugar`): a given name and a surname each. */
function areLeads(text: string): boolean {
  const names = namesOf(text);
  return names.length > 0 && names.every((n) => /^[A-Z][\p{L}'’-]+\s+[A-Z][\p{L}'’.-]+$/u.test(n)) && names.some(givenFirst);
}

/** Whether a bracket's words are people: two names or more (`JPL/Nolan`, `Petr G/Radek K`; not `CI/CD`, `Frontend/Backend`), or one given name (`Joe`). */
function isOwners(text: string): boolean {
  const names = namesOf(text);
  if (names.length === 0 || !names.every((n) => /^@?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)?$/.test(n))) return false;
  // A name with its initial (`Petr G`) is a person's, whatever the lists hold.
  return names.length >= 2 ? names.some((n) => givenFirst(n) || /^[A-Z][a-z]+\s+[A-Z]\.?$/.test(n)) : isGivenName(names[0]!);
}

export interface CleanTitle {
  title: string;
  status: string[];
}

/** `(owner: Ana)`, `(lead: @ana)`, `(@ana, @bo)`, `(by Sarah C.)`, `(drafted by Christian C.)`, `— @ana` at the end of a name. */
const OWNED_AT_END = new RegExp(String.raw`\s*(?:\(\s*(?:(?:owners?|leads?|dri|assignees?|poc|by)\s*[:：-]\s*[^()]{1,40}|(?:(?:written|drafted|reported|developed|prepared|compiled|presented|led|edited)\s+)?by\s+(?!(?:hand|default|design|the|a|an|now|then|far|way|end|date|name|type|week|month|day|team|user|area)\b)[\w@][^()]{0,40}|${HANDLES})\s*\)|\s(?:-|–|—)\s*${HANDLES})\s*$`, 'i');

/** A tick: ✅, ✔️, ☑️ (done). */
export const TICK = /✅|✔️?|☑️?/u;

/** Traffic lights, as status reports write them: a tick, a coloured circle or square. */
const LIGHTS: ReadonlyArray<[RegExp, string]> = [
  [TICK, 'done'],
  [/🟢|🟩|💚/u, 'on track'],
  [/🟡|🟠|🟨|🟧|⚠️?/u, 'at risk'],
  [/🔴|🟥|❌|⛔|🛑/u, 'off track'],
];
const LIGHT = `(?:${LIGHTS.map(([re]) => re.source).join('|')})`;
const LIGHT_AT_EDGE = new RegExp(`^\\s*${LIGHT}\\s*|\\s*${LIGHT}\\s*$`, 'u');

/** The status a traffic light shows (✅ done, 🟢 on track, 🟡 at risk, 🔴 off track), if the text has one. */
export function trafficLight(text: string): string | undefined {
  return LIGHTS.find(([re]) => re.test(text))?.[1];
}

/**
 * Display title of a milestone heading: drops a leading "Milestone:" / "Milestone -",
 * trailing parenthesised status words ("(done)", "(WIP)") and trailing dates ("- 2023-11-30"),
 * and returns the status words found.
 */
export function cleanTitle(raw: string): CleanTitle {
  const status: string[] = [];
  // Inline HTML around the name (`<ins>EFM Recovery</ins>`) is markup, not the name.
  let title = raw.replace(/\s+/g, ' ').trim().replace(/^(?:<\/?[a-z][^<>]*>\s*)+|(?:\s*<\/?[a-z][^<>]*>)+$/gi, '').trim();
  // `nomos::data availability`, `::research`: a namespace written before the name.
  title = title.replace(/^[\w-]*::\s*/, '');
  // `**- Application**`: a list marker typed inside the emphasis is not part of the name.
  title = title.replace(/^[-–—•·]\s+(?=\S)/, '');
  // A backtick left unclosed (`` `Key Market Trends ``): markup, not the name.
  if ((title.match(/`/g) ?? []).length === 1) title = title.replace(/^`\s*|\s*`$/, '');
  const prefix = milestonePrefix(title);
  if (prefix) {
    title = prefix.title;
    status.push(...prefix.status);
  }
  for (;;) {
    const before = title;
    // A ✅ or a traffic light before or after the name (`## Payments 🟢`): how it stands.
    const light = LIGHT_AT_EDGE.exec(title);
    if (light && title.replace(light[0], '').trim() !== '') {
      const word = trafficLight(light[0])!;
      if (!status.includes(word)) status.unshift(word);
      title = title.replace(light[0], '');
    }
    title = title.replace(/\s*(?:-|–|—)\s*\d{4}-\d{2}-\d{2}\s*$/, '');
    const paren = /\s*\(([^()]*)\)\s*$/.exec(title);
    const parenStatus = paren ? statusWordOf(paren[1]!) : undefined;
    if (paren && parenStatus) {
      status.unshift(parenStatus);
      title = title.slice(0, paren.index);
    }
    // `[IN PROGRESS]` is a status; `[Alex]`, `[Ana, Bo]`, `[@alex]` name who owns the part, not the part.
    const bracket = /\s*\\?\[([^[\]]{1,40})\]\s*$/.exec(title);
    if (bracket && title.slice(0, bracket.index).trim() !== '') {
      // `[ ~~Jerome~~ : ]`: an owner struck out, a colon left over: still who, not what.
      const inner = bracket[1]!.replace(/[~*_:]/g, '').trim();
      if (STATUS_RE.test(inner)) {
        status.unshift(inner.toLowerCase().replace(/\s+/g, ' '));
        title = title.slice(0, bracket.index);
      } else if (inner === '' || OWNERS.test(inner)) title = title.slice(0, bracket.index);
    }
    // `(owner: Ana)`, `(lead: @ana)`, `(@ana, @bo)`, `— @ana`: who owns it, said in brackets or after a
    // dash (a handle, or an owner's word first); `(EU)`, `(Beta)` stay part of the name.
    const owned = OWNED_AT_END.exec(title);
    if (owned && title.slice(0, owned.index).trim() !== '') title = title.slice(0, owned.index);
    // `(JPL/Nolan)`, `(Mark/Jack/Nick)`, `(Joe)`: the people of a squad or a workstream, named
    // in brackets after it; two names or more, or one given name (`(EU)`, `(Beta)` are the name's).
    const people = /\s*\(([^()]{1,60})\)\s*$/.exec(title);
    if (people && title.slice(0, people.index).trim() !== '' && isOwners(people[1]!)) title = title.slice(0, people.index);
    // `Garden - Will Pragnell`, `CAPI – Dieu Cao & Nicholas Calugar`: a team and its leads after a
    // dash, each a given name and a surname (one name in the lists at least).
    const leads = /\s+[-–—]\s+([A-Z][^-–—]{2,60})$/u.exec(title);
    if (leads && title.slice(0, leads.index).trim() !== '' && areLeads(leads[1]!)) title = title.slice(0, leads.index);
    const dashed = /\s+(?:-|–|—)\s+([a-z ]+)$/i.exec(title);
    if (dashed && STATUS_RE.test(dashed[1]!.trim())) {
      status.unshift(dashed[1]!.trim().toLowerCase().replace(/\s+/g, ' '));
      title = title.slice(0, dashed.index);
    }
    title = title.replace(/[\s:–—-]+$/, '').trim();
    if (title === before) break;
  }
  return { title: title || raw.trim(), status };
}

// `Milestone 1:`, `Milestone - `, `Epic:`, `Deliverable 2.1:`, `[Deliverable]`, `Next milestone:`.
const PREFIX = /^\s*(next\s+)?(?:milestones?|epics?|deliverables?|commitments?|objectives?|key results?|okrs?)\s*(?:#?\d+(?:\.\d+)*[a-z]?)?\s*(?::|-|–|—|\((?=[^()]*\d\s*%)[^()]*\)(?:\s*[:–—-])?)\s*/i;
const BRACKET_PREFIX = /^\s*\[(?:milestones?|epics?|deliverables?|commitments?)\]\s*/i;

/** A lead-in that names a milestone (`Milestone 1: Title`): the title after it, and "next" for `Next milestone:`. */
export function milestonePrefix(text: string): { title: string; status: string[] } | undefined {
  const plain = text.replace(/^[_*\s]+/, '').replace(/^([A-Za-z][\w ]*?\d*)\s*[_*]+\s*:/, '$1:').replace(/^([A-Za-z][\w ]*?\d*)\s*:\s*[_*]+/, '$1: ');
  const m = PREFIX.exec(plain) ?? BRACKET_PREFIX.exec(plain);
  if (!m) return undefined;
  const title = plain.slice(m[0].length).replace(/^[_*\s]+|[_*\s]+$/g, '').trim();
  if (title === '') return undefined;
  return { title, status: m[1] ? ['next'] : [] };
}

/**
 * Inline-code tags that name a commitment, such as `team:area:commitment` (a unit written
 * `vac:tke::x` too). A label-style path in lower case, `area/topic`, is the same with another
 * separator; in capitals (`PPoS/Consensus`) the slash is an "and" between names, not a path.
 */
export function isCommitmentTag(code: string): boolean {
  const tag = code.trim();
  // Not a date or a number in code (`05/11/2022`, `1.2.3`): when, or a version, no commitment.
  if (/^[\d./:-]+$/.test(tag)) return false;
  return /^[a-z0-9][\w.-]*(?::{1,2}[\w.-]+)+$/i.test(tag) || (/^[a-z0-9][\w.-]*(?:[:/]{1,2}[\w.-]+)+$/.test(tag) && !/[A-Z]/.test(tag));
}

export interface KeySource {
  team: string;
  title: string;
  trackerUrl?: string;
  tag?: string;
  /** Identity of the enclosing part, for a title that recurs under different parents ("Research"). */
  scope?: string;
}

/** A bracket that says when a note was written: `[Updated on 9/26]`, `(as of Mar 5)`, `(5 March)`. */
const DATING_BRACKET = new RegExp(`\\s*[[(](?=[^[\\]()]*(?:\\b\\d{1,2}/\\d{1,2}\\b|\\b${MONTH_NAME}\\.?\\s+\\d{1,2}\\b|\\b\\d{1,2}\\s+${MONTH_NAME}\\b))[^[\\]()]*[\\])]`, 'gi');

/**
 * A title as identity: case, punctuation, `Milestone 1:` prefixes, status words, owners in
 * brackets, dates, week numbers and ordinal prefixes (`1.`, `#3`, `1.3`) ignored.
 */
export function titleIdentity(title: string): string {
  const bare = cleanTitle(title)
    // `(100%, 2023/07/31)`, `(15%)`: progress and due dates said in passing, not the name.
    .title.replace(/\s*\((?=[^()]*(?:\d\s*%|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}))[^()]*\)/g, ' ')
    // `[Updated on 9/26]`, `(as of Mar 5)`: when it was written, not what it is.
    .replace(DATING_BRACKET, ' ')
    .replace(/\b\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\b|\b\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}\b/g, ' ')
    .replace(/(?<![a-z])(?:week|wk|cw)\s*[-_]?\s*#?\s*\d{1,2}\b/gi, ' ')
    .replace(/\bweek\s+(?:(?:twenty|thirty|forty|fifty)(?:[\s-]+(?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)\b/gi, ' ')
    .replace(/^\s*(?:#?\d{1,3}[.):]|#\d{1,3}|\(\d{1,3}\))\s+/, '')
    // `1.3 Search`, `1.2) TestSwarm`: a section's number, not `2.0 Release` nor `1.1 release` (a version).
    .replace(/^\s*\d{1,2}\.[1-9]\d?[.)]?\s+(?!(?:release|version|update|upgrade|rc|beta|alpha|branch|series|line|support|compat\w*|migration|launch|milestone|roadmap|api|spec)\b)/i, '');
  return slugify(bare) || slugify(cleanTitle(title).title);
}

/** The key a section would get before aliases are applied. */
export function derivedKey(source: KeySource): string {
  if (source.trackerUrl) return trackerKey(source.trackerUrl);
  if (source.tag && isCommitmentTag(source.tag)) return slugify(source.tag.replace(/[:/]/g, '-'), 120);
  const title = titleIdentity(source.title) || 'untitled';
  return source.scope ? `${source.scope}-${title}` : `${slugify(source.team)}-${title}`;
}

/** Follows aliases (old key → current key) to the end, ignoring cycles. */
export function resolveAlias(key: string, aliases: ReadonlyMap<string, string>): string {
  const seen = new Set<string>([key]);
  let current = key;
  for (let next = aliases.get(current); next !== undefined && !seen.has(next); next = aliases.get(current)) {
    seen.add(next);
    current = next;
  }
  return current;
}

/**
 * An outline, keyed, becomes the update's milestone sections and notes.
 *
 * Keys come from a node's own identity (./keys.ts): tracker URL, commitment tag, its title.
 * A title is qualified by its parent's identity only where the same title recurs under
 * different parents in the team's reports ("Research" under each workstream): see TitleOwners.
 */
import { createHash, type Hash } from 'node:crypto';
import { stemmer } from 'stemmer';
import { cleanTitle, derivedKey, resolveAlias, slugify, titleIdentity, trackerKey, withoutOwnerHandles } from './keys';
import { ITEM_KINDS, type Item, type ItemKind, type ItemsByKind, type MilestoneSection, type SectionLevel } from './model';
import { isGivenName } from './names';
import { CHANGE_URL, isCallToReader, isCatchAll, isTaskTitle, NOT_MERGED_WORDS, PLANNED_LEAD, proseKind, saysWork, sentenceKind, sentencesOf, tickedOff, toldAsActivity } from './labels';
import { isSection, outlineNodes, TASK_STATUS_KINDS, type Outline, type OutlineNode } from './outline';
import { countOfTotal, isAway, isBranchLink, isHomeLink, looksLikeCode, isByline, isCitation, isFigureLine, isInterjection, isNamedAddress, isPictureOnly, isPointer, isPostscript, isQuotation, isReferenceLinks, isReleaseLinks, isSignOff, isThanks, isTimeSpent } from './inline';

/** The node's identity without any parent: tracker key, tag, or title slug. */
function ownIdentity(node: OutlineNode): string {
  if (node.trackerUrl) return trackerKey(node.trackerUrl);
  if (node.tag) return slugify(ownTag(node).replace(/[:/]/g, '-'), 120);
  return titleIdentity(node.title);
}

const segments = (text: string) => text.toLowerCase().replace(/[`*_]/g, '').trim().replace(/[:/]+\s*$/, '').split(/[:/]+/).map((p) => p.trim());

/**
 * A commitment tag without the wrappers written in front of it: `vac:qa:software-testing:waku:x`
 * under the unit `### vac:qa:` is `software-testing:waku:x`, as the same team writes it in other
 * weeks; `status::x` is `status:x`. At least two segments are always kept.
 */
export function ownTag(node: OutlineNode): string {
  let parts = segments(node.tag!);
  for (let p = node.parent; p; p = p.parent) {
    const outer = p.tag ? segments(p.tag) : p.title ? segments(p.title) : [];
    if (outer.length > 0 && outer.length <= parts.length - 2 && outer.every((seg, i) => seg === parts[i])) parts = parts.slice(outer.length);
  }
  return parts.join(':');
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
 * Per team: a title (as identity) → the identity of the parent whose part holds the bare key
 * (`team-title`); `null` when the title first came under several parents at once, so none
 * does. Filled in date order, first come first served: a title that later turns up under
 * another parent gets that parent's identity as a qualifier, and no earlier key ever changes
 * (published feeds, archives and subscriptions keep working as weeks are added).
 */
export type TitleOwners = Map<string, string | null>;

/** A running hash of a team's title owners and how many of its entries it holds. */
const ownersHashes = new WeakMap<TitleOwners, { count: number; hash: Hash }>();

/**
 * A digest of a team's title owners (for cache keys), kept as they grow: a team's files are read
 * in order and each only adds entries (never changes one: a parse's claims are replayed by
 * position), so the hash of the entries so far carries on from the previous file instead of
 * serialising the whole map again for every file (quadratic in the team's weeks).
 */
export function ownersDigest(owners: TitleOwners): string {
  let state = ownersHashes.get(owners);
  if (!state || state.count > owners.size) ownersHashes.set(owners, (state = { count: 0, hash: createHash('sha256') }));
  let i = 0;
  for (const [title, owner] of owners) {
    if (i++ < state.count) continue;
    state.hash.update(JSON.stringify([title, owner])).update('\0');
  }
  state.count = owners.size;
  return state.hash.copy().digest('hex');
}

/** A copy of a team's title owners that one file may add to without changing the team's, its digest carried over. */
export function copyOwners(owners: TitleOwners): TitleOwners {
  const copy = new Map(owners);
  ownersDigest(owners);
  const state = ownersHashes.get(owners)!;
  ownersHashes.set(copy, { count: state.count, hash: state.hash.copy() });
  return copy;
}

/** Each title-keyed part's title → the identities of the parents it sits under in this outline. */
function titleParents(outline: Outline): Map<string, Set<string>> {
  const parents = new Map<string, Set<string>>();
  for (const node of outlineNodes(outline)) {
    if (!(isSection(node) || node.role === 'area') || !keyedByTitle(node) || node.form === 'team') continue;
    const t = titleIdentity(node.title);
    const parent = enclosing(node);
    let set = parents.get(t);
    if (!set) parents.set(t, (set = new Set()));
    set.add(parent ? ownIdentity(parent) : '');
  }
  return parents;
}

/** Records the titles this outline is the first to use. */
export function claimTitles(outline: Outline, owners: TitleOwners): void {
  for (const [t, parents] of titleParents(outline)) if (!owners.has(t)) owners.set(t, parents.size === 1 ? [...parents][0]! : null);
}

export interface KeyOptions {
  team: string;
  aliases: ReadonlyMap<string, string>;
  /** The team's title owners so far (claimTitles), updated with this outline; a fresh one by default. */
  owners?: TitleOwners;
}

/** The issue (or milestone, pull) number of a tracker URL, with its kind: `issues/12`. */
function trackerNumber(url: string): string | undefined {
  const m = /\/(issues|milestones?|pull|epics?)\/(\d+)$/.exec(url);
  return m ? `${m[1]!.replace(/s$/, '')}/${m[2]}` : undefined;
}

/**
 * Continuity across weeks, first come first served (entries in the team's TitleOwners, so the
 * parse cache replays them): a part keyed by its title that later gains a tracker link keeps
 * its title key; a tracker link that moves to another repository or owner with the same
 * number and title keeps the first link's key; a tracked part whose link is dropped keeps the
 * tracker key. Returns the key to use and, when it differs from the derived one, why.
 */
function continuity(node: OutlineNode, derived: string, parentId: string, owners: TitleOwners, report: ThisReport): { key: string; why?: string } {
  // Small words aside ("Foundation for js-waku docs" is "Foundation of js-waku docs").
  const ident = nameWords(node.title).join('-') || titleIdentity(node.title);
  const byTitle = `@title:${parentId}/${ident}`;
  const byTracked = `@tracked:${parentId}/${ident}`;
  if (node.trackerUrl) {
    const number = trackerNumber(node.trackerUrl);
    const byNumber = number ? `@number:${number}/${ident}` : undefined;
    const titled = owners.get(byTitle);
    // A title key is taken over by one tracked thing (one number, in whatever repository); another number is another thing.
    const adopted = titled ? owners.get(`@adopted:${titled}`) : undefined;
    if (titled && titled !== derived && (adopted === undefined || adopted === (number ?? node.trackerUrl))) {
      if (adopted === undefined) owners.set(`@adopted:${titled}`, number ?? node.trackerUrl);
      return { key: titled, why: `keeps ${titled}: the same title under the same parent, before it had a tracker link` };
    }
    const moved = byNumber ? owners.get(byNumber) : undefined;
    if (moved && moved !== derived) return { key: moved, why: `keeps ${moved}: the same ${number} and title in another repository` };
    if (!owners.has(byTracked)) owners.set(byTracked, derived);
    if (byNumber && !owners.has(byNumber)) owners.set(byNumber, derived);
    return { key: derived };
  }
  if (node.tag) return tagContinuity(segments(ownTag(node)), derived, owners);
  const tracked = owners.get(byTracked);
  if (tracked && tracked !== derived) return { key: tracked, why: `keeps ${tracked}: the same title under the same parent had a tracker link` };
  const titled = owners.get(byTitle);
  // Read as an earlier week's name: small words aside ("Tech and Design", then "Tech & Design"), or
  // its spelling taken for that name below, week after week (not only the first week it is written so).
  if (titled && titled !== derived) {
    // Not a second part of one report ("In the Community" and "In Communications" share their
    // word stems): that name is then no one's, in later weeks too.
    if (!report.assigned.has(titled)) return { key: titled, why: `keeps ${titled}: the same name under the same parent as in an earlier week (small words or spelling aside)` };
    owners.set(byTitle, null);
    return { key: derived };
  }
  if (titled === undefined) {
    // A title never seen under this parent that is an earlier one mistyped ("Measurments") is that one.
    const prefix = `@title:${parentId}/`;
    for (const [entry, key] of owners) {
      // Not a key another part of this report holds ("GFortran" and "LFortran", side by side).
      if (key && entry.startsWith(prefix) && !report.assigned.has(key) && sameWordsButATypo(entry.slice(prefix.length).split('-'), ident.split('-'))) {
        owners.set(byTitle, key);
        return { key, why: `keeps ${key}: the same title under the same parent, spelled a little differently` };
      }
    }
    // So is one that abbreviates an earlier one, or spells it out ("PoP", "Proof of Possession").
    const named = `@name:${parentId}/`;
    // Its words as written: an abbreviation is written in capitals ("PoP", "HCU"; "Web" is a word).
    const words = withoutOwnAbbreviation(cleanTitle(node.title).title.split(/[^\p{L}\p{N}]+/u).filter((w) => w !== ''));
    for (const [entry, key] of owners) {
      if (!key || !entry.startsWith(named) || report.assigned.has(key)) continue;
      const earlier = entry.slice(named.length).split(' ');
      if (abbreviates(words, earlier) || abbreviates(earlier, words)) {
        owners.set(byTitle, key);
        return { key, why: `keeps ${key}: the same name under the same parent, abbreviated or spelled out (“${earlier.join(' ')}”)` };
      }
    }
    owners.set(byTitle, derived);
    // A long name (three words or more, small words and word forms aside) written before under
    // another parent, and not in this report: the same part, moved ("Sampling for storage proofs"
    // from Research, "Sampling and Storage Proofs" under Client the next month).
    if (ident.split('-').length >= 3 && !report.repeated.has(ident)) {
      for (const [entry, key] of owners) {
        if (key && key !== derived && entry.startsWith('@title:') && entry.endsWith(`/${ident}`) && !report.assigned.has(key)) {
          owners.set(byTitle, key);
          return { key, why: `keeps ${key}: the same name, written before under another parent` };
        }
      }
    }
    if (!owners.has(`${named}${words.join(' ')}`)) owners.set(`${named}${words.join(' ')}`, derived);
  }
  return { key: derived };
}

/**
 * A name's words without the abbreviation written after it ("Data Availability (DA)" is "Data
 * Availability"), so that the abbreviation alone, another week, is found to abbreviate it.
 */
function withoutOwnAbbreviation(words: readonly string[]): readonly string[] {
  const last = words.at(-1);
  return last !== undefined && words.length >= 3 && abbreviates([last], words.slice(0, -1)) ? words.slice(0, -1) : words;
}

/**
 * Whether `short` abbreviates `long`, word for word: each of its words is the next word of
 * `long` or, written in capitals, the initials of the next two or more ("PoP" / "Proof of
 * Possession", "DC Studio" / "Digital Content Studio", "HCU" / "Height Coordinated Upgrade"),
 * one abbreviation at least; a name of two letters alone ("CI", "PM") is no abbreviation of
 * anything in particular, and "Web" is a word, not "Wallet Extension Backend".
 */
function abbreviates(short: readonly string[], long: readonly string[]): boolean {
  // A name that is only two letters ("CI", "PM") stands for too many things.
  if (short.length >= long.length || (short.length === 1 && short[0]!.length < 3)) return false;
  const match = (i: number, j: number, abbreviated: boolean): boolean => {
    if (i === short.length) return j === long.length && abbreviated;
    const word = short[i]!;
    if (j < long.length && word.toLowerCase() === long[j]!.toLowerCase() && match(i + 1, j + 1, abbreviated)) return true;
    // Initials in capitals, two at least ("PoP", "DC"; not "Web" for "Wallet Extension Backend").
    if (!/^[A-Za-z]{2,6}$/.test(word) || (word.match(/[A-Z]/g)?.length ?? 0) < 2) return false;
    const run = long.slice(j, j + word.length);
    return run.length === word.length && run.every((w, k) => w[0]!.toLowerCase() === word[k]!.toLowerCase()) && match(i + 1, j + word.length, true);
  };
  return match(0, 0, false);
}

/** Letters only, for comparing how a word is spelled (`nim-chronos` is `nimchronos`). */
const spelling = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

/** Edit distance of two short words, stopping early past `limit`. */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    if (Math.min(...next) > limit) return limit + 1;
    row = next;
  }
  return row[b.length]!;
}

/**
 * Two names that are the same words but one, spelled a little differently: a typo or a plural
 * (`maintemance`, `enhancments`, `contracts`, `visualizer`), or the same letters with words
 * joined or apart (`EcoDev`, `Eco Dev`); never a different number
 * (`v2` / `v3`) and never a short word (`go` / `js`): one edit in a word of 6 letters or more,
 * two from 9.
 */
function sameWordsButATypo(a: readonly string[], b: readonly string[]): boolean {
  // The same letters, words joined or apart: "EcoDev" / "Eco Dev", "Cleanup" / "Clean Up".
  if (a.length !== b.length) return a.length > 0 && b.length > 0 && spelling(a.join('')) === spelling(b.join('')) && /\p{L}/u.test(a.join(''));
  let differing = 0;
  for (let i = 0; i < a.length; i++) {
    const [x, y] = [spelling(a[i]!), spelling(b[i]!)];
    if (x === y) continue;
    if (++differing > 1) return false;
    const shorter = Math.min(x.length, y.length);
    if (shorter < 6 || x.replace(/\D/g, '') !== y.replace(/\D/g, '')) return false;
    if (editDistance(x, y, shorter >= 9 ? 2 : 1) > (shorter >= 9 ? 2 : 1)) return false;
  }
  return differing === 1;
}

/**
 * A commitment tag is a path (`unit:project:client:deliverable`), written more or less
 * qualified from week to week: `vac:dr:consensus:nomos:carnot-paper` one week,
 * `consensus:nomos:carnot-paper` under the unit's heading the next. Of one team, a tag that is
 * the trailing segments of one seen before (two segments at least, and only one such tag), or
 * whose trailing segments are one seen before, is that one; so is the same path mistyped
 * (`community-contracts-maintemance`). The first key stays.
 */
function tagContinuity(path: readonly string[], derived: string, owners: TitleOwners): { key: string; why?: string } {
  const norm = path.map(spelling).filter((s) => s !== '');
  const full = `@tag:${norm.join(':')}`;
  // Its words, segment boundaries kept: a typo is a word spelled differently, not a segment.
  const words = path.flatMap((seg, i) => [...(i > 0 ? [':'] : []), ...seg.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '')]);
  const wordsEntry = `@tagwords:${words.join(' ')}`;
  const record = (key: string) => {
    if (!owners.has(full)) owners.set(full, key);
    if (!owners.has(wordsEntry)) owners.set(wordsEntry, key);
    for (let k = 1; k <= norm.length - 2; k++) {
      const suffix = `@tagsuffix:${norm.slice(k).join(':')}`;
      const held = owners.get(suffix);
      // Owners only grow (the parse cache replays what a file added): a second tag with these
      // trailing segments adds a mark that they are ambiguous.
      if (held === undefined) owners.set(suffix, key);
      else if (held !== key && !owners.has(`@ambiguous:${suffix}`)) owners.set(`@ambiguous:${suffix}`, null);
    }
  };
  const same = owners.get(full);
  if (same) {
    record(same);
    return same === derived ? { key: same } : { key: same, why: `keeps ${same}: the same tag, written as before` };
  }
  const longer = owners.has(`@ambiguous:@tagsuffix:${norm.join(':')}`) ? undefined : owners.get(`@tagsuffix:${norm.join(':')}`);
  let found: { key: string; why: string } | undefined = longer ? { key: longer, why: `keeps ${longer}: the same tag, less qualified than before` } : undefined;
  for (let k = 1; !found && k <= norm.length - 2; k++) {
    const shorter = owners.get(`@tag:${norm.slice(k).join(':')}`);
    if (shorter) found = { key: shorter, why: `keeps ${shorter}: the same tag, more qualified than before` };
  }
  if (!found) {
    for (const [entry, key] of owners) {
      if (key && entry.startsWith('@tagwords:') && sameWordsButATypo(entry.slice(10).split(' '), words)) {
        found = { key, why: `keeps ${key}: the same tag, one segment spelled differently` };
        break;
      }
    }
  }
  const key = found && found.key !== derived ? found.key : derived;
  record(key);
  return key === derived ? { key } : { key, why: found!.why };
}

/** What a report holds, for continuity: names it writes twice, keys given so far. */
interface ThisReport {
  repeated: Set<string>;
  assigned: Set<string>;
}

/** Decides `key` on every section node (and on areas, for the parts qualified by them). */
export function keyOutline(outline: Outline, options: KeyOptions): void {
  const owners = options.owners ?? new Map<string, string | null>();
  claimTitles(outline, owners);
  const team = slugify(options.team);
  const reworded = rewording(outline, owners);
  // Names written twice in this report (under two parents): neither moved; keys given so far.
  const report: ThisReport = { repeated: new Set(), assigned: new Set() };
  const seen = new Set<string>();
  for (const node of outlineNodes(outline)) {
    if (!isSection(node)) continue;
    const ident = nameWords(node.title).join('-');
    if (seen.has(ident)) report.repeated.add(ident);
    seen.add(ident);
  }
  for (const node of outlineNodes(outline)) {
    if (!isSection(node) && node.role !== 'area') continue;
    if (node.form === 'team') {
      // The team's own part: keyed by the team, the same every week.
      node.key = resolveAlias(team, options.aliases);
      continue;
    }
    let scope: string | undefined;
    if (keyedByTitle(node)) {
      const parent = enclosing(node);
      const owner = owners.get(titleIdentity(node.title));
      // The parent as first named: a parent reworded in place keeps its children's keys too.
      const first = parent?.key !== undefined ? owners.get(`@identity:${parent.key}`) : undefined;
      // A name the team first wrote as a part of its own (at the top, owner '') names that part
      // wherever it is written later ("Private PoS" one heading level too deep, "Cryptarchia"
      // regrouped under "Nomos Bedrock"); a name first written under a parent is relative to it,
      // and so is a catch-all ("Miscellaneous") wherever it was first written.
      if ((owner !== '' || isCatchAll(node.title)) && owner !== (parent ? ownIdentity(parent) : '') && (first === undefined || owner !== first)) scope = parent?.key ?? team;
    }
    const tag = node.tag ? ownTag(node) : undefined;
    const derived = derivedKey({ team: options.team, title: node.title, ...(node.trackerUrl ? { trackerUrl: node.trackerUrl } : {}), ...(tag ? { tag } : {}), ...(scope ? { scope } : {}) });
    const parent = enclosing(node);
    const parentId = parent ? (parent.key ?? ownIdentity(parent)) : '';
    let kept = isSection(node) ? continuity(node, derived, parentId, owners, report) : { key: derived };
    kept = reworded.decide(node, kept, parentId);
    if (kept.why) (outline.continuity ??= []).push({ line: node.line, title: node.title, derived, key: kept.key, why: kept.why });
    node.key = resolveAlias(kept.key, options.aliases);
    report.assigned.add(kept.key);
    if (!owners.has(`@identity:${node.key}`)) owners.set(`@identity:${node.key}`, ownIdentity(node));
  }
  reworded.remember();
}

/**
 * Words of a title that name it: its identity without small words ("and", "&", "the"…), each
 * reduced to its stem (Porter's, the `stemmer` package): "Simulations app" names what
 * "Simulation App" does, "Block Merkelization" what "Merkelizing block data" did, "Bug fixes"
 * is "Bug fix". Numbers are kept as written ("Milestone 2" is not "Milestone 3").
 */
const SMALL_WORDS = new Set(['and', 'or', 'the', 'a', 'an', 'of', 'for', 'to', 'in', 'on', 'with', 'at', 'by']);
function nameWords(title: string): string[] {
  return titleIdentity(title).split('-').filter((w) => w !== '' && !SMALL_WORDS.has(w)).map((w) => (/\d/.test(w) ? w : stemmer(w)));
}

/** Words that say a name's news, not the name ("Kernel Improvements", "Self-Hosting Update"), stemmed like nameWords. */
const NEWS_WORDS = new Set(['improvements', 'updates', 'progress', 'news', 'changes', 'status'].map((w) => stemmer(w)));

/**
 * Name words without the words of news before or after the name ("Kernel improvements",
 * "Improvements on nalgebra"), nor a version after it ("nalgebra v0.17"), if any other is left.
 */
function newsless(words: string[]): string[] {
  let start = 0;
  let end = words.length;
  // A version written after the name (`v0.17`, `v2`): which release, not which part.
  const v = words.findIndex((w, i) => i > 0 && /^v\d+$/.test(w) && words.slice(i + 1).every((x) => /^\d+$/.test(x)));
  if (v > 0) end = v;
  while (end - start > 1 && NEWS_WORDS.has(words[end - 1]!)) end--;
  while (end - start > 1 && NEWS_WORDS.has(words[start]!)) start++;
  return words.slice(start, end);
}

interface ReportPart {
  /** Parent identity, key, name words, tracked, tagged. */
  p: string;
  k: string;
  w: string[];
  t: boolean;
  /** Named by a tag. */
  g: boolean;
  /** Name words before a subtitle (`Worked examples - adding UPRN…`), when it has one. */
  h?: string[];
}

/** The name words of a title before its subtitle (`Worked examples - adding UPRN to the spine`, `Audits: JKube`), if it has one. */
function headWords(title: string): string[] | undefined {
  const m = /^(.+?)\s+[-–—]\s+\S|^([^:]+?):\s+\S/.exec(cleanTitle(title).title);
  const head = m ? nameWords(m[1] ?? m[2]!) : [];
  return head.length > 0 ? head : undefined;
}

/**
 * A part reworded in place: it stops the week a part under the same parent starts whose name
 * holds all of its words, or whose words it holds, at least half of them ("Infra - JP" → "Infra", "Wallet" → "Wallet
 * (Jeff)", "Cost Optimization" → "Cost Optimization & Reduction", "Movement Building - Santiago"
 * → "Santiago - Movement Building"). The new name keeps the old key when the pairing is one to
 * one, no number differs ("Milestone 2" → "Milestone 3" is the next one) and they are not two
 * tracked things. Read in the team's report order: each report remembers its parts (entries of
 * the team's TitleOwners, so the parse cache replays them), and keys seen so far.
 */
function rewording(outline: Outline, owners: TitleOwners) {
  let n = 0;
  while (owners.has(`@report:${n}`)) n++;
  const previous: ReportPart[] = n > 0 ? (JSON.parse(owners.get(`@report:${n - 1}`) ?? '[]') as ReportPart[]) : [];
  // Still written this week (by name, tracker or tag): not reworded, whatever its key.
  const written = new Set<string>();
  for (const node of outlineNodes(outline)) {
    if (!isSection(node) && node.role !== 'area') continue;
    written.add(nameWords(node.title).join('-'));
    if (node.trackerUrl) written.add(node.trackerUrl);
  }
  const numbers = (words: string[]) => words.filter((w) => /\d/.test(w)).join(' ');
  // One name holds the other, which is at least half of it ("Infra" of "Infra - JP", not "Client" of "Improve Client Stability").
  const holds = (a: string[], b: string[]) => b.length > 0 && 2 * b.length >= a.length && b.every((w) => a.includes(w));
  // Or one is the other with a subtitle ("Worked examples" / "Worked examples - adding UPRN to the spine").
  const same = (a: string[], b: string[]) => a.length === b.length && a.every((w, i) => w === b[i]);
  const fit = (g: ReportPart, words: string[], head: string[] | undefined) =>
    numbers(g.w) === numbers(words) && (holds(g.w, words) || holds(words, g.w)) || (head !== undefined && same(head, g.w)) || (g.h !== undefined && same(g.h, words));
  // Parts named by a tag have their own continuity (tagContinuity): never reworded.
  const gone = previous.filter((part) => !part.g && !written.has(part.w.join('-')));
  // One to one: a part that stopped is taken over only when one name of this report fits it.
  const fitting = new Map<string, number>();
  for (const node of outlineNodes(outline)) {
    if ((!isSection(node) && node.role !== 'area') || node.tag || node.form === 'team') continue;
    const words = nameWords(node.title);
    const head = headWords(node.title);
    for (const g of gone) if (fit(g, words, head)) fitting.set(g.k, (fitting.get(g.k) ?? 0) + 1);
  }
  const parts: ReportPart[] = [];
  return {
    decide(node: OutlineNode, kept: { key: string; why?: string }, parentId: string): { key: string; why?: string } {
      const words = nameWords(node.title);
      const head = headWords(node.title);
      let result = kept;
      const adopted = owners.get(`@reworded:${kept.key}`);
      const tracked = node.trackerUrl !== undefined;
      // Its name without words of news, under its parent (see newsless).
      const named = `@named:${parentId}\u0000${newsless(words).join(' ')}`;
      // And without what it says in brackets after the name ("SIG Monitoring (Audit Logging breakout)").
      const unbracketed = nameWords(node.title.replace(/\s*\([^()]*\)\s*$/, ''));
      const plain = unbracketed.length > 0 && unbracketed.length < words.length ? `@named:${parentId}\u0000${newsless(unbracketed).join(' ')}` : undefined;
      if (adopted) result = { key: adopted, why: `keeps ${adopted}: reworded in place in an earlier week` };
      else if (!owners.has(`@seen:${kept.key}`) && !node.tag && words.length > 0) {
        const fits = gone.filter((g) => g.p === parentId && !(g.t && tracked) && fit(g, words, head));
        const mine = fits.length === 1 ? fits[0]! : undefined;
        if (mine && fitting.get(mine.k) === 1 && gone.filter((g) => g.k === mine.k).length === 1) {
          owners.set(`@reworded:${kept.key}`, mine.k);
          result = { key: mine.k, why: `keeps ${mine.k}: reworded in place (“${mine.w.join(' ')}” stopped the week this started under the same parent)` };
        } else if (!tracked) {
          // The same name said as news of it, in any earlier week under the same parent: "Kernel"
          // of "Kernel Improvements", "Web Server" of "Web Servers", "cljdoc update(s)".
          const same = owners.get(named) ?? (plain ? owners.get(plain) : undefined);
          if (same && same !== kept.key && !parts.some((p) => p.k === same)) {
            owners.set(`@reworded:${kept.key}`, same);
            result = { key: same, why: `keeps ${same}: the same name as written in an earlier week, but for its plural or a word of news (“improvements”, “updates”)` };
          }
        }
      }
      if (!tracked && !node.tag && words.length > 0 && !owners.has(named)) owners.set(named, result.key);
      parts.push({ p: parentId, k: result.key, w: words, t: node.trackerUrl !== undefined, g: node.tag !== undefined, ...(head ? { h: head } : {}) });
      return result;
    },
    /** This report's parts, and the keys seen so far. */
    remember(): void {
      owners.set(`@report:${n}`, JSON.stringify(parts));
      for (const part of parts) {
        if (!owners.has(`@seen:${part.k}`)) owners.set(`@seen:${part.k}`, '');
      }
    },
  };
}

export function emptyItems(): ItemsByKind {
  return Object.fromEntries(ITEM_KINDS.map((k) => [k, []])) as unknown as ItemsByKind;
}

/** A verb in -ing that opens a line and takes what follows ("Drafting the…", "Reviewing and updating…", "Working with…"); not a noun ("Testing infrastructure", "Building blocks"). */
const ONGOING_OPENER = /^(?:continuing|ongoing)\b|^(?:drafting|refining|preparing|reviewing|creating|improving|exploring|investigating|working|developing|building|writing|designing|planning|researching|analy[sz]ing|testing|implementing|updating|considering|discussing|establishing|defining|iterating|finali[sz]ing|identifying|gathering|mapping|recruiting|onboarding|migrating|setting up|looking|trying|learning|fixing|adding|joining|debugging|cleaning|adapting|digging|hunting|integrating|porting|refactoring|prototyping|brushing|reading|studying|practi[cs]ing|experimenting|configuring|benchmarking|evaluating|documenting|reworking|rewriting|polishing|optimi[sz]ing)\s+(?:and\s+[a-z]+ing\s+)?(?:the|a|an|our|my|their|its|this|these|those|some|more|with|on|up|into|for|to|how|what|which|new|further|initial|existing|all|any|two|three|\w+['’]s)\b/i;
/** A first sentence that says nothing was in the way: a negation, then a few words, then the trouble it denies. */
const NO_TROUBLE = /^[^.!?]{0,40}?\b(?:(?:was|were|is|are|am)(?:n['’]t|\s+not)|['’]m\s+(?:still\s+)?not|['’]re\s+(?:still\s+)?not|not|did(?:n['’]t|\s+not)\s+(?:really\s+)?(?:have|run into|encounter|face|hit|get)|have(?:n['’]t|\s+not)\s+(?:had|been|run into)|no(?!\s+longer\b)|nothing|never)\b(?:\s+[\w'’]+){0,6}?\s+(?:trouble|troubles|blocked|blocking|blockers?|stuck|problems?|issues?|challenges?|difficult(?:y|ies))\b/i;

/** A setback's section that says nothing new is in it ("There are no updates to the risk table", "No new risks", "No changes this week"). */
const NOTHING_DONE = /^(?:[^.;!?]{0,60}\b(?:so|and)\s+)?(?:no\s+(?!longer\b|one\b)[\w-]+(?:\s+[\w-]+){0,3}\s+(?:was|were|has\s+been|have\s+been|got)\s+(?:[a-z]+ed|made|done|built|written)|nothing\s+(?:much\s+|new\s+|else\s+)?(?:was\s+(?:[a-z]+ed|done|made)|happened|to\s+report))\b[^.;!?]{0,60}[.!]?$/i;
const NOTHING_NEW = /^(?:there\s+(?:are|is|were|was|have\s+been)\s+)?no\s+(?:new\s+|further\s+)?(?:(?:updates?|changes?)(?:\s+(?:to|in|on)\s+(?:the\s+)?(?:risks?|risk\s+(?:table|register|log)|blockers?|issues?))?|risks?|blockers?|issues?|concerns?)(?=\s*(?:[.!,;]|$|\s+(?:this|since|to\s+report|identified|raised)\b))/i;

/** A thing named, then what it gives ("Color provides functionality for representing colors.", "Kurbo offers 2D curves"): what it is for, said in the present. */
const PROVIDES = /^(?!(?:This|That|It|There|Here|These|Those|We|I|You|They)\b)[A-Z][\w.+-]*(?:\s+[A-Z][\w.+-]*){0,2}\s+(?:also\s+)?(?:provides|offers)\s+(?![^.!?]*\b(?:now|new|newly|recently|since|first)\b)[^.!?]{3,200}[.!]?$/;
/** A thing named, then what it is or is used for: `X is a/the/our …`, `X is used to …` (not "now", "ready", "available", "done"…). */
const DEFINITION = /^(?!(?:This|That|It|There|Here|These|Those|What|Which)\b)(?:[A-Z][\w.+-]*(?:\s+[A-Z][\w.+-]*){0,2}|(?:The|Our)\s+[\w-]+(?:\s+[\w-]+)?)\s+(?:is|are)\s+(?:a|an|the|our|one\s+of\s+(?:the|our)|(?:(?:mainly|mostly|primarily)\s+)?used\s+(?:to|for|by))\s+(?![^.!?]*\b(?:now|new|ready|available|done|complete|finished|released|live|blocked|waiting|planned|scheduled|next|first|try|attempt|step|priority|progress|work|wip|making|bottleneck|blocker|issue|problem|risk|concern|challenge|need|needs)\b)(?![^.!?]*,\s+[a-z]+ing\b)[^.!?]{3,140}[.!]?$/;

/** A mark at an item's end that says it goes on: `(in progress)`, `(ONGOING)`, `(WIP)`, `(currently working)`. */
const GOING_TAG = /[([]\s*(?:in[- ]progress|on-?going|wip|work in progress|currently working(?: on it)?|working on it|under ?way)\s*[)\]][\s*_.!]*$/i;

/**
 * A lead-in that says what follows is what the writer knows: an insight, a tip, a lesson ("main
 * insight:", "TIL:", "Tip:"), or a note that explains ("Note: why the script takes so long",
 * "note: for cherry-picking, use…"). Not a note that tells how the work stands ("Note: #3363 is
 * blocked by…", "Note: we are planning to…"): status reports write those too.
 */
const NOTE_LEAD = /^\s*(?:(?:main|key|quick|small|side|general|important|big)\s+)?(?:(?:insights?|tips?|til|fyi|lessons?\s+learn(?:ed|t)|takeaways?|learnings?)\s*[:：]|notes?\s*[:：]\s*(?=(?:why|how|for|if|when|in case)\b))\s*/i;

/** A line that opens on waiting for others or for help (`Waiting on…`, `Still waiting for…`, `Need help with…`, `Blocked by…`, `Stuck on…`). */
const WAITING = /^(?:(?:we|i)(?:['’]re|['’]m|\s+am|\s+are)?\s+)?(?:still\s+|currently\s+)?(?:waiting\s+(?:on|for)|awaiting|blocked\s+(?:by|on)|stuck\s+(?:on|with)|need(?:s|ing)?\s+help)\b/i;

/**
 * A line that opens on a verb in the past, its subject the writer ("Assigned initial roles…",
 * "Identified 5 major features…", "Drew rough mockups…"): not a participle that names a thing
 * ("Automated tests", "Distributed tracing", "Related work"), nor time spent on work that may go
 * on or has only begun ("Worked on…", "Continued…", "Started…").
 */
const PAST_OPENER = /^(?!(?:worked|continued|started|initiated|looked|kept|practi[cs]ed|automated|distributed|related|unrelated|detailed|advanced|extended|embedded|limited|based|red|need|speed|feed|seed|used|unused|blocked|planned|expected|proposed|suggested|required|requested|shared|tested|untested|supported|unsupported|nested|mixed|combined|connected|enhanced|improved|updated|upgraded|optimized|optimised)\b)(?:[A-Za-z]{3,}ed|drew|wrote|built|made|met|took|got|ran|found|led|held|gave|sent|spent|chose|learnt|taught|bought|brought|fought|thought|sought|caught|did|won|went|saw|rewrote|broke|understood|undertook|set up|put)\s+(?!(?:by|to be|as)\b)\S/i;
/** Words capitalised as a title writes them: three at least, after the first. */
const TITLE_CASE = /^\S+(?:\s+(?:[a-z]{1,4}\s+)?[A-Z][\w'’-]*){3,}/;
/** Words that say the work goes on: "still WIP", "currently in review", "is still on the old version", "in progress: …", "started adding…", "currently adapting…". */
const STILL_GOING = /^(?:(?:continuous|ongoing|further)\s+work\s+on\b|progress\s+on\b|(?:in progress|wip|ongoing|on-going)\s*[:：–-]|(?:started|began|begun)\s+(?:[a-z]+ing|work\s+on|on)\b|(?:currently|still)\s+[a-z]+ing\b)|\b(?:is|are|am)\s+(?:currently|still)\b|\b(?:in progress|nearing completion)[.!]?\s*$|\b(?:is|are)\s+(?:almost|nearly)\s+(?:out|done|ready|finished|complete|there)\b|^(?![^.;]*\b(?:when|while|whenever|if|ready|done|completed|finished)\b)[^.;,]{0,80}?\b(?:is|are)\s+being\s+[a-z]+ed\b|\b(?:currently|still)\s+(?:in|under|on|being|wip|not|waiting|pending|blocked|needs?|working|ongoing)\b/i;

/** Words that say a piece of work is not finished. */
const UNFINISHED = /\b(?:in (?:the )?midst of|wip|work in progress|couldn['’]t (?:complete|finish)|could not (?:complete|finish)|not (?:yet )?(?:complete|completed|finished|done)|not sure yet|yet to|almost (?:done|finished|complete|ready)|unfixed|still (?:have|need|needs) to)\b/i;

/** A sentence that opens with a share of something or a sum of money, roughly or not. */
const FIGURE_FIRST = /^(?:over |about |around |nearly |almost |approximately |~\s?)?(?:\d+(?:\.\d+)?\s*%\+?\s+of\b|[$€£¥]\s?\d|(?:usd|eur|gbp|chf)\s?\d)/i;

/** An item that is only a command in code (`<p><code>spin docs --no-plot</code></p>`), a word on it in brackets after it at most. */
const COMMAND_ALONE = /^(?:<p>)?<code>[a-z][\w.-]*(?:\s+(?:-{1,2}[\w-]+(?:=\S+)?|[\w./:=@-]+)){1,6}<\/code>(?:\s*\([^()<>]{0,80}\))?(?:<\/p>)?$/;
/** Words that say work is in danger: put off, stalled, doubted, hard, breaking (see entryKind). */
const IN_DANGER = /\b(?:(?:got|gets|been|was|were|is|are|be)\s+(?:pushed\s+back|postponed|delayed|deferred|slipping)|not\s+(?:clear|sure)\s+yet\b|(?:still|again)\s+fail(?:s|ed|ing)?\b|(?:very\s+)?little\s+progress|no\s+progress|behind\s+schedule|concerns?\s+(?:about|over|with|that|regarding)|not\s+sure\s+(?:about|if|whether|how)|(?:impossible|hard|difficult|tricky)\s+to\s+[a-z]|(?:is|are)\s+(?:breaking|broken|failing)\b|regressions?\b(?!\s+(?:tests?|suites?|testing)\b)|(?:tests?|ci|builds?)\s+(?:fail|fails|failing|broken|are\s+red)\b|(?:^|\b(?:still|reported\s+on|reports?\s+of|some|many|several|more|new|found|due\s+to)\s+)(?:bugs?|issues|problems)\s+with\b)/i;
/** Asking for what the work waits on: a review, help (see entryKind). */
/** Trouble said whatever else the line says ("ESA grant fell through until later this year", "taking way longer than I imagined", "We don't have enough maintainers"). */
const TROUBLE = /\b(?:fell\s+through|(?:taking|took|takes|take)\s+(?:way\s+|much\s+|a\s+lot\s+|far\s+)?longer\s+than\s+(?:(?:i|we|they|anyone|originally)\s+)?(?:had\s+)?(?:expected|imagined|planned|anticipated|hoped|thought)|(?:do\s+not|don['’]t|does\s+not|doesn['’]t)\s+have\s+enough\s+(?:people|maintainers|reviewers|time|capacity|resources|funding|hands|contributors)\b)/i;
const HELP_WANTED = /\b(?:reviews?\s+(?:appreciated|welcome|wanted|needed|requested)|looking\s+for\s+(?:(?:a|some|more|another|final)\s+)*(?:bit\s+of\s+)?(?:reviews?|reviewers?|help|feedback)\b|needs?\s+(?:a\s+|more\s+|another\s+|one\s+more\s+)?(?:reviews?|reviewers?)\b|one\s+more\s+reviewer|help\s+(?:needed|wanted|welcome|appreciated))/i;

/**
 * A setback said as one ("I lost a day or two to really bad internet", "Couldn't get the CI
 * green", "Has been a little bit slow"): a problem met, not work done.
 */
const SETBACK = /^(?:unfortunately,?\s+)?(?:(?:we|i|the team|it)(?:['’]ve|\s+have|\s+has)?\s+)?(?:been\s+(?:unsuccessful|unable to)\b|(?:was|were)\s+unsuccessful\b|lost\s+(?:a|an|one|two|three|several|some|most|half|much|the)\b|(?:could(?:n['’]t| not)|was unable to|were unable to|wasn['’]t able to|weren['’]t able to|did(?:n['’]t| not) (?:manage|get|have time)|failed to|struggled to)\s|(?:faced|encountered|hit|ran into|struggled with)\s+(?:(?:a|an|some|several|many|multiple|more|two|three|the same|another|other|persistent|recurring|repeated)\s+)?(?:[a-z-]+\s+){0,2}(?:errors?|issues?|problems?|bugs?|failures?|crash(?:es)?|difficult(?:y|ies)|obstacles?|challenges?|setbacks?|roadblocks?)\b|(?:has|have)\s+been\s+(?:[a-z]+\s+){0,3}(?:slow|difficult|hard|tough|challenging|rough|hectic)\b)/i;

/** What was learnt, or a fact found, said as such (no action of the team's in it). */
const FINDING = /^(?:we|i|the team)\s+(?:learned|learnt|found out|found that|discovered that|realised|realized|noticed)\b|^(?:they|participants|respondents|users|people|stakeholders|interviewees|customers)\s+(?:felt|feel|said|say|told us|believe|believed|think|thought|want|wanted|would like|expect|expected)\b|^(?:it (?:became|is) clear|there (?:is|are|seems? to be)|(?:all|most|many|some|none|half|few) of (?:the|them|our|these|those)\b[^.;]{0,60}?\b(?:have|has|are|is|were|was|do|does|did|want|wants|use|uses)\b)/i;


/** One question, asked as one ("What did users think the banner was about?", "Are people able to find their NHS number?"). */
const QUESTION_ASKED = /^(?:what|why|how|who|whom|whose|when|where|which|is|are|was|were|do|does|did|can|could|should|would|will|has|have|had)\b[^.!?]{2,200}\?$/i;
/** A question raised, named as one ("Question about Zulip streams", "Open question: …", "Questions for the admins"). */
const QUESTION_RAISED = /^(?:open\s+)?questions?\s*(?:[:：]|(?:about|for|on|regarding|from|to|around|re)\b)/i;
/** Whether every sentence of a text is asked ("Any concerns requiring the field? (it might need an event?)"). */
function allAsked(item: Item): boolean {
  // A task, its link on the next line, then a question of it: the task.
  if (/\n/.test(item.html.trim()) && item.links.length > 0) return false;
  const sentences = sentencesOf(item.text).filter((x) => x.trim() !== '');
  return sentences.length > 0 && sentences.every((x) => /\?[\s)"”’*_]*$/.test(x));
}
/** A count of what changed, as a tracker tallies it: "38 commits", "4 authors", "1,124 additions", "84 files". */
const TALLY = /\b\d[\d,]*\s+(?:new\s+)?(?:commits?|authors?|contributors?|additions|insertions|deletions|files?(?:\s+changed)?)\b/gi;
/** Whether every sentence of a text is a tally of changes: two counts or more each, no word of work done but gaining or seeing them. */
function isChangeTally(text: string): boolean {
  const sentences = sentencesOf(text).filter((x) => x.trim() !== '');
  return sentences.length > 0 && sentences.every((x) => (x.match(TALLY)?.length ?? 0) >= 2 && !/\b(?:fix(?:es|ed)?|releas(?:e|ed|es)|feature|added|merged|shipped|launched)\b/i.test(x));
}
/** A setback overcome: "worked as expected", "was fixed", "Fixed by…", "solved it by…". */
const RESOLVED = /\b(?:worked as expected|works (?:now|as expected|again)|now works|(?:was|were|got|has been|have been)\s+(?:fixed|resolved|solved)\b(?![^.]*\b(?:not|partially)\b)|(?:fixed|resolved|solved) (?:it|this|that|the (?:issue|problem|error|bug)) by)\b|^(?:fixed|resolved|solved) by\b/i;
/** An answer of yes or no, and nothing else. */
const YES_OR_NO = /^(?:yes|no|yep|nope|not really|not quite|not yet|mostly|somewhat|partially|kind of|sort of)[.!]?$/i;

/** A task's own status field near its start (`Status: Complete`, `status: **In Progress**`), as a kind. */
const STATUS_FIELD = /(?:^|[\s*_(|])status\s*[:：]\s*[*_]*\s*([^*_\n.;,)]{2,30})/i;
function statusFieldKind(text: string): ItemKind | undefined {
  const value = STATUS_FIELD.exec(text.slice(0, 240))?.[1]?.trim();
  const kind = value !== undefined ? TASK_STATUS_KINDS.find(([re]) => re.test(value))?.[1] : undefined;
  return kind === 'notes' || kind === 'summary' || kind === 'pending' || kind === 'reviewed' ? undefined : kind;
}

/**
 * Words of an account of work (when, its traces, its acts): "this week", a PR, a draft,
 * "implemented". Not a pronoun alone ("I", "we", "my", "our", "us"): an explanation, an aside to
 * the reader, speaks so too ("Tax zones would never look like that, but it's a great way for us
 * to test"); of such paragraphs the judges of the unseen batches call five in eight notes, one in
 * eight work going on.
 */
const TOLD_AS_WORK = /\b(?:this (?:week|month|sprint)|last (?:week|month|sprint)|the team|PRs?|pull requests?|drafts?|merged|released|implemented|fixed|finished|completed|deployed|designed|built|shipped|added|wrote|written|working|worked|started|attended|met|milestone|progress|will)\b/i;


/** A share of the work done ("invoices for 40% of accounts", "about 60 % there"). */
const SHARE_DONE = /\b\d{1,3}(?:\.\d+)?\s*%/;

/** A measure named, then its figure and unit ("Velocity: 8 tasks / week", "Proving: 240 µs", "Coverage: ~85 %"). */
const MEASURE = /^[\p{L}][\p{L}\d '’-]{1,30}:\s*[~≈<>]?\s*\d[\d.,]*\s*(?:%|[\p{L}µ]{1,12}(?:\s*\/\s*[\p{L}]{1,10})?)\.?$/u;

/** What may come in the way, said of the future or as a chance ("will be an impediment", "would be difficult", "might not be"). */
const FORESEEN = /\b(?:issue|problem|challenge|difficulty|concern|risk|bottleneck|obstacle)\s+(?:will|would|might|may|could)\s+be\b|\b(?:will|would|might|may|could)\s+(?:(?:probably|likely|possibly|also|still|potentially)\s+)?(?:not\s+be\b|be\s+(?:(?:a|an|the|some)\s+(?:\w+\s+)?(?:issue|problem|impediment|challenge|blocker|bottleneck|obstacle|concern|risk)|difficult|hard|tricky|challenging|tough|problematic|slow|tedious|time[- ]consuming)\b|become\s+(?:a\s+)?(?:issue|problem|difficult|hard|blocker)|take\s+(?:a\s+(?:long|while)|longer|more\s+time)|need\s+(?:some|more|extra|a\s+lot)|cause\s+(?:issues|problems|delays)|slow\s+(?:us|me|down)|delay)/i;

/** A site generator's tags inside a line (`{{< feature-label name="api" >}}`, `{% raw %}`, `<%= … %>`): markup for that tool, no words of the line. */
const INLINE_TEMPLATE_TAG = /\{\{[<%](?:(?![<%]?\}\})[\s\S])*[>%]\}\}|\{%(?:(?!%\})[\s\S])*%\}|<%(?:(?!%>)[\s\S])*%>/g;

/**
 * An entry's kind in its part: notes for a picture (and its caption); achieved when ticked off
 * (✅, `(done)`), under any label but an aside's, as a ticked task box is; what its own
 * `Status:` field says; else its label's;
 * else what its own sentence says ("Finished …" is achieved); else the kind of the item it is
 * a detail of (`parentKind`), when that one was done, planned or at risk; else achieved when it
 * cites its pull request; else the default (`neutral`: progress, notes in minutes).
 */
export function entryKind(entry: OutlineNode['entries'][number], parentKind?: ItemKind, neutral: ItemKind = 'progress'): ItemKind {
  // Read without a site generator's tags ("{{< feature-label name="api" >}} Added a batch fetch API"
  // says what "Added a batch fetch API" says).
  const bare = entry.item.text.replace(INLINE_TEMPLATE_TAG, ' ').replace(/\s+/g, ' ').trim();
  if (bare !== entry.item.text && bare !== '') return entryKind({ ...entry, item: { ...entry.item, text: bare } }, parentKind, neutral);
  // Under a plan looked back on ("Last week's goals", "Goals from last week"), an item restates
  // what was planned: a note, unless it says how it went ("~~Basic queueing~~", "Finished the
  // parser", "Still waiting on the vendor"). Its box ticked, it is done (outline.ts).
  if (entry.kind === 'reviewed') return entryKind({ ...entry, kind: undefined }, parentKind, 'notes');
  // Under a label of work waiting on others ("Waiting for merge", "Awaiting review"), an item is
  // read as under "In progress", but is not done whatever its own words say ("@ana fixed the
  // links" there is a fix not yet in).
  if (entry.kind === 'pending') {
    const kind = entryKind({ ...entry, kind: 'progress' }, parentKind, neutral);
    return kind === 'achieved' ? 'progress' : kind;
  }
  // A picture on its own (a chart, a screenshot, "Venn diagram showing…"), under a label or
  // not, illustrates the part's news and is none: a note, shown with the part, never announced.
  if (isPictureOnly(entry.item)) return 'notes';
  // So is one whose address markdown could not take (a path with spaces: `![shot](my shot.png)`).
  if (/^!\[[^\]]*\]\([^)]+\)$/.test(entry.item.text.trim())) return 'notes';
  // So is a line that only counts, with no label over it (`GitHub Summary: 4 commits`), and,
  // under any label, a time sheet's line ("8 hours were spent", "testing, 3 hours").
  if (entry.kind === undefined && isFigureLine(entry.item.text)) return 'notes';
  if (isTimeSpent(entry.item.text)) return 'notes';
  // Unlabelled, what a thing is, said alone ("Masonry is the widget system used by Xilem.",
  // "Parley is a text layout library.", "Xilem is our flagship GUI project"): a definition for
  // the reader, no work.
  if (entry.kind === undefined && DEFINITION.test(entry.item.text.trim()) && sentencesOf(entry.item.text).length === 1 && sentenceKind(entry.item.text) === undefined) return 'notes';
  // So is what a thing gives, said first, no sentence after it telling work ("Color provides
  // functionality for representing… colors. It closely follows the CSS Color Module Level 4").
  if (entry.kind === undefined && entry.parent === undefined && /\b(?:provides|offers)\b/.test(entry.item.text)) {
    const sentences = sentencesOf(entry.item.text);
    if (PROVIDES.test(sentences[0] ?? '') && sentences.every((s) => sentenceKind(s) === undefined)) return 'notes';
  }
  // An issue or pull request named and nothing more (`#84`, `[!137](…)`) under "Issues" or
  // "Blockers" is the work it names: no risk said.
  if ((entry.kind === 'risks' || entry.kind === 'blockers') && /^[#!]\d+$/.test(entry.item.text.trim())) return 'progress';
  // A release linked and nothing more (`[ponylang/http 0.5.5](…/releases/tag/0.5.5)` under
  // "Releases"), under no label or a going one: a version out, done.
  if ((entry.kind === undefined || entry.kind === 'progress') && isReleaseLinks(entry.item)) return 'achieved';
  // A branch named and linked, nothing said of it (`[feature/search](…/tree/feature/search)`): where the work is, not work.
  if (isBranchLink(entry.item)) return 'notes';
  // So is a site named and linked, its home page (`[Monmouthshire](https://www.monmouthshire.gov.uk/)`): who or what it is.
  if ((entry.kind === undefined || entry.kind === 'progress' || entry.kind === 'achieved') && isHomeLink(entry.item)) return 'notes';
  // So are links named only by what they point at (`[code](…) - [live](…)`).
  if (isReferenceLinks(entry.item)) return 'notes';
  // And a sentence that only points at something to look at ("Here's our intro slides…"), or only
  // answers yes or no, under any label ("Have I made enough progress this week?" › "Not really.",
  // "Do you plan to launch a token?" › "No").
  if ((entry.kind === undefined || entry.kind === 'progress') && isPointer(entry.item.text)) return 'notes';
  // Who wrote the report ("Prepared by: XWS Alpha Team"), or a source cited by its number (not
  // a numbered line of work: "[1] Implemented the parser"), wherever it stands: no work.
  if (entry.kind !== 'notes' && (isByline(entry.item.text) || (isCitation(entry.item.text) && sentenceKind(entry.item.text) === undefined))) return 'notes';
  if (YES_OR_NO.test(entry.item.text.trim())) return 'notes';
  // Under a setback's label, what says it was overcome ("After removing the comment, the miner
  // worked as expected", "Fixed by pinning the toolchain") is done.
  // Not a setback told with its solution ("X crashed. Solution: …", "Found a bug, but it was
  // resolved"): that is the setback met.
  const resolved = entry.kind === 'risks' || entry.kind === 'blockers' ? RESOLVED.exec(entry.item.text) : null;
  if (resolved && !/\bsolutions?\s*:|\bbut\b/i.test(entry.item.text.slice(0, resolved.index + 1))) return 'achieved';
  const [opening = '', ...rest] = sentencesOf(entry.item.text);
  // "None for now. The biggest issue would be data integration…": none yet, then what may come in
  // the way: a risk. Said with what does stand in the way ("No issues with the release, but CI is
  // slow", "None so far, except…"): that, of the label's kind.
  if ((entry.kind === 'risks' || entry.kind === 'blockers') && /^(?:none|nothing|no)\b/i.test(entry.item.text.trim())) {
    const foreseen = rest.some((s) => FORESEEN.test(s)) || FORESEEN.test(opening);
    if (foreseen && !WAITING.test(entry.item.text)) return 'risks';
    if (/\b(?:except|but|however|although|though)\b(?!\s+see\b)/i.test(entry.item.text)) return entry.kind;
  }
  // "Where I was blocked:" › "Wasn't blocked.", "There was nothing this week that I was blocked
  // on.", "I didn't really have much trouble with anything this week. I might be…": none met,
  // said in the first sentence (not "Couldn't solve the issue": a setback).
  if ((entry.kind === 'risks' || entry.kind === 'blockers') && NO_TROUBLE.test(opening) && !/\b(?:but|except|however|although|though|until)\b/i.test(opening)) return 'notes';
  // "Did you get stuck anywhere?" › "No." / "Nope. Thankfully, another smooth week.": none met.
  if ((entry.kind === 'risks' || entry.kind === 'blockers') && /^(?:no|nope|not really|not yet|nothing)\b\s*[.!,:;)]/i.test(`${entry.item.text.trim()} `)) return 'notes';
  // "None for the core release — it succeeded on testnet": none, said with what it is about (not "None of the tests pass").
  if ((entry.kind === 'risks' || entry.kind === 'blockers') && /^none\b(?!\s+of\b)/i.test(entry.item.text.trim())) return 'notes';
  // "There are no updates to the risk table", "No new risks this week", "No changes": nothing new to tell.
  if ((entry.kind === 'risks' || entry.kind === 'blockers') && NOTHING_NEW.test(entry.item.text.trim())) return 'notes';
  // Under "Blockers", what is only foreseen ("The main issue will be integrating data",
  // "Integrating the modules would be difficult", "Deck.gl might not be the best solution")
  // stops nothing yet: a risk.
  if (entry.kind === 'blockers' && FORESEEN.test(opening) && !WAITING.test(opening) && !/\b(?:was|were|had|did)\b/i.test(opening)) return 'risks';
  // A question asked outside any label ("What did users think the banner was about?"), in a
  // list of them, is what the team wonders, no work.
  // So is one said as a question however it opens ("Good first issues for a new contributor?",
  // "Download or build the backend in CI?", "Do we need a policy…? Do we delay…?"), every sentence
  // of it asked, and a question raised, named as one ("Question about Zulip streams").
  if (entry.kind === undefined && (QUESTION_ASKED.test(entry.item.text.trim()) || allAsked(entry.item) || QUESTION_RAISED.test(entry.item.text.trim())) && sentenceKind(entry.item.text) === undefined) return 'notes';
  // And, with no label over it, a discussion told with nothing that came of it ("The SC discussed
  // the enum module."): what a meeting went over. Told without who ("Discussed PEP 620.", "We
  // discussed…"), only in a meeting's record: elsewhere it is the writer's own work.
  if (entry.kind === undefined && isDiscussion(entry.item.text, entry.meeting === true)) return 'notes';
  // Trouble said, with no label over it, whatever else the line says ("ESA grant fell through until
  // later this year", "The parser is taking way longer than I imagined"): a risk, unless it says it was done.
  if (entry.kind === undefined && TROUBLE.test(entry.item.text) && sentenceKind(entry.item.text) !== 'achieved') return 'risks';
  // And what says nothing came of the period ("No apps were removed.", "Nothing was merged this
  // week", "so nothing happened"), said alone: no work done.
  if ((entry.kind === undefined || entry.kind === 'progress' || entry.kind === 'achieved') && rest.length === 0 && NOTHING_DONE.test(entry.item.text.trim())) return 'notes';
  // And where someone was ("back from holiday", "OOO until Monday"): no work of the part.
  if ((entry.kind === undefined || entry.kind === 'progress' || entry.kind === 'achieved') && isAway(entry.item.text)) return 'notes';
  // And thanks given ("Big thanks to the team leader who…"), as under an "Acknowledgements" label.
  if ((entry.kind === undefined || entry.kind === 'progress' || entry.kind === 'achieved') && isThanks(entry.item.text)) return 'notes';
  // And a word of feeling said aloud ("Whew!", "Stay safe!").
  if ((entry.kind === undefined || entry.kind === 'progress' || entry.kind === 'achieved') && isInterjection(entry.item.text)) return 'notes';
  // And a quotation alone ("“Let us make our future now.” — Malala Yousafzai"), under a plan's label too.
  if (entry.kind !== 'risks' && entry.kind !== 'blockers' && isQuotation(entry.item.text)) return 'notes';
  // And a sign-off ("That's all for today! Thank you…", "See you then!"), under a plan's label too.
  if ((entry.kind === undefined || entry.kind === 'progress' || entry.kind === 'achieved' || entry.kind === 'next') && isSignOff(entry.item.text)) return 'notes';
  // A postscript stands outside the label above it: a note ("P.S. I started weeknotes. I like
  // it."), unless it tells of work done or planned ("P.S. We shipped the beta yesterday").
  if (entry.kind !== 'notes' && isPostscript(entry.item.text)) {
    const after = entry.item.text.replace(/^\s*p\.?\s?s\.?\s*[:,-]?\s*/i, '');
    return sentenceKind(after) ?? proseKind(after) ?? 'notes';
  }
  // And a call to follow, join, try or support the work ("If you'd like to follow along, we
  // recommend joining the Matrix channel…"), under a plan's label too.
  if ((entry.kind === undefined || entry.kind === 'progress' || entry.kind === 'achieved' || entry.kind === 'next') && isCallToReader(entry.item.text)) return 'notes';
  // A command alone, set as code (`spin install -v`, `make clean` (if the build acts up)): how to
  // do a thing, no news of its own, under any label but a risk's.
  if (entry.kind !== 'risks' && entry.kind !== 'blockers' && COMMAND_ALONE.test(entry.item.html.trim()) && /\s/.test(entry.item.text.trim())) return 'notes';
  // A block of code or configuration (an example, a command): no news of its own. Not text
  // indented by mistake into a code block ("    achieved: interop with nwaku."): that is news.
  if (/^<pre\b/.test(entry.item.html.trim()) && (/^<pre><code class="language-/.test(entry.item.html.trim()) || looksLikeCode(entry.item.text))) return 'notes';
  // A box or a tick before a person's full name and nothing else (`🔲 Arnaud Le Hors`, `✅ Christopher
  // Ferris`, `- [x] Dan Middleton`): who signed off, voted or came, a note; no work done.
  if (isPersonTicked(entry.item.text, entry.ticked !== undefined)) return 'notes';
  if (entry.kind !== 'notes' && tickedOff(entry.item.text)) return 'achieved';
  // A line that says it is a note, an insight or a tip ("Note: why the script takes so long:",
  // "main insight: …", "TIL: …") tells what the writer knows, no work, unless what follows says
  // work of a kind ("Note: #3363 is blocked"); nor do its details, that say none of their own.
  if (entry.kind !== 'notes' && NOTE_LEAD.test(entry.item.text)) {
    const rest = entry.item.text.replace(NOTE_LEAD, '');
    if (sentenceKind(rest) === undefined && !WAITING.test(rest) && !SETBACK.test(rest)) return 'notes';
  }
  // So are the subjects a discussion went over ("Bot reliability" under "The SC met with Łukasz and discussed:").
  if (parentKind === 'notes' && entry.parent !== undefined && entry.kind !== 'risks' && entry.kind !== 'blockers' && (NOTE_LEAD.test(entry.parent.text) || isDiscussion(entry.parent.text, entry.meeting === true)) && sentenceKind(entry.item.text) === undefined) return 'notes';
  // Struck through as a to-do list strikes what is done (`~~Basic queueing functionality~~`). A
  // struck-through risk or blocker stays one, resolved (status/index.ts saysResolved).
  if ((entry.kind === undefined || entry.kind === 'progress' || entry.kind === 'next') && /^(?:<p>)?<del>(?:(?!<\/?del>)[\s\S])+<\/del>[\s.]*(?:<\/p>)?$/.test(entry.item.html.trim())) return 'achieved';
  // Marked as still in progress (`[WIP] Implemented the launcher`, `WIP: …`), whatever the label;
  // or at its end (`… (currently working)`, `… (ONGOING)`), under a plan's label too.
  if ((entry.kind === 'achieved' || entry.kind === undefined) && /^[\s*_]*(?:[[(]\s*wip\s*[\])]|wip\s*[:：-])/i.test(entry.item.text)) return 'progress';
  if ((entry.kind === 'achieved' || entry.kind === 'next' || entry.kind === undefined) && GOING_TAG.test(entry.item.text)) return 'progress';
  // A count toward its total (`Builtins completed: 26/70`, `Instructions tested: 0/70`): going on
  // until it is all there (`70/70`), under a label of the week's work too.
  const counted = entry.kind === 'achieved' || entry.kind === 'progress' ? countOfTotal(entry.item.text) : undefined;
  if (counted) return counted[0] >= counted[1] ? 'achieved' : 'progress';
  // A measure and its figure ("Velocity: 8 tasks / week", "Test coverage: 85%", "Proving: 240 µs"),
  // under a label of the week's work too: what was measured, no work.
  // Not a detail of an item (`Input: 1 KB` under what was built): that item's own figures.
  if ((entry.kind === undefined || entry.kind === 'achieved' || entry.kind === 'progress') && entry.parent === undefined && MEASURE.test(entry.item.text.trim())) return 'notes';
  // A task that says how it stands (`**Make the assembler work** Status: **Complete**`) is what its status says, whatever the label over it.
  const status = entry.kind !== 'notes' ? statusFieldKind(entry.item.text) : undefined;
  if (status) return status;
  // What waits on others or on help ("Waiting on a reply regarding the funct7 field", "[@ana] need
  // help with bridge code", "Still waiting for the hardware teams to provide the latencies"):
  // blocked, under a label of the week's work too; a plan's label keeps it a plan.
  if ((entry.kind === undefined || entry.kind === 'progress' || entry.kind === 'achieved') && WAITING.test(withoutOwnerHandles(entry.item.text).trim())) return 'blockers';
  // The parts of what is planned ("…a dashboard with planned features:" › "Stake distribution
  // settings"): what comes, whatever the label over the item that plans them.
  if (entry.parent !== undefined && entry.kind !== 'risks' && entry.kind !== 'blockers' && entry.kind !== 'notes' && PLANNED_LEAD.test(entry.parent.text.trim()) && sentenceKind(entry.item.text) === undefined) return 'next';
  // What the item's own sentence says (read once, when needed), and its first sentence.
  let read: { says: ReturnType<typeof sentenceKind> } | undefined;
  const sentence = () => (read ??= { says: sentenceKind(entry.item.text) }).says;
  // Its first sentence, without whose it is (`[@moul] in progress: …`, `[@gfanton] started adding…`).
  const first = withoutOwnerHandles(entry.item.text).trim().split(/(?<=[.!?])\s/)[0]!;
  // Under "This week" or "Done", a sentence that says what will be ("the team will make
  // recommendations") is a plan; one that says what goes on ("The team are currently
  // assessing…") is news of work in progress; a question asked is no work done.
  if (entry.kind === 'achieved') {
    const says = sentence();
    // Not a ticked task box: minutes tick off the action given ("- [x] @jdno will archive the issues").
    if (says === 'next' && entry.ticked !== true) return 'next';
    // A status said before the task ("IN-PROGRESS - Review the doc", "[@moul] in progress: …") holds.
    if (says === 'progress') return 'progress';
    // What says it is unfinished ("…(not finished)", "WIP", "almost done", "still have to add 2
    // more tests", "unfixed") goes on, whatever its verb.
    if (UNFINISHED.test(entry.item.text.replace(/https?:\/\/\S+/g, ''))) return 'progress';
    if (says === undefined && /\?$/.test(first.trim())) return 'notes';
    // A finding (what the team learnt, a fact it found): "We learned from the survey that…",
    // "All of the FBOs present have their own reporting mechanism": no work done.
    if (says === undefined && FINDING.test(first)) return 'notes';
    if (says === undefined && SETBACK.test(first)) return 'risks';
    if (says === undefined && (STILL_GOING.test(first) || /^(?:the team|we|i|they|[A-Z][\w-]*(?:\s+[\w-]+)?)\s+(?:am|is|are)\s+(?:now\s+)?(?!working\b(?!\s+on\b))[a-z]+ing\b/.test(first))) return 'progress';
    // A line that opens on the work as it goes ("Drafting the impact assessment", "Refining the
    // user needs", "Working with FIM to agree timescales"): under a label of the week's doings, still going.
    // Not a title ("Testing the Debugger with Intensive Prompting"), nor the work as a subject ("Updating the charter was…").
    if (says === undefined && ONGOING_OPENER.test(first) && !TITLE_CASE.test(first) && !/^\S+\s(?:(?!\b(?:that|which|who)\b)[^.;])*?\b(?:was|were|is|are|has|had)\b/i.test(first)) return 'progress';
    // So does one that only began ("Begin integration of the master dataset", under "What I did"),
    // or that goes on, jotted as a to-do is ("Continue i18n on iOS", "Keep refining the model",
    // under "Last week's debrief"). Not "continued discussion on the RFC": said in the past, the
    // writer's "achieved:" in front of it holds.
    if (says === undefined && /^(?:begin|start|continue|keep)\s+(?!by\b|to\s+be\b)[a-z]/i.test(first)) return 'progress';
  }
  // A finding told by its share ("73% of respondents have not reported…"), or a sum of money
  // ("$6315.0 on accounting, copywriting…", "€2k for hosting"): what was learnt, spent or raised, no work.
  if ((entry.kind === undefined || entry.kind === 'progress' || entry.kind === 'achieved') && FIGURE_FIRST.test(entry.item.text.trim())) return 'notes';
  // So is a tally of changes, every sentence of it ("This month, RubyGems.org gained 38 commits
  // from 4 authors, making 1,124 additions and 183 deletions across 84 files."): figures, no work.
  if ((entry.kind === undefined || entry.kind === 'progress' || entry.kind === 'achieved') && isChangeTally(entry.item.text)) return 'notes';
  // "Unfortunately, …" says a setback, whatever it did: "Unfortunately, I completed less work
  // than planned" is a risk met, under a label of work done too.
  if ((entry.kind === undefined || entry.kind === 'progress' || entry.kind === 'achieved') && /^unfortunately\b/i.test(first.trim())) return 'risks';
  // Unlabelled, or under a progress label, a setback said as one ("Unfortunately I have been unable
  // to…", "Couldn't get the CI green") is a risk met, as under "Done".
  if ((entry.kind === undefined || entry.kind === 'progress') && sentence() === undefined && SETBACK.test(first)) return 'risks';
  // And, with no label over it, what says the work is in danger ("code coverage milestone got
  // pushed back", "very little progress on this", "Concern about not validating messages", "Hard
  // to build a general solution", "array API is breaking existing code", "Łukasz reported on
  // issues with the new CLA bot") is a risk; what asks for a review or help ("two pending PRs,
  // review appreciated", "Looking for a final bit of review") is blocked on it. Not work told by
  // its verb ("Fixing the failing tests", "Fix the regression"): that is the work.
  if (entry.kind === undefined && sentence() === undefined && !ONGOING_OPENER.test(first) && !isTaskTitle(first) && !/^(?!found\b)(?:[a-z]+(?:ing|ed)|solve|find|resolve|automatically|[a-z]+\s*:)(?:\s|$)/i.test(first.trim())) {
    if (HELP_WANTED.test(first)) return 'blockers';
    if (IN_DANGER.test(first)) return 'risks';
  }
  // Under a progress label ("Progress", "Ongoing"), what a sentence says was done is done; so is
  // a line told in the past by its first word ("Assigned initial roles…", "Drew rough mockups…"),
  // unless it says it goes on ("Started learning…").
  if (entry.kind === 'progress' && (sentence() === 'achieved' || (sentence() === undefined && PAST_OPENER.test(first) && !STILL_GOING.test(first) && !UNFINISHED.test(first)))) return 'achieved';
  // And what a sentence says will be is a plan ("Will start testing Guardian in CI soon", under
  // "Backlog Reviews"), as under a label of done work.
  if (entry.kind === 'progress' && sentence() === 'next') return 'next';
  // A detail that says nothing of its own is of the kind of the item it details ("We will replace
  // Vidalia with:" › "the Tor Status extension…"; "Implemented the network fixes. The pull
  // requests:" › "Vote tally fix (…/pull/268)").
  const inherited = parentKind === 'achieved' || parentKind === 'next' || parentKind === 'risks' || parentKind === 'blockers' ? parentKind : undefined;
  // So under a progress label: the parts of a thing done there are done ("Escrow lock script
  // implemented" › "`main()` — dispatches witness tags"), unless the detail says it goes on.
  if (entry.kind === 'progress' && entry.parent !== undefined && inherited !== undefined && !saysWork(entry.item.text)) return inherited;
  // A paragraph whose first sentence says nothing of its kind is what most of its sentences say
  // ("VR work continues. I've written a protocol… I've also written an extension…" is done).
  // One that says its work goes on is progress, whatever came before it.
  // An item that says nothing of its kind is the report's news (progress), or done where the
  // report says all it lists was done ("the activities I've done this month": `neutral`).
  // Not one that says it is unfinished ("In midst of fixing…", "WIP for ruby-excon", "couldn't complete").
  const unfinished = neutral === 'achieved' && UNFINISHED.test(entry.item.text);
  // Last: a paragraph of prose, unlabelled, none of its sentences saying work done, planned, in
  // the way or going on (the steps before found none), nor told by whoever did it or of the
  // period, nor how far a thing is ("40%"): what a thing is, how it works, why, where to look
  // ("Main development repo: https://…"), a caption: a note. Of such paragraphs, one sentence or
  // more, the judges of the unseen batches call three in five notes and one in six work going on.
  const explains = () => entry.prose === true && !TOLD_AS_WORK.test(entry.item.text) && !SHARE_DONE.test(entry.item.text);
  // In a meeting's discussion (neutral notes), a task as a tracker titles it ("Add package-url
  // specification as an annex", a pull request's address) is work in flight the meeting went over.
  // And an action given there to one person by name ("Ken will commit it.", "Ethan to book a
  // follow-up meeting"): what comes. Only in minutes, where a name opening a line is someone in
  // the room; elsewhere "Link to block explorer" would be read so (names.ts holds "Link").
  const discussed = () => (neutral === 'notes' && isTaskTitle(entry.item.text) ? 'progress' : neutral === 'notes' && isAssigned(entry.item.text) ? 'next' : neutral);
  // A line that cites its pull or merge request (`…/pull/572`, "(#61)", "PR 123") and says
  // nothing else of its kind: a change handed in, told in the report as made, done; not one
  // marked open ("draft", "WIP", "in review").
  // Not a detail of an item that goes on ("Continuing work on log collection" › "Details here …/pull/41"): that item's.
  const cited = () => (neutral !== 'notes' && entry.parent === undefined && citesChange(entry.item) ? 'achieved' : undefined);
  // In a meeting's record, what someone said, given by their name in bold (`**Danny**: Right, the
  // expectation is…`, a call's transcript), is speech: a note, unless its words say a kind or work.
  if (entry.kind === undefined && entry.meeting === true && SPEAKER.test(entry.item.html.trim())) {
    const spoken = entry.item.text.replace(/^[^:]{1,60}:\s*/, '');
    if (sentence() === undefined && sentenceKind(spoken) === undefined && proseKind(spoken) === undefined && !saysWork(spoken)) return 'notes';
  }
  return entry.kind ?? sentence() ?? proseKind(entry.item.text) ?? (saysWork(entry.item.text) || unfinished ? 'progress' : inherited) ?? cited() ?? (neutral === 'notes' ? discussed() : explains() ? 'notes' : neutral);
}

/** A line given to who said it, by name in bold (`<strong>Danny</strong>: …`, `<strong>Hsiao-wei Wang</strong>:`). */
const SPEAKER = /^(?:<p>)?<strong>\s*[A-Z][\p{L}'’.-]*(?:\s+[\p{L}'’.-]+){0,3}\s*(?::\s*)?<\/strong>\s*(?::\s*)?(?=\S)/u;

/** Who, before a verb: a few words ("The SC", "Nick"), not an adverb, a verb or an "… and" ("Researched and discussed" is research done). */
const WHO = String.raw`(?!(?:i|we|also|briefly|then|again|randomly|once|later|finally|further|first|initially|quickly)\s|[a-z]+(?:ed|ly)\s|\S+\s+and\s)(?:the\s+)?[\w&.'’-]+(?:\s+[\w&.'’-]+){0,3}?\s+`;
/** A discussion ("The SC discussed…", "Briefly discussed…", "X met with Y to discuss…"). */
const TALKED = String.raw`(?:also\s+|briefly\s+|then\s+|again\s+|randomly\s+)?(?:discussed|talked\s+about|went\s+over|met\s+with\b[^.;]{0,80}?\b(?:to\s+discuss|and\s+discussed|about|on)\b)`;
const DISCUSSION = new RegExp(`^(?:(?:we|i)\\s+|${WHO})?${TALKED}`, 'i');
const WHO_DISCUSSED = new RegExp(`^${WHO}${TALKED}`, 'i');
/** What came of a discussion: a decision, a plan, a thing done. */
const OUTCOME = /\b(?:decided|decide|agreed|accepted|approved|rejected|resolved|concluded|will|plans?\s+to|planned|going\s+to|should|must|needs?\s+to|action|todo|follow[- ]up)\b/i;
/** What a meeting went over, nothing decided; told without who, or by "we", only where `meeting` (a meeting's record). */
function isDiscussion(text: string, meeting = false): boolean {
  const t = text.trim();
  return DISCUSSION.test(t) && !OUTCOME.test(t) && (meeting || WHO_DISCUSSED.test(t));
}

/**
 * A person's full name, a tick or box mark before it or a task box around it (`boxed`): a given
 * name, a surname (`✅ Christopher Ferris`, `🔲 Arnaud Le Hors`).
 */
function isPersonTicked(text: string, boxed: boolean): boolean {
  const m = /^[\s*_]*((?:✅|✔️?|☑️?|🔲|⬜️?|☐|☒|✖️?|❌)\s*)?([A-Z][\p{L}'’.-]+)(?:\s+(?:(?:van|von|de|da|del|der|di|le|la)\s+)?[A-Z][\p{L}'’.-]*){1,3}\s*$/u.exec(text);
  return m !== null && (boxed || m[1] !== undefined) && isGivenName(m[2]!);
}

/**
 * Whether a line cites its pull or merge request, by number or address, or by a link to it
 * (`[Add inspector locking](…/pull/569)`: its address is the citation), and says it is not open.
 */
function citesChange(item: Item): boolean {
  return (CITES_CHANGE.test(item.text) || item.links.some((link) => CHANGE_URL.test(link.href) || COMMIT_URL.test(link.href))) && !OPEN_CHANGE.test(item.text);
}
/** A commit's address (`…/commit/e4b49be`): a change that went in. */
const COMMIT_URL = /\/commits?\/[0-9a-f]{7,40}\b/i;
/** A pull or merge request cited by its address or number: `…/pull/572`, `…/merge_requests/12`, "(#61)", "[#61]", "PR 123". */
const CITES_CHANGE = new RegExp(String.raw`${CHANGE_URL.source}|\(#\d+\)|\[#\d+\]|\bPR\s*#?\d+`, 'i');
/** …said to be still open: not merged (NOT_MERGED_WORDS), open, waiting on review or on something else. */
const OPEN_CHANGE = new RegExp(String.raw`\b(?:${NOT_MERGED_WORDS}|open|opened|(?:on|for) review|ready for|blocked|waiting|to be merged|needs? (?:review|rebase))\b`, 'i');

/** A line that gives an action to one person by their given name ("Ken will commit it", "Ethan to book the room"). */
function isAssigned(text: string): boolean {
  const m = /^([A-Z][a-z]+)\s+(?:will|to|should|shall|needs\s+to|is\s+going\s+to)\s+(?!(?:be|have|the|a|an|our|this|that|these|those|my|your|their|its|his|her|all|some|each|every)\b)[a-z]{2,}/.exec(text.trim());
  return m !== null && isGivenName(m[1]!);
}

/** The kinds of a node's entries in order, each detail after its item (`kinds` keeps every item's kind, for details in later nodes). */
export function entryKinds(entries: OutlineNode['entries'], kinds = new Map<Item, ItemKind>(), neutral: ItemKind = 'progress'): ItemKind[] {
  return entries.map((e) => {
    // A detail takes its item's kind when it says none; so does a paragraph the one it goes on
    // from, unless it only names where to look ("Main development repo: https://…").
    const from = e.parent ?? (e.follows && !isNamedAddress(e.item.text) ? e.follows : undefined);
    // What a meeting or a study went over ("Discussed with Igor about the tests" › "He wants us to
    // use another tool") is not done work of its own, as the parts of a thing built are.
    const fromKind = from ? kinds.get(from) : undefined;
    const kind = entryKind(e, fromKind === 'achieved' && toldAsActivity(from!.text) ? undefined : fromKind, neutral);
    kinds.set(e.item, kind);
    return kind;
  });
}

/**
 * Which entries have a kind that nothing said — no label, no sentence of their own, no item they
 * detail, no frame of the report — and so took the default (entryKind's `neutral`): the entries
 * whose kind follows the default given.
 */
export function kindsGuessed(entries: OutlineNode['entries']): boolean[] {
  const [asProgress, asNext] = [entryKinds(entries, new Map(), 'progress'), entryKinds(entries, new Map(), 'next')];
  return asProgress.map((kind, i) => kind !== asNext[i]);
}

/** Sections in document order (one per key: a milestone opened twice in a week is merged) and notes. */
export function sectionsOf(outline: Outline): { sections: MilestoneSection[]; notes: Item[] } {
  const sections: MilestoneSection[] = [];
  const byKey = new Map<string, MilestoneSection>();
  const notes: Item[] = [];
  // Each item's kind, for the details nested under it.
  const kinds = new Map<Item, ItemKind>();
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
    // A topic of a meeting's notes: a line that says no kind of its own is discussion.
    const neutral: ItemKind = node.discussed ? 'notes' : outline.saysDone ? 'achieved' : 'progress';
    for (const [i, kind] of entryKinds(node.entries, kinds, neutral).entries()) {
      const e = node.entries[i]!;
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

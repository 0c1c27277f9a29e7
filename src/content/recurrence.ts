/**
 * A team's own history as evidence for how to read it: what recurs across its weeks is
 * structure, what changes is content. Before its files are read one by one, the build scans
 * all of a team's reports (cheaply, line by line, no markdown parse) for openers — a bullet with
 * work nested under it, a bold line, a heading, a plain line over a list — and counts the weeks
 * each appears in.
 *
 * - A short opener seen in two or more weeks is a part ("Testing", "Bugfix" under a working
 *   group): its nested work is that part's, not one item's sub-bullets. So is a name in bold
 *   or italics over nested work written twice in one report (`**RAISE package:**` under
 *   "Done", "Doing" and "Todo"): the report sorts that part's work by kind.
 * - A short name leading a bullet's words with its colon (`- Platform: PostgreSQL upgraded`,
 *   `- Mixnet v2 Simulation: ran the passive adversary…`), seen in three or more weeks (two of a
 *   short series), is a part the team reports on that way (outline.ts partLeadIn).
 * - A heading whose text changes every week but whose shape (digits blanked) recurs
 *   (`Vac 2024/03/11`, `Sprint 14 kickoff`) titles the document; it never scopes a key.
 * - An issue or pull request linked in two or more weeks is work the team follows: named as an
 *   opener, it is a part; linked in one week only, it is a piece of the work of the part it sits in.
 * - A plain heading written under several different parts of one report ("Research" and
 *   "Development" under every project) is a facet of the team's template: it sorts each part's
 *   work, it is no part of its own.
 * - A line of a form the team fills in every week (`01. Objectives for the week`, `09. Obstacles
 *   in your research?`, `Did you seek help when you needed that?`) with its answer indented under
 *   it, or a heading that asks (`### Is the project on track? *`), written the same in most of its
 *   reports (at least three, and more than half): a prompt, no item and no part; it labels its
 *   answer as a heading would.
 */
import { isCommitmentTag, normaliseTrackerUrl, titleIdentity, WORK_URL } from './keys';
import { bareOpener, datedForm, labelWords, LEAD_NAME, openerText, standingForm } from './inline';
import { isFormPrompt, readLabel } from './labels';
import { headingShape, type Recurrence } from './outline';

const BULLET = /^([ \t]*)(?:[-*+]|\d{1,3}[.)])[ \t]+(.*)$/;
const HEADING = /^#{1,6}[ \t]+(.+?)[ \t#]*$/;
const BOLD_LINE = /^[ \t]*(?:\*\*|__)(.+?)(?:\*\*|__)[ \t]*:?[ \t]*$/;
/** A bullet's text wholly in bold or italics (`**Weighted losses:**`). */
const EMPHASISED = /^(?:\*\*|__|\*|_)[^*_]+(?:\*\*|__|\*|_)[ \t]*:?[ \t]*$/;

const indentOf = (s: string) => s.replace(/\t/g, '    ').length;
const URL_IN_TEXT = /https?:\/\/[^\s)<>\]"'`]+/g;

/** Issues and pull requests a report links to anywhere, normalised (./keys.ts). */
function workLinksOf(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(URL_IN_TEXT)) {
    const url = normaliseTrackerUrl(m[0]);
    if (url && WORK_URL.test(url)) out.add(url);
  }
  return out;
}

/** Openers of one report: title identities, heading shapes with their exact identity and words, and each plain heading's enclosing headings. */
function openersOf(text: string): { openers: Set<string>; leads: Set<string>; headings: Array<{ shape: string; exact: string; written: string }>; under: Map<string, Set<string>>; repeated: Set<string>; prompts: Map<string, string> } {
  const lines = text.split('\n');
  const openers = new Set<string>();
  // Names leading a bullet's words with a colon (`- Platform: …`).
  const leads = new Set<string>();
  // Lines with something indented under them (an answer), by their words (and as written): prompts if they recur.
  const prompts = new Map<string, string>();
  // Emphasised names over nested work, and those written twice or more in this one report.
  const emphasised = new Set<string>();
  const repeated = new Set<string>();
  const headings: Array<{ shape: string; exact: string; written: string }> = [];
  // Plain headings (no link, no tag: a name, not an identity) by the heading they sit under, labels skipped.
  const under = new Map<string, Set<string>>();
  const enclosing: Array<{ depth: number; id: string; label: boolean }> = [];
  const add = (raw: string): string | undefined => {
    // A link's text is its title (`## [Search](…/issues/4)` and `## Search` are one opener).
    const plain = openerText(raw);
    if (plain === '' || plain.length > 80 || /[.!?;,]$/.test(plain)) return undefined;
    const id = titleIdentity(plain);
    if (id !== '') openers.add(id);
    return id === '' ? undefined : id;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const heading = HEADING.exec(line);
    if (heading) {
      add(heading[1]!);
      const depth = /^#+/.exec(line)![0].length;
      while (enclosing.length > 0 && enclosing.at(-1)!.depth >= depth) enclosing.pop();
      const plain = labelWords(heading[1]!);
      const id = titleIdentity(plain);
      const label = readLabel(plain) !== undefined;
      const parent = [...enclosing].reverse().find((h) => !h.label);
      if (parent && !label && id !== '' && !/\]\(/.test(heading[1]!) && !isCommitmentTag(plain)) {
        let parents = under.get(id);
        if (!parents) under.set(id, (parents = new Set()));
        parents.add(parent.id);
      }
      enclosing.push({ depth, id, label });
      // A heading that asks (a form's question or request, every week): a prompt if it recurs.
      const asked = openerText(heading[1]!);
      const askedId = titleIdentity(asked);
      if (askedId !== '' && !prompts.has(askedId) && isFormPrompt(asked)) prompts.set(askedId, asked);
      const shape = headingShape(heading[1]!);
      if (shape.includes('#')) headings.push({ shape, exact: titleIdentity(heading[1]!), written: labelWords(heading[1]!).toLowerCase() });
      continue;
    }
    const bold = BOLD_LINE.exec(line);
    if (bold) {
      add(bold[1]!);
      continue;
    }
    const bullet = BULLET.exec(line);
    const lead = bullet ? LEAD_NAME.exec(bullet[2]!.replace(/[*_`]/g, '')) : null;
    if (lead) {
      const id = titleIdentity(lead[1]!);
      if (id !== '') leads.add(id);
    }
    {
      const own = bullet ? bullet[2]! : line;
      let j = i + 1;
      while (j < lines.length && lines[j]!.trim() === '') j++;
      const after = lines[j];
      // A line that names an issue or a pull request (`… ([simpleinfra#372](…/issues/372))`) is a
      // piece of work carried from week to week, never a form's question.
      const namesWork = () => /(?:^|[\s([])[\w.-]*#\d+\b/.test(own) || workLinksOf(own).size > 0;
      if (own.trim().split(/\s+/).length >= 3 && after !== undefined && indentOf(/^[ \t]*/.exec(after)![0]) > indentOf(/^[ \t]*/.exec(line)![0]) && !namesWork()) {
        const written = openerText(own);
        const id = titleIdentity(written);
        if (id !== '' && !prompts.has(id)) prompts.set(id, written);
      }
    }
    if (!bullet) {
      // A plain line right over a list (`Research`, `[Private PoS]:`, then the bullets).
      if (/^[^\s>|<]/.test(line) && line.length <= 80) {
        let j = i + 1;
        while (j < lines.length && lines[j]!.trim() === '') j++;
        const next = j < lines.length ? BULLET.exec(lines[j]!) : null;
        if (next && indentOf(next[1]!) === 0) add(line.replace(/^\[([^\]]+)\]/, '$1'));
      }
      continue;
    }
    let j = i + 1;
    while (j < lines.length && lines[j]!.trim() === '') j++;
    const next = j < lines.length ? BULLET.exec(lines[j]!) : null;
    if (next && indentOf(next[1]!) > indentOf(bullet[1]!)) {
      const id = add(bullet[2]!);
      // And its name alone, without the issue and owner written after it (inline.ts bareOpener).
      const name = bareOpener(bullet[2]!);
      const bare = titleIdentity(name);
      if (bare !== '' && bare !== id && name.length <= 80) openers.add(bare);
      if (id !== undefined && EMPHASISED.test(bullet[2]!)) {
        if (emphasised.has(id)) repeated.add(id);
        emphasised.add(id);
      }
    }
  }
  return { openers, leads, headings, under, repeated, prompts };
}

/** What recurs across one team's reports (texts in any order). */
export function recurrenceOf(texts: Iterable<string>): Recurrence {
  const openerWeeks = new Map<string, number>();
  // Lines of six words or more, by their standing form: the weeks each is written in.
  const lineWeeks = new Map<string, number>();
  const datedWeeks = new Map<string, number>();
  const workWeeks = new Map<string, number>();
  const shapeWeeks = new Map<string, { weeks: number; exact: Set<string> }>();
  /** Shapes written twice or more in one report with different numbers: a series of parts. */
  const series = new Set<string>();
  const facetWeeks = new Map<string, number>();
  const facets = new Set<string>();
  // Emphasised names over nested work written twice in one report: parts, however few the weeks.
  const repeatedInOne = new Set<string>();
  const promptWeeks = new Map<string, { weeks: number; written: string }>();
  const leadWeeks = new Map<string, number>();
  let weeks = 0;
  for (const text of texts) {
    weeks++;
    const { openers, leads, headings, under, repeated, prompts: asked } = openersOf(text);
    for (const l of leads) leadWeeks.set(l, (leadWeeks.get(l) ?? 0) + 1);
    for (const [p, written] of asked) promptWeeks.set(p, { weeks: (promptWeeks.get(p)?.weeks ?? 0) + 1, written });
    for (const o of repeated) repeatedInOne.add(o);
    for (const [id, parents] of under) {
      if (parents.size < 2) continue;
      facetWeeks.set(id, (facetWeeks.get(id) ?? 0) + 1);
      // Under two parts in two reports, or under three in one: a facet of the template, not a part.
      if (parents.size >= 3 || facetWeeks.get(id)! >= 2) facets.add(id);
    }
    for (const o of openers) openerWeeks.set(o, (openerWeeks.get(o) ?? 0) + 1);
    for (const line of new Set(text.split('\n').map(standingForm).filter((l) => l.split(' ').length >= 6))) lineWeeks.set(line, (lineWeeks.get(line) ?? 0) + 1);
    // And a field's value the same but for its dates (front matter's `summary: …`): only a front
    // summary is read so (outline.ts isStandingText), so only fields are counted.
    const dated = text.split('\n').map((l) => /^[a-z][\w-]*:\s+(\S.*)$/.exec(l)?.[1]).filter((v): v is string => v !== undefined).map(datedForm);
    for (const form of new Set(dated.filter((f): f is string => f !== undefined && f.split(' ').length >= 6))) datedWeeks.set(form, (datedWeeks.get(form) ?? 0) + 1);
    for (const w of workLinksOf(text)) workWeeks.set(w, (workWeeks.get(w) ?? 0) + 1);
    const seen = new Map<string, string>();
    for (const h of headings) {
      let entry = shapeWeeks.get(h.shape);
      if (!entry) shapeWeeks.set(h.shape, (entry = { weeks: 0, exact: new Set() }));
      if (!seen.has(h.shape)) entry.weeks++;
      // Two of one shape in one report ("Shipment 13" and "Shipment 14", "Phase 1" and "Phase 2"):
      // a numbered series of parts, not the title of each week; told apart by their numbers as
      // written ("ITE-4" and "ITE-5" share an identity, numbers aside).
      else if (seen.get(h.shape) !== h.written) series.add(h.shape);
      seen.set(h.shape, h.written);
      entry.exact.add(h.exact);
    }
  }
  const openers = new Set([...[...openerWeeks].filter(([, weeks]) => weeks >= 2).map(([o]) => o), ...repeatedInOne]);
  // Changes nearly every week it appears: a date, a week or a sprint number, never a name.
  const datedShapes = new Set([...shapeWeeks].filter(([shape, e]) => e.weeks >= 2 && e.exact.size >= Math.max(2, 0.8 * e.weeks) && !series.has(shape)).map(([shape]) => shape));
  const work = new Set([...workWeeks].filter(([, weeks]) => weeks >= 2).map(([w]) => w));
  // A form's prompts: the same line over an answer in most reports; not a part's name over its
  // work (a recurring opener of a few words that is no label, no question, asks nothing of "you").
  const asks = (written: string) => readLabel(written) !== undefined || /[?:.][\s*]*$|\byou(?:r)?\b|\(/i.test(written) || written.split(/\s+/).length > 6;
  const prompts = new Set([...promptWeeks].filter(([p, e]) => e.weeks >= 3 && e.weeks > weeks / 2 && (!openers.has(p) || asks(e.written))).map(([p]) => p));
  // What the team writes the same in most of its reports (at least four, and more than half):
  // its standing text (a reminder of its aims, a description of itself), no news of a week.
  const standing = new Set([...lineWeeks, ...datedWeeks].filter(([, n]) => n >= 4 && n > weeks / 2).map(([l]) => l));
  // Three weeks, or two of a short series: in a long one, two weeks may be one report copied.
  const leads = new Set([...leadWeeks].filter(([, n]) => n >= 3 || (n >= 2 && n >= 0.4 * weeks)).map(([l]) => l));
  return { openers, leads, datedShapes, work, facets, weeks, prompts, standing };
}

/**
 * A stable, sorted form for the cache key of one report (its text): of the issues and pull
 * requests linked in other weeks, only those the report itself links to change how it reads.
 */
export function recurrenceKey(r: Recurrence | undefined, text: string): string {
  if (!r) return '';
  let shared = sharedKeys.get(r);
  if (shared === undefined) sharedKeys.set(r, (shared = JSON.stringify([[...r.openers].sort(), [...r.datedShapes].sort(), [...r.facets].sort(), r.weeks, [...(r.prompts ?? [])].sort(), [...(r.standing ?? [])].sort(), [...(r.leads ?? [])].sort()])));
  return `${shared}${JSON.stringify([...workLinksOf(text)].filter((w) => r.work.has(w)).sort())}`;
}
/** The part of the key every report of a team shares, made once per team. */
const sharedKeys = new WeakMap<Recurrence, string>();

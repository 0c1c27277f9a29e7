/**
 * When are two bullets the same item? A digest must not announce "shipped X" again because
 * someone re-indented it, bolded a word, fixed a typo in a link or moved it to another week.
 *
 * An item's fingerprint is its bag of content words: lowercased, accents folded, URLs, repo
 * tags (`[nwaku]`), punctuation and markup dropped, filler words removed, sorted and
 * de-duplicated. Two items are the same when their fingerprints are equal, or when one's
 * words are nearly all the other's (a light rewording: a word added, dropped or changed in a
 * longer bullet). Short bullets must match exactly: "fix tests" and "add tests" differ.
 */

const STOPWORDS = new Set(
  'a an the and or of to in on for with by at from as is are was were be been it its this that these those we our us i into via per than then so also just more some any all now still will can'.split(
    ' ',
  ),
);

/**
 * Fingerprints by text: a cut reads each item several times (the snapshot, each team's changes,
 * the previous snapshot's parts). At most FINGERPRINTS_KEPT texts, then forgotten at once, so
 * what an isolate keeps never grows with the content.
 */
const fingerprints = new Map<string, string>();
const FINGERPRINTS_KEPT = 20_000;

export function fingerprint(text: string): string {
  let print = fingerprints.get(text);
  if (print === undefined) {
    if (fingerprints.size >= FINGERPRINTS_KEPT) fingerprints.clear();
    print = wordsOf(text);
    fingerprints.set(text, print);
  }
  return print;
}

function wordsOf(text: string): string {
  const words = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/^\s*\[[^\]]+\]\s*/, ' ')
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0 && !STOPWORDS.has(w));
  return [...new Set(words)].sort().join(' ');
}

/** Minimum Jaccard similarity of word sets for two differently-worded bullets to be one item. */
export const SAME_ITEM_SIMILARITY = 0.8;
/**
 * Risks and blockers are restated week after week with details added ("still needs a write
 * freeze (~20 min, more per the dry run)"): within one milestone, a risk that shares half its
 * content words with an earlier one is the same risk, neither new nor resolved.
 */
export const SAME_RISK_OVERLAP = 0.5;
/** Bullets with fewer content words than this must match exactly. */
const MIN_WORDS_FOR_SIMILARITY = 5;

/** The same words, split: `wb` also as a set (`inB`). */
type WordsMatcher = (wa: readonly string[], wb: readonly string[], inB: ReadonlySet<string>) => boolean;
/** Two fingerprints the same item? `onWords` answers the same from their words, split once by the caller (SeenItems). */
export type Matcher = ((a: string, b: string) => boolean) & { onWords?: WordsMatcher };

function matcher(onWords: WordsMatcher): Matcher {
  const same = (a: string, b: string) => {
    if (a === b) return true;
    const wb = b.split(' ');
    return onWords(a.split(' '), wb, new Set(wb));
  };
  return Object.assign(same, { onWords });
}

/** How many words of `a` (distinct: a fingerprint's words are) are in `inB`. */
function shared(a: readonly string[], inB: ReadonlySet<string>): number {
  let n = 0;
  for (const w of a) if (inB.has(w)) n++;
  return n;
}

/** Two fingerprints' words, `b`'s also as a set: the same item, reworded lightly? (both long enough) */
function similarWords(wa: readonly string[], wb: readonly string[], inB: ReadonlySet<string>): boolean {
  if (wa.length < MIN_WORDS_FOR_SIMILARITY || wb.length < MIN_WORDS_FOR_SIMILARITY) return false;
  // Jaccard ≥ 0.8 needs the shorter to have at least 0.8 of the longer's words.
  if (Math.min(wa.length, wb.length) < SAME_ITEM_SIMILARITY * Math.max(wa.length, wb.length)) return false;
  const n = shared(wa, inB);
  return n / (wa.length + wb.length - n) >= SAME_ITEM_SIMILARITY;
}

/** The same risk, restated with details added? (both long enough; an exact or similar match is checked first) */
function overlappingWords(wa: readonly string[], wb: readonly string[], inB: ReadonlySet<string>): boolean {
  if (wa.length < MIN_WORDS_FOR_SIMILARITY || wb.length < MIN_WORDS_FOR_SIMILARITY) return false;
  return shared(wa, inB) / Math.min(wa.length, wb.length) >= SAME_RISK_OVERLAP;
}

export const sameItem = matcher(similarWords);

export const sameRisk = matcher((wa, wb, inB) => similarWords(wa, wb, inB) || overlappingWords(wa, wb, inB));

/**
 * A set of fingerprints that answers "have we seen this item (or a light rewording)?". With a
 * matcher that reads words (sameItem, sameRisk), each fingerprint's words are split once and a
 * probe's once, and seen items too short or too long to match are skipped quickly (a milestone
 * can have seen thousands).
 */
export class SeenItems {
  private readonly exact: Set<string>;
  private readonly list: string[];
  /** Words of each fingerprint of `list` (by index), split when first needed. */
  private readonly words: Array<{ words: string[]; set: Set<string> } | undefined> = [];

  constructor(
    fingerprints: Iterable<string> = [],
    private readonly same: Matcher = sameItem,
  ) {
    this.list = [...fingerprints];
    this.exact = new Set(this.list);
  }

  has(fp: string): boolean {
    if (this.exact.has(fp)) return true;
    const onWords = this.same.onWords;
    if (!onWords) return this.list.some((seen) => this.same(fp, seen));
    const wa = fp.split(' ');
    for (let i = 0; i < this.list.length; i++) {
      let seen = this.words[i];
      if (!seen) {
        const words = this.list[i]!.split(' ');
        this.words[i] = seen = { words, set: new Set(words) };
      }
      if (onWords(wa, seen.words, seen.set)) return true;
    }
    return false;
  }

  add(fp: string): void {
    if (this.exact.has(fp)) return;
    this.exact.add(fp);
    this.list.push(fp);
  }

  toJSON(): string[] {
    return this.list;
  }
}

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

export function fingerprint(text: string): string {
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

export type Matcher = (a: string, b: string) => boolean;

function shared(a: string[], b: string[]): number {
  const setB = new Set(b);
  let n = 0;
  for (const w of a) if (setB.has(w)) n++;
  return n;
}

export const sameItem: Matcher = (a, b) => {
  if (a === b) return true;
  const wa = a.split(' ');
  const wb = b.split(' ');
  if (wa.length < MIN_WORDS_FOR_SIMILARITY || wb.length < MIN_WORDS_FOR_SIMILARITY) return false;
  const n = shared(wa, wb);
  return n / (wa.length + wb.length - n) >= SAME_ITEM_SIMILARITY;
};

export const sameRisk: Matcher = (a, b) => {
  if (sameItem(a, b)) return true;
  const wa = a.split(' ');
  const wb = b.split(' ');
  if (wa.length < MIN_WORDS_FOR_SIMILARITY || wb.length < MIN_WORDS_FOR_SIMILARITY) return false;
  return shared(wa, wb) / Math.min(wa.length, wb.length) >= SAME_RISK_OVERLAP;
};

/** A set of fingerprints that answers "have we seen this item (or a light rewording)?". */
export class SeenItems {
  private readonly exact: Set<string>;
  private readonly list: string[];

  constructor(
    fingerprints: Iterable<string> = [],
    private readonly same: Matcher = sameItem,
  ) {
    this.list = [...fingerprints];
    this.exact = new Set(this.list);
  }

  has(fp: string): boolean {
    if (this.exact.has(fp)) return true;
    return this.list.some((seen) => this.same(fp, seen));
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

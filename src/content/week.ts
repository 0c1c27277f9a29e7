/**
 * Which week a report is about, from the evidence that agrees: the file name, the front
 * matter `date`, a date in the title, a dated first heading. Teams use `date` both ways (the
 * publish date, or the week's Monday), name files by publish date or by week, and sometimes
 * mistype a year: when the sources disagree, the week most of them name wins, with a warning.
 * Only a file with no date anywhere is an error.
 */
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { VFile } from 'vfile';

type Place = { line: number; column: number };

interface Evidence {
  source: string;
  date: string;
  place: Place;
}

/** `YYYY-MM-DD` if it is a calendar date. */
function calendar(y: number, m: number, d: number): string | undefined {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return date.toISOString().slice(0, 10);
}

/** The first date written in a text: ISO `2024-03-18`, or day-first `18-03-2024` / `18.03.2024`. */
export function dateIn(text: string): string | undefined {
  const iso = /(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)/.exec(text);
  if (iso) return calendar(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const dayFirst = /(?<!\d)(\d{1,2})[-.](\d{1,2})[-.](\d{4})(?!\d)/.exec(text);
  if (dayFirst) return calendar(Number(dayFirst[3]), Number(dayFirst[2]), Number(dayFirst[1]));
  return undefined;
}

/** The Monday (UTC) of the ISO week a date falls in. */
export function mondayOf(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
}

export interface WeekSources {
  /** Front matter `date` as YAML gave it (a Date, a string, anything). */
  date?: unknown;
  datePlace?: Place;
  title?: string;
  titlePlace?: Place;
}

/** The date of the report (undefined, with an error, when nothing names one). */
export function inferWeek(file: VFile, tree: Root, sources: WeekSources): string | undefined {
  const evidence: Evidence[] = [];
  const at1: Place = { line: 1, column: 1 };
  const fromName = dateIn(file.stem ?? '');
  if (fromName) evidence.push({ source: 'file name', date: fromName, place: at1 });
  if (sources.date !== undefined) {
    const raw = sources.date;
    const value = raw instanceof Date && !Number.isNaN(raw.getTime()) ? raw.toISOString().slice(0, 10) : typeof raw === 'string' ? dateIn(raw.trim()) : undefined;
    if (value) evidence.push({ source: 'front matter date', date: value, place: sources.datePlace ?? at1 });
    else file.message(`front matter \`date\` ${JSON.stringify(raw)} is not a date: the week comes from the other evidence`, { place: sources.datePlace ?? at1, ruleId: 'invalid-date', source: 'tidings' });
  }
  if (sources.title) {
    const value = dateIn(sources.title);
    if (value) evidence.push({ source: 'title', date: value, place: sources.titlePlace ?? at1 });
  }
  // A dated heading near the top (`# Nomos Weekly Update - 2025-06-30`).
  for (const node of tree.children.slice(0, 6)) {
    // A heading with a link names a milestone (its date is a due date), not the document.
    if (node.type !== 'heading' || node.children.some((c) => c.type === 'link')) continue;
    const value = dateIn(toString(node));
    if (value) {
      evidence.push({ source: 'heading', date: value, place: node.position?.start ?? at1 });
      break;
    }
  }
  if (evidence.length === 0) {
    file.message('missing date: name the file YYYY-MM-DD.md, or set `date: YYYY-MM-DD` in the front matter, or put the date in the title', {
      place: at1,
      ruleId: 'missing-date',
      source: 'tidings',
    }).fatal = true;
    return undefined;
  }
  // The week most sources name; on a tie, the earliest source in the list above (the file name first).
  const votes = new Map<string, number>();
  for (const e of evidence) votes.set(mondayOf(e.date), (votes.get(mondayOf(e.date)) ?? 0) + 1);
  let best = mondayOf(evidence[0]!.date);
  for (const e of evidence) if (votes.get(mondayOf(e.date))! > votes.get(best)!) best = mondayOf(e.date);
  const chosen = evidence.find((e) => mondayOf(e.date) === best)!;
  const disagreeing = evidence.filter((e) => mondayOf(e.date) !== best);
  if (disagreeing.length > 0) {
    const listed = evidence.map((e) => `${e.source} ${e.date}`).join(', ');
    file.message(`the week's sources disagree (${listed}): using ${chosen.date}, the week of ${best} that most of them name`, {
      place: disagreeing[0]!.place,
      ruleId: 'week-disagreement',
      source: 'tidings',
    });
  }
  return chosen.date;
}

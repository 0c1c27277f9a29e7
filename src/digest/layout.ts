/**
 * What a digest shows, team by team, decided once for the email, its plain text, its web copy
 * and the fidelity measure (scripts/fidelity.ts counts the notices a reader sees from here):
 *
 * - a team section names its report's own week, and says when the report was published late;
 * - milestones with something to read are cards (a parent stays as the heading of its news);
 * - new milestones with nothing under them collapse to one line ("New this week: A, B and 21
 *   more"), milestones gone quiet to another, a silent team to one line;
 * - a section with nothing to show is left out: no empty heading in any filtered digest.
 */
import type { Team } from '../content/model';
import { TRACKED_KINDS } from './snapshot';
import type { Changes, MilestoneChange, UpdateRef } from './changes';
import { weekStart } from './changes';
import { newestDate } from '../status';

export interface TeamSection {
  team: Pick<Team, 'slug' | 'name'>;
  /** New reports of the team in this digest, oldest first. */
  updates: UpdateRef[];
  /** Reports covered before and edited since. */
  edited: UpdateRef[];
  /** Milestones shown as cards (with their news), in the digest's order. */
  cards: MilestoneChange[];
  /** New milestones with nothing written under them yet: one line. */
  newLine: MilestoneChange[];
  /** Milestones gone quiet: one line. */
  quietLine: MilestoneChange[];
  /** The team fell silent: its latest report's date. */
  silentSince?: string;
}

/** Whether a milestone change has anything to read under it (items, resolved, still open). */
export function hasItems(m: MilestoneChange): boolean {
  return TRACKED_KINDS.some((k) => m[k].length > 0) || m.resolved.length > 0 || (m.open?.length ?? 0) > 0;
}

/** A team's sections, in the digest's team order (by slug), empty ones left out. */
export function teamSections(changes: Changes, teams: readonly Pick<Team, 'slug' | 'name'>[], risksOnly = false): TeamSection[] {
  const slugs = [
    ...new Set([...changes.milestones.map((m) => m.team), ...changes.newUpdates.map((u) => u.team), ...changes.editedUpdates.map((u) => u.team), ...(changes.silent ?? []).map((s) => s.team)]),
  ].sort();
  const sections: TeamSection[] = [];
  for (const slug of slugs) {
    const team = teams.find((t) => t.slug === slug) ?? { slug, name: slug };
    const milestones = changes.milestones.filter((m) => m.team === slug);
    // Keys with something to read, and their ancestors among the changes: the cards.
    const byKey = new Map(milestones.map((m) => [m.key, m]));
    const shown = new Set<string>();
    for (const m of milestones) {
      const readable = risksOnly ? m.resolved.length > 0 : hasItems(m) || m.renamedFrom !== undefined;
      if (!readable) continue;
      for (let k: string | undefined = m.key; k !== undefined && !shown.has(k); k = byKey.get(k)?.parentKey) {
        if (byKey.has(k)) shown.add(k);
        if (byKey.get(k)?.parentKey === k) break;
      }
    }
    const cards = milestones.filter((m) => shown.has(m.key));
    const byTitle = (a: MilestoneChange, b: MilestoneChange) => a.title.localeCompare(b.title, undefined, { numeric: true });
    const newLine = risksOnly ? [] : milestones.filter((m) => !shown.has(m.key) && m.isNew && m.quiet === undefined).sort(byTitle);
    const quietLine = risksOnly ? [] : milestones.filter((m) => !shown.has(m.key) && m.quiet !== undefined).sort(byTitle);
    const silent = risksOnly ? undefined : changes.silent?.find((s) => s.team === slug)?.since;
    const section: TeamSection = {
      team,
      updates: risksOnly ? [] : changes.newUpdates.filter((u) => u.team === slug),
      edited: risksOnly ? [] : changes.editedUpdates.filter((u) => u.team === slug),
      cards,
      newLine,
      quietLine,
      ...(silent ? { silentSince: silent } : {}),
    };
    const empty = section.updates.length + section.edited.length + cards.length + newLine.length + quietLine.length === 0 && !silent;
    if (!empty) sections.push(section);
  }
  return sections;
}

/**
 * The notices a reader sees (the fidelity measure: target ≤ 2 a week): a card marked new, the
 * one line of new milestones, the one line of milestones gone quiet, a silent team.
 */
export function noticeCount(changes: Changes): number {
  let n = 0;
  for (const s of teamSections(changes, [])) {
    n += s.cards.filter((m) => m.isNew).length;
    if (s.newLine.length > 0) n++;
    if (s.quietLine.length > 0) n++;
    if (s.silentSince) n++;
  }
  return n;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `2024-12-04` → `4 Dec 2024` (or `4 Dec` without the year). */
export function humanDate(date: string, withYear = true): string {
  const [y, m, d] = date.split('-');
  if (!y || !m || !d) return date;
  return `${Number(d)} ${MONTHS[Number(m) - 1] ?? m}${withYear ? ` ${y}` : ''}`;
}

/** The week a digest is about: that of its newest new report (else the newest date it covers). */
export function digestWeek(changes: Changes): string {
  const newest = newestDate(changes.newUpdates) || changes.until;
  return newest ? weekStart(newest) : '';
}

/** "A, B and 21 more" (at most `shown` names). */
export function listWithMore(names: readonly string[], shown = 2): string {
  if (names.length <= shown + 1) return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
  return `${names.slice(0, shown).join(', ')} and ${names.length - shown} more`;
}

/** "week of 2 Dec 2024", "weeks of 25 Nov and 2 Dec 2024": the weeks a team's reports are for. */
export function reportWeeks(updates: readonly UpdateRef[]): string {
  const weeks = [...new Set(updates.map((u) => weekStart(u.date)))].sort();
  if (weeks.length === 0) return '';
  const sameYear = weeks.every((w) => w.slice(0, 4) === weeks.at(-1)!.slice(0, 4));
  const names = weeks.map((w, i) => humanDate(w, !sameYear || i === weeks.length - 1));
  return `${weeks.length === 1 ? 'week' : 'weeks'} of ${listWithMore(names, names.length)}`;
}

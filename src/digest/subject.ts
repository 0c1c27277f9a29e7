/**
 * The digest subject, as a person would write it: who, what happened (counted exactly as the
 * email's "In this issue" counts it: one function, issueCounts), and the week — "Waku: 3
 * achieved, 1 new blocker — week of 4 Dec" — at most 60 characters so phones show it whole.
 */
import type { Team } from '../content/model';
import { issueCounts } from '../../emails/digest';
import type { Changes } from './changes';
import { isEmpty } from './changes';
import { digestWeek, humanDate } from './layout';

export const MAX_SUBJECT = 60;

const plural = (n: number, word: string, many = `${word}s`) => `${n} ${n === 1 ? word : many}`;

/** The subject of a digest; `first`: a reader's first, which says where things stand. */
export function digestSubject(changes: Changes, teams: readonly Team[], first = false): string {
  const week = ` — week of ${humanDate(digestWeek(changes), false)}`;
  if (first && changes.state !== undefined) return fit(changes.state.map((t) => t.team), teams, ['where things stand'], week);
  if (isEmpty(changes)) return `No changes${week}`;
  const teamSlugs = [...new Set([...changes.milestones.map((m) => m.team), ...changes.newUpdates.map((u) => u.team), ...changes.editedUpdates.map((u) => u.team), ...(changes.silent ?? []).map((s) => s.team)])];
  const c = issueCounts(changes);
  const stillOpen = c.blockers - c.newBlockers;
  const parts = [
    c.newBlockers > 0 ? plural(c.newBlockers, 'new blocker') : stillOpen > 0 ? `${plural(stillOpen, 'blocker')} open` : '',
    c.newRisks > 0 ? plural(c.newRisks, 'new risk') : '',
    c.achieved > 0 ? `${c.achieved} achieved` : c.moved > 0 ? `progress on ${plural(c.moved, 'milestone')}` : '',
    c.resolved > 0 ? `${c.resolved} resolved` : '',
    c.newMilestones > 0 ? plural(c.newMilestones, 'new milestone') : '',
    c.quiet > 0 ? `${c.quiet} gone quiet` : '',
    c.silent > 0 ? `${plural(c.silent, 'team')} silent` : '',
  ].filter(Boolean);
  if (parts.length === 0 && changes.editedUpdates.length > 0) parts.push(`${plural(changes.editedUpdates.length, 'report')} edited`);
  if (parts.length === 0 && changes.newUpdates.length > 0) parts.push(plural(changes.newUpdates.length, 'new report'));
  return fit(teamSlugs, teams, parts, week);
}

/** "Who: as many parts as fit — week of …", most important parts first. */
function fit(teamSlugs: readonly string[], teams: readonly Team[], parts: readonly string[], week: string): string {
  const names = [...new Set(teamSlugs)].sort().map((slug) => teams.find((t) => t.slug === slug)?.name ?? slug);
  const whoOptions = names.length === 1 ? [names[0]!] : [names.join(', '), `${names.length} teams`];
  for (const who of whoOptions) {
    for (let n = parts.length; n >= 1; n--) {
      const subject = `${who}: ${parts.slice(0, n).join(', ')}${week}`;
      if (subject.length <= MAX_SUBJECT) return subject;
    }
  }
  const subject = `${whoOptions.at(-1)}: ${parts[0] ?? ''}${week}`;
  return subject.length <= MAX_SUBJECT ? subject : `${subject.slice(0, MAX_SUBJECT - 1)}…`;
}

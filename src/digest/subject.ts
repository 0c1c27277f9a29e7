/**
 * The digest subject: what happened, in the reader's scope, counted exactly as the email's
 * "In this issue" counts it (one function, issueCounts), at most 60 characters so phones show
 * it whole.
 */
import type { Team } from '../content/model';
import { issueCounts } from '../../emails/digest';
import type { Changes } from './changes';
import { isEmpty, weekStart } from './changes';

export const MAX_SUBJECT = 60;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function digestSubject(changes: Changes, teams: readonly Team[]): string {
  if (isEmpty(changes)) return `No changes — week of ${weekStart(changes.until)}`;
  const teamSlugs = [...new Set([...changes.milestones.map((m) => m.team), ...changes.newUpdates.map((u) => u.team), ...changes.editedUpdates.map((u) => u.team)])].sort();
  const names = teamSlugs.map((slug) => teams.find((t) => t.slug === slug)?.name ?? slug);
  const c = issueCounts(changes);
  const parts = [
    c.blockers > 0 ? plural(c.blockers, 'blocker') : '',
    c.risks > 0 ? plural(c.risks, 'risk') : '',
    c.moved > 0 ? `${plural(c.moved, 'milestone')} moved` : '',
    c.resolved > 0 ? `${c.resolved} resolved` : '',
    c.newMilestones > 0 ? `${c.newMilestones} new` : '',
    c.quiet > 0 ? `${c.quiet} gone quiet` : '',
  ].filter(Boolean);
  if (parts.length === 0 && changes.editedUpdates.length > 0) parts.push(`${plural(changes.editedUpdates.length, 'update')} edited`);
  if (parts.length === 0 && changes.newUpdates.length > 0) parts.push(plural(changes.newUpdates.length, 'new update'));
  const whoOptions = [names.join(', '), names.length === 1 ? names[0]! : `${names.length} teams`, `${names.length} teams`];
  for (const who of whoOptions) {
    // As many parts as fit, most important first.
    for (let n = parts.length; n >= 1; n--) {
      const subject = `${who}: ${parts.slice(0, n).join(', ')}`;
      if (subject.length <= MAX_SUBJECT) return subject;
    }
  }
  const subject = `${names.length} teams: ${parts[0]}`;
  return subject.length <= MAX_SUBJECT ? subject : `${subject.slice(0, MAX_SUBJECT - 1)}…`;
}

/** Where the digest subject is written: it says what happened, in the reader's scope. */
import type { Team } from '../content/model';
import { plural } from '../feeds/text';
import type { Changes } from './changes';
import { isEmpty, weekStart } from './changes';

export function digestSubject(changes: Changes, teams: readonly Team[]): string {
  if (isEmpty(changes)) return `No changes — week of ${weekStart(changes.until)}`;
  const teamSlugs = [...new Set([...changes.milestones.map((m) => m.team), ...changes.newUpdates.map((u) => u.team), ...changes.editedUpdates.map((u) => u.team)])].sort();
  const names = teamSlugs.map((slug) => teams.find((t) => t.slug === slug)?.name ?? slug);
  const who = names.length <= 3 ? names.join(', ') : `${names.slice(0, 2).join(', ')} and ${names.length - 2} more teams`;

  const moved = changes.milestones.filter((m) => m.achieved.length + m.progress.length + m.next.length > 0).length;
  const newRisks = changes.milestones.reduce((n, m) => n + m.risks.length + m.blockers.length, 0);
  const resolved = changes.milestones.reduce((n, m) => n + m.resolved.length, 0);
  const fresh = changes.milestones.filter((m) => m.isNew).length;
  const quiet = changes.milestones.filter((m) => m.quiet).length;
  const parts = [
    moved > 0 ? `${plural(moved, 'milestone')} moved` : '',
    fresh > 0 ? plural(fresh, 'new milestone') : '',
    newRisks > 0 ? plural(newRisks, 'new risk') : '',
    resolved > 0 ? `${plural(resolved, 'risk')} resolved` : '',
    quiet > 0 ? `${quiet} gone quiet` : '',
  ].filter(Boolean);
  if (parts.length === 0 && changes.editedUpdates.length > 0) parts.push(`${plural(changes.editedUpdates.length, 'update')} edited`);
  if (parts.length === 0 && changes.newUpdates.length > 0) parts.push(plural(changes.newUpdates.length, 'new update'));
  return `${who}: ${parts.slice(0, 3).join(', ')} — week of ${weekStart(changes.until)}`;
}

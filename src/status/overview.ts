/**
 * The site at a glance, for the home page: each team's latest update, what is blocked or at
 * risk now (new this week or still open), and the milestones that moved in their team's
 * latest week. Pure over the model.
 */
import type { Item, Milestone, SiteModel, Update } from '../content/model';
import { itemsOf, statusIndex, type StatusInfo, type StatusOptions, weeksBetween } from './index';
import { openItems, weeksOf, type OpenItem } from './open';

export interface AttentionItem extends OpenItem {
  milestone: Milestone;
  status: StatusInfo;
}

export interface MovedMilestone {
  milestone: Milestone;
  status: StatusInfo;
  update: Update;
  achieved: Item[];
}

export interface Overview {
  /** Each team's latest update, when it is recent (within QUIET_WEEKS of the newest update), newest first. */
  latest: Update[];
  /** Blockers then risks listed in the latest week of milestones that are blocked or at risk. */
  attention: AttentionItem[];
  /** Milestones with achievements in their team's latest update. */
  moved: MovedMilestone[];
}

const cache = new WeakMap<SiteModel, Map<number, Overview>>();

export function overview(site: SiteModel, options: StatusOptions): Overview {
  let per = cache.get(site);
  if (!per) cache.set(site, (per = new Map()));
  const hit = per.get(options.quietWeeks);
  if (hit) return hit;
  const byId = new Map(site.updates.map((u) => [u.id, u]));
  const newest = site.updates[0]?.date;
  const teamLatest = new Map<string, Update>();
  for (const u of site.updates) {
    const seen = teamLatest.get(u.team);
    if (!seen || seen.date < u.date) teamLatest.set(u.team, u);
  }
  const latest = [...teamLatest.values()]
    .filter((u) => newest !== undefined && weeksBetween(u.date, newest) < options.quietWeeks)
    .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : a.team.localeCompare(b.team)));
  const index = statusIndex(site, options);
  const attention: AttentionItem[] = [];
  const moved: MovedMilestone[] = [];
  for (const m of site.milestones) {
    const status = index.get(m.key)!;
    const latestWeek = status.latest;
    if (status.status === 'blocked' || status.status === 'at-risk') {
      for (const o of openItems(weeksOf(site, m, (id) => byId.get(id)))) attention.push({ ...o, milestone: m, status });
    }
    const teamUpdate = teamLatest.get(m.team);
    if (latestWeek && teamUpdate && latestWeek.update.id === teamUpdate.id && latest.includes(teamUpdate)) {
      const achieved = itemsOf(latestWeek.section, 'achieved');
      if (achieved.length > 0) moved.push({ milestone: m, status, update: teamUpdate, achieved });
    }
  }
  const rank = (a: AttentionItem) => (a.kind === 'blockers' ? 0 : 1);
  attention.sort((a, b) => rank(a) - rank(b) || (a.update.date < b.update.date ? 1 : a.update.date > b.update.date ? -1 : 0) || a.milestone.title.localeCompare(b.milestone.title));
  moved.sort((a, b) => a.milestone.team.localeCompare(b.milestone.team) || b.achieved.length - a.achieved.length);
  const result = { latest, attention, moved };
  per.set(options.quietWeeks, result);
  return result;
}

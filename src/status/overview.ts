/**
 * The site at a glance, for the home page, team by team: each team's latest report (recent
 * when the team is not silent, judged on its own cadence), the blockers and risks open in it,
 * the milestones it reported progress on; and the blockers and risks a team stopped listing
 * ("not mentioned since"), which are never open. Pure over the model.
 */
import type { Item, Milestone, SiteModel, Update } from '../content/model';
import { itemsOf, newestDate, reportDates, silentSince, statusIndex, type StatusInfo, type StatusOptions } from './index';
import { openItems, weeksOf, type OpenItem } from './open';

export interface AttentionItem extends OpenItem {
  milestone: Milestone;
  status: StatusInfo;
}

export interface MovedMilestone {
  milestone: Milestone;
  status: StatusInfo;
  update: Update;
  /** What the report says was achieved or is in progress (achieved first). */
  achieved: Item[];
}

/** One team now: its latest report and what it says. */
export interface TeamNow {
  team: string;
  /** Its latest report. */
  latest: Update;
  /** The date of its latest report when the team has gone silent (src/status: silentSince). */
  silentSince?: string;
  /** Blockers then risks open in its latest report. */
  attention: AttentionItem[];
  /** Milestones its latest report says were achieved or progressed on. */
  moved: MovedMilestone[];
}

export interface Overview {
  /** Teams that report (latest report within their cadence), newest report first. */
  reporting: TeamNow[];
  /** Teams that have gone silent, most recently heard from first. */
  silent: TeamNow[];
  /** Every open blocker then risk, of every team (the teams' `attention` together). */
  attention: AttentionItem[];
  /** Every milestone that moved in its team's latest report (the teams' `moved` together). */
  moved: MovedMilestone[];
  /**
   * Blockers and risks listed in a milestone's latest week that its team no longer lists (a
   * later report of the team does not mention them) and the milestone is not done: "not
   * mentioned since" `update.date`, never open. Newest first.
   */
  stale: AttentionItem[];
}

const cache = new WeakMap<SiteModel, Map<number, Overview>>();

const newestFirst = (a: { date: string }, b: { date: string }) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0);

export function overview(site: SiteModel, options: StatusOptions): Overview {
  let per = cache.get(site);
  if (!per) cache.set(site, (per = new Map()));
  const hit = per.get(options.quietWeeks);
  if (hit) return hit;
  const byId = new Map(site.updates.map((u) => [u.id, u]));
  const teamLatest = new Map<string, Update>();
  for (const u of site.updates) {
    const seen = teamLatest.get(u.team);
    if (!seen || seen.date < u.date) teamLatest.set(u.team, u);
  }
  const reports = reportDates(site.updates);
  const siteNewest = newestDate(site.updates);
  const index = statusIndex(site, options);
  const teams = new Map<string, TeamNow>();
  for (const [team, latest] of teamLatest) {
    // Silence is the team's (the same rule as its milestones' status): judged on its own cadence.
    const silent = silentSince({ reports: reports.get(team)!, siteNewest }, options.quietWeeks);
    teams.set(team, { team, latest, attention: [], moved: [], ...(silent !== undefined ? { silentSince: silent } : {}) });
  }
  const stale: AttentionItem[] = [];
  for (const m of site.milestones) {
    const status = index.get(m.key)!;
    const latestWeek = status.latest;
    const now = teams.get(m.team);
    if (!latestWeek || status.status === 'done' || !now) continue;
    // Open: listed in the team's latest report, and the team still reports.
    const current = latestWeek.update.date >= now.latest.date && now.silentSince === undefined;
    const items = openItems(weeksOf(site, m, (id) => byId.get(id))).map((o) => ({ ...o, milestone: m, status }));
    if (current && (status.status === 'blocked' || status.status === 'at-risk')) now.attention.push(...items);
    else if (!current) stale.push(...items);
    if (now && latestWeek.update.id === now.latest.id) {
      const achieved = [...itemsOf(latestWeek.section, 'achieved'), ...itemsOf(latestWeek.section, 'progress')];
      if (achieved.length > 0) now.moved.push({ milestone: m, status, update: now.latest, achieved });
    }
  }
  const rank = (a: AttentionItem) => (a.kind === 'blockers' ? 0 : 1);
  const byAttention = (a: AttentionItem, b: AttentionItem) => rank(a) - rank(b) || newestFirst(a.update, b.update) || a.milestone.title.localeCompare(b.milestone.title);
  for (const t of teams.values()) {
    t.attention.sort(byAttention);
    t.moved.sort((a, b) => b.achieved.length - a.achieved.length || a.milestone.title.localeCompare(b.milestone.title));
  }
  const all = [...teams.values()].sort((a, b) => newestFirst(a.latest, b.latest) || a.team.localeCompare(b.team));
  const reporting = all.filter((t) => t.silentSince === undefined);
  const silent = all.filter((t) => t.silentSince !== undefined);
  stale.sort((a, b) => newestFirst(a.update, b.update) || rank(a) - rank(b) || a.milestone.title.localeCompare(b.milestone.title));
  const result: Overview = {
    reporting,
    silent,
    attention: reporting.flatMap((t) => t.attention).sort(byAttention),
    moved: reporting.flatMap((t) => t.moved),
    stale,
  };
  per.set(options.quietWeeks, result);
  return result;
}

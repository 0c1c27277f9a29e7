/**
 * What changed between a snapshot and the site now, as plain data: the heart of the digest.
 */
import { titleIdentity } from '../content/keys';
import type { Item, MilestoneSection, SiteModel, Update } from '../content/model';
import { weekAnchor } from '../feeds/paths';
import { escapeHtml } from '../feeds/text';
import { deriveStatus, newestDate, openOf, reportDates, silentSince } from '../status';
import { fingerprint, sameRisk, SeenItems } from './fingerprint';
import { ancestry } from './scope';
import { snapshotOf, TRACKED_KINDS, type Snapshot, type TrackedKind } from './snapshot';

/** An update as a digest links to it. */
export type UpdateRef = Pick<Update, 'id' | 'team' | 'date' | 'title' | 'permalink' | 'lastmod'> & {
  /**
   * Dated for a week before one an earlier digest already covered: it arrived after that
   * week's digest was cut ("published late"). Absent in digests cut before this field existed.
   */
  late?: true;
  /** The update's highlights / summary, as written (any depth), when it has one. */
  summary?: Array<Pick<Item, 'text' | 'html' | 'depth'>>;
};

export interface ChangedItem {
  text: string;
  html: string;
  /** Week the item was listed in. */
  date: string;
  updateId: string;
  repo?: string;
  /** The issue or pull request the item is about, when the report named it over the item (Item.workItem). */
  workItem?: string;
}

/** One milestone's news: key, title, level… as in its latest week (see MilestoneSection). */
export interface MilestoneChange extends Pick<MilestoneSection, 'key' | 'title' | 'level' | 'parentKey' | 'area' | 'trackerUrl'> {
  team: string;
  /** Title of the enclosing milestone, for sub-milestones and deliverables. */
  parentTitle?: string;
  /** Latest week the milestone appears in. */
  lastSeen: string;
  /** Anchor of that week on the milestone page (`week-<date>`, see src/feeds/paths.ts). */
  anchor: string;
  /** Appears for the first time in this digest. */
  isNew: boolean;
  /** Its title when the previous digest was cut, if it has changed since. */
  renamedFrom?: string;
  /**
   * No entry in its team's last `weeks` reports while the team kept publishing (reported once;
   * a week the whole team missed is no report; digests cut before counted calendar weeks).
   */
  quiet?: { weeks: number };
  achieved: ChangedItem[];
  /** Unlabelled news written under the milestone (see ITEM_KINDS), new since the last digest. */
  progress: ChangedItem[];
  next: ChangedItem[];
  /** New risks and blockers. */
  risks: ChangedItem[];
  blockers: ChangedItem[];
  /** Risks and blockers listed before and no longer listed in its latest week. */
  resolved: ChangedItem[];
  /**
   * Risks and blockers listed again in its latest week, first listed before (still open), each
   * with the date it was first listed. Absent in digests cut before this field existed.
   */
  open?: OpenChangedItem[];
}

export interface OpenChangedItem extends ChangedItem {
  kind: 'risks' | 'blockers';
  /** Date of the week it was first listed in. */
  since: string;
}

export interface Changes {
  /** Newest update date covered by the previous digest (undefined for the first). */
  since?: string;
  /** Newest update date covered now. */
  until: string;
  newUpdates: UpdateRef[];
  /** Updates covered before and edited since (new content hash). */
  editedUpdates: UpdateRef[];
  milestones: MilestoneChange[];
  /**
   * Teams that went silent since the previous digest (their latest report is older than their
   * cadence allows, src/status): reported once, for the team, not for each of its milestones.
   */
  silent?: SilentTeam[];
  /**
   * Where things stand now (open blockers and risks, the latest report's achievements), per
   * team: what a reader's first digest shows instead of a week's changes. Absent in digests cut
   * before this field existed.
   */
  state?: TeamState[];
}

export interface SilentTeam {
  team: string;
  /** Date of its latest report. */
  since: string;
}

/** One team as it stands: its latest report, what is open, what it last achieved. */
export interface TeamState {
  team: string;
  latest: UpdateRef;
  /** Blockers and risks open now (the status rule: listed in the team's latest report). */
  open: Array<OpenChangedItem & { milestone: StateMilestone }>;
  /** The latest report's achieved items, by milestone (at most STATE_MILESTONES, STATE_ITEMS each). */
  achieved: Array<{ milestone: StateMilestone; items: ChangedItem[] }>;
  /** Milestones with achievements left out of `achieved` (the report has them). */
  moreAchieved?: number;
  /** The team's latest report is older than its cadence allows. */
  silentSince?: string;
}

export type StateMilestone = Pick<MilestoneChange, 'key' | 'title' | 'level' | 'parentKey' | 'parentTitle' | 'area' | 'anchor' | 'team'>;

export interface ChangeOptions {
  /** Reports of its team without an entry after which a milestone has gone quiet (QUIET_WEEKS). */
  quietWeeks: number;
  /**
   * Newest report date of the whole site, which a silent team is judged against (src/status);
   * by default the newest date of `site`'s updates (a cut team by team passes the catalog's).
   */
  siteNewest?: string;
  /** Also say where every team stands now (Changes.state: a reader's first digest). */
  state?: boolean;
}

/** The Monday (UTC) of the ISO week a date falls in. */
export function weekStart(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
}

function weeksBetween(from: string, to: string): number {
  return Math.floor((Date.parse(`${weekStart(to)}T00:00:00Z`) - Date.parse(`${weekStart(from)}T00:00:00Z`)) / (7 * 86_400_000));
}

function ref(u: Update): UpdateRef {
  const summary = (u.summary ?? []).map((i) => ({ text: i.text, html: i.html, depth: i.depth }));
  return {
    id: u.id,
    team: u.team,
    date: u.date,
    title: u.title,
    permalink: u.permalink,
    ...(u.lastmod ? { lastmod: u.lastmod } : {}),
    ...(summary.length > 0 ? { summary } : {}),
  };
}

function changed(item: Item, update: Update): ChangedItem {
  return { text: item.text, html: item.html, date: update.date, updateId: update.id, ...(item.repo ? { repo: item.repo } : {}), ...(item.workItem ? { workItem: item.workItem } : {}) };
}

/**
 * The baseline of the first digest ever: everything before the latest week, so that the first
 * digest covers only the latest week instead of the whole history.
 */
export function firstBaseline(site: SiteModel): Snapshot {
  const newest = site.updates[0]?.date;
  const latestWeek = newest ? weekStart(newest) : '';
  return snapshotOf(
    site.updates.filter((u) => u.date < latestWeek),
    site.version,
  );
}

export function computeChanges(site: SiteModel, previous: Snapshot | undefined, options: ChangeOptions): Changes {
  const base = previous ?? firstBaseline(site);
  const oldestFirst = [...site.updates].reverse();
  const newUpdates = oldestFirst.filter((u) => !(u.id in base.updates));
  const editedUpdates = oldestFirst.filter((u) => u.id in base.updates && base.updates[u.id] !== u.hash);
  const touched = [...newUpdates, ...editedUpdates].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const until = newestDate(site.updates);

  const byKey = new Map<string, MilestoneChange>();
  const seen = new Map<string, Record<TrackedKind, SeenItems>>();
  const change = (section: MilestoneSection, update: Update): MilestoneChange => {
    let c = byKey.get(section.key);
    if (!c) {
      c = blankChange({ ...section, team: update.team, lastSeen: update.date }, base.milestones[section.key] === undefined);
      byKey.set(section.key, c);
    }
    return c;
  };
  const seenFor = (key: string): Record<TrackedKind, SeenItems> => {
    let s = seen.get(key);
    if (!s) {
      const before = base.milestones[key]?.seen;
      s = {
        achieved: new SeenItems(before?.achieved),
        progress: new SeenItems(before?.progress),
        next: new SeenItems(before?.next),
        risks: new SeenItems(before?.risks, sameRisk),
        blockers: new SeenItems(before?.blockers, sameRisk),
      };
      seen.set(key, s);
    }
    return s;
  };

  for (const update of touched) {
    for (const section of update.sections) {
      const c = change(section, update);
      const s = seenFor(section.key);
      for (const kind of TRACKED_KINDS) {
        for (const item of section.items[kind] ?? []) {
          const fp = fingerprint(item.text);
          if (fp === '' || s[kind].has(fp)) continue;
          s[kind].add(fp);
          c[kind].push(changed(item, update));
        }
      }
    }
  }

  // Latest appearance of each milestone across the whole site (not only the touched updates).
  const latest = new Map<string, { update: Update; section: MilestoneSection }>();
  for (const update of oldestFirst) for (const section of update.sections) latest.set(section.key, { update, section });

  for (const c of byKey.values()) {
    const now = latest.get(c.key)!;
    c.title = now.section.title;
    c.lastSeen = now.update.date;
    c.level = now.section.level;
    if (now.section.parentKey) c.parentKey = now.section.parentKey;
    if (now.section.area) c.area = now.section.area;
    const before = base.milestones[c.key];
    // "Research" → "research" is the same name: only a change of words is a rename.
    if (before && titleIdentity(before.title) !== titleIdentity(c.title)) c.renamedFrom = before.title;
    // Still open: listed in its latest week (one of this digest's) and not new.
    if (newUpdates.includes(now.update)) {
      const fresh = new SeenItems([...c.risks, ...c.blockers].map((i) => fingerprint(i.text)), sameRisk);
      const open: OpenChangedItem[] = [];
      for (const kind of ['blockers', 'risks'] as const) {
        for (const item of now.section.items[kind]) {
          const fp = fingerprint(item.text);
          if (fp === '' || fresh.has(fp)) continue;
          open.push({ ...changed(item, now.update), kind, since: firstListed(site, c.key, fp, now.update) });
        }
      }
      if (open.length > 0) c.open = open;
    }
    // Resolved: listed in its latest week before, not listed in its latest week now.
    if (before && touched.includes(now.update)) {
      const open = new SeenItems(
        [...now.section.items.risks, ...now.section.items.blockers].map((i) => fingerprint(i.text)),
        sameRisk,
      );
      for (const risk of before.open) {
        if (!open.has(risk.fp)) c.resolved.push({ text: risk.text, html: escapeHtml(risk.text), date: risk.date, updateId: `${before.team}/${risk.date}` });
      }
    }
  }

  // Quiet and silent, by the status rule (src/status): a milestone is quiet when its team
  // published QUIET_WEEKS reports or more since its latest entry (a week the whole team
  // missed is no report), and not done; a team is silent when its latest report is older than
  // its cadence allows. Each is reported once: not when it was so already at the previous cut.
  // A silent team is one notice, not one per milestone.
  const siteNewest = options.siteNewest ?? until;
  const reports = reportDates(site.updates);
  const silent: SilentTeam[] = [];
  const silentNow = new Set<string>();
  for (const [team, dates] of reports) {
    const since = silentSince({ reports: dates, siteNewest }, options.quietWeeks);
    if (since === undefined) continue;
    silentNow.add(team);
    const teamBefore = base.teamLatest[team];
    const wasSilent = teamBefore !== undefined && base.until !== '' && silentSince({ reports: dates.filter((d) => d <= teamBefore), siteNewest: base.until }, options.quietWeeks) !== undefined;
    if (!wasSilent && teamBefore !== undefined) silent.push({ team, since });
  }
  const reportsAfter = (team: string, date: string, upTo?: string) => (reports.get(team) ?? []).filter((d) => d > date && (upTo === undefined || d <= upTo)).length;
  for (const m of site.milestones) {
    if (m.level === 'deliverable' || byKey.has(m.key) || silentNow.has(m.team) || !reports.has(m.team)) continue;
    const weeks = reportsAfter(m.team, m.lastSeen);
    if (weeks < options.quietWeeks) continue;
    const before = base.milestones[m.key];
    if (!before) continue;
    const teamBefore = base.teamLatest[m.team];
    if (teamBefore !== undefined && reportsAfter(m.team, before.lastWeek, teamBefore) >= options.quietWeeks) continue;
    // Done stays done: a finished milestone that is no longer written about has not gone quiet.
    if (deriveStatus(m, latest.get(m.key), undefined, options).status === 'done') continue;
    byKey.set(m.key, { ...blankChange(m, false), quiet: { weeks } });
  }

  // Sub-milestones and deliverables follow their milestone: order by team, then ancestry path.
  const titles = new Map(site.milestones.map((m) => [m.key, m.title]));
  const ancestorsOf = ancestry(site);
  const path = (key: string): string => [...ancestorsOf(key).reverse(), key].join('/');
  const milestonesByKey = new Map(site.milestones.map((m) => [m.key, m]));
  for (const c of byKey.values()) {
    const parentTitle = c.parentKey ? titles.get(c.parentKey) : undefined;
    if (parentTitle) c.parentTitle = parentTitle;
    const milestone = milestonesByKey.get(c.key);
    const latestWeek = milestone?.weeks.at(-1);
    if (milestone && latestWeek) c.anchor = weekAnchor(milestone, latestWeek);
  }
  // Workstreams ("Other Work › Bugs"), and what sits under them, after the team's milestones.
  const levels = new Map(site.milestones.map((m) => [m.key, m.level]));
  const order = (c: MilestoneChange) => {
    const chain = path(c.key);
    const root = chain.split('/')[0]!;
    return `${c.team}\u0000${levels.get(root) === 'workstream' ? 1 : 0}\u0000${chain}`;
  };
  const milestones = [...byKey.values()].filter(hasNews).sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0));
  // Late: dated for a week before the newest week an earlier digest already covered (that
  // week's digest went out without it). A team that reports later in the same week is not late.
  const late = (u: Update) => previous !== undefined && previous.until !== '' && weekStart(u.date) < weekStart(previous.until);
  const refs = newUpdates.map((u) => (late(u) ? { ...ref(u), late: true as const } : ref(u)));
  return {
    ...(previous ? { since: previous.until } : {}),
    until,
    newUpdates: refs,
    editedUpdates: editedUpdates.map(ref),
    milestones,
    ...(silent.length > 0 ? { silent } : {}),
    ...(options.state ? { state: stateOf(site, latest, reports, siteNewest, options) } : {}),
  };
}

/** How many achieved items of a team's latest report the state keeps per milestone, and milestones. */
export const STATE_ITEMS = 3;
export const STATE_MILESTONES = 8;

/**
 * Each team as it stands now: its latest report, the blockers and risks open by the status
 * rule (listed in that report, the team not silent), and what that report achieved.
 */
function stateOf(
  site: SiteModel,
  latest: Map<string, { update: Update; section: MilestoneSection }>,
  reports: Map<string, string[]>,
  siteNewest: string,
  options: ChangeOptions,
): TeamState[] {
  const out: TeamState[] = [];
  const byKey = new Map(site.milestones.map((m) => [m.key, m]));
  for (const [team, dates] of reports) {
    const newest = dates.at(-1)!;
    const report = site.updates.find((u) => u.team === team && u.date === newest);
    if (!report) continue;
    const silent = silentSince({ reports: dates, siteNewest }, options.quietWeeks);
    const state: TeamState = { team, latest: ref(report), open: [], achieved: [], ...(silent ? { silentSince: silent } : {}) };
    for (const section of report.sections) {
      const milestone = byKey.get(section.key);
      const anchor = milestone && milestone.weeks.length > 0 ? weekAnchor(milestone, report.id) : `week-${report.date}`;
      const m: StateMilestone = {
        key: section.key,
        title: section.title,
        level: section.level,
        team: report.team,
        anchor,
        ...(section.parentKey ? { parentKey: section.parentKey } : {}),
        ...(section.parentKey && byKey.get(section.parentKey) ? { parentTitle: byKey.get(section.parentKey)!.title } : {}),
        ...(section.area ? { area: section.area } : {}),
      };
      const current = latest.get(section.key);
      if (!silent && current?.update.id === report.id && !(milestone && deriveStatus(milestone, current, undefined, options).status === 'done')) {
        for (const kind of ['blockers', 'risks'] as const) {
          for (const item of openOf(section, kind)) {
            state.open.push({ ...changed(item, report), kind, since: firstListed(site, section.key, fingerprint(item.text), report), milestone: m });
          }
        }
      }
      const achieved = section.items.achieved.filter((i) => fingerprint(i.text) !== '');
      if (achieved.length > 0) state.achieved.push({ milestone: m, items: achieved.slice(0, STATE_ITEMS).map((i) => changed(i, report)) });
    }
    state.open.sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'blockers' ? -1 : 1));
    const left = state.achieved.splice(STATE_MILESTONES).length;
    if (left > 0) state.moreAchieved = left;
    out.push(state);
  }
  return out.sort((a, b) => (a.team < b.team ? -1 : a.team > b.team ? 1 : 0));
}

/** The first week of the unbroken run of weeks (up to `latest`) in which a risk is listed. */
function firstListed(site: SiteModel, key: string, fp: string, latest: Update): string {
  let since = latest.date;
  const weeks = site.updates.filter((u) => u.date < latest.date && u.sections.some((s) => s.key === key));
  // Updates are newest first.
  for (const u of weeks) {
    const section = u.sections.find((s) => s.key === key)!;
    const listed = [...section.items.risks, ...section.items.blockers].some((i) => sameRisk(fingerprint(i.text), fp));
    if (!listed) break;
    since = u.date;
  }
  return since;
}

/** A milestone change with nothing in it yet. */
function blankChange(
  m: Pick<MilestoneChange, 'key' | 'title' | 'team' | 'level' | 'lastSeen' | 'parentKey' | 'trackerUrl'>,
  isNew: boolean,
): MilestoneChange {
  return {
    key: m.key,
    title: m.title,
    team: m.team,
    level: m.level,
    ...(m.parentKey ? { parentKey: m.parentKey } : {}),
    ...(m.trackerUrl ? { trackerUrl: m.trackerUrl } : {}),
    lastSeen: m.lastSeen,
    anchor: `week-${m.lastSeen}`,
    isNew,
    achieved: [],
    progress: [],
    next: [],
    risks: [],
    blockers: [],
    resolved: [],
  };
}

export function hasNews(c: MilestoneChange): boolean {
  return c.isNew || c.renamedFrom !== undefined || c.quiet !== undefined || TRACKED_KINDS.some((k) => c[k].length > 0) || c.resolved.length > 0 || (c.open?.length ?? 0) > 0;
}

export function isEmpty(changes: Changes): boolean {
  return changes.newUpdates.length === 0 && changes.editedUpdates.length === 0 && changes.milestones.length === 0 && (changes.silent?.length ?? 0) === 0;
}

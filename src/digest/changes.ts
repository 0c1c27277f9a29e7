/**
 * What changed between a snapshot and the site now, as plain data: the heart of the digest.
 */
import { titleIdentity } from '../content/keys';
import type { Item, MilestoneSection, SiteModel, Update } from '../content/model';
import { weekAnchor } from '../feeds/paths';
import { escapeHtml } from '../feeds/text';
import { fingerprint, sameRisk, SeenItems } from './fingerprint';
import { ancestry } from './scope';
import { snapshotOf, TRACKED_KINDS, type Snapshot, type TrackedKind } from './snapshot';

/** An update as a digest links to it. */
export type UpdateRef = Pick<Update, 'id' | 'team' | 'date' | 'title' | 'permalink' | 'lastmod'>;

export interface ChangedItem {
  text: string;
  html: string;
  /** Week the item was listed in. */
  date: string;
  updateId: string;
  repo?: string;
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
  /** No entry for `weeks` weeks while its team kept publishing (reported once). */
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
}

export interface ChangeOptions {
  /** Weeks without an entry after which a milestone has gone quiet. */
  quietWeeks: number;
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
  return { id: u.id, team: u.team, date: u.date, title: u.title, permalink: u.permalink, ...(u.lastmod ? { lastmod: u.lastmod } : {}) };
}

function changed(item: Item, update: Update): ChangedItem {
  return { text: item.text, html: item.html, date: update.date, updateId: update.id, ...(item.repo ? { repo: item.repo } : {}) };
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
  const until = site.updates.reduce((max, u) => (u.date > max ? u.date : max), '');

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

  // Quiet: its team kept publishing but the milestone has had no entry for N weeks, and it
  // was not already quiet when the previous digest was cut (so it is reported once).
  const teamLatest: Record<string, string> = {};
  for (const u of site.updates) if ((teamLatest[u.team] ?? '') < u.date) teamLatest[u.team] = u.date;
  for (const m of site.milestones) {
    if (m.level === 'deliverable' || byKey.has(m.key)) continue;
    const teamNow = teamLatest[m.team];
    if (!teamNow) continue;
    const weeks = weeksBetween(m.lastSeen, teamNow);
    if (weeks < options.quietWeeks) continue;
    const before = base.milestones[m.key];
    if (!before) continue;
    const teamBefore = base.teamLatest[m.team];
    if (teamBefore !== undefined && weeksBetween(before.lastWeek, teamBefore) >= options.quietWeeks) continue;
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
  return { ...(previous ? { since: previous.until } : {}), until, newUpdates: newUpdates.map(ref), editedUpdates: editedUpdates.map(ref), milestones };
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
  return changes.newUpdates.length === 0 && changes.editedUpdates.length === 0 && changes.milestones.length === 0;
}

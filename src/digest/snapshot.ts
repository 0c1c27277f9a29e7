/**
 * What a digest remembers of the content when it is cut: enough to say, next time, what
 * changed. Plain data, stored as JSON in D1 (see src/digest/store.ts).
 */
import type { ItemKind, SiteModel, Update } from '../content/model';
import { fingerprint } from './fingerprint';

export const TRACKED_KINDS = ['achieved', 'progress', 'next', 'risks', 'blockers'] as const satisfies readonly ItemKind[];
export type TrackedKind = (typeof TRACKED_KINDS)[number];

export interface OpenRisk {
  kind: 'risks' | 'blockers';
  text: string;
  fp: string;
  /** The week it was last listed. */
  date: string;
}

export interface MilestoneSnapshot {
  title: string;
  team: string;
  /** Date of the last update the milestone appeared in. */
  lastWeek: string;
  /** Fingerprints of every item ever listed for it, by kind. */
  seen: Record<TrackedKind, string[]>;
  /** Risks and blockers listed in its latest week: the ones that can be resolved next. */
  open: OpenRisk[];
}

export interface Snapshot {
  /** Site model version the snapshot was taken of. */
  version: string;
  /** Date of the newest update covered. */
  until: string;
  /** Content hash of every published update covered, by id. */
  updates: Record<string, string>;
  milestones: Record<string, MilestoneSnapshot>;
  /** Newest update date per team, to tell a quiet milestone from a quiet team. */
  teamLatest: Record<string, string>;
}

/** Snapshot of the whole site as it is. */
export function takeSnapshot(site: SiteModel): Snapshot {
  return snapshotOf(site.updates, site.version);
}

export function snapshotOf(updates: readonly Update[], version: string): Snapshot {
  const snapshot: Snapshot = { version, until: '', updates: {}, milestones: {}, teamLatest: {} };
  // Oldest first, so that the last write of a milestone is its latest week.
  const ordered = [...updates].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : 1));
  for (const update of ordered) {
    snapshot.updates[update.id] = update.hash;
    if (update.date > snapshot.until) snapshot.until = update.date;
    if ((snapshot.teamLatest[update.team] ?? '') < update.date) snapshot.teamLatest[update.team] = update.date;
    for (const section of update.sections) {
      const m = (snapshot.milestones[section.key] ??= {
        title: section.title,
        team: update.team,
        lastWeek: update.date,
        seen: { achieved: [], progress: [], next: [], risks: [], blockers: [] },
        open: [],
      });
      m.title = section.title;
      m.lastWeek = update.date;
      m.open = [];
      for (const kind of TRACKED_KINDS) {
        for (const item of section.items[kind] ?? []) {
          const fp = fingerprint(item.text);
          // Snapshots stored before a kind existed lack its list.
          const seen = (m.seen[kind] ??= []);
          if (!seen.includes(fp)) seen.push(fp);
          if (kind === 'risks' || kind === 'blockers') m.open.push({ kind, text: item.text, fp, date: update.date });
        }
      }
    }
  }
  return snapshot;
}

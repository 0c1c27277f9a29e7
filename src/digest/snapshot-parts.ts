/**
 * A snapshot in parts, so that a digest cut never holds the whole site's: one part per team
 * (the content hashes of its updates and its newest date) and one per milestone (what has
 * been seen of it, merged over every team that reports it). A cut reads the parts one team
 * needs (PreviousSnapshot) and hands over the parts of the new snapshot as each team is
 * finished (SnapshotSink); src/digest/store.ts keeps them as rows of D1.
 */
import { TRACKED_KINDS, type MilestoneSnapshot, type Snapshot } from './snapshot';

/** One team's part of a snapshot. */
export interface TeamPart {
  /** Content hash of each of the team's published updates, by id. */
  updates: Record<string, string>;
  /** Date of its newest update. */
  latest: string;
}

/** The previous digest's snapshot, read one team at a time. */
export interface PreviousSnapshot {
  /** Date of the newest update the previous digest covered. */
  until: string;
  /**
   * What a team's updates are compared with: the team's part and the milestones `keys` (each
   * merged over every team that reported it). Other teams' updates may or may not be in it.
   */
  forTeam(team: string, keys: ReadonlySet<string>): Promise<Snapshot>;
}

/** Where a cut puts the new snapshot, piece by finished piece. */
export interface SnapshotSink {
  team(slug: string, part: TeamPart): void;
  /** Milestones no team still to come reports. */
  milestone(key: string, state: MilestoneSnapshot): void;
}

/** A snapshot held whole (digests stored before snapshots were kept by team, tests, tools). */
export function wholeSnapshot(snapshot: Snapshot): PreviousSnapshot {
  return { until: snapshot.until, forTeam: async () => snapshot };
}

/**
 * One milestone reported by two teams: its latest week speaks, everything seen is kept, and
 * it belongs to the team the catalog names (as the whole-site merge has always done).
 */
export function mergeMilestone(known: MilestoneSnapshot, m: MilestoneSnapshot, catalogTeam: string | undefined): MilestoneSnapshot {
  const latest: MilestoneSnapshot = m.lastWeek > known.lastWeek ? m : known;
  const seen = { ...known.seen };
  for (const kind of TRACKED_KINDS) seen[kind] = [...new Set([...(known.seen[kind] ?? []), ...(m.seen[kind] ?? [])])];
  return { ...latest, team: catalogTeam ?? known.team, seen };
}

/** D1 takes statements of at most 100 KB of SQL and rows of 2 MB: parts go in pieces well under that. */
export const PART_CHUNK = 64 * 1024;

export type PartKind = 'team' | 'milestone';

/**
 * The new snapshot as JSON text only: each finished part is stringified when it is handed
 * over and its objects dropped, and parts are gathered into JSON objects (`{"key": part, …}`)
 * of about PART_CHUNK characters, one per statement of the digest's batch. What it holds is
 * the snapshot's JSON size (about 2 KB per update), never its objects.
 */
export class SnapshotText implements SnapshotSink {
  readonly chunks: Array<{ kind: PartKind; json: string }> = [];
  private readonly open: Record<PartKind, string> = { team: '', milestone: '' };

  team(slug: string, part: TeamPart): void {
    this.add('team', slug, part);
  }

  milestone(key: string, state: MilestoneSnapshot): void {
    this.add('milestone', key, state);
  }

  private add(kind: PartKind, key: string, value: unknown): void {
    const entry = asciiJson(`${JSON.stringify(key)}:${JSON.stringify(value)}`);
    if (this.open[kind] !== '' && this.open[kind].length + entry.length > PART_CHUNK) this.close(kind);
    this.open[kind] = this.open[kind] === '' ? entry : `${this.open[kind]},${entry}`;
  }

  private close(kind: PartKind): void {
    if (this.open[kind] !== '') this.chunks.push({ kind, json: `{${this.open[kind]}}` });
    this.open[kind] = '';
  }

  /** Every chunk, the open ones closed. */
  finish(): Array<{ kind: PartKind; json: string }> {
    this.close('team');
    this.close('milestone');
    return this.chunks;
  }
}

/**
 * JSON with every non-ASCII character escaped (`\u2019`): V8 keeps an ASCII string in one
 * byte a character, and a chunk joined from parts becomes two bytes a character as soon as
 * one of them holds a curly quote.
 */
function asciiJson(json: string): string {
  return json.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Parts of a snapshot kept as text by key, read back part by part: what D1 does with them,
 * in memory (tests, benchmarks).
 */
export function partsInMemory(text: SnapshotText, until: string, version = ''): PreviousSnapshot & { whole(): Snapshot } {
  const parts = new Map<string, string>();
  for (const { kind, json } of text.finish()) {
    for (const [key, value] of Object.entries(JSON.parse(json) as Record<string, unknown>)) parts.set(`${kind}\u0000${key}`, JSON.stringify(value));
  }
  const read = <T>(kind: PartKind, key: string): T | undefined => {
    const json = parts.get(`${kind}\u0000${key}`);
    return json === undefined ? undefined : (JSON.parse(json) as T);
  };
  return {
    until,
    forTeam: async (team, keys) => {
      const snapshot: Snapshot = { version, until, updates: {}, milestones: {}, teamLatest: {} };
      const part = read<TeamPart>('team', team);
      if (part) {
        snapshot.updates = part.updates;
        snapshot.teamLatest[team] = part.latest;
      }
      for (const key of keys) {
        const m = read<MilestoneSnapshot>('milestone', key);
        if (m) snapshot.milestones[key] = m;
      }
      return snapshot;
    },
    whole: () => assemble(version, until, [...parts].map(([k, json]) => ({ kind: k.split('\u0000')[0] as PartKind, key: k.slice(k.indexOf('\u0000') + 1), json }))),
  };
}

/** The whole snapshot from its parts (tests and tools; a cut never does this). */
export function assemble(version: string, until: string, parts: Iterable<{ kind: PartKind; key: string; json: string }>): Snapshot {
  const snapshot: Snapshot = { version, until, updates: {}, milestones: {}, teamLatest: {} };
  for (const { kind, key, json } of parts) {
    if (kind === 'team') {
      const part = JSON.parse(json) as TeamPart;
      Object.assign(snapshot.updates, part.updates);
      snapshot.teamLatest[key] = part.latest;
    } else snapshot.milestones[key] = JSON.parse(json) as MilestoneSnapshot;
  }
  return snapshot;
}

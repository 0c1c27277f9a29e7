-- A digest's snapshot by part (issue 9): one row per team (the content hashes of its updates,
-- its newest date) and one per milestone (what has been seen of it, merged over the teams that
-- report it), so that a cut reads and writes one team's part at a time instead of holding the
-- whole site's snapshot. The snapshot's `until` and version are the digest's own columns.

CREATE TABLE digest_snapshot_parts (
  digest_id INTEGER NOT NULL REFERENCES digests (id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('team', 'milestone')),
  -- Team slug or milestone key.
  key TEXT NOT NULL,
  -- JSON: TeamPart or MilestoneSnapshot (src/digest/snapshot-parts.ts, snapshot.ts).
  data TEXT NOT NULL,
  PRIMARY KEY (digest_id, kind, key)
);

-- Where a digest's snapshot is: 'whole' (digests cut before this migration: one JSON in
-- digest_snapshots, still read for the first cut after upgrading) or 'by-team' (rows above).
ALTER TABLE digests ADD COLUMN snapshot_layout TEXT NOT NULL DEFAULT 'whole' CHECK (snapshot_layout IN ('whole', 'by-team'));

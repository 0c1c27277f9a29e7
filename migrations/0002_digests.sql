-- Weekly digests: what was cut when, the snapshot it remembers, and who it was sent to.

CREATE TABLE digests (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  -- One digest per period (the ISO week of the cron run, e.g. "2026-W48"): a cron that fires
  -- twice, or a retried scheduled event, finds the digest already cut.
  period TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  site_version TEXT NOT NULL,
  -- Newest update date covered by the previous digest / by this one.
  since TEXT,
  until TEXT NOT NULL,
  subject TEXT NOT NULL,
  -- The whole site's Changes (src/digest/changes.ts) as JSON: the web copy and every email.
  changes TEXT NOT NULL,
  recipients INTEGER NOT NULL DEFAULT 0
);

-- The content snapshot taken when a digest is cut (JSON, in chunks below D1's row limit).
CREATE TABLE digest_snapshots (
  digest_id INTEGER NOT NULL REFERENCES digests (id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  data TEXT NOT NULL,
  PRIMARY KEY (digest_id, seq)
);

-- One row per (digest, recipient): a recipient marked sent is never mailed again.
CREATE TABLE digest_deliveries (
  digest_id INTEGER NOT NULL REFERENCES digests (id) ON DELETE CASCADE,
  subscriber_id INTEGER NOT NULL REFERENCES subscribers (id) ON DELETE CASCADE,
  -- The recipient's canonical scope set when the digest was cut: the unit rendered once.
  scope_set TEXT NOT NULL,
  -- skipped: the reader unsubscribed between the cut and the send.
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'skipped')),
  attempts INTEGER NOT NULL DEFAULT 0,
  -- Which consumer run claimed the row for sending, and when; a stale claim (a consumer that
  -- died mid-batch) expires and the row may be claimed again.
  claim_token TEXT,
  claimed_at TEXT,
  sent_at TEXT,
  last_error TEXT,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (digest_id, subscriber_id)
);

CREATE INDEX digest_deliveries_status ON digest_deliveries (digest_id, status);

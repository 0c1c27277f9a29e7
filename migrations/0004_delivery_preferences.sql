-- What a reader chooses (issue 11): how often and what.
--   frequency: 'weekly' — the weekly digest (default); 'instant' — one email per new update in
--              scope, found by the hourly cron (src/digest/instant.ts), and no weekly digest.
--   content:   'everything' (default) or 'risks' — only risks and blockers.
ALTER TABLE subscribers ADD COLUMN frequency TEXT NOT NULL DEFAULT 'weekly' CHECK (frequency IN ('weekly', 'instant'));
ALTER TABLE subscribers ADD COLUMN content TEXT NOT NULL DEFAULT 'everything' CHECK (content IN ('everything', 'risks'));

-- Updates the hourly cron has announced to "as it happens" readers. A row with update_id
-- '*baseline*' records the first run, which announces nothing (else it would mail the history).
CREATE TABLE instant_announcements (
  update_id TEXT PRIMARY KEY,
  announced_at TEXT NOT NULL
);

-- One row per (update, reader): inserted before sending, so a re-run never mails twice.
CREATE TABLE instant_deliveries (
  update_id TEXT NOT NULL,
  subscriber_id INTEGER NOT NULL REFERENCES subscribers (id) ON DELETE CASCADE,
  status TEXT NOT NULL DEFAULT 'sending' CHECK (status IN ('sending', 'sent', 'failed')),
  updated_at TEXT NOT NULL,
  PRIMARY KEY (update_id, subscriber_id)
);

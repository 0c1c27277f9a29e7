-- Every mail goes through the queue (issue 18).
--
-- Single messages (confirmations, "as it happens" mail, admin test sends): one row per message,
-- written before it is enqueued, with the same life as a digest delivery (claim, attempts,
-- error classes, limits, ambiguous attempts). Everything that goes into the message is
-- derived from the row (its tokens are issued at created_at), so every attempt is the same.
CREATE TABLE mail_outbox (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  kind TEXT NOT NULL CHECK (kind IN ('confirmation', 'already-subscribed', 'instant', 'test')),
  -- What makes the message once, e.g. "instant:<update id>:<subscriber id>": a second insert is ignored.
  once_key TEXT NOT NULL UNIQUE,
  subscriber_id INTEGER REFERENCES subscribers (id) ON DELETE CASCADE,
  -- Test sends only (the address an admin typed); subscribers' mail goes to their current address.
  recipient TEXT,
  -- What the message is about, as JSON: scopes, update id, …
  payload TEXT NOT NULL DEFAULT '{}',
  created_at TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'skipped')),
  attempts INTEGER NOT NULL DEFAULT 0,
  claim_token TEXT,
  claimed_at TEXT,
  sent_at TEXT,
  last_error TEXT,
  error_class TEXT,
  not_before TEXT,
  ambiguous INTEGER NOT NULL DEFAULT 0,
  possible_duplicate INTEGER NOT NULL DEFAULT 0,
  provider_id TEXT,
  updated_at TEXT NOT NULL,
  CHECK (subscriber_id IS NOT NULL OR recipient IS NOT NULL)
);
-- The cron finds rows no queue message handles (and expired claims) without reading the rest.
CREATE INDEX mail_outbox_open ON mail_outbox (status, updated_at) WHERE status IN ('pending', 'sending');
CREATE INDEX mail_outbox_subscriber ON mail_outbox (subscriber_id);

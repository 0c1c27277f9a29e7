-- Email subscribers (double opt-in) and what each of them follows.
--
-- Timestamps are ISO-8601 UTC strings written by the Worker (`new Date().toISOString()`),
-- so they sort and compare as text.

CREATE TABLE subscribers (
  -- AUTOINCREMENT: ids are never reused, because signed links (tokens) name a subscriber
  -- by id; a deleted row's old links must never start pointing at somebody else.
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  -- One row per address; "Alice@Example.com" and "alice@example.com" are the same row.
  email TEXT NOT NULL UNIQUE COLLATE NOCASE
    CHECK (length(email) BETWEEN 3 AND 254
      AND instr(email, '@') > 1
      AND instr(email, char(10)) = 0
      AND instr(email, char(13)) = 0),
  status TEXT NOT NULL DEFAULT 'pending'
    CHECK (status IN ('pending', 'active', 'unsubscribed')),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  -- When the current subscription was confirmed (cleared when a former subscriber signs up again).
  confirmed_at TEXT,
  unsubscribed_at TEXT,
  -- At most one confirmation email per address per hour.
  last_confirmation_sent_at TEXT,
  CHECK (status <> 'active' OR confirmed_at IS NOT NULL),
  CHECK (status <> 'unsubscribed' OR unsubscribed_at IS NOT NULL),
  CHECK (status <> 'pending' OR (confirmed_at IS NULL AND unsubscribed_at IS NULL))
);

-- The digest reads active subscribers in id order, in batches.
CREATE INDEX subscribers_status_id ON subscribers (status, id);

CREATE TABLE subscriber_scopes (
  subscriber_id INTEGER NOT NULL REFERENCES subscribers (id) ON DELETE CASCADE,
  -- "all", "team:<team slug>" or "milestone:<milestone key>"; slugs and keys are URL-safe.
  scope TEXT NOT NULL
    CHECK (length(scope) <= 200 AND (
      scope = 'all'
      OR (scope GLOB 'team:?*' AND substr(scope, 6) NOT GLOB '*[^A-Za-z0-9._~-]*')
      OR (scope GLOB 'milestone:?*' AND substr(scope, 11) NOT GLOB '*[^A-Za-z0-9._~-]*')
    )),
  created_at TEXT NOT NULL,
  UNIQUE (subscriber_id, scope)
);

-- "Who follows team:atlas / milestone:<key>?"
CREATE INDEX subscriber_scopes_scope ON subscriber_scopes (scope, subscriber_id);

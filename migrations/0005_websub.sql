-- WebSub: the content of each feed the hub was last told about, so that after a deploy the
-- hub is pinged once for each feed whose content changed, and never again for the same one.

CREATE TABLE websub_feeds (
  -- Absolute URL of the feed (its rel="self").
  feed_url TEXT PRIMARY KEY,
  -- Content hash (src/publish/data.ts, feeds.json) the hub was last pinged for.
  content_hash TEXT NOT NULL,
  pinged_at TEXT NOT NULL
);

-- The site content version whose feeds were last checked: one run per deploy claims it, so
-- two isolates starting at once do not both ping.
CREATE TABLE websub_state (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  site_version TEXT NOT NULL,
  claimed_at TEXT NOT NULL
);

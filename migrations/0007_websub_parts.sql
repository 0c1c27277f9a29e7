-- WebSub by part (src/publish/data.ts, feeds.json): the feeds manifest lists parts (the
-- site's feeds; per team its own and its milestones') with a hash each. A part the hub was
-- told all about is recorded here with that hash, so a run skips it without reading it;
-- a feed's row says which part it was last pinged in, so a run reads one part's rows.
-- Rows pinged before this migration have no part: those feeds are pinged once more.

CREATE TABLE websub_parts (
  part TEXT PRIMARY KEY,
  content_hash TEXT NOT NULL,
  pinged_at TEXT NOT NULL
);

ALTER TABLE websub_feeds ADD COLUMN part TEXT;
CREATE INDEX websub_feeds_by_part ON websub_feeds (part);

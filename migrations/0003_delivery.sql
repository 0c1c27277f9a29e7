-- Delivery that arrives exactly once and a list that stays clean (issue 10).
--
-- Subscribers: bounces, complaints and permanent send errors are recorded on the subscriber;
-- a suppressed subscriber (suppressed_at set) gets no mail of any kind, whatever its status.
-- Columns are added (not a new status) so the status machine of 0001 stays as it is.
ALTER TABLE subscribers ADD COLUMN suppressed_at TEXT;
-- hard-bounce | complaint | soft-bounces | recipient-suppressed | invalid-recipient
ALTER TABLE subscribers ADD COLUMN suppressed_reason TEXT;
-- Soft bounces since the last message that went through; SOFT_BOUNCE_LIMIT of them suppress.
ALTER TABLE subscribers ADD COLUMN soft_bounces INTEGER NOT NULL DEFAULT 0;
-- The last permanent failure or bounce reported for this address (visible in admin).
ALTER TABLE subscribers ADD COLUMN last_failure TEXT;
ALTER TABLE subscribers ADD COLUMN last_failure_at TEXT;
-- Where an imported subscription came from (proof of consent), e.g. "import 2026-11-25: signup sheet".
ALTER TABLE subscribers ADD COLUMN source TEXT;

-- Deliveries: the class of the last error, when the limit that held a row back resets, and
-- ambiguous attempts (a timeout, a consumer that died after handing the message over): the
-- message may have gone out. A later send through a transport that does not deduplicate by
-- idempotency key is recorded as a possible duplicate.
ALTER TABLE digest_deliveries ADD COLUMN error_class TEXT;
ALTER TABLE digest_deliveries ADD COLUMN not_before TEXT;
ALTER TABLE digest_deliveries ADD COLUMN ambiguous INTEGER NOT NULL DEFAULT 0;
ALTER TABLE digest_deliveries ADD COLUMN possible_duplicate INTEGER NOT NULL DEFAULT 0;
-- Message id the transport reported for the send (bounce events name it).
ALTER TABLE digest_deliveries ADD COLUMN provider_id TEXT;

-- Stuck rows: the cron and POST /admin/digests/:id/resume look for `sending` rows whose claim
-- expired, per digest, without reading the rest.
CREATE INDEX digest_deliveries_claims ON digest_deliveries (status, claimed_at) WHERE status = 'sending';
-- Erasing an address removes its delivery history: by subscriber, not by digest.
CREATE INDEX digest_deliveries_subscriber ON digest_deliveries (subscriber_id);
-- Retention: old delivery rows by digest age.
CREATE INDEX digests_created ON digests (created_at);
-- Admin lists by status.
CREATE INDEX subscribers_suppressed ON subscribers (suppressed_at) WHERE suppressed_at IS NOT NULL;

-- Summarised counts of delivery rows deleted by retention (DELIVERY_RETENTION_DAYS).
ALTER TABLE digests ADD COLUMN archived_sent INTEGER NOT NULL DEFAULT 0;
ALTER TABLE digests ADD COLUMN archived_failed INTEGER NOT NULL DEFAULT 0;
ALTER TABLE digests ADD COLUMN archived_skipped INTEGER NOT NULL DEFAULT 0;
ALTER TABLE digests ADD COLUMN archived_at TEXT;

-- Webhook deliveries already processed (Svix message ids): a replay is refused.
CREATE TABLE webhook_events (
  id TEXT PRIMARY KEY,
  received_at TEXT NOT NULL
);
CREATE INDEX webhook_events_received ON webhook_events (received_at);

-- Admin authentication failures per client, for throttling (fixed windows).
CREATE TABLE admin_failures (
  client TEXT NOT NULL,
  window_start TEXT NOT NULL,
  failures INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (client, window_start)
);

-- Pacing (issue 18): the time the next call to a mail service may go (ms since the epoch),
-- one row per service ("http", "send_email"); src/mail/pace.ts reserves turns from it.
CREATE TABLE mail_pacing (
  name TEXT PRIMARY KEY,
  next_at INTEGER NOT NULL
);

-- Shared log reports: only when someone asks to share; only the redacted diagnosis, never the log.
CREATE TABLE shared_log_reports (
  id         TEXT PRIMARY KEY,
  diagnosis  TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
) WITHOUT ROWID;

CREATE INDEX shared_log_reports_by_expiry ON shared_log_reports (expires_at);

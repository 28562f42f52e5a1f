-- Troubleshooter: walk-through sessions, and the outcome of each fix tried.

-- A session is known only by its random id; its state is the walk's JSON (answers in order).
-- `steps` mirrors the number of answers, so a save can compare and set on it.
CREATE TABLE troubleshoot_sessions (
  id         TEXT PRIMARY KEY,
  state      TEXT NOT NULL,
  steps      INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
) WITHOUT ROWID;

CREATE INDEX troubleshoot_sessions_by_expiry ON troubleshoot_sessions (expires_at);

-- One outcome per source (a session id or a one-off random id) and fix: no address, no person.
CREATE TABLE fix_outcomes (
  source_id TEXT NOT NULL,
  product   TEXT NOT NULL,
  code      TEXT NOT NULL,
  fix_id    TEXT NOT NULL,
  platform  TEXT NOT NULL,
  answer    TEXT NOT NULL CHECK (answer IN ('fixed', 'still-failing', 'could-not')),
  at        TEXT NOT NULL,
  PRIMARY KEY (source_id, product, code, fix_id)
) WITHOUT ROWID;

CREATE INDEX fix_outcomes_by_article ON fix_outcomes (product, code, platform, fix_id);

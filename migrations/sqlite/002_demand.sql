-- Demand: requests for an article about a code, and how often codes are looked up.

-- One row per (code, requester, day): a requester is a salted daily hash of an address, so
-- the same person asking twice on one day counts once, and no address is ever stored.
CREATE TABLE article_requests (
  code           TEXT NOT NULL,
  requester_hash TEXT NOT NULL,
  day            TEXT NOT NULL,
  at             TEXT NOT NULL,
  PRIMARY KEY (code, requester_hash, day)
) WITHOUT ROWID;

CREATE INDEX article_requests_by_requester ON article_requests (requester_hash, day);

-- The salt of each day; older salts are deleted, so old hashes cannot be recomputed.
CREATE TABLE daily_salts (
  day  TEXT PRIMARY KEY,
  salt TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE lookup_counts (
  code  TEXT PRIMARY KEY,
  count INTEGER NOT NULL
) WITHOUT ROWID;

-- Articles: the current revision of each (product, code), stored as the schema's JSON.
CREATE TABLE articles (
  product      TEXT NOT NULL,
  code         TEXT NOT NULL,
  title        TEXT NOT NULL,
  revision     INTEGER NOT NULL,
  content_hash TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  body         TEXT NOT NULL,
  PRIMARY KEY (product, code)
) WITHOUT ROWID;

CREATE INDEX articles_by_code ON articles (code);

-- Every saved version, oldest first; the article row above is the newest.
CREATE TABLE article_revisions (
  product      TEXT NOT NULL,
  code         TEXT NOT NULL,
  revision     INTEGER NOT NULL,
  content_hash TEXT NOT NULL,
  at           TEXT NOT NULL,
  author       TEXT NOT NULL,
  reason       TEXT NOT NULL,
  body         TEXT NOT NULL,
  PRIMARY KEY (product, code, revision)
) WITHOUT ROWID;

CREATE TABLE procedures (
  id           TEXT PRIMARY KEY,
  content_hash TEXT NOT NULL,
  body         TEXT NOT NULL
) WITHOUT ROWID;

-- The hash of each bundled content file as last synced: a start saves a file only when the
-- file itself changed, so edits made in the product are not overwritten by an unchanged file.
CREATE TABLE bundled_files (
  path         TEXT PRIMARY KEY,
  content_hash TEXT NOT NULL
) WITHOUT ROWID;

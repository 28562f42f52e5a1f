-- Searches that found nothing, or only weak matches, for editors: what people look for that
-- the content does not answer. One row per normalised query (folded words, at most 200
-- characters); no address, no time of a single search beyond the last one, nothing personal.
CREATE TABLE search_misses (
  query        TEXT PRIMARY KEY,
  -- 'zero': nothing found; 'weak': found, but nothing matched half of the words.
  kind         TEXT NOT NULL CHECK (kind IN ('zero', 'weak')),
  count        INTEGER NOT NULL,
  last_results INTEGER NOT NULL,
  last_seen    TEXT NOT NULL
) WITHOUT ROWID;

CREATE INDEX search_misses_by_count ON search_misses (count DESC, last_seen DESC);

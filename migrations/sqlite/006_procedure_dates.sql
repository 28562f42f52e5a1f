-- When each procedure's content last changed (ISO time), for the sitemap's lastmod: a
-- procedure has no revisions of its own. Rows saved before this column have none until their
-- content next changes.
ALTER TABLE procedures ADD COLUMN updated_at TEXT;

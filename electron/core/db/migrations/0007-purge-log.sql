-- Which children a retention purge deleted, and when: ids only, no personal data.
--
-- A backup made before a purge still holds the child. The purge rewrites the backups the app
-- keeps, but a backup copied elsewhere (or one made while the purge ran) can come back through a
-- restore: the restore reads this log from the database it replaces and deletes those children
-- again, so a purge is never undone by restoring a backup.

CREATE TABLE purge_log (
  child_id TEXT PRIMARY KEY,
  purged_at TEXT NOT NULL
) STRICT;

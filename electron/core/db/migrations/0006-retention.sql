-- Retention policies and app settings (backups).
--
-- Retention is data, not code: a policy per record type, seeded with defaults that are
-- ASSUMPTIONS an administrator can edit (Data protection, DOMAIN.md):
--   screening  routine screening records: kept for `years` after the child leaves (default 3)
--   send       records of children with SEND or a referral: kept until the child reaches the
--              age `years` (default 25)
-- The child record itself has no period of its own: it is kept as long as any of its records
-- must be kept, and deleted with the last of them (retention.purge deletes the child with all of
-- their screenings). Only leavers (archived children) are ever due.

CREATE TABLE retention_policies (
  record_type TEXT PRIMARY KEY CHECK (record_type IN ('screening', 'send')),
  label TEXT NOT NULL,
  rule TEXT NOT NULL CHECK (rule IN ('years-after-leaving', 'until-age')),
  years INTEGER NOT NULL CHECK (years BETWEEN 1 AND 40),
  updated_at TEXT NOT NULL
) STRICT;

INSERT INTO retention_policies (record_type, label, rule, years, updated_at) VALUES
  ('screening', 'Routine screening records', 'years-after-leaving', 3, '2026-01-01T00:00:00.000Z'),
  ('send', 'SEND and referral records', 'until-age', 25, '2026-01-01T00:00:00.000Z');

-- Small app-wide settings as key/value pairs. backup_keep: how many automatic backups to keep.
CREATE TABLE app_settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

INSERT INTO app_settings (key, value, updated_at) VALUES ('backup_keep', '10', '2026-01-01T00:00:00.000Z');

-- Leavers by leave date, for the retention screen.
CREATE INDEX children_archived ON children (archived_at) WHERE archived_at IS NOT NULL;

-- Produced reports: each keeps a snapshot (JSON, shared/schemas/reports.ts) of the numbers and
-- words it showed, so a report reopened next year shows what was printed then, whatever changed
-- since. A setting report names its setting; a child's progress summary its child and setting; an
-- area report names no single setting, and lists the settings it covered (a JSON array) so only
-- someone who reaches all of them can open it. Snapshots are never edited: a new report is a new
-- row. A retention purge removes a child's summaries and their line in setting reports.

CREATE TABLE reports (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('setting', 'area', 'child')),
  setting_id TEXT REFERENCES settings (id),
  child_id TEXT REFERENCES children (id),
  setting_ids TEXT NOT NULL,
  title TEXT NOT NULL,
  period_label TEXT NOT NULL,
  snapshot TEXT NOT NULL,
  snapshot_version INTEGER NOT NULL,
  produced_by_account_id TEXT,
  produced_by_name TEXT NOT NULL,
  produced_at TEXT NOT NULL,
  CHECK ((kind = 'area') = (setting_id IS NULL)),
  CHECK ((kind = 'child') = (child_id IS NOT NULL))
) STRICT;

CREATE INDEX reports_by_setting ON reports (setting_id, produced_at);
CREATE INDEX reports_by_child ON reports (child_id, produced_at) WHERE child_id IS NOT NULL;

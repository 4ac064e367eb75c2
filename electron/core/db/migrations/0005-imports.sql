-- Imports from spreadsheets (CSV and XLSX exports of nursery systems). Each run that writes is a
-- batch; the children and screenings it created carry the batch's id, so "undo the last import"
-- removes exactly those records. Column mappings are remembered per source ("Famly export"), for
-- any setting, because one system's export looks the same everywhere.

CREATE TABLE import_batches (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('children', 'screenings')),
  setting_id TEXT NOT NULL REFERENCES settings (id),
  source_name TEXT NOT NULL DEFAULT '',
  file_name TEXT NOT NULL,
  file_type TEXT NOT NULL CHECK (file_type IN ('csv', 'xlsx')),
  row_count INTEGER NOT NULL CHECK (row_count >= 0),
  created_children INTEGER NOT NULL DEFAULT 0 CHECK (created_children >= 0),
  created_screenings INTEGER NOT NULL DEFAULT 0 CHECK (created_screenings >= 0),
  skipped_rows INTEGER NOT NULL DEFAULT 0 CHECK (skipped_rows >= 0),
  mapping TEXT NOT NULL DEFAULT '{}', -- JSON { field: column heading } used for this run
  -- Who ran it, once the app knows its users (the CLI's --as, "who is using Chatterbox?").
  actor_name TEXT,
  undone_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

-- "The last import of this kind in this setting" and the import history, newest first.
CREATE INDEX import_batches_by_setting ON import_batches (setting_id, kind, created_at);

CREATE TABLE import_mappings (
  kind TEXT NOT NULL CHECK (kind IN ('children', 'screenings')),
  -- The source name folded (lower case, single spaces), so "Famly export" and "famly  Export" meet.
  source_key TEXT NOT NULL,
  source_name TEXT NOT NULL,
  mapping TEXT NOT NULL, -- JSON { field: column heading }
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (kind, source_key)
) STRICT;

ALTER TABLE children ADD COLUMN import_batch_id TEXT REFERENCES import_batches (id);
ALTER TABLE screenings ADD COLUMN import_batch_id TEXT REFERENCES import_batches (id);

-- Only imported rows are indexed; "= ?" implies IS NOT NULL, so undo uses these.
CREATE INDEX children_by_import_batch ON children (import_batch_id) WHERE import_batch_id IS NOT NULL;
CREATE INDEX screenings_by_import_batch ON screenings (import_batch_id) WHERE import_batch_id IS NOT NULL;

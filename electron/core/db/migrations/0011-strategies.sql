-- The strategies library: universal strategies in our own words, grouped, each with an optional
-- short "try at home" version for parents. Rows with no setting are the shared library every
-- setting sees; a setting adds its own. Child targets and whole-setting targets link to these.

CREATE TABLE strategies (
  id TEXT PRIMARY KEY,
  setting_id TEXT REFERENCES settings (id),
  group_name TEXT NOT NULL CHECK (group_name IN ('interaction', 'environment', 'routines', 'parents')),
  title TEXT NOT NULL,
  description TEXT NOT NULL,
  home_version TEXT,
  -- Retired strategies stay for the targets that name them, out of the pickers.
  archived_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE INDEX strategies_by_setting ON strategies (setting_id, group_name);

-- Settings, rooms, staff and children: the records every later feature hangs off.
-- Ids are UUIDs and every row carries created_at/updated_at (ISO 8601, UTC) so records can later
-- move between an assistant's laptop and a setting's PC and be merged.

CREATE TABLE settings (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  urn TEXT NOT NULL UNIQUE,
  type TEXT NOT NULL CHECK (type IN ('nursery', 'pre-school', 'childminder', 'school-nursery', 'childrens-centre')),
  local_authority TEXT NOT NULL DEFAULT '',
  archived_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE INDEX settings_by_name ON settings (name COLLATE NOCASE);

CREATE TABLE rooms (
  id TEXT PRIMARY KEY,
  setting_id TEXT NOT NULL REFERENCES settings (id),
  name TEXT NOT NULL,
  archived_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  -- Lets children reference (room, setting) together, so a child can never sit in another
  -- setting's room even if a caller skips the API's own check.
  UNIQUE (id, setting_id)
) STRICT;

CREATE UNIQUE INDEX rooms_unique_name ON rooms (setting_id, name COLLATE NOCASE);

CREATE TABLE staff (
  id TEXT PRIMARY KEY,
  setting_id TEXT NOT NULL REFERENCES settings (id),
  name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('communication-champion', 'practitioner', 'manager', 'slt-assistant')),
  qualification_level TEXT NOT NULL CHECK (qualification_level IN ('none', 'level-2', 'level-3', 'level-4-5', 'level-6-plus')),
  archived_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (id, setting_id)
) STRICT;

CREATE INDEX staff_by_setting ON staff (setting_id, name COLLATE NOCASE);

CREATE TABLE children (
  id TEXT PRIMARY KEY,
  setting_id TEXT NOT NULL REFERENCES settings (id),
  first_name TEXT NOT NULL,
  last_name TEXT NOT NULL,
  date_of_birth TEXT NOT NULL,
  sex TEXT NOT NULL CHECK (sex IN ('female', 'male', 'not-recorded')),
  ethnicity TEXT NOT NULL CHECK (ethnicity IN ('WBRI', 'WIRI', 'WIRT', 'WROM', 'WOTH', 'MWBC', 'MWBA', 'MWAS', 'MOTH',
    'AIND', 'APKN', 'ABAN', 'AOTH', 'BCRB', 'BAFR', 'BOTH', 'CHNE', 'OOTH', 'REFU', 'NOBT')),
  home_languages TEXT NOT NULL DEFAULT '[]', -- JSON array of language names
  eal INTEGER NOT NULL CHECK (eal IN (0, 1)),
  send_stage TEXT NOT NULL CHECK (send_stage IN ('none', 'sen-support', 'ehcp')),
  funded2 INTEGER NOT NULL CHECK (funded2 IN (0, 1)),
  eypp INTEGER NOT NULL CHECK (eypp IN (0, 1)),
  room_id TEXT,
  key_person_id TEXT,
  start_date TEXT,
  leave_date TEXT,
  notes TEXT NOT NULL DEFAULT '',
  -- "first last" folded to lower case without accents (see shared/domain/search.ts): SQLite's
  -- LIKE folds ASCII only, and people search for Élodie by typing elodie.
  search_name TEXT NOT NULL,
  archived_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  FOREIGN KEY (room_id, setting_id) REFERENCES rooms (id, setting_id),
  FOREIGN KEY (key_person_id, setting_id) REFERENCES staff (id, setting_id)
) STRICT;

-- The children list is always scoped to a setting and sorted by name by default.
CREATE INDEX children_by_setting_name ON children (setting_id, last_name COLLATE NOCASE, first_name COLLATE NOCASE);
CREATE INDEX children_by_room ON children (room_id);
CREATE INDEX children_by_key_person ON children (key_person_id);

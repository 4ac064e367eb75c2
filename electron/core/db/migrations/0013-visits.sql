-- SLT assistants' visits to settings: planned, then held (or cancelled). A held visit records who
-- came, the children discussed, how many screens were checked, the coaching given, notes, the
-- actions agreed and the next visit date. Each setting has its own visit frequency.

-- How often the setting is visited, in weeks; 4 is "monthly".
ALTER TABLE settings ADD COLUMN visit_every_weeks INTEGER NOT NULL DEFAULT 4 CHECK (visit_every_weeks BETWEEN 1 AND 26);

CREATE TABLE visits (
  id TEXT PRIMARY KEY,
  setting_id TEXT NOT NULL REFERENCES settings (id),
  status TEXT NOT NULL CHECK (status IN ('planned', 'held', 'cancelled')),
  planned_date TEXT,
  held_date TEXT,
  -- The visitor's account when they sign in here; the name is kept either way, so the record
  -- still reads right if the account goes.
  visitor_account_id TEXT REFERENCES accounts (id),
  visitor_name TEXT NOT NULL,
  visitor_role TEXT NOT NULL DEFAULT '',
  cancelled_reason TEXT NOT NULL DEFAULT '',
  -- Screens checked are a count and a note, not links: screenings are purged on their own timetable.
  screens_checked_count INTEGER NOT NULL DEFAULT 0 CHECK (screens_checked_count >= 0),
  screens_checked_note TEXT NOT NULL DEFAULT '',
  coaching TEXT NOT NULL DEFAULT '',
  notes TEXT NOT NULL DEFAULT '',
  next_visit_date TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK (status <> 'held' OR held_date IS NOT NULL),
  CHECK (status = 'held' OR planned_date IS NOT NULL)
) STRICT;

-- A setting's history, and "My visits" (last held, next planned per setting).
CREATE INDEX visits_by_setting ON visits (setting_id, status, coalesce(held_date, planned_date));

CREATE TABLE visit_attendees (
  id TEXT PRIMARY KEY,
  visit_id TEXT NOT NULL REFERENCES visits (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  staff_id TEXT REFERENCES staff (id),
  name TEXT NOT NULL,
  role TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE INDEX visit_attendees_by_visit ON visit_attendees (visit_id, position);

CREATE TABLE visit_children (
  visit_id TEXT NOT NULL REFERENCES visits (id) ON DELETE CASCADE,
  child_id TEXT NOT NULL REFERENCES children (id),
  note TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (visit_id, child_id)
) STRICT;

-- A purge removes a child's links to visits.
CREATE INDEX visit_children_by_child ON visit_children (child_id);

CREATE TABLE visit_actions (
  id TEXT PRIMARY KEY,
  visit_id TEXT NOT NULL REFERENCES visits (id),
  description TEXT NOT NULL,
  owner_staff_id TEXT REFERENCES staff (id),
  owner_name TEXT NOT NULL DEFAULT '',
  due_date TEXT NOT NULL,
  done_date TEXT,
  done_by TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  -- Every action has an owner: a staff member or a name.
  CHECK (owner_staff_id IS NOT NULL OR owner_name <> '')
) STRICT;

CREATE INDEX visit_actions_by_visit ON visit_actions (visit_id, due_date);

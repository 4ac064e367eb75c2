-- Screening: the instrument is data (sections, age bands, item counts, optional cut-offs that an
-- administrator copies from their own licensed handbook), and each screening stores what was
-- entered plus what the app concluded at the time (colour, working-at level, referral prompt,
-- review date), so later changes to cut-offs never rewrite history.

CREATE TABLE instruments (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  is_default INTEGER NOT NULL CHECK (is_default IN (0, 1)),
  archived_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE UNIQUE INDEX instruments_unique_name ON instruments (name COLLATE NOCASE);

CREATE TABLE instrument_sections (
  instrument_id TEXT NOT NULL REFERENCES instruments (id),
  section INTEGER NOT NULL CHECK (section >= 1),
  min_months INTEGER NOT NULL CHECK (min_months >= 0),
  max_months INTEGER NOT NULL CHECK (max_months >= min_months),
  item_count INTEGER NOT NULL CHECK (item_count >= 1),
  lowest_green INTEGER CHECK (lowest_green >= 0 AND lowest_green <= item_count),
  lowest_amber INTEGER CHECK (lowest_amber >= 0 AND lowest_amber < lowest_green),
  updated_at TEXT NOT NULL,
  PRIMARY KEY (instrument_id, section),
  CHECK ((lowest_green IS NULL) = (lowest_amber IS NULL))
) STRICT;

-- The default instrument: age bands in completed months from the public toolkit description,
-- 12 items per section (an assumption an administrator can change), and no cut-offs (those are
-- licensed: each setting enters its own).
INSERT INTO instruments (id, name, is_default, created_at, updated_at)
VALUES ('5c1f3a52-9d1e-4b7a-8f2e-0a6c1d2e3f41', 'Early years screening (9 sections)', 1, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z');

INSERT INTO instrument_sections (instrument_id, section, min_months, max_months, item_count, updated_at)
VALUES
  ('5c1f3a52-9d1e-4b7a-8f2e-0a6c1d2e3f41', 1, 6, 11, 12, '2026-01-01T00:00:00.000Z'),
  ('5c1f3a52-9d1e-4b7a-8f2e-0a6c1d2e3f41', 2, 12, 17, 12, '2026-01-01T00:00:00.000Z'),
  ('5c1f3a52-9d1e-4b7a-8f2e-0a6c1d2e3f41', 3, 18, 23, 12, '2026-01-01T00:00:00.000Z'),
  ('5c1f3a52-9d1e-4b7a-8f2e-0a6c1d2e3f41', 4, 24, 29, 12, '2026-01-01T00:00:00.000Z'),
  ('5c1f3a52-9d1e-4b7a-8f2e-0a6c1d2e3f41', 5, 30, 35, 12, '2026-01-01T00:00:00.000Z'),
  ('5c1f3a52-9d1e-4b7a-8f2e-0a6c1d2e3f41', 6, 36, 41, 12, '2026-01-01T00:00:00.000Z'),
  ('5c1f3a52-9d1e-4b7a-8f2e-0a6c1d2e3f41', 7, 42, 47, 12, '2026-01-01T00:00:00.000Z'),
  ('5c1f3a52-9d1e-4b7a-8f2e-0a6c1d2e3f41', 8, 48, 59, 12, '2026-01-01T00:00:00.000Z'),
  ('5c1f3a52-9d1e-4b7a-8f2e-0a6c1d2e3f41', 9, 60, 72, 12, '2026-01-01T00:00:00.000Z');

-- Review intervals belong to the setting (defaults from GL guidance: about 12 weeks after Amber
-- or Red; Green waits for the next routine round, assumed termly).
ALTER TABLE settings ADD COLUMN review_amber_weeks INTEGER NOT NULL DEFAULT 12 CHECK (review_amber_weeks BETWEEN 1 AND 52);
ALTER TABLE settings ADD COLUMN review_red_weeks INTEGER NOT NULL DEFAULT 12 CHECK (review_red_weeks BETWEEN 1 AND 52);
ALTER TABLE settings ADD COLUMN review_green_months INTEGER NOT NULL DEFAULT 4 CHECK (review_green_months BETWEEN 1 AND 24);

CREATE TABLE screenings (
  id TEXT PRIMARY KEY,
  child_id TEXT NOT NULL REFERENCES children (id),
  -- The child's setting when screened: cohort views count screenings where they happened.
  setting_id TEXT NOT NULL REFERENCES settings (id),
  instrument_id TEXT NOT NULL REFERENCES instruments (id),
  screening_date TEXT NOT NULL,
  age_months INTEGER NOT NULL,
  age_section INTEGER NOT NULL,
  screener_id TEXT REFERENCES staff (id),
  -- The child's room and key person when screened, so a term's results stay with the room the
  -- child was in then, even after they move up.
  room_id TEXT REFERENCES rooms (id),
  key_person_id TEXT REFERENCES staff (id),
  parent_present INTEGER NOT NULL CHECK (parent_present IN (0, 1)),
  concern_practitioner INTEGER NOT NULL CHECK (concern_practitioner IN (0, 1)),
  concern_parent INTEGER NOT NULL CHECK (concern_parent IN (0, 1)),
  concern_details TEXT NOT NULL DEFAULT '',
  comment_speech_sounds TEXT NOT NULL DEFAULT '',
  comment_attention TEXT NOT NULL DEFAULT '',
  comment_stammering TEXT NOT NULL DEFAULT '',
  comment_voice TEXT NOT NULL DEFAULT '',
  comment_other TEXT NOT NULL DEFAULT '',
  action TEXT NOT NULL CHECK (action IN ('universal', 'targeted', 'referral')),
  -- Concluded when saved, from the entries and the instrument as it then was:
  colour TEXT NOT NULL CHECK (colour IN ('red', 'amber', 'green')),
  working_at_section INTEGER,
  referral_prompted INTEGER NOT NULL CHECK (referral_prompted IN (0, 1)),
  referral_reasons TEXT NOT NULL DEFAULT '[]', -- JSON array of sentences
  review_date TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

-- A child's history, newest first, and "latest screening per child" in the children list.
CREATE INDEX screenings_by_child_date ON screenings (child_id, screening_date, created_at);
-- Cohort views: one setting's screenings by date.
CREATE INDEX screenings_by_setting_date ON screenings (setting_id, screening_date);

CREATE TABLE screening_sections (
  screening_id TEXT NOT NULL REFERENCES screenings (id) ON DELETE CASCADE,
  position INTEGER NOT NULL CHECK (position >= 0), -- order tried: 0 is the age section
  section INTEGER NOT NULL,
  score INTEGER CHECK (score >= 0),
  entered_colour TEXT CHECK (entered_colour IN ('red', 'amber', 'green')),
  computed_colour TEXT CHECK (computed_colour IN ('red', 'amber', 'green')),
  colour TEXT NOT NULL CHECK (colour IN ('red', 'amber', 'green')),
  items_not_passed TEXT NOT NULL DEFAULT '[]', -- JSON array of item numbers
  PRIMARY KEY (screening_id, position),
  UNIQUE (screening_id, section)
) STRICT;

-- Each child's newest screening, kept by the screenings repository on every write, so lists and
-- "re-screens overdue" need no per-child subquery. A cache: no foreign key, rebuilt from screenings.
ALTER TABLE children ADD COLUMN latest_screening_id TEXT;
-- Its review date, beside it: "re-screens overdue" is then an index range, not a lookup per child.
-- Review date first, so the children list keeps using children_by_setting_name for its order.
ALTER TABLE children ADD COLUMN latest_review_date TEXT;
CREATE INDEX children_review_due ON children (latest_review_date, setting_id) WHERE archived_at IS NULL;

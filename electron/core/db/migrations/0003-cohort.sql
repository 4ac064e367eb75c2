-- Cohort tracking. Rounds are terms with editable dates; a screening belongs to the round its
-- date falls in, and rounds may not overlap.

CREATE TABLE rounds (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  start_date TEXT NOT NULL,
  end_date TEXT NOT NULL CHECK (end_date >= start_date),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE UNIQUE INDEX rounds_unique_name ON rounds (name COLLATE NOCASE);
CREATE INDEX rounds_by_start ON rounds (start_date);

-- One row per child per round: the child's latest screening in that round, with the child's
-- subgroups beside it. Every dashboard number is a GROUP BY over this table (or the summary
-- below), which is what keeps local-authority views fast. Clustered by round then setting
-- (WITHOUT ROWID), so one round's rows, or one setting's rows in a round, are read in one sweep.
-- It is derived data: repos/derived.ts rebuilds the rows of a child when their screenings or
-- details change, and of a round when its dates change.
CREATE TABLE round_results (
  round_id TEXT NOT NULL REFERENCES rounds (id) ON DELETE CASCADE,
  setting_id TEXT NOT NULL,
  child_id TEXT NOT NULL REFERENCES children (id),
  screening_id TEXT NOT NULL,
  screening_date TEXT NOT NULL,
  age_section INTEGER NOT NULL,
  colour TEXT NOT NULL,
  working_at_section INTEGER,
  sex TEXT NOT NULL,
  eal INTEGER NOT NULL,
  send_stage TEXT NOT NULL,
  ethnicity TEXT NOT NULL,
  funded2 INTEGER NOT NULL,
  eypp INTEGER NOT NULL,
  season_of_birth TEXT NOT NULL,
  room_id TEXT,
  key_person_id TEXT,
  -- 1 when the child was on roll during the round (started by its end, not left before its start).
  on_roll INTEGER NOT NULL,
  PRIMARY KEY (round_id, setting_id, child_id)
) STRICT, WITHOUT ROWID;

-- Rebuilding one child's rows.
CREATE INDEX round_results_by_child ON round_results (child_id);
-- Progress between rounds: a child's colour in another round, without reading the row.
CREATE INDEX round_results_by_round_child ON round_results (round_id, child_id, colour);
-- One setting's trend over every round.
CREATE INDEX round_results_by_setting_round ON round_results (setting_id, round_id, colour);

-- Counts per round, setting, age section, colour and sections behind: the age-section table,
-- working-at, trend and setting-by-setting views read a few thousand rows of this instead of
-- every child. `behind` is age section minus working-at (0 or less is stored as 0, 3 or more as
-- 3), or -1 when no section tried was Green. Rebuilt with round_results.
CREATE TABLE round_summary (
  round_id TEXT NOT NULL REFERENCES rounds (id) ON DELETE CASCADE,
  setting_id TEXT NOT NULL,
  age_section INTEGER NOT NULL,
  colour TEXT NOT NULL,
  behind INTEGER NOT NULL,
  on_roll INTEGER NOT NULL,
  children INTEGER NOT NULL,
  PRIMARY KEY (round_id, setting_id, age_section, colour, behind, on_roll)
) STRICT, WITHOUT ROWID;

CREATE INDEX round_summary_by_setting ON round_summary (setting_id, round_id);

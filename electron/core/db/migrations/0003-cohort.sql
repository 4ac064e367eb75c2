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
-- subgroups beside it. Every dashboard number is a GROUP BY over this table, which is what keeps
-- local-authority views fast. It is derived data: the cohort repository rebuilds the rows of a
-- child when their screenings or details change, and of a round when its dates change.
CREATE TABLE round_results (
  round_id TEXT NOT NULL REFERENCES rounds (id) ON DELETE CASCADE,
  child_id TEXT NOT NULL REFERENCES children (id),
  setting_id TEXT NOT NULL,
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
  PRIMARY KEY (round_id, child_id)
) STRICT;

CREATE INDEX round_results_by_setting ON round_results (round_id, setting_id);
CREATE INDEX round_results_by_child ON round_results (child_id);

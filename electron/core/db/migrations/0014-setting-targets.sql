-- Whole-setting targets: the communication champion's targets for the setting on universal
-- strategies ("every room uses a visual timetable"), reviewed at the SLT assistant's visits.
-- Status: planned, in-progress, achieved, stopped (shared/domain/settingTargets.ts holds the
-- moves between them). The owner is a member of the setting's staff or, for someone not on the
-- staff list (a manager from head office, a parent volunteer), a typed name: one of the two.

CREATE TABLE setting_targets (
  id TEXT PRIMARY KEY,
  setting_id TEXT NOT NULL REFERENCES settings (id),
  title TEXT NOT NULL,
  description TEXT NOT NULL,
  owner_staff_id TEXT REFERENCES staff (id),
  owner_name TEXT NOT NULL,
  due_date TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('planned', 'in-progress', 'achieved', 'stopped')),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK ((owner_staff_id IS NULL) <> (owner_name = ''))
) STRICT;

CREATE INDEX setting_targets_by_setting ON setting_targets (setting_id, status, due_date);

-- The universal strategies a target puts into practice: the setting's own or the shared library's.
CREATE TABLE setting_target_strategies (
  setting_target_id TEXT NOT NULL REFERENCES setting_targets (id) ON DELETE CASCADE,
  strategy_id TEXT NOT NULL REFERENCES strategies (id),
  PRIMARY KEY (setting_target_id, strategy_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX setting_target_strategies_by_strategy ON setting_target_strategies (strategy_id);

-- Each review: what was seen (evidence), what was said, and the status it left the target in;
-- stopping a target is recorded as a review too, so the history says why it stopped.
CREATE TABLE setting_target_reviews (
  id TEXT PRIMARY KEY,
  setting_target_id TEXT NOT NULL REFERENCES setting_targets (id) ON DELETE CASCADE,
  review_date TEXT NOT NULL,
  reviewer TEXT NOT NULL,
  note TEXT NOT NULL,
  evidence TEXT NOT NULL,
  status_before TEXT NOT NULL CHECK (status_before IN ('planned', 'in-progress', 'achieved', 'stopped')),
  status_after TEXT NOT NULL CHECK (status_after IN ('planned', 'in-progress', 'achieved', 'stopped')),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE INDEX setting_target_reviews_by_target ON setting_target_reviews (setting_target_id, review_date);

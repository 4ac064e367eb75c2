-- A screening may stop before a Green section (the child was unsettled, time ran out) when it is
-- marked so, with a reason: it is then incomplete, re-screened soon and counted as incomplete.
ALTER TABLE screenings ADD COLUMN stopped_early INTEGER NOT NULL DEFAULT 0 CHECK (stopped_early IN (0, 1));
ALTER TABLE screenings ADD COLUMN stopped_early_reason TEXT NOT NULL DEFAULT '';

-- A screening may stop before a Green section (the child was unsettled, time ran out) when it is
-- marked so, with a reason: it is then incomplete, re-screened soon and counted as incomplete.
ALTER TABLE screenings ADD COLUMN stopped_early INTEGER NOT NULL DEFAULT 0 CHECK (stopped_early IN (0, 1));
ALTER TABLE screenings ADD COLUMN stopped_early_reason TEXT NOT NULL DEFAULT '';

-- Screenings that stopped early are few: the dashboards count them through these indexes, from
-- the stopped-early screenings to their rounds, instead of reading every screening of a round.
CREATE INDEX screenings_stopped_early ON screenings (id) WHERE stopped_early = 1;
CREATE INDEX round_results_by_screening ON round_results (screening_id);

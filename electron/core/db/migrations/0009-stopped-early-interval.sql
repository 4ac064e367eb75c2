-- How soon a screening that stopped early is re-screened, per setting, beside the other re-screen
-- intervals (0002-screening.sql). Whole weeks up to a term; 2 weeks is the default the app used
-- before it became a setting, so existing screenings keep the review dates they were given.
ALTER TABLE settings ADD COLUMN review_stopped_early_weeks INTEGER NOT NULL DEFAULT 2 CHECK (review_stopped_early_weeks BETWEEN 1 AND 12);

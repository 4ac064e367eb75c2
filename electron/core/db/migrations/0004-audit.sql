-- The audit trail: who changed what and when. Written by the core for every call that changes
-- data, never edited by the app (there is no method that updates or deletes audit rows, except
-- retention purges, which log themselves).

CREATE TABLE audit_log (
  id TEXT PRIMARY KEY,
  at TEXT NOT NULL,
  -- Who: a staff member chosen at "who is using Chatterbox?", or a name (CLI --as, OS user).
  actor_staff_id TEXT,
  actor_name TEXT NOT NULL,
  method TEXT NOT NULL,
  record_type TEXT NOT NULL,
  record_id TEXT,
  setting_id TEXT,
  summary TEXT NOT NULL -- JSON: { before?, after?, note? } with changed fields only
) STRICT;

CREATE INDEX audit_by_time ON audit_log (at);
CREATE INDEX audit_by_record ON audit_log (record_id, at);
CREATE INDEX audit_by_setting ON audit_log (setting_id, at);

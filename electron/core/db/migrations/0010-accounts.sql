-- Sign-in accounts. Each person signs in with their own user name and password; the audit trail
-- names the account and its role. SLT assistants and triage panel members are usually not a
-- setting's staff, so the staff link is optional.

CREATE TABLE accounts (
  id TEXT PRIMARY KEY,
  display_name TEXT NOT NULL,
  -- Compared without regard to case, so "Sam" and "sam" cannot be two people.
  user_name TEXT NOT NULL COLLATE NOCASE,
  role TEXT NOT NULL CHECK (role IN ('manager', 'champion', 'practitioner', 'slt-assistant', 'panel-member')),
  staff_id TEXT REFERENCES staff (id),
  -- scrypt$N$r$p$salt$hash (base64): the parameters travel with the hash, so they can be raised later.
  password_hash TEXT NOT NULL,
  -- A manager reset the password: the person chooses a new one at their next sign-in.
  must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1)),
  failed_attempts INTEGER NOT NULL DEFAULT 0,
  locked_until TEXT,
  disabled_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE UNIQUE INDEX accounts_by_user_name ON accounts (user_name);

-- The settings an SLT assistant covers: they see those settings only.
CREATE TABLE account_settings (
  account_id TEXT NOT NULL REFERENCES accounts (id),
  setting_id TEXT NOT NULL REFERENCES settings (id),
  PRIMARY KEY (account_id, setting_id)
) STRICT;

-- A setting may let practitioners see every child, not only their key children.
ALTER TABLE settings ADD COLUMN practitioners_see_all INTEGER NOT NULL DEFAULT 0 CHECK (practitioners_see_all IN (0, 1));

-- Which account made a change (null for the local administrator and rows from before sign-in).
ALTER TABLE audit_log ADD COLUMN actor_account_id TEXT;

import Database from 'better-sqlite3-multiple-ciphers';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { latestSchemaVersion, migrationFiles } from '../../electron/core/db/migrations.js';
import { openDatabase } from '../../electron/core/db/connection.js';
import { tempDir } from '../support/core.js';

// The runner applies every pending migration in one transaction, so a migration that fails part
// way must leave the file exactly as it was: no new table, no new column, no changed row, and the
// old user_version. To make one fail on purpose, this file replaces the migration list with the
// real migrations plus one more at the end whose first statements succeed and whose last one
// fails. (vi.mock is hoisted above the imports, so the file name is repeated inside it.)

const failing = '9999-fails-part-way.sql';

vi.mock('../../electron/core/db/migrations.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../electron/core/db/migrations.js')>();
  const files = [...real.migrationFiles, '9999-fails-part-way.sql'];
  return {
    ...real,
    migrationFiles: files,
    latestSchemaVersion: files.length,
    readMigration: (file: string): string =>
      file === '9999-fails-part-way.sql'
        ? `CREATE TABLE notes (id TEXT PRIMARY KEY, body TEXT NOT NULL) STRICT;
           INSERT INTO notes (id, body) VALUES ('n1', 'written by the failing migration');
           ALTER TABLE children ADD COLUMN nickname TEXT;
           UPDATE settings SET name = 'Renamed by the failing migration';
           INSERT INTO no_such_table (x) VALUES (1);`
        : real.readMigration(file),
  };
});

/** The real migration module, as shipped, without the test's substitute list. */
function realMigrations() {
  return vi.importActual<typeof import('../../electron/core/db/migrations.js')>('../../electron/core/db/migrations.js');
}

interface FileState {
  userVersion: number;
  schema: { type: string; name: string; sql: string | null }[];
  settings: unknown[];
}

function stateOf(path: string): FileState {
  const db = new Database(path, { readonly: true });
  try {
    return {
      userVersion: db.pragma('user_version', { simple: true }) as number,
      schema: db.prepare("SELECT type, name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name").all() as FileState['schema'],
      settings: db.prepare('SELECT * FROM settings ORDER BY id').all(),
    };
  } finally {
    db.close();
  }
}

describe('a migration that fails part way', () => {
  it('is really at the end of the list for this file (the mock is in place)', async () => {
    const real = await realMigrations();
    expect(migrationFiles).toEqual([...real.migrationFiles, failing]);
    expect(latestSchemaVersion).toBe(real.latestSchemaVersion + 1);
  });

  it('on a real version-1 Chatterbox database rolls back every statement of the run, leaving schema, data and user_version as they were', async () => {
    // A file as the first release wrote it: 0001 applied, user_version 1. Opening it runs every
    // later real migration and then the failing one, all in the same transaction.
    const real = await realMigrations();
    const path = join(tempDir(), 'v1.sqlite');
    const raw = new Database(path);
    raw.exec(real.readMigration('0001-initial.sql'));
    raw.pragma('user_version = 1');
    const now = '2026-11-27T12:00:00.000Z';
    raw.prepare("INSERT INTO settings (id, name, urn, type, created_at, updated_at) VALUES ('s1', 'Acorn Lane', 'EY123456', 'nursery', ?, ?)").run(now, now);
    raw.close();
    const before = stateOf(path);
    expect(before.userVersion).toBe(1);

    expect(() => openDatabase(path)).toThrow(/no such table: no_such_table/);

    const after = stateOf(path);
    expect(after).toEqual(before);
    expect(after.schema.map((o) => o.name)).not.toContain('notes');
    expect(after.schema.find((o) => o.name === 'children')?.sql).not.toMatch(/nickname/);
    expect(after.settings).toEqual([expect.objectContaining({ name: 'Acorn Lane' })]);
  });

  it('on a new file rolls back the earlier migrations of the same run too, leaving no tables and user_version 0', () => {
    const path = join(tempDir(), 'new.sqlite');

    expect(() => openDatabase(path)).toThrow(/no such table: no_such_table/);

    const db = new Database(path, { readonly: true });
    try {
      expect(db.prepare("SELECT name FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%'").all()).toEqual([]);
      expect(db.pragma('user_version', { simple: true })).toBe(0);
    } finally {
      db.close();
    }
  });
});

import Database from 'better-sqlite3-multiple-ciphers';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors.js';
import { createCore } from '../../electron/core/core.js';
import { latestSchemaVersion, migrationFiles, readMigration } from '../../electron/core/db/migrations.js';
import { openDatabase, userVersion, type Db } from '../../electron/core/db/connection.js';
import { sha256, tempDir } from '../support/core.js';

function schemaOf(db: Db): { type: string; name: string; sql: string | null }[] {
  return db.prepare("SELECT type, name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name").all() as {
    type: string;
    name: string;
    sql: string | null;
  }[];
}

function names(db: Db, type: 'table' | 'index'): string[] {
  return schemaOf(db)
    .filter((o) => o.type === type)
    .map((o) => o.name);
}

function withDb<T>(path: string, fn: (db: Db) => T): T {
  const db = openDatabase(path);
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

describe('the migration list', () => {
  it('names files NNNN-name.sql, numbered 1, 2, 3… in order, and latestSchemaVersion is their count', () => {
    expect(migrationFiles.length).toBeGreaterThan(0);
    migrationFiles.forEach((file, i) => {
      expect(file).toMatch(/^\d{4}-[a-z0-9-]+\.sql$/);
      expect(Number(file.slice(0, 4))).toBe(i + 1);
    });
    expect(latestSchemaVersion).toBe(migrationFiles.length);
  });

  it('lists every .sql file in the migrations folder, and nothing that is not there', () => {
    const folder = new URL('../../electron/core/db/migrations/', import.meta.url);
    const onDisk = readdirSync(folder)
      .filter((f) => f.endsWith('.sql'))
      .sort();
    expect([...migrationFiles].sort()).toEqual(onDisk);
    for (const file of migrationFiles) expect(readMigration(file).length).toBeGreaterThan(0);
  });

  it('never sets user_version itself (the runner does, once, after the last file)', () => {
    for (const file of migrationFiles) expect(readMigration(file)).not.toMatch(/user_version/i);
  });
});

describe('migrating an empty database', () => {
  it('sets user_version to the latest schema version and creates the tables and indexes', () => {
    const path = join(tempDir(), 'empty.sqlite');
    withDb(path, (db) => {
      expect(userVersion(db)).toBe(latestSchemaVersion);
      // Later migrations add their own tables; these are the ones 0001 creates.
      expect(names(db, 'table')).toEqual(expect.arrayContaining(['children', 'rooms', 'settings', 'staff']));
      expect(names(db, 'index')).toEqual(
        expect.arrayContaining([
          'settings_by_name',
          'rooms_unique_name',
          'staff_by_setting',
          'children_by_setting_name',
          'children_by_room',
          'children_by_key_person',
        ]),
      );
    });
  });

  it('makes STRICT tables, so a wrongly typed value is refused rather than stored', () => {
    withDb(join(tempDir(), 'strict.sqlite'), (db) => {
      for (const table of ['settings', 'rooms', 'staff', 'children']) {
        const info = db.prepare('SELECT strict FROM pragma_table_list WHERE name = ?').get(table) as { strict: number };
        expect(info.strict, table).toBe(1);
      }
      const insert = () =>
        db
          .prepare("INSERT INTO settings (id, name, urn, type, created_at, updated_at) VALUES ('s', 'A', 'EY1', 'nursery', ?, 'x')")
          .run(Buffer.from([1, 2, 3]));
      expect(insert).toThrow(/cannot store BLOB value in TEXT column/);
    });
  });

  it('ties a child’s room and key person to the child’s own setting with composite foreign keys', () => {
    withDb(join(tempDir(), 'fk.sqlite'), (db) => {
      const fks = db.prepare('SELECT "table", "from", "to" FROM pragma_foreign_key_list(?) ORDER BY id, seq').all('children') as {
        table: string;
        from: string;
        to: string;
      }[];
      expect(fks).toEqual(
        expect.arrayContaining([
          { table: 'rooms', from: 'room_id', to: 'id' },
          { table: 'rooms', from: 'setting_id', to: 'setting_id' },
          { table: 'staff', from: 'key_person_id', to: 'id' },
          { table: 'staff', from: 'setting_id', to: 'setting_id' },
        ]),
      );
      const now = '2026-11-27T12:00:00.000Z';
      const addSetting = db.prepare('INSERT INTO settings (id, name, urn, type, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)');
      addSetting.run('s1', 'One', 'EY100001', 'nursery', now, now);
      addSetting.run('s2', 'Two', 'EY100002', 'nursery', now, now);
      db.prepare('INSERT INTO rooms (id, setting_id, name, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run('r2', 's2', 'Babies', now, now);
      const child = db.prepare(
        `INSERT INTO children (id, setting_id, first_name, last_name, date_of_birth, sex, ethnicity, eal, send_stage, funded2, eypp, room_id, search_name, created_at, updated_at)
         VALUES ('c1', 's1', 'Amara', 'Applewhistle', '2023-01-01', 'female', 'NOBT', 0, 'none', 0, 0, ?, 'amara applewhistle', ?, ?)`,
      );
      // r2 exists, but in setting s2: the composite key refuses it for a child of s1.
      expect(() => child.run('r2', now, now)).toThrow(/FOREIGN KEY constraint failed/);
      expect(() => child.run(null, now, now)).not.toThrow();
    });
  });

  it('refuses an unknown ethnicity code and a child without a search name', () => {
    withDb(join(tempDir(), 'child-checks.sqlite'), (db) => {
      const now = '2026-11-27T12:00:00.000Z';
      db.prepare("INSERT INTO settings (id, name, urn, type, created_at, updated_at) VALUES ('s1', 'One', 'EY100001', 'nursery', ?, ?)").run(now, now);
      const child = db.prepare(
        `INSERT INTO children (id, setting_id, first_name, last_name, date_of_birth, sex, ethnicity, eal, send_stage, funded2, eypp, search_name, created_at, updated_at)
         VALUES (?, 's1', 'Élodie', 'Łukasiewicz', '2023-01-01', 'female', ?, 0, 'none', 0, 0, ?, ?, ?)`,
      );
      expect(() => child.run('c1', 'XXXX', 'elodie łukasiewicz', now, now)).toThrow(/CHECK constraint failed/);
      expect(() => child.run('c2', 'NOBT', null, now, now)).toThrow(/NOT NULL constraint failed: children.search_name/);
      expect(() => child.run('c3', 'NOBT', 'elodie łukasiewicz', now, now)).not.toThrow();
    });
  });

  it('makes URNs unique and room names unique per setting regardless of case', () => {
    withDb(join(tempDir(), 'unique.sqlite'), (db) => {
      const now = '2026-11-27T12:00:00.000Z';
      const addSetting = db.prepare('INSERT INTO settings (id, name, urn, type, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)');
      addSetting.run('s1', 'One', 'EY100001', 'nursery', now, now);
      addSetting.run('s2', 'Two', 'EY100002', 'nursery', now, now);
      expect(() => addSetting.run('s3', 'Three', 'EY100001', 'nursery', now, now)).toThrow(/UNIQUE constraint failed: settings.urn/);
      const addRoom = db.prepare('INSERT INTO rooms (id, setting_id, name, created_at, updated_at) VALUES (?, ?, ?, ?, ?)');
      addRoom.run('r1', 's1', 'Babies', now, now);
      expect(() => addRoom.run('r2', 's1', 'BABIES', now, now)).toThrow(/UNIQUE constraint failed/);
      expect(() => addRoom.run('r3', 's2', 'Babies', now, now)).not.toThrow();
    });
  });
});

describe('reopening a migrated database', () => {
  it('is a no-op: same version, same schema, data kept', () => {
    const path = join(tempDir(), 'reopen.sqlite');
    const first = createCore({ localAdmin: 'tester', databasePath: path });
    const setting = first.invoke('settings.create', { name: 'Acorn Lane', urn: 'EY123456', type: 'nursery' });
    const schemaBefore = schemaOf(first.context.db);
    first.close();

    const second = createCore({ localAdmin: 'tester', databasePath: path });
    try {
      expect(userVersion(second.context.db)).toBe(latestSchemaVersion);
      expect(schemaOf(second.context.db)).toEqual(schemaBefore);
      expect(second.invoke('settings.get', { id: setting.id }).name).toBe('Acorn Lane');
      expect(second.invoke('settings.list', {})).toHaveLength(1);
    } finally {
      second.close();
    }
  });

  it('does not run the migrations again (they would fail on tables that already exist)', () => {
    const path = join(tempDir(), 'twice.sqlite');
    const tables = withDb(path, (db) => names(db, 'table'));
    expect(tables).toEqual(expect.arrayContaining(['children', 'rooms', 'settings', 'staff']));
    // If the runner ignored user_version, CREATE TABLE settings would throw here.
    expect(() => withDb(path, (db) => userVersion(db))).not.toThrow();
    expect(withDb(path, (db) => names(db, 'table'))).toEqual(tables);
  });
});

// A migration that fails part way (every statement of the run rolled back, user_version kept) is
// tested in migration-failure.test.ts, which substitutes a migration list with a failing second
// migration: a pre-existing table can no longer be used to make 0001 clash, because a version-0
// file with tables in it is now refused before any migration runs (see below).

describe('a SQLite file that belongs to another program', () => {
  // Was a bug: openDatabase only refused files that were not SQLite at all, damaged, or from a
  // newer schema. Another program's SQLite file (user_version 0, its own tables) was switched to
  // WAL and had Chatterbox's tables added to it.
  it('is refused with DATABASE and left unchanged, rather than having Chatterbox tables added to it', () => {
    const path = join(tempDir(), 'other-app.db');
    const raw = new Database(path);
    raw.exec("CREATE TABLE bookmarks (id INTEGER PRIMARY KEY, url TEXT); INSERT INTO bookmarks (url) VALUES ('https://example.org');");
    raw.close();
    const before = sha256(path);

    let caught: unknown;
    try {
      openDatabase(path).close();
    } catch (err) {
      caught = err;
    }
    expect(sha256(path)).toBe(before);
    expect(caught).toBeInstanceOf(AppError);
    expect((caught as AppError).code).toBe('DATABASE');
    expect((caught as AppError).message).toMatch(/an SQLite database from another program/);
  });

  it('is refused even when its table has the same name as one of ours, before any migration runs', () => {
    const path = join(tempDir(), 'clash.sqlite');
    const raw = new Database(path);
    raw.exec('CREATE TABLE children (x TEXT)');
    raw.close();
    const before = sha256(path);

    expect(() => openDatabase(path)).toThrow(/another program/);
    expect(sha256(path)).toBe(before);
    const check = new Database(path, { readonly: true });
    try {
      const tables = (check.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
      expect(tables).toEqual(['children']);
      expect(check.pragma('user_version', { simple: true })).toBe(0);
    } finally {
      check.close();
    }
  });

  it('does not refuse an empty existing file, which is simply a new database', () => {
    const path = join(tempDir(), 'empty-existing.sqlite');
    new Database(path).close();
    expect(withDb(path, (db) => userVersion(db))).toBe(latestSchemaVersion);
  });
});

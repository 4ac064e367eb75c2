import Database from 'better-sqlite3-multiple-ciphers';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors.js';
import { createCore } from '../../electron/core/core.js';
import { latestSchemaVersion } from '../../electron/core/db/migrations.js';
import { openDatabase, userVersion, type Db } from '../../electron/core/db/connection.js';
import { sha256, tempDir, testCore } from '../support/core.js';

// Opening a file is where the app can do the most harm: a damaged file, a file from a newer
// version or a file that is not ours at all must be refused before a single byte is written.

const opened: Db[] = [];

function open(path: string): Db {
  const db = openDatabase(path);
  opened.push(db);
  return db;
}

function closeAll(): void {
  while (opened.length) opened.pop()?.close();
}

/** What opening `path` throws; fails the test if it opens. */
function refusal(path: string): AppError {
  let db: Db | undefined;
  try {
    db = openDatabase(path);
  } catch (err) {
    if (err instanceof AppError) return err;
    throw new Error(`Expected an AppError, got ${String(err)}`, { cause: err });
  }
  db.close();
  throw new Error(`Expected ${path} to be refused, but it opened`);
}

/** A real Chatterbox database with demo data, closed, in rollback-journal mode so no -wal file exists. */
function makeDatabase(dir: string, name = 'real.sqlite'): string {
  const path = join(dir, name);
  const core = createCore({ localAdmin: 'tester', databasePath: path });
  try {
    core.invoke('demo.load', {});
  } finally {
    core.close();
  }
  const raw = new Database(path);
  raw.pragma('journal_mode = DELETE');
  raw.close();
  return path;
}

function sidecars(dir: string): string[] {
  return readdirSync(dir).filter((f) => f.endsWith('-wal') || f.endsWith('-shm') || f.endsWith('-journal'));
}

/** integrity_check run on a throwaway copy, so the file under test is not touched. */
function integrityOfCopy(path: string, dir: string): string[] {
  const copy = join(dir, 'copy-for-check.sqlite');
  writeFileSync(copy, readFileSync(path));
  const db = new Database(copy);
  try {
    return (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
  } catch (err) {
    return [`threw: ${err instanceof Error ? err.message : String(err)}`];
  } finally {
    db.close();
  }
}

describe('openDatabase on a new file', () => {
  it('turns on WAL, foreign keys, a busy timeout and synchronous=NORMAL', () => {
    try {
      const db = open(join(tempDir(), 'new.sqlite'));
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
      expect(db.pragma('synchronous', { simple: true })).toBe(1);
    } finally {
      closeAll();
    }
  });

  it('keeps WAL mode and foreign keys on when an existing database is reopened', () => {
    const path = join(tempDir(), 'again.sqlite');
    try {
      open(path).close();
      opened.pop();
      const db = open(path);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    } finally {
      closeAll();
    }
  });

  it('enforces foreign keys: a room for a setting that does not exist is refused by SQLite', () => {
    try {
      const db = open(join(tempDir(), 'fk.sqlite'));
      const insert = () =>
        db.prepare("INSERT INTO rooms (id, setting_id, name, created_at, updated_at) VALUES ('r1', 'no-such-setting', 'Babies', 'x', 'x')").run();
      expect(insert).toThrow(/FOREIGN KEY constraint failed/);
    } finally {
      closeAll();
    }
  });

  it('creates missing parent folders', () => {
    const path = join(tempDir(), 'deep', 'er', 'chatterbox.sqlite');
    try {
      open(path);
      expect(existsSync(path)).toBe(true);
    } finally {
      closeAll();
    }
  });

  it('migrates an in-memory database too', () => {
    try {
      const db = open(':memory:');
      expect(userVersion(db)).toBe(latestSchemaVersion);
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    } finally {
      closeAll();
    }
  });
});

describe('a database from a newer version of Chatterbox', () => {
  it('is refused with DATABASE and a message about a newer version, and the file is left byte for byte unchanged', () => {
    const dir = tempDir();
    const path = join(dir, 'future.sqlite');
    const raw = new Database(path);
    raw.exec('CREATE TABLE settings (id TEXT PRIMARY KEY, something_new TEXT); INSERT INTO settings VALUES (1, 2);');
    raw.pragma(`user_version = ${latestSchemaVersion + 1}`);
    expect(raw.pragma('journal_mode', { simple: true })).toBe('delete');
    raw.close();
    const before = sha256(path);

    const err = refusal(path);

    expect(err.code).toBe('DATABASE');
    expect(err.message).toMatch(/newer version of Chatterbox/);
    expect(err.message).toContain(`schema ${latestSchemaVersion + 1}`);
    expect(err.message).toMatch(/Nothing was changed/);
    expect(sha256(path)).toBe(before);
    // Switching to WAL would have written the header and left a -wal file behind.
    expect(sidecars(dir)).toEqual([]);
    const check = new Database(path, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(latestSchemaVersion + 1);
    expect(check.pragma('journal_mode', { simple: true })).toBe('delete');
    check.close();
  });

  it('is refused through createCore as well, for a WAL-mode file Chatterbox itself wrote', () => {
    const dir = tempDir();
    const path = join(dir, 'ours-but-newer.sqlite');
    createCore({ localAdmin: 'tester', databasePath: path }).close();
    const raw = new Database(path);
    raw.pragma(`user_version = ${latestSchemaVersion + 5}`);
    raw.close();
    const before = sha256(path);

    let caught: unknown;
    try {
      createCore({ localAdmin: 'tester', databasePath: path }).close();
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect((caught as AppError).code).toBe('DATABASE');
    expect((caught as AppError).message).toMatch(/newer version/);
    expect(sha256(path)).toBe(before);
    expect(sidecars(dir)).toEqual([]);
  });

  it('opens a database at exactly the latest version without complaint', () => {
    const path = join(tempDir(), 'current.sqlite');
    createCore({ localAdmin: 'tester', databasePath: path }).close();
    try {
      expect(userVersion(open(path))).toBe(latestSchemaVersion);
    } finally {
      closeAll();
    }
  });
});

describe('a file that is not a SQLite database', () => {
  it('is refused with a clear message and left unchanged', () => {
    const dir = tempDir();
    const path = join(dir, 'children.csv');
    writeFileSync(path, 'firstName,lastName,dateOfBirth\nAmara,Applewhistle,2023-03-01\n'.repeat(200));
    const before = sha256(path);

    const err = refusal(path);

    expect(err.code).toBe('DATABASE');
    expect(err.message).toMatch(/is not a Chatterbox database or is badly damaged/);
    expect(err.message).toContain(path);
    expect(err.message).toMatch(/Nothing was changed/);
    expect(sha256(path)).toBe(before);
    expect(sidecars(dir)).toEqual([]);
  });

  it('refuses a short binary file too', () => {
    const dir = tempDir();
    const path = join(dir, 'photo.jpg');
    writeFileSync(path, Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]));
    const before = sha256(path);
    expect(refusal(path).code).toBe('DATABASE');
    expect(sha256(path)).toBe(before);
  });
});

describe('a damaged database', () => {
  /** The pages of the children table's leaves, found with the dbstat virtual table. */
  function childLeafPages(path: string): number[] {
    const db = new Database(path, { readonly: true });
    try {
      return (db.prepare("SELECT pageno FROM dbstat WHERE name = 'children' AND pagetype = 'leaf' ORDER BY pageno").all() as { pageno: number }[]).map(
        (r) => r.pageno,
      );
    } finally {
      db.close();
    }
  }

  function pageSize(path: string): number {
    const db = new Database(path, { readonly: true });
    try {
      return db.pragma('page_size', { simple: true }) as number;
    } finally {
      db.close();
    }
  }

  it('with garbage written over a table page is refused and left unchanged', { timeout: 120_000 }, () => {
    const dir = tempDir();
    const path = makeDatabase(dir);
    const pages = childLeafPages(path);
    const size = pageSize(path);
    const page = pages[Math.floor(pages.length / 2)];
    expect(page).toBeGreaterThanOrEqual(3);
    if (page === undefined) throw new Error('no leaf page found');
    const bytes = readFileSync(path);
    const start = (page - 1) * size;
    for (let i = 0; i < 16; i++) bytes[start + i] = 0xff; // the page header
    for (let i = 1000; i < 1400; i++) bytes[start + i] = 0xa5; // and some cell content
    writeFileSync(path, bytes);
    expect(integrityOfCopy(path, dir)).not.toEqual(['ok']);
    const before = sha256(path);

    const err = refusal(path);

    expect(err.code).toBe('DATABASE');
    expect(err.message).toMatch(/damaged|integrity check/);
    expect(err.message).toMatch(/Restore a backup/);
    expect(sha256(path)).toBe(before);
    expect(sidecars(dir).filter((f) => !f.startsWith('copy-for-check'))).toEqual([]);
  });

  it('whose rows no longer match their index opens (the quick check cannot see it), then the background check reports it', { timeout: 120_000 }, async () => {
    const dir = tempDir();
    const path = makeDatabase(dir);
    const bytes = readFileSync(path);
    // Change one surname inside a children leaf page: the row and the name index now disagree,
    // which only a full integrity check notices.
    const size = pageSize(path);
    const page = childLeafPages(path)[2];
    if (page === undefined) throw new Error('no leaf page found');
    const pageBytes = bytes.subarray((page - 1) * size, page * size);
    const surnames = ['Applewhistle', 'Bramblecombe', 'Buttonhook', 'Clatterby', 'Dandelight', 'Fernwhistle', 'Figglesby', 'Gingerhop'];
    let at = -1;
    for (const s of surnames) {
      at = pageBytes.indexOf(s, 0, 'latin1');
      if (at >= 0) break;
    }
    expect(at).toBeGreaterThan(0);
    pageBytes[at] = 'X'.charCodeAt(0);
    writeFileSync(path, bytes);
    const integrity = integrityOfCopy(path, dir);
    expect(integrity).not.toEqual(['ok']);
    expect(integrity.join('\n')).toMatch(/index children_by_setting_name/);
    // Opening runs only the quick check, so a large database opens in a moment...
    const core = testCore({ path });
    expect(core.invoke('app.info', {}).integrity.state).toBe('checking');
    // ...and the full check, in a worker, reports what it found through app.info.
    await expect.poll(() => core.invoke('app.info', {}).integrity.state, { timeout: 60_000 }).toBe('problem');
    const { message } = core.invoke('app.info', {}).integrity;
    expect(message).toMatch(/^The database file failed its full check \(.*children_by_setting_name/);
    expect(message).toMatch(/restore the newest backup from the Backups page/);
  });

  it('whose file is intact reports a passed full check after opening', { timeout: 120_000 }, async () => {
    const path = makeDatabase(tempDir());
    const core = testCore({ path });
    await expect
      .poll(() => core.invoke('app.info', {}).integrity, { timeout: 60_000 })
      .toEqual({ state: 'ok', message: 'The database passed its full check.' });
  });

  it('is not an error for an intact copy of the same database (the check is not over-eager)', { timeout: 120_000 }, () => {
    const dir = tempDir();
    const path = makeDatabase(dir);
    expect(integrityOfCopy(path, dir)).toEqual(['ok']);
    try {
      const db = open(path);
      expect((db.prepare('SELECT count(*) AS n FROM children').get() as { n: number }).n).toBeGreaterThan(200);
    } finally {
      closeAll();
    }
  });
});

describe('a core that cannot open its database', () => {
  it('throws before handing out a core, so no call can reach a refused file', () => {
    const dir = tempDir();
    const path = join(dir, 'notes.txt');
    writeFileSync(path, 'not a database');
    expect(() => testCore({ path })).toThrow(AppError);
  });
});

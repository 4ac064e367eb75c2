import Database from 'better-sqlite3-multiple-ciphers';
import { openFile } from '../../electron/core/db/connection.js';
import { existsSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ApiErrorBody } from '../../shared/errors.js';
import type { Core } from '../../electron/core/core.js';
import { latestSchemaVersion, migrationFiles, readMigration } from '../../electron/core/db/migrations.js';
import { checkDatabase } from '../../electron/core/db/check.js';
import { backupFolderFor, listBackups } from '../../electron/core/io/backup-folder.js';
import { backupTo } from '../../electron/core/services/backups/create.js';
import { restoreDatabaseFile, restoreFrom } from '../../electron/core/services/backups/restore.js';
import { runAutoBackupIfDue, startAutoBackups } from '../../electron/core/services/backups/schedule.js';
import { snapshot, tempDir, testCore, testKeys } from '../support/core.js';
import { addAccount, signInAs } from '../support/accounts.js';

/** The rows a backup or a restore could change. */
function snapshotBackedUp(core: Core): string {
  return snapshot(core, ['settings', 'children', 'app_settings', 'retention_policies']);
}

function settingNames(core: Core): string[] {
  return core.invoke('settings.list', { includeArchived: true }).map((s) => s.name);
}

function namesIn(file: string): string[] {
  const db = openFile(file, { keys: testKeys }, { readonly: true });
  try {
    return (db.prepare('SELECT name FROM settings ORDER BY name').all() as { name: string }[]).map((r) => r.name);
  } finally {
    db.close();
  }
}

async function failureAsync(core: Core, method: string, input: unknown): Promise<ApiErrorBody> {
  const before = snapshotBackedUp(core);
  const folder = backupFolderFor(core.context.databasePath);
  const filesBefore = existsSync(folder) ? readdirSync(folder).sort() : [];
  const result = await core.callAsync(method, input);
  expect(snapshotBackedUp(core), 'nothing may be written by a failed call').toBe(before);
  expect(existsSync(folder) ? readdirSync(folder).sort() : [], 'no backup file may be added or removed').toEqual(filesBefore);
  if (result.ok) throw new Error(`${method} should have failed but returned ${JSON.stringify(result.value)}`);
  return result.error;
}

function acorn(core: Core, name = 'Acorn', urn = 'EY123456') {
  return core.invoke('settings.create', { name, urn, type: 'nursery' });
}

/** A file in the backups folder with a backup's name but the given bytes. */
function plantBackup(core: Core, fileName: string, bytes: Buffer): string {
  const folder = backupFolderFor(core.context.databasePath);
  const path = join(folder, fileName);
  writeFileSync(path, bytes);
  return path;
}

describe('backups.create', () => {
  it('writes a checked single-file copy into the backups folder beside the database', async () => {
    const core = testCore();
    acorn(core);
    const info = await core.invokeAsync('backups.create', {});
    const folder = join(core.context.databasePath, '..', 'backups');
    expect(info).toEqual({
      fileName: 'chatterbox-manual-2026-11-27-120000.sqlite',
      path: join(folder, 'chatterbox-manual-2026-11-27-120000.sqlite'),
      createdAt: '2026-11-27T12:00:00Z',
      sizeBytes: statSync(info.path).size,
      kind: 'manual',
    });
    // Only the finished file: no .partial, no -wal or -shm beside it (journal_mode=DELETE).
    expect(readdirSync(folder)).toEqual([info.fileName]);
    // Encrypted with the database's key: no plain SQLite header, and nothing readable without the key.
    expect(readFileSync(info.path).subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');
    expect(checkDatabase(info.path)).toMatchObject({ ok: false, problems: [expect.stringMatching(/not a Chatterbox database or is badly damaged/)] });
    expect(checkDatabase(info.path, { keys: { key: 'ab'.repeat(32) } })).toMatchObject({
      ok: false,
      problems: [expect.stringMatching(/could not be opened with this key/)],
    });
    const copy = openFile(info.path, { keys: testKeys }, { readonly: true });
    try {
      expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    } finally {
      copy.close();
    }
    expect(checkDatabase(info.path, { keys: testKeys })).toMatchObject({ ok: true, schemaVersion: latestSchemaVersion, problems: [] });
    expect(namesIn(info.path)).toEqual(['Acorn']);
    expect(readdirSync(folder)).toEqual([info.fileName]);
    expect(core.invoke('backups.list', {})).toEqual([info]);
  });

  it('names backups made in the same second apart, and lists them newest first', async () => {
    const core = testCore();
    const a = await core.invokeAsync('backups.create', { kind: 'manual' });
    const b = await core.invokeAsync('backups.create', { kind: 'manual' });
    const c = await core.invokeAsync('backups.create', { kind: 'auto' });
    expect([a.fileName, b.fileName, c.fileName]).toEqual([
      'chatterbox-manual-2026-11-27-120000.sqlite',
      'chatterbox-manual-2026-11-27-120000-2.sqlite',
      'chatterbox-auto-2026-11-27-120000-3.sqlite',
    ]);
    expect(core.invoke('backups.list', {}).map((x) => x.fileName)).toEqual([c.fileName, b.fileName, a.fileName]);
  });

  it('runs safely beside writes made while it copies', async () => {
    const core = testCore();
    const setting = acorn(core);
    for (let i = 0; i < 400; i++) {
      core.invoke('children.create', {
        settingId: setting.id,
        firstName: `Child${i}`,
        lastName: 'Lovelace'.repeat(6),
        dateOfBirth: '2023-03-01',
        sex: 'female',
      });
    }
    const pending = core.invokeAsync('backups.create', {});
    // Writes between the backup's steps (the online backup restarts or follows them).
    for (let i = 0; i < 20; i++) {
      await new Promise((r) => setImmediate(r));
      core.invoke('settings.create', { name: `Extra ${i}`, urn: `EY9${String(i).padStart(5, '0')}`, type: 'nursery' });
    }
    const info = await pending;
    expect(checkDatabase(info.path, { keys: testKeys }).ok).toBe(true);
  });

  it('is refused on the synchronous entry and refuses an unknown kind, naming the field', async () => {
    const core = testCore();
    expect(core.call('backups.create', {})).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    const error = await failureAsync(core, 'backups.create', { kind: 'weekly' });
    expect(error.code).toBe('VALIDATION');
    expect(error.issues?.[0]?.path).toEqual(['kind']);
  });

  it('removes stale partial files left by an interrupted backup, and never lists them', async () => {
    const core = testCore();
    const first = await core.invokeAsync('backups.create', {});
    const folder = backupFolderFor(core.context.databasePath);
    const stale = join(folder, 'chatterbox-auto-2026-11-20-120000.sqlite.partial');
    const fresh = join(folder, 'chatterbox-auto-2026-11-27-115959.sqlite.partial');
    writeFileSync(stale, 'half a backup');
    writeFileSync(fresh, 'a backup in progress elsewhere');
    const old = new Date(Date.now() - 2 * 60 * 60 * 1000);
    utimesSync(stale, old, old);
    expect(core.invoke('backups.list', {}).map((b) => b.fileName)).toEqual([first.fileName]);
    await core.invokeAsync('backups.create', {});
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(fresh)).toBe(true);
  });
});

describe('rotation and automatic backups', () => {
  it('keeps the newest automatic backups up to the configured count, and every manual one', async () => {
    const core = testCore();
    expect(core.invoke('backups.getSettings', {})).toMatchObject({ keep: 10, lastAutoBackupAt: null, autoBackupDue: true });
    expect(core.invoke('backups.configure', { keep: 3 }).keep).toBe(3);
    await core.invokeAsync('backups.create', { kind: 'manual' });
    for (let i = 0; i < 5; i++) await core.invokeAsync('backups.create', { kind: 'auto' });
    const names = core.invoke('backups.list', {}).map((b) => b.fileName);
    expect(names).toEqual([
      'chatterbox-auto-2026-11-27-120000-6.sqlite',
      'chatterbox-auto-2026-11-27-120000-5.sqlite',
      'chatterbox-auto-2026-11-27-120000-4.sqlite',
      'chatterbox-manual-2026-11-27-120000.sqlite',
    ]);
    // Numbering carries on after rotation removed the first ones.
    expect((await core.invokeAsync('backups.create', { kind: 'auto' })).fileName).toBe('chatterbox-auto-2026-11-27-120000-7.sqlite');
    expect(core.invoke('backups.list', {}).filter((b) => b.kind === 'auto')).toHaveLength(3);
  });

  it('backs up automatically when none was made in the last 24 hours', async () => {
    const core = testCore();
    // Two ticks at once (the start-up run and the timer) make one backup.
    const [first, twin] = await Promise.all([runAutoBackupIfDue(core, '2026-11-27T08:00:00.000Z'), runAutoBackupIfDue(core, '2026-11-27T08:00:00.000Z')]);
    expect(first?.fileName).toBe('chatterbox-auto-2026-11-27-080000.sqlite');
    expect(twin).toBeNull();
    expect(await runAutoBackupIfDue(core, '2026-11-27T09:00:00.000Z')).toBeNull();

    expect(await runAutoBackupIfDue(core, '2026-11-28T07:59:59.000Z')).toBeNull();
    const second = await runAutoBackupIfDue(core, '2026-11-28T08:00:00.000Z');
    expect(second?.fileName).toBe('chatterbox-auto-2026-11-28-080000.sqlite');
    // A clock that went backwards cannot be trusted to say a backup is recent.
    expect((await runAutoBackupIfDue(core, '2026-11-01T08:00:00.000Z'))?.kind).toBe('auto');
    // Manual backups do not count as the daily automatic one.
    await core.invokeAsync('backups.create', { kind: 'manual' });
    const settings = core.invoke('backups.getSettings', {});
    expect(settings.lastAutoBackupAt).toBe('2026-11-28T08:00:00Z');
    expect(settings.folder).toBe(backupFolderFor(core.context.databasePath));
    // The core's clock says 2026-11-27T12:00, before the newest automatic backup: due.
    expect(settings.autoBackupDue).toBe(true);
  });

  it('startAutoBackups makes the first one straight away, and stops when told', async () => {
    const core = testCore();
    const errors: unknown[] = [];
    const stop = startAutoBackups(core, { everyMs: 60_000, onError: (e) => errors.push(e) });
    try {
      for (let i = 0; i < 100 && core.invoke('backups.list', {}).length === 0; i++) await new Promise((r) => setTimeout(r, 20));
      expect(core.invoke('backups.list', {}).map((b) => b.kind)).toEqual(['auto']);
      expect(errors).toEqual([]);
    } finally {
      stop();
    }
  });

  it('runs backups asked for at the same time one after the other', async () => {
    const core = testCore();
    acorn(core);
    const made = await Promise.all([
      core.invokeAsync('backups.create', {}),
      core.invokeAsync('backups.create', { kind: 'auto' }),
      core.invokeAsync('backups.create', {}),
    ]);
    expect(new Set(made.map((b) => b.fileName)).size).toBe(3);
    for (const b of made) expect(checkDatabase(b.path, { keys: testKeys }).ok).toBe(true);
  });

  it('rotates by date across days, oldest first out', async () => {
    const core = testCore();
    core.invoke('backups.configure', { keep: 2 });
    for (const d of ['20', '21', '22', '23']) await runAutoBackupIfDue(core, `2026-11-${d}T08:00:00.000Z`);
    expect(core.invoke('backups.list', {}).map((b) => b.createdAt)).toEqual(['2026-11-23T08:00:00Z', '2026-11-22T08:00:00Z']);
  });

  it.each([
    [0, 'Keep at least 1 automatic backup'],
    [101, 'Keep at most 100 automatic backups'],
    [2.5, 'Enter a whole number of backups'],
    ['5', 'Enter how many automatic backups to keep'],
  ])('refuses keep = %j naming the field, writing nothing', async (keep, message) => {
    const core = testCore();
    const error = await failureAsync(core, 'backups.configure', { keep });
    expect(error.code).toBe('VALIDATION');
    expect(error.issues).toEqual([{ path: ['keep'], message }]);
  });
});

describe('backups.restore', () => {
  it('brings back the backup through the same Core, keeping the replaced database as a backup', async () => {
    const core = testCore();
    acorn(core);
    const backup = await core.invokeAsync('backups.create', {});
    acorn(core, 'Bramble', 'EY654321');
    const dbBefore = core.context.db;

    const result = await core.invokeAsync('backups.restore', { fileName: backup.fileName });
    expect(result.restoredFrom).toEqual(backup);
    expect(result.backupSchemaVersion).toBe(latestSchemaVersion);
    expect(result.safetyCopy).toMatchObject({ kind: 'before-restore', fileName: 'chatterbox-before-restore-2026-11-27-120000-2.sqlite' });
    expect(namesIn(result.safetyCopy.path)).toEqual(['Acorn', 'Bramble']);
    expect(checkDatabase(result.safetyCopy.path, { keys: testKeys }).ok).toBe(true);

    // The same Core object reads and writes the restored data.
    expect(core.context.db).not.toBe(dbBefore);
    expect(dbBefore.open).toBe(false);
    expect(settingNames(core)).toEqual(['Acorn']);
    acorn(core, 'Cedar', 'EY111111');
    expect(settingNames(core).sort()).toEqual(['Acorn', 'Cedar']);
    expect(core.context.db.pragma('journal_mode', { simple: true })).toBe('wal');
    // The backup restored from is still there, unchanged.
    expect(namesIn(backup.path)).toEqual(['Acorn']);
    expect(
      core
        .invoke('backups.list', {})
        .map((b) => b.kind)
        .sort(),
    ).toEqual(['before-restore', 'manual']);

    // And a restore can be undone by restoring the safety copy.
    await core.invokeAsync('backups.restore', { fileName: result.safetyCopy.fileName });
    expect(settingNames(core).sort()).toEqual(['Acorn', 'Bramble']);
  });

  it('refuses a damaged backup, changing nothing', { timeout: 120_000 }, async () => {
    const core = testCore();
    core.invoke('demo.load', {});
    const backup = await core.invokeAsync('backups.create', {});
    const bytes = readFileSync(backup.path);
    // Scribble over pages in the middle of the file (b-tree pages of the demo data).
    const pageSize = 4096;
    const middle = Math.floor(bytes.length / pageSize / 2) * pageSize;
    for (let i = middle; i < middle + 4 * pageSize; i++) bytes[i] = (i * 7919) % 251;
    writeFileSync(backup.path, bytes);
    const error = await failureAsync(core, 'backups.restore', { fileName: backup.fileName });
    expect(error.code).toBe('DATABASE');
    expect(error.message).toMatch(/cannot be restored\. It (failed SQLite's integrity check|is not a Chatterbox database or is badly damaged)/);
    expect(error.message).toMatch(/Nothing was changed/);
    expect(readdirSync(join(core.context.databasePath, '..')).filter((f) => f.includes('incoming'))).toEqual([]);
    expect(checkDatabase(backup.path, { keys: testKeys }).ok).toBe(false);
  });

  it.each([
    ['not SQLite at all', () => Buffer.from('PK\u0003\u0004 a spreadsheet, not a database'.repeat(200)), /not a Chatterbox database or is badly damaged/],
    ['another program’s database', () => sqliteFile((db) => db.exec('CREATE TABLE invoices (id INTEGER)')), /from another program/],
    ['an empty database', () => sqliteFile(() => undefined), /empty database/],
    [
      'from a newer Chatterbox',
      () => sqliteFile((db) => db.exec('CREATE TABLE settings (id TEXT); CREATE TABLE children (id TEXT); PRAGMA user_version = 99')),
      /newer version of Chatterbox \(schema 99/,
    ],
  ])('refuses a file that is %s, changing nothing', async (_label, make, message) => {
    const core = testCore();
    acorn(core);
    await core.invokeAsync('backups.create', {});
    const fileName = 'chatterbox-manual-2020-01-01-000000.sqlite';
    plantBackup(core, fileName, make());
    const error = await failureAsync(core, 'backups.restore', { fileName });
    expect(error.code).toBe('DATABASE');
    expect(error.message).toMatch(message);
  });

  it('refuses names that are not backups, and backups that do not exist, naming the field', async () => {
    const core = testCore();
    await core.invokeAsync('backups.create', {});
    for (const fileName of ['../test.sqlite', '/etc/passwd', 'chatterbox-manual-2026-11-27-120000.sqlite.partial', '']) {
      const error = await failureAsync(core, 'backups.restore', { fileName });
      expect(error.code, fileName).toBe('VALIDATION');
      expect(error.issues?.[0]?.path).toEqual(['fileName']);
    }
    const missing = await failureAsync(core, 'backups.restore', { fileName: 'chatterbox-manual-2001-01-01-000000.sqlite' });
    expect(missing).toMatchObject({ code: 'NOT_FOUND', issues: [{ path: ['fileName'] }] });
    expect(await failureAsync(core, 'backups.restore', {})).toMatchObject({ code: 'VALIDATION', issues: [{ path: ['fileName'] }] });
  });

  it('brings an older backup up to date with the migrations', async () => {
    const core = testCore();
    acorn(core);
    const file = sqliteFile((db) => {
      for (const m of migrationFiles.slice(0, 5)) db.exec(readMigration(m));
      db.pragma('user_version = 5');
      db.prepare(
        "INSERT INTO settings (id, name, urn, type, created_at, updated_at) VALUES ('6f1c2a52-9d1e-4b7a-8f2e-0a6c1d2e3f41', 'Old Oak', 'EY000001', 'nursery', 'x', 'x')",
      ).run();
    });
    await core.invokeAsync('backups.create', {});
    const fileName = 'chatterbox-manual-2025-01-01-000000.sqlite';
    plantBackup(core, fileName, file);
    const result = await core.invokeAsync('backups.restore', { fileName });
    expect(result.backupSchemaVersion).toBe(5);
    // A backup from before sign-in has no accounts: everyone is signed out, and the app asks for a first manager.
    expect(core.call('settings.list', {})).toMatchObject({ ok: false, error: { code: 'SIGN_IN_REQUIRED' } });
    expect(core.invoke('session.status', {}).firstRun).toBe(true);
    signInAs(core.localSession, addAccount(core, { userName: 'after-restore', role: 'manager' }));
    expect(settingNames(core)).toEqual(['Old Oak']);
    expect(core.invoke('app.info', {}).schemaVersion).toBe(latestSchemaVersion);
    expect(core.invoke('retention.policies', {})).toHaveLength(2);
  });

  it('refuses while another connection has the database open, and keeps working', async () => {
    const core = testCore();
    acorn(core);
    const backup = await core.invokeAsync('backups.create', {});
    acorn(core, 'Bramble', 'EY654321');
    const other = openFile(core.context.databasePath, { keys: testKeys });
    try {
      other.prepare('SELECT count(*) FROM settings').get();
      const result = await core.callAsync('backups.restore', { fileName: backup.fileName });
      expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
      expect(settingNames(core).sort()).toEqual(['Acorn', 'Bramble']);
      acorn(core, 'Cedar', 'EY111111');
      expect(settingNames(core)).toHaveLength(3);
    } finally {
      other.close();
    }
  });
});

function sqliteFile(build: (db: Database.Database) => void): Buffer {
  const path = join(tempDir(), 'made.sqlite');
  const db = new Database(path);
  build(db);
  db.close();
  return readFileSync(path);
}

describe('CLI functions: backupTo, checkDatabase, restoreFrom', () => {
  it('backupTo writes a checked copy anywhere, refusing to overwrite unless asked', async () => {
    const core = testCore();
    acorn(core);
    const out = join(tempDir(), 'usb', 'copy.sqlite');
    const check = await backupTo(core, out);
    expect(check).toMatchObject({ path: out, ok: true, schemaVersion: latestSchemaVersion, problems: [] });
    expect(namesIn(out)).toEqual(['Acorn']);
    await expect(backupTo(core, out)).rejects.toMatchObject({ code: 'CONFLICT' });
    acorn(core, 'Bramble', 'EY654321');
    await backupTo(core, out, { overwrite: true });
    expect(namesIn(out)).toEqual(['Acorn', 'Bramble']);
    await expect(backupTo(core, core.context.databasePath, { overwrite: true })).rejects.toMatchObject({ code: 'VALIDATION' });
  });

  it('checkDatabase reports a healthy database, and the problems of others', () => {
    const core = testCore();
    acorn(core);
    expect(checkDatabase(core.context.databasePath, { keys: testKeys })).toMatchObject({
      ok: true,
      schemaVersion: latestSchemaVersion,
      appSchemaVersion: latestSchemaVersion,
    });
    const dir = tempDir();
    expect(checkDatabase(join(dir, 'nothing.sqlite'), { keys: testKeys })).toMatchObject({ ok: false, problems: [expect.stringMatching(/no file/)] });
    writeFileSync(join(dir, 'junk.sqlite'), 'junk'.repeat(1000));
    expect(checkDatabase(join(dir, 'junk.sqlite'), { keys: testKeys })).toMatchObject({ ok: false, problems: [expect.stringMatching(/badly damaged/)] });
  });

  it('restoreFrom(core, file) restores any file into a running core', async () => {
    const core = testCore();
    acorn(core);
    const out = join(tempDir(), 'copy.sqlite');
    await backupTo(core, out);
    acorn(core, 'Bramble', 'EY654321');
    const outcome = await restoreFrom(core, out);
    expect(outcome.safetyCopy.kind).toBe('before-restore');
    expect(settingNames(core)).toEqual(['Acorn']);
    expect(existsSync(out)).toBe(true);
    // Core.replaceDatabase is the same operation.
    await core.replaceDatabase(outcome.safetyCopy.path);
    expect(settingNames(core).sort()).toEqual(['Acorn', 'Bramble']);
  });

  it('restoreFrom(path, file) restores into a closed database, even a damaged one', async () => {
    const dir = tempDir();
    const dbPath = join(dir, 'app.sqlite');
    const core = testCore({ path: dbPath });
    acorn(core);
    const out = join(dir, 'good.sqlite');
    await backupTo(core, out);
    core.close();
    const damaged = Buffer.from('this was a database once'.repeat(500));
    writeFileSync(dbPath, damaged);
    const outcome = await restoreFrom(dbPath, out, { keys: testKeys });
    expect(readFileSync(outcome.safetyCopy.path).equals(damaged)).toBe(true);
    const reopened = testCore({ path: dbPath });
    expect(settingNames(reopened)).toEqual(['Acorn']);
    expect(listBackups(backupFolderFor(dbPath)).map((b) => b.kind)).toEqual(['before-restore']);
  });

  it('restoreDatabaseFile keeps the writes of a crashed session in the safety copy', async () => {
    const dir = tempDir();
    const dbPath = join(dir, 'app.sqlite');
    const core = testCore({ path: dbPath });
    acorn(core);
    const out = join(dir, 'good.sqlite');
    await backupTo(core, out);
    acorn(core, 'Bramble', 'EY654321');
    // A crash: the -wal (holding Bramble) is left beside the file. Copy the set as it is now.
    const walCopy = readFileSync(`${dbPath}-wal`);
    const mainCopy = readFileSync(dbPath);
    core.close();
    writeFileSync(dbPath, mainCopy);
    writeFileSync(`${dbPath}-wal`, walCopy);
    const outcome = await restoreDatabaseFile(dbPath, out, { keys: testKeys });
    expect(namesIn(outcome.safetyCopy.path)).toEqual(['Acorn', 'Bramble']);
    expect(checkDatabase(outcome.safetyCopy.path, { keys: testKeys }).ok).toBe(true);
    expect(namesIn(dbPath)).toEqual(['Acorn']);
  });

  it('restoreDatabaseFile works after "chatterbox check" left empty -wal/-shm files beside the database', async () => {
    const dir = tempDir();
    const dbPath = join(dir, 'app.sqlite');
    const core = testCore({ path: dbPath });
    acorn(core);
    const out = join(dir, 'good.sqlite');
    await backupTo(core, out);
    acorn(core, 'Bramble', 'EY654321');
    core.close();
    expect(checkDatabase(dbPath, { keys: testKeys }).ok).toBe(true);
    const outcome = await restoreDatabaseFile(dbPath, out, { keys: testKeys });
    expect(namesIn(outcome.safetyCopy.path)).toEqual(['Acorn', 'Bramble']);
    expect(namesIn(dbPath)).toEqual(['Acorn']);
  });

  it('restoreDatabaseFile refuses while the database is open elsewhere, changing nothing', async () => {
    const dir = tempDir();
    const dbPath = join(dir, 'app.sqlite');
    const core = testCore({ path: dbPath });
    acorn(core);
    const out = join(dir, 'good.sqlite');
    await backupTo(core, out);
    acorn(core, 'Bramble', 'EY654321');
    await expect(restoreDatabaseFile(dbPath, out, { keys: testKeys })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(settingNames(core).sort()).toEqual(['Acorn', 'Bramble']);
    expect(listBackups(backupFolderFor(dbPath))).toEqual([]);
  });
});

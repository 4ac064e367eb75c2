import { copyFileSync, existsSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors.js';
import { checkDatabase } from '../../electron/core/db/check.js';
import { rotateBackups } from '../../electron/core/io/backup-folder.js';
import { restoreDatabaseFile } from '../../electron/core/services/backups/restore.js';
import { tempDir, testCore, testKeys } from '../support/core.js';

// A missing or empty database file beside a backups folder is a lost database, not a first run:
// the app refuses to start, naming the file and the newest backup that passes its check.

async function databaseWithBackups(): Promise<{ path: string; backups: string[] }> {
  const path = join(tempDir(), 'chatterbox.sqlite');
  const core = testCore({ path });
  core.invoke('settings.create', { name: 'Acorn', urn: 'EY123456', type: 'nursery' });
  const older = await core.invokeAsync('backups.create', { kind: 'manual' });
  core.invoke('settings.create', { name: 'Bramble', urn: 'EY654321', type: 'nursery' });
  const newer = await core.invokeAsync('backups.create', { kind: 'auto' });
  core.close();
  return { path, backups: [newer.path, older.path] };
}

function refusal(path: string): AppError {
  try {
    testCore({ path });
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('the core should have refused to open');
}

describe('a lost database', () => {
  it('that is empty (0 bytes) is refused, naming the file and the newest good backup, and left as it is', { timeout: 120_000 }, async () => {
    const { path, backups } = await databaseWithBackups();
    writeFileSync(path, '');
    const err = refusal(path);
    expect(err.code).toBe('DATABASE');
    expect(err.message).toBe(
      `The database file ${path} is empty (0 bytes), but Chatterbox has kept backups of it. A new, empty database was not created in its place. ` +
        `The newest backup that passed its check is ${backups[0]!.split('/').pop()} (made 27/11/2026 at 12:00, UTC): restore it with the command: chatterbox restore "${backups[0]}".`,
    );
    expect(statSync(path).size).toBe(0);

    // Doing what the message says brings the data back.
    await restoreDatabaseFile(path, backups[0]!, { keys: testKeys });
    expect(
      testCore({ path })
        .invoke('settings.list', {})
        .map((s) => s.name),
    ).toEqual(['Acorn', 'Bramble']);
  });

  it('that is missing is refused, and no file is created', { timeout: 120_000 }, async () => {
    const { path, backups } = await databaseWithBackups();
    rmSync(path);
    rmSync(`${path}-wal`, { force: true });
    rmSync(`${path}-shm`, { force: true });
    expect(refusal(path).message).toMatch(new RegExp(`^There is no database file at ${path}, but .* copy it to ${path}\\.$`));
    expect(refusal(path).message).toContain(backups[0]!.split('/').pop()!);
    expect(existsSync(path)).toBe(false);
  });

  it('names the newest backup that passes its check, passing over a damaged one', { timeout: 120_000 }, async () => {
    const { path, backups } = await databaseWithBackups();
    writeFileSync(backups[0]!, 'not a database any more');
    writeFileSync(path, '');
    const message = refusal(path).message;
    expect(message).toContain(`The newest backup that passed its check is ${backups[1]!.split('/').pop()}`);
  });

  it('with no backup that passes its check says so, and creates nothing', { timeout: 120_000 }, async () => {
    const { path, backups } = await databaseWithBackups();
    for (const b of backups) writeFileSync(b, '');
    writeFileSync(path, '');
    expect(refusal(path).message).toMatch(
      /is empty \(0 bytes\), and none of the backups in .* passed its check\. Chatterbox has not created a new, empty database/,
    );
    expect(statSync(path).size).toBe(0);
  });

  it('is not assumed where no backups folder exists: a new database is created there', () => {
    const path = join(tempDir(), 'new.sqlite');
    writeFileSync(path, '');
    expect(testCore({ path }).invoke('settings.list', {})).toEqual([]);
  });
});

describe('rotation', () => {
  it('never deletes the newest backup that passes its check, even when it is due to rotate out', { timeout: 120_000 }, async () => {
    const { path, backups } = await databaseWithBackups();
    const folder = join(path, '..', 'backups');
    // Two before-restore copies: the older good, the newer of a damaged database.
    const good = join(folder, 'chatterbox-before-restore-2026-11-28-090000.sqlite');
    const damaged = join(folder, 'chatterbox-before-restore-2026-11-29-090000.sqlite');
    copyFileSync(backups[0]!, good);
    writeFileSync(damaged, 'the bytes of a damaged database');
    for (const b of backups) rmSync(b);
    const isGood = (b: { path: string }) => checkDatabase(b.path, { keys: testKeys }).ok;

    rotateBackups(folder, 'before-restore', 1, isGood);
    expect(readdirSync(folder).sort()).toEqual([good, damaged].map((f) => f.split('/').pop()).sort());

    // Once a newer good copy exists, the older one rotates out as usual.
    const newer = join(folder, 'chatterbox-before-restore-2026-11-30-090000.sqlite');
    copyFileSync(good, newer);
    rotateBackups(folder, 'before-restore', 1, isGood);
    expect(readdirSync(folder)).toEqual([newer.split('/').pop()]);
  });
});

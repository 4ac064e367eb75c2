import Database from 'better-sqlite3-multiple-ciphers';
import { existsSync, readdirSync, rmSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../electron/core/context.js';
import { createCore } from '../../electron/core/core.js';
import { checkDatabase } from '../../electron/core/db/check.js';
import { backupFolderFor, listBackups } from '../../electron/core/io/backup-folder.js';
import { createBackup } from '../../electron/core/services/backups/create.js';
import { importRows, inspect, kills, randomDelay, runChild, seedDatabase, useChildScript } from './support.js';

// Proof that a crash loses nothing (see support.ts and child-entry.ts). A child process running
// the real core is killed with SIGKILL at random moments:
// - during an import of `importRows` children (the real imports.run, one transaction): the
//   database must then hold all of that import or none of it, every time;
// - during a backup of a database of some size: the database must be untouched, and the backups
//   folder may hold only finished backups that pass every check, plus ".partial" files the app
//   never lists (and removes later).
// The two run side by side (each mostly waits on its child), on separate databases.

const work = useChildScript();

describe.concurrent('SIGKILL at random moments', () => {
  it(`loses nothing during an import of ${importRows} children (${kills} kills)`, async () => {
    const path = join(work.dir(), 'import.sqlite');
    seedDatabase(path, 0);
    // One run to the end: how long an import takes once the database is open.
    const full = await runChild(['import', path, String(importRows)], null);
    expect(full.stderr).toBe('');
    expect(full.done).toBe(true);
    let before = inspect(path).children;
    expect(before).toBe(importRows);
    const tally = { killedBeforeCommit: 0, killedAfterCommit: 0, finished: 0 };
    for (let i = 0; i < kills; i++) {
      const run = await runChild(['import', path, String(importRows)], randomDelay(full.ms * 1.1));
      const after = inspect(path);
      expect([before, before + importRows], `kill ${i + 1}: all of the import or none of it`).toContain(after.children);
      for (const batch of after.batches) expect(batch, 'every import batch is whole').toBe(importRows);
      if (run.done) expect(after.children).toBe(before + importRows);
      if (!run.killed) tally.finished++;
      else if (after.children === before) tally.killedBeforeCommit++;
      else tally.killedAfterCommit++;
      before = after.children;
    }
    console.log(`import: ${kills} runs, one run ${Math.round(full.ms)} ms:`, tally);
    expect(tally.killedBeforeCommit, 'most kills should land inside the import').toBeGreaterThan(0);
  }, 900_000); // 25 kills and reopenings: minutes on a loaded 2-core machine.

  it(`leaves only finished, checked backups when killed during a backup (${kills} kills)`, async () => {
    const path = join(work.dir(), 'backup.sqlite');
    seedDatabase(path, 8_000);
    const folder = backupFolderFor(path);
    const expected = inspect(path).children;
    const full = await runChild(['backup', path], null);
    expect(full.stderr).toBe('');
    expect(full.done).toBe(true);
    const tally = { killed: 0, finished: 0, finishedBackups: 0, partialFilesLeft: 0 };
    let finishedBackups = 0;
    for (let i = 0; i < kills; i++) {
      const run = await runChild(['backup', path], randomDelay(full.ms * 1.1));
      expect(inspect(path).children, `kill ${i + 1}: the database is untouched`).toBe(expected);
      // Every listed backup must be whole; each is deleted once proved (disk space, and a
      // later backup may take the same name again).
      const listed = listBackups(folder);
      if (run.done) expect(listed.length).toBeGreaterThan(0);
      for (const backup of listed) {
        const check = checkDatabase(backup.path);
        expect(check.problems, `${backup.fileName} after kill ${i + 1}`).toEqual([]);
        const copy = new Database(backup.path, { readonly: true, fileMustExist: true });
        expect((copy.prepare('SELECT count(*) AS n FROM children').get() as { n: number }).n).toBe(expected);
        copy.close();
        finishedBackups++;
        rmSync(backup.path);
      }
      // Anything else in the folder is an unfinished ".partial" file that the app never lists.
      const others = existsSync(folder) ? readdirSync(folder) : [];
      for (const f of others) expect(f).toMatch(/\.partial(-wal|-shm|-journal)?$/);
      tally.partialFilesLeft = others.length;
      if (run.killed) tally.killed++;
      else tally.finished++;
    }
    tally.finishedBackups = finishedBackups;
    // The next backup in the app clears partial files once they are over an hour old.
    const old = new Date(Date.now() - 2 * 60 * 60 * 1000);
    for (const f of readdirSync(folder)) utimesSync(join(folder, f), old, old);
    const core = createCore({ localAdmin: 'tester', databasePath: path, clock: fixedClock('2026-11-27') });
    try {
      const made = await createBackup(core.context, 'manual');
      expect(readdirSync(folder)).toEqual([made.fileName]);
    } finally {
      core.close();
    }
    console.log(`backup: ${kills} runs, one backup ${Math.round(full.ms)} ms:`, tally);
    expect(tally.killed).toBeGreaterThan(0);
  }, 900_000); // 25 kills and reopenings: minutes on a loaded 2-core machine.
});

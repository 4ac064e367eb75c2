import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { AppError } from '../../../../shared/errors.js';
import type { BackupInfo, RestoreResult } from '../../../../shared/schemas/backups.js';
import type { CoreContext } from '../../context.js';
import { checkDatabase, checkOpenDatabase, type Checked } from '../../db/check.js';
import { rekeyPragmas } from '../../db/cipher.js';
import { describeSqliteError, openDatabase, openFile, openFileWithKey, type OpenOptions } from '../../db/connection.js';
import { backupFolderFor, backupInfoFor, freshBackupName, listBackups, rotateBackups } from '../../io/backup-folder.js';
import { fsyncFile, fsyncFolder, removeFileSet } from '../../io/durable.js';
import type { HasContext } from './create.js';
import { backupsToKeep } from './policy.js';
import { purgeFile, readPurgeLog, type PurgeLog } from './purges.js';

// Restore: a checked copy of a file takes the database's place, and the database it replaces is
// kept as a "before-restore" backup. One procedure (replaceDatabaseFile), two ways in:
// - restoreInto: a running core closes its connection around the swap and opens the restored
//   file in its place, so every holder of the core reads the restored data on its next call;
// - restoreDatabaseFile: `chatterbox restore` on a database no core has open, which may be too
//   damaged to open at all (when a restore is needed most).
// Both make the safety copy from the closed file, byte for byte, so a damaged database is kept as
// it was and the writes of a crashed session (left in its -wal) are kept too.

export interface RestoreOutcome {
  safetyCopy: BackupInfo;
  backupSchemaVersion: number;
}

interface Staged {
  path: string;
  schemaVersion: number;
}

/**
 * Copies the file to restore beside the database (with its -wal, if it has one), and checks the
 * copy: the file chosen is never opened for writing, and nothing of the live database is touched
 * until the copy has passed.
 */
function stageCandidate(candidatePath: string, databasePath: string, options: OpenOptions, purges: PurgeLog): Staged {
  const name = basename(candidatePath);
  if (!existsSync(candidatePath) || !statSync(candidatePath).isFile()) throw new AppError('NOT_FOUND', `There is no file at ${candidatePath}`);
  const staged = join(dirname(databasePath), `.${basename(databasePath)}.incoming.partial`);
  removeFileSet(staged);
  try {
    copyFileSync(candidatePath, staged);
    if (existsSync(`${candidatePath}-wal`)) copyFileSync(`${candidatePath}-wal`, `${staged}-wal`);
    let checked: Checked;
    try {
      const { db, key } = openFileWithKey(staged, options);
      try {
        checked = checkOpenDatabase(db);
        if (checked.problems.length === 0) {
          db.pragma('journal_mode = DELETE');
          // A backup made before a key change (or before the database was encrypted) takes the
          // current key, so the restored database opens as the app opens it. Not in WAL mode,
          // where SQLite3 Multiple Ciphers cannot rekey safely.
          if (options.keys && key !== options.keys.key) for (const p of rekeyPragmas(options.keys.key)) db.pragma(p);
        }
      } finally {
        db.close();
      }
    } catch (err) {
      checked = { problems: [`It cannot be opened (${describeSqliteError(err)}).`], schemaVersion: null };
    }
    if (checked.problems.length > 0 || checked.schemaVersion === null) {
      throw new AppError('DATABASE', `${name} cannot be restored. ${checked.problems.join(' ')} Nothing was changed.`);
    }
    // Children purged from the database being replaced are deleted from the copy before it takes
    // its place: restoring an older backup never undoes a retention purge.
    if (purges.length > 0) purgeFile(staged, options, purges);
    fsyncFile(staged);
    return { path: staged, schemaVersion: checked.schemaVersion };
  } catch (err) {
    removeFileSet(staged);
    throw err;
  }
}

/** What differs between the two ways in. */
interface Swap {
  /** Every file is opened with these: the connection's addon (and, later, its key). */
  options: OpenOptions;
  /** For the safety copy's name. */
  now: string;
  /** The refusal when another program has the database open. */
  inUse: string;
  /**
   * Runs `work` with the database closed; `open` opens the restored file as the app opens it,
   * throwing if it cannot (a running core keeps the connection it opens).
   */
  whileClosed(work: (open: () => void) => void): void;
}

/**
 * 1. the candidate is copied and checked (integrity, a Chatterbox database, not from the future);
 * 2. with the database closed, it is kept as it is as a before-restore backup;
 * 3. the checked copy is renamed over the database file (atomic), and the database opened as the
 *    app opens it (older backups are migrated forward). If it cannot be opened, the safety copy
 *    is put back.
 */
function replaceDatabaseFile(databasePath: string, candidatePath: string, swap: Swap): RestoreOutcome {
  const dbPath = resolve(databasePath);
  if (!existsSync(dbPath)) {
    throw new AppError('NOT_FOUND', `There is no database at ${dbPath} to restore into. Open Chatterbox once to create it, or copy the backup there yourself.`);
  }
  const staged = stageCandidate(candidatePath, dbPath, swap.options, readPurgeLog(dbPath, swap.options));
  try {
    const folder = backupFolderFor(dbPath);
    mkdirSync(folder, { recursive: true });
    const safetyName = freshBackupName(folder, 'before-restore', swap.now);
    const safetyPath = join(folder, safetyName);
    swap.whileClosed((open) => {
      keepSafetyCopy(dbPath, safetyPath, swap);
      rmSync(`${dbPath}-wal`, { force: true });
      rmSync(`${dbPath}-shm`, { force: true });
      renameSync(staged.path, dbPath);
      fsyncFolder(dirname(dbPath));
      try {
        open();
      } catch (err) {
        copyBack(safetyPath, dbPath);
        throw new AppError('DATABASE', `The restored database could not be opened (${describeSqliteError(err)}). The database was put back as it was.`);
      }
    });
    return { safetyCopy: backupInfoFor(folder, safetyName), backupSchemaVersion: staged.schemaVersion };
  } finally {
    removeFileSet(staged.path);
  }
}

/**
 * Copies the closed database to the safety copy as it is (it may be too damaged for the backup
 * API), with its -wal folded in when it can be, so it is one file like every other backup.
 * Refuses, keeping nothing, when another program has the database open.
 */
function keepSafetyCopy(dbPath: string, safetyPath: string, swap: Swap): void {
  const partial = `${safetyPath}.partial`;
  removeFileSet(partial);
  copyFileSync(dbPath, partial);
  if (existsSync(`${dbPath}-wal`)) copyFileSync(`${dbPath}-wal`, `${partial}-wal`);
  // If -shm survives our own open and close, someone else has the database open (the last
  // connection to close removes it), and swapping the file would lose their writes.
  try {
    const probe = openFile(dbPath, swap.options);
    try {
      probe.prepare('SELECT count(*) FROM sqlite_master').get(); // a read opens (and recovers) the -wal
    } finally {
      probe.close();
    }
  } catch {
    // Too damaged to open: nobody else can be using it either.
  }
  if (existsSync(`${dbPath}-shm`)) {
    removeFileSet(partial);
    throw new AppError('CONFLICT', swap.inUse);
  }
  try {
    const copy = openFile(partial, swap.options);
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
  } catch {
    // Damaged: keep the bytes as they were.
  }
  fsyncFile(partial);
  renameSync(partial, safetyPath);
  if (existsSync(`${partial}-wal`)) renameSync(`${partial}-wal`, `${safetyPath}-wal`);
}

function copyBack(from: string, databasePath: string): void {
  const partial = `${databasePath}.putback.partial`;
  copyFileSync(from, partial);
  fsyncFile(partial);
  removeFileSet(databasePath);
  renameSync(partial, databasePath);
  fsyncFolder(dirname(databasePath));
}

/** Replaces a running core's database with a copy of `candidatePath`, in place (Core.replaceDatabase). */
export function restoreInto(ctx: CoreContext, candidatePath: string): Promise<RestoreOutcome> {
  const connection = ctx.connection;
  return connection.exclusive(async () => {
    if (ctx.databasePath === ':memory:') throw new AppError('DATABASE', 'A database held in memory cannot be restored into');
    const outcome = replaceDatabaseFile(ctx.databasePath, candidatePath, {
      options: connection.options,
      now: ctx.clock.now(),
      inUse: 'The database is open in another program (another Chatterbox window or command?). Close it and try again. Nothing was changed.',
      whileClosed: (work) => connection.whileClosed(work),
    });
    // The safety copy may be of a damaged database: each candidate for the last good backup is checked.
    rotateBackups(backupFolderFor(ctx.databasePath), 'before-restore', backupsToKeep(ctx), (b) => checkDatabase(b.path, connection.options).ok);
    return outcome;
  });
}

/** backups.restore: restores one of the backups in the folder, by name. */
export async function restoreBackup(ctx: CoreContext, fileName: string): Promise<RestoreResult> {
  const folder = backupFolderFor(ctx.databasePath);
  const restoredFrom = listBackups(folder).find((b) => b.fileName === fileName);
  if (!restoredFrom)
    throw new AppError('NOT_FOUND', `There is no backup called ${fileName}`, [{ path: ['fileName'], message: 'Choose one of the backups in the list' }]);
  const outcome = await restoreInto(ctx, restoredFrom.path);
  return { restoredFrom, ...outcome };
}

/**
 * `chatterbox restore FILE` while no core has the database open. No backups are rotated: the
 * number to keep is a setting inside a database that may be too damaged to read.
 */
export async function restoreDatabaseFile(databasePath: string, candidatePath: string, options: OpenOptions = {}): Promise<RestoreOutcome> {
  return replaceDatabaseFile(databasePath, candidatePath, {
    options,
    now: new Date().toISOString(),
    inUse: 'The database is open in another program (is Chatterbox running?). Close it, or restore from inside the app. Nothing was changed.',
    // No connection to close: the restored file is opened once, as the app will open it, to be sure it can be.
    whileClosed: (work) => work(() => openDatabase(resolve(databasePath), options).close()),
  });
}

/** For the CLI: restore into a running core, or into a database file no core has open. */
export function restoreFrom(target: HasContext | string, file: string, options: OpenOptions = {}): Promise<RestoreOutcome> {
  return typeof target === 'string' ? restoreDatabaseFile(target, file, options) : restoreInto(target.context, file);
}

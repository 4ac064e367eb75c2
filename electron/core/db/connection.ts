import Database from 'better-sqlite3';
import { accessSync, constants, existsSync, mkdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { Worker } from 'node:worker_threads';
import { AppError } from '../../../shared/errors.js';
import { environmentError } from './errors.js';
import type { IntegrityState } from '../../../shared/schemas/app.js';
import { latestSchemaVersion, migrationFiles, readMigration } from './migrations.js';

// The one owner of SQLite connections. Every file the app opens with better-sqlite3 (its own
// database, backup copies, restore candidates, read-only checks, probes) is opened here, so each
// gets the same native addon and, once encryption at rest comes, the same key. The live
// connection of a core is a Connection: opened, swapped on restore and closed here only.

export type Db = Database.Database;

export interface OpenOptions {
  /** Electron needs a build of the addon for its own ABI; Node uses the default one. */
  nativeBinding?: string;
}

/** The only `new Database(`: what every connection shares is added in this one place. */
function connect(path: string, options: OpenOptions, settings: Database.Options = {}): Db {
  return new Database(path, { ...settings, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) });
}

/**
 * Opens an existing SQLite file as it is, with no pragmas and no migrations: for checks, copies
 * and probes of files that are not (or not yet) the app's database. Read-only for checks that
 * must not change the file.
 */
export function openFile(path: string, options: OpenOptions, mode: { readonly?: boolean } = {}): Db {
  return connect(path, options, { fileMustExist: true, readonly: mode.readonly ?? false });
}

/**
 * Opens (or creates) the app's database, refusing damaged files and files from a newer version
 * of the app before writing anything, then applies pending migrations in one transaction.
 */
export function openDatabase(path: string, options: OpenOptions = {}): Db {
  const isNew = path === ':memory:' || !existsSync(path);
  if (path !== ':memory:') {
    try {
      mkdirSync(dirname(path), { recursive: true });
    } catch (err) {
      throw environmentError(err, dirname(path)) ?? err;
    }
  }
  // A file that cannot be written is opened read-only on purpose (app.info says readOnly), so
  // people can still look at their records and the app can say why nothing saves, instead of
  // SQLite quietly opening it read-only and every write failing as a generic error.
  const readonly = !isNew && !writable(path);
  let db: Db;
  try {
    db = connect(path, options, readonly ? { readonly: true } : {});
  } catch (err) {
    const environment = environmentError(err, path);
    if (environment) throw environment;
    throw new AppError('DATABASE', `Chatterbox cannot open ${path} (${describeSqliteError(err)}). Check the file exists and can be read.`);
  }
  try {
    if (!isNew) checkBeforeWriting(db, path);
    if (readonly) {
      if (userVersion(db) < latestSchemaVersion) {
        throw new AppError(
          'DATABASE',
          `The database ${path} needs updating for this version of Chatterbox, but the file is read-only. Make it writable, then start Chatterbox again.`,
        );
      }
      db.pragma('busy_timeout = 5000');
      return db;
    }
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // Children's records are special category data: deleted rows are overwritten, not left
    // readable in free pages of the file.
    db.pragma('secure_delete = ON');
    // NORMAL is safe in WAL mode (no corruption on power loss, at worst the last commit is lost)
    // and makes each write transaction much cheaper than FULL.
    db.pragma('synchronous = NORMAL');
    // 64 MB of page cache (the default is 2 MB): one round of a local authority's results is
    // tens of megabytes, and dashboards read it again and again.
    db.pragma('cache_size = -65536');
    migrate(db);
    return db;
  } catch (err) {
    db.close();
    throw environmentError(err, path) ?? err;
  }
}

/** Whether this process may write the file (false for read-only bits, read-only mounts, immutable files). */
function writable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

// The full check runs in a worker thread, so a large database (27 s at ten local authorities'
// size) never stops the app answering. The worker opens the file read-only with the same options
// as connect() above: its code is kept here, as source, because a worker cannot load this
// module's TypeScript under the tests, and so that both openers change together.
const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.modulePath);
let db;
try {
  db = new Database(workerData.path, { readonly: true, fileMustExist: true, ...(workerData.nativeBinding ? { nativeBinding: workerData.nativeBinding } : {}) });
  parentPort.postMessage({ lines: db.pragma('integrity_check').map((r) => r.integrity_check) });
} catch (err) {
  parentPort.postMessage({ error: err instanceof Error ? err.message : String(err) });
} finally {
  if (db) db.close();
}
`;

/**
 * better-sqlite3 for the worker: the copy this process has loaded already (a bundled core, as the
 * crash tests run it, imports it by absolute path from anywhere), else found from this module.
 */
function addonModule(): string {
  const require = createRequire(import.meta.url);
  const loaded = Object.keys(require.cache).find((k) => /[\\/]better-sqlite3[\\/]lib[\\/]index\.js$/.test(k));
  return loaded ?? require.resolve('better-sqlite3');
}

/** A full integrity check of a file, off the main thread; stop() ends it early (its promise then never settles). */
export function fullCheckInBackground(path: string, options: OpenOptions): { result: Promise<string[]>; stop(): void; unref(): void } {
  const worker = new Worker(workerSource, {
    eval: true,
    workerData: { path, nativeBinding: options.nativeBinding, modulePath: addonModule() },
  });
  const result = new Promise<string[]>((resolve, reject) => {
    worker.once('message', (m: { lines?: string[]; error?: string }) => {
      if (m.lines) resolve(m.lines);
      else reject(new AppError('DATABASE', `The file ${path} could not be checked (${m.error ?? 'unknown error'}).`));
    });
    worker.once('error', reject);
  });
  // A failed check is reported by whoever awaits it, never as unhandled.
  result.catch(() => undefined);
  return { result, stop: () => void worker.terminate(), unref: () => void worker.unref() };
}

/** SQLite's integrity check, one line a problem; ['ok'] when there are none. */
export function integrityCheck(db: Db): string[] {
  return (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
}

export function tableNames(db: Db): Set<string> {
  return new Set((db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name));
}

/**
 * SQLite's quick check: the same as integrity_check but without matching every index against its
 * table, so it takes a fraction of the time on a large file (the full check runs in the background
 * after open, see fullCheckInBackground).
 */
export function quickCheck(db: Db): string[] {
  return (db.pragma('quick_check') as { quick_check: string }[]).map((r) => r.quick_check);
}

/** Read-only checks on an existing file: it must be SQLite, intact, and not from the future. */
function checkBeforeWriting(db: Db, path: string): void {
  let result: string[];
  try {
    result = quickCheck(db);
  } catch (err) {
    // A folder that cannot be written (no room for the -shm file) or a lock held by another
    // program is not damage: saying "restore a backup" would push someone into an unneeded restore.
    const environment = environmentError(err, path);
    if (environment) throw environment;
    throw new AppError(
      'DATABASE',
      `The file ${path} is not a Chatterbox database or is badly damaged (${describeSqliteError(err)}). ` +
        'Nothing was changed. Restore a backup, or choose another file.',
    );
  }
  if (result.length !== 1 || result[0] !== 'ok') {
    const detail = result.slice(0, 3).join('; ');
    throw new AppError('DATABASE', `The database ${path} failed its integrity check (${detail}). Nothing was changed. Restore a backup.`);
  }
  const version = userVersion(db);
  // Version 0 with tables in it is some other program's database: adding ours would change a
  // file that is not ours (and switch it to WAL).
  if (version === 0 && tableNames(db).size > 0) {
    throw new AppError('DATABASE', `The file ${path} is an SQLite database from another program, not Chatterbox. Nothing was changed. Choose another file.`);
  }
  if (version > latestSchemaVersion) {
    throw new AppError(
      'DATABASE',
      `The database ${path} was written by a newer version of Chatterbox (schema ${version}; this version knows up to ${latestSchemaVersion}). ` +
        'Nothing was changed. Update Chatterbox to open it.',
    );
  }
}

function migrate(db: Db): void {
  const from = userVersion(db);
  if (from >= latestSchemaVersion) return;
  // One transaction for all pending migrations: a crash half way leaves the old schema intact.
  db.transaction(() => {
    for (let v = from; v < latestSchemaVersion; v++) {
      const file = migrationFiles[v];
      if (!file) throw new Error(`Migration ${v + 1} is missing from the list`);
      db.exec(readMigration(file));
    }
    db.pragma(`user_version = ${latestSchemaVersion}`);
  }).immediate();
}

export function userVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function describeSqliteError(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/**
 * A core's live database. `db` and `repos` always name the current connection: a restore swaps
 * both in place (whileClosed), so every holder of the core reads the restored data on its next
 * call. Work that copies or replaces the file queues through `exclusive`.
 */
export interface Connection<Repos> {
  /** As given: ':memory:' for a database held in memory. */
  readonly path: string;
  /** What every file is opened with, for work on files beside this one (backups, candidates). */
  readonly options: OpenOptions;
  readonly db: Db;
  readonly repos: Repos;
  /** openFile with this connection's options. */
  openFile(path: string, mode?: { readonly?: boolean }): Db;
  /**
   * Runs work one at a time: backups and restores run outside the per-call transaction and
   * await in between, so two at once could copy a file the other is replacing.
   */
  exclusive<T>(work: () => Promise<T>): Promise<T>;
  /**
   * Closes the database while `work` replaces the file, then opens it again as the app opens
   * it. `work` may call `reopen` itself, to learn whether the new file opens; if it throws or
   * does not reopen, the file is opened again afterwards whatever happened, so the core always
   * holds an open database. Synchronous, so no call can arrive while the database is closed.
   */
  whileClosed<T>(work: (reopen: () => void) => T): T;
  /** What the background full check of the database found so far. */
  readonly integrity: IntegrityState;
  /** Starts the full check again in the background (after a backup); a check still running is stopped. */
  checkInBackground(): void;
  close(): void;
}

/** What the app says about the background check, in the words the banner shows. */
export function integrityFrom(lines: readonly string[]): IntegrityState {
  if (lines.length === 1 && lines[0] === 'ok') return { state: 'ok', message: 'The database passed its full check.' };
  return {
    state: 'problem',
    message:
      `The database file failed its full check (${lines.slice(0, 3).join('; ')}). Your records may be damaged: ` +
      'make no more changes, and restore the newest backup from the Backups page.',
  };
}

/** Opens the database at `path`; `reposFor` builds the repositories over each connection opened. */
export function openConnection<Repos>(path: string, options: OpenOptions, reposFor: (db: Db) => Repos): Connection<Repos> {
  // Only what opening a file needs: callers pass their whole options object.
  const fileOptions: OpenOptions = options.nativeBinding ? { nativeBinding: options.nativeBinding } : {};
  // A new file has nothing to check; an existing one passed the quick check at open.
  const existed = path !== ':memory:' && existsSync(path) && statSync(path).size > 0;
  let db = openDatabase(path, fileOptions);
  let repos = reposFor(db);
  let queue: Promise<unknown> = Promise.resolve();
  let integrity: IntegrityState = { state: 'ok', message: 'The database passed its check.' };
  let running: { stop(): void } | null = null;
  // Only the latest check may report: one stopped by a restore or a newer check is ignored.
  let generation = 0;
  const checkInBackground = (): void => {
    if (path === ':memory:') return;
    running?.stop();
    const mine = ++generation;
    integrity = { state: 'checking', message: 'Checking the database in the background.' };
    const check = fullCheckInBackground(path, fileOptions);
    // The live database's check must not keep a command-line run alive once its work is done.
    check.unref();
    running = check;
    check.result.then(
      (lines) => {
        if (mine === generation) integrity = integrityFrom(lines);
      },
      (err: unknown) => {
        if (mine === generation) integrity = integrityFrom([describeSqliteError(err)]);
      },
    );
  };
  const stopCheck = (): void => {
    generation++;
    running?.stop();
    running = null;
  };
  const reopen = (): void => {
    const next = openDatabase(path, fileOptions);
    db = next;
    repos = reposFor(next);
    checkInBackground();
  };
  if (existed) checkInBackground();
  return {
    path,
    options: fileOptions,
    get db() {
      return db;
    },
    get repos() {
      return repos;
    },
    openFile: (file, mode) => openFile(file, fileOptions, mode),
    exclusive<T>(work: () => Promise<T>): Promise<T> {
      const next = queue.then(work, work);
      queue = next.catch(() => undefined);
      return next;
    },
    whileClosed<T>(work: (reopen: () => void) => T): T {
      // Closing a database held in memory would lose it.
      if (path === ':memory:') throw new AppError('DATABASE', 'A database held in memory cannot be closed and opened again');
      stopCheck();
      db.close();
      try {
        return work(reopen);
      } finally {
        if (!db.open) reopen();
      }
    },
    get integrity() {
      return integrity;
    },
    checkInBackground,
    close: () => {
      stopCheck();
      db.close();
    },
  };
}

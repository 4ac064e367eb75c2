import Database from 'better-sqlite3-multiple-ciphers';
import { accessSync, constants, existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { AppError } from '../../../shared/errors.js';
import { fullCheckInBackground } from './background.js';
import { applyKey, isNotADatabase, isPlainSqliteFile, wrongKeyError, type KeyRing } from './cipher.js';
import { environmentError } from './errors.js';
import type { IntegrityState } from '../../../shared/schemas/app.js';
import { latestSchemaVersion, migrationFiles, readMigration } from './migrations.js';

// The one owner of SQLite connections. Every file the app opens with better-sqlite3 (its own
// database, backup copies, restore candidates, read-only checks, probes) is opened here, so each
// gets the same native addon and the same key (cipher.ts). The live connection of a core is a
// Connection: opened, swapped on restore and closed here only.

export type Db = Database.Database;

export interface OpenOptions {
  /** Electron needs a build of the addon for its own ABI; Node uses the default one. */
  nativeBinding?: string;
  /**
   * The data key every file is encrypted with, and older keys for backups made before a key
   * change. Without it files are plain SQLite: an install whose database is not encrypted yet
   * (`chatterbox encrypt`), and tests of such files.
   */
  keys?: KeyRing;
}

/** The only `new Database(`: what every connection shares is added in this one place. */
function connect(path: string, options: OpenOptions, settings: Database.Options = {}): Db {
  return new Database(path, { ...settings, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) });
}

/**
 * Opens with `key` and reads page 1, so a wrong key is found before anything (journal_mode, a
 * migration) could write: null when the key does not fit, the connection closed again.
 */
function connectWithKey(path: string, options: OpenOptions, settings: Database.Options, key: string): Db | null {
  const db = connect(path, options, settings);
  try {
    applyKey(db, key);
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    return db;
  } catch (err) {
    db.close();
    if (isNotADatabase(err)) return null;
    throw err;
  }
}

/**
 * Opens an existing SQLite file as it is, with no migrations: for checks, copies and probes of
 * files that are not (or not yet) the app's database. Read-only for checks that must not change
 * the file. An encrypted file opens with the current key or an older one (a backup made before a
 * key change); `key` says which (null: a plain file).
 */
export function openFileWithKey(path: string, options: OpenOptions, mode: { readonly?: boolean } = {}): { db: Db; key: string | null } {
  const settings = { fileMustExist: true, readonly: mode.readonly ?? false };
  if (!options.keys || isPlainSqliteFile(path)) return { db: connect(path, options, settings), key: null };
  for (const key of [options.keys.key, ...(options.keys.olderKeys ?? [])]) {
    const db = connectWithKey(path, options, settings, key);
    if (db) return { db, key };
  }
  throw wrongKeyError(path);
}

/** openFileWithKey, for callers that do not need to know which key fitted. */
export function openFile(path: string, options: OpenOptions, mode: { readonly?: boolean } = {}): Db {
  return openFileWithKey(path, options, mode).db;
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
  // A plain file from before encryption opens as it is, never silently encrypted: the app says it
  // is not encrypted until someone runs `chatterbox encrypt` (keeping the plain original).
  const key = options.keys && path !== ':memory:' && !isPlainSqliteFile(path) ? options.keys.key : null;
  let db: Db | null;
  try {
    db = key ? connectWithKey(path, options, readonly ? { readonly: true } : {}, key) : connect(path, options, readonly ? { readonly: true } : {});
  } catch (err) {
    const environment = environmentError(err, path);
    if (environment) throw environment;
    throw new AppError('DATABASE', `Chatterbox cannot open ${path} (${describeSqliteError(err)}). Check the file exists and can be read.`);
  }
  if (!db) throw wrongKeyError(path);
  try {
    // Before the quick check, so the pages it decrypts stay in the cache for the first calls (page
    // 1 has been read with the key already; a plain file is not known to be a database yet).
    if (key) db.pragma(`cache_size = -${cacheKibFor(path, true)}`);
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
    if (!key) db.pragma(`cache_size = -${cacheKibFor(path, false)}`);
    migrate(db);
    return db;
  } catch (err) {
    db.close();
    throw environmentError(err, path) ?? err;
  }
}

/**
 * The page cache, in KiB. 64 MB for every database (the default is 2 MB): one round of a local
 * authority's results is tens of megabytes, and dashboards read it again and again. An encrypted
 * database gets more: the cache holds decrypted pages, while the operating system's file cache
 * holds them still encrypted, so every page that falls out of SQLite's cache is decrypted (and its
 * HMAC checked) again on the next read, and mmap cannot help. So the whole file fits, with a
 * quarter to spare for growth, up to 256 MB: beyond that a setting is far larger than a local
 * authority's, and the memory of a shared office computer matters more. SQLite allocates the
 * cache as pages are read, so a small database never takes the whole bound.
 */
function cacheKibFor(path: string, encrypted: boolean): number {
  const base = 64 * 1024;
  if (!encrypted || path === ':memory:' || !existsSync(path)) return base;
  const wanted = Math.ceil((statSync(path).size * 1.25) / 1024);
  return Math.min(256 * 1024, Math.max(base, wanted));
}

/** Whether the file at `path` is encrypted (false for a plain file and for a database held in memory). */
export function isEncryptedFile(path: string): boolean {
  return path !== ':memory:' && existsSync(path) && statSync(path).size > 0 && !isPlainSqliteFile(path);
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
  /** After a key change, inside `whileClosed`: this and every later open (backups, checks) use the new keys. */
  useKeys(keys: KeyRing): void;
  /** Whether the live database is encrypted: false for an install not yet encrypted (and in memory). */
  readonly encrypted: boolean;
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
  const fileOptions: OpenOptions = {
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    ...(options.keys ? { keys: options.keys } : {}),
  };
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
    useKeys(keys: KeyRing): void {
      if (db.open) throw new AppError('DATABASE', 'The keys of an open database cannot be changed: close it first');
      fileOptions.keys = keys;
    },
    get encrypted() {
      return isEncryptedFile(path);
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

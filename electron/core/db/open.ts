import Database from 'better-sqlite3';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { AppError } from '../../../shared/errors.js';
import { latestSchemaVersion, migrationFiles, readMigration } from './migrations.js';

export type Db = Database.Database;

export interface OpenOptions {
  /** Electron needs a build of the addon for its own ABI; Node uses the default one. */
  nativeBinding?: string;
}

/**
 * Opens (or creates) the database, refusing damaged files and files from a newer version of the
 * app before writing anything, then applies pending migrations in one transaction.
 */
export function openDatabase(path: string, options: OpenOptions = {}): Db {
  const isNew = path === ':memory:' || !existsSync(path);
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  let db: Db;
  try {
    db = new Database(path, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  } catch (err) {
    throw new AppError('DATABASE', `Chatterbox cannot open ${path} (${describeSqliteError(err)}). Check the file exists and can be read.`);
  }
  try {
    if (!isNew) checkBeforeWriting(db, path);
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
    throw err;
  }
}

/** Read-only checks on an existing file: it must be SQLite, intact, and not from the future. */
function checkBeforeWriting(db: Db, path: string): void {
  let result: string[];
  try {
    result = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
  } catch (err) {
    throw new AppError(
      'DATABASE',
      `The file ${path} is not a Chatterbox database or is badly damaged (${describeSqliteError(err)}). ` +
        'Nothing was changed. Restore a backup, or choose another file.',
    );
  }
  if (result.length !== 1 || result[0] !== 'ok') {
    const detail = result.slice(0, 3).join('; ');
    throw new AppError(
      'DATABASE',
      `The database ${path} failed its integrity check (${detail}). Nothing was changed. Restore a backup.`,
    );
  }
  const version = userVersion(db);
  // Version 0 with tables in it is some other program's database: adding ours would change a
  // file that is not ours (and switch it to WAL).
  const tableCount = (db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number }).n;
  if (version === 0 && tableCount > 0) {
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
  })();
}

export function userVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

function describeSqliteError(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

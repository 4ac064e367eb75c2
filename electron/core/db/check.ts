import { existsSync, statSync } from 'node:fs';
import type { DatabaseCheck } from '../../../shared/schemas/backups.js';
import { describeSqliteError, integrityCheck, openFile, tableNames, userVersion, type Db, type OpenOptions } from './connection.js';
import { latestSchemaVersion } from './migrations.js';

// Is this file a healthy Chatterbox database? Asked of every backup before it is kept, of every
// file before it is restored, and by `chatterbox check`. Unlike the checks made when the app opens
// its own database (connection.ts), these report problems instead of throwing, and also refuse an
// empty file and one without Chatterbox's tables: a backup must hold data to be worth keeping.

export interface Checked {
  problems: string[];
  schemaVersion: number | null;
}

/**
 * The checks every backup, every restore candidate and `chatterbox check` go through. `integrity`
 * is the result of the integrity check when it was already run off the main thread (backups).
 */
export function checkOpenDatabase(db: Db, integrity?: readonly string[]): Checked {
  const problems: string[] = [];
  let schemaVersion: number | null = null;
  try {
    const result = integrity ?? integrityCheck(db);
    if (result.length !== 1 || result[0] !== 'ok') {
      problems.push(`It failed SQLite's integrity check (${result.slice(0, 3).join('; ')}).`);
      return { problems, schemaVersion };
    }
    schemaVersion = userVersion(db);
    const tables = tableNames(db);
    if (schemaVersion === 0) {
      problems.push(tables.size > 0 ? 'It is an SQLite database from another program, not Chatterbox.' : 'It is an empty database, not a Chatterbox database.');
    } else if (schemaVersion > latestSchemaVersion) {
      problems.push(
        `It was written by a newer version of Chatterbox (schema ${schemaVersion}; this version knows up to ${latestSchemaVersion}). Update Chatterbox first.`,
      );
    } else if (!tables.has('settings') || !tables.has('children')) {
      problems.push('It is not a Chatterbox database (its tables are missing).');
    } else {
      const broken = (db.pragma('foreign_key_check') as unknown[]).length;
      if (broken > 0) problems.push(`${broken} of its rows point at records that do not exist.`);
    }
  } catch (err) {
    problems.push(`It is not a Chatterbox database or is badly damaged (${describeSqliteError(err)}).`);
  }
  return { problems, schemaVersion };
}

/**
 * `chatterbox check FILE`: opens the file read-only and checks it without changing it (a live
 * database may get empty -wal/-shm files beside it, which SQLite manages).
 */
export function checkDatabase(path: string, options: OpenOptions = {}): DatabaseCheck {
  const base = { path, appSchemaVersion: latestSchemaVersion };
  if (!existsSync(path) || !statSync(path).isFile()) {
    return { ...base, ok: false, sizeBytes: 0, schemaVersion: null, problems: [`There is no file at ${path}.`] };
  }
  const sizeBytes = statSync(path).size;
  let db: Db;
  try {
    db = openFile(path, options, { readonly: true });
  } catch (err) {
    return { ...base, ok: false, sizeBytes, schemaVersion: null, problems: [`It cannot be opened (${describeSqliteError(err)}).`] };
  }
  try {
    const { problems, schemaVersion } = checkOpenDatabase(db);
    return { ...base, ok: problems.length === 0, sizeBytes, schemaVersion, problems };
  } finally {
    db.close();
  }
}

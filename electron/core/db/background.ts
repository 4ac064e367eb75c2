import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { AppError } from '../../../shared/errors.js';
import { isPlainSqliteFile, keyPragmas, wrongKeyError, type KeyRing } from './cipher.js';
import { isBusy } from './errors.js';

// Work on a whole database file that takes seconds at a local authority's size, in a worker
// thread so the app keeps answering: the full integrity check, and copying the live database for
// a backup (VACUUM INTO, which writes the copy encrypted with the same key: SQLite's online
// backup API refuses to copy between an encrypted and a plain connection, and better-sqlite3 opens
// the backup's target itself, with no way to key it). The worker opens the file read-only with
// the same addon and key as connection.ts: its code is kept here, as source, because a worker
// cannot load this module's TypeScript under the tests.

/** What a worker needs to open a file as connect() does. */
export interface FileOptions {
  nativeBinding?: string;
  keys?: KeyRing;
}

const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.modulePath);
function open() {
  const settings = { readonly: true, fileMustExist: true, ...(workerData.nativeBinding ? { nativeBinding: workerData.nativeBinding } : {}) };
  if (workerData.keyPragmas.length === 0) return new Database(workerData.path, settings);
  for (const pragmas of workerData.keyPragmas) {
    const db = new Database(workerData.path, settings);
    try {
      for (const p of pragmas) db.pragma(p);
      db.prepare('SELECT count(*) FROM sqlite_master').get();
      return db;
    } catch (err) {
      db.close();
      if (err.code !== 'SQLITE_NOTADB') throw err;
    }
  }
  return null;
}
let db;
try {
  db = open();
  if (!db) parentPort.postMessage({ wrongKey: true });
  else if (workerData.task === 'check') parentPort.postMessage({ lines: db.pragma('integrity_check').map((r) => r.integrity_check) });
  else {
    db.pragma('busy_timeout = ' + workerData.busyTimeoutMs);
    db.prepare('VACUUM INTO ?').run(workerData.target);
    parentPort.postMessage({ lines: [] });
  }
} catch (err) {
  parentPort.postMessage({ error: err instanceof Error ? err.message : String(err), code: err && typeof err.code === 'string' ? err.code : null });
} finally {
  if (db) db.close();
}
`;

/**
 * The addon for the worker: the copy this process has loaded already (a bundled core, as the
 * crash tests run it, imports it by absolute path from anywhere), else found from this module.
 */
function addonModule(): string {
  const require = createRequire(import.meta.url);
  const loaded = Object.keys(require.cache).find((k) => /[\\/]better-sqlite3-multiple-ciphers[\\/]lib[\\/]index\.js$/.test(k));
  return loaded ?? require.resolve('better-sqlite3-multiple-ciphers');
}

/** The key pragmas to try, in order: none for a plain file. */
function keyAttempts(path: string, options: FileOptions): string[][] {
  if (!options.keys || isPlainSqliteFile(path)) return [];
  return [options.keys.key, ...(options.keys.olderKeys ?? [])].map(keyPragmas);
}

interface Reply {
  lines?: string[];
  wrongKey?: boolean;
  error?: string;
  code?: string | null;
}

function run(task: 'check' | 'copy', path: string, options: FileOptions, extra: { target?: string; busyTimeoutMs?: number } = {}) {
  const worker = new Worker(workerSource, {
    eval: true,
    workerData: { task, path, nativeBinding: options.nativeBinding, modulePath: addonModule(), keyPragmas: keyAttempts(path, options), ...extra },
  });
  const result = new Promise<string[]>((resolve, reject) => {
    worker.once('message', (m: Reply) => {
      if (m.lines) resolve(m.lines);
      else if (m.wrongKey) reject(wrongKeyError(path));
      else reject(Object.assign(new Error(m.error ?? 'unknown error'), { code: m.code ?? undefined }));
    });
    worker.once('error', reject);
  });
  return { worker, result };
}

/** A full integrity check of a file, off the main thread; stop() ends it early (its promise then never settles). */
export function fullCheckInBackground(path: string, options: FileOptions): { result: Promise<string[]>; stop(): void; unref(): void } {
  const { worker, result } = run('check', path, options);
  const checked = result.catch((err: unknown) => {
    if (err instanceof AppError) throw err;
    throw new AppError('DATABASE', `The file ${path} could not be checked (${err instanceof Error ? err.message : String(err)}).`);
  });
  // A failed check is reported by whoever awaits it, never as unhandled.
  checked.catch(() => undefined);
  return { result: checked, stop: () => void worker.terminate(), unref: () => void worker.unref() };
}

/** How long a backup waits for another program's lock before it gives up. */
export const backupBusyTimeoutMs = 10_000;

/**
 * Copies the database at `source` to the new file `target`, compacted, as one consistent snapshot
 * (a read transaction, so the app may write meanwhile), encrypted with the key it opened with.
 * A lock held past the busy timeout is BUSY; other failures keep their SQLite code, for
 * environmentError.
 */
export async function copyInBackground(source: string, target: string, options: FileOptions): Promise<void> {
  try {
    await run('copy', source, options, { target, busyTimeoutMs: backupBusyTimeoutMs }).result;
  } catch (err) {
    if (isBusy(err)) {
      throw new AppError(
        'BUSY',
        'The backup could not read the database: another program has kept it locked. No backup was made: close other programs using it, then try again.',
      );
    }
    throw err;
  }
}

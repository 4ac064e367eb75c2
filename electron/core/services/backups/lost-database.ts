import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { AppError } from '../../../../shared/errors.js';
import { formatUkDate } from '../../../../shared/domain/dates.js';
import { checkDatabase } from '../../db/check.js';
import type { OpenOptions } from '../../db/connection.js';
import { backupFolderFor, listBackups } from '../../io/backup-folder.js';

// SQLite creates a database wherever it is asked to open a missing or empty file. For the app's
// own database that would hide a loss: a deleted file, or one truncated to 0 bytes by a failed
// copy or a full disk, would open as a new, empty Chatterbox and the next backups would rotate the
// good ones out. A backups folder beside the file shows a database has existed there, so then the
// app refuses to start and names the newest backup that passes its check instead.

/** Throws when the database at `path` is missing or empty although backups of it exist. */
export function refuseLostDatabase(path: string, options: OpenOptions): void {
  if (path === ':memory:') return;
  const file = resolve(path);
  const missing = !existsSync(file);
  if (!missing && statSync(file).size > 0) return;
  const folder = backupFolderFor(file);
  // No backups folder: no database has ever been kept here, so a new one is created.
  if (!existsSync(folder)) return;
  const what = missing ? `There is no database file at ${file}` : `The database file ${file} is empty (0 bytes)`;
  const good = listBackups(folder).find((b) => checkDatabase(b.path, options).ok);
  if (!good) {
    throw new AppError(
      'DATABASE',
      `${what}, and none of the backups in ${folder} passed its check. Chatterbox has not created a new, empty database in its place. ` +
        'Ask your IT support to recover the file.',
    );
  }
  const made = `${formatUkDate(good.createdAt.slice(0, 10))} at ${good.createdAt.slice(11, 16)}`;
  const how = missing ? `copy it to ${file}` : `restore it with the command: chatterbox restore "${good.path}"`;
  throw new AppError(
    'DATABASE',
    `${what}, but Chatterbox has kept backups of it. A new, empty database was not created in its place. ` +
      `The newest backup that passed its check is ${good.fileName} (made ${made}, UTC): ${how}.`,
  );
}

import { AppError } from '../../../shared/errors.js';

// What the environment did to a database or file operation, in words a practitioner can act
// on. SQLite and the file system report the same few conditions (locked, read-only, disk full,
// folder not writable) under many codes; without this map each became "Something went wrong"
// or, worse, "badly damaged ... restore a backup", which could push someone into an unneeded
// restore. Every door (registry, backups, opening, the command line) asks here.

export const busyMessage = 'Chatterbox is busy saving other changes (another window or the command line). Nothing was saved: try again in a moment.';

export const readOnlyMessage =
  'The database file is read-only, so nothing can be saved. Ask whoever looks after this computer to make the file (and its folder) writable, then start Chatterbox again.';

export const diskFullMessage = 'The disk is full, so nothing was saved. Free some space on the disk, then try again.';

function codeOf(err: unknown): string | null {
  if (!(err instanceof Error) || !('code' in err)) return null;
  return typeof err.code === 'string' ? err.code : null;
}

/** True when SQLite gave up waiting for another program's lock (after the busy timeout). */
export function isBusy(err: unknown): boolean {
  const code = codeOf(err);
  return code !== null && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}

/**
 * The AppError for a failure caused by the environment rather than the data or a bug, or null
 * when `err` is something else. `path` names the file for messages that need it.
 */
export function environmentError(err: unknown, path?: string): AppError | null {
  const code = codeOf(err);
  if (code === null) return null;
  const where = path ? ` (${path})` : '';
  if (isBusy(err)) return new AppError('BUSY', busyMessage);
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS') return new AppError('DATABASE', readOnlyMessage);
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT') return new AppError('DATABASE', diskFullMessage);
  if (code.startsWith('SQLITE_CANTOPEN') || code === 'EACCES' || code === 'EPERM') {
    return new AppError(
      'DATABASE',
      `Chatterbox cannot write to the folder or file it needs${where}: it is not writable, or another program has it locked. ` +
        'Nothing was changed. Check the folder can be written to, close other programs using it, then try again.',
    );
  }
  if (code === 'SQLITE_IOERR' || code.startsWith('SQLITE_IOERR_')) {
    return new AppError(
      'DATABASE',
      `The disk reported an error while Chatterbox was using the database${where}. Nothing was saved. Check the disk has space and is still connected, then try again.`,
    );
  }
  return null;
}

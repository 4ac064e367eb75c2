import { existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { AppError } from '../../../../shared/errors.js';
import type { BackupInfo, DatabaseCheck } from '../../../../shared/schemas/backups.js';
import type { CoreContext } from '../../context.js';
import { checkOpenDatabase, type Checked } from '../../db/check.js';
import { environmentError } from '../../db/errors.js';
import { copyInBackground, fullCheckInBackground } from '../../db/background.js';
import { latestSchemaVersion } from '../../db/migrations.js';
import { backupFolderFor, backupInfoFor, freshBackupName, removeStalePartials, rotateBackups } from '../../io/backup-folder.js';
import { fsyncFile, fsyncFolder, removeFileSet } from '../../io/durable.js';
import { backupsToKeep } from './policy.js';

// Making backups of a core's live database. Every copy is made with VACUUM INTO in a worker (a
// consistent snapshot even while the app is writing, encrypted with the database's key), written
// under a ".partial" name, switched to a self-contained single file (journal_mode=DELETE, so it
// can be copied to a USB stick on its own), checked with integrity_check, flushed to disk, and only then renamed to its
// final name. A crash at any moment therefore leaves either no backup or a complete, checked one;
// a ".partial" file is never listed, and stale ones are removed by the next backup.
//
// These are use cases over the live core rather than file formats (io/), so they live here as a
// service beside the api layer: the handlers (api/backups.ts), the hosts' schedule and the
// command line all call them.

/** Anything holding a core context: the Core itself. */
export interface HasContext {
  readonly context: CoreContext;
}

/**
 * Copies the live database to `target` (VACUUM INTO, in a worker: encrypted with the database's
 * own key), through a ".partial" file that is checked and flushed before it takes the final
 * name. A copy that fails its check is deleted and refused.
 */
async function writeCheckedCopy(ctx: CoreContext, target: string): Promise<DatabaseCheck> {
  const partial = `${target}.partial`;
  removeFileSet(partial);
  try {
    await copyInBackground(ctx.databasePath, partial, ctx.connection.options);
    const copy = ctx.connection.openFile(partial);
    try {
      // A single self-contained file: no -wal beside it, readable on its own, anywhere.
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    // The integrity check reads every page (1-2 s at a local authority's size): in a worker, so
    // the app keeps answering while a backup is made. The rest of the checks are quick.
    const integrity = await fullCheckInBackground(partial, ctx.connection.options).result;
    const reopened = ctx.connection.openFile(partial, { readonly: true });
    let checked: Checked;
    try {
      checked = checkOpenDatabase(reopened, integrity);
    } finally {
      reopened.close();
    }
    if (checked.problems.length > 0) {
      throw new AppError('DATABASE', `The backup failed its check and was not kept: ${checked.problems.join(' ')} Run "chatterbox check" on the database.`);
    }
    fsyncFile(partial);
    renameSync(partial, target);
    fsyncFolder(dirname(target));
    return {
      path: target,
      ok: true,
      sizeBytes: statSync(target).size,
      schemaVersion: checked.schemaVersion,
      appSchemaVersion: latestSchemaVersion,
      problems: [],
    };
  } catch (err) {
    removeFileSet(partial);
    throw environmentError(err, target) ?? err;
  }
}

/** A backup into the backups folder, then older ones of its kind rotated out. Not queued: call it inside ctx.connection.exclusive. */
export async function makeBackup(ctx: CoreContext, kind: 'auto' | 'manual', now: string): Promise<BackupInfo> {
  const folder = backupFolderFor(ctx.databasePath);
  mkdirSync(folder, { recursive: true });
  removeStalePartials(folder);
  const fileName = freshBackupName(folder, kind, now);
  await writeCheckedCopy(ctx, join(folder, fileName));
  // The copy just made passed its check and is the newest: no other needs checking again.
  rotateBackups(folder, kind, backupsToKeep(ctx), (b) => b.fileName === fileName);
  // The live database is checked in full again too, in the background: a fault that appeared
  // since it was opened is reported while recent backups still hold good data.
  ctx.connection.checkInBackground();
  return backupInfoFor(folder, fileName);
}

/** backups.create: a backup into the backups folder, checked, then older ones rotated out. */
export function createBackup(ctx: CoreContext, kind: 'auto' | 'manual', now: string = ctx.clock.now()): Promise<BackupInfo> {
  return ctx.connection.exclusive(() => makeBackup(ctx, kind, now));
}

/** `chatterbox backup --out FILE`: a checked copy anywhere. Refuses to overwrite unless asked. */
export function backupTo(core: HasContext, outPath: string, options: { overwrite?: boolean } = {}): Promise<DatabaseCheck> {
  const ctx = core.context;
  return ctx.connection.exclusive(async () => {
    const target = resolve(outPath);
    if (target === resolve(ctx.databasePath))
      throw new AppError('VALIDATION', 'A backup cannot overwrite the database itself', [{ path: ['out'], message: 'Choose another file' }]);
    if (existsSync(target) && !options.overwrite) {
      throw new AppError('CONFLICT', `${target} already exists. Choose another name, or remove it first.`);
    }
    mkdirSync(dirname(target), { recursive: true });
    return writeCheckedCopy(ctx, target);
  });
}

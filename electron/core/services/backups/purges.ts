import { copyFileSync, renameSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { AppError } from '../../../../shared/errors.js';
import type { CoreContext } from '../../context.js';
import { checkOpenDatabase } from '../../db/check.js';
import { openDatabase, openFile, type Db, type OpenOptions } from '../../db/connection.js';
import { retentionRepo } from '../../db/repos/retention.js';
import { backupFolderFor, listBackups } from '../../io/backup-folder.js';
import { fsyncFile, fsyncFolder, removeFileSet } from '../../io/durable.js';

// A retention purge must not be undone by a backup. Two ways a purged child could come back:
// the backups the app keeps (manual and before-restore ones are never rotated out), and a
// restore of any older copy. So a purge rewrites every backup in the folder without the purged
// children, and a restore deletes again the children that the database it replaces had purged
// (its purge_log), before the restored file takes its place.

export type PurgeLog = readonly { childId: string; purgedAt: string }[];

/**
 * Deletes again, in `db`, the children the log says were purged, exactly as the purge did (their
 * screenings, cohort rows, audit details), and records the log there. Its own transaction.
 */
export function reapplyPurges(db: Db, log: PurgeLog): number {
  if (log.length === 0) return 0;
  const repo = retentionRepo(db);
  const purgedAt = new Map(log.map((p) => [p.childId, p.purgedAt]));
  return db.transaction(() => {
    const held = repo.stillHeld([...purgedAt.keys()]);
    for (const child of held) repo.purgeChild(child.id, child.settingId, { at: purgedAt.get(child.id) ?? '', actorStaffId: null, actorName: 'system' });
    repo.recordPurges(log);
    return held.length;
  })();
}

/** The purge log of a database file, read without changing it; empty when it has none or cannot be read. */
export function readPurgeLog(path: string, options: OpenOptions): PurgeLog {
  let db: Db;
  try {
    db = openFile(path, options, { readonly: true });
  } catch {
    return [];
  }
  try {
    return retentionRepo(db).purgeLog();
  } catch {
    // Older than the purge log, or too damaged to read: nothing recorded to re-apply.
    return [];
  } finally {
    db.close();
  }
}

function holdsAny(path: string, options: OpenOptions, ids: readonly string[]): boolean {
  let db: Db;
  try {
    db = openFile(path, options, { readonly: true });
  } catch {
    return false;
  }
  try {
    return retentionRepo(db).stillHeld(ids).length > 0;
  } catch {
    return false; // Unreadable: it cannot be restored either (restores check every file first).
  } finally {
    db.close();
  }
}

/**
 * Makes a file fit to take a database's place without the purged children: opened as the app
 * opens a database (so an older one is brought up to date, as a restore would), the children
 * deleted, then made one self-contained file, VACUUMed so no freed page keeps their data, and
 * checked again.
 */
export function purgeFile(path: string, options: OpenOptions, log: PurgeLog): void {
  const db = openDatabase(path, options);
  try {
    reapplyPurges(db, log);
    db.pragma('journal_mode = DELETE');
    db.exec('VACUUM');
    const { problems } = checkOpenDatabase(db);
    if (retentionRepo(db).stillHeld(log.map((p) => p.childId)).length > 0) problems.push('The deleted children are still in it.');
    if (problems.length > 0) throw new AppError('DATABASE', `${basename(path)} could not be rewritten without the deleted children: ${problems.join(' ')}`);
  } finally {
    db.close();
  }
}

/**
 * Rewrites each backup in the folder that still holds a purged child: a copy is purged and
 * checked under a ".partial" name, then renamed over the backup (atomic), so a crash leaves the
 * old backup or the new one, never half of one. Returns the names of the backups rewritten.
 */
export function removeFromBackups(ctx: CoreContext, log: PurgeLog): string[] {
  if (ctx.databasePath === ':memory:' || log.length === 0) return [];
  const options = ctx.connection.options;
  const ids = log.map((p) => p.childId);
  const rewritten: string[] = [];
  for (const backup of listBackups(backupFolderFor(ctx.databasePath))) {
    if (!holdsAny(backup.path, options, ids)) continue;
    const partial = `${backup.path}.partial`;
    removeFileSet(partial);
    try {
      copyFileSync(backup.path, partial);
      purgeFile(partial, options, log);
      fsyncFile(partial);
      renameSync(partial, backup.path);
      fsyncFolder(dirname(backup.path));
    } finally {
      removeFileSet(partial);
    }
    rewritten.push(backup.fileName);
  }
  return rewritten;
}

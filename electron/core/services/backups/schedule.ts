import type { BackupInfo } from '../../../../shared/schemas/backups.js';
import { backupFolderFor } from '../../io/backup-folder.js';
import { makeBackup, type HasContext } from './create.js';
import { autoBackupDue, lastAutoBackupAt } from './policy.js';

// The automatic daily backup. Both hosts (the desktop app and browser mode) start it; the
// command line's one-off commands do not, as they open the database for seconds only.

/**
 * The hosts call this at start and every hour: it makes an automatic backup when none was made
 * in the last 24 hours. Returns the new backup, or null when none was due.
 */
export async function runAutoBackupIfDue(core: HasContext, now: string = core.context.clock.now()): Promise<BackupInfo | null> {
  const ctx = core.context;
  if (ctx.databasePath === ':memory:') return null;
  // Decided inside the queue, so two ticks at once make one backup.
  return ctx.connection.exclusive(async () => (autoBackupDue(lastAutoBackupAt(backupFolderFor(ctx.databasePath)), now) ? makeBackup(ctx, 'auto', now) : null));
}

/** Runs runAutoBackupIfDue now and then every hour; returns a function that stops it. */
export function startAutoBackups(core: HasContext, options: { everyMs?: number; onError?: (err: unknown) => void } = {}): () => void {
  const tick = () => {
    if (!core.context.db.open) return;
    runAutoBackupIfDue(core).catch((err: unknown) => options.onError?.(err));
  };
  tick();
  const timer = setInterval(tick, options.everyMs ?? 60 * 60 * 1000);
  timer.unref();
  return () => clearInterval(timer);
}

import type { BackupSettings } from '../../../../shared/schemas/backups.js';
import type { CoreContext } from '../../context.js';
import { appSettingsRepo } from '../../db/repos/app-settings.js';
import { backupFolderFor, listBackups } from '../../io/backup-folder.js';

// How many backups are kept and when an automatic one is due: what the backups screen shows
// (backups.getSettings), and what the schedule and rotation go by.

const day = 24 * 60 * 60 * 1000;
const defaultKeep = 10;

/** The `backup_keep` setting: how many automatic (and before-restore) backups to keep. */
export function backupsToKeep(ctx: CoreContext): number {
  const n = Number(appSettingsRepo(ctx.db).get('backup_keep'));
  return Number.isInteger(n) && n >= 1 ? n : defaultKeep;
}

export function lastAutoBackupAt(folder: string): string | null {
  return listBackups(folder).find((b) => b.kind === 'auto')?.createdAt ?? null;
}

/** Due when there is no automatic backup from the last 24 hours (or the newest is "in the future": the clock moved). */
export function autoBackupDue(last: string | null, now: string): boolean {
  if (!last) return true;
  const age = Date.parse(now) - Date.parse(last);
  return age >= day || age < 0;
}

export function backupSettings(ctx: CoreContext): BackupSettings {
  const keep = backupsToKeep(ctx);
  if (ctx.databasePath === ':memory:') return { folder: '', keep, lastAutoBackupAt: null, autoBackupDue: false };
  const folder = backupFolderFor(ctx.databasePath);
  const last = lastAutoBackupAt(folder);
  return { folder, keep, lastAutoBackupAt: last, autoBackupDue: autoBackupDue(last, ctx.clock.now()) };
}

import type { backupsContract } from '../../../shared/contract/backups.js';
import { backupFolderFor, listBackups } from '../io/backup-folder.js';
import { createBackup } from '../services/backups/create.js';
import { backupSettings } from '../services/backups/policy.js';
import { restoreBackup } from '../services/backups/restore.js';
import type { DomainHandlers } from './types.js';

// Backups from the app: list, settings, make one now, restore one. Making and restoring are
// asynchronous (SQLite's online backup runs in steps), so they run outside the per-call
// transaction; see services/backups/ for how each copy is made safe against crashes.

export const backupsHandlers = {
  'backups.list': (ctx) => (ctx.databasePath === ':memory:' ? [] : listBackups(backupFolderFor(ctx.databasePath))),
  'backups.getSettings': (ctx) => backupSettings(ctx),
  // Fewer to keep takes effect at the next automatic backup: files are not deleted inside a
  // transaction that could still be rolled back.
  'backups.configure': (ctx, input) => {
    ctx.repos.appSettings.set('backup_keep', String(input.keep), ctx.clock.now());
    return backupSettings(ctx);
  },
  'backups.create': (ctx, input) => createBackup(ctx, input.kind),
  'backups.restore': (ctx, input) => restoreBackup(ctx, input.fileName),
} satisfies DomainHandlers<typeof backupsContract>;

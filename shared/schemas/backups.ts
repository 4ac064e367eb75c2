import { z } from 'zod';

// Backups: copies of the whole database made with SQLite's online backup (safe while the app is
// open), each checked with integrity_check before it counts as a backup.

export const backupKinds = ['auto', 'manual', 'before-restore'] as const;
export type BackupKind = (typeof backupKinds)[number];
export const backupKindLabels: Record<BackupKind, string> = {
  auto: 'Automatic',
  manual: 'Made by hand',
  'before-restore': 'Kept before a restore',
};

/** The names the app gives its backups; anything else in the folder is not a backup. */
export const backupFileNamePattern = /^chatterbox-(auto|manual|before-restore)-(\d{4})-(\d{2})-(\d{2})-(\d{2})(\d{2})(\d{2})(?:-(\d{1,4}))?\.sqlite$/;

export const backupInfoSchema = z.object({
  fileName: z.string(),
  path: z.string(),
  /** When the backup was made (UTC, from its name). */
  createdAt: z.string(),
  sizeBytes: z.number().int().nonnegative(),
  kind: z.enum(backupKinds),
});
export type BackupInfo = z.infer<typeof backupInfoSchema>;

export const backupKeepSchema = z
  .number({ message: 'Enter how many automatic backups to keep' })
  .int({ message: 'Enter a whole number of backups' })
  .min(1, { message: 'Keep at least 1 automatic backup' })
  .max(100, { message: 'Keep at most 100 automatic backups' });

export const backupSettingsSchema = z.object({
  /** The folder beside the database that holds the backups. */
  folder: z.string(),
  /** How many automatic backups are kept (older ones are deleted after each new one). */
  keep: z.number().int(),
  lastAutoBackupAt: z.string().nullable(),
  /** True when no automatic backup was made in the last 24 hours. */
  autoBackupDue: z.boolean(),
});
export type BackupSettings = z.infer<typeof backupSettingsSchema>;

export const backupConfigureSchema = z.object({ keep: backupKeepSchema });

export const backupCreateSchema = z.object({
  kind: z.enum(['manual', 'auto'], { message: 'Choose manual or auto' }).default('manual'),
});

export const backupFileSchema = z.object({
  fileName: z.string({ message: 'Choose a backup' }).regex(backupFileNamePattern, { message: 'Choose one of the backups in the list' }),
});

export const restoreResultSchema = z.object({
  restoredFrom: backupInfoSchema,
  /** The database as it was just before the restore, kept in the backups folder. */
  safetyCopy: backupInfoSchema,
  /** The schema version of the backup; older backups are brought up to date when restored. */
  backupSchemaVersion: z.number().int(),
});
export type RestoreResult = z.infer<typeof restoreResultSchema>;

/** What `chatterbox check` and the restore checks report about a database file. */
export const databaseCheckSchema = z.object({
  path: z.string(),
  ok: z.boolean(),
  sizeBytes: z.number().int().nonnegative(),
  schemaVersion: z.number().int().nullable(),
  appSchemaVersion: z.number().int(),
  /** Empty when ok; otherwise sentences a person can act on. */
  problems: z.array(z.string()),
});
export type DatabaseCheck = z.infer<typeof databaseCheckSchema>;

import { z } from 'zod';
import {
  backupConfigureSchema,
  backupCreateSchema,
  backupFileSchema,
  backupInfoSchema,
  backupSettingsSchema,
  restoreResultSchema,
} from '../schemas/backups.js';
import { created, notAudited, updated, type Methods } from './facts.js';

const admin = { async: false, permission: 'data:admin' } as const;

export const backupsContract = {
  /** Backups in the folder beside the database, newest first. */
  'backups.list': { ...admin, effect: 'read', audit: notAudited, input: z.object({}), output: z.array(backupInfoSchema) },
  'backups.getSettings': { ...admin, effect: 'read', audit: notAudited, input: z.object({}), output: backupSettingsSchema },
  /** How many automatic backups to keep (1-100). */
  'backups.configure': { ...admin, effect: 'write', audit: updated('backups'), input: backupConfigureSchema, output: backupSettingsSchema },
  /** A backup now, checked with integrity_check before it is listed. */
  'backups.create': { ...admin, effect: 'write', async: true, audit: created('backups'), input: backupCreateSchema, output: backupInfoSchema },
  /** Replaces the database with a backup, keeping the replaced one as a backup. */
  'backups.restore': { ...admin, effect: 'write', async: true, audit: updated('backups'), input: backupFileSchema, output: restoreResultSchema },
} as const satisfies Methods;

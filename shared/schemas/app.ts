import { z } from 'zod';

/**
 * The full integrity check of the database, run in the background after it opens and after each
 * backup (opening runs only SQLite's quick check): the renderer shows a banner on a problem.
 */
export const integritySchema = z.object({ state: z.enum(['ok', 'checking', 'problem']), message: z.string() });
export type IntegrityState = z.infer<typeof integritySchema>;

/** What the app tells about itself: the About box, and the first-run check for an empty database. */
export const appInfoSchema = z.object({
  version: z.string(),
  schemaVersion: z.number().int(),
  databasePath: z.string(),
  today: z.string(),
  settingCount: z.number().int(),
  /** The database file cannot be written (read-only file or disk): records can be read, nothing saved. */
  readOnly: z.boolean(),
  /** The database file is encrypted at rest; false for an install from before encryption, until `chatterbox encrypt` runs. */
  encrypted: z.boolean(),
  integrity: integritySchema,
});
export type AppInfo = z.infer<typeof appInfoSchema>;

import { z } from 'zod';

/** What the app tells about itself: the About box, and the first-run check for an empty database. */
export const appInfoSchema = z.object({
  version: z.string(),
  schemaVersion: z.number().int(),
  databasePath: z.string(),
  today: z.string(),
  settingCount: z.number().int(),
  /** The database file cannot be written (read-only file or disk): records can be read, nothing saved. */
  readOnly: z.boolean(),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

import { z } from 'zod';

/** Any table the app shows, as a spreadsheet: a title, column headings and rows of cells. */
export const tableExportSchema = z.object({
  title: z.string().trim().min(1).max(100),
  columns: z.array(z.string().max(100)).min(1).max(50),
  rows: z
    .array(z.array(z.union([z.string().max(2000), z.number(), z.null()])).max(50))
    .max(100_000, { message: 'A table export can hold at most 100,000 rows' }),
});
export type TableExport = z.infer<typeof tableExportSchema>;

export const fileDataSchema = z.object({
  fileName: z.string(),
  mimeType: z.string(),
  /** The file's bytes, base64: both transports carry JSON. */
  base64: z.string(),
});
export type FileData = z.infer<typeof fileDataSchema>;

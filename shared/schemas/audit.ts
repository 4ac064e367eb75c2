import { z } from 'zod';
import { idSchema, isoDateSchema } from './common.js';

export const auditQuerySchema = z.object({
  settingId: idSchema.nullable().default(null),
  recordId: idSchema.nullable().default(null),
  method: z.string().trim().max(60).nullable().default(null),
  actor: z.string().trim().max(100).nullable().default(null),
  from: isoDateSchema.nullable().default(null),
  to: isoDateSchema.nullable().default(null),
  limit: z.number().int().min(1).max(1000).default(200),
  offset: z.number().int().min(0).default(0),
});

export const auditEntrySchema = z.object({
  id: idSchema,
  at: z.string(),
  actorStaffId: idSchema.nullable(),
  actorName: z.string(),
  method: z.string(),
  recordType: z.string(),
  recordId: z.string().nullable(),
  settingId: z.string().nullable(),
  /** Changed fields only: before and after values, shortened. */
  changes: z.array(z.object({ field: z.string(), before: z.string().nullable(), after: z.string().nullable() })),
  note: z.string(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditListSchema = z.object({
  total: z.number().int(),
  rows: z.array(auditEntrySchema),
  /**
   * The name of each record an id in the rows' changes points at (a room, a key person, a
   * setting...), so the trail reads "Room: Ducklings", never a record id. An id whose record is
   * gone (or a purged child) has no name here.
   */
  names: z.record(z.string(), z.string()),
});

/** A changed field that holds another record's id (roomId, keyPersonId, settingId...). */
export const isRecordIdField = (field: string): boolean => field === 'id' || /[a-z]Id$/.test(field);

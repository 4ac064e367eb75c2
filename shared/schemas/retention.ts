import { z } from 'zod';
import { idSchema } from './common.js';
import { sendStages } from './children.js';

// Retention: a policy per record type, editable, with defaults that are assumptions
// (see 0006-retention.sql). Only leavers are ever due; the child record goes with the last of
// its records.

export const retentionRecordTypes = ['screening', 'send'] as const;
export type RetentionRecordType = (typeof retentionRecordTypes)[number];

export const retentionRules = ['years-after-leaving', 'until-age'] as const;
export type RetentionRule = (typeof retentionRules)[number];

/** The limits on `years` for each rule (the contract allows 1-40; the handler applies these). */
export const retentionYearLimits: Record<RetentionRule, { min: number; max: number }> = {
  'years-after-leaving': { min: 1, max: 30 },
  'until-age': { min: 18, max: 40 },
};

export const retentionPolicySchema = z.object({
  recordType: z.enum(retentionRecordTypes),
  label: z.string(),
  rule: z.enum(retentionRules),
  /** Years after leaving, or the age in years until which the records are kept. */
  years: z.number().int(),
  updatedAt: z.string(),
});
export type RetentionPolicy = z.infer<typeof retentionPolicySchema>;

export const retentionPolicyUpdateSchema = z.object({
  recordType: z.enum(retentionRecordTypes, { message: 'Choose a record type' }),
  years: z
    .number({ message: 'Enter a number of years' })
    .int({ message: 'Enter a whole number of years' })
    .min(1, { message: 'Enter at least 1 year' })
    .max(40, { message: 'Enter at most 40 years' }),
});

export const retentionDueInputSchema = z.object({
  settingId: idSchema.nullable().default(null),
  /** Also list leavers who become due within this many days (0: only those due today). */
  withinDays: z.number().int().min(0).max(366, { message: 'Look ahead at most 366 days' }).default(0),
});

export const retentionDueChildSchema = z.object({
  childId: idSchema,
  settingId: idSchema,
  settingName: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  dateOfBirth: z.string(),
  leaveDate: z.string(),
  sendStage: z.enum(sendStages),
  hasReferral: z.boolean(),
  /** The policy that keeps the records longest, and so decides the date. */
  policy: z.enum(retentionRecordTypes),
  dueDate: z.string(),
  /** False for children listed only because they fall due within `withinDays`. */
  isDue: z.boolean(),
  /** What a purge deletes besides the child record. */
  screenings: z.number().int(),
});
export type RetentionDueChild = z.infer<typeof retentionDueChildSchema>;

export const retentionDueSchema = z.object({
  today: z.string(),
  children: z.array(retentionDueChildSchema),
});

export const retentionPurgeInputSchema = z.object({
  childIds: z
    .array(idSchema)
    .min(1, { message: 'Choose at least one child' })
    .max(5000, { message: 'Delete at most 5,000 children at a time' })
    .refine((ids) => new Set(ids).size === ids.length, { message: 'A child is listed twice' }),
  confirm: z.literal(true, { message: 'Confirm that these records are to be deleted' }),
  // No actor field: the audit trail names the signed-in account, so no caller can put a name of its choosing there.
});

export const retentionPurgeResultSchema = z.object({
  purged: z.array(
    z.object({
      childId: idSchema,
      screenings: z.number().int(),
      screeningSections: z.number().int(),
      targets: z.number().int(),
      roundResults: z.number().int(),
      auditRowsRedacted: z.number().int(),
    }),
  ),
});
export type RetentionPurgeResult = z.infer<typeof retentionPurgeResultSchema>;

import { z } from 'zod';
import { countSchema, idSchema, optionalText, recordMetaSchema, requiredText } from './common.js';
import { targetSchema } from './targets.js';
import { visitActionSchema } from './visits.js';

import { settingTypes, type SettingType } from '../domain/setting-types.js';

export { settingTypes, type SettingType };

export const settingTypeLabels: Record<SettingType, string> = {
  nursery: 'Nursery',
  'pre-school': 'Pre-school',
  childminder: 'Childminder',
  'school-nursery': 'School nursery',
  'childrens-centre': "Children's centre",
};

/**
 * Ofsted unique reference numbers: early years registrations look like EY123456, schools and
 * older registrations are six or seven digits. Stored upper-case so EY123456 and ey123456 clash.
 */
export const urnSchema = z
  .string({ message: 'Enter the URN' })
  .trim()
  .min(1, { message: 'Enter the URN' })
  .transform((s) => s.toUpperCase().replace(/\s+/g, ''))
  .pipe(z.string().regex(/^(EY)?\d{6,7}$/, { message: 'URN must be 6 or 7 digits, optionally starting with EY (for example EY123456)' }));

export const settingInputSchema = z.object({
  name: requiredText('the setting name', 120),
  urn: urnSchema,
  type: z.enum(settingTypes, { message: 'Choose the type of setting' }),
  localAuthority: optionalText('local authority', 80),
});
export type SettingInput = z.input<typeof settingInputSchema>;

export const settingSchema = recordMetaSchema.extend({
  name: z.string(),
  urn: z.string(),
  type: z.enum(settingTypes),
  localAuthority: z.string(),
  archivedAt: z.string().nullable(),
  /** When to re-screen after each colour (see shared/domain/screening.ts). */
  reviewIntervals: z.object({
    amberWeeks: z.number().int(),
    redWeeks: z.number().int(),
    greenMonths: z.number().int(),
    stoppedEarlyWeeks: z.number().int(),
  }),
});
export type Setting = z.infer<typeof settingSchema>;

export const settingSummarySchema = settingSchema.extend({
  roomCount: z.number().int(),
  staffCount: z.number().int(),
  /** Children on roll today (shared/domain/roll.ts). */
  childrenOnRoll: z.number().int(),
});
export type SettingSummary = z.infer<typeof settingSummarySchema>;

export const settingUpdateSchema = settingInputSchema.extend({ id: idSchema });

/** When to re-screen after each colour, per setting (see shared/domain/screening.ts). */
export const reviewIntervalsSchema = z.object({
  settingId: idSchema,
  amberWeeks: countSchema.min(1, { message: 'Enter 1 to 52 weeks' }).max(52, { message: 'Enter 1 to 52 weeks' }),
  redWeeks: countSchema.min(1, { message: 'Enter 1 to 52 weeks' }).max(52, { message: 'Enter 1 to 52 weeks' }),
  greenMonths: countSchema.min(1, { message: 'Enter 1 to 24 months' }).max(24, { message: 'Enter 1 to 24 months' }),
  /** A screening that stopped early is re-screened soon: whole weeks, up to a term. */
  stoppedEarlyWeeks: countSchema.min(1, { message: 'Enter 1 to 12 weeks' }).max(12, { message: 'Enter 1 to 12 weeks' }),
});

/**
 * The champion's work lists on the setting overview. Each list is returned whole and its count on
 * the overview is its length, so a number and the list it opens are one answer. Re-screens are the
 * children list's own counts (its overdue and due-soon filters), which open that list filtered.
 */
export const redAmberWithoutTargetSchema = z.object({
  childId: idSchema,
  firstName: z.string(),
  lastName: z.string(),
  colour: z.enum(['red', 'amber']),
  screeningDate: z.string(),
});
export const workListsSchema = z.object({
  /** The last day of this week: reviews due on or before it (overdue ones too) are listed. */
  reviewsDueBy: z.string(),
  targetReviewsDue: z.array(targetSchema),
  rescreensOverdue: countSchema,
  rescreensDueSoon: countSchema,
  /** Null for a caller who may not see visits. */
  openVisitActions: z.array(visitActionSchema).nullable(),
  redAmberWithoutTarget: z.array(redAmberWithoutTargetSchema),
});
export type WorkLists = z.infer<typeof workListsSchema>;

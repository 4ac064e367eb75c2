import { z } from 'zod';
import { cohortOverviewSchema } from './cohort.js';
import { idSchema, isoDateSchema, optionalText, requiredText } from './common.js';
import { settingTargetReviewInputSchema, settingTargetSchema } from './settingTargets.js';
import { targetReviewInputSchema, targetSchema } from './targets.js';
import { visitActionSchema, visitRecordSchema, visitSchema } from './visits.js';

// The visit agenda: everything due at a setting on a visit's date, in one read, and the one save
// that records the visit with its target reviews and actions, all or nothing.

export const visitAgendaQuerySchema = z.object({
  settingId: idSchema,
  /** The visit's date: what is due by then. */
  date: isoDateSchema,
  /** The planned (or held) visit the agenda is for; null for a visit not planned beforehand. */
  visitId: idSchema.nullable().default(null),
});
export type VisitAgendaQuery = z.input<typeof visitAgendaQuerySchema>;

const childLineSchema = z.object({
  childId: idSchema,
  firstName: z.string(),
  lastName: z.string(),
  colour: z.enum(['red', 'amber', 'green']).nullable(),
  screeningDate: z.string().nullable(),
});

export const visitAgendaSchema = z.object({
  settingId: idSchema,
  settingName: z.string(),
  date: z.string(),
  visit: visitSchema.nullable(),
  lastHeldDate: z.string().nullable(),
  /** Children's active targets whose review date is on or before the agenda date. */
  targetsDue: z.array(targetSchema),
  /** Children whose re-screen is overdue on the agenda date (the cohort overview's rule). */
  overdueRescreens: z.array(childLineSchema.extend({ reviewDate: z.string().nullable() })),
  /** Red or Amber at their latest screening and no active target. */
  redAmberWithoutTarget: z.array(childLineSchema),
  /** Children whose latest screening prompted a referral. */
  referralPrompts: z.array(childLineSchema),
  /** Actions from earlier visits not yet done. */
  openActions: z.array(visitActionSchema.extend({ overdue: z.boolean() })),
  /** Whole-setting targets planned or in progress. */
  settingTargets: z.array(settingTargetSchema),
  /** The setting's figures for the screening round the date falls in (null when there is no round yet). */
  headline: z.object({ roundName: z.string(), figures: cohortOverviewSchema }).nullable(),
});
export type VisitAgenda = z.infer<typeof visitAgendaSchema>;

export const agendaActionSchema = z.object({
  description: requiredText('what is to be done', 300),
  ownerStaffId: idSchema.nullable().default(null),
  ownerName: optionalText('the owner’s name', 100),
  dueDate: isoDateSchema,
});

export const agendaActionDoneSchema = z.object({
  id: idSchema,
  /** Defaults to the visit's date. */
  doneDate: isoDateSchema.nullable().default(null),
  doneBy: optionalText('who did it', 100),
});

/**
 * The visit agenda's save: the visit's record (as `visits.record` takes it), and the reviews and
 * actions recorded at it. Every part is checked before anything is written; one problem anywhere
 * and nothing is saved.
 */
export const visitSaveSchema = visitRecordSchema.extend({
  targetReviews: z.array(targetReviewInputSchema).max(200, { message: 'Review at most 200 targets at once' }).default([]),
  settingTargetReviews: z.array(settingTargetReviewInputSchema).max(100, { message: 'Review at most 100 targets at once' }).default([]),
  newActions: z.array(agendaActionSchema).max(100, { message: 'Agree at most 100 actions at once' }).default([]),
  actionsDone: z.array(agendaActionDoneSchema).max(200, { message: 'Mark at most 200 actions done at once' }).default([]),
});
export type VisitSaveInput = z.input<typeof visitSaveSchema>;
export type VisitSave = z.output<typeof visitSaveSchema>;

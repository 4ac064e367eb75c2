import { z } from 'zod';
import { maxVisitWeeks, minVisitWeeks } from '../domain/visits.js';
import { cohortOverviewSchema } from './cohort.js';
import { countSchema, idSchema, isoDateSchema, optionalText, recordMetaSchema, requiredText } from './common.js';
import { settingTargetReviewInputSchema, settingTargetSchema } from './settingTargets.js';
import { targetReviewInputSchema, targetSchema } from './targets.js';

// SLT assistants' visits to settings (0013): planned, held or cancelled; who came, which children
// were discussed, screens checked, coaching, notes, agreed actions and the next visit date.

export const visitStatuses = ['planned', 'held', 'cancelled'] as const;
export type VisitStatus = (typeof visitStatuses)[number];
export const visitStatusLabels: Record<VisitStatus, string> = { planned: 'Planned', held: 'Held', cancelled: 'Cancelled' };

const visitorFields = {
  /** The visitor's account, when they sign in to Chatterbox; the name is kept either way. */
  visitorAccountId: idSchema.nullable().default(null),
  visitorName: requiredText('the visitor’s name', 100),
  visitorRole: optionalText('the visitor’s role', 60),
};

export const visitScheduleSchema = z.object({ settingId: idSchema, plannedDate: isoDateSchema, ...visitorFields });
export type VisitScheduleInput = z.input<typeof visitScheduleSchema>;

export const attendeeInputSchema = z.object({
  /** A staff member of the setting, or null for someone typed in (a parent, a room leader from elsewhere). */
  staffId: idSchema.nullable().default(null),
  name: requiredText('the attendee’s name', 100),
  role: optionalText('the attendee’s role', 60),
});

export const childDiscussedInputSchema = z.object({
  childId: idSchema,
  note: optionalText('the note about this child', 500, { multiline: true }),
});

/**
 * Records a visit as held, with all its parts at once: a planned visit (`id`) or one not planned
 * beforehand (`id` null), or changes a visit already recorded. Screens checked are a count and a
 * note, not links to screenings: the visit is a record of what was looked at, and screenings
 * come and go with purges on their own timetable.
 */
export const visitRecordSchema = z.object({
  settingId: idSchema,
  id: idSchema.nullable().default(null),
  heldDate: isoDateSchema,
  ...visitorFields,
  attendees: z.array(attendeeInputSchema).max(40, { message: 'List at most 40 people' }).default([]),
  childrenDiscussed: z.array(childDiscussedInputSchema).max(200, { message: 'List at most 200 children' }).default([]),
  screensCheckedCount: countSchema.min(0, { message: 'Enter 0 or more' }).max(1000, { message: 'Enter 1000 or fewer' }).default(0),
  screensCheckedNote: optionalText('the note about screens checked', 1000, { multiline: true }),
  coaching: optionalText('the coaching given', 4000, { multiline: true }),
  notes: optionalText('the notes', 4000, { multiline: true }),
  nextVisitDate: isoDateSchema.nullable().default(null),
});
export type VisitRecordInput = z.input<typeof visitRecordSchema>;

export const visitCancelSchema = z.object({ id: idSchema, reason: optionalText('the reason', 300) });

const actionFields = {
  description: requiredText('what is to be done', 300),
  /** The owner: a staff member of the setting, or a name typed in (the assistant, a parent). */
  ownerStaffId: idSchema.nullable().default(null),
  ownerName: optionalText('the owner’s name', 100),
  dueDate: isoDateSchema,
};
export const visitActionInputSchema = z.object({ visitId: idSchema, ...actionFields });
export type VisitActionInput = z.input<typeof visitActionInputSchema>;
export const visitActionUpdateSchema = z.object({ id: idSchema, ...actionFields });
export const visitActionDoneSchema = z.object({
  id: idSchema,
  done: z.boolean({ message: 'Say whether the action is done' }),
  /** Defaults to today. */
  doneDate: isoDateSchema.nullable().default(null),
  /** Defaults to the signed-in person's name. */
  doneBy: optionalText('who did it', 100),
});

export const visitActionSchema = recordMetaSchema.extend({
  visitId: idSchema,
  settingId: idSchema,
  /** The visit's date (held, else planned), for "agreed at the visit on ...". */
  visitDate: z.string().nullable(),
  description: z.string(),
  ownerStaffId: idSchema.nullable(),
  ownerName: z.string(),
  /** Who owns it, in words: the staff member's name, else the name typed. */
  owner: z.string(),
  dueDate: z.string(),
  doneDate: z.string().nullable(),
  doneBy: z.string(),
});
export type VisitAction = z.infer<typeof visitActionSchema>;

export const visitSchema = recordMetaSchema.extend({
  settingId: idSchema,
  settingName: z.string(),
  status: z.enum(visitStatuses),
  plannedDate: z.string().nullable(),
  heldDate: z.string().nullable(),
  visitorAccountId: idSchema.nullable(),
  visitorName: z.string(),
  visitorRole: z.string(),
  cancelledReason: z.string(),
  screensCheckedCount: z.number().int(),
  screensCheckedNote: z.string(),
  coaching: z.string(),
  notes: z.string(),
  nextVisitDate: z.string().nullable(),
  attendees: z.array(z.object({ staffId: idSchema.nullable(), name: z.string(), role: z.string() })),
  childrenDiscussed: z.array(z.object({ childId: idSchema, name: z.string(), note: z.string() })),
  actions: z.array(visitActionSchema),
});
export type Visit = z.infer<typeof visitSchema>;

export const visitListItemSchema = z.object({
  id: idSchema,
  settingId: idSchema,
  status: z.enum(visitStatuses),
  /** The date that matters: held date for a held visit, else the planned date. */
  date: z.string(),
  plannedDate: z.string().nullable(),
  heldDate: z.string().nullable(),
  visitorName: z.string(),
  attendeeCount: z.number().int(),
  childrenCount: z.number().int(),
  actionCount: z.number().int(),
  openActionCount: z.number().int(),
  nextVisitDate: z.string().nullable(),
});
export type VisitListItem = z.infer<typeof visitListItemSchema>;

export const visitActionsQuerySchema = z.object({ settingId: idSchema, includeDone: z.boolean().default(true) });

export const visitFrequencySchema = z.object({
  settingId: idSchema,
  weeks: countSchema
    .min(minVisitWeeks, { message: `Enter a number of weeks from ${minVisitWeeks} to ${maxVisitWeeks}` })
    .max(maxVisitWeeks, { message: `Enter a number of weeks from ${minVisitWeeks} to ${maxVisitWeeks}` }),
});
export type VisitFrequency = z.infer<typeof visitFrequencySchema>;

/** "My visits": the signed-in assistant's settings (null), or, for those who reach every setting, one assistant's. */
export const visitsMineSchema = z.object({ accountId: idSchema.nullable().default(null) });

export const visitStandings = ['overdue-planned', 'overdue-unplanned', 'never-visited', 'due-unplanned', 'planned'] as const;

export const mySettingVisitsSchema = z.object({
  settingId: idSchema,
  settingName: z.string(),
  everyWeeks: z.number().int(),
  lastHeldDate: z.string().nullable(),
  plannedVisitId: idSchema.nullable(),
  plannedDate: z.string().nullable(),
  dueDate: z.string().nullable(),
  standing: z.enum(visitStandings),
  overdue: z.boolean(),
  words: z.string(),
  openActions: z.array(visitActionSchema.extend({ overdue: z.boolean() })),
});
export type MySettingVisits = z.infer<typeof mySettingVisitsSchema>;
export const visitsMineResultSchema = z.object({ today: z.string(), assistantName: z.string().nullable(), settings: z.array(mySettingVisitsSchema) });
export type VisitsMineResult = z.infer<typeof visitsMineResultSchema>;

/**
 * The target reviews recorded at a visit, for the visit summary. The visit agenda (second round)
 * fills this from the child target reviews and whole-setting target reviews recorded on the
 * visit's date for its setting; the summary prints whatever it is given.
 */
export const visitReviewsSchema = z.object({
  childTargets: z.array(z.object({ childName: z.string(), target: z.string(), progress: z.string(), note: z.string(), nextReviewDate: z.string().nullable() })),
  settingTargets: z.array(z.object({ title: z.string(), status: z.string(), note: z.string() })),
});
export type VisitReviews = z.infer<typeof visitReviewsSchema>;

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
  /** Children screened since the last held visit (ever, when there is none), by their latest colour then. */
  screenedSinceLastVisit: z.object({ screened: z.number().int(), red: z.number().int(), amber: z.number().int(), green: z.number().int() }),
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

import { z } from 'zod';
import { progressRatings, reviewOutcomes, targetStatuses } from '../domain/targets.js';
import { idSchema, isoDateSchema, optionalText, recordMetaSchema, requiredText } from './common.js';

// Children's targets and their reviews. The rules between fields (dates, statuses) are in
// shared/domain/targets.ts, so the form, the API and the visit agenda apply the same ones.

export const targetStatusSchema = z.enum(targetStatuses, { message: 'Choose a status' });

const targetFields = {
  section: z.number({ message: 'Choose a section' }).int({ message: 'Choose a section' }).min(1).max(20).nullable().default(null),
  aim: requiredText('what the child will do', 500),
  activities: optionalText('the activities', 1000, { multiline: true }),
  deliveredBy: optionalText('who delivers it', 100),
  howOften: optionalText('how often', 100),
  place: optionalText('where', 100),
  startDate: isoDateSchema,
  reviewDate: isoDateSchema,
  strategyIds: z.array(idSchema).max(20, { message: 'Choose 20 strategies or fewer' }).default([]),
};

export const targetInputSchema = z.object({ childId: idSchema, screeningId: idSchema.nullable().default(null), ...targetFields });
export type TargetInput = z.input<typeof targetInputSchema>;
/** The screening a target came from stays as it was: an update leaves it out. */
export const targetUpdateSchema = z.object({ id: idSchema, ...targetFields });

export const targetReviewInputSchema = z.object({
  targetId: idSchema,
  reviewDate: isoDateSchema,
  reviewer: requiredText('who reviewed it', 100),
  progress: z.enum(progressRatings, { message: 'Choose how much progress there has been' }),
  note: optionalText('the note', 2000, { multiline: true }),
  status: z.enum(reviewOutcomes, { message: 'Choose whether the target carries on or closes' }),
  nextReviewDate: isoDateSchema.nullable().default(null),
});
export type TargetReviewInput = z.input<typeof targetReviewInputSchema>;

export const targetStopSchema = z.object({
  id: idSchema,
  stoppedOn: isoDateSchema,
  reason: requiredText('why the target stopped', 300),
});

export const targetListQuerySchema = z.object({
  settingId: idSchema,
  status: targetStatusSchema.nullable().default(null),
  /** Only active targets whose review date is on or before this date. */
  reviewDueBy: isoDateSchema.nullable().default(null),
  limit: z.number().int().min(1).max(1000).default(500),
});

export const targetReviewSchema = recordMetaSchema.extend({
  targetId: idSchema,
  reviewDate: z.string(),
  reviewer: z.string(),
  progress: z.enum(progressRatings),
  note: z.string(),
  status: z.enum(reviewOutcomes),
  nextReviewDate: z.string().nullable(),
});
export type TargetReview = z.infer<typeof targetReviewSchema>;

export const targetSchema = recordMetaSchema.extend({
  childId: idSchema,
  settingId: idSchema,
  childName: z.string(),
  screeningId: idSchema.nullable(),
  section: z.number().int().nullable(),
  aim: z.string(),
  activities: z.string(),
  deliveredBy: z.string(),
  howOften: z.string(),
  place: z.string(),
  startDate: z.string(),
  reviewDate: z.string(),
  status: targetStatusSchema,
  stoppedReason: z.string(),
  closedOn: z.string().nullable(),
  strategies: z.array(z.object({ id: idSchema, title: z.string() })),
  reviewCount: z.number().int(),
});
export type Target = z.infer<typeof targetSchema>;

export const targetWithReviewsSchema = targetSchema.extend({ reviews: z.array(targetReviewSchema) });
export type TargetWithReviews = z.infer<typeof targetWithReviewsSchema>;

/** Starting points from one screening: its items not passed, and the section to choose activities from. */
export const targetSuggestionSchema = z.object({
  screeningId: idSchema,
  screeningDate: z.string(),
  workingAtSection: z.number().int().nullable(),
  activitySection: z.number().int().nullable(),
  itemsNotPassed: z.array(z.object({ section: z.number().int(), item: z.number().int() })),
});
export type TargetSuggestion = z.infer<typeof targetSuggestionSchema>;

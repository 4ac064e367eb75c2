import { z } from 'zod';
import { ownerIssues, settingTargetStatuses, startingStatuses } from '../domain/settingTargets.js';
import { idSchema, isoDateSchema, optionalText, recordMetaSchema, requiredText } from './common.js';

// Whole-setting targets (shared/domain/settingTargets.ts has their rules). Forms and the API use
// these schemas, so each field's message is written once.

/** The most strategies one target links: a target that needs more is several targets. */
export const maxLinkedStrategies = 12;

const strategyIdsSchema = z
  .array(idSchema)
  .max(maxLinkedStrategies, { message: `Link at most ${maxLinkedStrategies} strategies` })
  .refine((ids) => new Set(ids).size === ids.length, { message: 'Each strategy can be linked once' })
  .default([]);

const targetFields = z.object({
  title: requiredText('what the setting will do', 150),
  description: optionalText('the description', 2000, { multiline: true }),
  ownerStaffId: idSchema.nullable().default(null),
  ownerName: optionalText('the owner’s name', 100),
  dueDate: isoDateSchema,
  strategyIds: strategyIdsSchema,
});

function checkOwner(v: { ownerStaffId: string | null; ownerName: string }, ctx: z.RefinementCtx): void {
  for (const issue of ownerIssues(v)) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
}

export const settingTargetInputSchema = targetFields
  .extend({
    settingId: idSchema,
    status: z.enum(startingStatuses, { message: 'Choose planned or in progress' }).default('planned'),
  })
  .superRefine(checkOwner);
export type SettingTargetInput = z.input<typeof settingTargetInputSchema>;

/** An edit changes what was agreed; the status moves only by a review or by stopping it. */
export const settingTargetUpdateSchema = targetFields.extend({ id: idSchema }).superRefine(checkOwner);
export type SettingTargetUpdate = z.input<typeof settingTargetUpdateSchema>;

export const settingTargetReviewInputSchema = z.object({
  settingTargetId: idSchema,
  reviewDate: isoDateSchema,
  reviewer: requiredText('who reviewed it', 100),
  note: requiredText('what was agreed at the review', 2000),
  evidence: optionalText('the evidence', 2000, { multiline: true }),
  status: z.enum(settingTargetStatuses, { message: 'Choose the status after the review' }),
});
export type SettingTargetReviewInput = z.input<typeof settingTargetReviewInputSchema>;

export const settingTargetStopSchema = z.object({
  id: idSchema,
  reason: requiredText('why the target is stopped', 2000),
});

export const settingTargetListQuerySchema = z.object({
  settingId: idSchema,
  status: z.enum(settingTargetStatuses).nullable().default(null),
  search: z.string().trim().max(100, { message: 'Search must be 100 characters or fewer' }).default(''),
});
export type SettingTargetListQuery = z.input<typeof settingTargetListQuerySchema>;

/** A strategy a target may link: the shared library's and the setting's own, not retired. */
export const strategyChoiceSchema = z.object({
  id: idSchema,
  title: z.string(),
  groupName: z.enum(['interaction', 'environment', 'routines', 'parents']),
  shared: z.boolean(),
});
export type StrategyChoice = z.infer<typeof strategyChoiceSchema>;

export const linkedStrategySchema = z.object({ id: idSchema, title: z.string(), shared: z.boolean() });

export const settingTargetSchema = recordMetaSchema.extend({
  settingId: idSchema,
  title: z.string(),
  description: z.string(),
  ownerStaffId: idSchema.nullable(),
  /** The owner as shown: the staff member's current name, or the typed name. */
  ownerName: z.string(),
  dueDate: z.string(),
  status: z.enum(settingTargetStatuses),
  strategies: z.array(linkedStrategySchema),
  reviewCount: z.number().int(),
  lastReviewDate: z.string().nullable(),
});
export type SettingTarget = z.infer<typeof settingTargetSchema>;

export const settingTargetReviewSchema = recordMetaSchema.extend({
  settingTargetId: idSchema,
  reviewDate: z.string(),
  reviewer: z.string(),
  note: z.string(),
  evidence: z.string(),
  statusBefore: z.enum(settingTargetStatuses),
  statusAfter: z.enum(settingTargetStatuses),
});
export type SettingTargetReview = z.infer<typeof settingTargetReviewSchema>;

/** A target with its history of reviews, newest first. */
export const settingTargetDetailSchema = settingTargetSchema.extend({ reviews: z.array(settingTargetReviewSchema) });
export type SettingTargetDetail = z.infer<typeof settingTargetDetailSchema>;

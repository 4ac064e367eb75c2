import { z } from 'zod';
import { idSchema } from './common.js';
import { settingTypes } from '../domain/setting-types.js';

// Cohort tracking: screening rounds (terms) and the questions managers and local authorities ask
// of them. Every count can be opened as the list of children behind it (cohort.children).

// ----- Scope and grouping ------------------------------------------------------------------

/** One setting, or many: every setting in the database narrowed by local authority and type. */
export const cohortScopeSchema = z.object({
  settingId: idSchema.nullable().default(null),
  localAuthority: z.string().trim().max(80).nullable().default(null),
  settingType: z.enum(settingTypes).nullable().default(null),
});
export type CohortScope = z.input<typeof cohortScopeSchema>;

export const cohortGroupings = [
  'ageSection',
  'sex',
  'eal',
  'sendStage',
  'ethnicity',
  'funded2',
  'eypp',
  'room',
  'keyPerson',
  'seasonOfBirth',
  'setting',
] as const;
export type CohortGrouping = (typeof cohortGroupings)[number];
export const cohortGroupingLabels: Record<CohortGrouping, string> = {
  ageSection: 'Age section',
  sex: 'Sex',
  eal: 'English as an additional language',
  sendStage: 'SEND stage',
  ethnicity: 'Ethnicity',
  funded2: 'Funded 2-year-old place',
  eypp: 'Early years pupil premium',
  room: 'Room',
  keyPerson: 'Key person',
  seasonOfBirth: 'Season of birth',
  setting: 'Setting',
};

export const ragCountsSchema = z.object({
  red: z.number().int(),
  amber: z.number().int(),
  green: z.number().int(),
  total: z.number().int(),
});
export type RagCounts = z.infer<typeof ragCountsSchema>;

/** One row of a breakdown. `suppressed` rows hide their counts (small numbers identify children). */
export const cohortRowSchema = ragCountsSchema.extend({
  key: z.string(),
  label: z.string(),
  suppressed: z.boolean(),
});
export type CohortRow = z.infer<typeof cohortRowSchema>;

export const cohortBreakdownInputSchema = z.object({
  scope: cohortScopeSchema.default({ settingId: null, localAuthority: null, settingType: null }),
  roundId: idSchema,
  groupBy: z.enum(cohortGroupings).default('ageSection'),
  /** Rows with fewer children than this show no counts (0 shows everything). */
  suppressBelow: z.number().int().min(0).max(100).default(0),
});
export const cohortBreakdownSchema = z.object({
  rows: z.array(cohortRowSchema),
  total: ragCountsSchema,
});
export type CohortBreakdown = z.infer<typeof cohortBreakdownSchema>;

/** Working-at level against age: how many sections below their age section children work. */
export const workingAtRowSchema = z.object({
  ageSection: z.number().int(),
  onTrack: z.number().int(),
  oneBehind: z.number().int(),
  twoBehind: z.number().int(),
  threeOrMoreBehind: z.number().int(),
  /** No section tried was Green. */
  belowAllTried: z.number().int(),
  total: z.number().int(),
});
export type WorkingAtRow = z.infer<typeof workingAtRowSchema>;

export const colourKeys = ['red', 'amber', 'green'] as const;
export const transitionInputSchema = z.object({
  scope: cohortScopeSchema.default({ settingId: null, localAuthority: null, settingType: null }),
  fromRoundId: idSchema,
  toRoundId: idSchema,
});
export const transitionSchema = z.object({
  /** matrix[from][to]: children with colour `from` in the first round and `to` in the second. */
  matrix: z.record(z.enum(colourKeys), z.record(z.enum(colourKeys), z.number().int())),
  improved: z.number().int(),
  same: z.number().int(),
  worse: z.number().int(),
  total: z.number().int(),
});
export type Transition = z.infer<typeof transitionSchema>;

export const trendRowSchema = ragCountsSchema.extend({ roundId: idSchema, name: z.string(), startDate: z.string() });
export type TrendRow = z.infer<typeof trendRowSchema>;

// ----- Targets ------------------------------------------------------------------------------

/**
 * "On targets" and "targets met", the one definition (repos/target-figures.ts holds its SQL):
 * - on roll: children on roll at any time in the round;
 * - on targets: of those, children with a target active at any time in the round (started by
 *   its last day, and not closed or stopped before its first);
 * - targets closed: targets of those children closed by a review in the round (achieved, partly
 *   achieved or not achieved). Stopped targets are left out: stopping means the plan changed
 *   (a referral took over, the child's needs changed), not that the target was or was not met;
 * - targets met: of the targets closed, those closed as achieved.
 * Children's subgroups are their details as recorded now; age section and season of birth come
 * from a screening, so they are not offered here.
 */
export const cohortTargetGroupings = ['sex', 'eal', 'sendStage', 'ethnicity', 'funded2', 'eypp', 'room', 'keyPerson', 'setting'] as const;
export type CohortTargetGrouping = (typeof cohortTargetGroupings)[number];
export const targetFigures = ['on', 'closed', 'met'] as const;
export type TargetFigure = (typeof targetFigures)[number];

export const cohortTargetsInputSchema = z.object({
  scope: cohortScopeSchema.default({ settingId: null, localAuthority: null, settingType: null }),
  roundId: idSchema,
  groupBy: z.enum(cohortTargetGroupings).default('sex'),
  /** Rows with fewer children on roll than this show no counts (0 shows everything). */
  suppressBelow: z.number().int().min(0).max(100).default(0),
});
export const targetCountsSchema = z.object({
  onRoll: z.number().int(),
  onTargets: z.number().int(),
  targetsClosed: z.number().int(),
  targetsMet: z.number().int(),
});
export type TargetCounts = z.infer<typeof targetCountsSchema>;
export const cohortTargetsSchema = z.object({
  rows: z.array(targetCountsSchema.extend({ key: z.string(), label: z.string(), suppressed: z.boolean() })),
  total: targetCountsSchema,
});
export type CohortTargets = z.infer<typeof cohortTargetsSchema>;

export const scopeRoundInputSchema = z.object({
  scope: cohortScopeSchema.default({ settingId: null, localAuthority: null, settingType: null }),
  roundId: idSchema,
});
export const scopeInputSchema = z.object({
  scope: cohortScopeSchema.default({ settingId: null, localAuthority: null, settingType: null }),
});

/** The headline numbers beside a round's breakdown. */
// "On roll" is shared/domain/roll.ts, the one definition, for the round or for today.
export const cohortOverviewSchema = z.object({
  /** Children on roll at any time in the round. */
  childrenOnRoll: z.number().int(),
  /** Children on roll today. */
  childrenOnRollToday: z.number().int(),
  /** Children on roll today whose latest screening's review date has passed. */
  overdue: z.number().int(),
  /** Children on roll in the round with no screening in it. */
  notScreened: z.number().int(),
  /** Children screened in the round. */
  screened: z.number().int(),
  /** Of those screened, children whose screening in the round stopped early (incomplete). */
  incomplete: z.number().int(),
});
export type CohortOverview = z.infer<typeof cohortOverviewSchema>;

export const settingsComparisonInputSchema = z.object({
  roundId: idSchema,
  localAuthority: z.string().trim().max(80).nullable().default(null),
  settingType: z.enum(settingTypes).nullable().default(null),
});
export const settingsComparisonRowSchema = ragCountsSchema.extend({
  settingId: idSchema,
  settingName: z.string(),
  localAuthority: z.string(),
  settingType: z.enum(settingTypes),
  /** The same four figures as cohort.overview gives for the setting. */
  childrenOnRoll: z.number().int(),
  childrenOnRollToday: z.number().int(),
  overdue: z.number().int(),
  incomplete: z.number().int(),
});
export const settingsComparisonSchema = z.object({
  rows: z.array(settingsComparisonRowSchema),
  total: ragCountsSchema.extend({
    childrenOnRoll: z.number().int(),
    childrenOnRollToday: z.number().int(),
    overdue: z.number().int(),
    incomplete: z.number().int(),
  }),
});
export type SettingsComparison = z.infer<typeof settingsComparisonSchema>;

// ----- Drill-down ---------------------------------------------------------------------------

/** Which children a number counted: the same filters the number was made with. */
export const cohortChildrenInputSchema = z.object({
  scope: cohortScopeSchema.default({ settingId: null, localAuthority: null, settingType: null }),
  roundId: idSchema.nullable().default(null),
  groupBy: z.enum(cohortGroupings).nullable().default(null),
  groupKey: z.string().max(100).nullable().default(null),
  colour: z.enum(colourKeys).nullable().default(null),
  /** With roundId: children whose working-at level is this many sections below age (3 = 3 or more, -1 = below all tried). */
  sectionsBehind: z.number().int().min(-1).max(3).nullable().default(null),
  /** A transition cell: colour in fromRoundId, then `colour` in roundId. */
  fromRoundId: idSchema.nullable().default(null),
  fromColour: z.enum(colourKeys).nullable().default(null),
  /** Only children on roll today whose review is overdue (ignores the round). */
  overdue: z.boolean().default(false),
  /** Children on roll at any time in the round with no screening in it. */
  notScreened: z.boolean().default(false),
  /**
   * With roundId: children on roll in the round on targets in it ('on'), or with a target closed
   * in it ('closed') or closed as achieved ('met'); groupBy/groupKey then name a children's subgroup.
   */
  targets: z.enum(targetFigures).nullable().default(null),
  limit: z.number().int().min(1).max(5000).default(500),
});
export const cohortChildSchema = z.object({
  childId: idSchema,
  firstName: z.string(),
  lastName: z.string(),
  settingId: idSchema,
  settingName: z.string(),
  screeningDate: z.string().nullable(),
  ageSection: z.number().int().nullable(),
  colour: z.enum(colourKeys).nullable(),
  workingAtSection: z.number().int().nullable(),
  reviewDate: z.string().nullable(),
});
export const cohortChildrenSchema = z.object({ total: z.number().int(), rows: z.array(cohortChildSchema) });
export type CohortChildren = z.infer<typeof cohortChildrenSchema>;

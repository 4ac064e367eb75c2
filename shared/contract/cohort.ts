import { z } from 'zod';
import {
  cohortBreakdownInputSchema,
  cohortBreakdownSchema,
  cohortChildrenInputSchema,
  cohortChildrenSchema,
  cohortOverviewSchema,
  cohortTargetsInputSchema,
  cohortTargetsSchema,
  scopeInputSchema,
  scopeRoundInputSchema,
  settingsComparisonInputSchema,
  settingsComparisonSchema,
  transitionInputSchema,
  transitionSchema,
  trendRowSchema,
  workingAtRowSchema,
} from '../schemas/cohort.js';
import { notAudited, scoped, type Methods } from './facts.js';

const read = { effect: 'read', async: false, audit: notAudited, permission: 'cohort:read' } as const;

export const cohortContract = {
  /** Red/Amber/Green for one round, grouped by age section or a subgroup. */
  'cohort.breakdown': { ...read, ...scoped('setting', 'scope.settingId', 'reach'), input: cohortBreakdownInputSchema, output: cohortBreakdownSchema },
  'cohort.workingAt': { ...read, ...scoped('setting', 'scope.settingId', 'reach'), input: scopeRoundInputSchema, output: z.array(workingAtRowSchema) },
  'cohort.overview': { ...read, ...scoped('setting', 'scope.settingId', 'reach'), input: scopeRoundInputSchema, output: cohortOverviewSchema },
  'cohort.trend': { ...read, ...scoped('setting', 'scope.settingId', 'reach'), input: scopeInputSchema, output: z.array(trendRowSchema) },
  'cohort.transitions': { ...read, ...scoped('setting', 'scope.settingId', 'reach'), input: transitionInputSchema, output: transitionSchema },
  /** Setting by setting, for a database that holds many (an assistant, a local authority): the caller's settings. */
  'cohort.settings': { ...read, input: settingsComparisonInputSchema, output: settingsComparisonSchema },
  /** "On targets" and "targets met" in a round, by a children's subgroup (definition: shared/schemas/cohort.ts). */
  'cohort.targets': { ...read, ...scoped('setting', 'scope.settingId', 'reach'), input: cohortTargetsInputSchema, output: cohortTargetsSchema },
  /** The children behind any number above. */
  'cohort.children': { ...read, ...scoped('setting', 'scope.settingId', 'reach'), input: cohortChildrenInputSchema, output: cohortChildrenSchema },
} as const satisfies Methods;

import { z } from 'zod';
import { idSchema, optionalText, recordMetaSchema, requiredText } from './common.js';

// The strategies library: the shared strategies (no setting) every setting sees, and a setting's own.

export const strategyGroups = ['interaction', 'environment', 'routines', 'parents'] as const;
export type StrategyGroup = (typeof strategyGroups)[number];
export const strategyGroupLabels: Record<StrategyGroup, string> = {
  interaction: 'Interaction',
  environment: 'Environment',
  routines: 'Routines',
  parents: 'Working with parents',
};
export const strategyGroupSchema = z.enum(strategyGroups, { message: 'Choose a group' });

const strategyFields = {
  group: strategyGroupSchema,
  title: requiredText('the title', 100),
  description: requiredText('the description', 600),
  homeVersion: optionalText('the "try at home" version', 300),
};

/** No setting: a shared library strategy (people who reach every setting only). */
export const strategyInputSchema = z.object({ settingId: idSchema.nullable().default(null), ...strategyFields });
export type StrategyInput = z.input<typeof strategyInputSchema>;
export const strategyUpdateSchema = z.object({ id: idSchema, ...strategyFields });

export const strategyListQuerySchema = z.object({
  /** Adds this setting's own strategies to the shared ones; null lists the shared library alone. */
  settingId: idSchema.nullable().default(null),
  search: z.string().trim().max(100, { message: 'Search for 100 characters or fewer' }).default(''),
  group: strategyGroupSchema.nullable().default(null),
  includeArchived: z.boolean().default(false),
});

export const strategySchema = recordMetaSchema.extend({
  settingId: idSchema.nullable(),
  group: strategyGroupSchema,
  title: z.string(),
  description: z.string(),
  homeVersion: z.string(),
  archivedAt: z.string().nullable(),
  /** How many targets name it (active or not): shown so an archive is made knowingly. */
  targetCount: z.number().int(),
});
export type Strategy = z.infer<typeof strategySchema>;

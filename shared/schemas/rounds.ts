import { z } from 'zod';
import { idSchema, isoDateSchema, recordMetaSchema, requiredText } from './common.js';

// Screening rounds (terms): the periods cohort tracking counts children in.

export const roundInputSchema = z.object({
  name: requiredText('a name for the round, for example Autumn 2026', 60),
  startDate: isoDateSchema,
  endDate: isoDateSchema,
});
export const roundUpdateSchema = roundInputSchema.extend({ id: idSchema });

export const roundSchema = recordMetaSchema.extend({
  name: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  screeningCount: z.number().int(),
});
export type Round = z.infer<typeof roundSchema>;

import { z } from 'zod';
import { countSchema, idSchema, recordMetaSchema, requiredText } from './common.js';

// ----- Instruments ---------------------------------------------------------------------------

export const instrumentSectionSchema = z.object({
  section: z.number().int().min(1),
  minMonths: z.number().int().min(0),
  maxMonths: z.number().int().min(0),
  itemCount: z.number().int().min(1),
  lowestGreen: z.number().int().nullable(),
  lowestAmber: z.number().int().nullable(),
});

export const instrumentSchema = recordMetaSchema.extend({
  name: z.string(),
  isDefault: z.boolean(),
  archivedAt: z.string().nullable(),
  sections: z.array(instrumentSectionSchema),
  screeningCount: z.number().int(),
});
export type Instrument = z.infer<typeof instrumentSchema>;

/** What an administrator may change per section: the item count and the cut-offs from their handbook. */
export const instrumentSectionEditSchema = z.object({
  section: z.number().int().min(1),
  itemCount: countSchema.min(1, { message: 'A section needs at least 1 item' }).max(50, { message: 'A section can have at most 50 items' }),
  lowestGreen: countSchema.min(0, { message: 'Cut-offs cannot be negative' }).nullable(),
  lowestAmber: countSchema.min(0, { message: 'Cut-offs cannot be negative' }).nullable(),
});

export const instrumentUpdateSchema = z.object({
  id: idSchema,
  name: requiredText('the instrument name', 80),
  sections: z.array(instrumentSectionEditSchema).min(1).max(20),
});
export type InstrumentUpdate = z.input<typeof instrumentUpdateSchema>;

export const instrumentCopySchema = z.object({
  fromId: idSchema,
  name: requiredText('a name for the new version', 80),
});

import { z } from 'zod';
import { idSchema, isoDateSchema, optionalText, recordMetaSchema, requiredText } from './common.js';

export const colours = ['red', 'amber', 'green'] as const;
export const colourSchema = z.enum(colours, { message: 'Choose Red, Amber or Green' });
export const colourLabels = { red: 'Red', amber: 'Amber', green: 'Green' } as const;

export const screeningActions = ['universal', 'targeted', 'referral'] as const;
export const screeningActionLabels = {
  universal: 'Universal: strategies for all children',
  targeted: 'Targeted: activities and a review screen',
  referral: 'Referral: contact the speech and language service',
} as const;

// ----- Instruments ---------------------------------------------------------------------------

const countSchema = z.number({ message: 'Enter a whole number' }).int({ message: 'Enter a whole number' });

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

// ----- Screenings ----------------------------------------------------------------------------

export const sectionEntrySchema = z.object({
  section: z.number({ message: 'Choose a section' }).int(),
  score: z.number({ message: 'Enter the score as a number' }).nullable().default(null),
  colour: colourSchema.nullable().default(null),
  itemsNotPassed: z
    .array(z.number().int({ message: 'Item numbers are whole numbers' }).min(1, { message: 'Item numbers start at 1' }))
    .max(50)
    .default([]),
});
export type SectionEntry = z.input<typeof sectionEntrySchema>;

const screeningFields = {
  screeningDate: isoDateSchema,
  instrumentId: idSchema,
  screenerId: idSchema.nullable().default(null),
  parentPresent: z.boolean().default(false),
  concernPractitioner: z.boolean().default(false),
  concernParent: z.boolean().default(false),
  concernDetails: optionalText('concern details', 2000),
  sections: z.array(sectionEntrySchema).min(1, { message: 'Enter the result for at least one section' }).max(12),
  comments: z
    .object({
      speechSounds: optionalText('the speech sounds comment', 2000),
      attention: optionalText('the attention and listening comment', 2000),
      stammering: optionalText('the stammering comment', 2000),
      voice: optionalText('the voice comment', 2000),
      other: optionalText('the other comments', 2000),
    })
    .default({ speechSounds: '', attention: '', stammering: '', voice: '', other: '' }),
  action: z.enum(screeningActions, { message: 'Choose what happens next' }).nullable().default(null),
};

export const screeningInputSchema = z.object({ childId: idSchema, ...screeningFields });
export type ScreeningInput = z.input<typeof screeningInputSchema>;
export const screeningUpdateSchema = z.object({ id: idSchema, ...screeningFields });

export const screeningSectionResultSchema = z.object({
  section: z.number().int(),
  score: z.number().int().nullable(),
  enteredColour: colourSchema.nullable(),
  computedColour: colourSchema.nullable(),
  colour: colourSchema,
  /** True when the practitioner's colour and the colour from the score and cut-offs differ. */
  disagrees: z.boolean(),
  itemsNotPassed: z.array(z.number().int()),
});

export const screeningSchema = recordMetaSchema.extend({
  childId: idSchema,
  settingId: idSchema,
  instrumentId: idSchema,
  instrumentName: z.string(),
  screeningDate: z.string(),
  ageMonths: z.number().int(),
  ageSection: z.number().int(),
  screenerId: idSchema.nullable(),
  screenerName: z.string().nullable(),
  parentPresent: z.boolean(),
  concernPractitioner: z.boolean(),
  concernParent: z.boolean(),
  concernDetails: z.string(),
  comments: z.object({ speechSounds: z.string(), attention: z.string(), stammering: z.string(), voice: z.string(), other: z.string() }),
  action: z.enum(screeningActions),
  sections: z.array(screeningSectionResultSchema),
  colour: colourSchema,
  workingAtSection: z.number().int().nullable(),
  activitySection: z.number().int().nullable(),
  sectionsBehind: z.number().int().nullable(),
  referralPrompted: z.boolean(),
  referralReasons: z.array(z.string()),
  reviewDate: z.string(),
});
export type Screening = z.infer<typeof screeningSchema>;

export const reviewIntervalsSchema = z.object({
  settingId: idSchema,
  amberWeeks: countSchema.min(1, { message: 'Enter 1 to 52 weeks' }).max(52, { message: 'Enter 1 to 52 weeks' }),
  redWeeks: countSchema.min(1, { message: 'Enter 1 to 52 weeks' }).max(52, { message: 'Enter 1 to 52 weeks' }),
  greenMonths: countSchema.min(1, { message: 'Enter 1 to 24 months' }).max(24, { message: 'Enter 1 to 24 months' }),
});

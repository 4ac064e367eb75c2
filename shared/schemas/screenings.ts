import { z } from 'zod';
import { idSchema, isoDateSchema, optionalText, recordMetaSchema } from './common.js';

export const colours = ['red', 'amber', 'green'] as const;
export const colourSchema = z.enum(colours, { message: 'Choose Red, Amber or Green' });
export const colourLabels = { red: 'Red', amber: 'Amber', green: 'Green' } as const;

export const screeningActions = ['universal', 'targeted', 'referral'] as const;
export const screeningActionLabels = {
  universal: 'Universal: strategies for all children',
  targeted: 'Targeted: activities and a review screen',
  referral: 'Referral: contact the speech and language service',
} as const;

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
  concernDetails: optionalText('concern details', 2000, { multiline: true }),
  sections: z.array(sectionEntrySchema).min(1, { message: 'Enter the result for at least one section' }).max(12),
  comments: z
    .object({
      speechSounds: optionalText('the speech sounds comment', 2000, { multiline: true }),
      attention: optionalText('the attention and listening comment', 2000, { multiline: true }),
      stammering: optionalText('the stammering comment', 2000, { multiline: true }),
      voice: optionalText('the voice comment', 2000, { multiline: true }),
      other: optionalText('the other comments', 2000, { multiline: true }),
    })
    .default({ speechSounds: '', attention: '', stammering: '', voice: '', other: '' }),
  action: z.enum(screeningActions, { message: 'Choose what happens next' }).nullable().default(null),
  /** Stopped before a Green section; needs a reason (shared/domain/screening-outcome.ts). */
  stoppedEarly: z.boolean().default(false),
  stoppedEarlyReason: optionalText('the reason the screening stopped early', 500),
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
  /** Stopped before a Green section: shown as incomplete, re-screened soon. */
  stoppedEarly: z.boolean(),
  stoppedEarlyReason: z.string(),
});
export type Screening = z.infer<typeof screeningSchema>;

/** What screenings.preview works out without saving: the problems, or the outcome. */
export const screeningPreviewSchema = z.object({
  issues: z.array(z.object({ path: z.array(z.union([z.string(), z.number()])), message: z.string() })),
  ageMonths: z.number().int().nullable(),
  ageSection: z.number().int().nullable(),
  complete: z.boolean(),
  colour: colourSchema.nullable(),
  workingAtSection: z.number().int().nullable(),
  /** Sections below the age section the child works at (null when not known). */
  sectionsBehind: z.number().int().nullable(),
  /** The section to choose activities from. */
  activitySection: z.number().int().nullable(),
  referralPrompted: z.boolean(),
  referralReasons: z.array(z.string()),
  reviewDate: z.string().nullable(),
  suggestedAction: z.enum(screeningActions),
});
export type ScreeningPreview = z.infer<typeof screeningPreviewSchema>;

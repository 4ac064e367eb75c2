import { z } from 'zod';
import { isIsoDate } from '../domain/dates.js';

// Building blocks shared by every record schema. Messages are written for the person filling in
// the form, because the same text is shown next to the field and in the error summary.

export const idSchema = z.string().uuid({ message: 'Must be a record id' });

export const timestampSchema = z.string();

/** A calendar date as 'YYYY-MM-DD'. The renderer converts 27/11/2026 to this before sending. */
export const isoDateSchema = z.string({ message: 'Enter a date' }).refine(isIsoDate, { message: 'Enter a real date, for example 27/11/2026' });

/** A required short text: trimmed, not empty, bounded so no request can store a novel. */
export function requiredText(label: string, max = 100) {
  return z
    .string({ message: `Enter ${label}` })
    .trim()
    .min(1, { message: `Enter ${label}` })
    .max(max, { message: `${capitalise(label)} must be ${max} characters or fewer` });
}

export function optionalText(label: string, max = 100) {
  return z
    .string()
    .trim()
    .max(max, { message: `${capitalise(label)} must be ${max} characters or fewer` })
    .default('');
}

export const recordMetaSchema = z.object({
  id: idSchema,
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** A whole number typed into a form field. */
export const countSchema = z.number({ message: 'Enter a whole number' }).int({ message: 'Enter a whole number' });

/** Inputs many methods share: one record by id, a setting's records, archive or restore. */
export const byIdSchema = z.object({ id: idSchema });
export const bySettingSchema = z.object({ settingId: idSchema, includeArchived: z.boolean().default(false) });
export const archiveToggleSchema = z.object({ id: idSchema, archived: z.boolean() });

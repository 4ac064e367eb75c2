import { z } from 'zod';
import { isIsoDate } from '../domain/dates.js';

// Building blocks shared by every record schema. Messages are written for the person filling in
// the form, because the same text is shown next to the field and in the error summary.

export const idSchema = z.string().uuid({ message: 'Must be a record id' });

export const timestampSchema = z.string();

/** A calendar date as 'YYYY-MM-DD'. The renderer converts 27/11/2026 to this before sending. */
export const isoDateSchema = z.string({ message: 'Enter a date' }).refine(isIsoDate, { message: 'Enter a real date, for example 27/11/2026' });

// Control characters (NUL, escape, backspace...) are invisible, break exports and other programs
// reading the file, and NUL cut names short; tabs and new lines belong only in multi-line notes.
function hasControlCharacter(s: string, lineBreaksAllowed: boolean): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (lineBreaksAllowed && (c === 0x09 || c === 0x0a || c === 0x0d)) continue;
    if (c <= 0x1f || (c >= 0x7f && c <= 0x9f)) return true;
  }
  return false;
}

// Half of a character that needs two UTF-16 units (emoji, rare scripts): SQLite would silently
// store a replacement character instead, so what was typed would not be what was kept.
const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * The one rule for every free-text field, whichever door the text comes through (form, API,
 * import, command line): no control characters (tabs and new lines allowed when `multiline`),
 * no broken characters. The message names the field, as every other field message does.
 */
export function storableText<T extends z.ZodString>(schema: T, label: string, options: { multiline?: boolean } = {}): T {
  const allowed = options.multiline ? ' (tabs and new lines are fine)' : '';
  return schema
    .refine((s) => !hasControlCharacter(s, options.multiline ?? false), {
      message: `${capitalise(label)} contains a hidden control character${allowed}. Remove it, or type the text again.`,
    })
    .refine((s) => !loneSurrogate.test(s), {
      message: `${capitalise(label)} contains a broken character (half of an emoji or symbol). Remove it, or type the text again.`,
    }) as T;
}

/** A required short text: trimmed, not empty, bounded so no request can store a novel. */
export function requiredText(label: string, max = 100) {
  return storableText(
    z
      .string({ message: `Enter ${label}` })
      .trim()
      .min(1, { message: `Enter ${label}` })
      .max(max, { message: `${capitalise(label)} must be ${max} characters or fewer` }),
    label,
  );
}

/** An optional text; `multiline` for notes and comments, where tabs and new lines are kept. */
export function optionalText(label: string, max = 100, options: { multiline?: boolean } = {}) {
  return storableText(
    z
      .string()
      .trim()
      .max(max, { message: `${capitalise(label)} must be ${max} characters or fewer` }),
    label,
    options,
  ).default('');
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

import type { ZodType } from 'zod';
import { ApiCallError, type FieldIssue } from '../../shared/errors.js';

/**
 * Field errors keyed by their path joined with dots ('dateOfBirth', 'sections.1.score'), first
 * message wins. Form fields are named the same way, so each message lands beside its field.
 */
export type FieldErrors = Record<string, string>;

export function issuesToFieldErrors(issues: readonly FieldIssue[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const key = issue.path.length > 0 ? issue.path.join('.') : 'form';
    errors[key] ??= issue.message;
  }
  return errors;
}

/**
 * Validates with the same schema the API uses, plus issues from rules the caller checked itself
 * (such as "not in the future", which needs today's date), so that every problem on the form is
 * reported at once. Returns the parsed value or the field errors.
 */
export function validate<T>(
  schema: ZodType<T>,
  value: unknown,
  extraIssues: readonly FieldIssue[] = [],
): { ok: true; value: T } | { ok: false; errors: FieldErrors } {
  const parsed = schema.safeParse(value);
  const schemaIssues = parsed.success
    ? []
    : parsed.error.issues.map((i) => ({ path: i.path.map((p) => (typeof p === 'number' ? p : String(p))), message: i.message }));
  if (parsed.success && extraIssues.length === 0) return { ok: true, value: parsed.data };
  return { ok: false, errors: issuesToFieldErrors([...schemaIssues, ...extraIssues]) };
}

/** Turns a failed save into field errors (when the core named fields) or a form-level message. */
export function errorsFromFailure(err: unknown): FieldErrors {
  if (err instanceof ApiCallError) {
    return err.issues.length > 0 ? issuesToFieldErrors(err.issues) : { form: err.message };
  }
  return { form: 'Something went wrong. Nothing was saved.' };
}

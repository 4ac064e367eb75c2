import type { ZodType } from 'zod';
import { ApiCallError, type FieldIssue } from '../../shared/errors.js';

/** Field errors keyed by the first part of their path ('dateOfBirth'), first message wins. */
export type FieldErrors = Record<string, string>;

export function issuesToFieldErrors(issues: readonly FieldIssue[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const key = String(issue.path[0] ?? 'form');
    errors[key] ??= issue.message;
  }
  return errors;
}

/**
 * Validates with the same schema the API uses, plus any rules the caller adds (such as "not in
 * the future", which needs today's date). Returns the parsed value or the field errors.
 */
export function validate<T>(schema: ZodType<T>, value: unknown, extra: (parsed: T) => FieldIssue[] = () => []): { ok: true; value: T } | { ok: false; errors: FieldErrors } {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.map((p) => (typeof p === 'number' ? p : String(p))), message: i.message }));
    return { ok: false, errors: issuesToFieldErrors(issues) };
  }
  const more = extra(parsed.data);
  return more.length > 0 ? { ok: false, errors: issuesToFieldErrors(more) } : { ok: true, value: parsed.data };
}

/** Turns a failed save into field errors (when the core named fields) or a form-level message. */
export function errorsFromFailure(err: unknown): FieldErrors {
  if (err instanceof ApiCallError) {
    return err.issues.length > 0 ? issuesToFieldErrors(err.issues) : { form: err.message };
  }
  return { form: 'Something went wrong. Nothing was saved.' };
}

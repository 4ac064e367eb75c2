import { useId, type FormEvent, type ReactNode } from 'react';
import type { FieldErrors } from '../lib/forms.js';
import { ErrorSummary } from './ErrorSummary.js';

interface Props {
  title: string;
  /** h3 inside a section of the page (rooms, staff), h2 where the form is a part of the page itself. */
  level?: 2 | 3;
  /** The form's accessible name where it should differ from the title. */
  label?: string;
  /** Words between the title and the fields. */
  intro?: ReactNode;
  errors: FieldErrors;
  /** Field names in the order they appear, for the error summary. */
  order: readonly string[];
  submitLabel: string;
  onSubmit: (e: FormEvent) => void;
  /** Shows a Cancel button (editing a record, or a form opened on demand). */
  onCancel?: (() => void) | undefined;
  children: ReactNode;
}

/** The small form under a table of records, for adding one or changing the one chosen. */
export function InlineForm({ title, level = 3, label, intro, errors, order, submitLabel, onSubmit, onCancel, children }: Props) {
  const titleId = useId();
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <form className="inline-form" onSubmit={onSubmit} noValidate aria-label={label} aria-labelledby={label === undefined ? titleId : undefined}>
      <Heading id={titleId}>{title}</Heading>
      {intro}
      <ErrorSummary errors={errors} order={order} />
      {children}
      <div className="button-row">
        <button type="submit" className="button">
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="button button--secondary" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}

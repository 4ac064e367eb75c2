import { useEffect, useId, useRef } from 'react';
import type { FieldErrors } from '../lib/forms.js';
import { fieldId } from './fields.js';

interface Props {
  errors: FieldErrors;
  /** Field names in the order they appear on the form, so the summary reads top to bottom. */
  order: readonly string[];
}

/**
 * The GOV.UK error summary: appears at the top when a save fails, takes focus so screen reader
 * users hear it, and links each message to its field.
 */
export function ErrorSummary({ errors, order }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const entries = Object.entries(errors).sort(([a], [b]) => rank(order, a) - rank(order, b));
  const signature = entries.map(([k, v]) => `${k}:${v}`).join('|');

  useEffect(() => {
    if (signature) ref.current?.focus();
  }, [signature]);

  if (entries.length === 0) return null;
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={ref} aria-labelledby={titleId}>
      <h2 className="error-summary__title" id={titleId}>
        There is a problem
      </h2>
      <ul className="error-summary__list">
        {entries.map(([name, message]) =>
          order.includes(name) ? (
            <li key={name}>
              <a
                href={`#${fieldId(name)}`}
                onClick={(e) => {
                  // Hash links would change the route; move focus to the field instead.
                  e.preventDefault();
                  document.getElementById(fieldId(name))?.focus();
                }}
              >
                {message}
              </a>
            </li>
          ) : (
            <li key={name}>{message}</li>
          ),
        )}
      </ul>
    </div>
  );
}

function rank(order: readonly string[], name: string): number {
  const i = order.indexOf(name);
  return i === -1 ? order.length : i;
}

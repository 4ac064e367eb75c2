import { useEffect, useRef, useState } from 'react';
import type { ScreeningInput, ScreeningPreview } from '../../../shared/schemas/screenings.js';
import { useApiClient } from '../../lib/apiClient.js';
import { errorsFromFailure, issuesToFieldErrors, type FieldErrors } from '../../lib/forms.js';

/** Long enough that typing a score is one request, short enough that the outcome follows at once. */
export const PREVIEW_DELAY_MS = 300;

/**
 * The outcome of the screening being entered, from screenings.preview: the one path the core
 * takes on save and imports take, so the form never works out an outcome of its own. Asks once
 * typing pauses, and only for an input the form's own checks pass (null otherwise); keeps showing
 * the last outcome while the next is on its way, and ignores an answer overtaken by a newer one.
 * The problems preview finds come back as field messages.
 */
export function useScreeningPreview(input: ScreeningInput | null): { preview: ScreeningPreview | null; errors: FieldErrors; updating: boolean } {
  const api = useApiClient();
  const [preview, setPreview] = useState<ScreeningPreview | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  // The input the shown outcome answers: while it differs from the one asked, an answer is due.
  const [answered, setAnswered] = useState<string | null>(null);
  const latest = useRef(0);
  const key = input ? JSON.stringify(input) : null;

  useEffect(() => {
    if (key === null) return;
    const asked = JSON.parse(key) as ScreeningInput;
    const request = ++latest.current;
    const timer = setTimeout(() => {
      api('screenings.preview', asked).then(
        (answer) => {
          if (request !== latest.current) return;
          setPreview(answer);
          setErrors(issuesToFieldErrors(answer.issues));
          setAnswered(key);
        },
        (err: unknown) => {
          if (request !== latest.current) return;
          setPreview(null);
          setErrors(errorsFromFailure(err));
          setAnswered(key);
        },
      );
    }, PREVIEW_DELAY_MS);
    return () => clearTimeout(timer);
  }, [api, key]);

  return { preview, errors, updating: key !== null && key !== answered };
}

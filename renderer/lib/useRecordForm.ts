import { useState, type FormEvent } from 'react';
import type { ZodType } from 'zod';
import { errorsFromFailure, validate, type FieldErrors } from './forms.js';
import { useFormValues } from './useFormValues.js';

/**
 * The state of an add-or-edit form under a table of records: which record is being edited (null
 * when adding), what is typed, and the errors. `submit` validates with the API's own schema, runs
 * the save, and empties the form for the next record; a refusal lands beside its fields.
 */
export function useRecordForm<T, V>(empty: V) {
  const [editing, setEditing] = useState<T | null>(null);
  const { values, setValues, set, field } = useFormValues<V>(empty);
  const [errors, setErrors] = useState<FieldErrors>({});

  const reset = () => {
    setEditing(null);
    setValues(empty);
    setErrors({});
  };
  const edit = (record: T, from: V) => {
    setEditing(record);
    setValues(from);
    setErrors({});
  };
  async function submit<S>(
    e: FormEvent,
    schema: ZodType<S>,
    input: unknown,
    save: (value: S) => Promise<void>,
    renameErrors: (errors: FieldErrors) => FieldErrors = (x) => x,
  ) {
    e.preventDefault();
    const checked = validate(schema, input);
    if (!checked.ok) return setErrors(renameErrors(checked.errors));
    try {
      await save(checked.value);
      reset();
    } catch (err) {
      setErrors(renameErrors(errorsFromFailure(err)));
    }
  }

  return { editing, values, errors, set, field: <K extends keyof V & string>(key: K) => field(key, errors), edit, reset, submit };
}

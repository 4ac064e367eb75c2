import { useState } from 'react';
import type { FieldErrors } from './forms.js';

/**
 * What a form holds, as typed. `set(key)` is the onChange for one value; `field(key, errors)` is
 * the name, value, onChange and error a field takes when it is named after its value, so a form
 * does not spell each key four times.
 */
export function useFormValues<V>(initial: V | (() => V)) {
  const [values, setValues] = useState<V>(initial);
  const set =
    <K extends keyof V>(key: K) =>
    (value: V[K]) =>
      setValues((v) => ({ ...v, [key]: value }));
  const field = <K extends keyof V & string>(key: K, errors: FieldErrors) => ({ name: key, value: values[key], onChange: set(key), error: errors[key] });
  return { values, setValues, set, field };
}

import type { ReactNode } from 'react';

// Form fields in the GOV.UK pattern: label, optional hint, the error right above the input, and
// the input pointing at both with aria-describedby. Ids are `field-<name>` so the error summary
// can link to them.

export const fieldId = (name: string) => `field-${name}`;

interface FieldFrameProps {
  name: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  children: (describedBy: string | undefined) => ReactNode;
}

function FieldFrame({ name, label, hint, error, children }: FieldFrameProps) {
  const id = fieldId(name);
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' field--error' : ''}`}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {hint && (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field__error" id={`${id}-error`}>
          <span className="visually-hidden">Error: </span>
          {error}
        </p>
      )}
      {children(describedBy)}
    </div>
  );
}

interface TextFieldProps {
  name: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: string;
  error?: string | undefined;
  autoComplete?: string;
  width?: 'short' | 'medium' | 'long';
  inputMode?: 'text' | 'numeric';
}

export function TextField({ name, label, value, onChange, hint, error, autoComplete = 'off', width = 'long', inputMode }: TextFieldProps) {
  return (
    <FieldFrame name={name} label={label} hint={hint} error={error}>
      {(describedBy) => (
        <input
          id={fieldId(name)}
          name={name}
          className={`input input--${width}`}
          type="text"
          value={value}
          autoComplete={autoComplete}
          inputMode={inputMode}
          spellCheck={false}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </FieldFrame>
  );
}

/** A date typed as 27/11/2026: one box is quicker for practitioners than three, and pastes well. */
export function DateField(props: Omit<TextFieldProps, 'width' | 'inputMode' | 'hint'> & { hint?: string }) {
  return <TextField {...props} hint={props.hint ?? 'For example, 27/11/2026'} width="short" inputMode="text" />;
}

interface TextAreaFieldProps {
  name: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: string;
  error?: string | undefined;
}

export function TextAreaField({ name, label, value, onChange, hint, error }: TextAreaFieldProps) {
  return (
    <FieldFrame name={name} label={label} hint={hint} error={error}>
      {(describedBy) => (
        <textarea
          id={fieldId(name)}
          name={name}
          className="input input--long"
          rows={4}
          value={value}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </FieldFrame>
  );
}

export interface Option {
  value: string;
  label: string;
}

interface SelectFieldProps {
  name: string;
  label: string;
  value: string;
  options: readonly Option[];
  onChange: (value: string) => void;
  hint?: string;
  error?: string | undefined;
  /** Label of an empty first choice, e.g. "Not assigned"; omit to require a choice. */
  emptyLabel?: string;
}

export function SelectField({ name, label, value, options, onChange, hint, error, emptyLabel }: SelectFieldProps) {
  return (
    <FieldFrame name={name} label={label} hint={hint} error={error}>
      {(describedBy) => (
        <select
          id={fieldId(name)}
          name={name}
          className="input input--medium"
          value={value}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          onChange={(e) => onChange(e.target.value)}
        >
          {emptyLabel !== undefined && <option value="">{emptyLabel}</option>}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}

interface CheckboxFieldProps {
  name: string;
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  hint?: string;
}

export function CheckboxField({ name, label, checked, onChange, hint }: CheckboxFieldProps) {
  const id = fieldId(name);
  return (
    <div className="checkbox">
      <input
        id={id}
        name={name}
        type="checkbox"
        checked={checked}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(e) => onChange(e.target.checked)}
      />
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
    </div>
  );
}

/** Turns a Record of labels into select options, in the record's order. */
export function optionsFrom<K extends string>(labels: Record<K, string>): Option[] {
  return (Object.entries(labels) as [K, string][]).map(([value, label]) => ({ value, label }));
}

interface RadioGroupProps {
  name: string;
  legend: string;
  value: string;
  options: readonly Option[];
  onChange: (value: string) => void;
  hint?: string | undefined;
  error?: string | undefined;
  inline?: boolean;
}

/** Radios in a fieldset; the first radio carries the field id, so the error summary can focus it. */
export function RadioGroup({ name, legend, value, options, onChange, hint, error, inline = false }: RadioGroupProps) {
  const id = fieldId(name);
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset className={`field radios${inline ? ' radios--inline' : ''}${error ? ' field--error' : ''}`} aria-describedby={describedBy}>
      <legend className="field__label">{legend}</legend>
      {hint && (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field__error" id={`${id}-error`}>
          <span className="visually-hidden">Error: </span>
          {error}
        </p>
      )}
      <div className="radios__items">
        {options.map((o, i) => {
          const optionId = i === 0 ? id : `${id}-${o.value}`;
          return (
            <div className="radios__item" key={o.value}>
              <input id={optionId} type="radio" name={name} value={o.value} checked={value === o.value} onChange={() => onChange(o.value)} />
              <label htmlFor={optionId}>{o.label}</label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}

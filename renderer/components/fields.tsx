import type { ReactNode } from 'react';

// Form fields in the GOV.UK pattern: label, optional hint, the error right above the input, and
// the input pointing at both with aria-describedby. Ids are `field-<name>` so the error summary
// can link to them.

export const fieldId = (name: string) => `field-${name}`;

/** The ids an input points at with aria-describedby: its hint and its error, where there are any. */
function describedBy(id: string, hint: string | undefined, error: string | undefined): string | undefined {
  return [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
}

/** The hint, then the error, between a field's label (or legend) and its input. */
function HintAndError({ id, hint, error }: { id: string; hint?: string | undefined; error?: string | undefined }) {
  return (
    <>
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
    </>
  );
}

/** What every control in a frame carries: the id its label and the error summary point at, and its descriptions. */
interface ControlProps {
  id: string;
  name: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

interface FieldFrameProps {
  name: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  children: (control: ControlProps) => ReactNode;
}

function FieldFrame({ name, label, hint, error, children }: FieldFrameProps) {
  const id = fieldId(name);
  return (
    <div className={`field${error ? ' field--error' : ''}`}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <HintAndError id={id} hint={hint} error={error} />
      {children({ id, name, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy(id, hint, error) })}
    </div>
  );
}

/** What every framed field takes: its name (and so its id), label, value, and hint and error if any. */
interface FieldProps<T> {
  name: string;
  label: string;
  value: T;
  onChange: (value: T) => void;
  hint?: string;
  error?: string | undefined;
}

interface TextFieldProps extends FieldProps<string> {
  autoComplete?: string;
  /** Passwords are typed unseen; every other text shows. */
  type?: 'text' | 'password';
  width?: 'short' | 'medium' | 'long';
  inputMode?: 'text' | 'numeric';
}

export function TextField({ name, label, value, onChange, hint, error, autoComplete = 'off', width = 'long', inputMode, type = 'text' }: TextFieldProps) {
  return (
    <FieldFrame name={name} label={label} hint={hint} error={error}>
      {(control) => (
        <input
          {...control}
          className={`input input--${width}`}
          type={type}
          value={value}
          autoComplete={autoComplete}
          inputMode={inputMode}
          spellCheck={false}
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

export function TextAreaField({ name, label, value, onChange, hint, error }: FieldProps<string>) {
  return (
    <FieldFrame name={name} label={label} hint={hint} error={error}>
      {(control) => <textarea {...control} className="input input--long" rows={4} value={value} onChange={(e) => onChange(e.target.value)} />}
    </FieldFrame>
  );
}

/** A choice in a select or radio group; V is the union of values, so onChange needs no cast. */
export interface Option<V extends string = string> {
  value: V;
  label: string;
}

/** The value is '' when nothing is chosen yet: include '' in V where there is an emptyLabel. */
interface SelectFieldProps<V extends string> extends FieldProps<V> {
  options: readonly Option<V>[];
  /** Label of an empty first choice, e.g. "Not assigned"; omit to require a choice. */
  emptyLabel?: string;
}

export function SelectField<V extends string>({ name, label, value, options, onChange, hint, error, emptyLabel }: SelectFieldProps<V>) {
  return (
    <FieldFrame name={name} label={label} hint={hint} error={error}>
      {(control) => (
        <select
          {...control}
          className="input input--medium"
          value={value}
          // The browser can only give back a value from the options (or the empty one the caller allowed for).
          onChange={(e) => onChange(e.target.value as V)}
        >
          <Options options={options} emptyLabel={emptyLabel} />
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

/** A select's choices, after an empty first one (value '') where there is an emptyLabel. */
export function Options({ options, emptyLabel }: { options: readonly Option[]; emptyLabel?: string | undefined }) {
  return (
    <>
      {emptyLabel !== undefined && <option value="">{emptyLabel}</option>}
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </>
  );
}

/** Records as choices: each by its id, labelled with its name. */
export function recordOptions(records: readonly { id: string; name: string }[]): Option[] {
  return records.map((r) => ({ value: r.id, label: r.name }));
}

/** Turns a Record of labels into select options, in the record's order. */
export function optionsFrom<K extends string>(labels: Record<K, string>): Option<K>[] {
  return (Object.entries(labels) as [K, string][]).map(([value, label]) => ({ value, label }));
}

interface RadioGroupProps<V extends string> {
  name: string;
  legend: string;
  value: V | '';
  options: readonly Option<V>[];
  onChange: (value: V) => void;
  hint?: string | undefined;
  error?: string | undefined;
  inline?: boolean;
}

/** Radios in a fieldset; the first radio carries the field id, so the error summary can focus it. */
export function RadioGroup<V extends string>({ name, legend, value, options, onChange, hint, error, inline = false }: RadioGroupProps<V>) {
  const id = fieldId(name);
  return (
    <fieldset className={`field radios${inline ? ' radios--inline' : ''}${error ? ' field--error' : ''}`} aria-describedby={describedBy(id, hint, error)}>
      <legend className="field__label">{legend}</legend>
      <HintAndError id={id} hint={hint} error={error} />
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

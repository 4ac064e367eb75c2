import { Options, type Option } from './fields.js';

// The controls in a row of filters above a list: compact, label beside the control, and no error
// states (a filter cannot be wrong). Forms use the framed fields in fields.tsx instead.

interface FilterSelectProps<V extends string> {
  id: string;
  label: string;
  /** '' is "no filter": include '' in V where there is an anyLabel. */
  value: V;
  options: readonly Option<V>[];
  onChange: (value: V) => void;
  /** The first choice, with the value '', that turns the filter off ("All rooms", "Any"). */
  anyLabel?: string;
  width?: 'medium';
}

export function FilterSelect<V extends string>({ id, label, value, options, onChange, anyLabel, width }: FilterSelectProps<V>) {
  return (
    <div className="field field--inline">
      <label htmlFor={id}>{label}</label>
      {/* The browser can only give back a value from the options (or the '' the caller allowed for). */}
      <select id={id} className={width ? `input input--${width}` : 'input'} value={value} onChange={(e) => onChange(e.target.value as V)}>
        <Options options={options} emptyLabel={anyLabel} />
      </select>
    </div>
  );
}

export function FilterCheckbox({ id, label, checked, onChange }: { id: string; label: string; checked: boolean; onChange: (checked: boolean) => void }) {
  return (
    <div className="checkbox checkbox--filter">
      <input id={id} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}

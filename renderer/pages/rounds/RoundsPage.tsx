import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { roundInputSchema, type Round } from '../../../shared/schemas/rounds.js';
import { useApiClient } from '../../lib/apiClient.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { DateField, TextField } from '../../components/fields.js';
import { useAppState } from '../../lib/appState.js';
import { errorsFromFailure, validate, type FieldErrors } from '../../lib/forms.js';
import { formatUkDate, fromUkInput, toUkInput } from '../../lib/format.js';
import { useApi } from '../../lib/useApi.js';

/** Screening rounds: the terms screenings are counted in. */
export function RoundsPage() {
  const api = useApiClient();
  const rounds = useApi('rounds.list', {});
  const { notify } = useAppState();
  const [editing, setEditing] = useState<Round | null>(null);
  const [values, setValues] = useState({ name: '', startDate: '', endDate: '' });
  const [errors, setErrors] = useState<FieldErrors>({});

  const reset = () => {
    setEditing(null);
    setValues({ name: '', startDate: '', endDate: '' });
    setErrors({});
  };

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const checked = validate(roundInputSchema, { name: values.name, startDate: fromUkInput(values.startDate) ?? undefined, endDate: fromUkInput(values.endDate) ?? undefined });
    if (!checked.ok) return setErrors(checked.errors);
    try {
      if (editing) {
        const before = { id: editing.id, name: editing.name, startDate: editing.startDate, endDate: editing.endDate };
        await api('rounds.update', { id: editing.id, ...checked.value });
        notify({ message: `${checked.value.name} saved`, undo: () => api('rounds.update', before) });
      } else {
        await api('rounds.create', checked.value);
        notify({ message: `${checked.value.name} added` });
      }
      reset();
      rounds.reload();
    } catch (err) {
      setErrors(errorsFromFailure(err));
    }
  }

  async function remove(r: Round) {
    await api('rounds.delete', { id: r.id });
    rounds.reload();
    notify({ message: `${r.name} removed (its screenings are kept)`, undo: () => api('rounds.create', { name: r.name, startDate: r.startDate, endDate: r.endDate }) });
  }

  return (
    <>
      <p className="breadcrumb">
        <Link to="/">Settings</Link>
      </p>
      <h1>Screening rounds</h1>
      <p className="lead">A round is a term you screen in, for example Autumn 2026. Each screening counts in the round its date falls in.</p>
      {rounds.error && <p role="alert">{rounds.error.message}</p>}
      {rounds.data && rounds.data.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Round</th>
              <th scope="col">From</th>
              <th scope="col">To</th>
              <th scope="col" className="numeric">Children screened</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rounds.data.map((r) => (
              <tr key={r.id}>
                <th scope="row">{r.name}</th>
                <td>{formatUkDate(r.startDate)}</td>
                <td>{formatUkDate(r.endDate)}</td>
                <td className="numeric">{r.screeningCount}</td>
                <td className="actions">
                  <button type="button" className="link-button" onClick={() => { setEditing(r); setValues({ name: r.name, startDate: toUkInput(r.startDate), endDate: toUkInput(r.endDate) }); setErrors({}); }}>
                    Edit<span className="visually-hidden"> {r.name}</span>
                  </button>
                  <button type="button" className="link-button" onClick={() => remove(r)}>
                    Remove<span className="visually-hidden"> {r.name}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form className="inline-form" onSubmit={onSubmit} noValidate aria-labelledby="round-form-title">
        <h2 id="round-form-title">{editing ? `Edit ${editing.name}` : 'Add a round'}</h2>
        <ErrorSummary errors={errors} order={['name', 'startDate', 'endDate']} />
        <TextField name="name" label="Name" hint="For example, Autumn 2026" value={values.name} onChange={(v) => setValues((x) => ({ ...x, name: v }))} error={errors.name} width="medium" />
        <DateField name="startDate" label="First day" value={values.startDate} onChange={(v) => setValues((x) => ({ ...x, startDate: v }))} error={errors.startDate} />
        <DateField name="endDate" label="Last day" value={values.endDate} onChange={(v) => setValues((x) => ({ ...x, endDate: v }))} error={errors.endDate} />
        <div className="button-row">
          <button type="submit" className="button">
            {editing ? 'Save round' : 'Add round'}
          </button>
          {editing && (
            <button type="button" className="button button--secondary" onClick={reset}>
              Cancel
            </button>
          )}
        </div>
      </form>
    </>
  );
}

import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import type { Instrument } from '../../../shared/schemas/instruments.js';
import { instrumentCopySchema } from '../../../shared/schemas/instruments.js';
import { useApiClient } from '../../lib/apiClient.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { TextField } from '../../components/fields.js';
import { useAppState } from '../../lib/appState.js';
import { errorsFromFailure, validate, type FieldErrors } from '../../lib/forms.js';
import { useApi } from '../../lib/useApi.js';

/** The screening tools: which exist, which is the default, and a way to make a new version. */
export function InstrumentsPage() {
  const api = useApiClient();
  const instruments = useApi('instruments.list', {});
  const { notify } = useAppState();
  const [copyFrom, setCopyFrom] = useState<Instrument | null>(null);
  const [copyName, setCopyName] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});

  async function makeDefault(i: Instrument) {
    const previous = instruments.data?.find((x) => x.isDefault);
    await api('instruments.setDefault', { id: i.id });
    instruments.reload();
    notify({ message: `${i.name} is now the default for new screenings`, ...(previous ? { undo: () => api('instruments.setDefault', { id: previous.id }) } : {}) });
  }

  async function onCopy(e: FormEvent) {
    e.preventDefault();
    if (!copyFrom) return;
    const checked = validate(instrumentCopySchema, { fromId: copyFrom.id, name: copyName });
    if (!checked.ok) return setErrors(checked.errors);
    try {
      const created = await api('instruments.copy', checked.value);
      notify({ message: `${created.name} created as a copy of ${copyFrom.name}` });
      setCopyFrom(null);
      setCopyName('');
      setErrors({});
      instruments.reload();
    } catch (err) {
      setErrors(errorsFromFailure(err));
    }
  }

  return (
    <>
      <p className="breadcrumb">
        <Link to="/">Settings</Link>
      </p>
      <h1>Screening tools</h1>
      <p className="lead">
        Chatterbox records the results of screenings you carry out with your own licensed toolkit. Enter the number of items
        and the score cut-offs from your handbook so the app can work out colours from scores. Until then, screeners choose the
        colour from the score sheet.
      </p>
      {instruments.error && <p role="alert">{instruments.error.message}</p>}
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Tool</th>
            <th scope="col">Cut-offs entered</th>
            <th scope="col" className="numeric">Screenings</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {instruments.data?.map((i) => {
            const withCutOffs = i.sections.filter((s) => s.lowestGreen !== null).length;
            return (
              <tr key={i.id}>
                <td>
                  <Link to={`/instruments/${i.id}`}>{i.name}</Link>
                  {i.isDefault && <span className="tag">Default</span>}
                </td>
                <td>
                  {withCutOffs} of {i.sections.length} sections
                </td>
                <td className="numeric">{i.screeningCount}</td>
                <td className="actions">
                  {!i.isDefault && (
                    <button type="button" className="link-button" onClick={() => makeDefault(i)}>
                      Make default<span className="visually-hidden"> {i.name}</span>
                    </button>
                  )}
                  <button type="button" className="link-button" onClick={() => { setCopyFrom(i); setCopyName(`${i.name} (copy)`); }}>
                    Copy as a new version<span className="visually-hidden"> of {i.name}</span>
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {copyFrom && (
        <form className="inline-form" onSubmit={onCopy} noValidate aria-label="Copy a screening tool">
          <h2>New version of {copyFrom.name}</h2>
          <p>Screenings already recorded keep the version they used.</p>
          <ErrorSummary errors={errors} order={['name']} />
          <TextField name="name" label="Name of the new version" value={copyName} onChange={setCopyName} error={errors.name} width="medium" />
          <div className="button-row">
            <button type="submit" className="button">
              Create copy
            </button>
            <button type="button" className="button button--secondary" onClick={() => setCopyFrom(null)}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </>
  );
}

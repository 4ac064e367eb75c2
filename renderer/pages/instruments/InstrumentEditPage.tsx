import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import type { Instrument } from '../../../shared/schemas/instruments.js';
import { instrumentUpdateSchema } from '../../../shared/schemas/instruments.js';
import { useApiClient } from '../../lib/apiClient.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { TextField } from '../../components/fields.js';
import { WhenLoaded } from '../../components/WhenLoaded.js';
import { useAppState } from '../../lib/appState.js';
import { errorsFromFailure, validate, type FieldErrors } from '../../lib/forms.js';
import { useApi } from '../../lib/useApi.js';

interface SectionDraft {
  section: number;
  itemCount: string;
  lowestGreen: string;
  lowestAmber: string;
}

const toNumber = (text: string): number | null => (text.trim() === '' ? null : Number(text.trim()));

export function InstrumentEditPage() {
  const { instrumentId = '' } = useParams();
  const instrument = useApi('instruments.get', { id: instrumentId });
  // Keyed by content, not updatedAt: an Undo within the same clock tick must still refill the form.
  return (
    <WhenLoaded results={[instrument]}>
      {(data) => <InstrumentEditForm key={JSON.stringify([data.name, data.sections])} instrument={data} reload={instrument.reload} />}
    </WhenLoaded>
  );
}

function InstrumentEditForm({ instrument, reload }: { instrument: Instrument; reload: () => void }) {
  const api = useApiClient();
  const { notify } = useAppState();
  const [name, setName] = useState(instrument.name);
  const [rows, setRows] = useState<SectionDraft[]>(() =>
    instrument.sections.map((s) => ({
      section: s.section,
      itemCount: String(s.itemCount),
      lowestGreen: s.lowestGreen === null ? '' : String(s.lowestGreen),
      lowestAmber: s.lowestAmber === null ? '' : String(s.lowestAmber),
    })),
  );
  const [errors, setErrors] = useState<FieldErrors>({});
  const setRow = (index: number, change: Partial<SectionDraft>) => setRows((r) => r.map((row, i) => (i === index ? { ...row, ...change } : row)));

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const input = {
      id: instrument.id,
      name,
      sections: rows.map((r) => ({
        section: r.section,
        itemCount: toNumber(r.itemCount),
        lowestGreen: toNumber(r.lowestGreen),
        lowestAmber: toNumber(r.lowestAmber),
      })),
    };
    const checked = validate(instrumentUpdateSchema, input);
    if (!checked.ok) return setErrors(checked.errors);
    try {
      const before = {
        id: instrument.id,
        name: instrument.name,
        sections: instrument.sections.map(({ section, itemCount, lowestGreen, lowestAmber }) => ({ section, itemCount, lowestGreen, lowestAmber })),
      };
      await api('instruments.update', checked.value);
      setErrors({});
      notify({ message: `${name.trim()} saved`, undo: () => api('instruments.update', before) });
      reload();
    } catch (err) {
      setErrors(errorsFromFailure(err));
    }
  }

  const order = ['name', ...rows.flatMap((_, i) => [`sections.${i}.itemCount`, `sections.${i}.lowestGreen`, `sections.${i}.lowestAmber`])];
  return (
    <form className="form form--wide" onSubmit={onSubmit} noValidate>
      <p className="breadcrumb">
        <Link to="/instruments">Screening tools</Link>
      </p>
      <h1>{instrument.name}</h1>
      <ErrorSummary errors={errors} order={order} />
      <TextField name="name" label="Name" value={name} onChange={setName} error={errors.name} width="medium" />
      <p>
        For each section, a score at or above the <strong>Green</strong> cut-off is Green, at or above the <strong>Amber</strong> cut-off is Amber, and below it
        Red. Leave both cut-offs empty to choose colours by hand.
      </p>
      {instrument.screeningCount > 0 && (
        <p className="info">
          {instrument.screeningCount} screenings used this tool. Changing it does not change their recorded colours; to keep versions apart, make a copy
          instead.
        </p>
      )}
      <table className="table table--form">
        <caption className="visually-hidden">Sections, items and cut-offs</caption>
        <thead>
          <tr>
            <th scope="col">Section</th>
            <th scope="col">Age (months)</th>
            <th scope="col">Items</th>
            <th scope="col">Lowest Green score</th>
            <th scope="col">Lowest Amber score</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => {
            const spec = instrument.sections[i];
            const cell = (field: 'itemCount' | 'lowestGreen' | 'lowestAmber', label: string) => {
              const key = `sections.${i}.${field}`;
              return (
                <td>
                  <input
                    id={`field-${key}`}
                    className="input input--tiny"
                    inputMode="numeric"
                    aria-label={`${label}, section ${r.section}`}
                    aria-invalid={errors[key] ? true : undefined}
                    aria-describedby={errors[key] ? `field-${key}-error` : undefined}
                    value={r[field]}
                    onChange={(e) => setRow(i, { [field]: e.target.value })}
                  />
                  {errors[key] && (
                    <p className="field__error" id={`field-${key}-error`}>
                      {errors[key]}
                    </p>
                  )}
                </td>
              );
            };
            return (
              <tr key={r.section}>
                <th scope="row">{r.section}</th>
                <td>
                  {spec?.minMonths}–{spec?.maxMonths}
                </td>
                {cell('itemCount', 'Items')}
                {cell('lowestGreen', 'Lowest Green score')}
                {cell('lowestAmber', 'Lowest Amber score')}
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="button-row">
        <button type="submit" className="button">
          Save
        </button>
        <Link className="button button--secondary" to="/instruments">
          Back to screening tools
        </Link>
      </div>
    </form>
  );
}

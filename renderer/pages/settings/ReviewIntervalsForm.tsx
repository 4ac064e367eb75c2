import { useState, type FormEvent } from 'react';
import type { SettingSummary } from '../../../shared/schemas/settings.js';
import { reviewIntervalsSchema } from '../../../shared/schemas/settings.js';
import { useApiClient } from '../../lib/apiClient.js';
import { useAppState } from '../../lib/appState.js';
import { errorsFromFailure, validate, type FieldErrors } from '../../lib/forms.js';
import { TextField } from '../../components/fields.js';
import { InlineForm } from '../../components/InlineForm.js';

const toNumber = (text: string) => (text.trim() === '' ? undefined : Number(text.trim()));

/** When a child is due a review screen after each result; used for new screenings. */
export function ReviewIntervalsForm({ setting, onSaved }: { setting: SettingSummary; onSaved: () => void }) {
  const api = useApiClient();
  const { notify } = useAppState();
  const current = setting.reviewIntervals;
  const [values, setValues] = useState({
    amberWeeks: String(current.amberWeeks),
    redWeeks: String(current.redWeeks),
    greenMonths: String(current.greenMonths),
    stoppedEarlyWeeks: String(current.stoppedEarlyWeeks),
  });
  const [errors, setErrors] = useState<FieldErrors>({});

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const checked = validate(reviewIntervalsSchema, {
      settingId: setting.id,
      amberWeeks: toNumber(values.amberWeeks),
      redWeeks: toNumber(values.redWeeks),
      greenMonths: toNumber(values.greenMonths),
      stoppedEarlyWeeks: toNumber(values.stoppedEarlyWeeks),
    });
    if (!checked.ok) return setErrors(checked.errors);
    try {
      await api('settings.updateReviewIntervals', checked.value);
      setErrors({});
      notify({ message: 'Re-screen intervals saved', undo: () => api('settings.updateReviewIntervals', { settingId: setting.id, ...current }) });
      onSaved();
    } catch (err) {
      setErrors(errorsFromFailure(err));
    }
  }

  return (
    <InlineForm
      title="Re-screen intervals"
      level={2}
      intro={<p className="hint">Used to set the review date of each new screening.</p>}
      errors={errors}
      order={['redWeeks', 'amberWeeks', 'greenMonths', 'stoppedEarlyWeeks']}
      submitLabel="Save intervals"
      onSubmit={onSubmit}
    >
      <div className="section-entry__row">
        <TextField
          name="redWeeks"
          label="After Red (weeks)"
          value={values.redWeeks}
          onChange={(v) => setValues((x) => ({ ...x, redWeeks: v }))}
          error={errors.redWeeks}
          width="short"
          inputMode="numeric"
        />
        <TextField
          name="amberWeeks"
          label="After Amber (weeks)"
          value={values.amberWeeks}
          onChange={(v) => setValues((x) => ({ ...x, amberWeeks: v }))}
          error={errors.amberWeeks}
          width="short"
          inputMode="numeric"
        />
        <TextField
          name="greenMonths"
          label="After Green (months)"
          value={values.greenMonths}
          onChange={(v) => setValues((x) => ({ ...x, greenMonths: v }))}
          error={errors.greenMonths}
          width="short"
          inputMode="numeric"
        />
        <TextField
          name="stoppedEarlyWeeks"
          label="After stopping early (weeks)"
          value={values.stoppedEarlyWeeks}
          onChange={(v) => setValues((x) => ({ ...x, stoppedEarlyWeeks: v }))}
          error={errors.stoppedEarlyWeeks}
          width="short"
          inputMode="numeric"
        />
      </div>
    </InlineForm>
  );
}

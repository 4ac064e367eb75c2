import { useState, type FormEvent } from 'react';
import { isIsoDate } from '../../../shared/domain/dates.js';
import { targetDateIssues } from '../../../shared/domain/targets.js';
import { targetInputSchema, type Target, type TargetSuggestion } from '../../../shared/schemas/targets.js';
import { DateField, TextAreaField, TextField } from '../../components/fields.js';
import { InlineForm } from '../../components/InlineForm.js';
import { useApiClient } from '../../lib/apiClient.js';
import { useAppState, useToday } from '../../lib/appState.js';
import { errorsFromFailure, validate, type FieldErrors } from '../../lib/forms.js';
import { useFormValues } from '../../lib/useFormValues.js';
import { StrategyPicker } from './StrategyPicker.js';
import { emptyTarget, startFromItem, startingPoints, targetFields, targetValues, type TargetValues } from './targetDraft.js';

interface Props {
  childId: string;
  childName: string;
  settingId: string;
  /** The target being edited; absent when adding. */
  existing?: Target | undefined;
  /** Starting points from a screening ("Set targets from this screen"). */
  suggestion?: TargetSuggestion | null | undefined;
  onDone: () => void;
  onCancel: () => void;
}

const order = ['aim', 'section', 'strategyIds', 'activities', 'deliveredBy', 'howOften', 'place', 'startDate', 'reviewDate', 'screeningId', 'childId', 'id'];

/** Adds a target for a child, or edits an active one. */
export function TargetForm({ childId, childName, settingId, existing, suggestion, onDone, onCancel }: Props) {
  const api = useApiClient();
  const today = useToday();
  const { notify } = useAppState();
  const initial = existing ? targetValues(existing) : emptyTarget(today, suggestion);
  const { values, setValues, set, field } = useFormValues<TargetValues>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});

  const onSubmit = async (e: FormEvent) => {
    const fields = targetFields(values);
    const input = { childId, screeningId: existing ? null : (suggestion?.screeningId ?? null), ...fields };
    e.preventDefault();
    // The date rule the core applies too, shown before anything is sent.
    const { startDate, reviewDate } = fields;
    const dateIssues = startDate && reviewDate && isIsoDate(startDate) && isIsoDate(reviewDate) ? targetDateIssues({ startDate, reviewDate }) : [];
    const checked = validate(targetInputSchema, input, dateIssues);
    if (!checked.ok) return setErrors(checked.errors);
    try {
      if (existing) {
        const { childId: _child, screeningId: _screening, ...edited } = checked.value;
        await api('targets.update', { id: existing.id, ...edited });
        const { id, section, aim, activities, deliveredBy, howOften, place, startDate, reviewDate } = existing;
        const before = { id, section, aim, activities, deliveredBy, howOften, place, startDate, reviewDate, strategyIds: existing.strategies.map((x) => x.id) };
        notify({ message: 'Target saved', undo: () => api('targets.update', before) });
      } else {
        await api('targets.create', checked.value);
        notify({ message: `Target set for ${childName}` });
      }
      onDone();
    } catch (err) {
      setErrors(errorsFromFailure(err));
    }
  };
  const fieldOf = <K extends keyof TargetValues & string>(key: K) => field(key, errors);

  const points = suggestion ? startingPoints(suggestion) : [];
  const knownTitles = Object.fromEntries((existing?.strategies ?? []).map((s) => [s.id, s.title]));
  return (
    <InlineForm
      level={3}
      title={existing ? 'Change the target' : `Set a target for ${childName}`}
      errors={errors}
      order={order}
      submitLabel={existing ? 'Save target' : 'Set target'}
      onSubmit={onSubmit}
      onCancel={onCancel}
      intro={
        suggestion && (
          <div className="panel">
            <p>
              From the screen on {suggestion.screeningDate.split('-').reverse().join('/')}:{' '}
              {suggestion.activitySection === null ? 'no section to choose activities from.' : `choose activities from section ${suggestion.activitySection}.`}
            </p>
            {points.length === 0 ? (
              <p className="muted">No items were recorded as not passed.</p>
            ) : (
              <ul className="plain-list" aria-label="Items not passed">
                {points.map((p) => (
                  <li key={`${p.section}-${p.item}`}>
                    Section {p.section}, item {p.item}
                    {p.inActivitySection && <span className="tag">Activity section</span>}{' '}
                    <button type="button" className="link-button" onClick={() => setValues(startFromItem(values, p))}>
                      Start from this item
                      <span className="visually-hidden">
                        {' '}
                        (section {p.section}, item {p.item})
                      </span>
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </div>
        )
      }
    >
      <TextAreaField label="What the child will do" hint="In plain words, for example: asks for a snack using two words." {...fieldOf('aim')} />
      <TextField label="Section (optional)" hint="The screening section the target comes from." {...fieldOf('section')} width="short" />
      <StrategyPicker
        settingId={settingId}
        chosen={values.strategyIds}
        knownTitles={knownTitles}
        onChange={set('strategyIds')}
        error={errors.strategyIds ?? Object.entries(errors).find(([k]) => k.startsWith('strategyIds.'))?.[1]}
      />
      <TextAreaField label="Activities" {...fieldOf('activities')} />
      <TextField label="Who delivers it" {...fieldOf('deliveredBy')} width="medium" />
      <TextField label="How often" hint="For example, every day at snack time." {...fieldOf('howOften')} width="medium" />
      <TextField label="Where" {...fieldOf('place')} width="medium" />
      <DateField label="Start date" {...fieldOf('startDate')} />
      <DateField label="Review date" {...fieldOf('reviewDate')} />
    </InlineForm>
  );
}

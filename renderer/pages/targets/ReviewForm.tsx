import { useState, type FormEvent } from 'react';
import { isIsoDate } from '../../../shared/domain/dates.js';
import { progressLabels, reviewIssues, reviewOutcomeLabels } from '../../../shared/domain/targets.js';
import { targetReviewInputSchema, targetStopSchema, type Target } from '../../../shared/schemas/targets.js';
import { DateField, optionsFrom, RadioGroup, TextAreaField, TextField } from '../../components/fields.js';
import { InlineForm } from '../../components/InlineForm.js';
import { useApiClient } from '../../lib/apiClient.js';
import { useAppState, useToday } from '../../lib/appState.js';
import { errorsFromFailure, validate, type FieldErrors } from '../../lib/forms.js';
import { formatUkDate, fromUkInput, toUkInput } from '../../lib/format.js';
import { useSession } from '../../lib/session.js';
import { useFormValues } from '../../lib/useFormValues.js';
import { emptyReview, reviewFields, type ReviewValues } from './targetDraft.js';

interface Props {
  target: Target;
  onDone: () => void;
  onCancel: () => void;
}

/** Reviews one target: how it went, and whether it carries on (with the next review date) or closes. */
export function ReviewForm({ target, onDone, onCancel }: Props) {
  const api = useApiClient();
  const today = useToday();
  const { notify } = useAppState();
  const { me } = useSession();
  const { values, set, field } = useFormValues<ReviewValues>(emptyReview(today, me.displayName));
  const [errors, setErrors] = useState<FieldErrors>({});
  const f = <K extends keyof ReviewValues & string>(key: K) => field(key, errors);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const input = reviewFields(target.id, values);
    // The shared rules (dates, carrying on or closing), shown before anything is sent; the core applies them too.
    const { reviewDate, status, nextReviewDate } = input;
    const datesTyped = reviewDate && isIsoDate(reviewDate) && (nextReviewDate === null || isIsoDate(nextReviewDate));
    const ruleIssues = datesTyped && status ? reviewIssues(target, { reviewDate, status, nextReviewDate }, today) : [];
    const checked = validate(targetReviewInputSchema, input, ruleIssues);
    if (!checked.ok) return setErrors(checked.errors);
    try {
      const after = await api('targets.review', checked.value);
      notify({ message: after.status === 'active' ? `Reviewed: next review ${formatUkDate(after.reviewDate)}` : 'Reviewed and closed' });
      onDone();
    } catch (err) {
      setErrors(errorsFromFailure(err));
    }
  };

  return (
    <InlineForm
      title="Review the target"
      intro={<p className="muted">{target.aim}</p>}
      errors={errors}
      order={['reviewDate', 'reviewer', 'progress', 'status', 'nextReviewDate', 'note', 'targetId']}
      submitLabel="Save review"
      onSubmit={onSubmit}
      onCancel={onCancel}
    >
      <DateField label="Review date" {...f('reviewDate')} />
      <TextField label="Reviewed by" {...f('reviewer')} width="medium" />
      <RadioGroup legend="Progress" {...f('progress')} options={optionsFrom(progressLabels)} name="progress" />
      <RadioGroup legend="What happens now" {...f('status')} options={optionsFrom(reviewOutcomeLabels)} name="status" />
      {values.status === 'active' && <DateField label="Next review date" {...f('nextReviewDate')} />}
      <TextAreaField label="Note (optional)" {...f('note')} />
      {values.status !== 'active' && (
        <p className="muted">
          A closed target stays on the record as it is.{' '}
          <button type="button" className="link-button" onClick={() => set('status')('active')}>
            Carry on instead
          </button>
        </p>
      )}
    </InlineForm>
  );
}

/** Stops an active target, with the date and a reason. Stopping is final, so it asks first. */
export function StopForm({ target, onDone, onCancel }: Props) {
  const api = useApiClient();
  const today = useToday();
  const { notify } = useAppState();
  const [stoppedOn, setStoppedOn] = useState(toUkInput(today));
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const checked = validate(targetStopSchema, { id: target.id, stoppedOn: fromUkInput(stoppedOn), reason });
    if (!checked.ok) return setErrors(checked.errors);
    try {
      await api('targets.stop', checked.value);
      notify({ message: 'Target stopped' });
      onDone();
    } catch (err) {
      setErrors(errorsFromFailure(err));
    }
  };
  return (
    <InlineForm
      title="Stop this target?"
      intro={<p>A stopped target stays on the record and cannot be changed again. {target.aim}</p>}
      errors={errors}
      order={['stoppedOn', 'reason', 'id']}
      submitLabel="Stop target"
      onSubmit={onSubmit}
      onCancel={onCancel}
    >
      <DateField name="stoppedOn" label="Stopped on" value={stoppedOn} onChange={setStoppedOn} error={errors.stoppedOn} />
      <TextField
        name="reason"
        label="Why it stopped"
        hint="For example, referred to the speech and language service."
        value={reason}
        onChange={setReason}
        error={errors.reason}
      />
    </InlineForm>
  );
}

import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { isOverdue, nextStatuses, reviewIssues, settingTargetStatusLabels, type SettingTargetStatus } from '../../../shared/domain/settingTargets.js';
import { settingTargetReviewInputSchema, settingTargetStopSchema, type SettingTargetDetail } from '../../../shared/schemas/settingTargets.js';
import { DateField, SelectField, TextAreaField, TextField } from '../../components/fields.js';
import { InlineForm } from '../../components/InlineForm.js';
import { RecordTable } from '../../components/RecordTable.js';
import { WhenLoaded } from '../../components/WhenLoaded.js';
import { useApiClient } from '../../lib/apiClient.js';
import { useAppState, useToday } from '../../lib/appState.js';
import { formatUkDate, fromUkInput, toUkInput } from '../../lib/format.js';
import { errorsFromFailure, validate, type FieldErrors } from '../../lib/forms.js';
import { useSession } from '../../lib/session.js';
import { useApi } from '../../lib/useApi.js';
import { useFormValues } from '../../lib/useFormValues.js';
import { useSetting } from '../settings/SettingLayout.js';
import { StatusTag } from './StatusTag.js';

/** One whole-setting target: what was agreed, its review history, and the review and stop forms. */
export function SettingTargetPage() {
  const { targetId = '' } = useParams();
  const target = useApi('settingTargets.get', { id: targetId });
  return (
    <WhenLoaded results={[target]} errorClassName="error-text">
      {(t) => <TargetView target={t} reload={target.reload} />}
    </WhenLoaded>
  );
}

function TargetView({ target: t, reload }: { target: SettingTargetDetail; reload: () => void }) {
  const { setting } = useSetting();
  const canChange = useSession().may('visits:write');
  const today = useToday();
  const open = t.status !== 'stopped';
  return (
    <>
      <p className="back-link">
        <Link to={`/s/${setting.id}/setting-targets`}>All whole-setting targets</Link>
      </p>
      <h1>
        {t.title} <StatusTag status={t.status} />
      </h1>
      <dl className="summary-list">
        {t.description && <Row term="Details" value={t.description} />}
        <Row term="Owner" value={t.ownerName} />
        <Row term="Due" value={`${formatUkDate(t.dueDate)}${isOverdue(t, today) ? ' (overdue)' : ''}`} />
        <Row term="Strategies" value={t.strategies.map((s) => s.title).join(', ') || 'None linked'} />
        <Row term="Agreed" value={formatUkDate(t.createdAt.slice(0, 10))} />
      </dl>
      {/* Keyed by the review count: after a review the form starts afresh from the target's new status. */}
      {canChange && open && <ReviewForm key={t.reviewCount} target={t} saved={reload} />}
      <h2>History</h2>
      <RecordTable
        rows={t.reviews}
        caption="Reviews, newest first"
        empty={<p>Not reviewed yet.</p>}
        columns={[
          { header: 'Date', cell: (r) => formatUkDate(r.reviewDate), rowHeader: true },
          { header: 'Reviewed by', cell: (r) => r.reviewer },
          {
            header: 'Status',
            cell: (r) =>
              r.statusBefore === r.statusAfter
                ? settingTargetStatusLabels[r.statusAfter]
                : `${settingTargetStatusLabels[r.statusBefore]} to ${settingTargetStatusLabels[r.statusAfter].toLowerCase()}`,
          },
          { header: 'Note', cell: (r) => r.note },
          { header: 'Evidence', cell: (r) => r.evidence || '–' },
        ]}
      />
      {canChange && open && <StopOrRemove target={t} stopped={reload} />}
    </>
  );
}

interface ReviewValues {
  reviewDate: string;
  reviewer: string;
  note: string;
  evidence: string;
  status: SettingTargetStatus;
}

function ReviewForm({ target, saved }: { target: SettingTargetDetail; saved: () => void }) {
  const api = useApiClient();
  const { notify } = useAppState();
  const { me } = useSession();
  const today = useToday();
  const fresh = (): ReviewValues => ({ reviewDate: toUkInput(today), reviewer: me.displayName, note: '', evidence: '', status: target.status });
  const { values, field } = useFormValues<ReviewValues>(fresh);
  const [errors, setErrors] = useState<FieldErrors>({});
  const bind = <K extends keyof ReviewValues & string>(key: K) => field(key, errors);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const input = { settingTargetId: target.id, ...values, reviewDate: fromUkInput(values.reviewDate) ?? '' };
    // The same rules the core applies, so a future date or a move not allowed is named before sending.
    const checked = validate(settingTargetReviewInputSchema, input, reviewIssues(target, input, today));
    if (!checked.ok) return setErrors(checked.errors);
    try {
      const after = await api('settingTargets.review', checked.value);
      notify({ message: `Review saved: the target is ${settingTargetStatusLabels[after.status].toLowerCase()}` });
      saved();
    } catch (err) {
      setErrors(errorsFromFailure(err));
    }
  }

  return (
    <InlineForm
      title="Record a review"
      level={2}
      errors={errors}
      order={['settingTargetId', 'reviewDate', 'reviewer', 'status', 'note', 'evidence']}
      submitLabel="Save review"
      onSubmit={(e) => void onSubmit(e)}
    >
      <DateField label="Date of the review" {...bind('reviewDate')} />
      <TextField label="Reviewed by" width="medium" {...bind('reviewer')} />
      <SelectField
        label="Status after the review"
        options={nextStatuses(target.status).map((s) => ({ value: s, label: settingTargetStatusLabels[s] }))}
        {...bind('status')}
      />
      <TextAreaField label="What was seen and agreed" {...bind('note')} />
      <TextAreaField label="Evidence (optional)" hint="For example, timetables seen in use in two rooms of three" {...bind('evidence')} />
    </InlineForm>
  );
}

/** Stopping keeps the target and says why; removing is only for one added by mistake and never reviewed. */
function StopOrRemove({ target, stopped }: { target: SettingTargetDetail; stopped: () => void }) {
  const api = useApiClient();
  const navigate = useNavigate();
  const { setting } = useSetting();
  const { notify } = useAppState();
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [showing, setShowing] = useState(false);

  async function stop(e: FormEvent) {
    e.preventDefault();
    const checked = validate(settingTargetStopSchema, { id: target.id, reason });
    if (!checked.ok) return setErrors(checked.errors);
    try {
      await api('settingTargets.stop', checked.value);
      notify({ message: `“${target.title}” stopped` });
      stopped();
    } catch (err) {
      setErrors(errorsFromFailure(err));
    }
  }

  async function remove() {
    if (!window.confirm(`Remove “${target.title}” for good? Only do this for a target added by mistake.`)) return;
    try {
      await api('settingTargets.remove', { id: target.id });
      notify({ message: `“${target.title}” removed` });
      navigate(`/s/${setting.id}/setting-targets`);
    } catch (err) {
      setErrors(errorsFromFailure(err));
    }
  }

  if (!showing) {
    return (
      <div className="button-row">
        <button type="button" className="button button--secondary" onClick={() => setShowing(true)}>
          Stop this target
        </button>
        {target.reviewCount === 0 && (
          <button type="button" className="button button--secondary" onClick={() => void remove()}>
            Remove (added by mistake)
          </button>
        )}
        {errors.form && (
          <p className="error-text" role="alert">
            {errors.form}
          </p>
        )}
      </div>
    );
  }
  return (
    <InlineForm
      title="Stop this target"
      level={2}
      intro={<p>A stopped target is kept with its history but not reviewed again. Agree a new target if the work should go on differently.</p>}
      errors={errors}
      order={['reason']}
      submitLabel="Stop target"
      onSubmit={(e) => void stop(e)}
      onCancel={() => setShowing(false)}
    >
      <TextAreaField name="reason" label="Why it is stopped" value={reason} onChange={setReason} error={errors.reason} />
    </InlineForm>
  );
}

function Row({ term, value }: { term: string; value: string }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>{value}</dd>
    </div>
  );
}

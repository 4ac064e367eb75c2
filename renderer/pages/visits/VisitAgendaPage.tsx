import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { Staff } from '../../../shared/schemas/staff.js';
import { visitSaveSchema, type VisitAgenda } from '../../../shared/schemas/visits.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { DateField, TextAreaField, TextField } from '../../components/fields.js';
import { WhenLoaded } from '../../components/WhenLoaded.js';
import { useApiClient } from '../../lib/apiClient.js';
import { useAppState, useToday } from '../../lib/appState.js';
import { formatUkDate } from '../../lib/format.js';
import { errorsFromFailure, validate, type FieldErrors } from '../../lib/forms.js';
import { useSession } from '../../lib/session.js';
import { useApi } from '../../lib/useApi.js';
import { useSetting } from '../settings/SettingLayout.js';
import { ActionsBlock, ChildrenToDiscuss, ChildTargetReviews, Headline, SettingTargetReviews } from './AgendaSections.js';
import { fieldOrder, initialAgendaValues, saveInputFrom, type AgendaValues } from './agendaValues.js';

/**
 * The visit agenda: everything due at the setting on the visit's date on one screen, with the
 * reviews and actions recorded right there and saved together (all or nothing) with the visit.
 * /visits/:visitId/agenda opens a planned visit; /visits/agenda starts a visit today.
 */
export function VisitAgendaPage() {
  const { visitId } = useParams();
  const { setting } = useSetting();
  const today = useToday();
  const visit = useApi('visits.get', visitId ? { id: visitId } : null);
  const date = visitId ? (visit.data?.plannedDate ?? visit.data?.heldDate ?? null) : today;
  const agenda = useApi('visits.agenda', date ? { settingId: setting.id, date, visitId: visitId ?? null } : null);
  const staff = useApi('staff.list', { settingId: setting.id });
  return (
    <WhenLoaded results={[agenda, staff]} errorClassName="error-text">
      {(a, s) => <AgendaForm agenda={a} staff={s.filter((x) => !x.archivedAt)} />}
    </WhenLoaded>
  );
}

function AgendaForm({ agenda, staff }: { agenda: VisitAgenda; staff: Staff[] }) {
  const api = useApiClient();
  const navigate = useNavigate();
  const { me, may } = useSession();
  const { notify } = useAppState();
  const start = () => initialAgendaValues(agenda, { name: me.displayName, role: me.roleLabel });
  const [values, setValues] = useState<AgendaValues>(start);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saving, setSaving] = useState(false);
  const set = <K extends keyof AgendaValues>(key: K, value: AgendaValues[K]) => setValues((v) => ({ ...v, [key]: value }));
  const field = <K extends 'heldDate' | 'visitorName' | 'visitorRole' | 'coaching' | 'notes' | 'nextVisitDate'>(key: K) => ({
    name: key,
    value: values[key],
    error: errors[key],
    onChange: (v: string) => set(key, v),
  });
  const canSave = may('visits:write') && may('targets:write');
  const order = fieldOrder(agenda, values);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const visitorAccountId = agenda.visit ? agenda.visit.visitorAccountId : me.role === 'slt-assistant' ? me.accountId : null;
    const input = saveInputFrom(agenda, values, staff, values.visitorName.trim() || me.displayName, visitorAccountId);
    const checked = validate(visitSaveSchema, input);
    if (!checked.ok) return setErrors(checked.errors);
    setSaving(true);
    try {
      const saved = await api('visits.save', checked.value);
      notify({ message: `Visit of ${formatUkDate(saved.heldDate ?? '')} saved with its reviews and actions` });
      navigate(`/s/${agenda.settingId}/visits/${saved.id}`);
    } catch (err) {
      // Nothing was saved: what was typed stays, with the problems beside their boxes.
      setErrors(errorsFromFailure(err));
    } finally {
      setSaving(false);
    }
  }

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby="agenda-heading" className="visit-agenda">
      <h1 id="agenda-heading">
        Visit agenda: {agenda.settingName}, {formatUkDate(agenda.date)}
      </h1>
      <ErrorSummary errors={errors} order={order} />
      <Headline agenda={agenda} />
      <ChildTargetReviews agenda={agenda} values={values} errors={errors} set={set} />
      <SettingTargetReviews agenda={agenda} values={values} errors={errors} set={set} />
      <ChildrenToDiscuss agenda={agenda} values={values} errors={errors} set={set} />
      <ActionsBlock agenda={agenda} values={values} errors={errors} set={set} staff={staff} />

      <section className="section" aria-labelledby="agenda-visit">
        <h2 id="agenda-visit">The visit</h2>
        <DateField label="Date of the visit" {...field('heldDate')} />
        <TextField label="Visitor" width="medium" {...field('visitorName')} />
        <TextField label="Visitor’s role" width="medium" {...field('visitorRole')} />
        <fieldset className="field">
          <legend className="field__label">Who attended from the setting</legend>
          {staff.length === 0 && <p className="muted">No staff recorded for this setting.</p>}
          {staff.map((s, i) => (
            <div className="checkbox" key={s.id}>
              <input
                id={`field-attendees.${i}.staffId`}
                type="checkbox"
                checked={values.staffAttended.includes(s.id)}
                onChange={(e) => set('staffAttended', e.target.checked ? [...values.staffAttended, s.id] : values.staffAttended.filter((x) => x !== s.id))}
              />
              <label htmlFor={`field-attendees.${i}.staffId`}>{s.name}</label>
            </div>
          ))}
        </fieldset>
        <TextAreaField label="Coaching given" {...field('coaching')} />
        <TextAreaField label="Notes" {...field('notes')} />
        <DateField label="Next visit date" hint="Leave empty if not agreed yet. For example, 27/12/2026" {...field('nextVisitDate')} />
      </section>

      {canSave && (
        <div className="button-row screen-only">
          <button type="submit" className="button" disabled={saving}>
            Save the visit
          </button>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              setValues(start());
              setErrors({});
            }}
          >
            Undo changes
          </button>
          <Link className="button button--secondary" to={`/s/${agenda.settingId}/visits`}>
            Cancel
          </Link>
        </div>
      )}
    </form>
  );
}

import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { isIsoDate } from '../../../shared/domain/dates.js';
import { heldVisitIssues } from '../../../shared/domain/visits.js';
import type { ChildListResult } from '../../../shared/schemas/children.js';
import type { Staff } from '../../../shared/schemas/staff.js';
import { visitRecordSchema, type Visit } from '../../../shared/schemas/visits.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { DateField, TextAreaField, TextField } from '../../components/fields.js';
import { WhenLoaded } from '../../components/WhenLoaded.js';
import { useApiClient } from '../../lib/apiClient.js';
import { useAppState, useToday } from '../../lib/appState.js';
import { formatUkDate, fromUkInput, toUkInput } from '../../lib/format.js';
import { errorsFromFailure, validate, type FieldErrors } from '../../lib/forms.js';
import { useFormValues } from '../../lib/useFormValues.js';
import { useSession } from '../../lib/session.js';
import { useApi } from '../../lib/useApi.js';
import { useSetting } from '../settings/SettingLayout.js';

/** Recording a visit: a planned one (/visits/:visitId/record), a change to a held one, or one not planned beforehand. */
export function VisitRecordPage() {
  const { visitId } = useParams();
  const { setting } = useSetting();
  const visit = useApi('visits.get', visitId ? { id: visitId } : null);
  const staff = useApi('staff.list', { settingId: setting.id });
  const children = useApi('children.list', { settingId: setting.id, limit: 1000 });
  return (
    <WhenLoaded results={[visitId ? visit : null, staff, children]} errorClassName="error-text">
      {(v, s, c) => <VisitRecordForm visit={v ?? null} staff={s} childList={c} />}
    </WhenLoaded>
  );
}

interface Values {
  heldDate: string;
  visitorName: string;
  visitorRole: string;
  staffAttended: string[];
  others: { name: string; role: string }[];
  childrenDiscussed: { childId: string; note: string }[];
  screensCheckedCount: string;
  screensCheckedNote: string;
  coaching: string;
  notes: string;
  nextVisitDate: string;
}

function initialValues(visit: Visit | null, me: { displayName: string; roleLabel: string }, today: string): Values {
  return {
    heldDate: toUkInput(visit?.heldDate ?? visit?.plannedDate ?? today),
    visitorName: visit?.visitorName ?? me.displayName,
    visitorRole: visit?.visitorRole ?? me.roleLabel,
    staffAttended: (visit?.attendees ?? []).flatMap((a) => (a.staffId ? [a.staffId] : [])),
    others: (visit?.attendees ?? []).filter((a) => !a.staffId).map((a) => ({ name: a.name, role: a.role })),
    childrenDiscussed: (visit?.childrenDiscussed ?? []).map((c) => ({ childId: c.childId, note: c.note })),
    screensCheckedCount: String(visit?.screensCheckedCount ?? 0),
    screensCheckedNote: visit?.screensCheckedNote ?? '',
    coaching: visit?.coaching ?? '',
    notes: visit?.notes ?? '',
    nextVisitDate: toUkInput(visit?.nextVisitDate),
  };
}

function VisitRecordForm({ visit, staff, childList }: { visit: Visit | null; staff: Staff[]; childList: ChildListResult }) {
  const api = useApiClient();
  const navigate = useNavigate();
  const today = useToday();
  const { me } = useSession();
  const { setting } = useSetting();
  const { notify } = useAppState();
  const { values: v, setValues, set, field: valueField } = useFormValues<Values>(() => initialValues(visit, me, today));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [pickChild, setPickChild] = useState('');
  const field = <K extends keyof Values & string>(key: K) => valueField(key, errors);
  const staffAttendees = staff.filter((s) => v.staffAttended.includes(s.id));
  // Attendees in one list as the API takes them: staff first (their index matches the others after).
  const attendees = [...staffAttendees.map((s) => ({ staffId: s.id, name: s.name, role: '' })), ...v.others.map((o) => ({ staffId: null, ...o }))];
  const childName = new Map(childList.rows.map((c) => [c.id, `${c.firstName} ${c.lastName}`]));

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const count = v.screensCheckedCount.trim() === '' ? 0 : Number(v.screensCheckedCount);
    const input = {
      settingId: setting.id,
      id: visit?.id ?? null,
      heldDate: fromUkInput(v.heldDate),
      visitorAccountId: visit ? visit.visitorAccountId : me.role === 'slt-assistant' ? me.accountId : null,
      visitorName: v.visitorName,
      visitorRole: v.visitorRole,
      attendees,
      childrenDiscussed: v.childrenDiscussed,
      screensCheckedCount: count,
      screensCheckedNote: v.screensCheckedNote,
      coaching: v.coaching,
      notes: v.notes,
      nextVisitDate: fromUkInput(v.nextVisitDate),
    };
    const dates = input.heldDate && isIsoDate(input.heldDate) && (input.nextVisitDate === null || isIsoDate(input.nextVisitDate));
    const extra = dates ? heldVisitIssues({ heldDate: input.heldDate ?? '', nextVisitDate: input.nextVisitDate, attendees: [] }, today) : [];
    const checked = validate(visitRecordSchema, input, extra);
    if (!checked.ok) return setErrors(othersNamed(checked.errors, staffAttendees.length));
    try {
      const saved = await api('visits.record', checked.value);
      const before = visit?.status === 'held' ? visit : null;
      notify({
        message: `Visit of ${formatUkDate(saved.heldDate ?? '')} recorded`,
        // Undo puts a changed visit back as it was; a first record has its own page to change it from.
        ...(before
          ? {
              undo: () =>
                api('visits.record', {
                  ...before,
                  heldDate: before.heldDate ?? '',
                  attendees: before.attendees,
                  childrenDiscussed: before.childrenDiscussed.map((c) => ({ childId: c.childId, note: c.note })),
                }),
            }
          : {}),
      });
      navigate(`/s/${setting.id}/visits/${saved.id}`);
    } catch (err) {
      setErrors(othersNamed(errorsFromFailure(err), staffAttendees.length));
    }
  }

  const order = ['heldDate', 'visitorName', 'visitorRole', 'attendees', ...v.others.map((_, i) => `others.${i}.name`), 'childrenDiscussed', 'nextVisitDate'];
  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby="record-heading">
      <h1 id="record-heading">{visit ? `Record the visit of ${formatUkDate(visit.heldDate ?? visit.plannedDate ?? today)}` : 'Record a visit'}</h1>
      <ErrorSummary errors={errors} order={order} />
      {errors.form && (
        <p className="error-text" role="alert">
          {errors.form}
        </p>
      )}
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
              checked={v.staffAttended.includes(s.id)}
              onChange={(e) => set('staffAttended')(e.target.checked ? [...v.staffAttended, s.id] : v.staffAttended.filter((x) => x !== s.id))}
            />
            <label htmlFor={`field-attendees.${i}.staffId`}>{s.name}</label>
          </div>
        ))}
      </fieldset>
      <fieldset className="field">
        <legend className="field__label">Anyone else who attended</legend>
        {v.others.map((o, i) => (
          <div key={i} className="field-row">
            <TextField
              name={`others.${i}.name`}
              label={`Name of person ${i + 1}`}
              width="medium"
              value={o.name}
              error={errors[`others.${i}.name`]}
              onChange={(name) => set('others')(v.others.map((x, j) => (j === i ? { ...x, name } : x)))}
            />
            <TextField
              name={`others.${i}.role`}
              label={`Role of person ${i + 1}`}
              width="medium"
              value={o.role}
              onChange={(role) => set('others')(v.others.map((x, j) => (j === i ? { ...x, role } : x)))}
            />
            <button type="button" className="link-button" onClick={() => set('others')(v.others.filter((_, j) => j !== i))}>
              Remove person {i + 1}
            </button>
          </div>
        ))}
        <button type="button" className="button button--secondary button--small" onClick={() => set('others')([...v.others, { name: '', role: '' }])}>
          Add someone else
        </button>
      </fieldset>

      <fieldset className="field">
        <legend className="field__label">Children discussed</legend>
        {errors.childrenDiscussed && <p className="field__error">{errors.childrenDiscussed}</p>}
        {v.childrenDiscussed.map((c, i) => (
          <div key={c.childId}>
            <TextAreaField
              name={`childrenDiscussed.${i}.note`}
              label={`Note about ${childName.get(c.childId) ?? 'a child no longer on the list'}`}
              value={c.note}
              error={errors[`childrenDiscussed.${i}.childId`] ?? errors[`childrenDiscussed.${i}.note`]}
              onChange={(note) => set('childrenDiscussed')(v.childrenDiscussed.map((x, j) => (j === i ? { ...x, note } : x)))}
            />
            <button type="button" className="link-button" onClick={() => set('childrenDiscussed')(v.childrenDiscussed.filter((_, j) => j !== i))}>
              Remove {childName.get(c.childId) ?? 'this child'}
            </button>
          </div>
        ))}
        <div className="field field--inline">
          <label htmlFor="pick-child">Add a child</label>
          <select id="pick-child" className="input input--medium" value={pickChild} onChange={(e) => setPickChild(e.target.value)}>
            <option value="">Choose a child</option>
            {childList.rows
              .filter((c) => !v.childrenDiscussed.some((d) => d.childId === c.id))
              .map((c) => (
                <option key={c.id} value={c.id}>
                  {c.firstName} {c.lastName}
                </option>
              ))}
          </select>
          <button
            type="button"
            className="button button--secondary button--small"
            disabled={pickChild === ''}
            onClick={() => {
              setValues((x) => ({ ...x, childrenDiscussed: [...x.childrenDiscussed, { childId: pickChild, note: '' }] }));
              setPickChild('');
            }}
          >
            Add child
          </button>
        </div>
      </fieldset>

      <TextField label="Screens checked" hint="How many screenings you looked at" inputMode="numeric" width="short" {...field('screensCheckedCount')} />
      <TextAreaField label="About the screens checked" {...field('screensCheckedNote')} />
      <TextAreaField label="Coaching given" {...field('coaching')} />
      <TextAreaField label="Notes" {...field('notes')} />
      <DateField label="Next visit date" hint="Leave empty if not agreed yet. For example, 27/12/2026" {...field('nextVisitDate')} />
      <p>Add the actions agreed on the visit’s page after saving.</p>
      <div className="button-row">
        <button type="submit" className="button">
          Save visit
        </button>
        <Link className="button button--secondary" to={visit ? `/s/${setting.id}/visits/${visit.id}` : `/s/${setting.id}/visits`}>
          Cancel
        </Link>
      </div>
    </form>
  );
}

/** The API numbers attendees staff first, then others: an error on another attendee lands beside that person's name box. */
function othersNamed(errors: FieldErrors, staffCount: number): FieldErrors {
  const out: FieldErrors = {};
  for (const [key, message] of Object.entries(errors)) {
    const m = /^attendees\.(\d+)\.(name|role)$/.exec(key);
    const index = m ? Number(m[1]) - staffCount : -1;
    out[m && index >= 0 ? `others.${index}.${m[2]}` : key] = message;
  }
  return out;
}

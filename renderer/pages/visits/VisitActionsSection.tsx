import { useState, type FormEvent } from 'react';
import type { ZodType } from 'zod';
import { isIsoDate } from '../../../shared/domain/dates.js';
import { actionIssues } from '../../../shared/domain/visits.js';
import { visitActionInputSchema, visitActionUpdateSchema, type VisitAction } from '../../../shared/schemas/visits.js';
import { DateField, recordOptions, SelectField, TextField } from '../../components/fields.js';
import { InlineForm } from '../../components/InlineForm.js';
import { WhenLoaded } from '../../components/WhenLoaded.js';
import { useApiClient } from '../../lib/apiClient.js';
import { useAppState } from '../../lib/appState.js';
import { formatUkDate, fromUkInput, toUkInput } from '../../lib/format.js';
import { validate, type FieldErrors } from '../../lib/forms.js';
import { useApi } from '../../lib/useApi.js';
import { useRecordForm } from '../../lib/useRecordForm.js';
import { useSetting } from '../settings/SettingLayout.js';

function useStaff(settingId: string) {
  return useApi('staff.list', { settingId }).data ?? [];
}

/** The setting's agreed actions from every visit, open ones first, each with a done box. */
export function VisitActionsSection({ canChange }: { canChange: boolean }) {
  const { setting } = useSetting();
  const [showDone, setShowDone] = useState(false);
  const actions = useApi('visits.actions', { settingId: setting.id, includeDone: showDone });
  return (
    <section className="section" aria-labelledby="visit-actions">
      <h2 id="visit-actions">Actions agreed at visits</h2>
      <div className="checkbox">
        <input id="show-done" type="checkbox" checked={showDone} onChange={(e) => setShowDone(e.target.checked)} />
        <label htmlFor="show-done">Show actions already done</label>
      </div>
      <WhenLoaded results={[actions]} loading={null} errorClassName="error-text">
        {(rows) => <ActionList actions={rows} canChange={canChange} onChange={actions.reload} />}
      </WhenLoaded>
    </section>
  );
}

/** Actions with done toggles (and Undo), and a form to change one; used per setting and per visit. */
export function ActionList({ actions, canChange, onChange }: { actions: VisitAction[]; canChange: boolean; onChange: () => void }) {
  const api = useApiClient();
  const { notify } = useAppState();
  const [editing, setEditing] = useState<VisitAction | null>(null);
  const [error, setError] = useState<string>();
  const toggle = async (a: VisitAction, done: boolean) => {
    setError(undefined);
    try {
      await api('visits.setActionDone', { id: a.id, done });
      const back = a.doneDate ? { id: a.id, done: true, doneDate: a.doneDate, doneBy: a.doneBy } : { id: a.id, done: false };
      notify({ message: done ? `Marked done: ${a.description}` : `Marked not done: ${a.description}`, undo: () => api('visits.setActionDone', back) });
      onChange();
    } catch (err) {
      setError(err instanceof Error ? err.message : 'The action could not be changed. Nothing was saved.');
    }
  };
  if (actions.length === 0) return <p>No actions to show.</p>;
  return (
    <>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      <table className="table">
        <caption className="visually-hidden">Actions agreed at visits</caption>
        <thead>
          <tr>
            <th scope="col">Done</th>
            <th scope="col">Action</th>
            <th scope="col">Owner</th>
            <th scope="col">Due</th>
            <th scope="col">Agreed at the visit of</th>
            {canChange && (
              <th scope="col">
                <span className="visually-hidden">Change</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {actions.map((a) => (
            <tr key={a.id}>
              <td>
                <input
                  type="checkbox"
                  id={`done-${a.id}`}
                  aria-label={`Done: ${a.description}`}
                  checked={a.doneDate !== null}
                  disabled={!canChange}
                  onChange={(e) => void toggle(a, e.target.checked)}
                />
                {a.doneDate && (
                  <div className="muted">
                    {formatUkDate(a.doneDate)}
                    {a.doneBy && `, ${a.doneBy}`}
                  </div>
                )}
              </td>
              <td>{a.description}</td>
              <td>{a.owner}</td>
              <td>{formatUkDate(a.dueDate)}</td>
              <td>{a.visitDate ? formatUkDate(a.visitDate) : '–'}</td>
              {canChange && (
                <td className="actions">
                  <button type="button" className="link-button" onClick={() => setEditing(a)}>
                    Change<span className="visually-hidden"> {a.description}</span>
                  </button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {editing && (
        <ActionForm
          key={editing.id}
          visitId={editing.visitId}
          visitDate={editing.visitDate}
          editing={editing}
          onDone={() => {
            setEditing(null);
            onChange();
          }}
        />
      )}
    </>
  );
}

interface ActionValues {
  description: string;
  ownerStaffId: string;
  ownerName: string;
  dueDate: string;
}

/** Adds an action to a visit, or changes one: the owner is a staff member or a name typed in. */
export function ActionForm({ visitId, visitDate, editing, onDone }: { visitId: string; visitDate: string | null; editing?: VisitAction; onDone: () => void }) {
  const api = useApiClient();
  const { setting } = useSetting();
  const { notify } = useAppState();
  const staff = useStaff(setting.id);
  const empty: ActionValues = editing
    ? { description: editing.description, ownerStaffId: editing.ownerStaffId ?? '', ownerName: editing.ownerName, dueDate: toUkInput(editing.dueDate) }
    : { description: '', ownerStaffId: '', ownerName: '', dueDate: '' };
  const form = useRecordForm<null, ActionValues>(empty);
  const v = form.values;
  const fields = { description: v.description, ownerStaffId: v.ownerStaffId || null, ownerName: v.ownerName, dueDate: fromUkInput(v.dueDate) };
  const [ruleErrors, setRuleErrors] = useState<FieldErrors>({});
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    // The rules every door applies (shared/domain/visits.ts), checked with the schema so every problem shows at once.
    const dueDate = fields.dueDate;
    const extra = dueDate && isIsoDate(dueDate) ? actionIssues({ ...fields, dueDate }, visitDate) : [];
    const input = editing ? { id: editing.id, ...fields } : { visitId, ...fields };
    const schema: ZodType = editing ? visitActionUpdateSchema : visitActionInputSchema;
    const checked = validate(schema, input, extra);
    setRuleErrors(checked.ok ? {} : checked.errors);
    if (!checked.ok) return;
    if (editing) {
      const before = {
        id: editing.id,
        description: editing.description,
        ownerStaffId: editing.ownerStaffId,
        ownerName: editing.ownerName,
        dueDate: editing.dueDate,
      };
      return form.submit(e, visitActionUpdateSchema, input, async (value) => {
        await api('visits.updateAction', value);
        notify({ message: `Action changed: ${value.description}`, undo: () => api('visits.updateAction', before) });
        onDone();
      });
    }
    return form.submit(e, visitActionInputSchema, input, async (value) => {
      await api('visits.addAction', value);
      notify({ message: `Action added: ${value.description}` });
      onDone();
    });
  };
  const errors = { ...ruleErrors, ...form.errors };
  const field = <K extends keyof ActionValues & string>(key: K) => ({ ...form.field(key), error: errors[key] });
  return (
    <InlineForm
      title={editing ? `Change the action “${editing.description}”` : 'Add an agreed action'}
      errors={errors}
      order={['description', 'ownerStaffId', 'ownerName', 'dueDate']}
      submitLabel={editing ? 'Save action' : 'Add action'}
      onSubmit={onSubmit}
      onCancel={editing ? onDone : undefined}
    >
      <TextField label="What is to be done" {...field('description')} />
      <SelectField label="Owner from the staff" emptyLabel="Someone else (type their name below)" options={recordOptions(staff)} {...field('ownerStaffId')} />
      <TextField label="Or the owner’s name" hint="For example the SLT assistant, or a parent" width="medium" {...field('ownerName')} />
      <DateField label="Due by" {...field('dueDate')} />
    </InlineForm>
  );
}

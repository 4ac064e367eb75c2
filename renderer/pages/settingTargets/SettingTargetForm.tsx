import type { FormEvent } from 'react';
import type { ZodType } from 'zod';
import { settingTargetStatusLabels, startingStatuses } from '../../../shared/domain/settingTargets.js';
import type { Staff } from '../../../shared/schemas/staff.js';
import { settingTargetInputSchema, settingTargetUpdateSchema, type SettingTarget, type StrategyChoice } from '../../../shared/schemas/settingTargets.js';
import { DateField, fieldId, SelectField, TextAreaField, TextField } from '../../components/fields.js';
import { InlineForm } from '../../components/InlineForm.js';
import { useApiClient } from '../../lib/apiClient.js';
import { useAppState } from '../../lib/appState.js';
import { formatUkDate, fromUkInput, toUkInput } from '../../lib/format.js';
import type { FieldErrors } from '../../lib/forms.js';
import type { useRecordForm } from '../../lib/useRecordForm.js';

/** What the form holds: dates as typed (27/11/2026), the owner as a staff id or '' for "someone else". */
export interface TargetValues {
  title: string;
  description: string;
  ownerStaffId: string;
  ownerName: string;
  dueDate: string;
  status: (typeof startingStatuses)[number];
  strategyIds: string[];
}

export const emptyTarget: TargetValues = { title: '', description: '', ownerStaffId: '', ownerName: '', dueDate: '', status: 'planned', strategyIds: [] };

/** A stored target as the form shows it; a staff owner's name is theirs, so the name box stays empty. */
export function targetValues(t: SettingTarget): TargetValues {
  return {
    title: t.title,
    description: t.description,
    ownerStaffId: t.ownerStaffId ?? '',
    ownerName: t.ownerStaffId ? '' : t.ownerName,
    dueDate: toUkInput(t.dueDate),
    status: 'planned',
    strategyIds: t.strategies.map((s) => s.id),
  };
}

/** The fields an update sends, from the form or from a stored target (for Undo). */
function fieldsOf(v: TargetValues) {
  return {
    title: v.title,
    description: v.description,
    ownerStaffId: v.ownerStaffId === '' ? null : v.ownerStaffId,
    ownerName: v.ownerStaffId === '' ? v.ownerName : '',
    dueDate: fromUkInput(v.dueDate) ?? '',
    strategyIds: v.strategyIds,
  };
}

const order = ['title', 'description', 'ownerStaffId', 'ownerName', 'dueDate', 'status', 'strategyIds'];
const groupLabels: Record<StrategyChoice['groupName'], string> = {
  interaction: 'Interaction',
  environment: 'Environment',
  routines: 'Routines',
  parents: 'Working with parents',
};

// Each strategy's own message (strategyIds.2) is shown once, above the list of strategies.
function groupStrategyErrors(errors: FieldErrors): FieldErrors {
  const out: FieldErrors = {};
  for (const [key, message] of Object.entries(errors)) {
    const k = key.startsWith('strategyIds.') ? 'strategyIds' : key;
    out[k] ??= message;
  }
  return out;
}

interface Props {
  settingId: string;
  staff: readonly Staff[];
  strategies: readonly StrategyChoice[];
  form: ReturnType<typeof useRecordForm<SettingTarget, TargetValues>>;
  saved: () => void;
}

/** Adding a whole-setting target, or changing the one chosen in the list; both offer Undo. */
export function SettingTargetForm({ settingId, staff, strategies, form, saved }: Props) {
  const api = useApiClient();
  const { notify } = useAppState();
  const { editing, values, errors } = form;
  // A target's own strategies stay on offer even if retired since, so an edit never drops one silently.
  const offered = [...strategies, ...(editing?.strategies ?? []).filter((s) => !strategies.some((c) => c.id === s.id)).map((s) => ({ ...s, groupName: null }))];
  const people = staff.filter((p) => !p.archivedAt || p.id === editing?.ownerStaffId);

  const onSubmit = (e: FormEvent) => {
    const fields = fieldsOf(values);
    const input = editing ? { id: editing.id, ...fields } : { settingId, status: values.status, ...fields };
    // Only the check matters here; the save sends the typed fields itself.
    const schema: ZodType = editing ? settingTargetUpdateSchema : settingTargetInputSchema;
    // The due date against today is checked by the core too; its refusal lands beside the field.
    return form.submit(
      e,
      schema,
      input,
      async () => {
        if (editing) {
          const before = { id: editing.id, ...fieldsOf(targetValues(editing)) };
          await api('settingTargets.update', { id: editing.id, ...fields });
          notify({ message: `“${fields.title.trim()}” saved`, undo: () => api('settingTargets.update', before) });
        } else {
          const made = await api('settingTargets.create', { settingId, status: values.status, ...fields });
          notify({ message: `“${made.title}” added, due ${formatUkDate(made.dueDate)}`, undo: () => api('settingTargets.remove', { id: made.id }) });
        }
        saved();
      },
      groupStrategyErrors,
    );
  };

  const toggle = (id: string, on: boolean) =>
    form.set('strategyIds')(on ? [...values.strategyIds.filter((s) => s !== id), id] : values.strategyIds.filter((s) => s !== id));

  return (
    <InlineForm
      title={editing ? `Change “${editing.title}”` : 'Add a whole-setting target'}
      level={2}
      errors={errors}
      order={order}
      submitLabel={editing ? 'Save changes' : 'Add target'}
      onSubmit={(e) => void onSubmit(e)}
      onCancel={editing ? form.reset : undefined}
    >
      <TextField label="What the setting will do" hint="For example, every room uses a visual timetable" {...form.field('title')} />
      <TextAreaField label="Details (optional)" {...form.field('description')} />
      <SelectField
        label="Owner"
        emptyLabel="Someone not on the staff list"
        options={people.map((p) => ({ value: p.id, label: p.name }))}
        {...form.field('ownerStaffId')}
      />
      {values.ownerStaffId === '' && <TextField label="Owner’s name" width="medium" {...form.field('ownerName')} />}
      <DateField label="Due date" {...form.field('dueDate')} />
      {!editing && (
        <SelectField label="Status" options={startingStatuses.map((s) => ({ value: s, label: settingTargetStatusLabels[s] }))} {...form.field('status')} />
      )}
      <fieldset className={`fieldset field${errors.strategyIds ? ' field--error' : ''}`} id={fieldId('strategyIds')} tabIndex={-1}>
        <legend className="field__label">Strategies it puts into practice</legend>
        {errors.strategyIds && <p className="field__error">{errors.strategyIds}</p>}
        {offered.length === 0 && <p className="hint">No strategies yet: add them to the strategies library first.</p>}
        {offered.map((s) => (
          <div className="checkbox" key={s.id}>
            <input id={`strategy-${s.id}`} type="checkbox" checked={values.strategyIds.includes(s.id)} onChange={(e) => toggle(s.id, e.target.checked)} />
            <label htmlFor={`strategy-${s.id}`}>
              {s.title}
              <span className="muted">
                {' '}
                ({s.groupName ? groupLabels[s.groupName] : 'retired'}, {s.shared ? 'shared library' : 'this setting’s own'})
              </span>
            </label>
          </div>
        ))}
      </fieldset>
    </InlineForm>
  );
}

import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import {
  childDateIssues,
  childInputSchema,
  ethnicities,
  sendStageLabels,
  sexLabels,
  type Child,
  type EthnicityCode,
  type SendStage,
  type Sex,
} from '../../../shared/schemas/children.js';
import { isIsoDate } from '../../../shared/domain/dates.js';
import { useApiClient } from '../../lib/apiClient.js';
import { useFormValues } from '../../lib/useFormValues.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { AddOrEdit } from '../../components/AddOrEdit.js';
import { CheckboxField, DateField, optionsFrom, recordOptions, SelectField, TextAreaField, TextField } from '../../components/fields.js';
import { useAppState, useToday } from '../../lib/appState.js';
import { errorsFromFailure, validate, type FieldErrors } from '../../lib/forms.js';
import { fromUkInput, toUkInput } from '../../lib/format.js';
import { useApi } from '../../lib/useApi.js';
import { useSetting } from '../settings/SettingLayout.js';

/** What the form holds: dates as typed (27/11/2026), languages as one comma-separated box. */
interface ChildFormValues {
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  sex: Sex | '';
  ethnicity: EthnicityCode;
  homeLanguages: string;
  eal: boolean;
  sendStage: SendStage;
  funded2: boolean;
  eypp: boolean;
  roomId: string;
  keyPersonId: string;
  startDate: string;
  leaveDate: string;
  notes: string;
}

const fieldOrder = [
  'firstName',
  'lastName',
  'dateOfBirth',
  'sex',
  'ethnicity',
  'homeLanguages',
  'sendStage',
  'roomId',
  'keyPersonId',
  'startDate',
  'leaveDate',
  'notes',
] as const;

function initialValues(child: Child | undefined): ChildFormValues {
  return {
    firstName: child?.firstName ?? '',
    lastName: child?.lastName ?? '',
    dateOfBirth: toUkInput(child?.dateOfBirth),
    sex: child?.sex ?? '',
    ethnicity: child?.ethnicity ?? 'NOBT',
    homeLanguages: child?.homeLanguages.join(', ') ?? '',
    eal: child?.eal ?? false,
    sendStage: child?.sendStage ?? 'none',
    funded2: child?.funded2 ?? false,
    eypp: child?.eypp ?? false,
    roomId: child?.roomId ?? '',
    keyPersonId: child?.keyPersonId ?? '',
    startDate: toUkInput(child?.startDate),
    leaveDate: toUkInput(child?.leaveDate),
    notes: child?.notes ?? '',
  };
}

/** The shape the API takes, built from what was typed; bad dates are passed on as typed so the schema names them. */
function toInput(v: ChildFormValues) {
  return {
    firstName: v.firstName,
    lastName: v.lastName,
    dateOfBirth: fromUkInput(v.dateOfBirth) ?? undefined,
    sex: v.sex || undefined,
    ethnicity: v.ethnicity,
    homeLanguages: v.homeLanguages
      .split(',')
      .map((l) => l.trim())
      .filter(Boolean),
    eal: v.eal,
    sendStage: v.sendStage,
    funded2: v.funded2,
    eypp: v.eypp,
    roomId: v.roomId || null,
    keyPersonId: v.keyPersonId || null,
    startDate: fromUkInput(v.startDate),
    leaveDate: fromUkInput(v.leaveDate),
    notes: v.notes,
  };
}

export function ChildFormPage() {
  return (
    <AddOrEdit method="children.get" param="childId">
      {(existing) => <ChildForm existing={existing} />}
    </AddOrEdit>
  );
}

function ChildForm({ existing }: { existing: Child | undefined }) {
  const api = useApiClient();
  const { setting } = useSetting();
  const { notify } = useAppState();
  const today = useToday();
  const navigate = useNavigate();
  const rooms = useApi('rooms.list', { settingId: setting.id, includeArchived: true });
  const staff = useApi('staff.list', { settingId: setting.id, includeArchived: true });
  const { values, set, field: bind } = useFormValues<ChildFormValues>(() => initialValues(existing));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saving, setSaving] = useState(false);
  const field = <K extends keyof ChildFormValues & string>(key: K) => bind(key, errors);

  // An archived room or key person already on the record stays choosable, so editing a leaver
  // does not silently drop them.
  const roomOptions = recordOptions(openOrCurrent(rooms.data ?? [], existing?.roomId));
  const staffOptions = recordOptions(openOrCurrent(staff.data ?? [], existing?.keyPersonId));

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const input = { settingId: setting.id, ...toInput(values) };
    const dateIssues = input.dateOfBirth && isIsoDate(input.dateOfBirth) ? childDateIssues({ dateOfBirth: input.dateOfBirth }, today) : [];
    const checked = validate(childInputSchema, input, dateIssues);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setSaving(true);
    try {
      const { settingId, ...fields } = checked.value;
      const saved = existing ? await api('children.update', { id: existing.id, ...fields }) : await api('children.create', { ...fields, settingId });
      const name = `${saved.firstName} ${saved.lastName}`;
      if (existing) {
        const { id, settingId: _s, archivedAt: _a, createdAt: _c, updatedAt: _u, ...before } = existing;
        notify({
          message: `${name}’s details saved`,
          undo: () => api('children.update', { id, ...before }),
        });
      } else {
        notify({ message: `${name} added` });
      }
      navigate(`/s/${setting.id}/children/${saved.id}`);
    } catch (err) {
      setErrors(errorsFromFailure(err));
      setSaving(false);
    }
  }

  const cancelTo = existing ? `/s/${setting.id}/children/${existing.id}` : `/s/${setting.id}/children`;
  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <h1>{existing ? `Edit ${existing.firstName} ${existing.lastName}` : 'Add a child'}</h1>
      <ErrorSummary errors={errors} order={fieldOrder} />
      <fieldset className="fieldset">
        <legend>About the child</legend>
        <TextField label="First name" {...field('firstName')} width="medium" />
        <TextField label="Last name" {...field('lastName')} width="medium" />
        <DateField label="Date of birth" {...field('dateOfBirth')} />
        <SelectField label="Sex" options={optionsFrom(sexLabels)} {...field('sex')} emptyLabel="Choose…" />
        <SelectField label="Ethnicity" options={optionsFrom(ethnicities)} {...field('ethnicity')} />
      </fieldset>
      <fieldset className="fieldset">
        <legend>Language and needs</legend>
        <TextField label="Home languages" hint="Separate languages with commas, for example English, Polish" {...field('homeLanguages')} width="medium" />
        <CheckboxField name="eal" label="English as an additional language (EAL)" checked={values.eal} onChange={set('eal')} />
        <SelectField label="SEND stage" options={optionsFrom(sendStageLabels)} {...field('sendStage')} />
        <CheckboxField name="funded2" label="Funded 2-year-old place" checked={values.funded2} onChange={set('funded2')} />
        <CheckboxField name="eypp" label="Early years pupil premium" checked={values.eypp} onChange={set('eypp')} />
      </fieldset>
      <fieldset className="fieldset">
        <legend>At the setting</legend>
        <SelectField label="Room" options={roomOptions} {...field('roomId')} emptyLabel="Not assigned" />
        <SelectField label="Key person" options={staffOptions} {...field('keyPersonId')} emptyLabel="Not assigned" />
        <DateField label="Start date (optional)" {...field('startDate')} />
        {existing && <DateField label="Leave date (optional)" {...field('leaveDate')} />}
        <TextAreaField label="Notes (optional)" {...field('notes')} />
      </fieldset>
      <div className="button-row">
        <button type="submit" className="button" disabled={saving}>
          {existing ? 'Save changes' : 'Save child'}
        </button>
        <Link className="button button--secondary" to={cancelTo}>
          Cancel
        </Link>
      </div>
    </form>
  );
}

function openOrCurrent<T extends { id: string; archivedAt: string | null }>(items: readonly T[], currentId: string | null | undefined): T[] {
  return items.filter((i) => !i.archivedAt || i.id === currentId);
}

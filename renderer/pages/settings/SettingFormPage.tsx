import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { settingInputSchema, settingTypeLabels, type Setting, type SettingInput } from '../../../shared/schemas/settings.js';
import { useApiClient } from '../../lib/apiClient.js';
import { useFormValues } from '../../lib/useFormValues.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { AddOrEdit } from '../../components/AddOrEdit.js';
import { optionsFrom, SelectField, TextField } from '../../components/fields.js';
import { useAppState } from '../../lib/appState.js';
import { errorsFromFailure, validate, type FieldErrors } from '../../lib/forms.js';

const fieldOrder = ['name', 'urn', 'type', 'localAuthority'] as const;

/** Adding a setting (/settings/new) and editing one (/s/:id/edit) share this form. */
export function SettingFormPage() {
  return (
    <AddOrEdit method="settings.get" param="settingId">
      {(existing) => <SettingForm existing={existing} />}
    </AddOrEdit>
  );
}

function SettingForm({ existing }: { existing: Setting | undefined }) {
  const navigate = useNavigate();
  const api = useApiClient();
  const { refreshInfo, notify } = useAppState();
  const { values, set, field } = useFormValues<SettingInput>({
    name: existing?.name ?? '',
    urn: existing?.urn ?? '',
    type: existing?.type ?? 'nursery',
    localAuthority: existing?.localAuthority ?? '',
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saving, setSaving] = useState(false);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const checked = validate(settingInputSchema, values);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setSaving(true);
    try {
      if (existing) {
        const before = { id: existing.id, name: existing.name, urn: existing.urn, type: existing.type, localAuthority: existing.localAuthority };
        await api('settings.update', { id: existing.id, ...values });
        notify({
          message: 'Setting details saved',
          undo: () => api('settings.update', before),
        });
        navigate(`/s/${existing.id}`);
      } else {
        const created = await api('settings.create', values);
        refreshInfo();
        notify({ message: `${created.name} added. Next, add its rooms and staff.` });
        navigate(`/s/${created.id}`);
      }
    } catch (err) {
      setErrors(errorsFromFailure(err));
      setSaving(false);
    }
  }

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <h1>{existing ? `Edit ${existing.name}` : 'Set up your setting'}</h1>
      <ErrorSummary errors={errors} order={fieldOrder} />
      <TextField label="Setting name" {...field('name', errors)} autoComplete="organization" />
      <TextField
        label="Ofsted URN (unique reference number)"
        hint="On your Ofsted registration certificate, for example EY123456"
        {...field('urn', errors)}
        width="short"
      />
      <SelectField label="Type of setting" options={optionsFrom(settingTypeLabels)} {...field('type', errors)} />
      <TextField
        name="localAuthority"
        label="Local authority (optional)"
        value={values.localAuthority ?? ''}
        onChange={set('localAuthority')}
        error={errors.localAuthority}
        width="medium"
      />
      <div className="button-row">
        <button type="submit" className="button" disabled={saving}>
          {existing ? 'Save changes' : 'Save setting'}
        </button>
        <Link className="button button--secondary" to={existing ? `/s/${existing.id}` : '/'}>
          Cancel
        </Link>
      </div>
    </form>
  );
}

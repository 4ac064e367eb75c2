import { useState, type FormEvent } from 'react';
import {
  qualificationLabels,
  staffInputSchema,
  staffRoleLabels,
  type QualificationLevel,
  type Staff,
  type StaffRole,
} from '../../../shared/schemas/staff.js';
import { useApiClient } from '../../lib/apiClient.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { optionsFrom, SelectField, TextField } from '../../components/fields.js';
import { useAppState } from '../../lib/appState.js';
import { errorsFromFailure, validate, type FieldErrors } from '../../lib/forms.js';
import { useApi } from '../../lib/useApi.js';
import { useSetting } from '../settings/SettingLayout.js';

interface StaffValues {
  name: string;
  role: StaffRole;
  qualificationLevel: QualificationLevel;
}
const emptyStaff: StaffValues = { name: '', role: 'practitioner', qualificationLevel: 'level-3' };
const staffFieldOrder = ['staffName', 'role', 'qualificationLevel'];

/** A setting's staff: key people and screeners. */
export function StaffSection({ showArchived }: { showArchived: boolean }) {
  const api = useApiClient();
  const { setting, reloadSetting } = useSetting();
  const { notify } = useAppState();
  const staff = useApi('staff.list', { settingId: setting.id, includeArchived: showArchived });
  const [editing, setEditing] = useState<Staff | null>(null);
  const [values, setValues] = useState<StaffValues>(emptyStaff);
  const [errors, setErrors] = useState<FieldErrors>({});

  const refresh = () => {
    staff.reload();
    reloadSetting();
  };
  const reset = () => {
    setEditing(null);
    setValues(emptyStaff);
    setErrors({});
  };

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const checked = validate(staffInputSchema, { settingId: setting.id, ...values });
    // The staff name field is called staffName on the page: "name" is taken by the room form.
    if (!checked.ok) return setErrors(renameNameError(checked.errors));
    try {
      if (editing) {
        const before = { id: editing.id, name: editing.name, role: editing.role, qualificationLevel: editing.qualificationLevel };
        await api('staff.update', { id: editing.id, ...values });
        notify({ message: `${values.name.trim()}’s details saved`, undo: () => api('staff.update', before) });
      } else {
        await api('staff.create', { settingId: setting.id, ...values });
        notify({ message: `${values.name.trim()} added to staff` });
      }
      reset();
      refresh();
    } catch (err) {
      setErrors(renameNameError(errorsFromFailure(err)));
    }
  }

  async function setArchived(person: Staff, archived: boolean) {
    await api('staff.archive', { id: person.id, archived });
    notify({
      message: archived ? `${person.name} marked as left` : `${person.name} restored`,
      undo: () => api('staff.archive', { id: person.id, archived: !archived }),
    });
    refresh();
  }

  return (
    <section aria-labelledby="staff-heading" className="section">
      <h2 id="staff-heading">Staff</h2>
      {staff.data && staff.data.length === 0 && <p>No staff yet. Add practitioners so children can have a key person.</p>}
      {staff.data && staff.data.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Role</th>
              <th scope="col">Qualification</th>
              <th scope="col" className="numeric">Key children</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {staff.data.map((p) => (
              <tr key={p.id}>
                <td>
                  {p.name} {p.archivedAt && <span className="tag tag--grey">Left</span>}
                </td>
                <td>{staffRoleLabels[p.role]}</td>
                <td>{qualificationLabels[p.qualificationLevel]}</td>
                <td className="numeric">{p.keyChildren}</td>
                <td className="actions">
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => {
                      setEditing(p);
                      setValues({ name: p.name, role: p.role, qualificationLevel: p.qualificationLevel });
                      setErrors({});
                    }}
                  >
                    Edit<span className="visually-hidden"> {p.name}</span>
                  </button>
                  <button type="button" className="link-button" onClick={() => setArchived(p, !p.archivedAt)}>
                    {p.archivedAt ? 'Restore' : 'Mark as left'}
                    <span className="visually-hidden"> {p.name}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form className="inline-form" onSubmit={onSubmit} noValidate aria-label={editing ? `Edit ${editing.name}` : 'Add a staff member'}>
        <h3>{editing ? `Edit ${editing.name}` : 'Add a staff member'}</h3>
        <ErrorSummary errors={errors} order={staffFieldOrder} />
        <TextField name="staffName" label="Full name" value={values.name} onChange={(name) => setValues((v) => ({ ...v, name }))} error={errors.staffName} width="medium" />
        <SelectField name="role" label="Role" value={values.role} options={optionsFrom(staffRoleLabels)} onChange={(role) => setValues((v) => ({ ...v, role: role as StaffRole }))} error={errors.role} />
        <SelectField
          name="qualificationLevel"
          label="Qualification level"
          value={values.qualificationLevel}
          options={optionsFrom(qualificationLabels)}
          onChange={(q) => setValues((v) => ({ ...v, qualificationLevel: q as QualificationLevel }))}
          error={errors.qualificationLevel}
        />
        <div className="button-row">
          <button type="submit" className="button">
            {editing ? 'Save changes' : 'Add staff member'}
          </button>
          {editing && (
            <button type="button" className="button button--secondary" onClick={reset}>
              Cancel
            </button>
          )}
        </div>
      </form>
    </section>
  );
}

function renameNameError(errors: FieldErrors): FieldErrors {
  const { name, ...rest } = errors;
  return name === undefined ? rest : { ...rest, staffName: name };
}

import type { FormEvent } from 'react';
import { qualificationLabels, staffInputSchema, staffRoleLabels, type QualificationLevel, type Staff, type StaffRole } from '../../../shared/schemas/staff.js';
import { optionsFrom, SelectField, TextField } from '../../components/fields.js';
import { InlineForm } from '../../components/InlineForm.js';
import { RecordTable } from '../../components/RecordTable.js';
import { useApiClient } from '../../lib/apiClient.js';
import { useAppState } from '../../lib/appState.js';
import type { FieldErrors } from '../../lib/forms.js';
import { useApi } from '../../lib/useApi.js';
import { useArchive } from '../../lib/useArchive.js';
import { useRecordForm } from '../../lib/useRecordForm.js';
import { useSession } from '../../lib/session.js';
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
  // Only those who may change the setting's rooms and staff are offered the forms and row buttons.
  const canChange = useSession().may('settings:write');
  const staff = useApi('staff.list', { settingId: setting.id, includeArchived: showArchived });
  const form = useRecordForm<Staff, StaffValues>(emptyStaff);
  const { editing, values, errors } = form;

  const refresh = () => {
    staff.reload();
    reloadSetting();
  };
  const archive = useArchive('staff.archive', refresh);

  // The staff name field is called staffName on the page: "name" is taken by the room form.
  const onSubmit = (e: FormEvent) =>
    form.submit(
      e,
      staffInputSchema,
      { settingId: setting.id, ...values },
      async () => {
        if (editing) {
          const before = { id: editing.id, name: editing.name, role: editing.role, qualificationLevel: editing.qualificationLevel };
          await api('staff.update', { id: editing.id, ...values });
          notify({ message: `${values.name.trim()}’s details saved`, undo: () => api('staff.update', before) });
        } else {
          await api('staff.create', { settingId: setting.id, ...values });
          notify({ message: `${values.name.trim()} added to staff` });
        }
        refresh();
      },
      renameNameError,
    );

  return (
    <section aria-labelledby="staff-heading" className="section">
      <h2 id="staff-heading">Staff</h2>
      <RecordTable
        rows={staff.data}
        empty={<p>No staff yet. Add practitioners so children can have a key person.</p>}
        columns={[
          {
            header: 'Name',
            cell: (p) => (
              <>
                {p.name} {p.archivedAt && <span className="tag tag--grey">Left</span>}
              </>
            ),
          },
          { header: 'Role', cell: (p) => staffRoleLabels[p.role] },
          { header: 'Qualification', cell: (p) => qualificationLabels[p.qualificationLevel] },
          { header: 'Key children', numeric: true, cell: (p) => p.keyChildren },
        ]}
        actions={
          !canChange
            ? []
            : [
                { label: 'Edit', onClick: (p) => form.edit(p, { name: p.name, role: p.role, qualificationLevel: p.qualificationLevel }) },
                {
                  label: (p) => (p.archivedAt ? 'Restore' : 'Mark as left'),
                  onClick: (p) => archive(p.id, !p.archivedAt, p.archivedAt ? `${p.name} restored` : `${p.name} marked as left`),
                },
              ]
        }
      />
      {canChange && (
        <InlineForm
          title={editing ? `Edit ${editing.name}` : 'Add a staff member'}
          errors={errors}
          order={staffFieldOrder}
          submitLabel={editing ? 'Save changes' : 'Add staff member'}
          onSubmit={onSubmit}
          onCancel={editing ? form.reset : undefined}
        >
          <TextField name="staffName" label="Full name" value={values.name} onChange={form.set('name')} error={errors.staffName} width="medium" />
          <SelectField label="Role" options={optionsFrom(staffRoleLabels)} {...form.field('role')} />
          <SelectField label="Qualification level" options={optionsFrom(qualificationLabels)} {...form.field('qualificationLevel')} />
        </InlineForm>
      )}
    </section>
  );
}

function renameNameError(errors: FieldErrors): FieldErrors {
  const { name, ...rest } = errors;
  return name === undefined ? rest : { ...rest, staffName: name };
}

import type { FormEvent } from 'react';
import { roomInputSchema, type Room } from '../../../shared/schemas/rooms.js';
import { TextField } from '../../components/fields.js';
import { InlineForm } from '../../components/InlineForm.js';
import { RecordTable } from '../../components/RecordTable.js';
import { useApiClient } from '../../lib/apiClient.js';
import { useAppState } from '../../lib/appState.js';
import { useApi } from '../../lib/useApi.js';
import { useArchive } from '../../lib/useArchive.js';
import { useRecordForm } from '../../lib/useRecordForm.js';
import { useSession } from '../../lib/session.js';
import { useSetting } from '../settings/SettingLayout.js';

/** A setting's rooms: the groups children are in. */
export function RoomsSection({ showArchived }: { showArchived: boolean }) {
  const api = useApiClient();
  const { setting, reloadSetting } = useSetting();
  const { notify } = useAppState();
  // Only those who may change the setting's rooms and staff are offered the forms and row buttons.
  const canChange = useSession().may('settings:write');
  const rooms = useApi('rooms.list', { settingId: setting.id, includeArchived: showArchived });
  const form = useRecordForm<Room, { name: string }>({ name: '' });
  const { editing, values } = form;

  const refresh = () => {
    rooms.reload();
    reloadSetting();
  };
  const archive = useArchive('rooms.archive', refresh);

  const onSubmit = (e: FormEvent) =>
    form.submit(e, roomInputSchema, { settingId: setting.id, name: values.name }, async () => {
      if (editing) {
        const before = editing.name;
        await api('rooms.update', { id: editing.id, name: values.name });
        notify({ message: `Room renamed to ${values.name.trim()}`, undo: () => api('rooms.update', { id: editing.id, name: before }) });
      } else {
        await api('rooms.create', { settingId: setting.id, name: values.name });
        notify({ message: `Room ${values.name.trim()} added` });
      }
      refresh();
    });

  return (
    <section aria-labelledby="rooms-heading" className="section">
      <h2 id="rooms-heading">Rooms</h2>
      <RecordTable
        rows={rooms.data}
        empty={<p>No rooms yet. Add the rooms children are grouped in, for example Babies or Pre-school.</p>}
        columns={[
          {
            header: 'Room',
            cell: (r) => (
              <>
                {r.name} {r.archivedAt && <span className="tag tag--grey">Archived</span>}
              </>
            ),
          },
          { header: 'Children on roll', numeric: true, cell: (r) => r.childrenOnRoll },
        ]}
        actions={
          !canChange
            ? []
            : [
                { label: 'Rename', onClick: (r) => form.edit(r, { name: r.name }) },
                {
                  label: (r) => (r.archivedAt ? 'Restore' : 'Archive'),
                  onClick: (r) => archive(r.id, !r.archivedAt, r.archivedAt ? `${r.name} restored` : `${r.name} archived`),
                },
              ]
        }
      />
      {canChange && (
        <InlineForm
          title={editing ? `Rename ${editing.name}` : 'Add a room'}
          errors={form.errors}
          order={['name']}
          submitLabel={editing ? 'Save name' : 'Add room'}
          onSubmit={onSubmit}
          onCancel={editing ? form.reset : undefined}
        >
          <TextField label={editing ? `New name for ${editing.name}` : 'Room name'} {...form.field('name')} width="medium" />
        </InlineForm>
      )}
    </section>
  );
}

import { useState, type FormEvent } from 'react';
import { roomInputSchema, type Room } from '../../../shared/schemas/rooms.js';
import { useApiClient } from '../../lib/apiClient.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { TextField } from '../../components/fields.js';
import { useAppState } from '../../lib/appState.js';
import { errorsFromFailure, validate, type FieldErrors } from '../../lib/forms.js';
import { useApi } from '../../lib/useApi.js';
import { useSetting } from '../settings/SettingLayout.js';

/** A setting's rooms: the groups children are in. */
export function RoomsSection({ showArchived }: { showArchived: boolean }) {
  const api = useApiClient();
  const { setting, reloadSetting } = useSetting();
  const { notify } = useAppState();
  const rooms = useApi('rooms.list', { settingId: setting.id, includeArchived: showArchived });
  const [editing, setEditing] = useState<Room | null>(null);
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});

  const refresh = () => {
    rooms.reload();
    reloadSetting();
  };

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const checked = validate(roomInputSchema, { settingId: setting.id, name });
    if (!checked.ok) return setErrors(checked.errors);
    try {
      if (editing) {
        const before = editing.name;
        await api('rooms.update', { id: editing.id, name });
        notify({ message: `Room renamed to ${name.trim()}`, undo: () => api('rooms.update', { id: editing.id, name: before }) });
      } else {
        await api('rooms.create', { settingId: setting.id, name });
        notify({ message: `Room ${name.trim()} added` });
      }
      setName('');
      setEditing(null);
      setErrors({});
      refresh();
    } catch (err) {
      setErrors(errorsFromFailure(err));
    }
  }

  async function setArchived(room: Room, archived: boolean) {
    await api('rooms.archive', { id: room.id, archived });
    notify({
      message: archived ? `${room.name} archived` : `${room.name} restored`,
      undo: () => api('rooms.archive', { id: room.id, archived: !archived }),
    });
    refresh();
  }

  return (
    <section aria-labelledby="rooms-heading" className="section">
      <h2 id="rooms-heading">Rooms</h2>
      {rooms.data && rooms.data.length === 0 && <p>No rooms yet. Add the rooms children are grouped in, for example Babies or Pre-school.</p>}
      {rooms.data && rooms.data.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Room</th>
              <th scope="col" className="numeric">Children on roll</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rooms.data.map((r) => (
              <tr key={r.id}>
                <td>
                  {r.name} {r.archivedAt && <span className="tag tag--grey">Archived</span>}
                </td>
                <td className="numeric">{r.childrenOnRoll}</td>
                <td className="actions">
                  <button type="button" className="link-button" onClick={() => { setEditing(r); setName(r.name); setErrors({}); }}>
                    Rename<span className="visually-hidden"> {r.name}</span>
                  </button>
                  <button type="button" className="link-button" onClick={() => setArchived(r, !r.archivedAt)}>
                    {r.archivedAt ? 'Restore' : 'Archive'}
                    <span className="visually-hidden"> {r.name}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form className="inline-form" onSubmit={onSubmit} noValidate aria-label={editing ? `Rename ${editing.name}` : 'Add a room'}>
        <h3>{editing ? `Rename ${editing.name}` : 'Add a room'}</h3>
        <ErrorSummary errors={errors} order={['name']} />
        <TextField name="name" label={editing ? `New name for ${editing.name}` : 'Room name'} value={name} onChange={setName} error={errors.name} width="medium" />
        <div className="button-row">
          <button type="submit" className="button">
            {editing ? 'Save name' : 'Add room'}
          </button>
          {editing && (
            <button type="button" className="button button--secondary" onClick={() => { setEditing(null); setName(''); setErrors({}); }}>
              Cancel
            </button>
          )}
        </div>
      </form>
    </section>
  );
}

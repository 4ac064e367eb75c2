import { useMemo, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { roleLabels, type Role } from '../../../shared/domain/roles.js';
import { accountInputSchema, idleLockSchema, type Account } from '../../../shared/schemas/accounts.js';
import { CheckboxField, SelectField, TextField, optionsFrom, recordOptions } from '../../components/fields.js';
import { InlineForm } from '../../components/InlineForm.js';
import { RecordTable } from '../../components/RecordTable.js';
import { WhenLoaded } from '../../components/WhenLoaded.js';
import { useApiClient } from '../../lib/apiClient.js';
import { useAppState } from '../../lib/appState.js';
import { errorsFromFailure, validate, type FieldErrors } from '../../lib/forms.js';
import { formatUkDate } from '../../lib/format.js';
import { useSession } from '../../lib/session.js';
import { useApi } from '../../lib/useApi.js';

// A manager's accounts page: everyone who can sign in, their role and what they cover; adding,
// changing, disabling and resetting passwords; and how soon an idle window locks.

interface Draft {
  displayName: string;
  userName: string;
  role: Role | '';
  settingId: string;
  staffId: string;
  settingIds: string[];
  password: string;
}
const empty: Draft = { displayName: '', userName: '', role: '', settingId: '', staffId: '', settingIds: [], password: '' };
type SortKey = 'name' | 'role' | 'userName';

export function AccountsPage() {
  const api = useApiClient();
  const { notify } = useAppState();
  const { me } = useSession();
  const accounts = useApi('accounts.list', {});
  const settings = useApi('settings.list', {});
  const idle = useApi('accounts.getIdleLock', {});
  const [search, setSearch] = useState('');
  const [sort, setSort] = useState<SortKey>('name');
  const [editing, setEditing] = useState<Account | null>(null);
  const [draft, setDraft] = useState<Draft>(empty);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [resetFor, setResetFor] = useState<Account | null>(null);
  const [resetPassword, setResetPassword] = useState('');
  const [resetErrors, setResetErrors] = useState<FieldErrors>({});
  const [minutes, setMinutes] = useState('');
  const [idleErrors, setIdleErrors] = useState<FieldErrors>({});
  const staff = useApi('staff.list', draft.settingId ? { settingId: draft.settingId } : null);
  const set =
    <K extends keyof Draft>(k: K) =>
    (v: Draft[K]) =>
      setDraft((d) => ({ ...d, [k]: v }));

  const rows = useMemo(() => {
    const wanted = search.trim().toLowerCase();
    const list = (accounts.data ?? []).filter((a) => !wanted || `${a.displayName} ${a.userName} ${roleLabels[a.role]}`.toLowerCase().includes(wanted));
    const key = (a: Account) => (sort === 'role' ? roleLabels[a.role] : sort === 'userName' ? a.userName : a.displayName).toLowerCase();
    return [...list].sort((a, b) => key(a).localeCompare(key(b)));
  }, [accounts.data, search, sort]);

  function edit(a: Account) {
    setEditing(a);
    setErrors({});
    setDraft({ ...empty, displayName: a.displayName, userName: a.userName, role: a.role, staffId: a.staffId ?? '', settingIds: a.settingIds, settingId: '' });
  }

  async function save(e: FormEvent) {
    e.preventDefault();
    const fields = { displayName: draft.displayName, role: draft.role || undefined, staffId: draft.staffId || null, settingIds: draft.settingIds };
    try {
      if (editing) {
        await api('accounts.update', { id: editing.id, ...fields, role: draft.role || editing.role });
        notify({ message: `${draft.displayName} saved` });
      } else {
        const checked = validate(accountInputSchema, { ...fields, userName: draft.userName, password: draft.password });
        if (!checked.ok) return setErrors(checked.errors);
        await api('accounts.create', checked.value);
        notify({ message: `${draft.displayName} can now sign in as ${draft.userName}, and will choose their own password` });
      }
      setEditing(null);
      setDraft(empty);
      setErrors({});
      accounts.reload();
    } catch (err) {
      setErrors(errorsFromFailure(err));
    }
  }

  async function toggle(a: Account) {
    try {
      await api('accounts.disable', { id: a.id, disabled: !a.disabledAt });
      notify({ message: a.disabledAt ? `${a.displayName} can sign in again` : `${a.displayName} can no longer sign in` });
      accounts.reload();
    } catch (err) {
      notify({ message: errorsFromFailure(err).form ?? 'That did not work' });
    }
  }

  async function reset(e: FormEvent) {
    e.preventDefault();
    if (!resetFor) return;
    try {
      await api('accounts.resetPassword', { id: resetFor.id, password: resetPassword });
      notify({ message: `${resetFor.displayName} will choose a new password when they next sign in` });
      setResetFor(null);
      setResetPassword('');
      setResetErrors({});
      accounts.reload();
    } catch (err) {
      setResetErrors(errorsFromFailure(err));
    }
  }

  async function saveIdle(e: FormEvent) {
    e.preventDefault();
    const checked = validate(idleLockSchema, { minutes: minutes.trim() === '' ? undefined : Number(minutes) });
    if (!checked.ok) return setIdleErrors(checked.errors);
    try {
      await api('accounts.setIdleLock', checked.value);
      notify({ message: `Windows now lock after ${checked.value.minutes} minutes without use` });
      setIdleErrors({});
      setMinutes('');
      idle.reload();
    } catch (err) {
      setIdleErrors(errorsFromFailure(err));
    }
  }

  const settingName = (id: string) => settings.data?.find((s) => s.id === id)?.name ?? 'a setting';
  const covers = (a: Account) => (a.role === 'slt-assistant' ? a.settingIds.map(settingName).join(', ') || 'No settings yet' : (a.staffName ?? '–'));

  return (
    <>
      <p className="breadcrumb">
        <Link to="/">Settings</Link>
      </p>
      <h1>Accounts</h1>
      <p className="lead">Everyone who uses Chatterbox signs in with their own account. Their role decides what they can see and do.</p>
      <div className="filters">
        <TextField name="accountSearch" label="Search by name, user name or role" value={search} onChange={setSearch} width="medium" />
        <SelectField<SortKey>
          name="accountSort"
          label="Sort by"
          value={sort}
          onChange={setSort}
          options={[
            { value: 'name', label: 'Name' },
            { value: 'userName', label: 'User name' },
            { value: 'role', label: 'Role' },
          ]}
        />
      </div>
      <WhenLoaded results={[accounts, settings]} loading={null}>
        {() => (
          <RecordTable
            rows={rows}
            rowName={(a) => a.displayName}
            empty={<p>No account matches that search.</p>}
            columns={[
              { header: 'Name', rowHeader: true, cell: (a) => a.displayName },
              { header: 'User name', cell: (a) => a.userName },
              { header: 'Role', cell: (a) => roleLabels[a.role] },
              { header: 'Staff member or settings covered', cell: covers },
              {
                header: 'Status',
                cell: (a) =>
                  a.disabledAt
                    ? `Disabled on ${formatUkDate(a.disabledAt.slice(0, 10))}`
                    : a.mustChangePassword
                      ? 'Will choose a new password'
                      : a.lockedUntil
                        ? 'Paused after wrong passwords'
                        : 'Can sign in',
              },
            ]}
            actions={[
              { label: 'Edit', onClick: edit },
              { label: 'Reset password', onClick: (a) => setResetFor(a), hidden: (a) => a.id === me.accountId },
              { label: (a) => (a.disabledAt ? 'Enable' : 'Disable'), onClick: (a) => void toggle(a), hidden: (a) => a.id === me.accountId },
            ]}
          />
        )}
      </WhenLoaded>
      {resetFor && (
        <InlineForm
          title={`Reset the password for ${resetFor.displayName}`}
          level={2}
          intro={<p>Tell them this password in person. They will be asked to choose their own when they next sign in.</p>}
          errors={resetErrors}
          order={['password']}
          submitLabel="Reset password"
          onSubmit={(e) => void reset(e)}
          onCancel={() => setResetFor(null)}
        >
          <TextField
            name="password"
            label="Temporary password"
            type="password"
            hint="At least 8 characters, or a PIN of at least 6 digits"
            value={resetPassword}
            onChange={setResetPassword}
            error={resetErrors.password}
            autoComplete="new-password"
            width="medium"
          />
        </InlineForm>
      )}
      <InlineForm
        title={editing ? `Change ${editing.displayName}` : 'Add an account'}
        level={2}
        errors={errors}
        order={['displayName', 'userName', 'role', 'staffId', 'settingIds', 'password']}
        submitLabel={editing ? 'Save account' : 'Add account'}
        onSubmit={(e) => void save(e)}
        onCancel={editing ? () => (setEditing(null), setDraft(empty)) : undefined}
      >
        <TextField name="displayName" label="Name" value={draft.displayName} onChange={set('displayName')} error={errors.displayName} width="medium" />
        {!editing && (
          <TextField
            name="userName"
            label="User name"
            hint="What they type to sign in"
            value={draft.userName}
            onChange={set('userName')}
            error={errors.userName}
            width="medium"
          />
        )}
        <SelectField<Role | ''>
          name="role"
          label="Role"
          value={draft.role}
          emptyLabel="Choose a role"
          options={optionsFrom(roleLabels)}
          onChange={set('role')}
          error={errors.role}
        />
        {draft.role && draft.role !== 'slt-assistant' && (
          <>
            <SelectField
              name="settingId"
              label="Works at"
              value={draft.settingId}
              emptyLabel="Choose a setting"
              options={recordOptions(settings.data ?? [])}
              onChange={set('settingId')}
            />
            <SelectField
              name="staffId"
              label="Staff member"
              hint={draft.role === 'practitioner' ? 'They see the children they are key person for' : undefined}
              value={draft.staffId}
              emptyLabel={editing?.staffName ?? 'Not one of the staff'}
              options={recordOptions(staff.data ?? [])}
              onChange={set('staffId')}
              error={errors.staffId}
            />
          </>
        )}
        {draft.role === 'slt-assistant' && (
          <fieldset className="field">
            <legend className="field__label">Settings they cover</legend>
            {errors.settingIds && <p className="field__error">{errors.settingIds}</p>}
            {(settings.data ?? []).map((s) => (
              <CheckboxField
                key={s.id}
                name={`covers-${s.id}`}
                label={s.name}
                checked={draft.settingIds.includes(s.id)}
                onChange={(on) => set('settingIds')(on ? [...draft.settingIds, s.id] : draft.settingIds.filter((id) => id !== s.id))}
              />
            ))}
          </fieldset>
        )}
        {!editing && (
          <TextField
            name="password"
            label="First password"
            type="password"
            hint="At least 8 characters, or a PIN of at least 6 digits. They choose their own when they first sign in."
            value={draft.password}
            onChange={set('password')}
            error={errors.password}
            autoComplete="new-password"
            width="medium"
          />
        )}
      </InlineForm>
      <InlineForm
        title="Locking idle windows"
        level={2}
        intro={<p>A window that has not been used for {idle.data?.minutes ?? 10} minutes locks, and asks for the password again.</p>}
        errors={idleErrors}
        order={['minutes']}
        submitLabel="Save"
        onSubmit={(e) => void saveIdle(e)}
      >
        <TextField
          name="minutes"
          label="Minutes before a window locks"
          value={minutes}
          onChange={setMinutes}
          error={idleErrors.minutes}
          inputMode="numeric"
          width="short"
        />
      </InlineForm>
    </>
  );
}

import { useState, type FormEvent, type ReactNode } from 'react';
import { firstManagerInputSchema, passwordChangeSchema, signInInputSchema, unlockInputSchema } from '../../../shared/schemas/session.js';
import type { Me } from '../../../shared/schemas/session.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { TextField } from '../../components/fields.js';
import { useApiClient } from '../../lib/apiClient.js';
import { errorsFromFailure, validate, type FieldErrors } from '../../lib/forms.js';

// The screens in front of the app (see lib/session.tsx): first run, sign-in, choosing a new
// password after a reset, and unlocking a locked window. Plain words; the core checks everything
// again, these forms only save a round trip.

const passwordHint = 'At least 8 characters, or a PIN of at least 6 digits';

function GateForm({
  title,
  intro,
  errors,
  order,
  submit,
  onSubmit,
  children,
}: {
  title: string;
  intro: ReactNode;
  errors: FieldErrors;
  order: string[];
  submit: string;
  onSubmit: () => Promise<void>;
  children: ReactNode;
}) {
  const [busy, setBusy] = useState(false);
  async function handle(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    try {
      await onSubmit();
    } finally {
      setBusy(false);
    }
  }
  return (
    <main id="main" className="app-main gate">
      <form className="panel form gate__form" onSubmit={handle} noValidate aria-labelledby="gate-title">
        <h1 id="gate-title">{title}</h1>
        {intro}
        <ErrorSummary errors={errors} order={order} />
        {children}
        <div className="button-row">
          <button type="submit" className="button" disabled={busy}>
            {submit}
          </button>
        </div>
      </form>
    </main>
  );
}

export function FirstRunPage({ done }: { done: () => void }) {
  const api = useApiClient();
  const [values, setValues] = useState({ displayName: '', userName: '', password: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const set = (k: keyof typeof values) => (v: string) => setValues((s) => ({ ...s, [k]: v }));
  return (
    <GateForm
      title="Create the manager account"
      intro={<p>Chatterbox is new on this computer. Create the first account: a manager, who can then add accounts for everyone else.</p>}
      errors={errors}
      order={['displayName', 'userName', 'password']}
      submit="Create the account and sign in"
      onSubmit={async () => {
        const checked = validate(firstManagerInputSchema, values);
        if (!checked.ok) return setErrors(checked.errors);
        try {
          await api('session.createFirstManager', checked.value);
          done();
        } catch (err) {
          setErrors(errorsFromFailure(err));
        }
      }}
    >
      <TextField
        name="displayName"
        label="Your name"
        value={values.displayName}
        onChange={set('displayName')}
        error={errors.displayName}
        autoComplete="name"
        width="medium"
      />
      <TextField
        name="userName"
        label="User name"
        hint="What you will type to sign in: letters, digits, dots, hyphens and underscores"
        value={values.userName}
        onChange={set('userName')}
        error={errors.userName}
        autoComplete="username"
        width="medium"
      />
      <TextField
        name="password"
        label="Password"
        type="password"
        hint={passwordHint}
        value={values.password}
        onChange={set('password')}
        error={errors.password}
        autoComplete="new-password"
        width="medium"
      />
    </GateForm>
  );
}

export function SignInPage({ done }: { done: () => void }) {
  const api = useApiClient();
  const [values, setValues] = useState({ userName: '', password: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const set = (k: keyof typeof values) => (v: string) => setValues((s) => ({ ...s, [k]: v }));
  return (
    <GateForm
      title="Sign in to Chatterbox"
      intro={<p>Chatterbox holds information about children. Sign in with your own user name and password.</p>}
      errors={errors}
      order={['userName', 'password']}
      submit="Sign in"
      onSubmit={async () => {
        const checked = validate(signInInputSchema, values);
        if (!checked.ok) return setErrors(checked.errors);
        try {
          await api('session.signIn', checked.value);
          done();
        } catch (err) {
          setValues((s) => ({ ...s, password: '' }));
          setErrors(errorsFromFailure(err));
        }
      }}
    >
      <TextField
        name="userName"
        label="User name"
        value={values.userName}
        onChange={set('userName')}
        error={errors.userName}
        autoComplete="username"
        width="medium"
      />
      <TextField
        name="password"
        label="Password"
        type="password"
        value={values.password}
        onChange={set('password')}
        error={errors.password}
        autoComplete="current-password"
        width="medium"
      />
      <p className="field__hint">Forgotten your password? Ask a manager to reset it.</p>
    </GateForm>
  );
}

export function ChangePasswordForm({ me, done, forced }: { me: Me; done: () => void; forced: boolean }) {
  const api = useApiClient();
  const [values, setValues] = useState({ currentPassword: '', newPassword: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const set = (k: keyof typeof values) => (v: string) => setValues((s) => ({ ...s, [k]: v }));
  return (
    <GateForm
      title="Choose a new password"
      intro={
        <p>
          {forced
            ? `A manager reset the password for ${me.displayName}. Choose a new one that only you know.`
            : 'Your new password replaces the old one straight away.'}
        </p>
      }
      errors={errors}
      order={['currentPassword', 'newPassword']}
      submit="Save the new password"
      onSubmit={async () => {
        const checked = validate(passwordChangeSchema, values);
        if (!checked.ok) return setErrors(checked.errors);
        try {
          await api('session.changePassword', checked.value);
          done();
        } catch (err) {
          setErrors(errorsFromFailure(err));
        }
      }}
    >
      <TextField
        name="currentPassword"
        label={forced ? 'The password the manager gave you' : 'Your current password'}
        type="password"
        value={values.currentPassword}
        onChange={set('currentPassword')}
        error={errors.currentPassword}
        autoComplete="current-password"
        width="medium"
      />
      <TextField
        name="newPassword"
        label="New password"
        type="password"
        hint={passwordHint}
        value={values.newPassword}
        onChange={set('newPassword')}
        error={errors.newPassword}
        autoComplete="new-password"
        width="medium"
      />
    </GateForm>
  );
}

/** The page underneath may have a field named "password" too: ids must stay unique. */
function renamed(errors: FieldErrors): FieldErrors {
  const { password, ...rest } = errors;
  return password === undefined ? rest : { ...rest, unlockPassword: password };
}

/** Over the locked page: the page stays as it was, unseen and out of reach, until the password is typed. */
export function UnlockScreen({ me, done, signOut }: { me: Me; done: () => void; signOut: () => void }) {
  const api = useApiClient();
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const checked = validate(unlockInputSchema, { password });
    if (!checked.ok) return setErrors(renamed(checked.errors));
    try {
      await api('session.unlock', checked.value);
      setPassword('');
      done();
    } catch (err) {
      setPassword('');
      setErrors(renamed(errorsFromFailure(err)));
    }
  }
  return (
    <div className="unlock" role="dialog" aria-modal="true" aria-labelledby="unlock-title">
      <form className="panel form unlock__form" onSubmit={onSubmit} noValidate>
        <h1 id="unlock-title">Chatterbox is locked</h1>
        <p>
          Signed in as <strong>{me.displayName}</strong> ({me.roleLabel}). Enter your password to carry on where you left off.
        </p>
        <ErrorSummary errors={errors} order={['password']} />
        <TextField
          name="password"
          label="Password"
          type="password"
          value={password}
          onChange={setPassword}
          error={errors.password}
          autoComplete="current-password"
          width="medium"
        />
        <div className="button-row">
          <button type="submit" className="button">
            Unlock
          </button>
          <button type="button" className="button button--secondary" onClick={signOut}>
            Sign out
          </button>
        </div>
      </form>
    </div>
  );
}

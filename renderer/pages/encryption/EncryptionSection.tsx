import { useState, type FormEvent } from 'react';
import type { EncryptionStatus } from '../../../shared/schemas/encryption.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { TextField } from '../../components/fields.js';
import { useApiClient } from '../../lib/apiClient.js';
import { useAppState } from '../../lib/appState.js';
import { errorsFromFailure, type FieldErrors } from '../../lib/forms.js';
import { useApi } from '../../lib/useApi.js';

// Encryption for managers: how the database is protected, in plain words, and a new key when
// staff who knew the passphrase or the recovery key leave. The new recovery key is shown once.

const fieldOrder = ['current', 'newPassphrase'] as const;

/** The status as sentences a manager can act on. */
export function statusSentences(s: EncryptionStatus): string[] {
  if (!s.encrypted)
    return ['The database file is not encrypted, so anyone who copies it can read the records. Ask your IT support to encrypt it with "chatterbox encrypt".'];
  const lines = ['The database and its backups are encrypted.'];
  if (!s.keyFilePresent) lines.push('The key file beside the database is missing: ask your IT support before changing anything.');
  else {
    const ways = [s.passphraseSet && 'the passphrase', 'the recovery key', s.protectedByComputer && "this computer's account"].filter((w): w is string =>
      Boolean(w),
    );
    lines.push(`It can be unlocked with ${ways.length > 1 ? `${ways.slice(0, -1).join(', ')} or ${ways[ways.length - 1]}` : ways[0]}.`);
  }
  if (s.olderKeys > 0)
    lines.push(
      `${s.olderKeys === 1 ? 'One older key is' : `${s.olderKeys} older keys are`} kept so that backups made before a key change can still be restored.`,
    );
  if (s.plainOriginalWaiting)
    lines.push(
      'An unencrypted copy made while encrypting is still beside the database. Once Chatterbox has opened normally, ask your IT support to delete it.',
    );
  return lines;
}

export function EncryptionSection() {
  const api = useApiClient();
  const { notify } = useAppState();
  const status = useApi('encryption.status', {});
  const [open, setOpen] = useState(false);
  const [current, setCurrent] = useState('');
  const [newPassphrase, setNewPassphrase] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null);

  function close() {
    setOpen(false);
    setCurrent('');
    setNewPassphrase('');
    setErrors({});
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setErrors({});
    if (!current) {
      setErrors({ current: 'Enter the passphrase or the recovery key' });
      return;
    }
    setBusy(true);
    try {
      const result = await api('encryption.changeKey', { current, ...(newPassphrase ? { newPassphrase } : {}) });
      close();
      setRecoveryKey(result.recoveryKey);
      status.reload();
    } catch (err) {
      setErrors(errorsFromFailure(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel" aria-labelledby="encryption-title">
      <h2 id="encryption-title">Encryption</h2>
      {status.data && statusSentences(status.data).map((line) => <p key={line}>{line}</p>)}
      {recoveryKey && (
        <div className="panel panel--warning" role="group" aria-labelledby="recovery-key-title">
          <h3 id="recovery-key-title">Write down the new recovery key</h3>
          <p>
            The database is now encrypted with a new key. The old recovery key no longer works. This new one is shown only this once: write it down and keep it
            somewhere safe, away from this computer. You need it if the passphrase is forgotten or this computer is replaced.
          </p>
          <p className="recovery-key">
            <strong>{recoveryKey}</strong>
          </p>
          <button
            type="button"
            className="button"
            onClick={() => {
              setRecoveryKey(null);
              notify({ message: 'The encryption key was changed.' });
            }}
          >
            I have written it down
          </button>
        </div>
      )}
      {status.data?.encrypted && status.data.keyFilePresent && !open && !recoveryKey && (
        <>
          <p>When someone who knew the passphrase or the recovery key leaves, change the key. Backups made before the change can still be restored.</p>
          <button type="button" className="button button--secondary" onClick={() => setOpen(true)}>
            Change the encryption key
          </button>
        </>
      )}
      {open && (
        <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="change-key-title">
          <h3 id="change-key-title">Change the encryption key</h3>
          <ErrorSummary errors={errors} order={fieldOrder} />
          {errors.form && <p className="error-text">{errors.form}</p>}
          <TextField
            name="current"
            label="The passphrase or the recovery key"
            type="password"
            autoComplete="current-password"
            value={current}
            onChange={setCurrent}
            error={errors.current}
          />
          <TextField
            name="newPassphrase"
            label="New passphrase (optional)"
            hint="At least 10 characters. Leave it empty to keep the passphrase you typed above."
            type="password"
            autoComplete="new-password"
            value={newPassphrase}
            onChange={setNewPassphrase}
            error={errors.newPassphrase}
          />
          <div className="button-row">
            <button type="submit" className="button" disabled={busy}>
              {busy ? 'Changing the key…' : 'Change the key'}
            </button>
            <button type="button" className="button button--secondary" disabled={busy} onClick={close}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

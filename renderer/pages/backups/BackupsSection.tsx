import { useState } from 'react';
import { backupKindLabels, type BackupInfo } from '../../../shared/schemas/backups.js';
import { RecordTable } from '../../components/RecordTable.js';
import { useApiClient } from '../../lib/apiClient.js';
import { useAppState } from '../../lib/appState.js';
import { formatUkDateTime } from '../../lib/format.js';
import { useApi } from '../../lib/useApi.js';

const sizeLabel = (bytes: number) => (bytes > 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`);
const when = formatUkDateTime;

/** Backups: made automatically and on demand, each checked; any one can be restored. */
export function BackupsSection() {
  const api = useApiClient();
  const { notify, reloadAll } = useAppState();
  const backups = useApi('backups.list', {});
  const settings = useApi('backups.getSettings', {});
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirmRestore, setConfirmRestore] = useState<BackupInfo | null>(null);
  const [keep, setKeep] = useState<string | null>(null);

  async function act(label: string, work: () => Promise<void>) {
    setBusy(label);
    setError(null);
    try {
      await work();
    } catch (err) {
      setError(err instanceof Error ? err.message : 'That did not work; nothing was changed');
    } finally {
      setBusy(null);
    }
  }

  return (
    <section className="panel" aria-labelledby="backups-title">
      <h2 id="backups-title">Backups</h2>
      {settings.data && (
        <p>
          Chatterbox backs up automatically when it starts and every day, keeping the newest {settings.data.keep} automatic backups in{' '}
          <code>{settings.data.folder}</code>. Every backup is checked before it is kept.
          {settings.data.lastAutoBackupAt && ` Last automatic backup: ${when(settings.data.lastAutoBackupAt)}.`}
        </p>
      )}
      {busy && (
        <p role="status" className="info">
          {busy}
        </p>
      )}
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
      <div className="button-row">
        <button
          type="button"
          className="button"
          disabled={busy !== null}
          onClick={() =>
            act('Backing up…', async () => {
              const made = await api('backups.create', { kind: 'manual' });
              backups.reload();
              notify({ message: `Backed up to ${made.fileName}` });
            })
          }
        >
          Back up now
        </button>
        <div className="field field--inline">
          <label htmlFor="backup-keep">Automatic backups to keep</label>
          <input
            id="backup-keep"
            className="input input--tiny"
            inputMode="numeric"
            value={keep ?? String(settings.data?.keep ?? '')}
            onChange={(e) => setKeep(e.target.value)}
            onBlur={() =>
              keep !== null &&
              act('Saving…', async () => {
                await api('backups.configure', { keep: Number(keep) });
                setKeep(null);
                settings.reload();
              })
            }
          />
        </div>
      </div>
      {confirmRestore && (
        <div className="panel panel--warning" role="group" aria-labelledby="restore-title">
          <h3 id="restore-title">Restore the backup of {when(confirmRestore.createdAt)}?</h3>
          <p>
            Everything entered since then will be replaced. A copy of the database as it is now is kept first, so this can be undone by restoring that copy.
          </p>
          <div className="button-row">
            <button
              type="button"
              className="button button--warning"
              disabled={busy !== null}
              onClick={() =>
                act('Restoring…', async () => {
                  const result = await api('backups.restore', { fileName: confirmRestore.fileName });
                  setConfirmRestore(null);
                  backups.reload();
                  reloadAll();
                  notify({ message: `Restored ${result.restoredFrom.fileName}. The database as it was is kept as ${result.safetyCopy.fileName}.` });
                })
              }
            >
              Yes, restore
            </button>
            <button type="button" className="button button--secondary" onClick={() => setConfirmRestore(null)}>
              Cancel
            </button>
          </div>
        </div>
      )}
      <RecordTable
        rows={backups.data}
        rowKey={(b) => b.fileName}
        rowName={(b) => `the backup of ${when(b.createdAt)}`}
        empty={<p>No backups yet.</p>}
        columns={[
          { header: 'Made', cell: (b) => when(b.createdAt) },
          { header: 'Kind', cell: (b) => backupKindLabels[b.kind] },
          { header: 'Size', numeric: true, cell: (b) => sizeLabel(b.sizeBytes) },
        ]}
        actions={[{ label: 'Restore', onClick: setConfirmRestore }]}
      />
    </section>
  );
}

import { useState } from 'react';
import { Link } from 'react-router';
import type { ImportKind, ImportMapping, ImportPreview, ImportRunResult } from '../../../shared/schemas/imports.js';
import { useApiClient } from '../../lib/apiClient.js';
import { RadioGroup, TextField } from '../../components/fields.js';
import { RecordTable } from '../../components/RecordTable.js';
import { useAppState } from '../../lib/appState.js';
import { formatUkDate } from '../../lib/format.js';
import { useApi } from '../../lib/useApi.js';
import { useSetting } from '../settings/SettingLayout.js';

interface ChosenFile {
  name: string;
  base64: string;
}

/** Reads a chosen file as base64 (both transports carry JSON), without freezing the page. */
function readFile(file: File): Promise<ChosenFile> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve({ name: file.name, base64: url.slice(url.indexOf(',') + 1) });
    };
    reader.onerror = () => reject(new Error(`${file.name} could not be read`));
    reader.readAsDataURL(file);
  });
}

/**
 * Importing children or past screenings: choose a file, match its columns to Chatterbox's
 * fields (remembered per source), check the rows, then import all or nothing; undo the last.
 */
export function ImportPage() {
  const api = useApiClient();
  const { setting, reloadSetting } = useSetting();
  const { notify, reloadAll } = useAppState();
  const [kind, setKind] = useState<ImportKind>('children');
  const [sourceName, setSourceName] = useState('');
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [mapping, setMapping] = useState<ImportMapping | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [result, setResult] = useState<ImportRunResult | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const batches = useApi('imports.list', { settingId: setting.id });

  async function check(chosen: ChosenFile, withMapping: ImportMapping | null) {
    setBusy('Checking the file…');
    setError(null);
    setResult(null);
    try {
      const p = await api('imports.preview', { kind, settingId: setting.id, fileName: chosen.name, base64: chosen.base64, sourceName, mapping: withMapping });
      setPreview(p);
      setMapping(p.mapping);
    } catch (err) {
      setPreview(null);
      setError(err instanceof Error ? err.message : 'The file could not be read');
    } finally {
      setBusy(null);
    }
  }

  async function run(dryRun: boolean) {
    if (!file || !mapping) return;
    setBusy(dryRun ? 'Checking every row…' : 'Importing…');
    setError(null);
    try {
      const r = await api('imports.run', { kind, settingId: setting.id, fileName: file.name, base64: file.base64, sourceName, mapping, dryRun });
      setResult(r);
      if (!dryRun) {
        batches.reload();
        reloadSetting();
        reloadAll();
        notify({ message: `Imported ${r.created.children} children and ${r.created.screenings} screenings from ${file.name}` });
      }
    } catch (err) {
      setError(err instanceof Error ? err.message : 'The import failed; nothing was imported');
    } finally {
      setBusy(null);
    }
  }

  async function undoLast(k: ImportKind) {
    setError(null);
    try {
      const undone = await api('imports.undoLast', { settingId: setting.id, kind: k });
      batches.reload();
      reloadSetting();
      reloadAll();
      notify({
        message: `Undid the import of ${undone.batch.fileName}: removed ${undone.removed.children} children and ${undone.removed.screenings} screenings`,
      });
    } catch (err) {
      setError(err instanceof Error ? err.message : 'The import could not be undone');
    }
  }

  const undoable = (batches.data ?? []).filter((b) => b.undoable);
  return (
    <>
      <h1>Import</h1>
      <p className="lead">Bring in children from your nursery management system, or past screening results from a spreadsheet (CSV or Excel).</p>

      <section className="panel" aria-labelledby="import-file-title">
        <h2 id="import-file-title">1. Choose the file</h2>
        <RadioGroup
          name="kind"
          legend="What does the file hold?"
          value={kind}
          options={[
            { value: 'children', label: 'Children (one row per child)' },
            { value: 'screenings', label: 'Screening results (one row per child per section screened)' },
          ]}
          onChange={(v) => {
            setKind(v);
            setPreview(null);
            setResult(null);
          }}
        />
        <TextField
          name="sourceName"
          label="Where is it from? (optional)"
          hint="For example, Famly export. The columns you match are remembered for next time."
          value={sourceName}
          onChange={setSourceName}
          width="medium"
        />
        <div className="field">
          <label className="field__label" htmlFor="import-file">
            File
          </label>
          <p className="field__hint" id="import-file-hint">
            CSV or Excel (.xlsx), up to 20 MB
          </p>
          <input
            id="import-file"
            type="file"
            accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-describedby="import-file-hint"
            onChange={async (e) => {
              const chosen = e.target.files?.[0];
              if (!chosen) return;
              const read = await readFile(chosen);
              setFile(read);
              await check(read, null);
            }}
          />
        </div>
      </section>

      {busy && (
        <p role="status" className="info">
          {busy}
        </p>
      )}
      {error && (
        <div className="error-summary" role="alert" tabIndex={-1}>
          <h2 className="error-summary__title">There is a problem</h2>
          <p>{error}</p>
        </div>
      )}

      {preview && file && mapping && (
        <>
          <section className="panel" aria-labelledby="import-map-title">
            <h2 id="import-map-title">2. Match the columns</h2>
            <p>
              {preview.fileName}: {preview.counts.rows} rows, {preview.fileType.toUpperCase()}
              {preview.encoding ? `, ${preview.encoding}` : ''}
              {preview.sheetName ? `, sheet “${preview.sheetName}”` : ''}.{' '}
              {preview.rememberedMapping ? 'Columns matched as last time for this source.' : 'Columns matched by their headings: check them.'}
            </p>
            <table className="table table--form">
              <caption className="visually-hidden">Chatterbox fields and the file’s columns</caption>
              <thead>
                <tr>
                  <th scope="col">Chatterbox field</th>
                  <th scope="col">Column in the file</th>
                  <th scope="col">Accepts</th>
                </tr>
              </thead>
              <tbody>
                {preview.fields.map((f) => (
                  <tr key={f.field}>
                    <th scope="row">
                      <label htmlFor={`map-${f.field}`}>
                        {f.label}
                        {f.required ? ' (required)' : ''}
                      </label>
                    </th>
                    <td>
                      <select
                        id={`map-${f.field}`}
                        className="input input--medium"
                        value={mapping[f.field] ?? ''}
                        onChange={(e) => setMapping((m) => ({ ...(m ?? {}), [f.field]: e.target.value }))}
                      >
                        <option value="">Not in this file</option>
                        {preview.columns.map((c) => (
                          <option key={c} value={c}>
                            {c}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td className="muted">{f.description}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <button type="button" className="button button--secondary" onClick={() => check(file, mapping)} disabled={busy !== null}>
              Check the rows again
            </button>
          </section>

          <section className="panel" aria-labelledby="import-check-title">
            <h2 id="import-check-title">3. Check the rows</h2>
            <ul className="counts">
              <li>
                <strong>{preview.counts.valid}</strong> rows ready
              </li>
              <li>
                <strong>{preview.counts.withErrors}</strong> with errors
              </li>
              <li>
                <strong>{preview.counts.withWarnings}</strong> with warnings
              </li>
              <li>
                <strong>{preview.counts.duplicates}</strong> look like children already here
              </li>
            </ul>
            <IssueTable title="Errors: these rows stop the import" issues={preview.errors} />
            <IssueTable title="Warnings: the rows will be imported" issues={preview.warnings} />
            {preview.truncated && <p className="muted">Only the first 1,000 problems are listed.</p>}
          </section>

          <section className="panel" aria-labelledby="import-run-title">
            <h2 id="import-run-title">4. Import</h2>
            <p>Every row is imported, or none: if any row has an error, nothing is saved.</p>
            <div className="button-row">
              <button type="button" className="button button--secondary" onClick={() => run(true)} disabled={busy !== null}>
                Dry run (save nothing)
              </button>
              <button
                type="button"
                className="button"
                onClick={() => run(false)}
                disabled={busy !== null || preview.counts.withErrors > 0 || !preview.mappingComplete}
              >
                Import {preview.counts.valid} rows
              </button>
            </div>
            {result && (
              <p className="info" role="status">
                {result.dryRun ? 'Dry run: nothing was saved. ' : ''}
                {result.dryRun ? 'Would create' : 'Created'} {result.created.children} children ({result.created.leavers} leavers) and{' '}
                {result.created.screenings} screenings.
              </p>
            )}
          </section>
        </>
      )}

      <section className="section" aria-labelledby="import-history-title">
        <h2 id="import-history-title">Earlier imports</h2>
        <RecordTable
          rows={batches.data}
          empty={<p>None yet.</p>}
          columns={[
            { header: 'When', cell: (b) => formatUkDate(b.createdAt.slice(0, 10)) },
            { header: 'File', cell: (b) => b.fileName },
            { header: 'What', cell: (b) => (b.kind === 'children' ? 'Children' : 'Screenings') },
            { header: 'Created', numeric: true, cell: (b) => (b.kind === 'children' ? b.createdChildren : b.createdScreenings) },
            { header: 'By', cell: (b) => b.actorName ?? '–' },
            { header: 'Status', cell: (b) => (b.undoneAt ? 'Undone' : 'Imported') },
          ]}
        />
        {undoable.map((b) => (
          <button key={b.id} type="button" className="button button--warning" onClick={() => undoLast(b.kind)}>
            Undo the last {b.kind === 'children' ? 'children' : 'screenings'} import ({b.fileName})
          </button>
        ))}
      </section>
      <p>
        <Link to={`/s/${setting.id}/children`}>Back to children</Link>
      </p>
    </>
  );
}

function IssueTable({ title, issues }: { title: string; issues: ImportPreview['errors'] }) {
  if (issues.length === 0) return null;
  return (
    <RecordTable
      caption={title}
      rows={issues.slice(0, 200)}
      rowKey={(i, n) => `${i.row}-${i.column ?? ''}-${n}`}
      columns={[
        { header: 'Row', numeric: true, cell: (i) => i.row },
        { header: 'Column', cell: (i) => i.column ?? '–' },
        { header: 'Problem', cell: (i) => i.message },
      ]}
    />
  );
}

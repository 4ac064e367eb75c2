import { useState } from 'react';
import type { TableExport } from '../../shared/schemas/export.js';
import { useApiClient } from '../lib/apiClient.js';
import { downloadCsv, downloadXlsx } from '../lib/exportTable.js';

/** "Download CSV" and "Download Excel" for one table; `table` is built only when clicked. */
export function ExportButtons({ table, label }: { table: () => TableExport; label: string }) {
  const api = useApiClient();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  return (
    <div className="export-buttons">
      <button type="button" className="button button--secondary button--small" onClick={() => downloadCsv(table())}>
        Download CSV<span className="visually-hidden"> of {label}</span>
      </button>
      <button
        type="button"
        className="button button--secondary button--small"
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          setError(undefined);
          try {
            await downloadXlsx(api, table());
          } catch (err) {
            setError(err instanceof Error ? err.message : 'The spreadsheet could not be made');
          } finally {
            setBusy(false);
          }
        }}
      >
        {busy ? 'Preparing…' : 'Download Excel'}
        <span className="visually-hidden"> of {label}</span>
      </button>
      {error && <span className="error-text" role="alert">{error}</span>}
    </div>
  );
}

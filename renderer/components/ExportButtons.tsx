import { useState } from 'react';
import type { TableExport } from '../../shared/schemas/export.js';
import { useApiClient } from '../lib/apiClient.js';
import { downloadCsv, downloadXlsx } from '../lib/exportTable.js';
import { AsyncButton } from './AsyncButton.js';

/** "Download CSV" and "Download Excel" for one table; `table` is built only when clicked. */
export function ExportButtons({ table, label }: { table: () => TableExport; label: string }) {
  const api = useApiClient();
  const [error, setError] = useState<string>();
  const of = <span className="visually-hidden"> of {label}</span>;
  return (
    <div className="export-buttons">
      <button type="button" className="button button--secondary button--small" onClick={() => downloadCsv(table())}>
        Download CSV{of}
      </button>
      <AsyncButton
        className="button button--secondary button--small"
        busyLabel={<>Preparing…{of}</>}
        onClick={async () => {
          setError(undefined);
          try {
            await downloadXlsx(api, table());
          } catch (err) {
            setError(err instanceof Error ? err.message : 'The spreadsheet could not be made');
          }
        }}
      >
        Download Excel{of}
      </AsyncButton>
      {error && (
        <span className="error-text" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}

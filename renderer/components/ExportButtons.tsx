import { useState } from 'react';
import type { TableExport } from '../../shared/schemas/export.js';
import { useApiClient } from '../lib/apiClient.js';
import { downloadCsv, downloadXlsx } from '../lib/exportTable.js';
import { AsyncButton } from './AsyncButton.js';

/**
 * "Download CSV" and "Download Excel" for one table; `table` is built only when clicked, and may
 * fetch first (a list exports every matching row, not only the page on screen).
 */
export function ExportButtons({ table, label }: { table: () => TableExport | Promise<TableExport>; label: string }) {
  const api = useApiClient();
  const [error, setError] = useState<string>();
  const of = <span className="visually-hidden"> of {label}</span>;
  return (
    <div className="export-buttons">
      <AsyncButton
        className="button button--secondary button--small"
        busyLabel={<>Preparing…{of}</>}
        onClick={async () => {
          setError(undefined);
          try {
            downloadCsv(await table());
          } catch (err) {
            setError(err instanceof Error ? err.message : 'The file could not be made');
          }
        }}
      >
        Download CSV{of}
      </AsyncButton>
      <AsyncButton
        className="button button--secondary button--small"
        busyLabel={<>Preparing…{of}</>}
        onClick={async () => {
          setError(undefined);
          try {
            await downloadXlsx(api, await table());
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

import type { TableExport } from '../../shared/schemas/export.js';
import { useApiClient } from '../lib/apiClient.js';
import { downloadCsv, downloadXlsx } from '../lib/exportTable.js';
import { AttemptError, useAttempt } from '../lib/useAttempt.js';
import { AsyncButton } from './AsyncButton.js';

/**
 * "Download CSV" and "Download Excel" for one table; `table` is built only when clicked, and may
 * fetch first (a list exports every matching row, not only the page on screen).
 */
export function ExportButtons({ table, label }: { table: () => TableExport | Promise<TableExport>; label: string }) {
  const api = useApiClient();
  const { error, attempt } = useAttempt();
  const of = <span className="visually-hidden"> of {label}</span>;
  return (
    <div className="export-buttons">
      <AsyncButton
        className="button button--secondary button--small"
        busyLabel={<>Preparing…{of}</>}
        onClick={() => attempt(async () => downloadCsv(await table()), 'The file could not be made')}
      >
        Download CSV{of}
      </AsyncButton>
      <AsyncButton
        className="button button--secondary button--small"
        busyLabel={<>Preparing…{of}</>}
        onClick={() => attempt(async () => downloadXlsx(api, await table()), 'The spreadsheet could not be made')}
      >
        Download Excel{of}
      </AsyncButton>
      <AttemptError error={error} />
    </div>
  );
}

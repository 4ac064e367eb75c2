import type { FileData, TableExport } from '../../shared/schemas/export.js';
import { toCsv } from '../../shared/csv.js';
import { safeFileName } from '../../shared/files.js';
import type { Api } from '../api.js';

// Every table on screen can leave as CSV (made here) or Excel (made by the core with exceljs).

function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function downloadCsv(table: TableExport): void {
  // The byte-order mark makes Excel read the file as UTF-8 (names with accents survive).
  download(new Blob(['\uFEFF', toCsv(table)], { type: 'text/csv;charset=utf-8' }), safeFileName(table.title, 'csv'));
}

/** Saves a file the core made (it travels as base64 in JSON). */
export function downloadFile(file: FileData): void {
  const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
  download(new Blob([bytes], { type: file.mimeType }), file.fileName);
}

export async function downloadXlsx(api: Api, table: TableExport): Promise<void> {
  downloadFile(await api('export.xlsx', table));
}

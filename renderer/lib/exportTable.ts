import type { TableExport } from '../../shared/schemas/export.js';
import { api } from '../api.js';

// Every table on screen can leave as CSV (made here) or Excel (made by the core with exceljs).

function csvCell(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  // Quote anything with a comma, quote or line break; and defuse leading =,+,-,@ so a spreadsheet
  // never runs a name typed into a form as a formula.
  const safe = /^[=+\-@]/.test(text) && typeof value === 'string' ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(table: TableExport): string {
  return [table.columns, ...table.rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

function fileName(title: string, extension: string): string {
  return `${title.replace(/[^A-Za-z0-9 ._-]+/g, ' ').replace(/\s+/g, ' ').trim() || 'export'}.${extension}`;
}

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
  download(new Blob(['\uFEFF', toCsv(table)], { type: 'text/csv;charset=utf-8' }), fileName(table.title, 'csv'));
}

export async function downloadXlsx(table: TableExport): Promise<void> {
  const file = await api('export.xlsx', table);
  const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
  download(new Blob([bytes], { type: file.mimeType }), file.fileName);
}

import type { TableExport } from './schemas/export.js';

// CSV as spreadsheets expect it: CRLF, quotes doubled, and cells that start with = + - @ made
// inert so a name typed into a form can never run as a formula when the file is opened.

function cell(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  const safe = typeof value === 'string' && /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(table: Pick<TableExport, 'columns' | 'rows'>): string {
  return [table.columns, ...table.rows].map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}

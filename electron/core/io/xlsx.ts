import ExcelJS from 'exceljs';
import { parseIsoDate, parseUkDate } from '../../../shared/domain/dates.js';
import type { TableExport } from '../../../shared/schemas/export.js';
import { sheetNames } from './sheet-names.js';

// Spreadsheets people open in Excel: bold frozen header, filters on, sensible widths, and
// Red/Amber/Green cells filled in their colour as well as keeping the word (the word survives
// printing in black and white and colour-blind reading). Dates go in as real dates shown
// dd/mm/yyyy, so sorting and filtering by date work in Excel.

export const ragFill: Record<string, string> = { Red: 'FFF6D7D2', Amber: 'FFFFEFC2', Green: 'FFCCE2D8' };
export const dateFormat = 'dd/mm/yyyy';

type Cell = TableExport['rows'][number][number];

// A whole date as the app writes it in tables: ISO, or shown the UK way with two-digit day and
// month. Looser forms ("7/3/2026") are left as text: a table cell is not user input.
const exactUkDate = /^\d{2}\/\d{2}\/\d{4}$/;
const exactIsoDate = /^\d{4}-\d{2}-\d{2}$/;

/** The cell as an Excel date (midnight UTC, which exceljs writes as a whole day), or null. */
export function excelDate(cell: Cell): Date | null {
  if (typeof cell !== 'string' || !(exactUkDate.test(cell) || exactIsoDate.test(cell))) return null;
  const iso = parseUkDate(cell);
  if (iso === null) return null;
  const { year, month, day } = parseIsoDate(iso);
  // Excel's calendar starts in 1900 (and gets February 1900 wrong): earlier dates stay text.
  return year < 1901 ? null : new Date(Date.UTC(year, month - 1, day));
}

/** Columns whose every filled cell is a date, so one stray word never turns a column into dates. */
export function dateColumns(table: TableExport): Set<number> {
  const found = new Set<number>();
  table.columns.forEach((_, i) => {
    let filled = 0;
    for (const row of table.rows) {
      const cell = row[i] ?? null;
      if (cell === null || cell === '') continue;
      if (excelDate(cell) === null) return;
      filled += 1;
    }
    if (filled > 0) found.add(i);
  });
  return found;
}

/** Adds one table as a sheet; `sheetName` must come from `sheetNames` (safe and unique). */
export function addTableSheet(workbook: ExcelJS.Workbook, table: TableExport, sheetName: string): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow(table.columns).font = { bold: true };
  const dates = dateColumns(table);
  for (const row of table.rows) {
    const added = sheet.addRow(row.map((cell, i) => (dates.has(i) ? (excelDate(cell) ?? '') : (cell ?? ''))));
    added.eachCell((cell) => {
      const fill = typeof cell.value === 'string' ? ragFill[cell.value] : undefined;
      if (fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: fill } };
    });
  }
  for (const i of dates) sheet.getColumn(i + 1).numFmt = dateFormat;
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } };
  table.columns.forEach((heading, i) => {
    const longest = Math.max(heading.length, ...table.rows.slice(0, 500).map((r) => String(r[i] ?? '').length));
    sheet.getColumn(i + 1).width = Math.min(60, Math.max(8, longest + 2));
  });
  return sheet;
}

/** A workbook of the tables in order, a sheet each, named after their titles (made safe). */
export async function tablesToXlsx(tables: readonly TableExport[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Chatterbox';
  const names = sheetNames(tables.map((t) => t.title));
  tables.forEach((table, i) => addTableSheet(workbook, table, names[i] ?? 'Sheet'));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export async function tableToXlsx(table: TableExport): Promise<Buffer> {
  return tablesToXlsx([table]);
}

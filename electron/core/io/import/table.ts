import ExcelJS from 'exceljs';
import { maxImportRows } from '../../../../shared/schemas/imports.js';
import { parseCsv } from './csv.js';
import { decodeText, looksBinary, type TextEncodingName } from './decode.js';
import { ImportFileError } from './errors.js';

// Any supported file as one table: column headers and data rows of cells, each row numbered as a
// spreadsheet shows it. CSV cells are text; XLSX cells keep their type (numbers, dates, booleans),
// so a date cell arrives as a date and never goes through text.

export type CellValue = string | number | boolean | Date | null;

export interface RawRow {
  /** As a spreadsheet shows it: the header row is 1 when it is the first line. */
  rowNumber: number;
  cells: CellValue[];
}

export interface RawTable {
  fileType: 'csv' | 'xlsx';
  encoding: TextEncodingName | null;
  sheetName: string | null;
  /** Headers as found, made unique ("Name", "Name (2)") and never blank ("Column C"). */
  columns: string[];
  headerRow: number;
  rows: RawRow[];
}

export async function readTable(bytes: Uint8Array, fileName: string): Promise<RawTable> {
  if (bytes.length === 0) throw new ImportFileError(`${fileName} is empty`);
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    throw new ImportFileError(`${fileName} is an old-style Excel file (.xls): open it in Excel and save it as .xlsx or CSV, then import that`);
  }
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return readXlsx(bytes, fileName);
  if (/\.(xlsx|xlsm|xls|ods|numbers)$/i.test(fileName)) {
    throw new ImportFileError(`${fileName} is not an Excel workbook Chatterbox can read: save it as .xlsx or CSV and try again`);
  }
  return readCsv(bytes, fileName);
}

function readCsv(bytes: Uint8Array, fileName: string): RawTable {
  const { text, encoding } = decodeText(bytes);
  if (looksBinary(text)) {
    throw new ImportFileError(`${fileName} does not look like a CSV file or an Excel workbook (it contains binary data)`);
  }
  const { records } = parseCsv(text);
  return toTable(
    'csv',
    encoding,
    null,
    records.map((cells, i) => ({ rowNumber: i + 1, cells })),
    fileName,
  );
}

async function readXlsx(bytes: Uint8Array, fileName: string): Promise<RawTable> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch {
    throw new ImportFileError(
      `${fileName} could not be read as an Excel workbook (.xlsx): it may be damaged, password-protected or another kind of file. Save it again as .xlsx or CSV and try again`,
    );
  }
  const sheets = workbook.worksheets.filter((s) => s.actualRowCount > 0);
  const sheet = sheets.find((s) => s.state === 'visible') ?? sheets[0];
  if (!sheet) throw new ImportFileError(`${fileName} has no worksheet with any data in it`);
  const rows: RawRow[] = [];
  let tooMany = false;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rows.length > maxImportRows + 1) {
      tooMany = true;
      return;
    }
    const values = row.values;
    const cells: CellValue[] = [];
    if (Array.isArray(values)) {
      // exceljs puts column A at index 1.
      for (let c = 1; c < values.length; c++) cells.push(cellValue(values[c] as ExcelJS.CellValue));
    }
    rows.push({ rowNumber, cells });
  });
  if (tooMany) throw tooManyRows(fileName);
  return toTable('xlsx', null, sheet.name, rows, fileName);
}

function cellValue(v: ExcelJS.CellValue): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v;
  if (typeof v === 'object') {
    if ('richText' in v && Array.isArray(v.richText)) return v.richText.map((r) => r.text ?? '').join('');
    if ('formula' in v || 'sharedFormula' in v) {
      const result = (v as ExcelJS.CellFormulaValue).result;
      return result === undefined ? null : cellValue(result);
    }
    if ('hyperlink' in v && 'text' in v) return typeof v.text === 'string' ? v.text : String(v.text ?? '');
    if ('error' in v) return String(v.error);
    if ('text' in v) return String((v as { text: unknown }).text ?? '');
  }
  return null;
}

export function isBlank(v: CellValue): boolean {
  return v === null || (typeof v === 'string' && v.trim() === '');
}

function tooManyRows(fileName: string): ImportFileError {
  return new ImportFileError(
    `${fileName} has more than ${maxImportRows.toLocaleString('en-GB')} rows: Chatterbox imports at most that many at a time, so split the file`,
  );
}

function toTable(fileType: 'csv' | 'xlsx', encoding: TextEncodingName | null, sheetName: string | null, all: RawRow[], fileName: string): RawTable {
  const headerIndex = findHeaderRow(all);
  const header = all[headerIndex];
  if (headerIndex < 0 || !header) throw new ImportFileError(`${fileName} has no rows: the first row should hold the column headings`);
  const rows = all.slice(headerIndex + 1).filter((r) => r.cells.some((c) => !isBlank(c)));
  if (rows.length > maxImportRows) throw tooManyRows(fileName);
  if (rows.length === 0) throw new ImportFileError(`${fileName} has column headings in row ${header.rowNumber} but no rows of data below them`);
  // Data cells beyond the last heading are kept with a made-up heading, so nothing is silently lost.
  const width = Math.max(header.cells.length, ...rows.slice(0, 1000).map((r) => r.cells.length));
  return { fileType, encoding, sheetName, columns: headerNames(header.cells, width), headerRow: header.rowNumber, rows };
}

/**
 * The heading row: the first row with a few cells filled (up to 3, or half the widest row), so a
 * title line or two above the headings ("Children on roll", "Printed 27/11/2026") is passed over.
 */
function findHeaderRow(all: RawRow[]): number {
  const candidates: { index: number; filled: number }[] = [];
  for (let i = 0; i < all.length && candidates.length < 20; i++) {
    const filled = all[i]?.cells.filter((c) => !isBlank(c)).length ?? 0;
    if (filled > 0) candidates.push({ index: i, filled });
  }
  const widest = Math.max(0, ...candidates.map((c) => c.filled));
  const threshold = widest <= 1 ? 1 : Math.min(3, Math.ceil(widest / 2));
  return candidates.find((c) => c.filled >= threshold)?.index ?? -1;
}

export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function headerNames(cells: CellValue[], width: number): string[] {
  const taken = new Set<string>();
  const names: string[] = [];
  for (let i = 0; i < width; i++) {
    const cell = cells[i] ?? null;
    const text = cellText(cell).replace(/\s+/g, ' ').trim().slice(0, 200);
    const base = text === '' ? `Column ${columnLetter(i)}` : text;
    let name = base;
    for (let count = 2; taken.has(name.toLowerCase()); count++) name = `${base} (${count})`;
    taken.add(name.toLowerCase());
    names.push(name);
  }
  return names;
}

/** A cell as text, the way a spreadsheet would show it in a plain cell. */
export function cellText(v: CellValue): string {
  if (v === null) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
}

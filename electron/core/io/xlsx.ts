import ExcelJS from 'exceljs';
import type { TableExport } from '../../../shared/schemas/export.js';

// Spreadsheets people open in Excel: bold frozen header, filters on, sensible widths, and
// Red/Amber/Green cells filled in their colour as well as keeping the word (the word survives
// printing in black and white and colour-blind reading).

const ragFill: Record<string, string> = { Red: 'FFF6D7D2', Amber: 'FFFFEFC2', Green: 'FFCCE2D8' };

export function addTableSheet(workbook: ExcelJS.Workbook, table: TableExport, sheetName = table.title): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(safeSheetName(sheetName), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow(table.columns).font = { bold: true };
  for (const row of table.rows) {
    const added = sheet.addRow(row.map((cell) => cell ?? ''));
    added.eachCell((cell) => {
      const fill = typeof cell.value === 'string' ? ragFill[cell.value] : undefined;
      if (fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: fill } };
    });
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } };
  table.columns.forEach((heading, i) => {
    const longest = Math.max(heading.length, ...table.rows.slice(0, 500).map((r) => String(r[i] ?? '').length));
    sheet.getColumn(i + 1).width = Math.min(60, Math.max(8, longest + 2));
  });
  return sheet;
}

export async function tableToXlsx(table: TableExport): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Chatterbox';
  addTableSheet(workbook, table);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Excel refuses sheet names over 31 characters or with []:*?/\ in them. */
export function safeSheetName(name: string): string {
  return (
    name
      .replace(/[[\]:*?/\\]/g, ' ')
      .slice(0, 31)
      .trim() || 'Sheet'
  );
}

import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { TrackerRow } from '../db/repos/tracker.js';
import { trackerCells, trackerColumns } from './tracker.js';
import { sheetNames } from './sheet-names.js';
import { dateFormat, excelDate, ragFill } from './xlsx.js';

// The whole local authority's tracker in one workbook: a summary sheet (one row per setting) and
// one long sheet of every child, with the setting in the first columns so it filters and sorts.
// Written with exceljs's streaming writer: rows go out as they are made instead of building the
// whole workbook in memory first, which is what made 150 separate workbooks slow.

const settingColumns = ['Setting', 'URN'];
const summaryColumns = ['Setting', 'URN', 'On roll', 'Screened', 'Not screened', 'Red', 'Amber', 'Green', 'Referral prompted'];
// Date of birth, Screened on and Review due, counted after the setting columns.
const dateIndexes = new Set(['Date of birth', 'Screened on', 'Review due'].map((c) => settingColumns.length + trackerColumns.indexOf(c)));
const resultIndex = settingColumns.length + trackerColumns.indexOf('Result');

interface SettingTotals {
  name: string;
  urn: string;
  onRoll: number;
  screened: number;
  red: number;
  amber: number;
  green: number;
  referrals: number;
}

function totals(rows: readonly TrackerRow[]): SettingTotals[] {
  const bySetting = new Map<string, SettingTotals>();
  for (const r of rows) {
    let t = bySetting.get(r.setting_urn);
    if (!t) {
      t = { name: r.setting_name, urn: r.setting_urn, onRoll: 0, screened: 0, red: 0, amber: 0, green: 0, referrals: 0 };
      bySetting.set(r.setting_urn, t);
    }
    t.onRoll += 1;
    if (r.colour !== null) {
      t.screened += 1;
      t[r.colour] += 1;
    }
    if (r.referral_prompted === 1) t.referrals += 1;
  }
  return [...bySetting.values()];
}

function header(sheet: ExcelJS.Worksheet, columns: readonly string[], widths: readonly number[]): void {
  sheet.columns = columns.map((heading, i) => ({ header: heading, width: widths[i] ?? 12 }));
  sheet.getRow(1).font = { bold: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
}

/** The workbook's bytes. `roundName` names the long sheet ("Children on roll" before any round). */
export async function laTrackerWorkbook(rows: readonly TrackerRow[], roundName: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const sink = new PassThrough();
  sink.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    sink.on('end', resolve);
    sink.on('error', reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Chatterbox';
  const [summaryName = 'Summary', childrenName = 'Children'] = sheetNames(['Summary', roundName]);
  const views = [{ state: 'frozen' as const, ySplit: 1 }];

  const summary = workbook.addWorksheet(summaryName, { views });
  header(summary, summaryColumns, [40, 12, 10, 10, 13, 8, 8, 8, 18]);
  for (const t of totals(rows)) {
    summary.addRow([t.name, t.urn, t.onRoll, t.screened, t.onRoll - t.screened, t.red, t.amber, t.green, t.referrals]).commit();
  }
  summary.commit();

  const sheet = workbook.addWorksheet(childrenName, { views });
  const columns = [...settingColumns, ...trackerColumns];
  header(
    sheet,
    columns,
    columns.map((c, i) => (i === 0 ? 40 : dateIndexes.has(i) ? 12 : Math.max(8, c.length + 2))),
  );
  for (const r of rows) {
    const cells = [r.setting_name, r.setting_urn, ...trackerCells(r)].map((cell, i) => (dateIndexes.has(i) ? excelDate(cell) : cell) ?? '');
    const row = sheet.addRow(cells);
    const result = cells[resultIndex];
    const fill = typeof result === 'string' ? ragFill[result] : undefined;
    if (fill) row.getCell(resultIndex + 1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: fill } };
    // Per cell: the streaming writer does not copy a column's format onto the rows it writes.
    for (const i of dateIndexes) if (cells[i] !== '') row.getCell(i + 1).numFmt = dateFormat;
    row.commit();
  }
  sheet.commit();
  await workbook.commit();
  await finished;
  return Buffer.concat(chunks);
}

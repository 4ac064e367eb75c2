import ExcelJS from 'exceljs';
import { fixedClock } from '../../electron/core/context.js';
import { createCore } from '../../electron/core/core.js';
import { sheetNames } from '../../electron/core/io/sheet-names.js';
import { benchBackup } from './backup-bench.js';
import { benchOpen } from './open-bench.js';
import type { RoundInfo } from './generate.js';
import { benchImportChildren } from './import-bench.js';
import { round2, stats } from './measure.js';

// Data in and out at local-authority size, after the dashboard calls (`run.test.ts`):
//
// * importing 10,000 children from one CSV through imports.run (import-bench.ts), on a fresh
//   database of its own, IMPORT_RUNS times; target: every run within 1 s;
// * the XLSX tracker (export.tracker with roundId null: a sheet per round) through
//   core.invokeAsync on the LA database: the largest setting's workbook TRACKER_RUNS times
//   (target: every run within 5 s), then one workbook for every setting in the database, one
//   after another, timed as a whole (target: 5 s in total, the LA-wide reading of "at LA scale");
// * the same LA in ONE workbook (export.laTracker, streamed: a summary sheet and one sheet of
//   every child on roll in the latest round), checked once, then timed TRACKER_RUNS times
//   (target: every run within 5 s);
// * one checked backup of the LA database (backup-bench.ts): reported, no target.
//
// The largest setting's workbook is opened again with ExcelJS (untimed): it must have one sheet
// per round, named after the round, and one row per child on roll in that round, counted by one
// SQL statement. Any difference is a failure, like a lower bound that disagrees with the API.

const IMPORT_RUNS = 3;
const TRACKER_RUNS = 3;

export const dataTargets = { importChildren10kMs: 1_000, trackerXlsxMs: 5_000 };

export interface DataInOutReport {
  importChildren10k: { rows: number; ms: number; samplesMs: number[]; medianMs: number; target: number; pass: boolean };
  trackerXlsx: {
    method: string;
    largestSetting: {
      settingId: string;
      settingName: string;
      rows: number;
      sheets: number;
      bytes: number;
      ms: number;
      samplesMs: number[];
      medianMs: number;
      target: number;
      pass: boolean;
    };
    allSettings: {
      settings: number;
      archivedSettings: number;
      rows: number;
      workbooks: number;
      bytes: number;
      ms: number;
      slowestWorkbookMs: number;
      target: number;
      pass: boolean;
    };
    /** export.laTracker: the whole LA in one streamed workbook, for the latest round. */
    laWorkbook: { round: string; rows: number; bytes: number; ms: number; samplesMs: number[]; medianMs: number; target: number; pass: boolean };
    pass: boolean;
  };
  backupLA: { ms: number; bytes: number; target: null };
  openLA: { openMs: number; backgroundCheckMs: number; fullCheckOnMainThreadMs: number; target: null };
}

interface Options {
  dbPath: string;
  today: string;
  rounds: RoundInfo[];
  log: (message: string) => void;
  /** A problem that makes the numbers wrong (not merely slow): fails the run. */
  fail: (message: string) => void;
  /** A target missed: reported. */
  miss: (message: string) => void;
}

/** One statement: the tracker's rows (children on roll in the round) per setting and round. */
const TRACKER_ROWS_SQL = `SELECT c.setting_id AS settingId, r.id AS roundId, count(*) AS n
  FROM children c JOIN rounds r ON (c.start_date IS NULL OR c.start_date <= r.end_date) AND (c.leave_date IS NULL OR c.leave_date >= r.start_date)
  GROUP BY c.setting_id, r.id`;

export async function benchDataInOut(o: Options): Promise<DataInOutReport> {
  // Importing first, on its own database: nothing else is running.
  const imports: number[] = [];
  let importedRows = 0;
  for (let i = 0; i < IMPORT_RUNS; i++) {
    const r = await benchImportChildren();
    imports.push(r.ms);
    importedRows = r.rows;
    o.log(`data in/out: imported ${r.rows} children from CSV in ${r.ms} ms`);
  }
  const importStats = stats(imports);
  const importPass = importStats.max <= dataTargets.importChildren10kMs;
  if (!importPass) o.miss(`la import of 10,000 children: max ${importStats.max} ms (median ${importStats.p50} ms) > ${dataTargets.importChildren10kMs} ms`);

  const core = createCore({ localAdmin: 'tester', databasePath: o.dbPath, clock: fixedClock(o.today) });
  let tracker: DataInOutReport['trackerXlsx'];
  try {
    const db = core.context.db;
    const settings = db.prepare('SELECT id, name, archived_at IS NOT NULL AS archived FROM settings ORDER BY name COLLATE NOCASE, id').all() as {
      id: string;
      name: string;
      archived: number;
    }[];
    const expected = new Map<string, Map<string, number>>();
    for (const r of db.prepare(TRACKER_ROWS_SQL).all() as { settingId: string; roundId: string; n: number }[]) {
      const perRound = expected.get(r.settingId) ?? new Map<string, number>();
      perRound.set(r.roundId, r.n);
      expected.set(r.settingId, perRound);
    }
    const rowsOf = (settingId: string) => [...(expected.get(settingId)?.values() ?? [])].reduce((a, b) => a + b, 0);
    const largest = [...settings].sort((a, b) => rowsOf(b.id) - rowsOf(a.id))[0];
    if (!largest) throw new Error('The LA database has no settings');

    const exportTracker = (settingId: string) => core.invokeAsync('export.tracker', { settingId, roundId: null, format: 'xlsx' });

    // The largest setting's workbook, checked, then timed.
    const first = await exportTracker(largest.id);
    const bytes = Buffer.from(first.base64, 'base64');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheets = workbook.worksheets;
    if (sheets.length !== o.rounds.length) o.fail(`la tracker: ${sheets.length} sheets for ${o.rounds.length} rounds`);
    const wantNames = sheetNames(o.rounds.map((r) => r.name));
    o.rounds.forEach((round, i) => {
      const sheet = sheets[i];
      const want = expected.get(largest.id)?.get(round.id) ?? 0;
      if (!sheet) return;
      if (sheet.name !== wantNames[i]) o.fail(`la tracker: sheet ${i + 1} is "${sheet.name}", expected "${round.name}"`);
      if (sheet.actualRowCount - 1 !== want)
        o.fail(`la tracker: sheet "${sheet.name}" has ${sheet.actualRowCount - 1} children, ${want} were on roll in ${round.name}`);
    });

    const samples: number[] = [];
    for (let i = 0; i < TRACKER_RUNS; i++) {
      const t = performance.now();
      await exportTracker(largest.id);
      samples.push(performance.now() - t);
    }
    const largestStats = stats(samples);
    const largestPass = largestStats.max <= dataTargets.trackerXlsxMs;
    if (!largestPass) o.miss(`la tracker XLSX of the largest setting: max ${largestStats.max} ms > ${dataTargets.trackerXlsxMs} ms`);
    o.log(`data in/out: tracker XLSX of ${largest.name} (${rowsOf(largest.id)} rows, ${sheets.length} sheets): ${samples.map(round2).join(', ')} ms`);

    // Every setting's workbook, one after another: the whole LA's trackers.
    let allBytes = 0;
    let slowest = 0;
    const started = performance.now();
    for (const s of settings) {
      const t = performance.now();
      const file = await exportTracker(s.id);
      slowest = Math.max(slowest, performance.now() - t);
      allBytes += Math.floor((file.base64.length * 3) / 4) - (file.base64.endsWith('==') ? 2 : file.base64.endsWith('=') ? 1 : 0);
    }
    const allMs = round2(performance.now() - started);
    const allPass = allMs <= dataTargets.trackerXlsxMs;
    if (!allPass) o.miss(`la tracker XLSX of all ${settings.length} settings: ${allMs} ms in total > ${dataTargets.trackerXlsxMs} ms`);
    o.log(`data in/out: tracker XLSX of all ${settings.length} settings in ${allMs} ms (slowest ${round2(slowest)} ms)`);

    // The whole LA in one streamed workbook, checked (one row per child on roll in settings not
    // archived, in the latest round), then timed.
    const latest = o.rounds.at(-1);
    if (!latest) throw new Error('The LA database has no rounds');
    const laWant = (
      db
        .prepare(
          `SELECT count(*) AS n FROM children c JOIN settings s ON s.id = c.setting_id AND s.archived_at IS NULL
           WHERE (c.start_date IS NULL OR c.start_date <= ?) AND (c.leave_date IS NULL OR c.leave_date >= ?)`,
        )
        .get(latest.endDate, latest.startDate) as { n: number }
    ).n;
    const laFile = await core.invokeAsync('export.laTracker', {});
    const laBytes = Buffer.from(laFile.base64, 'base64');
    const laBook = new ExcelJS.Workbook();
    await laBook.xlsx.load(laBytes as unknown as ArrayBuffer);
    const laRows = (laBook.worksheets[1]?.actualRowCount ?? 1) - 1;
    if (laRows !== laWant) o.fail(`la workbook: ${laRows} children, ${laWant} were on roll in ${latest.name}`);
    const laSamples: number[] = [];
    for (let i = 0; i < TRACKER_RUNS; i++) {
      const t = performance.now();
      await core.invokeAsync('export.laTracker', {});
      laSamples.push(performance.now() - t);
    }
    const laStats = stats(laSamples);
    const laPass = laStats.max <= dataTargets.trackerXlsxMs;
    if (!laPass) o.miss(`la tracker in one workbook: max ${laStats.max} ms > ${dataTargets.trackerXlsxMs} ms`);
    o.log(`data in/out: the LA in one workbook (${laRows} rows, ${Math.round(laBytes.length / 1e3)} kB): ${laSamples.map(round2).join(', ')} ms`);

    tracker = {
      method:
        "core.invokeAsync('export.tracker', { settingId, roundId: null, format: 'xlsx' }): a sheet per round, base64 in the result. " +
        `largestSetting: the setting with the most tracker rows, ${TRACKER_RUNS} runs after one untimed run that is checked (sheets, rows); ` +
        'allSettings: one workbook per setting in the database (archived ones too), one after another, total time; ' +
        "laWorkbook: core.invokeAsync('export.laTracker', {}), every setting not archived in one streamed workbook for the latest round, " +
        `${TRACKER_RUNS} runs after one checked run`,
      largestSetting: {
        settingId: largest.id,
        settingName: largest.name,
        rows: rowsOf(largest.id),
        sheets: sheets.length,
        bytes: bytes.length,
        ms: largestStats.max,
        samplesMs: samples.map(round2),
        medianMs: largestStats.p50,
        target: dataTargets.trackerXlsxMs,
        pass: largestPass,
      },
      allSettings: {
        settings: settings.length,
        archivedSettings: settings.filter((s) => s.archived).length,
        rows: settings.reduce((t, s) => t + rowsOf(s.id), 0),
        workbooks: settings.length,
        bytes: allBytes,
        ms: allMs,
        slowestWorkbookMs: round2(slowest),
        target: dataTargets.trackerXlsxMs,
        pass: allPass,
      },
      laWorkbook: {
        round: latest.name,
        rows: laRows,
        bytes: laBytes.length,
        ms: laStats.max,
        samplesMs: laSamples.map(round2),
        medianMs: laStats.p50,
        target: dataTargets.trackerXlsxMs,
        pass: laPass,
      },
      pass: largestPass && allPass && laPass,
    };
  } finally {
    core.close();
  }

  const backup = await benchBackup(o.dbPath);
  o.log(`data in/out: backup of the LA database (${Math.round(backup.bytes / 1e6)} MB) in ${backup.ms} ms`);
  const open = await benchOpen(o.dbPath);
  o.log(
    `data in/out: open of the LA database in ${open.openMs} ms (background full check done after ${open.backgroundCheckMs} ms; integrity_check on the main thread ${open.fullCheckOnMainThreadMs} ms)`,
  );

  return {
    importChildren10k: {
      rows: importedRows,
      ms: importStats.max,
      samplesMs: imports,
      medianMs: importStats.p50,
      target: dataTargets.importChildren10kMs,
      pass: importPass,
    },
    trackerXlsx: tracker,
    backupLA: { ms: backup.ms, bytes: backup.bytes, target: null },
    openLA: { ...open, target: null },
  };
}

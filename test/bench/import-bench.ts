import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixedClock } from '../../electron/core/context.js';
import { createCore } from '../../electron/core/core.js';

// Import benchmark: 10,000 children from one CSV through imports.run (not a dry run) on a fresh
// temporary database, timed from the call to its result: base64 decoding, text decoding, CSV
// parsing, reading every cell, the child schema and date rules on every row, duplicate checks,
// and the insert in one transaction. Target: 1 second or less.

const ROWS = 10_000;
const header = [
  'Surname',
  'Forename',
  'D.O.B',
  'Gender',
  'Ethnicity',
  'Home languages',
  'EAL',
  'SEN',
  'Funded 2',
  'EYPP',
  'Room',
  'Key person',
  'Start date',
  'Notes',
];
const rooms = ['Acorns', 'Oaks', 'Willows', 'Beeches'];
const staff = ['Kim Kettleby', 'Lee Larkspur', 'Mo Marchbank'];
const ethnicities = ['WBRI', 'White – British', 'AIND', 'Black Caribbean', 'NOBT'];

function buildCsv(): string {
  const lines = [header.join(',')];
  for (let i = 0; i < ROWS; i++) {
    const day = (i % 28) + 1;
    const month = (i % 12) + 1;
    const year = 2021 + (i % 5);
    lines.push(
      [
        `Quillfeather${i}`,
        `"Pip, ${i}"`,
        `${day}/${month}/${year}`,
        i % 2 ? 'F' : 'M',
        ethnicities[i % ethnicities.length],
        i % 3 ? 'English' : '"Polish; English"',
        i % 3 ? 'N' : 'Y',
        i % 10 ? '' : 'K',
        i % 4 ? 'N' : 'Y',
        i % 5 ? 'N' : 'Y',
        rooms[i % rooms.length],
        staff[i % staff.length],
        `01/09/${Math.max(year + 1, 2025)}`,
        i % 7 ? '' : '"Notes with ""quotes"", commas\r\nand a line break"',
      ].join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

export async function benchImportChildren(): Promise<{ rows: number; ms: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'chatterbox-import-bench-'));
  const core = createCore({ localAdmin: 'tester', databasePath: join(dir, 'bench.sqlite'), clock: fixedClock('2026-11-27') });
  try {
    const setting = core.invoke('settings.create', { name: 'Bench Nursery', urn: 'EY100001', type: 'nursery' });
    for (const name of rooms) core.invoke('rooms.create', { settingId: setting.id, name });
    for (const name of staff) core.invoke('staff.create', { settingId: setting.id, name, role: 'practitioner', qualificationLevel: 'level-3' });
    const base64 = Buffer.from(buildCsv(), 'utf8').toString('base64');
    const mapping = {
      lastName: 'Surname',
      firstName: 'Forename',
      dateOfBirth: 'D.O.B',
      sex: 'Gender',
      ethnicity: 'Ethnicity',
      homeLanguages: 'Home languages',
      eal: 'EAL',
      sendStage: 'SEN',
      funded2: 'Funded 2',
      eypp: 'EYPP',
      room: 'Room',
      keyPerson: 'Key person',
      startDate: 'Start date',
      notes: 'Notes',
    };
    const start = performance.now();
    const result = await core.invokeAsync('imports.run', {
      kind: 'children',
      settingId: setting.id,
      fileName: 'bench.csv',
      base64,
      sourceName: 'Bench',
      mapping,
      dryRun: false,
    });
    const ms = performance.now() - start;
    if (result.created.children !== ROWS) throw new Error(`expected ${ROWS} children, imported ${result.created.children}`);
    return { rows: result.created.children, ms: Math.round(ms * 100) / 100 };
  } finally {
    core.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

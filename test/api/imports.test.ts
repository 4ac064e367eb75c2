import { describe, expect, it } from 'vitest';
import { importFile } from '../../electron/cli/import-file.js';
import { childHeader, childMapping, childRow, csv, dump, fileInput, makeSetting, utf16le, utf8Bom, windows1252, xlsx } from '../fixtures/import/build.js';
import { rejection } from '../support/api.js';
import { tempDir, testCore } from '../support/core.js';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/import/${name}`, import.meta.url));

// Importing children: preview, run, dry run, undo, remembered mappings, and the files nursery
// systems really produce. "Today" is 2026-11-27 (test/support/core.ts).

describe('imports.preview (children)', () => {
  it('suggests a mapping from header variations, reads every field, and flags duplicates, unknown rooms and future dates', async () => {
    const core = testCore();
    const s = makeSetting(core);
    core.invoke('children.create', { settingId: s.settingId, firstName: 'Zoë', lastName: 'Ashdown', dateOfBirth: '2023-02-01', sex: 'female' });
    const file = csv([
      childHeader,
      childRow(1, { 'First name': 'zoe', Surname: 'ASHDOWN', 'D.O.B': '1/2/23' }),
      childRow(2, {
        Room: 'Narnia',
        'Key person': 'Nobody Atall',
        Ethnicity: 'Asian or Asian British - Indian',
        SEN: 'K',
        'Home language': 'Polish; English, polish',
      }),
      childRow(3, { 'Start date': '05/01/2027', Gender: '' }),
      childRow(4, { 'D.O.B': '31/02/2024' }),
      childRow(5, { 'First name': 'Pip2', Surname: 'Quillfeather2', 'D.O.B': '3/3/2023' }),
    ]);
    const preview = await core.invokeAsync('imports.preview', fileInput('children', s.settingId, 'famly.csv', file));
    expect(preview.suggestedMapping).toEqual(childMapping);
    expect(preview.mappingComplete).toBe(true);
    expect(preview.fileType).toBe('csv');
    expect(preview.encoding).toBe('utf-8');
    expect(preview.columns).toEqual(childHeader);
    expect(preview.counts).toEqual({ rows: 5, valid: 4, withErrors: 1, withWarnings: 4, duplicates: 2 });
    expect(preview.rows.map((r) => [r.rowNumber, r.status])).toEqual([
      [2, 'warning'],
      [3, 'warning'],
      [4, 'warning'],
      [5, 'error'],
      [6, 'warning'],
    ]);
    expect(preview.errors).toEqual([{ row: 5, column: 'D.O.B', field: 'dateOfBirth', message: '"31/02/2024" is not a real date: February 2024 has 29 days' }]);
    const warnings = preview.warnings.map((w) => `${w.row}|${w.column}|${w.message}`);
    expect(warnings).toEqual([
      '2|null|Looks like Zoë Ashdown (born 01/02/2023), already in this setting',
      '3|Room|There is no room called "Narnia" in this setting: the room is left empty',
      '3|Key person|No staff member is called "Nobody Atall" in this setting: the key person is left empty',
      '4|Gender|Sex is blank: recorded as "Not recorded"',
      '4|Start date|The start date 05/01/2027 is in the future',
      '6|null|Same name and date of birth as row 3',
    ]);
    const row3 = preview.rows[1]!;
    expect(row3.values).toMatchObject({ ethnicity: 'AIND', sendStage: 'sen-support', homeLanguages: ['Polish', 'English'], room: null, keyPerson: null });
    expect(row3.raw.room).toBe('Narnia');
    expect(preview.rows[0]!.values).toMatchObject({ firstName: 'zoe', dateOfBirth: '2023-02-01', room: 'Acorns', keyPerson: 'Kim Kettleby', sex: 'female' });
    expect(preview.fields.find((f) => f.field === 'dateOfBirth')).toMatchObject({ label: 'Date of birth', required: true });
  });

  it('reports a mapping that is not complete against the header row, and still reads the rows', async () => {
    const core = testCore();
    const s = makeSetting(core);
    const file = csv([
      ['Forename', 'Family name', 'Birthday?'],
      ['Ada', 'Applecross', '01/02/2023'],
    ]);
    const preview = await core.invokeAsync(
      'imports.preview',
      fileInput('children', s.settingId, 'x.csv', file, { mapping: { firstName: 'Forename', lastName: 'Family name', dateOfBirth: 'Born' } }),
    );
    expect(preview.mappingComplete).toBe(false);
    expect(preview.errors[0]).toEqual({ row: 1, column: null, field: 'dateOfBirth', message: 'Date of birth: the file has no column called "Born"' });
    expect(preview.errors[1]).toMatchObject({ field: 'dateOfBirth', message: 'Choose the column with the date of birth' });
    expect(preview.rows[0]!.values.firstName).toBe('Ada');
  });

  it('splits a single name column ("Last, First" or "First Last") when there are no first and last name columns', async () => {
    const core = testCore();
    const s = makeSetting(core);
    const file = csv([
      ['Child Name', 'DOB'],
      ['Brackenbury, Bea', '2023-04-05'],
      ['Cy Dunmore Evans', '05/04/2023'],
      ['Madonna', '05/04/2023'],
    ]);
    const preview = await core.invokeAsync('imports.preview', fileInput('children', s.settingId, 'names.csv', file));
    expect(preview.suggestedMapping).toEqual({ fullName: 'Child Name', dateOfBirth: 'DOB' });
    expect(preview.rows.map((r) => [r.values.firstName, r.values.lastName])).toEqual([
      ['Bea', 'Brackenbury'],
      ['Cy Dunmore', 'Evans'],
      [null, null],
    ]);
    expect(preview.errors).toEqual([{ row: 4, column: 'Child Name', field: 'firstName', message: expect.stringContaining('"Madonna" is not a full name') }]);
  });

  it('refuses what is not a table with a clear message naming the file', async () => {
    const core = testCore();
    const s = makeSetting(core);
    const cases: [string, Uint8Array | string, RegExp][] = [
      ['empty.csv', '', /empty\.csv is empty/],
      ['blank.csv', '\r\n,,\r\n', /blank\.csv has no rows/],
      ['header-only.csv', 'First name,Surname,DOB\r\n', /header-only\.csv has column headings in row 1 but no rows of data/],
      ['quote.csv', 'a,b\r\n1,"2\r\n3,4\r\n', /quote\.csv, row 2: a quoted field starting in this row is never closed/],
      ['old.xls', Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3]), /old\.xls is an old-style Excel file \(\.xls\)/],
      ['broken.xlsx', Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]), /broken\.xlsx could not be read as an Excel workbook/],
      ['binary.csv', Uint8Array.from({ length: 300 }, (_, i) => (i * 7) % 32), /binary\.csv does not look like a CSV file/],
    ];
    for (const [name, bytes, message] of cases) {
      const err = await rejection(core.invokeAsync('imports.preview', fileInput('children', s.settingId, name, bytes)));
      expect(err.code, name).toBe('VALIDATION');
      expect(err.message, name).toMatch(message);
      expect(err.issues[0]?.path).toEqual(['file']);
    }
    const bad64 = await rejection(core.invokeAsync('imports.preview', { kind: 'children', settingId: s.settingId, fileName: 'x.csv', base64: 'not base64!' }));
    expect(bad64.message).toMatch(/x\.csv did not arrive intact/);
    const huge = await rejection(
      core.invokeAsync('imports.preview', { kind: 'children', settingId: s.settingId, fileName: 'x.csv', base64: 'A'.repeat(28_000_000) }),
    );
    expect(huge.message).toMatch(/larger than 20 MB/);
  });

  it('refuses an archived setting', async () => {
    const core = testCore();
    const s = makeSetting(core);
    core.invoke('settings.archive', { id: s.settingId, archived: true });
    const err = await rejection(core.invokeAsync('imports.preview', fileInput('children', s.settingId, 'a.csv', csv([childHeader, childRow(1)]))));
    expect(err.message).toMatch(/is archived: restore it before importing/);
  });
});

describe('messy files', () => {
  const rows = [
    ['Surname', 'Forename', 'Date of Birth', 'Notes'],
    ['Zoë', 'Brontë', '14/02/2023', 'Likes "Peppa", trains, and\nsinging'],
    ['O’Malley', 'Siân', '2023-03-07', 'Café; crèche'],
  ];
  const text = csv(rows);
  const expectRead = (preview: { rows: { values: Record<string, unknown> }[]; counts: { withErrors: number } }) => {
    expect(preview.counts.withErrors).toBe(0);
    expect(preview.rows.map((r) => [r.values.firstName, r.values.lastName, r.values.dateOfBirth, r.values.notes])).toEqual([
      ['Brontë', 'Zoë', '2023-02-14', 'Likes "Peppa", trains, and\nsinging'],
      ['Siân', 'O’Malley', '2023-03-07', 'Café; crèche'],
    ]);
  };

  it.each([
    ['UTF-8 with CRLF', Buffer.from(text, 'utf8'), 'utf-8'],
    ['UTF-8 with LF', Buffer.from(text.replace(/\r\n/g, '\n'), 'utf8'), 'utf-8'],
    ['UTF-8 with a byte-order mark', utf8Bom(text), 'utf-8-bom'],
    ['Windows-1252', windows1252(text), 'windows-1252'],
    ['UTF-16 LE with a byte-order mark', utf16le(text), 'utf-16le'],
    ['UTF-16 BE with a byte-order mark', undefined, 'utf-16be'],
  ])('reads %s', async (_label, bytes, encoding) => {
    const { utf16be } = await import('../fixtures/import/build.js');
    const core = testCore();
    const s = makeSetting(core);
    const preview = await core.invokeAsync('imports.preview', fileInput('children', s.settingId, 'messy.csv', bytes ?? utf16be(text)));
    expect(preview.encoding).toBe(encoding);
    expectRead(preview);
  });

  it('reads semicolon-separated and tab-separated files, and the sep= hint line', async () => {
    const core = testCore();
    const s = makeSetting(core);
    const semi = 'Nachname;Vorname;First name;Last name;DOB\r\nx;y;Ana;Aldgate;01.02.2023\r\n';
    const tab = 'First name\tLast name\tDOB\nBo\tBexley\t2023-02-01\n';
    const hint = 'sep=;\r\nFirst name;Last name;DOB\r\nCal;Camber;1/2/2023\r\n';
    for (const [name, body] of [
      ['semi.csv', semi],
      ['tab.txt', tab],
      ['hint.csv', hint],
    ] as const) {
      const preview = await core.invokeAsync('imports.preview', fileInput('children', s.settingId, name, body));
      expect(preview.counts, name).toMatchObject({ rows: 1, withErrors: 0 });
      expect(preview.rows[0]?.values.dateOfBirth, name).toBe('2023-02-01');
    }
  });

  it('reads an XLSX with real date cells, serial numbers and text dates, numbering rows as Excel does', async () => {
    const core = testCore();
    const s = makeSetting(core);
    const bytes = await xlsx([
      ['Children on roll, printed 27/11/2026'],
      [null],
      ['Last Name', 'First Name', 'DOB', 'Started'],
      ['Dimsdale', 'Dot', new Date(Date.UTC(2023, 1, 14)), 45000],
      [null, null, null, null],
      ['Elphick', 'Eli', '07/03/2023', '2024-09-02'],
      ['Fenwick', 'Fay', 45000, new Date(Date.UTC(2025, 0, 6))],
    ]);
    const preview = await core.invokeAsync('imports.preview', fileInput('children', s.settingId, 'export.xlsx', bytes));
    expect(preview.fileType).toBe('xlsx');
    expect(preview.sheetName).toBe('Children');
    expect(preview.suggestedMapping).toEqual({ lastName: 'Last Name', firstName: 'First Name', dateOfBirth: 'DOB', startDate: 'Started' });
    // The title line is passed over; rows keep Excel's numbers (the heading is in row 3).
    expect(preview.rows.map((r) => [r.rowNumber, r.values.dateOfBirth, r.values.startDate])).toEqual([
      [4, '2023-02-14', '2023-03-15'],
      [6, '2023-03-07', '2024-09-02'],
      [7, '2023-03-15', '2025-01-06'],
    ]);
    expect(preview.counts.withErrors).toBe(0);
  });
});

describe('imports.run (children)', () => {
  it('imports every row in one go, with rooms, key people, leavers and a batch that can be listed', async () => {
    const core = testCore();
    const s = makeSetting(core);
    const file = csv([
      childHeader,
      childRow(1),
      childRow(2, { Room: 'oaks', 'Key person': 'LEE LARKSPUR', EAL: 'yes', SEN: 'EHCP', 'Funded 2': 'Y', EYPP: '1' }),
      childRow(3, { 'Leave date': '20/07/2026' }),
    ]);
    const result = await core.invokeAsync(
      'imports.run',
      fileInput('children', s.settingId, 'famly.csv', file, { mapping: childMapping, dryRun: false, sourceName: 'Famly export' }),
    );
    expect(result).toMatchObject({ dryRun: false, created: { children: 3, screenings: 0, leavers: 1 }, skipped: { withErrors: 0, duplicates: 0 } });
    expect(result.batchId).toBeTruthy();
    const list = core.invoke('children.list', { settingId: s.settingId, status: 'all' });
    expect(list.total).toBe(3);
    const two = list.rows.find((c) => c.firstName === 'Pip2')!;
    expect(two).toMatchObject({
      roomId: s.roomIds.Oaks,
      keyPersonId: s.staffIds['Lee Larkspur'],
      eal: true,
      sendStage: 'ehcp',
      funded2: true,
      eypp: true,
      sex: 'male',
      dateOfBirth: '2023-03-03',
    });
    const leaver = list.rows.find((c) => c.firstName === 'Pip3')!;
    expect(leaver.archivedAt).not.toBeNull();
    expect(leaver.leaveDate).toBe('2026-07-20');
    // Imported children are found by accent-insensitive search like any other.
    expect(core.invoke('children.list', { settingId: s.settingId, search: 'quillfeather1' }).total).toBe(1);
    const batches = core.invoke('imports.list', { settingId: s.settingId });
    expect(batches).toEqual([
      expect.objectContaining({
        id: result.batchId,
        kind: 'children',
        fileName: 'famly.csv',
        sourceName: 'Famly export',
        fileType: 'csv',
        rowCount: 3,
        createdChildren: 3,
        undoneAt: null,
        undoable: true,
      }),
    ]);
  });

  it('writes nothing when any row has an error: a file whose row 500 is bad is refused, naming row and column', async () => {
    const core = testCore();
    const s = makeSetting(core);
    const rows: (string | number)[][] = [childHeader];
    for (let i = 2; i <= 600; i++) rows.push(childRow(i, i === 500 ? { 'D.O.B': '30/02/2023' } : {}));
    const before = dump(core);
    const err = await rejection(
      core.invokeAsync('imports.run', fileInput('children', s.settingId, 'big.csv', csv(rows), { mapping: childMapping, dryRun: false })),
    );
    expect(dump(core)).toBe(before);
    expect(err.code).toBe('VALIDATION');
    expect(err.message).toBe(
      'big.csv: 1 row has a problem, so nothing was imported. Row 500, column "D.O.B": "30/02/2023" is not a real date: February 2023 has 28 days',
    );
    expect(err.issues).toEqual([
      { path: ['rows', 499, 'dateOfBirth'], message: 'Row 500, column "D.O.B": "30/02/2023" is not a real date: February 2023 has 28 days' },
    ]);
  });

  it('writes nothing when the database itself fails part way through the insert', async () => {
    const core = testCore();
    const s = makeSetting(core);
    const rows: (string | number)[][] = [childHeader];
    for (let i = 1; i <= 600; i++) rows.push(childRow(i));
    // A temporary trigger (not part of the dump) that fails the 500th insert.
    core.context.db.exec(`CREATE TEMP TRIGGER fail_500 BEFORE INSERT ON children WHEN (SELECT count(*) FROM children) >= 499
      BEGIN SELECT RAISE(ABORT, 'simulated failure'); END`);
    const before = dump(core);
    const result = await core.callAsync('imports.run', fileInput('children', s.settingId, 'big.csv', csv(rows), { mapping: childMapping, dryRun: false }));
    expect(result.ok).toBe(false);
    expect(dump(core)).toBe(before);
    expect(core.invoke('imports.list', { settingId: s.settingId })).toEqual([]);
  });

  it('finds a batch’s records through the partial indexes when undoing', () => {
    const core = testCore();
    const plan = (sql: string) => (core.context.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all('x') as { detail: string }[]).map((r) => r.detail).join('; ');
    expect(plan('DELETE FROM children WHERE import_batch_id = ?')).toMatch(/USING (COVERING )?INDEX children_by_import_batch/);
    expect(plan('SELECT DISTINCT child_id FROM screenings WHERE import_batch_id = ?')).toMatch(/USING INDEX screenings_by_import_batch/);
  });

  it('applies the form’s rules: a future or implausibly old date of birth, start before birth, too-long names, unknown codes', async () => {
    const core = testCore();
    const s = makeSetting(core);
    const file = csv([
      childHeader,
      childRow(1, { 'D.O.B': '01/01/2027' }),
      childRow(2, { 'D.O.B': '01/01/2015' }),
      childRow(3, { 'Start date': '01/01/2020' }),
      childRow(4, { 'First name': 'X'.repeat(61) }),
      childRow(5, { Ethnicity: 'Martian', Gender: 'Sometimes', EAL: 'maybe', SEN: 'lots' }),
      childRow(6, { 'Home language': 'A;B;C;D;E;F;G' }),
    ]);
    const before = dump(core);
    const err = await rejection(
      core.invokeAsync('imports.run', fileInput('children', s.settingId, 'rules.csv', file, { mapping: childMapping, dryRun: false })),
    );
    expect(dump(core)).toBe(before);
    expect(err.issues.map((i) => i.message)).toEqual([
      'Row 2, column "D.O.B": Date of birth must be today or in the past (read as 01/01/2027)',
      'Row 2, column "Start date": Start date must be on or after the date of birth',
      'Row 3, column "D.O.B": Date of birth is more than 8 years ago: check the year (read as 01/01/2015)',
      'Row 4, column "Start date": Start date must be on or after the date of birth',
      'Row 5, column "First name": A first name must be 60 characters or fewer',
      expect.stringMatching(/^Row 6, column "Gender": "Sometimes" is not a sex/),
      expect.stringMatching(/^Row 6, column "Ethnicity": "Martian" is not an ethnicity/),
      'Row 6, column "EAL": "maybe" is not yes or no: use Y or N',
      expect.stringMatching(/^Row 6, column "SEN": "lots" is not a SEND stage/),
      'Row 7, column "Home language": List at most 6 home languages',
    ]);
    expect(err.message).toMatch(/^rules\.csv: 6 rows have problems, so nothing was imported\. Row 2, column "D\.O\.B": /);
  });

  it('dry run reports what would happen and writes nothing; skipping rows with errors imports the rest', async () => {
    const core = testCore();
    const s = makeSetting(core);
    const file = csv([childHeader, childRow(1), childRow(2, { 'D.O.B': 'soon' }), childRow(3)]);
    const base = fileInput('children', s.settingId, 'a.csv', file, { mapping: childMapping });
    const before = dump(core, false);
    const refused = await rejection(core.invokeAsync('imports.run', { ...base, dryRun: true }));
    expect(refused.message).toMatch(/Row 3, column "D\.O\.B": "soon" is not a date Chatterbox recognises/);
    const dry = await core.invokeAsync('imports.run', { ...base, dryRun: true, skipRowsWithErrors: true });
    expect(dump(core, false)).toBe(before);
    expect(dry).toMatchObject({ dryRun: true, batchId: null, created: { children: 2 }, skipped: { withErrors: 1 } });
    expect(dry.errors).toHaveLength(1);
    const real = await core.invokeAsync('imports.run', { ...base, dryRun: false, skipRowsWithErrors: true });
    expect(real.created.children).toBe(2);
    expect(core.invoke('children.list', { settingId: s.settingId }).total).toBe(2);
    expect(core.invoke('imports.list', { settingId: s.settingId })[0]).toMatchObject({ createdChildren: 2, skippedRows: 1 });
  });

  it('can leave out likely duplicates of children already in the setting', async () => {
    const core = testCore();
    const s = makeSetting(core);
    const first = csv([childHeader, childRow(1), childRow(2)]);
    await core.invokeAsync('imports.run', fileInput('children', s.settingId, 'jan.csv', first, { mapping: childMapping, dryRun: false }));
    const second = csv([childHeader, childRow(1), childRow(2), childRow(3)]);
    const result = await core.invokeAsync(
      'imports.run',
      fileInput('children', s.settingId, 'feb.csv', second, { mapping: childMapping, dryRun: false, skipDuplicates: true }),
    );
    expect(result).toMatchObject({ created: { children: 1 }, skipped: { duplicates: 2 }, counts: { duplicates: 2 } });
    expect(core.invoke('children.list', { settingId: s.settingId }).total).toBe(3);
  });

  it('refuses a mapping that is not complete or names columns the file does not have', async () => {
    const core = testCore();
    const s = makeSetting(core);
    const file = csv([childHeader, childRow(1)]);
    const err = await rejection(
      core.invokeAsync(
        'imports.run',
        fileInput('children', s.settingId, 'a.csv', file, { mapping: { firstName: 'First name', lastName: 'Nope', shoeSize: 'Notes' }, dryRun: false }),
      ),
    );
    expect(err.issues).toEqual([
      { path: ['mapping', 'lastName'], message: 'Last name: the file has no column called "Nope"' },
      { path: ['mapping', 'shoeSize'], message: 'There is no field called shoeSize in a children import' },
      { path: ['mapping', 'lastName'], message: 'Choose the column with the last name (or one column with the full name)' },
      { path: ['mapping', 'dateOfBirth'], message: 'Choose the column with the date of birth' },
    ]);
  });
});

describe('remembered mappings', () => {
  it('remembers the mapping of a successful run for its source, and suggests it next time', async () => {
    const core = testCore();
    const s = makeSetting(core);
    const header = ['Kid', 'Fam', 'Birth', 'Grp'];
    const mapping = { firstName: 'Kid', lastName: 'Fam', dateOfBirth: 'Birth', room: 'Grp' };
    const file = csv([header, ['Gus', 'Gatherby', '01/05/2023', 'Acorns']]);
    const first = await core.invokeAsync('imports.preview', fileInput('children', s.settingId, 'a.csv', file, { sourceName: 'Tapestry export' }));
    expect(first.rememberedMapping).toBe(false);
    expect(first.suggestedMapping).toEqual({});
    // A failed run remembers nothing.
    await rejection(
      core.invokeAsync(
        'imports.run',
        fileInput('children', s.settingId, 'a.csv', csv([header, ['Gus', 'Gatherby', 'never', 'Acorns']]), {
          sourceName: 'Tapestry export',
          mapping,
          dryRun: false,
        }),
      ),
    );
    expect(core.invoke('imports.listSources', { kind: 'children' })).toEqual([]);
    await core.invokeAsync('imports.run', fileInput('children', s.settingId, 'a.csv', file, { sourceName: 'Tapestry export', mapping, dryRun: false }));
    expect(core.invoke('imports.listSources', { kind: 'children' })).toEqual([{ sourceName: 'Tapestry export', mapping, updatedAt: expect.any(String) }]);
    // Another setting, another month's file with an extra column: the remembered columns are used, the rest matched.
    const other = makeSetting(core, 'EY654321');
    const next = await core.invokeAsync(
      'imports.preview',
      fileInput(
        'children',
        other.settingId,
        'b.csv',
        csv([
          [...header, 'Notes'],
          ['Hal', 'Hythe', '02/05/2023', '', ''],
        ]),
        { sourceName: '  tapestry EXPORT ' },
      ),
    );
    expect(next.rememberedMapping).toBe(true);
    expect(next.suggestedMapping).toEqual({ ...mapping, notes: 'Notes' });
    expect(core.invoke('imports.listSources', { kind: 'screenings' })).toEqual([]);
  });
});

describe('imports.undoLast (children)', () => {
  it('removes exactly the children of the newest import, then the one before, and says when there is nothing left', async () => {
    const core = testCore();
    const s = makeSetting(core);
    core.invoke('children.create', { settingId: s.settingId, firstName: 'Hand', lastName: 'Entered', dateOfBirth: '2023-01-01', sex: 'female' });
    const run = (name: string, rows: (string | number)[][]) =>
      core.invokeAsync('imports.run', fileInput('children', s.settingId, name, csv([childHeader, ...rows]), { mapping: childMapping, dryRun: false }));
    const a = await run('a.csv', [childRow(1), childRow(2)]);
    const afterA = dump(core, false);
    const b = await run('b.csv', [childRow(3)]);
    expect(core.invoke('children.list', { settingId: s.settingId }).total).toBe(4);
    const undone = core.invoke('imports.undoLast', { settingId: s.settingId, kind: 'children' });
    expect(undone).toMatchObject({ batch: { id: b.batchId, undoneAt: expect.any(String) }, removed: { children: 1, screenings: 0 } });
    expect(core.invoke('children.list', { settingId: s.settingId }).total).toBe(3);
    const batches = core.invoke('imports.list', { settingId: s.settingId });
    expect(batches.map((x) => [x.fileName, x.undoable, x.undoneAt !== null])).toEqual([
      ['b.csv', false, true],
      ['a.csv', true, false],
    ]);
    core.invoke('imports.undoLast', { settingId: s.settingId, kind: 'children' });
    expect(core.invoke('children.list', { settingId: s.settingId }).rows.map((c) => c.firstName)).toEqual(['Hand']);
    void afterA;
    void a;
    const none = core.call('imports.undoLast', { settingId: s.settingId, kind: 'children' });
    expect(none).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'There is no children import to undo in this setting' } });
  });

  it('refuses, naming them, when imported children have had screenings entered since', async () => {
    const core = testCore();
    const s = makeSetting(core);
    await core.invokeAsync(
      'imports.run',
      fileInput('children', s.settingId, 'a.csv', csv([childHeader, childRow(1), childRow(2)]), { mapping: childMapping, dryRun: false }),
    );
    const child = core.invoke('children.list', { settingId: s.settingId, search: 'Pip1' }).rows[0]!;
    const instrument = core.invoke('instruments.list', {})[0]!;
    core.invoke('screenings.create', {
      childId: child.id,
      instrumentId: instrument.id,
      screeningDate: '2026-11-01',
      sections: [{ section: 7, colour: 'green' }],
    });
    const before = dump(core);
    const result = core.call('imports.undoLast', { settingId: s.settingId, kind: 'children' });
    expect(dump(core)).toBe(before);
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'CONFLICT',
        message:
          'The import of a.csv cannot be undone: Pip1 Quillfeather1 has screenings recorded since. Delete those screenings first, or remove the children one by one. Nothing was changed.',
      },
    });
  });
});

describe('importFile (command line)', () => {
  it('imports the fixture exports from disk: children, then their screening results', async () => {
    const core = testCore();
    const s = makeSetting(core);
    const children = await importFile(core, {
      kind: 'children',
      settingUrn: 'EY123456',
      path: fixture('children-export.csv'),
      dryRun: false,
      sourceName: 'Famly export',
    });
    expect(children.ok).toBe(true);
    expect(children.summary).toMatch(/^children-export\.csv: imported 4 children into Puddleby Nursery; 2 rows with warnings/);
    expect(children.warnings.map((w) => `${w.row}|${w.column}|${w.message}`)).toEqual([
      '4|Start Date|The start date 05/01/2027 is in the future',
      '5|Room|There is no room called "Butterflies" in this setting: the room is left empty',
    ]);
    const rows = core.invoke('children.list', { settingId: s.settingId }).rows;
    expect(rows.map((c) => [c.firstName, c.lastName, c.dateOfBirth, c.ethnicity, c.homeLanguages.join('+'), c.roomName])).toEqual([
      ['Ottilie', 'Marchbank', '2023-02-14', 'WBRI', 'English', 'Acorns'],
      ['Rufus', 'Nettlefold', '2023-07-03', 'APKN', 'Urdu+English', 'Oaks'],
      ['Zoë', 'Pennyfeather', '2023-11-30', 'MWBA', 'French+English', 'Acorns'],
      ['Élodie', 'Quimby', '2023-07-16', 'WOTH', '', null],
    ]);
    expect(rows[1]!.notes).toBe('Loves trains, and "Bluey"');
    const results = await importFile(core, { kind: 'screenings', settingUrn: 'EY123456', path: fixture('screenings-results.csv'), dryRun: false });
    expect(results.summary).toMatch(/^screenings-results\.csv: imported 2 screenings/);
    expect(core.invoke('screenings.listForChild', { childId: rows[0]!.id })[0]).toMatchObject({ colour: 'amber', workingAtSection: 6 });
  });

  it('imports a file from disk by setting URN, and reports errors by file, row and column', async () => {
    const core = testCore();
    const s = makeSetting(core);
    const dir = tempDir();
    const good = join(dir, 'good.csv');
    writeFileSync(good, csv([childHeader, childRow(1), childRow(2)]));
    const dry = await importFile(core, { kind: 'children', settingUrn: 'ey 123456', path: good, dryRun: true });
    expect(dry.ok).toBe(true);
    expect(dry.summary).toMatch(/^good\.csv: would import 2 children into Puddleby Nursery \(dry run: nothing was saved\)/);
    expect(core.invoke('children.list', { settingId: s.settingId }).total).toBe(0);
    const real = await importFile(core, { kind: 'children', settingUrn: 'EY123456', path: good, dryRun: false });
    expect(real.summary).toMatch(/^good\.csv: imported 2 children/);
    expect(core.invoke('children.list', { settingId: s.settingId }).total).toBe(2);

    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, csv([childHeader, childRow(5), childRow(6, { 'D.O.B': '12/25/2023' })]));
    const refused = await importFile(core, { kind: 'children', settingUrn: 'EY123456', path: bad, dryRun: false });
    expect(refused.ok).toBe(false);
    expect(refused.summary).toBe('bad.csv: 1 row has a problem, so nothing was imported');
    expect(refused.errors).toEqual([
      {
        file: 'bad.csv',
        row: 3,
        column: 'D.O.B',
        message: '"12/25/2023" is not a real date: there is no month 25. Dates must be day first (dd/mm/yyyy), not month first',
      },
    ]);
    expect((await importFile(core, { kind: 'children', settingUrn: 'EY999999', path: good, dryRun: true })).summary).toBe('No setting has the URN EY999999');
    expect((await importFile(core, { kind: 'children', settingUrn: 'EY123456', path: join(dir, 'missing.csv'), dryRun: true })).summary).toMatch(
      /missing\.csv does not exist/,
    );
  });
});

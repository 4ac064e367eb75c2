import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { snapshot, testCore } from '../support/core.js';

// What every workbook the app writes must get right: dates as real dates, and sheet names Excel
// accepts whatever users call their rounds. Also the local authority's single workbook.

async function load(base64: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  const bytes = Buffer.from(base64, 'base64');
  await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  return workbook;
}

const utc = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

function world() {
  const core = testCore();
  const acorn = core.invoke('settings.create', { name: 'Acorn', urn: 'EY123456', type: 'nursery', localAuthority: 'Leeds' });
  const birch = core.invoke('settings.create', { name: 'Birch', urn: 'EY654321', type: 'pre-school', localAuthority: 'Leeds' });
  const cedar = core.invoke('settings.create', { name: 'Cedar', urn: 'EY111111', type: 'nursery', localAuthority: 'York' });
  const add = (settingId: string, firstName: string, dateOfBirth: string) =>
    core.invoke('children.create', { settingId, firstName, lastName: 'Testchild', dateOfBirth, sex: 'female' });
  const amy = add(acorn.id, 'Amy', '2023-05-10');
  add(acorn.id, 'Bea', '2023-06-01');
  add(birch.id, 'Cal', '2023-04-02');
  add(cedar.id, 'Dot', '2023-03-03');
  return { core, acorn, birch, cedar, amy };
}

function screen(core: ReturnType<typeof testCore>, childId: string, screeningDate: string) {
  const instrument = core.invoke('instruments.list', {})[0]!;
  core.invoke('screenings.create', {
    childId,
    instrumentId: instrument.id,
    screeningDate,
    sections: [
      { section: 7, colour: 'amber' },
      { section: 6, colour: 'green' },
    ],
  });
}

describe('dates in workbooks', () => {
  it('writes the tracker’s dates as date cells shown dd/mm/yyyy', async () => {
    const { core, acorn, amy } = world();
    core.invoke('rounds.create', { name: 'Autumn 2026', startDate: '2026-09-01', endDate: '2026-12-31' });
    screen(core, amy.id, '2026-11-20');
    const sheet = (await load((await core.invokeAsync('export.tracker', { settingId: acorn.id })).base64)).worksheets[0]!;
    const amyRow = sheet.getRow(2);
    expect(amyRow.getCell(3).value).toEqual(utc('2023-05-10'));
    expect(amyRow.getCell(3).numFmt).toBe('dd/mm/yyyy');
    expect(amyRow.getCell(12).value).toEqual(utc('2026-11-20'));
    expect(amyRow.getCell(18).value).toBeInstanceOf(Date);
    expect(amyRow.getCell(18).numFmt).toBe('dd/mm/yyyy');
    // Bea was not screened: blank, not a made-up date.
    expect(sheet.getRow(3).getCell(12).value).toBe('');
  });

  it('turns columns of dates in on-screen tables into date cells, and leaves other text alone', async () => {
    const core = testCore();
    const file = await core.invokeAsync('export.xlsx', {
      title: 'Children',
      columns: ['Name', 'Review due', 'ISO', 'Mixed', 'Note'],
      rows: [
        ['Amy', '27/11/2026', '2026-11-27', '01/02/2026', '12/12/2026 or later'],
        ['Bea', null, '2026-02-28', 'not yet', '31/02/2026'],
      ],
    });
    const sheet = (await load(file.base64)).worksheets[0]!;
    expect(sheet.getCell('B2').value).toEqual(utc('2026-11-27'));
    expect(sheet.getCell('B2').numFmt).toBe('dd/mm/yyyy');
    expect(sheet.getCell('B3').value).toBe('');
    expect(sheet.getCell('C3').value).toEqual(utc('2026-02-28'));
    // One cell in the column is not a date: the whole column stays as typed.
    expect(sheet.getCell('D2').value).toBe('01/02/2026');
    expect(sheet.getCell('E3').value).toBe('31/02/2026');
  });
});

describe('sheet names', () => {
  it('writes a tracker whatever the rounds are called', async () => {
    const { core, acorn } = world();
    const long = 'Autumn 2026 screening round for all settings';
    for (const [i, name] of ["'Spring'", 'History', `${long} A`, `${long} B`, 'Summer: 2026/27?'].entries())
      core.invoke('rounds.create', { name, startDate: `20${20 + i}-01-01`, endDate: `20${20 + i}-06-30` });
    const file = await core.invokeAsync('export.tracker', { settingId: acorn.id });
    const names = (await load(file.base64)).worksheets.map((w) => w.name);
    expect(names).toEqual(['Spring', 'History (2)', long.slice(0, 31), 'Autumn 2026 screening round (2)', 'Summer  2026 27']);
  });

  it('writes an on-screen table called History', async () => {
    const file = await testCore().invokeAsync('export.xlsx', { title: 'History', columns: ['A'], rows: [['x']] });
    expect((await load(file.base64)).worksheets[0]?.name).toBe('History (2)');
  });
});

describe('export.laTracker', () => {
  it('writes every child of the local authority on one sheet, with a summary per setting', { timeout: 120_000 }, async () => {
    const { core, amy } = world();
    core.invoke('rounds.create', { name: 'Autumn 2026', startDate: '2026-09-01', endDate: '2026-12-31' });
    screen(core, amy.id, '2026-11-20');
    const file = await core.invokeAsync('export.laTracker', { localAuthority: 'Leeds' });
    expect(file.fileName).toBe('Leeds tracker Autumn 2026.xlsx');
    const workbook = await load(file.base64);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Summary', 'Autumn 2026']);
    const [summary, children] = workbook.worksheets;
    expect(summary?.getRow(1).values).toEqual([
      undefined,
      'Setting',
      'URN',
      'On roll',
      'Screened',
      'Not screened',
      'Red',
      'Amber',
      'Green',
      'Referral prompted',
    ]);
    expect(summary?.getRow(2).values).toEqual([undefined, 'Acorn', 'EY123456', 2, 1, 1, 0, 1, 0, 0]);
    expect(summary?.getRow(3).values).toEqual([undefined, 'Birch', 'EY654321', 1, 0, 1, 0, 0, 0, 0]);
    expect(summary?.rowCount).toBe(3);
    expect(children?.getRow(1).getCell(1).value).toBe('Setting');
    expect(children?.getColumn(4).values.slice(2)).toEqual(['Amy', 'Bea', 'Cal']);
    expect(children?.getColumn(1).values.slice(2)).toEqual(['Acorn', 'Acorn', 'Birch']);
    const amyRow = children!.getRow(2);
    expect(amyRow.getCell(5).value).toEqual(utc('2023-05-10'));
    expect(amyRow.getCell(5).numFmt).toBe('dd/mm/yyyy');
    expect(amyRow.getCell(17).value).toBe('Amber');
    expect(amyRow.getCell(17).fill).toMatchObject({ fgColor: { argb: 'FFFFEFC2' } });
    expect(children?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });

  it('scopes by setting type, covers every local authority by default, and works before any round', async () => {
    const { core } = world();
    const all = await load((await core.invokeAsync('export.laTracker', {})).base64);
    expect(all.worksheets.map((w) => w.name)).toEqual(['Summary', 'Children on roll']);
    expect(all.worksheets[1]?.getColumn(4).values.slice(2)).toEqual(['Amy', 'Bea', 'Cal', 'Dot']);
    const file = await core.invokeAsync('export.laTracker', { settingType: 'nursery' });
    expect(file.fileName).toBe('Nursery tracker Children on roll.xlsx');
    expect((await load(file.base64)).worksheets[1]?.getColumn(1).values.slice(2)).toEqual(['Acorn', 'Acorn', 'Cedar']);
  });

  it('refuses bad input naming the field, and changes nothing', async () => {
    const { core } = world();
    const before = snapshot(core, ['settings', 'children', 'rounds', 'audit_log']);
    const bad = await core.callAsync('export.laTracker', { settingType: 'castle', roundId: 'not-an-id' } as never);
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.error.code).toBe('VALIDATION');
      expect(bad.error.issues?.map((i) => i.path[0])).toEqual(expect.arrayContaining(['settingType', 'roundId']));
    }
    const unknown = await core.callAsync('export.laTracker', { roundId: '7d1b2c1e-6d0c-4b7e-9a53-2f6b1f0b9c11' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(snapshot(core, ['settings', 'children', 'rounds', 'audit_log'])).toBe(before);
  });
});

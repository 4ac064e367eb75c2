import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { testCore } from '../support/core.js';
import { actAs } from '../support/accounts.js';

describe('export.xlsx', () => {
  it('writes a workbook with a bold frozen header, filters, the words and Red/Amber/Green fills', async () => {
    const core = testCore();
    const file = await core.invokeAsync('export.xlsx', {
      title: 'Autumn 2026: by age section',
      columns: ['Section', 'Colour', 'Children'],
      rows: [
        ['Section 6', 'Red', 2],
        ['Section 7', 'Amber', 5],
        ['Section 8', 'Green', null],
      ],
    });
    expect(file.fileName).toBe('Autumn 2026 by age section.xlsx');
    const workbook = new ExcelJS.Workbook();
    const bytes = Buffer.from(file.base64, 'base64');
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    const sheet = workbook.worksheets[0];
    expect(sheet?.name).toBe('Autumn 2026  by age section');
    expect(sheet?.getRow(1).values).toEqual([undefined, 'Section', 'Colour', 'Children']);
    expect(sheet?.getRow(1).font?.bold).toBe(true);
    expect(sheet?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet?.autoFilter).toBeTruthy();
    expect(sheet?.getCell('B2').value).toBe('Red');
    expect(sheet?.getCell('B2').fill).toMatchObject({ fgColor: { argb: 'FFF6D7D2' } });
    expect(sheet?.getCell('B4').fill).toMatchObject({ fgColor: { argb: 'FFCCE2D8' } });
    expect(sheet?.getCell('C3').value).toBe(5);
    expect(sheet?.getCell('C4').value).toBe('');
  });

  it('is refused on the synchronous entry, and refuses malformed tables naming the field', async () => {
    const core = testCore();
    const sync = core.call('export.xlsx', { title: 'T', columns: ['A'], rows: [] });
    expect(sync).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    const bad = await core.callAsync('export.xlsx', { title: '', columns: [], rows: [[{ x: 1 }]] });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.error.code).toBe('VALIDATION');
      expect(bad.error.issues?.map((i) => i.path[0])).toEqual(expect.arrayContaining(['title', 'columns', 'rows']));
    }
  });
});

async function loadWorkbook(base64: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  const bytes = Buffer.from(base64, 'base64');
  await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  return workbook;
}

function trackerWorld() {
  const core = testCore();
  const setting = core.invoke('settings.create', { name: 'Acorn', urn: 'EY123456', type: 'nursery' });
  const instrument = core.invoke('instruments.list', {})[0]!;
  const autumn = core.invoke('rounds.create', { name: 'Autumn 2026', startDate: '2026-09-01', endDate: '2026-12-31' });
  const summer = core.invoke('rounds.create', { name: 'Summer 2026', startDate: '2026-05-01', endDate: '2026-08-31' });
  const add = (firstName: string, dateOfBirth: string, extra: Record<string, string | null> = {}) =>
    core.invoke('children.create', { settingId: setting.id, firstName, lastName: 'Testchild', dateOfBirth, sex: 'female', ...extra });
  const screened = add('Amy', '2023-05-10'); // 42 months on 2026-11-20: section 7
  const notScreened = add('Bea', '2023-06-01');
  const leftBefore = add('Cat', '2023-01-01', { startDate: '2024-01-01', leaveDate: '2026-07-31' });
  core.invoke('screenings.create', {
    childId: screened.id,
    instrumentId: instrument.id,
    screeningDate: '2026-11-20',
    sections: [
      { section: 7, colour: 'amber' },
      { section: 6, colour: 'green' },
    ],
  });
  return { core, setting, autumn, summer, screened, notScreened, leftBefore };
}

describe('export.tracker', () => {
  it('lists every child on roll in the round, blanks where not screened, one sheet per round', async () => {
    const { core, setting } = trackerWorld();
    const file = await core.invokeAsync('export.tracker', { settingId: setting.id });
    expect(file.fileName).toBe('Acorn tracker.xlsx');
    const workbook = await loadWorkbook(file.base64);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Summer 2026', 'Autumn 2026']);
    const autumn = workbook.getWorksheet('Autumn 2026');
    // Cat left before Autumn began; Amy and Bea were on roll.
    expect(autumn?.rowCount).toBe(3);
    const amy = autumn?.getRow(2);
    expect(amy?.getCell(2).value).toBe('Amy');
    expect(amy?.getCell(15).value).toBe('Amber');
    expect(amy?.getCell(15).fill).toMatchObject({ fgColor: { argb: 'FFFFEFC2' } });
    expect(amy?.getCell(16).value).toBe(6);
    expect(autumn?.getRow(3).getCell(2).value).toBe('Bea');
    expect(autumn?.getRow(3).getCell(15).value).toBe('');
    expect(autumn?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    // In Summer, Cat was still on roll.
    expect(workbook.getWorksheet('Summer 2026')?.rowCount).toBe(4);
  });

  it('writes one round as CSV, the newest by default', async () => {
    const { core, setting, summer } = trackerWorld();
    const latest = Buffer.from((await core.invokeAsync('export.tracker', { settingId: setting.id, format: 'csv' })).base64, 'base64').toString('utf8');
    expect(latest.startsWith('\uFEFFLast name,First name')).toBe(true);
    expect(latest.split('\r\n').filter(Boolean)).toHaveLength(3);
    expect(latest).toContain('Testchild,Amy,10/05/2023');
    const older = Buffer.from(
      (await core.invokeAsync('export.tracker', { settingId: setting.id, roundId: summer.id, format: 'csv' })).base64,
      'base64',
    ).toString('utf8');
    expect(older.split('\r\n').filter(Boolean)).toHaveLength(4);
  });

  it('lists the children on roll with blank results before any round exists, in Excel and CSV', async () => {
    const core = testCore();
    const setting = core.invoke('settings.create', { name: 'Acorn', urn: 'EY123456', type: 'nursery' });
    core.invoke('children.create', { settingId: setting.id, firstName: 'Amy', lastName: 'Testchild', dateOfBirth: '2023-05-10', sex: 'female' });
    core.invoke('children.create', { settingId: setting.id, firstName: 'Bea', lastName: 'Testchild', dateOfBirth: '2023-06-01', sex: 'female' });
    const file = await core.invokeAsync('export.tracker', { settingId: setting.id });
    expect(file.fileName).toBe('Acorn tracker.xlsx');
    const sheets = (await loadWorkbook(file.base64)).worksheets;
    expect(sheets.map((w) => w.name)).toEqual(['Children on roll']);
    expect(sheets[0]?.getColumn(2).values.slice(2)).toEqual(['Amy', 'Bea']);
    expect(sheets[0]?.getRow(2).getCell(15).value).toBe('');
    const csv = Buffer.from((await core.invokeAsync('export.tracker', { settingId: setting.id, format: 'csv' })).base64, 'base64').toString('utf8');
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(3);
  });

  it('refuses an unknown setting or round with a clear message', async () => {
    const { core, setting } = trackerWorld();
    const unknown = '7d1b2c1e-6d0c-4b7e-9a53-2f6b1f0b9c11';
    expect(await core.callAsync('export.tracker', { settingId: unknown })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await core.callAsync('export.tracker', { settingId: setting.id, roundId: unknown })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('export.child', () => {
  it('exports everything about one child as JSON and logs that it did', () => {
    const { core, screened } = trackerWorld();
    actAs(core, 'Data protection lead');
    const file = core.invoke('export.child', { childId: screened.id });
    const records = JSON.parse(Buffer.from(file.base64, 'base64').toString('utf8')) as {
      child: { id: string };
      screenings: unknown[];
      auditTrail: { method: string }[];
    };
    expect(records.child.id).toBe(screened.id);
    expect(records.screenings).toHaveLength(1);
    expect(records.auditTrail.map((a) => a.method)).toContain('children.create');
    const log = core.invoke('audit.list', { recordId: screened.id, method: 'export.child' });
    expect(log.rows[0]).toMatchObject({ actorName: 'Data protection lead (Manager)', note: 'All records exported (subject access request)' });
  });
});

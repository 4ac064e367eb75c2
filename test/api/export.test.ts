import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { testCore } from '../support/core.js';

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

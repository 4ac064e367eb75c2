import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanSheetName, maxSheetNameLength, sheetNames } from '../../electron/core/io/sheet-names.js';

// Excel's rules, written out independently of the helper so the property checks something.
function excelAccepts(name: string): boolean {
  return (
    name.length >= 1 &&
    name.length <= 31 &&
    !/[:\\/?*[\]]/.test(name) &&
    !name.startsWith("'") &&
    !name.endsWith("'") &&
    name.toLowerCase() !== 'history' &&
    !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(name) &&
    // eslint-disable-next-line no-control-regex -- XML cannot carry control characters
    !/[\u0000-\u001f]/.test(name)
  );
}

const awkward = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 50 }),
  fc.string({ unit: fc.constantFrom("'", ':', '\\', '/', '?', '*', '[', ']', ' ', 'a', 'A', 'History', '😀', '\ud800'), maxLength: 40 }),
  fc.constantFrom('History', 'HISTORY', "'Spring'", '', '   ', "''", 'Autumn 2026 screening round for all settings'),
);

describe('sheetNames', () => {
  it('keeps an ordinary name as it is', () => {
    expect(sheetNames(['Autumn 2026', 'Spring 2027'])).toEqual(['Autumn 2026', 'Spring 2027']);
  });

  it('mends each of the names Excel refuses', () => {
    const long = 'Autumn 2026 screening round for all settings';
    expect(sheetNames(["'Spring'", 'History', 'history', `${long} A`, `${long} B`, 'a:b/c?d*e[f]g\\h', '', 'autumn', 'AUTUMN'])).toEqual([
      'Spring',
      'History (2)',
      'history (3)',
      long.slice(0, maxSheetNameLength),
      'Autumn 2026 screening round (2)',
      'a b c d e f g h',
      'Sheet',
      'autumn',
      'AUTUMN (2)',
    ]);
    expect(cleanSheetName("' 'x' '")).toBe('x');
  });

  it('gives every list of names valid names, distinct ignoring case', () => {
    fc.assert(
      fc.property(fc.array(awkward, { maxLength: 12 }), (names) => {
        const out = sheetNames(names);
        expect(out).toHaveLength(names.length);
        for (const name of out) expect(excelAccepts(name), JSON.stringify(name)).toBe(true);
        expect(new Set(out.map((n) => n.toLowerCase())).size).toBe(out.length);
      }),
      { numRuns: 500 },
    );
  });

  it('writes workbooks with such names that open again with exceljs', { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(awkward, { minLength: 1, maxLength: 6 }), async (names) => {
        const workbook = new ExcelJS.Workbook();
        const safe = sheetNames(names);
        for (const name of safe) workbook.addWorksheet(name).addRow([name]);
        const reread = new ExcelJS.Workbook();
        await reread.xlsx.load(await workbook.xlsx.writeBuffer());
        expect(reread.worksheets.map((w) => w.name)).toEqual(safe);
      }),
      { numRuns: 40 },
    );
  });
});

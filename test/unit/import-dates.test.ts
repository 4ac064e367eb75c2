import { describe, expect, it } from 'vitest';
import { excelSerialToIso, expandTwoDigitYear, readImportDate } from '../../electron/core/io/import/dates.js';

const today = '2026-11-27';
const iso = (v: Parameters<typeof readImportDate>[0]) => {
  const r = readImportDate(v, today);
  return r === null ? null : r.ok ? r.iso : `ERROR ${r.message}`;
};

describe('readImportDate', () => {
  it.each([
    ['27/11/2026', '2026-11-27'],
    ['7/3/2024', '2024-03-07'],
    ['07.03.2024', '2024-03-07'],
    ['07-03-2024', '2024-03-07'],
    [' 29/02/2024 ', '2024-02-29'],
    ['2024-03-07', '2024-03-07'],
    ['2024-3-7', '2024-03-07'],
    ['2024-03-07T00:00:00', '2024-03-07'],
    ['2024-03-07 00:00:00', '2024-03-07'],
    ['2024-03-07T00:00:00.000Z', '2024-03-07'],
    ['07/03/2024 09:30', '2024-03-07'],
    ['7 Mar 2024', '2024-03-07'],
    ['07-Mar-24', '2024-03-07'],
    ['7th March 2024', '2024-03-07'],
    ['7 Sept 2024', '2024-09-07'],
    ['45000', '2023-03-15'],
    ['45000.75', '2023-03-15'],
  ])('reads %j as %s', (text, expected) => {
    expect(iso(text)).toBe(expected);
  });

  it('reads Excel serial numbers in the 1900 date system, including its phantom 29 February 1900', () => {
    expect(iso(45000)).toBe('2023-03-15');
    expect(iso(1)).toBe('1900-01-01');
    expect(iso(59)).toBe('1900-02-28');
    expect(iso(61)).toBe('1900-03-01');
    expect(iso(46353)).toBe('2026-11-27');
    expect(excelSerialToIso(60)).toBeNull();
    expect(excelSerialToIso(0)).toBeNull();
    expect(excelSerialToIso(Number.NaN)).toBeNull();
  });

  it('reads XLSX date cells as the calendar date in UTC', () => {
    expect(iso(new Date(Date.UTC(2023, 1, 14)))).toBe('2023-02-14');
    expect(iso(new Date(Date.UTC(2023, 1, 14, 23, 59)))).toBe('2023-02-14');
    expect(iso(new Date(Number.NaN))).toMatch(/^ERROR/);
  });

  it('treats blanks as blank', () => {
    expect(iso(null)).toBeNull();
    expect(iso('   ')).toBeNull();
  });

  it('reads two-digit years as 20yy unless that is after today, then 19yy', () => {
    expect(iso('1/2/23')).toBe('2023-02-01');
    expect(iso('27/11/26')).toBe('2026-11-27');
    expect(iso('28/11/26')).toBe('1926-11-28');
    expect(iso('1/1/99')).toBe('1999-01-01');
    expect(expandTwoDigitYear(30, 2, 30, today)).toBe(2030);
  });

  it.each([
    ['31/02/2024', '"31/02/2024" is not a real date: February 2024 has 29 days'],
    ['29/02/2023', '"29/02/2023" is not a real date: February 2023 has 28 days'],
    ['31/04/2024', '"31/04/2024" is not a real date: April 2024 has 30 days'],
    ['12/25/2024', '"12/25/2024" is not a real date: there is no month 25. Dates must be day first (dd/mm/yyyy), not month first'],
    ['2024-13-01', '"2024-13-01" is not a real date: there is no month 13.'],
    ['01/01/1850', '"01/01/1850": the year 1850 cannot be right, check it (use dd/mm/yyyy, for example 27/11/2026)'],
    ['27/11-2026', '"27/11-2026" is not a date Chatterbox recognises: use dd/mm/yyyy, for example 27/11/2026'],
    ['next tuesday', '"next tuesday" is not a date Chatterbox recognises: use dd/mm/yyyy, for example 27/11/2026'],
    ['7 Smarch 2024', '"7 Smarch 2024" is not a date: "Smarch" is not a month (use dd/mm/yyyy, for example 27/11/2026)'],
    ['999999', '"999999" is not a date (nor an Excel date number): use dd/mm/yyyy, for example 27/11/2026'],
  ])('refuses %j: %s', (text, message) => {
    expect(iso(text)).toBe(`ERROR ${message}`);
  });

  it('refuses numbers and booleans that are not dates', () => {
    expect(iso(-5)).toMatch(/^ERROR -5 is not a date/);
    expect(iso(true)).toMatch(/^ERROR TRUE is not a date/);
    expect(iso(Number.POSITIVE_INFINITY)).toMatch(/^ERROR/);
  });
});

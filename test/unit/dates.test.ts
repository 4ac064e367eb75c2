import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  addDays,
  addMonths,
  addWeeks,
  ageInCompletedMonths,
  compareIsoDates,
  daysBetween,
  daysInMonth,
  formatAge,
  formatUkDate,
  isIsoDate,
  isoFromDate,
  parseIsoDate,
  parseUkDate,
} from '../../shared/domain/dates.js';

describe('isIsoDate', () => {
  it.each(['2024-02-29', '2000-02-29', '2023-02-28', '2024-01-31', '2024-04-30', '2024-12-31', '0001-01-01', '9999-12-31'])('accepts the real date %s', (s) => {
    expect(isIsoDate(s)).toBe(true);
  });

  it.each([
    ['2023-02-29', 'not a leap year'],
    ['1900-02-29', 'century that is not a leap year'],
    ['2024-02-30', 'February never has 30 days'],
    ['2024-04-31', 'April has 30 days'],
    ['2024-06-31', 'June has 30 days'],
    ['2024-09-31', 'September has 30 days'],
    ['2024-11-31', 'November has 30 days'],
    ['2024-13-01', 'month 13'],
    ['2024-00-10', 'month 0'],
    ['2024-01-00', 'day 0'],
    ['2024-01-32', 'day 32'],
    ['0000-01-01', 'year 0'],
    ['2024-1-01', 'unpadded month'],
    ['2024-01-1', 'unpadded day'],
    ['24-01-01', 'two-digit year'],
    ['2024/01/01', 'slashes'],
    ['01/01/2024', 'UK format'],
    [' 2024-01-01', 'leading space'],
    ['2024-01-01 ', 'trailing space'],
    ['2024-01-01T00:00:00Z', 'a timestamp'],
    ['', 'empty'],
    ['not a date', 'words'],
  ])('rejects %s (%s)', (s) => {
    expect(isIsoDate(s)).toBe(false);
  });
});

describe('parseIsoDate', () => {
  it('splits a date into numbers', () => {
    expect(parseIsoDate('2026-03-07')).toEqual({ year: 2026, month: 3, day: 7 });
  });

  it.each(['2023-02-29', '2024-13-01', '', '7/3/2026'])('throws a RangeError for %j', (s) => {
    expect(() => parseIsoDate(s)).toThrow(RangeError);
  });
});

describe('daysInMonth', () => {
  it.each([
    [2024, 2, 29],
    [2023, 2, 28],
    [2000, 2, 29],
    [1900, 2, 28],
    [2024, 1, 31],
    [2024, 4, 30],
    [2024, 8, 31],
    [2024, 9, 30],
    [2024, 12, 31],
  ])('%i-%i has %i days', (year, month, days) => {
    expect(daysInMonth(year, month)).toBe(days);
  });
});

describe('compareIsoDates', () => {
  it('orders by year, then month, then day', () => {
    expect(compareIsoDates('2024-01-31', '2024-02-01')).toBeLessThan(0);
    expect(compareIsoDates('2024-02-01', '2024-01-31')).toBeGreaterThan(0);
    expect(compareIsoDates('2023-12-31', '2024-01-01')).toBeLessThan(0);
    expect(compareIsoDates('2024-03-10', '2024-03-09')).toBeGreaterThan(0);
    expect(compareIsoDates('2024-03-10', '2024-03-10')).toBe(0);
  });

  it('throws for an invalid date rather than guessing', () => {
    expect(() => compareIsoDates('2024-02-30', '2024-03-01')).toThrow(RangeError);
  });
});

describe('addDays and addWeeks', () => {
  it.each([
    ['2024-02-28', 1, '2024-02-29'],
    ['2023-02-28', 1, '2023-03-01'],
    ['2024-02-29', 1, '2024-03-01'],
    ['2024-12-31', 1, '2025-01-01'],
    ['2025-01-01', -1, '2024-12-31'],
    ['2024-03-01', -1, '2024-02-29'],
    ['2024-01-15', 0, '2024-01-15'],
    ['2024-01-01', 366, '2025-01-01'],
    ['2023-01-01', 365, '2024-01-01'],
    ['2100-02-28', 1, '2100-03-01'],
    ['2000-02-28', 1, '2000-02-29'],
  ])('%s + %i days = %s', (iso, n, expected) => {
    expect(addDays(iso, n)).toBe(expected);
  });

  it('agrees with UTC Date arithmetic over more than three centuries', () => {
    const start = Date.UTC(1899, 11, 1);
    const dayMs = 86_400_000;
    const mismatches: number[] = [];
    for (let i = -40_000; i < 80_000; i += 1) {
      const expected = new Date(start + i * dayMs).toISOString().slice(0, 10);
      if (addDays('1899-12-01', i) !== expected) mismatches.push(i);
    }
    expect(mismatches).toEqual([]);
  });

  it('adds whole weeks', () => {
    expect(addWeeks('2026-01-05', 12)).toBe('2026-03-30');
    expect(addWeeks('2024-02-22', 1)).toBe('2024-02-29');
    expect(addWeeks('2024-03-07', -1)).toBe('2024-02-29');
  });

  it('refuses fractional days or weeks', () => {
    expect(() => addDays('2024-01-01', 1.5)).toThrow(RangeError);
    expect(() => addWeeks('2024-01-01', 0.5)).toThrow(RangeError);
  });

  it('refuses to leave four-digit years', () => {
    expect(() => addDays('9999-12-31', 1)).toThrow(RangeError);
    expect(() => addDays('0001-01-01', -1)).toThrow(RangeError);
  });
});

describe('addMonths', () => {
  it.each([
    ['2024-01-31', 1, '2024-02-29', 'clamps to 29 Feb in a leap year'],
    ['2023-01-31', 1, '2023-02-28', 'clamps to 28 Feb in other years'],
    ['2024-01-31', 2, '2024-03-31', 'does not carry the clamp forward'],
    ['2024-01-31', 3, '2024-04-30', 'clamps to 30 April'],
    ['2024-03-31', -1, '2024-02-29', 'clamps going backwards'],
    ['2024-08-31', 1, '2024-09-30', 'clamps 31 Aug to 30 Sep'],
    ['2024-04-30', 10, '2025-02-28', 'clamps 30 April to the end of February'],
    ['2024-04-30', 1, '2024-05-30', 'keeps the 30th in a 31-day month'],
    ['2024-02-29', 12, '2025-02-28', 'clamps a leap day in a common year'],
    ['2024-02-29', 48, '2028-02-29', 'keeps a leap day in the next leap year'],
    ['2024-12-15', 1, '2025-01-15', 'crosses a year end'],
    ['2025-01-15', -1, '2024-12-15', 'crosses a year end backwards'],
    ['2025-01-15', -13, '2023-12-15', 'goes back more than a year'],
    ['2020-05-15', 72, '2026-05-15', 'adds six years'],
    ['2024-06-10', 0, '2024-06-10', 'adds nothing'],
  ])('%s + %i months = %s (%s)', (iso, n, expected) => {
    expect(addMonths(iso, n)).toBe(expected);
  });

  it('refuses fractional months and invalid dates', () => {
    expect(() => addMonths('2024-01-31', 0.5)).toThrow(RangeError);
    expect(() => addMonths('2024-02-30', 1)).toThrow(RangeError);
  });
});

describe('daysBetween', () => {
  it('counts days, negative when going backwards', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2023-02-28', '2023-03-01')).toBe(1);
    expect(daysBetween('2024-03-01', '2024-02-28')).toBe(-2);
    expect(daysBetween('2024-05-05', '2024-05-05')).toBe(0);
  });
});

describe('ageInCompletedMonths', () => {
  it.each([
    // ordinary mid-month birth
    ['2024-05-15', '2024-05-15', 0],
    ['2024-05-15', '2024-06-14', 0],
    ['2024-05-15', '2024-06-15', 1],
    ['2024-05-15', '2025-05-14', 11],
    ['2024-05-15', '2025-05-15', 12],
    // born 31 January: a month is completed on the last day of a shorter month
    ['2024-01-31', '2024-02-28', 0],
    ['2024-01-31', '2024-02-29', 1],
    ['2024-01-31', '2024-03-01', 1],
    ['2024-01-31', '2024-03-30', 1],
    ['2024-01-31', '2024-03-31', 2],
    ['2024-01-31', '2024-04-29', 2],
    ['2024-01-31', '2024-04-30', 3],
    ['2023-01-31', '2023-02-27', 0],
    ['2023-01-31', '2023-02-28', 1],
    // born 30 April
    ['2024-04-30', '2024-05-29', 0],
    ['2024-04-30', '2024-05-30', 1],
    ['2024-04-30', '2024-05-31', 1],
    ['2024-04-30', '2025-02-27', 9],
    ['2024-04-30', '2025-02-28', 10],
    ['2024-04-30', '2025-03-29', 10],
    ['2024-04-30', '2025-03-30', 11],
    // born 31 August
    ['2023-08-31', '2023-09-29', 0],
    ['2023-08-31', '2023-09-30', 1],
    ['2023-08-31', '2023-10-30', 1],
    ['2023-08-31', '2023-10-31', 2],
    ['2023-08-31', '2024-02-28', 5],
    ['2023-08-31', '2024-02-29', 6],
    // born 29 February: a year is completed on 28 February in common years
    ['2024-02-29', '2024-03-28', 0],
    ['2024-02-29', '2024-03-29', 1],
    ['2024-02-29', '2025-02-27', 11],
    ['2024-02-29', '2025-02-28', 12],
    ['2024-02-29', '2025-03-01', 12],
    ['2024-02-29', '2026-02-28', 24],
    ['2024-02-29', '2028-02-28', 47],
    ['2024-02-29', '2028-02-29', 48],
    ['2020-02-29', '2021-02-28', 12],
    ['2020-02-29', '2026-02-27', 71],
    ['2020-02-29', '2026-02-28', 72],
  ])('born %s, on %s: %i completed months', (dob, onDate, months) => {
    expect(ageInCompletedMonths(dob, onDate)).toBe(months);
  });

  it('reaches n months on addMonths(dob, n), not the day before, for every birth in 2023-2024', () => {
    // Mismatches are collected so that one failure lists them all, and the loop stays fast.
    const mismatches: string[] = [];
    for (let dob = '2023-01-01'; dob <= '2024-12-31'; dob = addDays(dob, 1)) {
      for (let n = 1; n <= 74; n += 1) {
        const birthday = addMonths(dob, n);
        const dayBefore = addDays(birthday, -1);
        if (ageInCompletedMonths(dob, birthday) !== n) mismatches.push(`${dob} on ${birthday}`);
        if (ageInCompletedMonths(dob, dayBefore) !== n - 1) mismatches.push(`${dob} on ${dayBefore}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('throws a RangeError when the date is before the date of birth', () => {
    expect(() => ageInCompletedMonths('2024-05-15', '2024-05-14')).toThrow(RangeError);
    expect(() => ageInCompletedMonths('2024-05-15', '2023-12-31')).toThrow(RangeError);
  });

  it('throws for impossible dates', () => {
    expect(() => ageInCompletedMonths('2023-02-29', '2024-01-01')).toThrow(RangeError);
    expect(() => ageInCompletedMonths('2023-01-01', '2024-04-31')).toThrow(RangeError);
  });
});

describe('formatUkDate', () => {
  it('writes day first with padding', () => {
    expect(formatUkDate('2026-11-27')).toBe('27/11/2026');
    expect(formatUkDate('2026-03-07')).toBe('07/03/2026');
    expect(formatUkDate('2024-02-29')).toBe('29/02/2024');
  });

  it('throws for an invalid ISO date', () => {
    expect(() => formatUkDate('2026-02-30')).toThrow(RangeError);
    expect(() => formatUkDate('27/11/2026')).toThrow(RangeError);
  });
});

describe('parseUkDate', () => {
  it.each([
    ['27/11/2026', '2026-11-27'],
    ['7/3/2026', '2026-03-07'],
    ['07/03/2026', '2026-03-07'],
    ['1/12/2026', '2026-12-01'],
    ['29/02/2024', '2024-02-29'],
    ['2026-11-27', '2026-11-27'],
    ['  27/11/2026  ', '2026-11-27'],
    ['27.11.2026', '2026-11-27'],
    ['27-11-2026', '2026-11-27'],
  ])('reads %j as %s', (input, expected) => {
    expect(parseUkDate(input)).toBe(expected);
  });

  it('reads day first, not month first', () => {
    expect(parseUkDate('3/7/2026')).toBe('2026-07-03');
    expect(parseUkDate('12/1/2026')).toBe('2026-01-12');
  });

  it.each([
    ['31/04/2026', 'April has 30 days'],
    ['29/02/2023', 'not a leap year'],
    ['30/02/2024', 'February never has 30 days'],
    ['32/01/2026', 'day 32'],
    ['00/01/2026', 'day 0'],
    ['15/00/2026', 'month 0'],
    ['11/27/2026', 'American order'],
    ['27/11/26', 'two-digit year'],
    ['27/11/02026', 'five-digit year'],
    ['27/11', 'no year'],
    ['27/11-2026', 'mixed separators'],
    ['27 11 2026', 'spaces as separators'],
    ['2026/11/27', 'year first with slashes'],
    ['2026-02-30', 'impossible ISO date'],
    ['2026-2-3', 'unpadded ISO date'],
    ['27/11/2026x', 'trailing text'],
    ['x27/11/2026', 'leading text'],
    ['27th November 2026', 'words'],
    ['', 'empty'],
    ['   ', 'blank'],
    ['1e1/1/2026', 'exponent'],
    ['-1/1/2026', 'negative day'],
  ])('rejects %j (%s)', (input) => {
    expect(parseUkDate(input)).toBeNull();
  });
});

describe('formatAge', () => {
  it.each([
    [0, '0m'],
    [8, '8m'],
    [11, '11m'],
    [12, '1y 0m'],
    [13, '1y 1m'],
    [31, '2y 7m'],
    [36, '3y 0m'],
    [72, '6y 0m'],
  ])('%i months is %s', (months, expected) => {
    expect(formatAge(months)).toBe(expected);
  });

  it.each([-1, 2.5, Number.NaN, Number.POSITIVE_INFINITY])('throws for %d', (months) => {
    expect(() => formatAge(months)).toThrow(RangeError);
  });
});

// Node re-reads TZ when it changes, so a test can see what a user east or west of Greenwich sees.
function inTimeZone(timeZone: string, check: () => void): void {
  const original = process.env.TZ;
  process.env.TZ = timeZone;
  try {
    check();
  } finally {
    if (original === undefined) delete process.env.TZ;
    else process.env.TZ = original;
  }
}

describe('isoFromDate', () => {
  it('uses the local calendar date where it differs from the UTC date', () => {
    inTimeZone('Pacific/Auckland', () => {
      const justAfterMidnight = new Date(2026, 10, 27, 0, 30, 0);
      expect(justAfterMidnight.getUTCDate()).toBe(26);
      expect(isoFromDate(justAfterMidnight)).toBe('2026-11-27');
    });
    inTimeZone('America/Los_Angeles', () => {
      const lateEvening = new Date(2026, 11, 31, 23, 30, 0);
      expect(lateEvening.getUTCFullYear()).toBe(2027);
      expect(isoFromDate(lateEvening)).toBe('2026-12-31');
    });
    inTimeZone('Europe/London', () => {
      // 00:30 on a British Summer Time date is still the previous day in UTC.
      const summerNight = new Date(2026, 6, 1, 0, 30, 0);
      expect(summerNight.getUTCDate()).toBe(30);
      expect(isoFromDate(summerNight)).toBe('2026-07-01');
    });
  });

  it('uses the local calendar date, whatever the time of day', () => {
    expect(isoFromDate(new Date(2026, 10, 27, 0, 0, 0))).toBe('2026-11-27');
    expect(isoFromDate(new Date(2026, 10, 27, 23, 59, 59))).toBe('2026-11-27');
    expect(isoFromDate(new Date(2024, 1, 29, 12, 0, 0))).toBe('2024-02-29');
    expect(isoFromDate(new Date(2026, 0, 1, 0, 30, 0))).toBe('2026-01-01');
  });

  it('throws for an invalid Date', () => {
    expect(() => isoFromDate(new Date('not a date'))).toThrow(RangeError);
  });
});

describe('properties over random dates', () => {
  // Any date from 1900 to about 2150, picked as a day offset so every one is a real date.
  const anyDate = fc.integer({ min: 0, max: 91_000 }).map((n) => addDays('1900-01-01', n));

  it('round-trips through the UK format', () => {
    fc.assert(
      fc.property(anyDate, (iso) => {
        expect(parseUkDate(formatUkDate(iso))).toBe(iso);
      }),
    );
  });

  it('never lets age go down as time goes on, and gains at most one month per 28 days', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 1, max: 28 }), (dob, offset, step) => {
        const earlier = addDays(dob, offset);
        const later = addDays(earlier, step);
        const gained = ageInCompletedMonths(dob, later) - ageInCompletedMonths(dob, earlier);
        expect(gained).toBeGreaterThanOrEqual(0);
        expect(gained).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('undoes addDays with the opposite number of days', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: -5000, max: 5000 }), (iso, n) => {
        expect(addDays(addDays(iso, n), -n)).toBe(iso);
        expect(daysBetween(iso, addDays(iso, n))).toBe(n);
      }),
    );
  });
});

import { addDays, compareIsoDates, daysInMonth, toIsoDate } from '../../../../shared/domain/dates.js';
import type { CellValue } from './table.js';

// Dates as nursery exports write them, read as UK dates (day first):
//   27/11/2026, 7/3/2026, 27.11.2026, 27-11-2026   day, month, four-digit year
//   7/3/24                                         two-digit year: see below
//   2026-11-27, 2026-11-27T00:00:00, 2026-11-27 00:00:00   ISO
//   27 Nov 2026, 27-Nov-26, 27 November 2026        month names (English)
//   45000                                           an Excel serial day number (a date cell
//                                                   saved to CSV without its format)
//   XLSX date cells                                 arrive as JS Dates: the calendar date in UTC
// Two-digit years: everything this app imports (dates of birth of under-fives, start dates,
// screenings) is recent, so 'yy' means 20yy unless that date would be after today, and then 19yy.
// A 19yy date of birth is then refused by the usual "more than 8 years ago" rule, which is the
// right outcome for a typo.
// Years outside 1900-2099 are refused as typos.

export type DateRead = { ok: true; iso: string } | { ok: false; message: string };

const monthNames = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const MIN_YEAR = 1900;
const MAX_YEAR = 2099;
/** Serials for 1900-01-01 and 2099-12-31 (Excel's 1900 date system). */
const MIN_SERIAL = 1;
const MAX_SERIAL = 73050;

const exampleHint = 'use dd/mm/yyyy, for example 27/11/2026';

/** Reads one cell as a calendar date. Blank cells are the caller's business (null = blank). */
export function readImportDate(value: CellValue, today: string): DateRead | null {
  if (value === null) return null;
  if (value instanceof Date) return fromJsDate(value);
  if (typeof value === 'number') return fromSerial(value, String(value));
  if (typeof value === 'boolean') return { ok: false, message: `${value ? 'TRUE' : 'FALSE'} is not a date: ${exampleHint}` };
  const text = value.trim();
  if (text === '') return null;
  return fromText(text, today);
}

function fromJsDate(d: Date): DateRead {
  if (Number.isNaN(d.getTime())) return { ok: false, message: `The cell holds a date Excel cannot show: ${exampleHint}` };
  // exceljs builds dates at midnight UTC; a time part from a date-time cell is dropped.
  return checked(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.toISOString().slice(0, 10));
}

/**
 * Excel's serial day numbers (1900 date system): 1 is 1 January 1900, and Excel counts a 29
 * February 1900 that never was (serial 60), so later serials are one day ahead of a plain count.
 */
export function excelSerialToIso(serial: number): string | null {
  if (!Number.isFinite(serial)) return null;
  const day = Math.floor(serial);
  if (day < MIN_SERIAL || day > MAX_SERIAL || day === 60) return null;
  return addDays('1899-12-31', day < 60 ? day : day - 1);
}

function fromSerial(serial: number, shown: string): DateRead {
  const iso = excelSerialToIso(serial);
  if (iso) return { ok: true, iso };
  return { ok: false, message: `${shown} is not a date (nor an Excel date number): ${exampleHint}` };
}

function checked(year: number, month: number, day: number, shown: string, dayFirst = false): DateRead {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    return { ok: false, message: `"${shown}": the year ${year} cannot be right, check it (${exampleHint})` };
  }
  if (month < 1 || month > 12) {
    const hint = dayFirst && day >= 1 && day <= 12 ? ' Dates must be day first (dd/mm/yyyy), not month first' : '';
    return { ok: false, message: `"${shown}" is not a real date: there is no month ${month}.${hint}` };
  }
  if (day < 1 || day > daysInMonth(year, month)) {
    return {
      ok: false,
      message: `"${shown}" is not a real date: ${monthNames[month - 1]} ${year} has ${daysInMonth(year, month)} days`,
    };
  }
  return { ok: true, iso: toIsoDate({ year, month, day }) };
}

/** Two-digit years: 20yy unless that is after today, else 19yy (see the note at the top). */
export function expandTwoDigitYear(yy: number, month: number, day: number, today: string): number {
  const year = 2000 + yy;
  const valid = month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
  if (!valid) return year;
  const iso = toIsoDate({ year, month, day });
  return compareIsoDates(iso, today) > 0 ? 1900 + yy : year;
}

const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const DAY_FIRST = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{2}|\d{4})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/;
const NAMED_MONTH = /^(\d{1,2})(?:st|nd|rd|th)?[\s-]+([A-Za-z]{3,9})\.?,?[\s-]+(\d{2}|\d{4})$/;
const SERIAL = /^\d{1,6}(?:\.\d+)?$/;

function fromText(text: string, today: string): DateRead {
  const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  let m = ISO_DATE.exec(text);
  if (m) return checked(Number(m[1]), Number(m[2]), Number(m[3]), shown);
  m = DAY_FIRST.exec(text);
  if (m) {
    const day = Number(m[1]);
    const month = Number(m[3]);
    const y = m[4] ?? '';
    const year = y.length === 2 ? expandTwoDigitYear(Number(y), month, day, today) : Number(y);
    return checked(year, month, day, shown, true);
  }
  m = NAMED_MONTH.exec(text);
  if (m) {
    const name = (m[2] ?? '').toLowerCase();
    // "Nov", "November", "Sept", and any longer start of a month's name.
    const index = name === 'sept' ? 8 : monthNames.findIndex((full) => name.length >= 3 && full.toLowerCase().startsWith(name));
    if (index < 0) return { ok: false, message: `"${shown}" is not a date: "${m[2]}" is not a month (${exampleHint})` };
    const day = Number(m[1]);
    const y = m[3] ?? '';
    const year = y.length === 2 ? expandTwoDigitYear(Number(y), index + 1, day, today) : Number(y);
    return checked(year, index + 1, day, shown);
  }
  if (SERIAL.test(text)) return fromSerial(Number(text), `"${shown}"`);
  return { ok: false, message: `"${shown}" is not a date Chatterbox recognises: ${exampleHint}` };
}

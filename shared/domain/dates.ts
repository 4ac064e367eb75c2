// Calendar dates are ISO strings ('YYYY-MM-DD') throughout the app. All arithmetic here works on
// year/month/day integers so that a user's time zone or a daylight-saving change can never move a
// child's birthday or a review date by a day.

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

// Four-digit years only: it keeps the string format fixed-width (so ISO strings sort and compare
// as text) and rules out typos such as '20245-01-01'.
const MIN_YEAR = 1;
const MAX_YEAR = 9999;

const ISO_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
// The back-reference makes both separators the same, so '27/11-2026' is refused as a likely typo.
const UK_PATTERN = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isValidCalendarDate(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= MIN_YEAR &&
    year <= MAX_YEAR &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

function matchIso(s: string): CalendarDate | null {
  const match = ISO_PATTERN.exec(s);
  if (!match) return null;
  const date = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  return isValidCalendarDate(date.year, date.month, date.day) ? date : null;
}

export function isIsoDate(s: string): boolean {
  return matchIso(s) !== null;
}

export function parseIsoDate(s: string): CalendarDate {
  const date = matchIso(s);
  if (!date) throw new RangeError(`Not a valid date (expected YYYY-MM-DD): '${s}'`);
  return date;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

export function toIsoDate({ year, month, day }: CalendarDate): string {
  if (!isValidCalendarDate(year, month, day)) {
    throw new RangeError(`Not a valid date: ${year}-${month}-${day}`);
  }
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

export function compareIsoDates(a: string, b: string): number {
  const x = parseIsoDate(a);
  const y = parseIsoDate(b);
  return x.year - y.year || x.month - y.month || x.day - y.day;
}

// Day numbers use Howard Hinnant's days-from-civil algorithm (day 0 = 1970-01-01), which is exact
// for the proleptic Gregorian calendar and needs no Date object.
function dayNumber({ year, month, day }: CalendarDate): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const monthFromMarch = (month + 9) % 12;
  const dayOfYear = Math.floor((153 * monthFromMarch + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

function dateFromDayNumber(n: number): CalendarDate {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
}

function requireWholeNumber(n: number, what: string): void {
  if (!Number.isInteger(n)) throw new RangeError(`${what} must be a whole number, got ${n}`);
}

export function addDays(iso: string, n: number): string {
  requireWholeNumber(n, 'Number of days');
  return toIsoDate(dateFromDayNumber(dayNumber(parseIsoDate(iso)) + n));
}

export function addWeeks(iso: string, n: number): string {
  requireWholeNumber(n, 'Number of weeks');
  return addDays(iso, n * 7);
}

// A date that does not exist in the target month falls back to that month's last day, so
// 31 January + 1 month is 28 (or 29) February rather than spilling into March.
export function addMonths(iso: string, n: number): string {
  requireWholeNumber(n, 'Number of months');
  const { year, month, day } = parseIsoDate(iso);
  const monthIndex = year * 12 + (month - 1) + n;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = monthIndex - targetYear * 12 + 1;
  const targetDay = Math.min(day, daysInMonth(targetYear, targetMonth));
  return toIsoDate({ year: targetYear, month: targetMonth, day: targetDay });
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(parseIsoDate(to)) - dayNumber(parseIsoDate(from));
}

// A month is completed on the same day-of-month as the birth date, or on the last day of a month
// too short to have that day. This is the same clamping as addMonths, so "n months old" always
// means "on or after addMonths(dob, n)": born 31 Jan 2024 -> 1 month on 29 Feb 2024; born
// 29 Feb 2024 -> 12 months on 28 Feb 2025.
export function ageInCompletedMonths(dob: string, onDate: string): number {
  if (compareIsoDates(onDate, dob) < 0) {
    throw new RangeError(`The date ${onDate} is before the date of birth ${dob}`);
  }
  const birth = parseIsoDate(dob);
  const on = parseIsoDate(onDate);
  const calendarMonths = (on.year - birth.year) * 12 + (on.month - birth.month);
  const anniversaryNotYetReached = compareIsoDates(addMonths(dob, calendarMonths), onDate) > 0;
  return anniversaryNotYetReached ? calendarMonths - 1 : calendarMonths;
}

export function formatUkDate(iso: string): string {
  const { year, month, day } = parseIsoDate(iso);
  return `${pad(day, 2)}/${pad(month, 2)}/${pad(year, 4)}`;
}

// Accepts what people type in the UK: day first ('27/11/2026', '7/3/2026', also with '.' or '-'
// as separators) and ISO. Two-digit years are refused because '26' could be 1926 or 2026, which
// matters for dates of birth.
export function parseUkDate(s: string): string | null {
  const text = s.trim();
  const iso = matchIso(text);
  if (iso) return toIsoDate(iso);
  const match = UK_PATTERN.exec(text);
  if (!match) return null;
  const date = { day: Number(match[1]), month: Number(match[3]), year: Number(match[4]) };
  return isValidCalendarDate(date.year, date.month, date.day) ? toIsoDate(date) : null;
}

// Format: '8m' under a year (a '0y' prefix is noise for babies), otherwise always both parts,
// '2y 7m' and '3y 0m', so that ages line up in lists and reports.
export function formatAge(months: number): string {
  if (!Number.isInteger(months) || months < 0) {
    throw new RangeError(`An age must be a whole number of months, 0 or more, got ${months}`);
  }
  if (months < 12) return `${months}m`;
  return `${Math.floor(months / 12)}y ${months % 12}m`;
}

// Uses the local calendar date on purpose: "today" for a practitioner is the date on their wall
// calendar, not the date in Greenwich. Kept as a conversion so that shared code stays pure;
// callers pass `new Date()`.
export function isoFromDate(d: Date): string {
  if (Number.isNaN(d.getTime())) throw new RangeError('Invalid Date');
  return toIsoDate({ year: d.getFullYear(), month: d.getMonth() + 1, day: d.getDate() });
}

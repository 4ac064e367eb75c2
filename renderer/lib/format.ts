import { ageInCompletedMonths, formatAge, formatUkDate, parseUkDate } from '../../shared/domain/dates.js';

export { formatUkDate };

/** dd/mm/yyyy for a stored date, '' for none: what date inputs show. */
export function toUkInput(iso: string | null | undefined): string {
  return iso ? formatUkDate(iso) : '';
}

/**
 * What a typed date becomes before validation: a real date as ISO, an empty box as null, and
 * anything else left as typed so the shared schema reports it next to the field.
 */
export function fromUkInput(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  return parseUkDate(trimmed) ?? trimmed;
}

/** '2y 7m (31 months)': the short form people use, and the months the screening bands use. */
export function ageLabel(dateOfBirth: string, today: string): string {
  if (dateOfBirth > today) return 'not born yet';
  const months = ageInCompletedMonths(dateOfBirth, today);
  return `${formatAge(months)} (${months} months)`;
}

/** '2y 7m', for tables. */
export function shortAge(dateOfBirth: string, today: string): string {
  return dateOfBirth > today ? 'not born yet' : formatAge(ageInCompletedMonths(dateOfBirth, today));
}

/**
 * The day of a moment (ISO timestamp, in UTC) on the person's own clock, or a plain date as it
 * is: 27/11/2026. Slicing the timestamp instead would give the day before for anything done
 * between midnight and 1 am in British Summer Time.
 */
export function formatUkDay(at: string): string {
  return at.length === 10 ? formatUkDate(at) : formatUkDateTime(at).slice(0, 10);
}

/** A moment (ISO timestamp) as the person's own clock shows it: 27/11/2026 14:05. */
export function formatUkDateTime(at: string): string {
  const d = new Date(at);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(d.getDate())}/${pad(d.getMonth() + 1)}/${d.getFullYear()} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

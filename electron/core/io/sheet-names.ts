// Excel's rules for worksheet names, in one place for every workbook the app writes. A name that
// breaks any of them makes Excel (and exceljs) refuse the whole file, and round names are typed
// by users, so each name is made safe rather than trusted:
// - at most 31 characters (UTF-16 code units, as Excel counts them);
// - none of : \ / ? * [ ] (nor control characters or half a surrogate pair, which XML refuses);
// - no apostrophe at the start or end;
// - not "History", which Excel keeps for itself;
// - unique in the workbook, ignoring case, after cutting.

export const maxSheetNameLength = 31;

// eslint-disable-next-line no-control-regex -- control characters are exactly what must go
const forbidden = /[:\\/?*[\]\u0000-\u001f\u007f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const reserved = 'history';

/** The same key for names Excel treats as equal ("autumn" and "AUTUMN", "ſ" and "s"). */
function foldCase(name: string): string {
  return name.toUpperCase().toLowerCase();
}

/** Trims spaces and apostrophes from both ends, after cutting to `max` without halving a pair. */
function cut(name: string, max: number): string {
  let s = name.replace(/^['\s]+/, '');
  if (s.length > max) s = s.slice(0, /[\ud800-\udbff]/.test(s.charAt(max - 1)) ? max - 1 : max);
  return s.replace(/['\s]+$/, '');
}

/** One name on its own, without regard to others in the workbook. */
export function cleanSheetName(name: string): string {
  return cut(name.replace(forbidden, ' '), maxSheetNameLength) || 'Sheet';
}

/**
 * Safe, distinct names for the sheets of one workbook, in order. A name that clashes (or is
 * "History") gets " (2)", " (3)" ... with its text cut to leave room.
 */
export function sheetNames(names: readonly string[]): string[] {
  const taken = new Set([reserved]);
  return names.map((name) => {
    const base = cleanSheetName(name);
    let candidate = base;
    for (let n = 2; taken.has(foldCase(candidate)); n += 1) {
      const suffix = ` (${n})`;
      candidate = `${cut(base, maxSheetNameLength - suffix.length)}${suffix}`;
    }
    taken.add(foldCase(candidate));
    return candidate;
  });
}

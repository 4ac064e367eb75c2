import { ethnicities, ethnicityCodes, type EthnicityCode, type SendStage, type Sex } from '../../../../shared/schemas/children.js';
import { foldForSearch } from '../../../../shared/domain/search.js';
import type { Colour } from '../../../../shared/domain/screening.js';

// Reading coded cells (sex, ethnicity, yes/no, SEND stage, colour...) the many ways exports write
// them. Each reader returns the value, or a message for a cell it cannot read; blank handling is
// the caller's.

export type Read<T> = { ok: true; value: T } | { ok: false; message: string };

const ok = <T>(value: T): Read<T> => ({ ok: true, value });
const fail = <T>(message: string): Read<T> => ({ ok: false, message });

/** Lower case, accents gone, only letters and digits: "White – British" -> "whitebritish". */
export function foldCode(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

export function quoted(text: string): string {
  const t = text.trim();
  return `"${t.length > 40 ? `${t.slice(0, 40)}…` : t}"`;
}

const sexWords: Record<string, Sex> = {
  f: 'female',
  female: 'female',
  girl: 'female',
  g: 'female',
  woman: 'female',
  m: 'male',
  male: 'male',
  boy: 'male',
  b: 'male',
  man: 'male',
  notrecorded: 'not-recorded',
  notknown: 'not-recorded',
  unknown: 'not-recorded',
  u: 'not-recorded',
  x: 'not-recorded',
  prefernottosay: 'not-recorded',
  notstated: 'not-recorded',
  notspecified: 'not-recorded',
  other: 'not-recorded',
  nr: 'not-recorded',
};

export function readSex(text: string): Read<Sex> {
  const v = sexWords[foldCode(text)];
  return v ? ok(v) : fail(`${quoted(text)} is not a sex Chatterbox knows: use F, M, Female, Male, Girl, Boy or Not recorded`);
}

const ethnicityAliases: Record<string, EthnicityCode> = {
  whitebritish: 'WBRI',
  british: 'WBRI',
  whiteenglish: 'WBRI',
  whitescottish: 'WBRI',
  whitewelsh: 'WBRI',
  whiteirish: 'WIRI',
  irish: 'WIRI',
  travellerofirishheritage: 'WIRT',
  irishtraveller: 'WIRT',
  whiteirishtraveller: 'WIRT',
  gypsyroma: 'WROM',
  gypsy: 'WROM',
  roma: 'WROM',
  whitegypsyroma: 'WROM',
  whitegypsyorroma: 'WROM',
  gypsyorroma: 'WROM',
  refused: 'REFU',
  informationrefused: 'REFU',
  prefernottosay: 'REFU',
  declined: 'REFU',
  notknown: 'NOBT',
  unknown: 'NOBT',
  notobtained: 'NOBT',
  informationnotyetobtained: 'NOBT',
  notyetobtained: 'NOBT',
  notstated: 'NOBT',
  notrecorded: 'NOBT',
  arab: 'OOTH',
  otherethnicgroup: 'OOTH',
};

// Labels folded, longest first: "White and Black Caribbean" must be tried before "Black Caribbean"
// when a longer heading such as "Mixed – White and Black Caribbean" contains both.
const foldedLabels = (Object.entries(ethnicities) as [EthnicityCode, string][])
  .map(([code, label]) => ({ code, folded: foldCode(label) }))
  .sort((a, b) => b.folded.length - a.folded.length);

export function readEthnicity(text: string): Read<EthnicityCode> {
  const code = text.trim().toUpperCase();
  if ((ethnicityCodes as string[]).includes(code)) return ok(code as EthnicityCode);
  const folded = foldCode(text);
  const exact = foldedLabels.find((l) => l.folded === folded)?.code ?? ethnicityAliases[folded];
  if (exact) return ok(exact);
  // Census-style labels carry a group in front: "Asian or Asian British – Indian", "Mixed: White and Asian".
  const contained = foldedLabels.find((l) => l.folded.length >= 5 && folded.endsWith(l.folded));
  if (contained) return ok(contained.code);
  // "Black or Black British – Caribbean", "White: English, Welsh, Scottish, Northern Irish or British".
  if (folded.startsWith('black') && folded.endsWith('caribbean')) return ok('BCRB');
  if (folded.startsWith('black') && folded.endsWith('african')) return ok('BAFR');
  if (folded.startsWith('white') && folded.endsWith('british')) return ok('WBRI');
  return fail(`${quoted(text)} is not an ethnicity Chatterbox knows: use a DfE code such as WBRI, or its label such as White – British`);
}

const yes = new Set(['y', 'yes', 'true', '1', 't', 'x', 'ticked', 'eligible']);
const no = new Set(['n', 'no', 'false', '0', 'f', 'none', 'notapplicable', 'na', 'noteligible']);

export function readYesNo(text: string): Read<boolean> {
  const f = foldCode(text);
  if (yes.has(f)) return ok(true);
  if (no.has(f)) return ok(false);
  return fail(`${quoted(text)} is not yes or no: use Y or N`);
}

const sendWords: Record<string, SendStage> = {
  none: 'none',
  no: 'none',
  n: 'none',
  nosend: 'none',
  nosen: 'none',
  na: 'none',
  notapplicable: 'none',
  '0': 'none',
  false: 'none',
  sensupport: 'sen-support',
  sendsupport: 'sen-support',
  support: 'sen-support',
  k: 'sen-support',
  senk: 'sen-support',
  sens: 'sen-support',
  ehcp: 'ehcp',
  e: 'ehcp',
  ehc: 'ehcp',
  ehcplan: 'ehcp',
  educationhealthandcareplan: 'ehcp',
  statement: 'ehcp',
  s: 'ehcp',
  senehcp: 'ehcp',
};

export function readSendStage(text: string): Read<SendStage> {
  const v = sendWords[foldCode(text)];
  return v ? ok(v) : fail(`${quoted(text)} is not a SEND stage: use None, SEN support (K) or EHCP (E)`);
}

/** "English; Polish", "English, Urdu", "English/Punjabi": each named once, in the order given. */
export function readLanguages(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const part of text.split(/[;,/|\n]+/)) {
    const name = part.trim().replace(/\s+/g, ' ');
    const key = name.toLowerCase();
    if (name === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(name);
  }
  return out;
}

const colourWords: Record<string, Colour> = { r: 'red', red: 'red', a: 'amber', amber: 'amber', orange: 'amber', yellow: 'amber', g: 'green', green: 'green' };

export function readColour(text: string): Read<Colour> {
  const v = colourWords[foldCode(text)];
  return v ? ok(v) : fail(`${quoted(text)} is not a colour: use Red, Amber or Green (R, A or G)`);
}

/** "5", 5, "Section 5", "S5", "5.0". */
export function readWholeNumber(value: string | number, what: string, strip?: RegExp): Read<number> {
  if (typeof value === 'number') {
    return Number.isInteger(value) ? ok(value) : fail(`${value} is not a whole number: the ${what} must be a whole number`);
  }
  const text = strip ? value.trim().replace(strip, '') : value.trim();
  if (/^\d+(\.0+)?$/.test(text.trim())) return ok(Number(text.trim()));
  return fail(`${quoted(value)} is not a number: the ${what} must be a whole number`);
}

/**
 * A whole name in one cell: "Last, First" when there is a comma, otherwise the last word is the
 * last name ("Mary Jane Brown" -> Mary Jane / Brown). A single word cannot be split.
 */
export function splitFullName(text: string): Read<{ firstName: string; lastName: string }> {
  const t = text.trim().replace(/\s+/g, ' ');
  const comma = t.indexOf(',');
  if (comma >= 0) {
    const last = t.slice(0, comma).trim();
    const first = t.slice(comma + 1).trim();
    if (first && last) return ok({ firstName: first, lastName: last });
  } else {
    const space = t.lastIndexOf(' ');
    if (space > 0) return ok({ firstName: t.slice(0, space), lastName: t.slice(space + 1) });
  }
  return fail(`${quoted(text)} is not a full name: give the first and last name ("First Last" or "Last, First")`);
}

/** Names compared for duplicates and look-ups: case, accents and spacing ignored. */
export function nameKey(firstName: string, lastName: string, dateOfBirth: string): string {
  return `${foldName(firstName)}|${foldName(lastName)}|${dateOfBirth}`;
}

const ascii = /^[\x20-\x7e]*$/;

/**
 * foldForSearch (shared/domain/search.ts), with a fast path: for printable ASCII text it is just
 * lower case with spacing collapsed, and an import folds tens of thousands of names.
 */
export function foldName(name: string): string {
  return ascii.test(name) ? name.toLowerCase().replace(/ +/g, ' ').trim() : foldForSearch(name);
}

import type { ImportKind, ImportMapping } from '../../../../shared/schemas/imports.js';
import { importFieldsFor } from '../../../../shared/schemas/imports.js';

// Suggesting which column holds which field from the headings nursery systems use. Headings are
// compared folded: lower case, accents and everything but letters and digits removed, so
// "D.O.B", "d o b" and "DOB" are all "dob", and "Date of Birth (dd/mm/yyyy)" is "dateofbirth".

const synonyms: Record<ImportKind, Record<string, string[]>> = {
  children: {
    firstName: ['firstname', 'forename', 'forenames', 'givenname', 'givennames', 'first', 'legalforename', 'legalfirstname', 'christianname'],
    lastName: ['lastname', 'surname', 'familyname', 'last', 'legalsurname', 'legallastname'],
    fullName: ['name', 'fullname', 'childname', 'child', 'pupilname', 'pupil', 'childsname', 'childrensname'],
    dateOfBirth: ['dateofbirth', 'dob', 'birthdate', 'birthday', 'born', 'datebirth', 'bday'],
    sex: ['sex', 'gender', 'boygirl', 'mf'],
    ethnicity: ['ethnicity', 'ethnicgroup', 'ethnicitycode', 'ethnicorigin', 'ethnicbackground', 'ethnic'],
    homeLanguages: [
      'homelanguages',
      'homelanguage',
      'languages',
      'language',
      'firstlanguage',
      'languagesspoken',
      'languagesspokenathome',
      'languagesathome',
      'mainlanguage',
    ],
    eal: ['eal', 'englishasanadditionallanguage', 'additionallanguage', 'englishadditionallanguage'],
    sendStage: ['send', 'sendstage', 'sen', 'senstage', 'senstatus', 'sendstatus', 'senprovision', 'sendprovision', 'specialeducationalneeds'],
    funded2: [
      'funded2',
      'funded2yearold',
      'funded2yo',
      'funded2s',
      'twoyearfunding',
      '2yearfunding',
      '2yearoldfunding',
      'twoyearoldfunding',
      'fundedtwo',
      'twos',
      'ftwo',
      '2yof',
      'funded2yearolds',
      '2yrfunding',
      '2yrfunded',
      'funded2yr',
      'twoyrfunding',
      '2yearoldfunded',
    ],
    eypp: ['eypp', 'earlyyearspupilpremium', 'pupilpremium', 'eyppeligible'],
    room: ['room', 'roomname', 'group', 'class', 'base', 'classroom'],
    keyPerson: ['keyperson', 'keyworker', 'keypersonname', 'keyworkername', 'kp', 'keyadult'],
    startDate: [
      'startdate',
      'start',
      'datestarted',
      'started',
      'joined',
      'joiningdate',
      'datejoined',
      'joindate',
      'admissiondate',
      'dateofadmission',
      'admitted',
      'enrolmentdate',
      'enrollmentdate',
      'startingdate',
      'dateofentry',
      'entrydate',
    ],
    leaveDate: ['leavedate', 'leavingdate', 'dateleft', 'left', 'enddate', 'leftdate', 'leaving', 'leaverdate', 'dateofleaving', 'exitdate'],
    notes: ['notes', 'note', 'comments', 'comment', 'additionalinformation', 'info'],
  },
  screenings: {
    childId: ['childid', 'chatterboxid', 'id', 'recordid'],
    firstName: ['firstname', 'forename', 'forenames', 'givenname', 'first'],
    lastName: ['lastname', 'surname', 'familyname', 'last'],
    fullName: ['name', 'fullname', 'childname', 'child', 'pupilname', 'childsname'],
    dateOfBirth: ['dateofbirth', 'dob', 'birthdate', 'born'],
    screeningDate: ['screeningdate', 'date', 'dateofscreening', 'datescreened', 'screendate', 'assessmentdate', 'dateofassessment', 'screened', 'dateassessed'],
    section: ['section', 'sectionnumber', 'sectionno', 'wellcommsection', 'band', 'level', 'sectionscreened'],
    score: ['score', 'total', 'totalscore', 'itemspassed', 'points', 'mark', 'rawscore'],
    colour: ['colour', 'color', 'rag', 'ragrating', 'ragstatus', 'result', 'rating', 'outcome', 'colourband'],
    screener: ['screener', 'screenedby', 'practitioner', 'assessor', 'assessedby', 'completedby'],
    stoppedEarlyReason: ['stoppedearlybecause', 'stoppedearly', 'reasonstoppedearly', 'whystoppedearly', 'incompletereason', 'reasonincomplete'],
  },
};

/** The folded form headings are compared in. */
export function foldHeader(header: string): string {
  return header
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\([^)]*\)|\[[^\]]*\]/g, '') // "(dd/mm/yyyy)", "[optional]"
    .replace(/[^a-z0-9]+/g, '');
}

/** "Child's first name", "Child Surname", "Pupil DOB": the word saying whose it is adds nothing. */
const owners = ['childrens', 'childs', 'child', 'pupils', 'pupil'];
function withoutOwner(folded: string): string[] {
  return owners.filter((o) => folded.startsWith(o) && folded.length > o.length + 1).map((o) => folded.slice(o.length));
}

/** How well a heading fits a field: 3 exact, 2 exact after "child", 1 starts with a synonym; 0 none. */
function score(folded: string, words: string[]): number {
  if (folded === '') return 0;
  if (words.includes(folded)) return 3;
  const bare = withoutOwner(folded);
  if (bare.some((b) => words.includes(b))) return 2;
  if (words.some((w) => w.length >= 4 && (folded.startsWith(w) || bare.some((b) => b.startsWith(w))))) return 1;
  return 0;
}

/**
 * The best column for each field: strongest matches first, each column and each field used once.
 * Columns already taken (e.g. by a remembered mapping) are passed in `taken`.
 */
export function matchHeaders(kind: ImportKind, columns: readonly string[], exclude: { fields?: Set<string>; columns?: Set<string> } = {}): ImportMapping {
  const fieldSynonyms = synonyms[kind];
  const candidates: { field: string; column: string; score: number; order: number }[] = [];
  const fieldOrder = importFieldsFor(kind).map((f) => f.field);
  columns.forEach((column, order) => {
    if (exclude.columns?.has(column)) return;
    const folded = foldHeader(column);
    for (const field of fieldOrder) {
      if (exclude.fields?.has(field)) continue;
      const s = score(folded, fieldSynonyms[field] ?? []);
      if (s > 0) candidates.push({ field, column, score: s, order });
    }
  });
  candidates.sort((a, b) => b.score - a.score || a.order - b.order);
  const mapping: ImportMapping = {};
  const usedColumns = new Set<string>();
  for (const c of candidates) {
    if (mapping[c.field] !== undefined || usedColumns.has(c.column)) continue;
    mapping[c.field] = c.column;
    usedColumns.add(c.column);
  }
  // A single name column is only needed when first and last names are not both there.
  if (mapping.fullName && mapping.firstName && mapping.lastName) delete mapping.fullName;
  return mapping;
}

/**
 * The suggestion shown first: the mapping remembered for this source where its columns are in the
 * file, then heading matches for the fields still open.
 */
export function suggestMapping(
  kind: ImportKind,
  columns: readonly string[],
  remembered: ImportMapping | null,
): { mapping: ImportMapping; fromRemembered: boolean } {
  const mapping: ImportMapping = {};
  const known = new Set(importFieldsFor(kind).map((f) => f.field));
  const present = new Map(columns.map((c) => [c.toLowerCase(), c]));
  let fromRemembered = false;
  for (const [field, column] of Object.entries(remembered ?? {})) {
    const actual = present.get(column.toLowerCase());
    if (known.has(field) && actual) {
      mapping[field] = actual;
      fromRemembered = true;
    }
  }
  const matched = matchHeaders(kind, columns, { fields: new Set(Object.keys(mapping)), columns: new Set(Object.values(mapping)) });
  const merged = { ...mapping, ...matched };
  if (!mapping.fullName && merged.fullName && merged.firstName && merged.lastName) delete merged.fullName;
  return { mapping: merged, fromRemembered };
}

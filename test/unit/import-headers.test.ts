import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldForSearch } from '../../shared/domain/search.js';
import { foldHeader, matchHeaders, suggestMapping } from '../../electron/core/io/import/headers.js';
import { resolveMapping } from '../../electron/core/io/import/mapping.js';
import {
  foldName,
  readColour,
  readEthnicity,
  readLanguages,
  readSendStage,
  readSex,
  readWholeNumber,
  readYesNo,
  splitFullName,
} from '../../electron/core/io/import/values.js';

describe('header matching', () => {
  it('folds headings so punctuation, case, accents and hints in brackets do not matter', () => {
    expect(foldHeader('D.O.B')).toBe('dob');
    expect(foldHeader('Date of Birth (dd/mm/yyyy)')).toBe('dateofbirth');
    expect(foldHeader('  Prénom ')).toBe('prenom');
  });

  it.each([
    [['Surname', 'Forename', 'D.O.B'], { lastName: 'Surname', firstName: 'Forename', dateOfBirth: 'D.O.B' }],
    [['Last Name', 'First Name', 'Date of Birth'], { lastName: 'Last Name', firstName: 'First Name', dateOfBirth: 'Date of Birth' }],
    [
      ['Child’s First Name', 'Child Surname', 'DOB', 'Gender'],
      { firstName: 'Child’s First Name', lastName: 'Child Surname', dateOfBirth: 'DOB', sex: 'Gender' },
    ],
    [
      ['Name', 'Date of birth (dd/mm/yyyy)', 'Key Worker', 'Room Name'],
      { fullName: 'Name', dateOfBirth: 'Date of birth (dd/mm/yyyy)', keyPerson: 'Key Worker', room: 'Room Name' },
    ],
    [
      [
        'First name',
        'Last name',
        'Name',
        'Ethnic group',
        'First language',
        'EAL?',
        'SEN status',
        'EYPP',
        'Funded 2 year old',
        'Date started',
        'Date left',
        'Comments',
      ],
      {
        firstName: 'First name',
        lastName: 'Last name',
        ethnicity: 'Ethnic group',
        homeLanguages: 'First language',
        eal: 'EAL?',
        sendStage: 'SEN status',
        eypp: 'EYPP',
        funded2: 'Funded 2 year old',
        startDate: 'Date started',
        leaveDate: 'Date left',
        notes: 'Comments',
      },
    ],
    [['Favourite colour', 'Shoe size'], {}],
  ])('matches %j', (columns, expected) => {
    expect(matchHeaders('children', columns)).toEqual(expected);
  });

  it('matches screening sheets', () => {
    expect(matchHeaders('screenings', ['Child ID', 'Name', 'DOB', 'Date', 'Section', 'Score', 'RAG', 'Screened by'])).toEqual({
      childId: 'Child ID',
      fullName: 'Name',
      dateOfBirth: 'DOB',
      screeningDate: 'Date',
      section: 'Section',
      score: 'Score',
      colour: 'RAG',
      screener: 'Screened by',
    });
  });

  it('puts a remembered mapping first, matching the rest', () => {
    const { mapping, fromRemembered } = suggestMapping('children', ['Kid', 'Fam', 'DOB', 'Room'], { firstName: 'kid', lastName: 'Fam', notes: 'Gone column' });
    expect(fromRemembered).toBe(true);
    expect(mapping).toEqual({ firstName: 'Kid', lastName: 'Fam', dateOfBirth: 'DOB', room: 'Room' });
    expect(suggestMapping('children', ['A'], null)).toEqual({ mapping: {}, fromRemembered: false });
  });

  it('checks a mapping against the file', () => {
    const r = resolveMapping('children', ['First', 'Last', 'DOB'], { firstName: 'first', lastName: 'Last', dateOfBirth: 'DOB', notes: null, room: '' });
    expect(r.issues).toEqual([]);
    expect(r.mapping).toEqual({ firstName: 'First', lastName: 'Last', dateOfBirth: 'DOB' });
    expect([...r.index]).toEqual([
      ['firstName', 0],
      ['lastName', 1],
      ['dateOfBirth', 2],
    ]);
    expect(resolveMapping('children', ['Name', 'DOB'], { fullName: 'Name', dateOfBirth: 'DOB' }).issues).toEqual([]);
    expect(
      resolveMapping('screenings', ['ID', 'Date', 'Section', 'Score'], { childId: 'ID', screeningDate: 'Date', section: 'Section', score: 'Score' }).issues,
    ).toEqual([]);
    expect(resolveMapping('screenings', ['Date', 'Section'], { screeningDate: 'Date', section: 'Section' }).issues.map((i) => i.path[1])).toEqual([
      'fullName',
      'colour',
    ]);
  });
});

describe('reading coded cells', () => {
  const value = <T>(r: { ok: true; value: T } | { ok: false; message: string }) => (r.ok ? r.value : `ERROR ${r.message}`);

  it('reads sex', () => {
    expect(['F', 'female', 'Girl', 'M', 'Male', 'boy', 'Not recorded', 'unknown'].map((t) => value(readSex(t)))).toEqual([
      'female',
      'female',
      'female',
      'male',
      'male',
      'male',
      'not-recorded',
      'not-recorded',
    ]);
    expect(value(readSex('Q'))).toMatch(/^ERROR "Q" is not a sex/);
  });

  it('reads ethnicity as a DfE code, its label, or a census-style label', () => {
    const cases: [string, string][] = [
      ['WBRI', 'WBRI'],
      ['wbri', 'WBRI'],
      ['White – British', 'WBRI'],
      ['White - British', 'WBRI'],
      ['White British', 'WBRI'],
      ['White: English, Welsh, Scottish, Northern Irish or British', 'WBRI'],
      ['Asian or Asian British - Indian', 'AIND'],
      ['Mixed: White and Black Caribbean', 'MWBC'],
      ['Black or Black British - Caribbean', 'BCRB'],
      ['Black Caribbean', 'BCRB'],
      ['Black - African', 'BAFR'],
      ['Chinese', 'CHNE'],
      ['Gypsy/Roma', 'WROM'],
      ['Prefer not to say', 'REFU'],
      ['Not known', 'NOBT'],
    ];
    for (const [text, code] of cases) expect(value(readEthnicity(text)), text).toBe(code);
    expect(value(readEthnicity('Martian'))).toMatch(/^ERROR "Martian" is not an ethnicity/);
  });

  it('reads yes/no, SEND stages, colours and numbers', () => {
    expect(['Y', 'yes', 'TRUE', '1', 'N', 'no', 'false', '0'].map((t) => value(readYesNo(t)))).toEqual([true, true, true, true, false, false, false, false]);
    expect(value(readYesNo('maybe'))).toMatch(/^ERROR/);
    expect(['None', 'N', 'SEN support', 'K', 'EHCP', 'E', 'EHC plan'].map((t) => value(readSendStage(t)))).toEqual([
      'none',
      'none',
      'sen-support',
      'sen-support',
      'ehcp',
      'ehcp',
      'ehcp',
    ]);
    expect(['R', 'red', 'Amber', 'a', 'GREEN', 'g'].map((t) => value(readColour(t)))).toEqual(['red', 'red', 'amber', 'amber', 'green', 'green']);
    expect(value(readWholeNumber('Section 5', 'section', /^(section|sect|sec|s)\s*\.?\s*/i))).toBe(5);
    expect(value(readWholeNumber('S5', 'section', /^(section|sect|sec|s)\s*\.?\s*/i))).toBe(5);
    expect(value(readWholeNumber('7.0', 'score'))).toBe(7);
    expect(value(readWholeNumber(7.5, 'score'))).toMatch(/^ERROR 7.5 is not a whole number/);
    expect(value(readWholeNumber('seven', 'score'))).toMatch(/^ERROR "seven" is not a number/);
  });

  it('reads home languages and full names', () => {
    expect(readLanguages('Polish; English, polish / Urdu')).toEqual(['Polish', 'English', 'Urdu']);
    expect(readLanguages('')).toEqual([]);
    expect(value(splitFullName('Brackenbury, Bea'))).toEqual({ firstName: 'Bea', lastName: 'Brackenbury' });
    expect(value(splitFullName('Mary  Jane Brown'))).toEqual({ firstName: 'Mary Jane', lastName: 'Brown' });
    expect(value(splitFullName('Cher'))).toMatch(/^ERROR/);
  });
});

describe('foldName', () => {
  it('folds exactly as the children list’s search does', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: fc.constantFrom('a', 'Z', ' ', 'É', 'ë', 'ß', 'İ', '\t', 'Σ', '-') })), (s) => {
        expect(foldName(s)).toBe(foldForSearch(s));
      }),
      { numRuns: 500 },
    );
  });
});

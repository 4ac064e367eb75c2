import { describe, it, expect } from 'vitest';
import { addDays, addMonths, ageInCompletedMonths } from '../../shared/domain/dates.js';
import {
  activitySection,
  colourFromScore,
  defaultInstrumentSections,
  defaultReviewIntervals,
  lowestSectionTried,
  nextReviewDate,
  nextSectionToTry,
  overallColour,
  referralPrompt,
  resolveSectionColour,
  resolveSectionResults,
  reviewStatus,
  dueSoonUntil,
  sectionForAge,
  sectionsBehind,
  topSection,
  workingAtSection,
  type Colour,
  type InstrumentSection,
  type SectionColour,
  type SectionResult,
} from '../../shared/domain/screening.js';
import { validateCutOffs, validateSectionResults } from '../../shared/domain/screening-validation.js';

const cutOffMessages = (section: InstrumentSection) => validateCutOffs(section).map((p) => p.message);

// Deliberately fake numbers: 20 items a section (the real toolkit has 10 to 12) with cut-offs
// 15 and 5. They test the rules and say nothing about the licensed score guides.
const FAKE_ITEMS = 20;
const FAKE_GREEN = 15;
const FAKE_AMBER = 5;

function fakeSection(overrides: Partial<InstrumentSection> = {}): InstrumentSection {
  return {
    section: 4,
    minMonths: 24,
    maxMonths: 29,
    itemCount: FAKE_ITEMS,
    lowestGreen: FAKE_GREEN,
    lowestAmber: FAKE_AMBER,
    ...overrides,
  };
}

const fakeInstrument: InstrumentSection[] = defaultInstrumentSections.map((s) => ({
  ...s,
  itemCount: FAKE_ITEMS,
  lowestGreen: FAKE_GREEN,
  lowestAmber: FAKE_AMBER,
}));

const noCutOffs: InstrumentSection[] = defaultInstrumentSections.map((s) => ({ ...s }));

function result(section: number, score: number | null, colour: Colour | null = null): SectionResult {
  return { section, score, colour };
}

function tried(...pairs: [number, Colour | null][]): SectionColour[] {
  return pairs.map(([section, colour]) => ({ section, colour }));
}

describe('defaultInstrumentSections', () => {
  it('lists the nine age bands in completed months with 12 items and no cut-offs', () => {
    expect(defaultInstrumentSections).toEqual([
      { section: 1, minMonths: 6, maxMonths: 11, itemCount: 12, lowestGreen: null, lowestAmber: null },
      { section: 2, minMonths: 12, maxMonths: 17, itemCount: 12, lowestGreen: null, lowestAmber: null },
      { section: 3, minMonths: 18, maxMonths: 23, itemCount: 12, lowestGreen: null, lowestAmber: null },
      { section: 4, minMonths: 24, maxMonths: 29, itemCount: 12, lowestGreen: null, lowestAmber: null },
      { section: 5, minMonths: 30, maxMonths: 35, itemCount: 12, lowestGreen: null, lowestAmber: null },
      { section: 6, minMonths: 36, maxMonths: 41, itemCount: 12, lowestGreen: null, lowestAmber: null },
      { section: 7, minMonths: 42, maxMonths: 47, itemCount: 12, lowestGreen: null, lowestAmber: null },
      { section: 8, minMonths: 48, maxMonths: 59, itemCount: 12, lowestGreen: null, lowestAmber: null },
      { section: 9, minMonths: 60, maxMonths: 72, itemCount: 12, lowestGreen: null, lowestAmber: null },
    ]);
  });

  it('passes its own cut-off validation', () => {
    for (const section of defaultInstrumentSections) {
      expect(cutOffMessages(section)).toEqual([]);
    }
  });

  it('cannot be changed by accident', () => {
    expect(Object.isFrozen(defaultInstrumentSections)).toBe(true);
    expect(Object.isFrozen(defaultInstrumentSections[0])).toBe(true);
  });

  it('has section 9 at the top', () => {
    expect(topSection(defaultInstrumentSections)).toBe(9);
    expect(topSection([])).toBeNull();
  });
});

describe('sectionForAge', () => {
  it.each([
    [0, null],
    [5, null],
    [6, 1],
    [11, 1],
    [12, 2],
    [17, 2],
    [18, 3],
    [23, 3],
    [24, 4],
    [29, 4],
    [30, 5],
    [35, 5],
    [36, 6],
    [41, 6],
    [42, 7],
    [47, 7],
    [48, 8],
    [59, 8],
    [60, 9],
    [72, 9],
    [73, null],
    [120, null],
  ])('%i completed months -> section %s', (months, section) => {
    expect(sectionForAge(defaultInstrumentSections, months)).toBe(section);
  });

  // The day before each birthday that starts a band, and the birthday itself, for an ordinary
  // birth date and for awkward ones (month ends and a leap day).
  const boundaries: [months: number, dayBefore: number | null, onTheDay: number | null][] = [
    [6, null, 1],
    [12, 1, 2],
    [18, 2, 3],
    [24, 3, 4],
    [30, 4, 5],
    [36, 5, 6],
    [42, 6, 7],
    [48, 7, 8],
    [60, 8, 9],
    [73, 9, null],
  ];
  const births = ['2020-05-15', '2020-01-31', '2020-04-30', '2020-08-31', '2020-02-29', '2021-02-28'];

  for (const dob of births) {
    it.each(boundaries)(`born ${dob}: the day before turning %i months -> %s, on the day -> %s`, (months, dayBefore, onTheDay) => {
      const birthday = addMonths(dob, months);
      const before = ageInCompletedMonths(dob, addDays(birthday, -1));
      const on = ageInCompletedMonths(dob, birthday);
      expect(before).toBe(months - 1);
      expect(on).toBe(months);
      expect(sectionForAge(defaultInstrumentSections, before)).toBe(dayBefore);
      expect(sectionForAge(defaultInstrumentSections, on)).toBe(onTheDay);
    });
  }

  it('moves a child born 31 Aug 2020 into section 3 on 28 Feb 2022, the last day of February', () => {
    const sectionOn = (date: string) => sectionForAge(defaultInstrumentSections, ageInCompletedMonths('2020-08-31', date));
    expect(sectionOn('2022-02-27')).toBe(2);
    expect(sectionOn('2022-02-28')).toBe(3);
  });

  it('treats a child born 29 Feb 2020 as 72 months on 28 Feb 2026 and outside the sections a month later', () => {
    const sectionOn = (date: string) => sectionForAge(defaultInstrumentSections, ageInCompletedMonths('2020-02-29', date));
    expect(ageInCompletedMonths('2020-02-29', '2026-02-28')).toBe(72);
    expect(sectionOn('2026-02-27')).toBe(9);
    expect(sectionOn('2026-03-28')).toBe(9);
    expect(sectionOn('2026-03-29')).toBeNull();
  });

  it('uses the bands it is given, not built-in ones', () => {
    const custom = [fakeSection({ section: 1, minMonths: 0, maxMonths: 3 })];
    expect(sectionForAge(custom, 0)).toBe(1);
    expect(sectionForAge(custom, 4)).toBeNull();
  });
});

describe('colourFromScore', () => {
  it('is null when either cut-off is missing', () => {
    expect(colourFromScore(fakeSection({ lowestGreen: null, lowestAmber: null }), 10)).toBeNull();
    expect(colourFromScore(fakeSection({ lowestAmber: null }), 18)).toBeNull();
    expect(colourFromScore(fakeSection({ lowestGreen: null }), 0)).toBeNull();
  });

  it.each([
    [FAKE_ITEMS, 'green'],
    [FAKE_GREEN + 1, 'green'],
    [FAKE_GREEN, 'green'],
    [FAKE_GREEN - 1, 'amber'],
    [FAKE_AMBER + 1, 'amber'],
    [FAKE_AMBER, 'amber'],
    [FAKE_AMBER - 1, 'red'],
    [0, 'red'],
  ])('score %i -> %s', (score, colour) => {
    expect(colourFromScore(fakeSection(), score)).toBe(colour);
  });

  it('makes a score of 0 Amber when the Amber cut-off is 0', () => {
    expect(colourFromScore(fakeSection({ lowestAmber: 0 }), 0)).toBe('amber');
  });
});

describe('resolveSectionColour', () => {
  it('uses the computed colour and flags an entered colour that differs', () => {
    expect(resolveSectionColour(fakeSection(), result(4, FAKE_GREEN - 1, 'green'))).toEqual({
      colour: 'amber',
      computed: 'amber',
      disagrees: true,
    });
    expect(resolveSectionColour(fakeSection(), result(4, FAKE_AMBER, 'red'))).toEqual({
      colour: 'amber',
      computed: 'amber',
      disagrees: true,
    });
  });

  it('does not flag an entered colour that agrees', () => {
    expect(resolveSectionColour(fakeSection(), result(4, FAKE_GREEN, 'green'))).toEqual({
      colour: 'green',
      computed: 'green',
      disagrees: false,
    });
  });

  it('computes the colour when none was entered', () => {
    expect(resolveSectionColour(fakeSection(), result(4, 0))).toEqual({
      colour: 'red',
      computed: 'red',
      disagrees: false,
    });
  });

  it('falls back to the entered colour without cut-offs, a score or a known section', () => {
    const bare = fakeSection({ lowestGreen: null, lowestAmber: null });
    expect(resolveSectionColour(bare, result(4, 3, 'amber'))).toEqual({
      colour: 'amber',
      computed: null,
      disagrees: false,
    });
    expect(resolveSectionColour(fakeSection(), result(4, null, 'red'))).toEqual({
      colour: 'red',
      computed: null,
      disagrees: false,
    });
    expect(resolveSectionColour(undefined, result(4, 3, 'green'))).toEqual({
      colour: 'green',
      computed: null,
      disagrees: false,
    });
  });

  it('has no colour when there is nothing to go on', () => {
    const bare = fakeSection({ lowestGreen: null, lowestAmber: null });
    expect(resolveSectionColour(bare, result(4, 3))).toEqual({
      colour: null,
      computed: null,
      disagrees: false,
    });
  });
});

describe('resolveSectionResults', () => {
  it('resolves each section against its own cut-offs and keeps what was entered', () => {
    const sections = [fakeSection({ section: 5, lowestGreen: 18, lowestAmber: 9 }), fakeSection({ section: 4 })];
    const resolved = resolveSectionResults(sections, [result(5, 16, 'green'), result(4, 16)]);
    expect(resolved).toEqual([
      { section: 5, score: 16, colour: 'amber', enteredColour: 'green', computed: 'amber', disagrees: true },
      { section: 4, score: 16, colour: 'green', enteredColour: null, computed: 'green', disagrees: false },
    ]);
  });
});

describe('validateCutOffs', () => {
  it('accepts sensible cut-offs, including cut-offs at the extremes', () => {
    expect(cutOffMessages(fakeSection())).toEqual([]);
    expect(cutOffMessages(fakeSection({ lowestGreen: FAKE_ITEMS, lowestAmber: 0 }))).toEqual([]);
  });

  it('accepts no cut-offs at all (the practitioner then enters colours)', () => {
    expect(cutOffMessages(fakeSection({ lowestGreen: null, lowestAmber: null }))).toEqual([]);
  });

  it('wants both cut-offs or neither', () => {
    expect(cutOffMessages(fakeSection({ lowestAmber: null }))).toEqual(['Section 4: enter both the Green and the Amber cut-offs, or neither.']);
    expect(cutOffMessages(fakeSection({ lowestGreen: null }))).toEqual(['Section 4: enter both the Green and the Amber cut-offs, or neither.']);
  });

  it('refuses an Amber cut-off above or equal to the Green one', () => {
    expect(cutOffMessages(fakeSection({ lowestGreen: 6, lowestAmber: 7 }))).toEqual([
      'Section 4: the Amber cut-off (7) must be lower than the Green cut-off (6).',
    ]);
    expect(cutOffMessages(fakeSection({ lowestGreen: 6, lowestAmber: 6 }))).toHaveLength(1);
  });

  it('refuses a cut-off above the number of items', () => {
    expect(cutOffMessages(fakeSection({ lowestGreen: FAKE_ITEMS + 1 }))).toEqual([
      `Section 4: the Green cut-off (${FAKE_ITEMS + 1}) is more than the number of items (${FAKE_ITEMS}).`,
    ]);
    const both = cutOffMessages(fakeSection({ itemCount: 3, lowestGreen: 9, lowestAmber: 4 }));
    expect(both).toHaveLength(2);
    expect(both.join(' ')).toContain('Green cut-off (9)');
    expect(both.join(' ')).toContain('Amber cut-off (4)');
  });

  it('refuses negative and fractional cut-offs', () => {
    expect(cutOffMessages(fakeSection({ lowestAmber: -1 }))).toEqual(['Section 4: the Amber cut-off must be a whole number, 0 or more.']);
    expect(cutOffMessages(fakeSection({ lowestGreen: 7.5 }))).toEqual(['Section 4: the Green cut-off must be a whole number, 0 or more.']);
  });

  it('refuses a section with no items', () => {
    expect(cutOffMessages(fakeSection({ itemCount: 0, lowestGreen: null, lowestAmber: null }))).toEqual([
      'Section 4: the number of items must be a whole number of at least 1.',
    ]);
  });
});

describe('validateSectionResults', () => {
  it('accepts a screen that drops back until Green', () => {
    const results = [result(5, 0), result(4, FAKE_AMBER), result(3, FAKE_GREEN)];
    expect(validateSectionResults(fakeInstrument, 5, results)).toEqual([]);
  });

  it('accepts Green on the age section alone', () => {
    expect(validateSectionResults(fakeInstrument, 7, [result(7, FAKE_ITEMS)])).toEqual([]);
  });

  it('accepts a screen that reaches section 1 without a Green', () => {
    const results = [result(2, 0), result(1, 0)];
    expect(validateSectionResults(fakeInstrument, 2, results)).toEqual([]);
  });

  it('accepts a screen that is still in progress (Red with nothing below yet)', () => {
    expect(validateSectionResults(fakeInstrument, 6, [result(6, 0)])).toEqual([]);
  });

  it('accepts colours alone when there are no cut-offs', () => {
    const results = [result(4, null, 'amber'), result(3, 9, 'green')];
    expect(validateSectionResults(noCutOffs, 4, results)).toEqual([]);
  });

  it('refuses a skipped section', () => {
    const results = [result(5, 0), result(3, FAKE_GREEN)];
    expect(validateSectionResults(fakeInstrument, 5, results)).toEqual([
      {
        path: ['sections', 1, 'section'],
        message: 'After section 5 the next section must be section 4 (sections cannot be skipped), not section 3.',
      },
    ]);
  });

  it('refuses going up a section', () => {
    const issues = validateSectionResults(fakeInstrument, 5, [result(5, 0), result(6, FAKE_GREEN)]);
    expect(issues).toHaveLength(1);
    expect(issues[0]?.path).toEqual(['sections', 1, 'section']);
    expect(issues[0]?.message).toContain('section 4');
  });

  it('refuses a section tried twice, and says so rather than calling it a skip', () => {
    const results = [result(5, 0), result(4, FAKE_AMBER), result(4, FAKE_GREEN)];
    expect(validateSectionResults(fakeInstrument, 5, results)).toEqual([
      { path: ['sections', 2, 'section'], message: 'Section 4 has been entered more than once.' },
    ]);
    const immediate = validateSectionResults(fakeInstrument, 5, [result(5, 0), result(5, 0)]);
    expect(immediate).toEqual([{ path: ['sections', 1, 'section'], message: 'Section 5 has been entered more than once.' }]);
  });

  it('refuses dropping back after Green', () => {
    const results = [result(5, FAKE_GREEN), result(4, FAKE_GREEN)];
    expect(validateSectionResults(fakeInstrument, 5, results)).toEqual([
      {
        path: ['sections', 1, 'section'],
        message: 'Section 4 should not have been screened: section 5 was already Green.',
      },
    ]);
  });

  it('judges "already Green" by the computed colour, not a contradicting entered one', () => {
    const results = [result(5, FAKE_GREEN, 'amber'), result(4, FAKE_GREEN)];
    const issues = validateSectionResults(fakeInstrument, 5, results);
    expect(issues.map((i) => i.message)).toEqual(['Section 4 should not have been screened: section 5 was already Green.']);
  });

  it('refuses dropping back after a Green entered by colour', () => {
    const results = [result(5, null, 'green'), result(4, null, 'amber')];
    expect(validateSectionResults(noCutOffs, 5, results)).toHaveLength(1);
  });

  it('requires the first section to be the age section', () => {
    expect(validateSectionResults(fakeInstrument, 5, [result(4, FAKE_GREEN)])).toEqual([
      {
        path: ['sections', 0, 'section'],
        message: "Screening must start at section 5, the section for the child's age, not section 4.",
      },
    ]);
  });

  it('refuses a section that is not in the instrument', () => {
    const issues = validateSectionResults(fakeInstrument, 1, [result(1, 0), result(0, 0)]);
    expect(issues).toEqual([{ path: ['sections', 1, 'section'], message: 'Section 0 is not one of the screening sections.' }]);
    const tooHigh = validateSectionResults(fakeInstrument, 9, [result(9, 0), result(10, 0)]);
    expect(tooHigh.map((i) => i.message)).toContain('Section 10 is not one of the screening sections.');
  });

  it('refuses a score above the number of items but accepts one equal to it', () => {
    expect(validateSectionResults(fakeInstrument, 4, [result(4, FAKE_ITEMS)])).toEqual([]);
    expect(validateSectionResults(fakeInstrument, 4, [result(4, FAKE_ITEMS + 1)])).toEqual([
      {
        path: ['sections', 0, 'score'],
        message: `Section 4: the score (${FAKE_ITEMS + 1}) is more than the number of items (${FAKE_ITEMS}).`,
      },
    ]);
  });

  it('checks the item count of the section concerned', () => {
    const mixed = fakeInstrument.map((s) => (s.section === 3 ? { ...s, itemCount: 8, lowestGreen: 6, lowestAmber: 2 } : s));
    const results = [result(4, 0), result(3, 9)];
    const issues = validateSectionResults(mixed, 4, results);
    expect(issues.map((i) => i.path)).toContainEqual(['sections', 1, 'score']);
    expect(issues.map((i) => i.message)).toContain('Section 3: the score (9) is more than the number of items (8).');
  });

  it('refuses a negative score and accepts a score of 0', () => {
    expect(validateSectionResults(fakeInstrument, 4, [result(4, 0)])).toEqual([]);
    expect(validateSectionResults(fakeInstrument, 4, [result(4, -1, 'red')])).toEqual([
      { path: ['sections', 0, 'score'], message: 'Section 4: the score cannot be negative.' },
    ]);
  });

  it('refuses a fractional score', () => {
    expect(validateSectionResults(fakeInstrument, 4, [result(4, 7.5, 'amber')])).toEqual([
      { path: ['sections', 0, 'score'], message: 'Section 4: the score must be a whole number.' },
    ]);
  });

  it('needs a score or a colour for each section', () => {
    expect(validateSectionResults(fakeInstrument, 4, [result(4, 0), result(3, null)])).toEqual([
      { path: ['sections', 1, 'colour'], message: 'Section 3 needs a score or a colour.' },
    ]);
  });

  it('needs a colour when the score cannot be coloured yet', () => {
    expect(validateSectionResults(noCutOffs, 4, [result(4, 7)])).toEqual([
      {
        path: ['sections', 0, 'colour'],
        message: 'Section 4 needs a colour: no cut-offs are set for this section yet, so the colour cannot be worked out from the score.',
      },
    ]);
  });

  it('reports every problem, each at its own path', () => {
    const results = [result(6, 0), result(4, -2), result(4, null)];
    const issues = validateSectionResults(fakeInstrument, 5, results);
    expect(issues.map((i) => i.path)).toEqual([
      ['sections', 0, 'section'],
      ['sections', 1, 'section'],
      ['sections', 1, 'score'],
      ['sections', 2, 'section'],
      ['sections', 2, 'colour'],
    ]);
  });

  it('refuses an empty screen and a child outside the age range', () => {
    expect(validateSectionResults(fakeInstrument, 4, [])).toEqual([{ path: ['sections'], message: 'Enter the result for section 4 at least.' }]);
    const outside = validateSectionResults(fakeInstrument, null, [result(9, 0)]);
    expect(outside).toHaveLength(1);
    expect(outside[0]?.path).toEqual(['sections']);
  });
});

describe('nextSectionToTry', () => {
  it('starts at the age section', () => {
    expect(nextSectionToTry(6, [])).toBe(6);
  });

  it('drops back one section after Red or Amber', () => {
    expect(nextSectionToTry(6, tried([6, 'red']))).toBe(5);
    expect(nextSectionToTry(6, tried([6, 'amber']))).toBe(5);
    expect(nextSectionToTry(6, tried([6, 'red'], [5, 'amber']))).toBe(4);
  });

  it('stops at Green', () => {
    expect(nextSectionToTry(6, tried([6, 'green']))).toBeNull();
    expect(nextSectionToTry(6, tried([6, 'red'], [5, 'green']))).toBeNull();
  });

  it('stops at section 1 whatever the colour', () => {
    expect(nextSectionToTry(2, tried([2, 'red'], [1, 'red']))).toBeNull();
    expect(nextSectionToTry(1, tried([1, 'amber']))).toBeNull();
  });

  it('asks to finish a section that has no colour yet', () => {
    expect(nextSectionToTry(6, tried([6, 'red'], [5, null]))).toBe(5);
  });

  it('has nothing to try for a child outside the age range', () => {
    expect(nextSectionToTry(null, [])).toBeNull();
  });
});

describe('workingAtSection', () => {
  it('is the highest Green section', () => {
    expect(workingAtSection(tried([5, 'red'], [4, 'amber'], [3, 'green']))).toBe(3);
    expect(workingAtSection(tried([5, 'green']))).toBe(5);
    expect(workingAtSection(tried([3, 'green'], [5, 'green'], [4, 'red']))).toBe(5);
  });

  it('is null when nothing is Green', () => {
    expect(workingAtSection(tried([2, 'red'], [1, 'amber']))).toBeNull();
    expect(workingAtSection([])).toBeNull();
    expect(workingAtSection(tried([4, null]))).toBeNull();
  });
});

describe('activitySection', () => {
  it('is the section above the working-at level', () => {
    expect(activitySection(3, 5, 9)).toBe(4);
    expect(activitySection(1, 2, 9)).toBe(2);
  });

  it('is capped at the top section', () => {
    expect(activitySection(9, 9, 9)).toBe(9);
    expect(activitySection(8, 8, 9)).toBe(9);
  });

  it('falls back to the lowest section tried when nothing is Green', () => {
    expect(activitySection(null, 1, 9)).toBe(1);
    expect(activitySection(null, 3, 9)).toBe(3);
    expect(activitySection(null, null, 9)).toBeNull();
  });

  it('works with lowestSectionTried', () => {
    expect(lowestSectionTried(tried([4, 'red'], [3, 'red']))).toBe(3);
    expect(lowestSectionTried([])).toBeNull();
  });
});

describe('sectionsBehind', () => {
  it('counts sections between the age section and the working-at level', () => {
    expect(sectionsBehind(5, 3)).toBe(2);
    expect(sectionsBehind(5, 4)).toBe(1);
    expect(sectionsBehind(5, 5)).toBe(0);
  });

  it('is unknown when nothing was Green', () => {
    expect(sectionsBehind(5, null)).toBeNull();
  });
});

describe('referralPrompt', () => {
  it('does not prompt when nothing applies', () => {
    expect(referralPrompt({ ageSection: 5, resolved: tried([5, 'green']), concernRaised: false })).toEqual({ prompted: false, reasons: [] });
    expect(referralPrompt({ ageSection: 5, resolved: tried([5, 'amber'], [4, 'green']), concernRaised: false })).toEqual({ prompted: false, reasons: [] });
  });

  it('prompts for Red on the age section alone', () => {
    expect(referralPrompt({ ageSection: 5, resolved: tried([5, 'red'], [4, 'green']), concernRaised: false })).toEqual({
      prompted: true,
      reasons: ["Red on section 5, the section for the child's age."],
    });
  });

  it('counts Red below an Amber age section as a second section not Green', () => {
    expect(
      referralPrompt({
        ageSection: 5,
        resolved: tried([5, 'amber'], [4, 'red'], [3, 'green']),
        concernRaised: false,
      }),
    ).toEqual({ prompted: true, reasons: ['Amber or Red on 2 sections (sections 5 and 4).'] });
  });

  it('counts Red on the age section towards two sections not Green, besides its own reason', () => {
    expect(referralPrompt({ ageSection: 5, resolved: tried([5, 'red'], [4, 'amber'], [3, 'green']), concernRaised: false })).toEqual({
      prompted: true,
      reasons: ["Red on section 5, the section for the child's age.", 'Amber or Red on 2 sections (sections 5 and 4).'],
    });
  });

  it('does not prompt for a single Red below the age section', () => {
    expect(referralPrompt({ ageSection: 5, resolved: tried([4, 'red'], [3, 'green']), concernRaised: false })).toEqual({ prompted: false, reasons: [] });
  });

  it('prompts for Amber on two sections alone', () => {
    expect(
      referralPrompt({
        ageSection: 5,
        resolved: tried([5, 'amber'], [4, 'amber'], [3, 'green']),
        concernRaised: false,
      }),
    ).toEqual({ prompted: true, reasons: ['Amber or Red on 2 sections (sections 5 and 4).'] });
  });

  it('counts Amber on three sections', () => {
    const prompt = referralPrompt({
      ageSection: 6,
      resolved: tried([6, 'amber'], [5, 'amber'], [4, 'amber']),
      concernRaised: false,
    });
    expect(prompt.reasons).toEqual(['Amber or Red on 3 sections (sections 6, 5 and 4).']);
  });

  it('prompts for a concern raised alone', () => {
    expect(referralPrompt({ ageSection: 5, resolved: tried([5, 'green']), concernRaised: true })).toEqual({
      prompted: true,
      reasons: ['A specific concern has been raised by the practitioner or parent.'],
    });
  });

  it('gives every reason that applies', () => {
    const prompt = referralPrompt({
      ageSection: 5,
      resolved: tried([5, 'red'], [4, 'amber'], [3, 'amber']),
      concernRaised: true,
    });
    expect(prompt.prompted).toBe(true);
    expect(prompt.reasons).toHaveLength(3);
  });

  it('still honours a concern for a child outside the age range', () => {
    expect(referralPrompt({ ageSection: null, resolved: [], concernRaised: true }).prompted).toBe(true);
    expect(referralPrompt({ ageSection: null, resolved: [], concernRaised: false }).prompted).toBe(false);
  });
});

describe('overallColour', () => {
  it('is the worst colour tried', () => {
    expect(overallColour(tried([5, 'red'], [4, 'green']))).toBe('red');
    expect(overallColour(tried([5, 'amber'], [4, 'green']))).toBe('amber');
    expect(overallColour(tried([5, 'green']))).toBe('green');
    expect(overallColour(tried([5, 'amber'], [4, 'red'], [3, 'green']))).toBe('red');
  });

  it('is null when no colour is known', () => {
    expect(overallColour([])).toBeNull();
    expect(overallColour(tried([5, null]))).toBeNull();
  });
});

describe('nextReviewDate', () => {
  it('uses the default intervals: 12 weeks for Amber and Red, 4 months for Green, 2 weeks after stopping early', () => {
    expect(defaultReviewIntervals).toEqual({ amberWeeks: 12, redWeeks: 12, greenMonths: 4, stoppedEarlyWeeks: 2 });
    expect(nextReviewDate('2026-01-05', 'amber', defaultReviewIntervals)).toBe('2026-03-30');
    expect(nextReviewDate('2026-01-05', 'red', defaultReviewIntervals)).toBe('2026-03-30');
    expect(nextReviewDate('2026-01-05', 'green', defaultReviewIntervals)).toBe('2026-05-05');
  });

  it('clamps a Green review to the end of a short month', () => {
    expect(nextReviewDate('2026-10-31', 'green', defaultReviewIntervals)).toBe('2027-02-28');
  });

  it('uses each colour’s own interval', () => {
    const intervals = { amberWeeks: 3, redWeeks: 1, greenMonths: 6, stoppedEarlyWeeks: 4 };
    expect(nextReviewDate('2026-01-05', 'red', intervals)).toBe('2026-01-12');
    expect(nextReviewDate('2026-01-05', 'amber', intervals)).toBe('2026-01-26');
    expect(nextReviewDate('2026-01-05', 'green', intervals)).toBe('2026-07-05');
  });
});

describe('reviewStatus', () => {
  it.each([
    ['2026-03-01', '2026-03-02', 'overdue'],
    ['2026-02-28', '2026-03-01', 'overdue'],
    ['2026-03-01', '2026-03-01', 'due-soon'],
    ['2026-03-02', '2026-03-01', 'due-soon'],
    ['2026-03-29', '2026-03-01', 'due-soon'],
    ['2026-03-30', '2026-03-01', 'not-due'],
    ['2024-03-01', '2024-02-02', 'due-soon'],
    ['2024-03-01', '2024-02-01', 'not-due'],
    ['2027-01-01', '2026-12-31', 'due-soon'],
  ])('review %s, today %s -> %s', (reviewDate, today, status) => {
    expect(reviewStatus(reviewDate, today)).toBe(status);
  });

  it('ends "due soon" where the status does: the last date 4 weeks ahead', () => {
    expect(dueSoonUntil('2026-03-01')).toBe('2026-03-29');
    expect(reviewStatus(dueSoonUntil('2026-03-01'), '2026-03-01')).toBe('due-soon');
    expect(dueSoonUntil('2026-12-20')).toBe('2027-01-17');
  });

  it('takes a different warning period', () => {
    expect(reviewStatus('2026-03-08', '2026-03-01', 7)).toBe('due-soon');
    expect(reviewStatus('2026-03-09', '2026-03-01', 7)).toBe('not-due');
  });
});

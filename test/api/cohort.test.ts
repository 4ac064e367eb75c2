import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core/core.js';
import type { MethodInput } from '../../shared/contract/index.js';
import type { Colour } from '../../shared/domain/screening.js';
import { cohortGroupings } from '../../shared/schemas/cohort.js';
import { rag, refused, sections, world, type World } from '../support/cohort.js';
import { tempDir, testCore } from '../support/core.js';

// API tests for cohort tracking, on the hand-built world of test/support/cohort.ts whose every
// number was worked out by hand and is written out there.

/**
 * Eight children (born 2023-09-15) each screened twice on 2026-10-01 (36 months, section 6),
 * Red then Green, and twice on 2026-08-01 (34 months, section 5), Red then Green. Only
 * autumn 2026 is a round.
 */
function sameDayWorld(core: Core) {
  const instrument = core.invoke('instruments.list', {}).find((i) => i.isDefault);
  if (!instrument) throw new Error('no default instrument');
  const setting = core.invoke('settings.create', { name: 'Ties', urn: 'EY654321', type: 'nursery' });
  const round = core.invoke('rounds.create', { name: 'Autumn 2026', startDate: '2026-09-01', endDate: '2026-12-18' });
  for (let i = 0; i < 8; i += 1) {
    const autumnChild = core.invoke('children.create', {
      settingId: setting.id,
      firstName: `Tia${i}`,
      lastName: 'Tie',
      dateOfBirth: '2023-09-15',
      sex: 'female',
    });
    const summerChild = core.invoke('children.create', {
      settingId: setting.id,
      firstName: `Tod${i}`,
      lastName: 'Tie',
      dateOfBirth: '2023-09-15',
      sex: 'male',
    });
    const screen = (childId: string, screeningDate: string, top: number, ...colours: Colour[]) =>
      core.invoke('screenings.create', { childId, instrumentId: instrument.id, screeningDate, sections: sections(top, ...colours) });
    screen(autumnChild.id, '2026-10-01', 6, 'red', 'green');
    screen(autumnChild.id, '2026-10-01', 6, 'green');
    screen(summerChild.id, '2026-08-01', 5, 'red', 'green');
    screen(summerChild.id, '2026-08-01', 5, 'green');
  }
  return { core, round };
}

/** The children behind a number, by name. */
function drill(w: World, input: MethodInput<'cohort.children'>): string[] {
  const out = w.core.invoke('cohort.children', input);
  expect(out.total).toBe(out.rows.length);
  return out.rows.map((r) => `${r.firstName} ${r.lastName}`);
}

const breakdown = (w: World, input: MethodInput<'cohort.breakdown'>) => w.core.invoke('cohort.breakdown', input);
const totals = (w: World, roundId: string, scope: MethodInput<'cohort.breakdown'>['scope'] = {}) => breakdown(w, { roundId, scope }).total;

// ---------------------------------------------------------------------------------------------

describe('an empty round and an empty database', () => {
  it('a database with no screenings: every number is zero and every breakdown has no rows', () => {
    const core = testCore();
    const setting = core.invoke('settings.create', { name: 'Only', urn: 'EY123456', type: 'childminder', localAuthority: 'Westshire' });
    core.invoke('children.create', { settingId: setting.id, firstName: 'Nia', lastName: 'New', dateOfBirth: '2024-01-01', sex: 'female' });
    core.invoke('children.create', {
      settingId: setting.id,
      firstName: 'Oli',
      lastName: 'Old',
      dateOfBirth: '2023-01-01',
      sex: 'male',
      startDate: '2027-01-01',
    });
    const round = core.invoke('rounds.create', { name: 'Autumn 2026', startDate: '2026-09-01', endDate: '2026-12-18' });
    const other = core.invoke('rounds.create', { name: 'Spring 2026', startDate: '2026-01-05', endDate: '2026-04-10' });
    for (const scope of [{}, { settingId: setting.id }, { localAuthority: 'Westshire' }, { localAuthority: 'Nowhere' }]) {
      for (const groupBy of cohortGroupings) {
        expect(core.invoke('cohort.breakdown', { scope, roundId: round.id, groupBy, suppressBelow: 5 })).toEqual({ rows: [], total: rag(0, 0, 0) });
      }
      expect(core.invoke('cohort.workingAt', { scope, roundId: round.id })).toEqual([]);
      expect(core.invoke('cohort.trend', { scope })).toEqual([
        { roundId: other.id, name: 'Spring 2026', startDate: '2026-01-05', ...rag(0, 0, 0) },
        { roundId: round.id, name: 'Autumn 2026', startDate: '2026-09-01', ...rag(0, 0, 0) },
      ]);
      expect(core.invoke('cohort.transitions', { scope, fromRoundId: other.id, toRoundId: round.id })).toEqual({
        matrix: { red: { red: 0, amber: 0, green: 0 }, amber: { red: 0, amber: 0, green: 0 }, green: { red: 0, amber: 0, green: 0 } },
        improved: 0,
        same: 0,
        worse: 0,
        total: 0,
      });
      expect(core.invoke('cohort.children', { scope, roundId: round.id })).toEqual({ total: 0, rows: [] });
      expect(core.invoke('cohort.children', { scope, overdue: true })).toEqual({ total: 0, rows: [] });
    }
    // Oli starts after the round ends: not on roll in it.
    expect(core.invoke('cohort.overview', { roundId: round.id })).toEqual({
      childrenOnRoll: 1,
      childrenOnRollToday: 1,
      overdue: 0,
      notScreened: 1,
      screened: 0,
      incomplete: 0,
    });
    expect(core.invoke('cohort.overview', { roundId: round.id, scope: { localAuthority: 'Nowhere' } })).toEqual({
      childrenOnRoll: 0,
      childrenOnRollToday: 0,
      overdue: 0,
      notScreened: 0,
      screened: 0,
      incomplete: 0,
    });
    expect(core.invoke('cohort.children', { roundId: round.id, notScreened: true }).rows.map((r) => r.firstName)).toEqual(['Nia']);
    // The table counts by the same rule as the overview: Oli, starting in 2027, is on neither roll.
    expect(core.invoke('cohort.settings', { roundId: round.id })).toEqual({
      rows: [
        {
          settingId: setting.id,
          settingName: 'Only',
          localAuthority: 'Westshire',
          settingType: 'childminder',
          childrenOnRoll: 1,
          childrenOnRollToday: 1,
          overdue: 0,
          incomplete: 0,
          ...rag(0, 0, 0),
        },
      ],
      total: { ...rag(0, 0, 0), childrenOnRoll: 1, childrenOnRollToday: 1, overdue: 0, incomplete: 0 },
    });
  });

  it('a future round in a busy database: zero counts and no rows, but children on roll are not screened', () => {
    const w = world();
    const { next } = w.rounds;
    for (const groupBy of cohortGroupings) expect(breakdown(w, { roundId: next.id, groupBy })).toEqual({ rows: [], total: rag(0, 0, 0) });
    expect(w.core.invoke('cohort.workingAt', { roundId: next.id })).toEqual([]);
    // Eve left before it; Finn has started by then. Mo (Bramble) is overdue; Jay, Kit and Mo are on roll.
    expect(w.core.invoke('cohort.overview', { roundId: next.id, scope: { settingId: w.settings.acorn.id } })).toEqual({
      childrenOnRoll: 8,
      childrenOnRollToday: 8,
      overdue: 2,
      notScreened: 8,
      screened: 0,
      incomplete: 0,
    });
    expect(w.core.invoke('cohort.overview', { roundId: next.id })).toEqual({
      childrenOnRoll: 11,
      childrenOnRollToday: 11,
      overdue: 3,
      notScreened: 11,
      screened: 0,
      incomplete: 0,
    });
    expect(w.core.invoke('cohort.transitions', { fromRoundId: w.rounds.autumn.id, toRoundId: next.id }).total).toBe(0);
    const settings = w.core.invoke('cohort.settings', { roundId: next.id });
    expect(settings.total).toEqual({ ...rag(0, 0, 0), childrenOnRoll: 11, childrenOnRollToday: 11, overdue: 3, incomplete: 0 });
  });
});

describe('cohort.breakdown', () => {
  it('by age section: the latest screening of each child in the round, open settings only', () => {
    const w = world();
    // Autumn, every open setting: Ava green s7, Ben green s5, Cara amber s3 (her 2026-11-02 screening),
    // Gus red s1, Jay green s6, Kit red s6. Lou (archived Dormant Den) is left out; Ian's August
    // screening is in no round.
    expect(breakdown(w, { roundId: w.rounds.autumn.id })).toEqual({
      rows: [
        { key: '1', label: 'Section 1', suppressed: false, ...rag(1, 0, 0) },
        { key: '3', label: 'Section 3', suppressed: false, ...rag(0, 1, 0) },
        { key: '5', label: 'Section 5', suppressed: false, ...rag(0, 0, 1) },
        { key: '6', label: 'Section 6', suppressed: false, ...rag(1, 0, 1) },
        { key: '7', label: 'Section 7', suppressed: false, ...rag(0, 0, 1) },
      ],
      total: rag(2, 1, 3),
    });
    // Spring: Ava red s5, Ben amber s4, Cara amber s2, Eve amber s7 (a leaver now, screened then),
    // Jay red s5, Mo red s7, Kit green s5.
    expect(breakdown(w, { roundId: w.rounds.spring.id })).toEqual({
      rows: [
        { key: '2', label: 'Section 2', suppressed: false, ...rag(0, 1, 0) },
        { key: '4', label: 'Section 4', suppressed: false, ...rag(0, 1, 0) },
        { key: '5', label: 'Section 5', suppressed: false, ...rag(2, 0, 1) },
        { key: '7', label: 'Section 7', suppressed: false, ...rag(1, 1, 0) },
      ],
      total: rag(3, 3, 1),
    });
    expect(totals(w, w.rounds.summer.id)).toEqual(rag(0, 1, 0));
  });

  it('two screenings in one round: the later date counts, whatever order they were entered in', () => {
    const w = world();
    expect(drill(w, { roundId: w.rounds.autumn.id, colour: 'amber' })).toEqual(['Cara Clark']);
    const [row] = w.core.invoke('cohort.children', { roundId: w.rounds.autumn.id, groupBy: 'ageSection', groupKey: '3' }).rows;
    expect(row).toEqual({
      childId: w.children.cara.id,
      firstName: 'Cara',
      lastName: 'Clark',
      settingId: w.settings.acorn.id,
      settingName: 'Acorn Lane',
      screeningDate: '2026-11-02',
      ageSection: 3,
      colour: 'amber',
      workingAtSection: 2,
      reviewDate: '2027-01-25',
    });
  });

  it('same-day screenings of a child in a round: the one entered last counts', () => {
    // Eight children each screened twice on one day, Red then Green: every one must count as
    // Green. (Were the tie broken at random, all eight would come out Green 1 time in 256.)
    const { core, round } = sameDayWorld(testCore());
    expect(core.invoke('cohort.breakdown', { roundId: round.id }).total).toEqual(rag(0, 0, 8));
  });

  it('same-day screenings: the one entered last is the latest for overdue too', () => {
    // 2026-08-01, Red then Green: the Red review (2026-10-24) has passed, the Green one
    // (2026-12-01) has not. The Green screening is the latest, so nobody is overdue.
    const { core } = sameDayWorld(testCore());
    expect(core.invoke('cohort.children', { overdue: true }).rows.map((r) => r.firstName)).toEqual([]);
  });

  it('same-day screenings with a clock that moves on between them: the one entered last counts', () => {
    // The same with distinct created_at times, to show what the tie-break relies on.
    let tick = 0;
    const core = createCore({
      localAdmin: 'tester',
      databasePath: join(tempDir(), 'ticking.sqlite'),
      clock: { now: () => new Date(Date.UTC(2026, 10, 27, 12, 0, 0, tick++)).toISOString(), today: () => '2026-11-27' },
      checkOutputs: true,
    });
    try {
      const { round } = sameDayWorld(core);
      expect(core.invoke('cohort.breakdown', { roundId: round.id }).total).toEqual(rag(0, 0, 8));
      expect(core.invoke('cohort.children', { overdue: true }).total).toBe(0);
    } finally {
      core.close();
    }
  });

  it('by room and key person: where the child was when screened, not where they are now', () => {
    const w = world();
    const { caterpillars, butterflies, owls, foxes } = w.rooms;
    const { kim, lee, bo, cy } = w.staff;
    const acorn = { settingId: w.settings.acorn.id };
    // Ava has since moved to Butterflies/Lee, but was screened in Caterpillars with Kim.
    expect(breakdown(w, { roundId: w.rounds.autumn.id, groupBy: 'room', scope: acorn })).toEqual({
      rows: [
        { key: butterflies.id, label: 'Butterflies', suppressed: false, ...rag(0, 1, 1) },
        { key: caterpillars.id, label: 'Caterpillars', suppressed: false, ...rag(0, 0, 1) },
        { key: '', label: 'No room', suppressed: false, ...rag(1, 0, 0) },
      ],
      total: rag(1, 1, 2),
    });
    expect(breakdown(w, { roundId: w.rounds.autumn.id, groupBy: 'keyPerson', scope: acorn })).toEqual({
      rows: [
        { key: kim.id, label: 'Kim Kettle', suppressed: false, ...rag(0, 1, 2) },
        { key: '', label: 'No key person', suppressed: false, ...rag(1, 0, 0) },
      ],
      total: rag(1, 1, 2),
    });
    // Ben was in Caterpillars with Lee for spring, before his move.
    expect(breakdown(w, { roundId: w.rounds.spring.id, groupBy: 'room', scope: acorn }).rows).toEqual([
      { key: butterflies.id, label: 'Butterflies', suppressed: false, ...rag(0, 1, 0) },
      { key: caterpillars.id, label: 'Caterpillars', suppressed: false, ...rag(1, 2, 0) },
    ]);
    expect(breakdown(w, { roundId: w.rounds.spring.id, groupBy: 'keyPerson', scope: acorn }).rows).toEqual([
      { key: kim.id, label: 'Kim Kettle', suppressed: false, ...rag(1, 1, 0) },
      { key: lee.id, label: 'Lee Long', suppressed: false, ...rag(0, 2, 0) },
    ]);
    expect(breakdown(w, { roundId: w.rounds.autumn.id, groupBy: 'room' }).rows.map((r) => [r.label, r.total])).toEqual([
      ['Butterflies', 2],
      ['Caterpillars', 1],
      ['Foxes', 1],
      ['No room', 1],
      ['Owls', 1],
    ]);
    expect(breakdown(w, { roundId: w.rounds.autumn.id, groupBy: 'keyPerson' }).rows.map((r) => [r.key, r.label, r.total])).toEqual([
      [bo.id, 'Bo Brook', 1],
      [cy.id, 'Cy Cole', 1],
      [kim.id, 'Kim Kettle', 3],
      ['', 'No key person', 1],
    ]);
    expect(drill(w, { roundId: w.rounds.autumn.id, groupBy: 'room', groupKey: caterpillars.id })).toEqual(['Ava Adams']);
    expect(drill(w, { roundId: w.rounds.autumn.id, groupBy: 'room', groupKey: butterflies.id })).toEqual(['Ben Brown', 'Cara Clark']);
    expect(drill(w, { roundId: w.rounds.autumn.id, groupBy: 'room', groupKey: '' })).toEqual(['Gus Gray']);
    expect(drill(w, { roundId: w.rounds.spring.id, groupBy: 'room', groupKey: caterpillars.id, colour: 'amber' })).toEqual(['Ben Brown', 'Eve Evans']);
    expect(drill(w, { roundId: w.rounds.autumn.id, groupBy: 'room', groupKey: owls.id })).toEqual(['Jay Jones']);
    expect(drill(w, { roundId: w.rounds.autumn.id, groupBy: 'room', groupKey: foxes.id, colour: 'green' })).toEqual([]);
    // A room move after the screenings changes nothing already counted.
    w.edit(w.children.cara.id, { roomId: w.rooms.caterpillars.id, keyPersonId: null });
    expect(breakdown(w, { roundId: w.rounds.autumn.id, groupBy: 'room', scope: acorn }).rows.map((r) => [r.label, r.total])).toEqual([
      ['Butterflies', 2],
      ['Caterpillars', 1],
      ['No room', 1],
    ]);
  });

  it('by the child’s own details: sex, EAL, SEND, ethnicity, funded place, EYPP, season of birth and setting', () => {
    const w = world();
    const autumn = w.rounds.autumn.id;
    const rows = (groupBy: (typeof cohortGroupings)[number]) =>
      breakdown(w, { roundId: autumn, groupBy }).rows.map((r) => [r.key, r.label, r.red, r.amber, r.green, r.total]);
    expect(rows('sex')).toEqual([
      ['female', 'Female', 1, 1, 1, 3],
      ['male', 'Male', 1, 0, 2, 3],
    ]);
    expect(rows('eal')).toEqual([
      ['1', 'EAL', 0, 0, 1, 1],
      ['0', 'Not EAL', 2, 1, 2, 5],
    ]);
    expect(rows('sendStage')).toEqual([
      ['none', 'No SEND', 2, 0, 3, 5],
      ['sen-support', 'SEN support', 0, 1, 0, 1],
    ]);
    expect(rows('ethnicity')).toEqual([
      ['NOBT', 'Information not yet obtained', 2, 1, 1, 4],
      ['APKN', 'Pakistani', 0, 0, 1, 1],
      ['WBRI', 'White – British', 0, 0, 1, 1],
    ]);
    expect(rows('funded2')).toEqual([['0', 'No', 2, 1, 3, 6]]);
    expect(rows('eypp')).toEqual([
      ['0', 'No', 2, 1, 2, 5],
      ['1', 'Yes', 0, 0, 1, 1],
    ]);
    // Gus (December) is autumn-born; Ava (March), Ben (January), Cara (February) spring-born;
    // Jay (May) and Kit (July) summer-born.
    expect(rows('seasonOfBirth')).toEqual([
      ['autumn', 'Autumn-born', 1, 0, 0, 1],
      ['spring', 'Spring-born', 0, 1, 2, 3],
      ['summer', 'Summer-born', 1, 0, 1, 2],
    ]);
    expect(rows('setting')).toEqual([
      [w.settings.acorn.id, 'Acorn Lane', 1, 1, 2, 4],
      [w.settings.bramble.id, 'Bramble Barn', 0, 0, 1, 1],
      [w.settings.cedar.id, 'Cedar Court', 1, 0, 0, 1],
    ]);
    expect(drill(w, { roundId: autumn, groupBy: 'sex', groupKey: 'male', colour: 'green' })).toEqual(['Ben Brown', 'Jay Jones']);
    expect(drill(w, { roundId: autumn, groupBy: 'seasonOfBirth', groupKey: 'summer' })).toEqual(['Jay Jones', 'Kit King']);
    expect(drill(w, { roundId: autumn, groupBy: 'eal', groupKey: '1' })).toEqual(['Ben Brown']);
    expect(drill(w, { roundId: autumn, groupBy: 'setting', groupKey: w.settings.acorn.id, colour: 'red' })).toEqual(['Gus Gray']);
  });

  it('season of birth follows the school year at its edges: August summer, September autumn, December autumn, January spring, April spring, May summer', () => {
    const core = testCore();
    const instrument = core.invoke('instruments.list', {}).find((i) => i.isDefault);
    if (!instrument) throw new Error('no default instrument');
    const setting = core.invoke('settings.create', { name: 'Seasons', urn: 'EY765432', type: 'nursery' });
    const round = core.invoke('rounds.create', { name: 'Autumn 2026', startDate: '2026-09-01', endDate: '2026-12-18' });
    // Screened 2026-10-01 at 37, 37, 45, 45, 41 and 41 completed months.
    const ageSections: Record<string, number> = { '2023-08-31': 6, '2023-09-01': 6, '2022-12-31': 7, '2023-01-01': 7, '2023-04-30': 6, '2023-05-01': 6 };
    for (const [dob, section] of Object.entries(ageSections)) {
      const c = core.invoke('children.create', { settingId: setting.id, firstName: 'Kid', lastName: dob, dateOfBirth: dob, sex: 'male' });
      core.invoke('screenings.create', { childId: c.id, instrumentId: instrument.id, screeningDate: '2026-10-01', sections: sections(section, 'green') });
    }
    const out = core.invoke('cohort.breakdown', { roundId: round.id, groupBy: 'seasonOfBirth' });
    expect(out.rows.map((r) => [r.key, r.total])).toEqual([
      ['autumn', 2],
      ['spring', 2],
      ['summer', 2],
    ]);
    const names = (groupKey: string) => core.invoke('cohort.children', { roundId: round.id, groupBy: 'seasonOfBirth', groupKey }).rows.map((r) => r.lastName);
    expect(names('autumn')).toEqual(['2022-12-31', '2023-09-01']);
    expect(names('spring')).toEqual(['2023-01-01', '2023-04-30']);
    expect(names('summer')).toEqual(['2023-05-01', '2023-08-31']);
  });

  it('suppressBelow hides the counts of small rows but the total keeps every child', () => {
    const w = world();
    expect(breakdown(w, { roundId: w.rounds.autumn.id, suppressBelow: 2 })).toEqual({
      rows: [
        { key: '1', label: 'Section 1', suppressed: true, ...rag(0, 0, 0) },
        { key: '3', label: 'Section 3', suppressed: true, ...rag(0, 0, 0) },
        { key: '5', label: 'Section 5', suppressed: true, ...rag(0, 0, 0) },
        { key: '6', label: 'Section 6', suppressed: false, ...rag(1, 0, 1) },
        { key: '7', label: 'Section 7', suppressed: true, ...rag(0, 0, 0) },
      ],
      total: rag(2, 1, 3),
    });
    // A threshold equal to a row's size shows it; one above hides it.
    expect(breakdown(w, { roundId: w.rounds.autumn.id, groupBy: 'sex', suppressBelow: 3 }).rows.map((r) => r.suppressed)).toEqual([false, false]);
    expect(breakdown(w, { roundId: w.rounds.autumn.id, groupBy: 'sex', suppressBelow: 4 })).toEqual({
      rows: [
        { key: 'female', label: 'Female', suppressed: true, ...rag(0, 0, 0) },
        { key: 'male', label: 'Male', suppressed: true, ...rag(0, 0, 0) },
      ],
      total: rag(2, 1, 3),
    });
  });

  it('scope: one setting (archived or not), or the open settings of a local authority and/or type', () => {
    const w = world();
    const autumn = w.rounds.autumn.id;
    const { acorn, bramble, cedar, dormant } = w.settings;
    expect(totals(w, autumn, { settingId: acorn.id })).toEqual(rag(1, 1, 2));
    expect(totals(w, autumn, { settingId: bramble.id })).toEqual(rag(0, 0, 1));
    expect(totals(w, autumn, { settingId: cedar.id })).toEqual(rag(1, 0, 0));
    // Asked for by id, an archived setting still shows its results.
    expect(totals(w, autumn, { settingId: dormant.id })).toEqual(rag(0, 0, 1));
    expect(totals(w, autumn, { localAuthority: 'Northshire' })).toEqual(rag(1, 1, 3));
    expect(totals(w, autumn, { localAuthority: 'Southshire' })).toEqual(rag(1, 0, 0));
    expect(totals(w, autumn, { settingType: 'nursery' })).toEqual(rag(2, 1, 2));
    expect(totals(w, autumn, { settingType: 'pre-school' })).toEqual(rag(0, 0, 1));
    expect(totals(w, autumn, { localAuthority: 'Northshire', settingType: 'nursery' })).toEqual(rag(1, 1, 2));
    expect(totals(w, autumn, { localAuthority: 'Southshire', settingType: 'pre-school' })).toEqual(rag(0, 0, 0));
    expect(totals(w, autumn, { localAuthority: 'Nowhere' })).toEqual(rag(0, 0, 0));
    expect(drill(w, { roundId: autumn, scope: { localAuthority: 'Northshire' }, colour: 'green' })).toEqual(['Ava Adams', 'Ben Brown', 'Jay Jones']);
    expect(drill(w, { roundId: autumn, scope: { settingId: dormant.id } })).toEqual(['Lou Long']);
    // Restoring Dormant Den brings Lou back into the local authority's numbers.
    w.core.invoke('settings.archive', { id: dormant.id, archived: false });
    expect(totals(w, autumn, { localAuthority: 'Northshire' })).toEqual(rag(1, 1, 4));
    expect(totals(w, autumn)).toEqual(rag(2, 1, 4));
  });
});

describe('cohort.workingAt', () => {
  it('counts how many sections below their age section children work (spring: no section is all below-all-tried)', () => {
    const w = world();
    // Ben s4 working at 2; Ava s5 at 4, Jay s5 at 3, Kit s5 at 5; Eve s7 at 6, Mo s7 at 4; Cara s2 at 1.
    expect(w.core.invoke('cohort.workingAt', { roundId: w.rounds.spring.id })).toEqual([
      { ageSection: 2, onTrack: 0, oneBehind: 1, twoBehind: 0, threeOrMoreBehind: 0, belowAllTried: 0, total: 1 },
      { ageSection: 4, onTrack: 0, oneBehind: 0, twoBehind: 1, threeOrMoreBehind: 0, belowAllTried: 0, total: 1 },
      { ageSection: 5, onTrack: 1, oneBehind: 1, twoBehind: 1, threeOrMoreBehind: 0, belowAllTried: 0, total: 3 },
      { ageSection: 7, onTrack: 0, oneBehind: 1, twoBehind: 0, threeOrMoreBehind: 1, belowAllTried: 0, total: 2 },
    ]);
    expect(drill(w, { roundId: w.rounds.spring.id, sectionsBehind: 3 })).toEqual(['Mo Moss']);
    expect(drill(w, { roundId: w.rounds.spring.id, sectionsBehind: 2 })).toEqual(['Ben Brown', 'Jay Jones']);
    expect(drill(w, { roundId: w.rounds.spring.id, sectionsBehind: 1 })).toEqual(['Ava Adams', 'Cara Clark', 'Eve Evans']);
    expect(drill(w, { roundId: w.rounds.spring.id, sectionsBehind: 0 })).toEqual(['Kit King']);
    expect(drill(w, { roundId: w.rounds.spring.id, sectionsBehind: -1 })).toEqual([]);
  });

  it('a section where every child is below all sections tried (autumn: Gus, section 1) counts 0, not null, in the other columns', () => {
    const w = world();
    const result = w.core.call('cohort.workingAt', { roundId: w.rounds.autumn.id });
    expect(result).toEqual({
      ok: true,
      value: [
        { ageSection: 1, onTrack: 0, oneBehind: 0, twoBehind: 0, threeOrMoreBehind: 0, belowAllTried: 1, total: 1 },
        { ageSection: 3, onTrack: 0, oneBehind: 1, twoBehind: 0, threeOrMoreBehind: 0, belowAllTried: 0, total: 1 },
        { ageSection: 5, onTrack: 1, oneBehind: 0, twoBehind: 0, threeOrMoreBehind: 0, belowAllTried: 0, total: 1 },
        { ageSection: 6, onTrack: 1, oneBehind: 0, twoBehind: 1, threeOrMoreBehind: 0, belowAllTried: 0, total: 2 },
        { ageSection: 7, onTrack: 1, oneBehind: 0, twoBehind: 0, threeOrMoreBehind: 0, belowAllTried: 0, total: 1 },
      ],
    });
  });

  it('the drill-down by sections behind works in autumn too', () => {
    const w = world();
    const autumn = w.rounds.autumn.id;
    expect(drill(w, { roundId: autumn, sectionsBehind: -1 })).toEqual(['Gus Gray']);
    expect(drill(w, { roundId: autumn, sectionsBehind: 0 })).toEqual(['Ava Adams', 'Ben Brown', 'Jay Jones']);
    expect(drill(w, { roundId: autumn, sectionsBehind: 1 })).toEqual(['Cara Clark']);
    expect(drill(w, { roundId: autumn, sectionsBehind: 2 })).toEqual(['Kit King']);
    expect(drill(w, { roundId: autumn, sectionsBehind: 3 })).toEqual([]);
  });
});

describe('cohort.overview', () => {
  it('children on roll in the round (leavers included while they were there), screened, not screened, overdue', () => {
    const w = world();
    const acorn = { settingId: w.settings.acorn.id };
    // Autumn, Acorn: on roll Ava, Ben, Cara, Dan, Finn (started 2026-10-01), Gus, Hana, Ian; Eve had left.
    expect(w.core.invoke('cohort.overview', { roundId: w.rounds.autumn.id, scope: acorn })).toEqual({
      childrenOnRoll: 8,
      childrenOnRollToday: 8,
      overdue: 2,
      notScreened: 4,
      screened: 4,
      incomplete: 0,
    });
    // Spring, Acorn: Eve still there (left 2026-03-31), Finn not yet; Gus (start unknown) counts.
    expect(w.core.invoke('cohort.overview', { roundId: w.rounds.spring.id, scope: acorn })).toEqual({
      childrenOnRoll: 8,
      childrenOnRollToday: 8,
      overdue: 2,
      notScreened: 4,
      screened: 4,
      incomplete: 0,
    });
    expect(w.core.invoke('cohort.overview', { roundId: w.rounds.summer.id, scope: acorn })).toEqual({
      childrenOnRoll: 7,
      childrenOnRollToday: 8,
      overdue: 2,
      notScreened: 6,
      screened: 1,
      incomplete: 0,
    });
    // Every open setting: Bramble adds Jay (screened) and Mo (not; overdue), Cedar adds Kit.
    expect(w.core.invoke('cohort.overview', { roundId: w.rounds.autumn.id })).toEqual({
      childrenOnRoll: 11,
      childrenOnRollToday: 11,
      overdue: 3,
      notScreened: 5,
      screened: 6,
      incomplete: 0,
    });
    expect(w.core.invoke('cohort.overview', { roundId: w.rounds.autumn.id, scope: { settingId: w.settings.dormant.id } })).toEqual({
      childrenOnRoll: 1,
      childrenOnRollToday: 1,
      overdue: 0,
      notScreened: 0,
      screened: 1,
      incomplete: 0,
    });
    expect(drill(w, { roundId: w.rounds.autumn.id, scope: acorn, notScreened: true })).toEqual(['Dan Dale', 'Finn Ford', 'Hana Hill', 'Ian Irwin']);
    expect(drill(w, { roundId: w.rounds.spring.id, scope: acorn, notScreened: true })).toEqual(['Dan Dale', 'Gus Gray', 'Hana Hill', 'Ian Irwin']);
    expect(drill(w, { roundId: w.rounds.autumn.id, notScreened: true })).toEqual(['Dan Dale', 'Finn Ford', 'Hana Hill', 'Ian Irwin', 'Mo Moss']);
  });

  it('overdue: children not archived whose latest screening’s review date has passed; the drill-down shows that screening', () => {
    const w = world();
    expect(drill(w, { overdue: true })).toEqual(['Hana Hill', 'Ian Irwin', 'Mo Moss']);
    expect(drill(w, { overdue: true, scope: { localAuthority: 'Southshire' } })).toEqual([]);
    // The round is ignored for overdue.
    expect(drill(w, { overdue: true, roundId: w.rounds.spring.id, scope: { settingId: w.settings.acorn.id } })).toEqual(['Hana Hill', 'Ian Irwin']);
    const out = w.core.invoke('cohort.children', { overdue: true, scope: { settingId: w.settings.acorn.id } });
    expect(out.rows[1]).toEqual({
      childId: w.children.ian.id,
      firstName: 'Ian',
      lastName: 'Irwin',
      settingId: w.settings.acorn.id,
      settingName: 'Acorn Lane',
      screeningDate: '2026-08-10',
      ageSection: 7,
      colour: 'amber',
      workingAtSection: 5,
      reviewDate: '2026-11-02',
    });
    // Archiving Hana takes her off the overdue list; a newer screening takes Ian off it.
    w.core.invoke('children.archive', { id: w.children.hana.id, archived: true });
    w.screen(w.children.ian.id, '2026-11-20', 8, 'green');
    expect(drill(w, { overdue: true })).toEqual(['Mo Moss']);
    // Ian's new screening falls in autumn; Hana left today, so she was on roll in it, but is not today.
    expect(w.core.invoke('cohort.overview', { roundId: w.rounds.autumn.id })).toEqual({
      childrenOnRoll: 11,
      childrenOnRollToday: 10,
      overdue: 1,
      notScreened: 4,
      screened: 7,
      incomplete: 0,
    });
  });
});

describe('cohort.trend and cohort.transitions', () => {
  it('trend: every round oldest first, empty ones as zero rows', () => {
    const w = world();
    const { spring, summer, autumn, next } = w.rounds;
    expect(w.core.invoke('cohort.trend', {})).toEqual([
      { roundId: spring.id, name: 'Spring 2026', startDate: '2026-01-05', ...rag(3, 3, 1) },
      { roundId: summer.id, name: 'Summer 2026', startDate: '2026-04-20', ...rag(0, 1, 0) },
      { roundId: autumn.id, name: 'Autumn 2026', startDate: '2026-09-01', ...rag(2, 1, 3) },
      { roundId: next.id, name: 'Spring 2027', startDate: '2027-01-04', ...rag(0, 0, 0) },
    ]);
    expect(w.core.invoke('cohort.trend', { scope: { settingId: w.settings.bramble.id } }).map((r) => r.total)).toEqual([2, 0, 1, 0]);
    expect(w.core.invoke('cohort.trend', { scope: { localAuthority: 'Southshire' } }).map((r) => [r.green, r.red])).toEqual([
      [1, 0],
      [0, 0],
      [0, 1],
      [0, 0],
    ]);
  });

  it('transitions spring to autumn: children with a result in both rounds', () => {
    const w = world();
    const { spring, autumn } = w.rounds;
    // Ava red->green, Jay red->green, Ben amber->green (improved); Cara amber->amber (same); Kit green->red (worse).
    expect(w.core.invoke('cohort.transitions', { fromRoundId: spring.id, toRoundId: autumn.id })).toEqual({
      matrix: { red: { red: 0, amber: 0, green: 2 }, amber: { red: 0, amber: 1, green: 1 }, green: { red: 1, amber: 0, green: 0 } },
      improved: 3,
      same: 1,
      worse: 1,
      total: 5,
    });
    expect(w.core.invoke('cohort.transitions', { fromRoundId: spring.id, toRoundId: autumn.id, scope: { settingId: w.settings.acorn.id } })).toEqual({
      matrix: { red: { red: 0, amber: 0, green: 1 }, amber: { red: 0, amber: 1, green: 1 }, green: { red: 0, amber: 0, green: 0 } },
      improved: 2,
      same: 1,
      worse: 0,
      total: 3,
    });
    // Backwards in time the same children move the other way.
    expect(w.core.invoke('cohort.transitions', { fromRoundId: autumn.id, toRoundId: spring.id })).toMatchObject({ improved: 1, same: 1, worse: 3, total: 5 });
    const cell = (fromColour: Colour, colour: Colour) => drill(w, { fromRoundId: spring.id, fromColour, roundId: autumn.id, colour });
    expect(cell('red', 'green')).toEqual(['Ava Adams', 'Jay Jones']);
    expect(cell('amber', 'green')).toEqual(['Ben Brown']);
    expect(cell('amber', 'amber')).toEqual(['Cara Clark']);
    expect(cell('green', 'red')).toEqual(['Kit King']);
    expect(cell('red', 'red')).toEqual([]);
    // The drill-down row is the child's screening in the later round.
    const [kit] = w.core.invoke('cohort.children', { fromRoundId: spring.id, fromColour: 'green', roundId: autumn.id, colour: 'red' }).rows;
    expect(kit).toMatchObject({
      screeningDate: '2026-10-07',
      ageSection: 6,
      colour: 'red',
      workingAtSection: 4,
      reviewDate: '2026-12-30',
      settingName: 'Cedar Court',
    });
  });
});

describe('cohort.settings', () => {
  it('one row per open setting, by name, with the round’s colours, children on roll now and overdue; totals sum the rows', () => {
    const w = world();
    const { acorn, bramble, cedar } = w.settings;
    const row = (
      s: { id: string; name: string; localAuthority: string; type: string },
      counts: ReturnType<typeof rag>,
      childrenOnRoll: number,
      overdue: number,
      childrenOnRollToday = childrenOnRoll,
    ) => ({
      settingId: s.id,
      settingName: s.name,
      localAuthority: s.localAuthority,
      settingType: s.type,
      childrenOnRoll,
      childrenOnRollToday,
      overdue,
      incomplete: 0,
      ...counts,
    });
    // Acorn in autumn: Eve had left, Finn had started, so 8 on roll in the round, and 8 today.
    expect(w.core.invoke('cohort.settings', { roundId: w.rounds.autumn.id })).toEqual({
      rows: [row(acorn, rag(1, 1, 2), 8, 2), row(bramble, rag(0, 0, 1), 2, 1), row(cedar, rag(1, 0, 0), 1, 0)],
      total: { ...rag(2, 1, 3), childrenOnRoll: 11, childrenOnRollToday: 11, overdue: 3, incomplete: 0 },
    });
    expect(w.core.invoke('cohort.settings', { roundId: w.rounds.spring.id, localAuthority: 'Northshire' })).toEqual({
      rows: [row(acorn, rag(1, 3, 0), 8, 2), row(bramble, rag(2, 0, 0), 2, 1)],
      total: { ...rag(3, 3, 0), childrenOnRoll: 10, childrenOnRollToday: 10, overdue: 3, incomplete: 0 },
    });
    expect(w.core.invoke('cohort.settings', { roundId: w.rounds.spring.id, settingType: 'nursery' }).rows.map((r) => r.settingName)).toEqual([
      'Acorn Lane',
      'Cedar Court',
    ]);
    expect(w.core.invoke('cohort.settings', { roundId: w.rounds.spring.id, localAuthority: 'Nowhere' })).toEqual({
      rows: [],
      total: { ...rag(0, 0, 0), childrenOnRoll: 0, childrenOnRollToday: 0, overdue: 0, incomplete: 0 },
    });
  });
});

describe('derived data follows every edit', () => {
  it('a screening moved out of its round, then into another; then deleted', () => {
    const w = world();
    const { spring, autumn } = w.rounds;
    const { caraNov, caraApr } = w.screenings;
    const update = (id: string, screeningDate: string, top: number, ...colours: Colour[]) =>
      w.core.invoke('screenings.update', { id, instrumentId: w.instrument.id, screeningDate, sections: sections(top, ...colours) });
    // 2026-08-20 is in no round (Cara 18 months, section 3): her 2026-09-10 Red now counts in autumn.
    update(caraNov.id, '2026-08-20', 3, 'amber', 'green');
    expect(totals(w, autumn.id)).toEqual(rag(3, 0, 3));
    expect(drill(w, { roundId: autumn.id, sectionsBehind: -1 })).toEqual(['Cara Clark', 'Gus Gray']);
    // Into spring on 2026-04-05 (14 months, section 2): later than her 2026-04-01 screening, so it
    // counts there even though it was entered before it.
    update(caraNov.id, '2026-04-05', 2, 'green');
    expect(drill(w, { roundId: spring.id, colour: 'green' })).toEqual(['Cara Clark', 'Kit King']);
    expect(totals(w, spring.id)).toEqual(rag(3, 2, 2));
    expect(w.core.invoke('rounds.list', {}).map((r) => r.screeningCount)).toEqual([7, 1, 7, 0]);
    // Deleting it leaves her 2026-04-01 Amber for spring.
    w.core.invoke('screenings.delete', { id: caraNov.id });
    expect(totals(w, spring.id)).toEqual(rag(3, 3, 1));
    w.core.invoke('screenings.delete', { id: caraApr.id });
    expect(totals(w, spring.id)).toEqual(rag(3, 2, 1));
    expect(w.core.invoke('cohort.overview', { roundId: spring.id, scope: { settingId: w.settings.acorn.id } })).toEqual({
      childrenOnRoll: 8,
      childrenOnRollToday: 8,
      overdue: 2,
      notScreened: 5,
      screened: 3,
      incomplete: 0,
    });
    // Deleting Gus's only screening: autumn loses him and he is not screened.
    w.core.invoke('screenings.delete', { id: w.screenings.gusAutumn.id });
    expect(totals(w, autumn.id)).toEqual(rag(2, 0, 3));
    expect(breakdown(w, { roundId: autumn.id }).rows.map((r) => r.key)).toEqual(['3', '5', '6', '7']);
    expect(drill(w, { roundId: autumn.id, notScreened: true })).toEqual(['Dan Dale', 'Finn Ford', 'Gus Gray', 'Hana Hill', 'Ian Irwin', 'Mo Moss']);
  });

  it('a change to a child’s details moves them between subgroups in every round; room snapshots stay', () => {
    const w = world();
    const { spring, autumn } = w.rounds;
    w.edit(w.children.ben.id, {
      sex: 'female',
      eal: false,
      ethnicity: 'WBRI',
      sendStage: 'ehcp',
      funded2: true,
      dateOfBirth: '2023-12-20',
      roomId: null,
      keyPersonId: null,
    });
    expect(breakdown(w, { roundId: autumn.id, groupBy: 'sex' }).rows.map((r) => [r.key, r.red, r.amber, r.green])).toEqual([
      ['female', 1, 1, 2],
      ['male', 1, 0, 1],
    ]);
    expect(breakdown(w, { roundId: spring.id, groupBy: 'eal' }).rows.map((r) => [r.key, r.total])).toEqual([['0', 7]]);
    expect(drill(w, { roundId: spring.id, groupBy: 'sendStage', groupKey: 'ehcp' })).toEqual(['Ben Brown']);
    expect(drill(w, { roundId: autumn.id, groupBy: 'funded2', groupKey: '1' })).toEqual(['Ben Brown']);
    expect(drill(w, { roundId: autumn.id, groupBy: 'ethnicity', groupKey: 'WBRI' })).toEqual(['Ava Adams', 'Ben Brown']);
    // Born in December now: autumn-born.
    expect(drill(w, { roundId: autumn.id, groupBy: 'seasonOfBirth', groupKey: 'autumn' })).toEqual(['Ben Brown', 'Gus Gray']);
    // His screenings keep the room and key person he had then.
    expect(drill(w, { roundId: autumn.id, groupBy: 'room', groupKey: w.rooms.butterflies.id })).toEqual(['Ben Brown', 'Cara Clark']);
    expect(drill(w, { roundId: spring.id, groupBy: 'keyPerson', groupKey: w.staff.lee.id })).toEqual(['Ben Brown', 'Eve Evans']);
    // Start and leave dates move him on and off the roll for a round.
    w.edit(w.children.dan.id, { startDate: '2026-11-01' });
    expect(w.core.invoke('cohort.overview', { roundId: spring.id, scope: { settingId: w.settings.acorn.id } })).toMatchObject({
      childrenOnRoll: 7,
      notScreened: 3,
    });
    // The leave date is the first day off the roll: leaving the day after spring starts keeps him in it.
    w.edit(w.children.dan.id, { startDate: null, leaveDate: '2026-01-06' });
    expect(w.core.invoke('cohort.overview', { roundId: spring.id, scope: { settingId: w.settings.acorn.id } })).toMatchObject({
      childrenOnRoll: 8,
      notScreened: 4,
    });
    expect(w.core.invoke('cohort.overview', { roundId: w.rounds.summer.id, scope: { settingId: w.settings.acorn.id } })).toMatchObject({
      childrenOnRoll: 6,
      notScreened: 5,
    });
  });

  it('a round’s dates moved: screenings join and leave it', () => {
    const w = world();
    const { summer, autumn } = w.rounds;
    // Summer to 2026-08-15 takes in Ian's 2026-08-10 screening.
    w.core.invoke('rounds.update', { id: summer.id, name: 'Summer 2026', startDate: '2026-04-20', endDate: '2026-08-15' });
    expect(totals(w, summer.id)).toEqual(rag(0, 2, 0));
    expect(drill(w, { roundId: summer.id })).toEqual(['Hana Hill', 'Ian Irwin']);
    // Shrunk to 2026-04-20..05-01 it holds nobody.
    w.core.invoke('rounds.update', { id: summer.id, name: 'Summer term', startDate: '2026-04-20', endDate: '2026-05-01' });
    expect(breakdown(w, { roundId: summer.id })).toEqual({ rows: [], total: rag(0, 0, 0) });
    // Autumn from 2026-10-02 loses Ava (10-01) and Ben (09-15); Cara's 11-02 still counts.
    w.core.invoke('rounds.update', { id: autumn.id, name: 'Autumn 2026', startDate: '2026-10-02', endDate: '2026-12-18' });
    expect(totals(w, autumn.id)).toEqual(rag(2, 1, 1));
    expect(drill(w, { roundId: autumn.id, scope: { settingId: w.settings.acorn.id } })).toEqual(['Cara Clark', 'Gus Gray']);
    // Autumn to 2026-11-01..: Cara's 11-02 still counts, her 09-10 is outside anyway.
    w.core.invoke('rounds.update', { id: autumn.id, name: 'Autumn 2026', startDate: '2026-11-01', endDate: '2026-12-18' });
    expect(drill(w, { roundId: autumn.id })).toEqual(['Cara Clark']);
    // Moved to cover 2026-09-01..2026-09-30: Cara's 09-10 red is her latest there.
    w.core.invoke('rounds.update', { id: autumn.id, name: 'Autumn 2026', startDate: '2026-09-01', endDate: '2026-09-30' });
    expect(drill(w, { roundId: autumn.id, colour: 'red' })).toEqual(['Cara Clark']);
    expect(drill(w, { roundId: autumn.id })).toEqual(['Ben Brown', 'Cara Clark']);
    expect(w.core.invoke('cohort.trend', {}).map((r) => [r.name, r.total])).toEqual([
      ['Spring 2026', 7],
      ['Summer term', 0],
      ['Autumn 2026', 2],
      ['Spring 2027', 0],
    ]);
  });

  it('a round deleted keeps its screenings; a round created later over the same dates counts them again', () => {
    const w = world();
    const { spring, autumn } = w.rounds;
    const screeningsBefore = w.core.context.db.prepare('SELECT count(*) AS n FROM screenings').get() as { n: number };
    expect(w.core.invoke('rounds.delete', { id: spring.id })).toMatchObject({ id: spring.id, name: 'Spring 2026', screeningCount: 7 });
    expect(w.core.context.db.prepare('SELECT count(*) AS n FROM screenings').get()).toEqual(screeningsBefore);
    expect(w.core.context.db.prepare('SELECT count(*) AS n FROM round_results WHERE round_id = ?').get(spring.id)).toEqual({ n: 0 });
    expect(w.core.invoke('rounds.list', {}).map((r) => r.name)).toEqual(['Summer 2026', 'Autumn 2026', 'Spring 2027']);
    expect(w.core.invoke('cohort.trend', {}).map((r) => r.name)).toEqual(['Summer 2026', 'Autumn 2026', 'Spring 2027']);
    refused(w.core, 'cohort.transitions', { fromRoundId: spring.id, toRoundId: autumn.id }, 'NOT_FOUND');
    refused(w.core, 'cohort.breakdown', { roundId: spring.id }, 'NOT_FOUND');
    // Its name is free again; a new round over the same dates finds the same children.
    const again = w.core.invoke('rounds.create', { name: 'Spring 2026', startDate: '2026-01-05', endDate: '2026-04-10' });
    expect(again.screeningCount).toBe(7);
    expect(totals(w, again.id)).toEqual(rag(3, 3, 1));
    expect(w.core.invoke('cohort.transitions', { fromRoundId: again.id, toRoundId: autumn.id })).toMatchObject({ improved: 3, same: 1, worse: 1, total: 5 });
  });

  it('a round created after its screenings were entered, in a gap between rounds', () => {
    const w = world();
    const late = w.core.invoke('rounds.create', { name: 'Late summer 2026', startDate: '2026-07-25', endDate: '2026-08-31' });
    expect(late.screeningCount).toBe(1);
    expect(breakdown(w, { roundId: late.id, groupBy: 'room' })).toEqual({
      rows: [{ key: w.rooms.caterpillars.id, label: 'Caterpillars', suppressed: false, ...rag(0, 1, 0) }],
      total: rag(0, 1, 0),
    });
    expect(w.core.invoke('cohort.workingAt', { roundId: late.id })).toEqual([
      { ageSection: 7, onTrack: 0, oneBehind: 0, twoBehind: 1, threeOrMoreBehind: 0, belowAllTried: 0, total: 1 },
    ]);
    expect(w.core.invoke('cohort.trend', {}).map((r) => [r.name, r.total])).toEqual([
      ['Spring 2026', 7],
      ['Summer 2026', 1],
      ['Late summer 2026', 1],
      ['Autumn 2026', 6],
      ['Spring 2027', 0],
    ]);
  });

  it('a refused round edit leaves the derived rows as they were', () => {
    const w = world();
    const before = w.core.invoke('cohort.trend', {});
    refused(
      w.core,
      'rounds.update',
      { id: w.rounds.summer.id, name: 'Summer 2026', startDate: '2026-04-20', endDate: '2026-09-05' },
      'VALIDATION',
      'startDate',
    );
    refused(w.core, 'rounds.update', { id: w.rounds.summer.id, name: 'Autumn 2026', startDate: '2026-04-20', endDate: '2026-08-15' }, 'CONFLICT');
    expect(w.core.invoke('cohort.trend', {})).toEqual(before);
  });
});

import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core/core.js';
import type { MethodInput } from '../../shared/contract.js';
import type { Colour } from '../../shared/domain/screening.js';
import type { ApiErrorBody, ErrorCode } from '../../shared/errors.js';
import { cohortGroupings } from '../../shared/schemas/cohort.js';
import { tempDir, testCore } from '../support/core.js';

// API tests for screening rounds and cohort tracking, on one hand-built world whose every number
// was worked out by hand (ages in completed months, review dates) and is written out below.
// Today is 2026-11-27 (testCore). Review intervals are the defaults: 12 weeks after Red or Amber,
// 4 months after Green. The default instrument has no cut-offs, so every section gets a colour.
//
// Rounds: Spring 2026 (2026-01-05..04-10), Summer 2026 (04-20..07-24), Autumn 2026 (09-01..12-18),
// Spring 2027 (2027-01-04..04-09, in the future, so empty). 2026-08-10 falls in no round.
//
// Acorn Lane (nursery, Northshire), rooms Caterpillars and Butterflies, staff Kim and Lee:
//   Ava Adams   F  born 2023-03-15 (spring-born)  Caterpillars/Kim, start 2024-09-01
//               2026-02-10  34m s5  [5 red, 4 green]        red,   working at 4, review 2026-05-05
//               2026-10-01  42m s7  [7 green]               green, working at 7, review 2027-02-01
//               then moved to Butterflies/Lee (her autumn result stays with Caterpillars/Kim)
//   Ben Brown   M  born 2024-01-20, EAL, APKN    Caterpillars/Lee
//               2026-03-02  25m s4  [4 amber, 3 amber, 2 green]  amber, working at 2
//               then moved to Butterflies/Kim
//               2026-09-15  31m s5  [5 green]               green, review 2027-01-15
//   Cara Clark  F  born 2025-02-01, SEN support   Butterflies/Kim; entered in this order:
//               2026-11-02  21m s3  [3 amber, 2 green]      amber, working at 2, review 2027-01-25
//               2026-09-10  19m s3  [3 red, 2 red, 1 amber] red, below all tried, review 2026-12-03
//               2026-04-01  14m s2  [2 amber, 1 green]      amber, working at 1
//               (Autumn counts 2026-11-02: the latest by date, though it was entered first)
//   Dan Dale    M  born 2023-06-06, start 2025-09-01, never screened
//   Eve Evans   F  born 2022-06-10, Caterpillars/Lee, start 2024-01-08, left 2026-03-31 (archived)
//               2026-01-20  43m s7  [7 amber, 6 green]      amber, review 2026-04-14 (not overdue: archived)
//   Finn Ford   M  born 2024-05-05, starts 2026-10-01, never screened
//   Gus Gray    M  born 2025-12-05 (autumn-born), no room, no key person, start unknown
//               2026-10-20  10m s1  [1 red]                 red, below all tried, review 2027-01-12
//   Hana Hill   F  born 2023-08-30, Butterflies/Lee
//               2026-05-12  32m s5  [5 amber, 4 green]      amber, review 2026-08-04: OVERDUE
//   Ian Irwin   M  born 2022-11-01, Caterpillars
//               2026-08-10  45m s7  [7 amber, 6 amber, 5 green]  amber, in no round, review 2026-11-02: OVERDUE
// Bramble Barn (pre-school, Northshire), room Owls, staff Bo:
//   Jay Jones   M  born 2023-05-05, Owls/Bo
//               2026-02-02  32m s5  [5 red, 4 red, 3 green] red, working at 3
//               2026-10-05  41m s6  [6 green]               green, review 2027-02-05
//   Mo Moss     M  born 2022-09-09, Owls
//               2026-03-16  42m s7  [7 red, 6 red, 5 red, 4 green]  red, working at 4 (3 behind), review 2026-06-08: OVERDUE
// Cedar Court (nursery, Southshire), room Foxes, staff Cy:
//   Kit King    F  born 2023-07-07, Foxes/Cy
//               2026-03-09  32m s5  [5 green]               green
//               2026-10-07  39m s6  [6 red, 5 amber, 4 green]  red (the worst colour), working at 4, review 2026-12-30
// Dormant Den (nursery, Northshire), archived after its screening:
//   Lou Long    M  born 2023-04-04
//               2026-09-20  41m s6  [6 green]

/** Every row of every table: any write at all changes the dump. */
function dump(core: Core): string {
  const db = core.context.db;
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[];
  expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(['rounds', 'round_results', 'screenings']));
  return JSON.stringify(tables.map(({ name }) => [name, db.prepare(`SELECT * FROM "${name}" ORDER BY 1, 2`).all()]));
}

/** Calls through the untyped entry, checks the code and the field named, and that nothing was written. */
function refused(core: Core, method: string, input: unknown, code: ErrorCode, path: string | null = null): ApiErrorBody {
  const before = dump(core);
  const result = core.call(method, input);
  expect(dump(core), 'nothing may be written by a refused call').toBe(before);
  if (result.ok) throw new Error(`${method} should have been refused but returned ${JSON.stringify(result.value)}`);
  expect(result.error.code, result.error.message).toBe(code);
  expect(result.error.message.length).toBeGreaterThan(10);
  if (path) expect(result.error.issues?.map((i) => i.path.join('.')), result.error.message).toEqual([path]);
  return result.error;
}

const rag = (red: number, amber: number, green: number) => ({ red, amber, green, total: red + amber + green });
const sections = (top: number, ...colours: Colour[]) => colours.map((colour, i) => ({ section: top - i, colour }));

function world(core: Core = testCore()) {
  const instrument = core.invoke('instruments.list', {}).find((i) => i.isDefault);
  if (!instrument) throw new Error('a new database has a default instrument');

  // Created out of date order: lists and trends must still come oldest first.
  const autumn = core.invoke('rounds.create', { name: 'Autumn 2026', startDate: '2026-09-01', endDate: '2026-12-18' });
  const spring = core.invoke('rounds.create', { name: 'Spring 2026', startDate: '2026-01-05', endDate: '2026-04-10' });
  const next = core.invoke('rounds.create', { name: 'Spring 2027', startDate: '2027-01-04', endDate: '2027-04-09' });
  const summer = core.invoke('rounds.create', { name: 'Summer 2026', startDate: '2026-04-20', endDate: '2026-07-24' });

  const acorn = core.invoke('settings.create', { name: 'Acorn Lane', urn: 'EY100001', type: 'nursery', localAuthority: 'Northshire' });
  const bramble = core.invoke('settings.create', { name: 'Bramble Barn', urn: 'EY100002', type: 'pre-school', localAuthority: 'Northshire' });
  const cedar = core.invoke('settings.create', { name: 'Cedar Court', urn: 'EY100003', type: 'nursery', localAuthority: 'Southshire' });
  const dormant = core.invoke('settings.create', { name: 'Dormant Den', urn: 'EY100004', type: 'nursery', localAuthority: 'Northshire' });
  const room = (settingId: string, name: string) => core.invoke('rooms.create', { settingId, name });
  const staff = (settingId: string, name: string) => core.invoke('staff.create', { settingId, name, role: 'practitioner', qualificationLevel: 'level-3' });
  const caterpillars = room(acorn.id, 'Caterpillars');
  const butterflies = room(acorn.id, 'Butterflies');
  const owls = room(bramble.id, 'Owls');
  const foxes = room(cedar.id, 'Foxes');
  const kim = staff(acorn.id, 'Kim Kettle');
  const lee = staff(acorn.id, 'Lee Long');
  const bo = staff(bramble.id, 'Bo Brook');
  const cy = staff(cedar.id, 'Cy Cole');

  type ChildIn = Omit<MethodInput<'children.create'>, 'firstName' | 'lastName' | 'settingId'>;
  const child = (settingId: string, name: string, fields: ChildIn) => {
    const [firstName, lastName] = name.split(' ') as [string, string];
    return core.invoke('children.create', { settingId, firstName, lastName, ...fields });
  };
  const screen = (childId: string, screeningDate: string, top: number, ...colours: Colour[]) =>
    core.invoke('screenings.create', { childId, instrumentId: instrument.id, screeningDate, sections: sections(top, ...colours) });
  /** children.update needs every field: start from the stored child. */
  const edit = (childId: string, change: Partial<MethodInput<'children.update'>>) => {
    const { id, firstName, lastName, dateOfBirth, sex, ethnicity, homeLanguages, eal, sendStage, funded2, eypp, roomId, keyPersonId, startDate, leaveDate, notes } =
      core.invoke('children.get', { id: childId });
    return core.invoke('children.update', { id, firstName, lastName, dateOfBirth, sex, ethnicity, homeLanguages, eal, sendStage, funded2, eypp, roomId, keyPersonId, startDate, leaveDate, notes, ...change });
  };

  const ava = child(acorn.id, 'Ava Adams', { dateOfBirth: '2023-03-15', sex: 'female', ethnicity: 'WBRI', eypp: true, roomId: caterpillars.id, keyPersonId: kim.id, startDate: '2024-09-01' });
  const avaSpring = screen(ava.id, '2026-02-10', 5, 'red', 'green');
  const avaAutumn = screen(ava.id, '2026-10-01', 7, 'green');
  edit(ava.id, { roomId: butterflies.id, keyPersonId: lee.id });

  const ben = child(acorn.id, 'Ben Brown', { dateOfBirth: '2024-01-20', sex: 'male', ethnicity: 'APKN', eal: true, roomId: caterpillars.id, keyPersonId: lee.id });
  screen(ben.id, '2026-03-02', 4, 'amber', 'amber', 'green');
  edit(ben.id, { roomId: butterflies.id, keyPersonId: kim.id });
  screen(ben.id, '2026-09-15', 5, 'green');

  const cara = child(acorn.id, 'Cara Clark', { dateOfBirth: '2025-02-01', sex: 'female', sendStage: 'sen-support', roomId: butterflies.id, keyPersonId: kim.id });
  const caraNov = screen(cara.id, '2026-11-02', 3, 'amber', 'green');
  const caraSep = screen(cara.id, '2026-09-10', 3, 'red', 'red', 'amber');
  const caraApr = screen(cara.id, '2026-04-01', 2, 'amber', 'green');

  const dan = child(acorn.id, 'Dan Dale', { dateOfBirth: '2023-06-06', sex: 'male', startDate: '2025-09-01' });

  const eve = child(acorn.id, 'Eve Evans', { dateOfBirth: '2022-06-10', sex: 'female', roomId: caterpillars.id, keyPersonId: lee.id, startDate: '2024-01-08' });
  screen(eve.id, '2026-01-20', 7, 'amber', 'green');
  core.invoke('children.archive', { id: eve.id, archived: true, leaveDate: '2026-03-31' });

  const finn = child(acorn.id, 'Finn Ford', { dateOfBirth: '2024-05-05', sex: 'male', startDate: '2026-10-01' });

  const gus = child(acorn.id, 'Gus Gray', { dateOfBirth: '2025-12-05', sex: 'male' });
  const gusAutumn = screen(gus.id, '2026-10-20', 1, 'red');

  const hana = child(acorn.id, 'Hana Hill', { dateOfBirth: '2023-08-30', sex: 'female', roomId: butterflies.id, keyPersonId: lee.id });
  screen(hana.id, '2026-05-12', 5, 'amber', 'green');

  const ian = child(acorn.id, 'Ian Irwin', { dateOfBirth: '2022-11-01', sex: 'male', roomId: caterpillars.id });
  const ianAugust = screen(ian.id, '2026-08-10', 7, 'amber', 'amber', 'green');

  const jay = child(bramble.id, 'Jay Jones', { dateOfBirth: '2023-05-05', sex: 'male', roomId: owls.id, keyPersonId: bo.id });
  screen(jay.id, '2026-02-02', 5, 'red', 'red', 'green');
  screen(jay.id, '2026-10-05', 6, 'green');

  const mo = child(bramble.id, 'Mo Moss', { dateOfBirth: '2022-09-09', sex: 'male', roomId: owls.id });
  screen(mo.id, '2026-03-16', 7, 'red', 'red', 'red', 'green');

  const kit = child(cedar.id, 'Kit King', { dateOfBirth: '2023-07-07', sex: 'female', roomId: foxes.id, keyPersonId: cy.id });
  screen(kit.id, '2026-03-09', 5, 'green');
  screen(kit.id, '2026-10-07', 6, 'red', 'amber', 'green');

  const lou = child(dormant.id, 'Lou Long', { dateOfBirth: '2023-04-04', sex: 'male' });
  screen(lou.id, '2026-09-20', 6, 'green');
  core.invoke('settings.archive', { id: dormant.id, archived: true });

  return {
    core,
    instrument,
    rounds: { spring, summer, autumn, next },
    settings: { acorn, bramble, cedar, dormant },
    rooms: { caterpillars, butterflies, owls, foxes },
    staff: { kim, lee, bo, cy },
    children: { ava, ben, cara, dan, eve, finn, gus, hana, ian, jay, mo, kit, lou },
    screenings: { avaSpring, avaAutumn, caraNov, caraSep, caraApr, gusAutumn, ianAugust },
    screen,
    edit,
  };
}
type World = ReturnType<typeof world>;

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
    const autumnChild = core.invoke('children.create', { settingId: setting.id, firstName: `Tia${i}`, lastName: 'Tie', dateOfBirth: '2023-09-15', sex: 'female' });
    const summerChild = core.invoke('children.create', { settingId: setting.id, firstName: `Tod${i}`, lastName: 'Tie', dateOfBirth: '2023-09-15', sex: 'male' });
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

describe('rounds', () => {
  it('lists rounds oldest first with the number of children screened in each (every setting, archived ones too)', () => {
    const w = world();
    const rounds = w.core.invoke('rounds.list', {});
    expect(rounds.map((r) => [r.name, r.startDate, r.endDate, r.screeningCount])).toEqual([
      ['Spring 2026', '2026-01-05', '2026-04-10', 7],
      ['Summer 2026', '2026-04-20', '2026-07-24', 1],
      ['Autumn 2026', '2026-09-01', '2026-12-18', 7],
      ['Spring 2027', '2027-01-04', '2027-04-09', 0],
    ]);
  });

  it('refuses a round that overlaps another, naming the start date, and writes nothing', () => {
    const w = world();
    const { core } = w;
    // Sharing a single day is an overlap: a screening that day would belong to both.
    for (const [startDate, endDate] of [
      ['2026-04-10', '2026-04-15'],
      ['2026-04-11', '2026-04-20'],
      ['2025-12-01', '2027-06-01'],
      ['2026-02-01', '2026-02-02'],
    ] as const) {
      const error = refused(core, 'rounds.create', { name: 'Clash', startDate, endDate }, 'VALIDATION', 'startDate');
      expect(error.message).toMatch(/overlap/);
    }
    refused(core, 'rounds.update', { id: w.rounds.summer.id, name: 'Summer 2026', startDate: '2026-04-10', endDate: '2026-07-24' }, 'VALIDATION', 'startDate');
    refused(core, 'rounds.update', { id: w.rounds.summer.id, name: 'Summer 2026', startDate: '2026-04-20', endDate: '2026-09-01' }, 'VALIDATION', 'startDate');
    // The gap between two rounds can be filled exactly.
    expect(core.invoke('rounds.create', { name: 'Easter 2026', startDate: '2026-04-11', endDate: '2026-04-19' }).screeningCount).toBe(0);
  });

  it('refuses an end before the start, naming the end date, and writes nothing', () => {
    const w = world();
    refused(w.core, 'rounds.create', { name: 'Backwards', startDate: '2025-06-10', endDate: '2025-06-09' }, 'VALIDATION', 'endDate');
    refused(w.core, 'rounds.update', { id: w.rounds.autumn.id, name: 'Autumn 2026', startDate: '2026-09-01', endDate: '2026-08-31' }, 'VALIDATION', 'endDate');
    // A one-day round is fine.
    expect(w.core.invoke('rounds.create', { name: 'One day', startDate: '2025-06-10', endDate: '2025-06-10' }).startDate).toBe('2025-06-10');
  });

  it('refuses a duplicate name (ignoring case) as a conflict and writes nothing', () => {
    const w = world();
    const error = refused(w.core, 'rounds.create', { name: 'autumn 2026', startDate: '2025-01-01', endDate: '2025-02-01' }, 'CONFLICT');
    expect(error.issues?.map((i) => i.path.join('.'))).toEqual(['name']);
    refused(w.core, 'rounds.update', { id: w.rounds.summer.id, name: 'SPRING 2026', startDate: '2026-04-20', endDate: '2026-07-24' }, 'CONFLICT');
    // Renaming a round to its own name in other case is not a clash.
    expect(w.core.invoke('rounds.update', { id: w.rounds.summer.id, name: 'SUMMER 2026', startDate: '2026-04-20', endDate: '2026-07-24' }).name).toBe('SUMMER 2026');
  });

  it('refuses malformed rounds at the contract', () => {
    const w = world();
    refused(w.core, 'rounds.create', { name: '  ', startDate: '2025-01-01', endDate: '2025-02-01' }, 'VALIDATION', 'name');
    refused(w.core, 'rounds.create', { name: 'Bad date', startDate: '2025-02-30', endDate: '2025-03-01' }, 'VALIDATION', 'startDate');
    refused(w.core, 'rounds.create', { name: 'Bad date', startDate: '2025-02-01', endDate: '01/03/2025' }, 'VALIDATION', 'endDate');
  });

  it('unknown round ids are NOT_FOUND everywhere, and nothing is written', () => {
    const w = world();
    const missing = randomUUID();
    const { autumn } = w.rounds;
    const calls: [string, unknown][] = [
      ['rounds.update', { id: missing, name: 'Ghost', startDate: '2025-01-01', endDate: '2025-02-01' }],
      ['rounds.delete', { id: missing }],
      ['cohort.breakdown', { roundId: missing }],
      ['cohort.workingAt', { roundId: missing }],
      ['cohort.overview', { roundId: missing }],
      ['cohort.settings', { roundId: missing }],
      ['cohort.transitions', { fromRoundId: missing, toRoundId: autumn.id }],
      ['cohort.transitions', { fromRoundId: autumn.id, toRoundId: missing }],
      ['cohort.children', { roundId: missing }],
      ['cohort.children', { roundId: autumn.id, fromRoundId: missing, fromColour: 'red', colour: 'red' }],
    ];
    for (const [method, input] of calls) {
      const error = refused(w.core, method, input, 'NOT_FOUND');
      expect(error.message, method).toMatch(/round/i);
    }
  });
});

describe('an empty round and an empty database', () => {
  it('a database with no screenings: every number is zero and every breakdown has no rows', () => {
    const core = testCore();
    const setting = core.invoke('settings.create', { name: 'Only', urn: 'EY123456', type: 'childminder', localAuthority: 'Westshire' });
    core.invoke('children.create', { settingId: setting.id, firstName: 'Nia', lastName: 'New', dateOfBirth: '2024-01-01', sex: 'female' });
    core.invoke('children.create', { settingId: setting.id, firstName: 'Oli', lastName: 'Old', dateOfBirth: '2023-01-01', sex: 'male', startDate: '2027-01-01' });
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
    expect(core.invoke('cohort.overview', { roundId: round.id })).toEqual({ childrenOnRoll: 1, overdue: 0, notScreened: 1, screened: 0 });
    expect(core.invoke('cohort.overview', { roundId: round.id, scope: { localAuthority: 'Nowhere' } })).toEqual({ childrenOnRoll: 0, overdue: 0, notScreened: 0, screened: 0 });
    expect(core.invoke('cohort.children', { roundId: round.id, notScreened: true }).rows.map((r) => r.firstName)).toEqual(['Nia']);
    expect(core.invoke('cohort.settings', { roundId: round.id })).toEqual({
      rows: [{ settingId: setting.id, settingName: 'Only', localAuthority: 'Westshire', settingType: 'childminder', childrenOnRoll: 2, overdue: 0, ...rag(0, 0, 0) }],
      total: { ...rag(0, 0, 0), childrenOnRoll: 2, overdue: 0 },
    });
  });

  it('a future round in a busy database: zero counts and no rows, but children on roll are not screened', () => {
    const w = world();
    const { next } = w.rounds;
    for (const groupBy of cohortGroupings) expect(breakdown(w, { roundId: next.id, groupBy })).toEqual({ rows: [], total: rag(0, 0, 0) });
    expect(w.core.invoke('cohort.workingAt', { roundId: next.id })).toEqual([]);
    // Eve left before it; Finn has started by then. Mo (Bramble) is overdue; Jay, Kit and Mo are on roll.
    expect(w.core.invoke('cohort.overview', { roundId: next.id, scope: { settingId: w.settings.acorn.id } })).toEqual({ childrenOnRoll: 8, overdue: 2, notScreened: 8, screened: 0 });
    expect(w.core.invoke('cohort.overview', { roundId: next.id })).toEqual({ childrenOnRoll: 11, overdue: 3, notScreened: 11, screened: 0 });
    expect(w.core.invoke('cohort.transitions', { fromRoundId: w.rounds.autumn.id, toRoundId: next.id }).total).toBe(0);
    const settings = w.core.invoke('cohort.settings', { roundId: next.id });
    expect(settings.total).toEqual({ ...rag(0, 0, 0), childrenOnRoll: 11, overdue: 3 });
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
    const rows = (groupBy: (typeof cohortGroupings)[number]) => breakdown(w, { roundId: autumn, groupBy }).rows.map((r) => [r.key, r.label, r.red, r.amber, r.green, r.total]);
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
    expect(w.core.invoke('cohort.overview', { roundId: w.rounds.autumn.id, scope: acorn })).toEqual({ childrenOnRoll: 8, overdue: 2, notScreened: 4, screened: 4 });
    // Spring, Acorn: Eve still there (left 2026-03-31), Finn not yet; Gus (start unknown) counts.
    expect(w.core.invoke('cohort.overview', { roundId: w.rounds.spring.id, scope: acorn })).toEqual({ childrenOnRoll: 8, overdue: 2, notScreened: 4, screened: 4 });
    expect(w.core.invoke('cohort.overview', { roundId: w.rounds.summer.id, scope: acorn })).toEqual({ childrenOnRoll: 7, overdue: 2, notScreened: 6, screened: 1 });
    // Every open setting: Bramble adds Jay (screened) and Mo (not; overdue), Cedar adds Kit.
    expect(w.core.invoke('cohort.overview', { roundId: w.rounds.autumn.id })).toEqual({ childrenOnRoll: 11, overdue: 3, notScreened: 5, screened: 6 });
    expect(w.core.invoke('cohort.overview', { roundId: w.rounds.autumn.id, scope: { settingId: w.settings.dormant.id } })).toEqual({ childrenOnRoll: 1, overdue: 0, notScreened: 0, screened: 1 });
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
    // Ian's new screening falls in autumn; Hana left today, so she was on roll in it.
    expect(w.core.invoke('cohort.overview', { roundId: w.rounds.autumn.id })).toEqual({ childrenOnRoll: 11, overdue: 1, notScreened: 4, screened: 7 });
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
    expect(kit).toMatchObject({ screeningDate: '2026-10-07', ageSection: 6, colour: 'red', workingAtSection: 4, reviewDate: '2026-12-30', settingName: 'Cedar Court' });
  });
});

describe('cohort.settings', () => {
  it('one row per open setting, by name, with the round’s colours, children on roll now and overdue; totals sum the rows', () => {
    const w = world();
    const { acorn, bramble, cedar } = w.settings;
    const row = (s: { id: string; name: string; localAuthority: string; type: string }, counts: ReturnType<typeof rag>, childrenOnRoll: number, overdue: number) => ({
      settingId: s.id,
      settingName: s.name,
      localAuthority: s.localAuthority,
      settingType: s.type,
      childrenOnRoll,
      overdue,
      ...counts,
    });
    // Eve is archived, so Acorn has 8 on roll now.
    expect(w.core.invoke('cohort.settings', { roundId: w.rounds.autumn.id })).toEqual({
      rows: [row(acorn, rag(1, 1, 2), 8, 2), row(bramble, rag(0, 0, 1), 2, 1), row(cedar, rag(1, 0, 0), 1, 0)],
      total: { ...rag(2, 1, 3), childrenOnRoll: 11, overdue: 3 },
    });
    expect(w.core.invoke('cohort.settings', { roundId: w.rounds.spring.id, localAuthority: 'Northshire' })).toEqual({
      rows: [row(acorn, rag(1, 3, 0), 8, 2), row(bramble, rag(2, 0, 0), 2, 1)],
      total: { ...rag(3, 3, 0), childrenOnRoll: 10, overdue: 3 },
    });
    expect(w.core.invoke('cohort.settings', { roundId: w.rounds.spring.id, settingType: 'nursery' }).rows.map((r) => r.settingName)).toEqual(['Acorn Lane', 'Cedar Court']);
    expect(w.core.invoke('cohort.settings', { roundId: w.rounds.spring.id, localAuthority: 'Nowhere' })).toEqual({
      rows: [],
      total: { ...rag(0, 0, 0), childrenOnRoll: 0, overdue: 0 },
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
    expect(w.core.invoke('cohort.overview', { roundId: spring.id, scope: { settingId: w.settings.acorn.id } })).toEqual({ childrenOnRoll: 8, overdue: 2, notScreened: 5, screened: 3 });
    // Deleting Gus's only screening: autumn loses him and he is not screened.
    w.core.invoke('screenings.delete', { id: w.screenings.gusAutumn.id });
    expect(totals(w, autumn.id)).toEqual(rag(2, 0, 3));
    expect(breakdown(w, { roundId: autumn.id }).rows.map((r) => r.key)).toEqual(['3', '5', '6', '7']);
    expect(drill(w, { roundId: autumn.id, notScreened: true })).toEqual(['Dan Dale', 'Finn Ford', 'Gus Gray', 'Hana Hill', 'Ian Irwin', 'Mo Moss']);
  });

  it('a change to a child’s details moves them between subgroups in every round; room snapshots stay', () => {
    const w = world();
    const { spring, autumn } = w.rounds;
    w.edit(w.children.ben.id, { sex: 'female', eal: false, ethnicity: 'WBRI', sendStage: 'ehcp', funded2: true, dateOfBirth: '2023-12-20', roomId: null, keyPersonId: null });
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
    expect(w.core.invoke('cohort.overview', { roundId: spring.id, scope: { settingId: w.settings.acorn.id } })).toMatchObject({ childrenOnRoll: 7, notScreened: 3 });
    w.edit(w.children.dan.id, { startDate: null, leaveDate: '2026-01-05' });
    expect(w.core.invoke('cohort.overview', { roundId: spring.id, scope: { settingId: w.settings.acorn.id } })).toMatchObject({ childrenOnRoll: 8, notScreened: 4 });
    expect(w.core.invoke('cohort.overview', { roundId: w.rounds.summer.id, scope: { settingId: w.settings.acorn.id } })).toMatchObject({ childrenOnRoll: 6, notScreened: 5 });
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
    refused(w.core, 'rounds.update', { id: w.rounds.summer.id, name: 'Summer 2026', startDate: '2026-04-20', endDate: '2026-09-05' }, 'VALIDATION', 'startDate');
    refused(w.core, 'rounds.update', { id: w.rounds.summer.id, name: 'Autumn 2026', startDate: '2026-04-20', endDate: '2026-08-15' }, 'CONFLICT');
    expect(w.core.invoke('cohort.trend', {})).toEqual(before);
  });
});

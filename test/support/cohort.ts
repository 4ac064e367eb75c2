import { expect } from 'vitest';
import type { Core } from '../../electron/core/core.js';
import type { MethodInput } from '../../shared/contract/index.js';
import type { Colour } from '../../shared/domain/screening.js';
import type { ApiErrorBody, ErrorCode } from '../../shared/errors.js';
import { failure, paths } from './api.js';
import { dump, testCore } from './core.js';

// The hand-built world of the rounds and cohort tests, whose every number was worked out by hand
// (ages in completed months, review dates) and is written out below.
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

/** Every row of every table, sorted: any write at all changes the dump. */
export function cohortDump(core: Core): string {
  return dump(core, ['rounds', 'round_results', 'screenings'], { sorted: true });
}

/** Calls through the untyped entry, checks the code and the field named, and that nothing was written. */
export function refused(core: Core, method: string, input: unknown, code: ErrorCode, path: string | null = null): ApiErrorBody {
  const error = failure(core, method, input, cohortDump);
  expect(error.code, error.message).toBe(code);
  expect(error.message.length).toBeGreaterThan(10);
  if (path) expect(paths(error), error.message).toEqual([path]);
  return error;
}

export const rag = (red: number, amber: number, green: number) => ({ red, amber, green, total: red + amber + green });
export const sections = (top: number, ...colours: Colour[]) => colours.map((colour, i) => ({ section: top - i, colour }));

export function world(core: Core = testCore()) {
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
    const {
      id,
      firstName,
      lastName,
      dateOfBirth,
      sex,
      ethnicity,
      homeLanguages,
      eal,
      sendStage,
      funded2,
      eypp,
      roomId,
      keyPersonId,
      startDate,
      leaveDate,
      notes,
    } = core.invoke('children.get', { id: childId });
    return core.invoke('children.update', {
      id,
      firstName,
      lastName,
      dateOfBirth,
      sex,
      ethnicity,
      homeLanguages,
      eal,
      sendStage,
      funded2,
      eypp,
      roomId,
      keyPersonId,
      startDate,
      leaveDate,
      notes,
      ...change,
    });
  };

  const ava = child(acorn.id, 'Ava Adams', {
    dateOfBirth: '2023-03-15',
    sex: 'female',
    ethnicity: 'WBRI',
    eypp: true,
    roomId: caterpillars.id,
    keyPersonId: kim.id,
    startDate: '2024-09-01',
  });
  const avaSpring = screen(ava.id, '2026-02-10', 5, 'red', 'green');
  const avaAutumn = screen(ava.id, '2026-10-01', 7, 'green');
  edit(ava.id, { roomId: butterflies.id, keyPersonId: lee.id });

  const ben = child(acorn.id, 'Ben Brown', {
    dateOfBirth: '2024-01-20',
    sex: 'male',
    ethnicity: 'APKN',
    eal: true,
    roomId: caterpillars.id,
    keyPersonId: lee.id,
  });
  screen(ben.id, '2026-03-02', 4, 'amber', 'amber', 'green');
  edit(ben.id, { roomId: butterflies.id, keyPersonId: kim.id });
  screen(ben.id, '2026-09-15', 5, 'green');

  const cara = child(acorn.id, 'Cara Clark', {
    dateOfBirth: '2025-02-01',
    sex: 'female',
    sendStage: 'sen-support',
    roomId: butterflies.id,
    keyPersonId: kim.id,
  });
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
export type World = ReturnType<typeof world>;

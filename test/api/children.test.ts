import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { MethodInput } from '../../shared/contract/index.js';
import type { ChildListQuery, ChildSortKey } from '../../shared/schemas/children.js';
import { failure, paths } from '../support/api.js';
import { testCore, testNow as now, testToday } from '../support/core.js';
import { twoSettings, validChild } from '../support/fixtures.js';

/**
 * Two settings. Acorn has rooms, staff (one archived) and seven children, one of them a leaver;
 * Bramble has its own room, key person and a child who shares a first name with one of Acorn's.
 */
function world() {
  const { core, a: acorn, b: bramble } = twoSettings();
  const babies = core.invoke('rooms.create', { settingId: acorn.id, name: 'Babies' });
  const toddlers = core.invoke('rooms.create', { settingId: acorn.id, name: 'Toddlers' });
  const oldRoom = core.invoke('rooms.create', { settingId: acorn.id, name: 'Old room' });
  core.invoke('rooms.archive', { id: oldRoom.id, archived: true });
  const kim = core.invoke('staff.create', { settingId: acorn.id, name: 'Kim Kettlebrook', role: 'practitioner', qualificationLevel: 'level-3' });
  const lee = core.invoke('staff.create', { settingId: acorn.id, name: 'Lee Lanternby', role: 'practitioner', qualificationLevel: 'level-2' });
  const ash = core.invoke('staff.create', { settingId: acorn.id, name: 'Ash Gone', role: 'practitioner', qualificationLevel: 'level-2' });
  core.invoke('staff.archive', { id: ash.id, archived: true });
  const brambleRoom = core.invoke('rooms.create', { settingId: bramble.id, name: 'Acorns' });
  const bo = core.invoke('staff.create', { settingId: bramble.id, name: 'Bo Brook', role: 'manager', qualificationLevel: 'level-6-plus' });

  const add = (input: Omit<MethodInput<'children.create'>, 'settingId' | 'sex'> & { settingId?: string }) =>
    core.invoke('children.create', { settingId: acorn.id, sex: 'female', ...input });
  const amara = add({
    firstName: 'Amara',
    lastName: 'Applewhistle',
    dateOfBirth: '2023-03-01',
    roomId: babies.id,
    keyPersonId: kim.id,
    eal: true,
    startDate: '2024-01-08',
  });
  const ben = add({
    firstName: 'ben',
    lastName: 'buttonhook',
    dateOfBirth: '2022-06-15',
    roomId: toddlers.id,
    keyPersonId: lee.id,
    sendStage: 'sen-support',
    startDate: '2023-09-04',
  });
  const cora = add({ firstName: 'Cora', lastName: 'Clatterby', dateOfBirth: '2024-01-20', sendStage: 'ehcp' });
  const annU = add({
    firstName: 'Ann_Marie',
    lastName: 'Dandelight',
    dateOfBirth: '2023-07-07',
    roomId: toddlers.id,
    keyPersonId: kim.id,
    eal: true,
    startDate: '2025-01-06',
  });
  const annH = add({
    firstName: 'Ann-Marie',
    lastName: 'Evans',
    dateOfBirth: '2023-07-07',
    roomId: babies.id,
    sendStage: 'sen-support',
    startDate: '2024-09-02',
  });
  const ella = add({ firstName: 'Ella', lastName: 'Per%cent', dateOfBirth: '2022-12-12', keyPersonId: lee.id, startDate: '2023-06-01' });
  const finn = add({
    firstName: 'Finn',
    lastName: 'Fernwhistle',
    dateOfBirth: '2021-05-05',
    roomId: toddlers.id,
    keyPersonId: kim.id,
    startDate: '2022-09-01',
  });
  core.invoke('children.archive', { id: finn.id, archived: true, leaveDate: '2026-07-20' });
  const brambleAmara = add({
    settingId: bramble.id,
    firstName: 'Amara',
    lastName: 'Zed',
    dateOfBirth: '2023-01-01',
    roomId: brambleRoom.id,
    keyPersonId: bo.id,
  });

  return {
    core,
    acorn,
    bramble,
    rooms: { babies, toddlers, oldRoom, brambleRoom },
    staff: { kim, lee, ash, bo },
    kids: { amara, ben, cora, annU, annH, ella, finn, brambleAmara },
  };
}

type World = ReturnType<typeof world>;

function listNames(w: World, query: Omit<ChildListQuery, 'settingId'> = {}): string[] {
  return w.core.invoke('children.list', { settingId: w.acorn.id, ...query }).rows.map((r) => `${r.firstName} ${r.lastName}`);
}

const A = 'Amara Applewhistle';
const B = 'ben buttonhook';
const C = 'Cora Clatterby';
const D = 'Ann_Marie Dandelight';
const E = 'Ann-Marie Evans';
const P = 'Ella Per%cent';
const F = 'Finn Fernwhistle';

describe('children.create and children.get', () => {
  it('creates a child with defaults filled in and text trimmed, and gets it back', () => {
    const w = world();
    const child = w.core.invoke('children.create', {
      settingId: w.acorn.id,
      firstName: '  Zac ',
      lastName: ' Yarrowmere ',
      dateOfBirth: '2024-02-29',
      sex: 'male',
    });
    expect(child).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      settingId: w.acorn.id,
      firstName: 'Zac',
      lastName: 'Yarrowmere',
      dateOfBirth: '2024-02-29',
      sex: 'male',
      ethnicity: 'NOBT',
      homeLanguages: [],
      eal: false,
      sendStage: 'none',
      funded2: false,
      eypp: false,
      roomId: null,
      keyPersonId: null,
      startDate: null,
      leaveDate: null,
      notes: '',
      archivedAt: null,
      createdAt: now,
      updatedAt: now,
    });
    expect(w.core.invoke('children.get', { id: child.id })).toEqual(child);
  });

  it('stores every field as given', () => {
    const w = world();
    const input = {
      settingId: w.acorn.id,
      firstName: 'Hana',
      lastName: 'Honeytrove',
      dateOfBirth: '2022-08-31',
      sex: 'not-recorded' as const,
      ethnicity: 'MWAS' as const,
      homeLanguages: ['English', 'Urdu'],
      eal: true,
      sendStage: 'ehcp' as const,
      funded2: true,
      eypp: true,
      roomId: w.rooms.toddlers.id,
      keyPersonId: w.staff.lee.id,
      startDate: '2023-09-01',
      leaveDate: '2027-07-23',
      notes: 'Prefers to be called “Han”.',
    };
    const child = w.core.invoke('children.create', input);
    const { settingId, ...fields } = input;
    expect(child).toMatchObject({ ...fields, settingId, archivedAt: null });
    expect(w.core.invoke('children.get', { id: child.id })).toMatchObject(fields);
  });

  it('accepts a date of birth of today and of exactly eight years ago', () => {
    const w = world();
    expect(w.core.invoke('children.create', { ...validChild(w.acorn.id), sex: 'female', dateOfBirth: testToday }).dateOfBirth).toBe(testToday);
    expect(w.core.invoke('children.create', { ...validChild(w.acorn.id), sex: 'female', dateOfBirth: '2018-11-27' }).dateOfBirth).toBe('2018-11-27');
  });

  it('accepts a room and key person from the child’s own setting', () => {
    const w = world();
    const child = w.core.invoke('children.create', { ...validChild(w.acorn.id), sex: 'female', roomId: w.rooms.babies.id, keyPersonId: w.staff.kim.id });
    expect(child).toMatchObject({ roomId: w.rooms.babies.id, keyPersonId: w.staff.kim.id });
  });

  it('returns NOT_FOUND for a child that does not exist, and refuses an id that is not a UUID', () => {
    const w = world();
    expect(failure(w.core, 'children.get', { id: randomUUID() })).toEqual({ code: 'NOT_FOUND', message: 'The child was not found' });
    expect(failure(w.core, 'children.get', { id: 'amara' }).issues).toEqual([{ path: ['id'], message: 'Must be a record id' }]);
  });
});

describe('children.create refuses bad input, naming the field and writing nothing', () => {
  const cases: { name: string; input: (w: World) => Record<string, unknown>; path: string; message: RegExp }[] = [
    {
      name: 'a date of birth tomorrow',
      input: (w) => ({ ...validChild(w.acorn.id), dateOfBirth: '2026-11-28' }),
      path: 'dateOfBirth',
      message: /^Date of birth must be today or in the past$/,
    },
    {
      name: 'a date of birth years ahead',
      input: (w) => ({ ...validChild(w.acorn.id), dateOfBirth: '2030-01-01' }),
      path: 'dateOfBirth',
      message: /today or in the past/,
    },
    {
      name: 'a date of birth over eight years ago',
      input: (w) => ({ ...validChild(w.acorn.id), dateOfBirth: '2018-11-26' }),
      path: 'dateOfBirth',
      message: /more than 8 years ago: check the year/,
    },
    {
      name: 'a date that does not exist',
      input: (w) => ({ ...validChild(w.acorn.id), dateOfBirth: '2023-02-29' }),
      path: 'dateOfBirth',
      message: /^Enter a real date, for example 27\/11\/2026$/,
    },
    {
      name: 'a UK-format date (the renderer converts first)',
      input: (w) => ({ ...validChild(w.acorn.id), dateOfBirth: '01/03/2023' }),
      path: 'dateOfBirth',
      message: /Enter a real date/,
    },
    { name: 'an empty first name', input: (w) => ({ ...validChild(w.acorn.id), firstName: '' }), path: 'firstName', message: /^Enter a first name$/ },
    {
      name: 'a whitespace-only first name',
      input: (w) => ({ ...validChild(w.acorn.id), firstName: ' \t ' }),
      path: 'firstName',
      message: /^Enter a first name$/,
    },
    { name: 'a whitespace-only last name', input: (w) => ({ ...validChild(w.acorn.id), lastName: '   ' }), path: 'lastName', message: /^Enter a last name$/ },
    {
      name: 'a first name over 60 characters',
      input: (w) => ({ ...validChild(w.acorn.id), firstName: 'a'.repeat(61) }),
      path: 'firstName',
      message: /^A first name must be 60 characters or fewer$/,
    },
    {
      name: 'a last name over 60 characters',
      input: (w) => ({ ...validChild(w.acorn.id), lastName: 'b'.repeat(61) }),
      path: 'lastName',
      message: /60 characters or fewer/,
    },
    {
      name: 'notes over 2000 characters',
      input: (w) => ({ ...validChild(w.acorn.id), notes: 'n'.repeat(2001) }),
      path: 'notes',
      message: /^Notes must be 2000 characters or fewer$/,
    },
    {
      name: 'seven home languages',
      input: (w) => ({ ...validChild(w.acorn.id), homeLanguages: ['a', 'b', 'c', 'd', 'e', 'f', 'g'] }),
      path: 'homeLanguages',
      message: /at most 6 home languages/,
    },
    {
      name: 'a home language over 40 characters',
      input: (w) => ({ ...validChild(w.acorn.id), homeLanguages: ['English', 'l'.repeat(41)] }),
      path: 'homeLanguages.1',
      message: /40 characters or fewer/,
    },
    {
      name: 'a leave date before the start date',
      input: (w) => ({ ...validChild(w.acorn.id), startDate: '2024-09-02', leaveDate: '2024-09-01' }),
      path: 'leaveDate',
      message: /^Leave date must be on or after the start date$/,
    },
    {
      name: 'a start date before the date of birth',
      input: (w) => ({ ...validChild(w.acorn.id), startDate: '2023-02-28' }),
      path: 'startDate',
      message: /^Start date must be on or after the date of birth$/,
    },
    {
      name: 'a leave date before the date of birth',
      input: (w) => ({ ...validChild(w.acorn.id), leaveDate: '2023-01-01' }),
      path: 'leaveDate',
      message: /on or after the date of birth/,
    },
    {
      name: 'a key person from another setting',
      input: (w) => ({ ...validChild(w.acorn.id), keyPersonId: w.staff.bo.id }),
      path: 'keyPersonId',
      message: /^Choose a key person who works in this setting$/,
    },
    {
      name: 'a key person who does not exist',
      input: (w) => ({ ...validChild(w.acorn.id), keyPersonId: randomUUID() }),
      path: 'keyPersonId',
      message: /works in this setting/,
    },
    {
      name: 'a key person who has left',
      input: (w) => ({ ...validChild(w.acorn.id), keyPersonId: w.staff.ash.id }),
      path: 'keyPersonId',
      message: /^Ash Gone has left: choose another key person$/,
    },
    {
      name: 'a room from another setting',
      input: (w) => ({ ...validChild(w.acorn.id), roomId: w.rooms.brambleRoom.id }),
      path: 'roomId',
      message: /^Choose a room in this setting$/,
    },
    {
      name: 'a room that does not exist',
      input: (w) => ({ ...validChild(w.acorn.id), roomId: randomUUID() }),
      path: 'roomId',
      message: /room in this setting/,
    },
    {
      name: 'an archived room',
      input: (w) => ({ ...validChild(w.acorn.id), roomId: w.rooms.oldRoom.id }),
      path: 'roomId',
      message: /^Old room is archived: choose another room$/,
    },
    { name: 'an unknown sex', input: (w) => ({ ...validChild(w.acorn.id), sex: 'boy' }), path: 'sex', message: /^Choose the child’s sex$/ },
    {
      name: 'an unknown ethnicity code',
      input: (w) => ({ ...validChild(w.acorn.id), ethnicity: 'XXXX' }),
      path: 'ethnicity',
      message: /^Choose an ethnicity$/,
    },
    {
      name: 'an unknown SEND stage',
      input: (w) => ({ ...validChild(w.acorn.id), sendStage: 'statement' }),
      path: 'sendStage',
      message: /^Choose a SEND stage$/,
    },
    { name: 'eal as a string', input: (w) => ({ ...validChild(w.acorn.id), eal: 'yes' }), path: 'eal', message: /boolean/ },
    { name: 'funded2 as a number', input: (w) => ({ ...validChild(w.acorn.id), funded2: 1 }), path: 'funded2', message: /boolean/ },
    {
      name: 'a date of birth as a number',
      input: (w) => ({ ...validChild(w.acorn.id), dateOfBirth: 20230301 }),
      path: 'dateOfBirth',
      message: /^Enter a date$/,
    },
    {
      name: 'home languages as a string',
      input: (w) => ({ ...validChild(w.acorn.id), homeLanguages: 'Urdu' }),
      path: 'homeLanguages',
      message: /expected array/,
    },
    {
      name: 'a settingId that is not a UUID',
      input: (w) => ({ ...validChild(w.acorn.id), settingId: 'acorn' }),
      path: 'settingId',
      message: /^Must be a record id$/,
    },
    { name: 'a roomId that is not a UUID', input: (w) => ({ ...validChild(w.acorn.id), roomId: 'babies' }), path: 'roomId', message: /^Must be a record id$/ },
    { name: 'a keyPersonId that is a number', input: (w) => ({ ...validChild(w.acorn.id), keyPersonId: 7 }), path: 'keyPersonId', message: /.+/ },
  ];

  it.each(cases)('refuses $name', ({ input, path, message }) => {
    const w = world();
    const error = failure(w.core, 'children.create', input(w));
    expect(error.code).toBe('VALIDATION');
    expect(paths(error)).toEqual([path]);
    expect(error.issues?.[0]?.message).toMatch(message);
    // The summary names the problem too, so a caller that shows only the message is still clear.
    expect(error.message).toContain(error.issues?.[0]?.message ?? '<missing>');
  });

  it('refuses a child for an archived setting, naming settingId', () => {
    const w = world();
    w.core.invoke('settings.archive', { id: w.acorn.id, archived: true });
    const error = failure(w.core, 'children.create', validChild(w.acorn.id));
    expect(error.code).toBe('VALIDATION');
    expect(error.issues).toEqual([{ path: ['settingId'], message: 'Acorn Lane is archived' }]);
    expect(error.message).toMatch(/restore it before adding to it/);
  });

  it('returns NOT_FOUND for a setting that does not exist', () => {
    const w = world();
    expect(failure(w.core, 'children.create', validChild(randomUUID()))).toEqual({ code: 'NOT_FOUND', message: 'The setting was not found' });
  });

  it('names every missing required field', () => {
    const w = world();
    const error = failure(w.core, 'children.create', {});
    expect(error.code).toBe('VALIDATION');
    expect(paths(error).sort()).toEqual(['dateOfBirth', 'firstName', 'lastName', 'settingId', 'sex']);
    expect(error.message).toMatch(/^5 problems, first /);
  });

  it('reports every database-dependent problem at once', () => {
    const w = world();
    const error = failure(w.core, 'children.create', {
      ...validChild(w.acorn.id),
      dateOfBirth: '2027-01-01',
      roomId: w.rooms.brambleRoom.id,
      keyPersonId: w.staff.bo.id,
    });
    expect(error.code).toBe('VALIDATION');
    expect(paths(error)).toEqual(['dateOfBirth', 'roomId', 'keyPersonId']);
    expect(error.message).toBe('3 fields need attention');
  });

  it('refuses input that is not an object', () => {
    const w = world();
    for (const input of ['Amara', 42, [validChild(w.acorn.id)], true]) {
      const error = failure(w.core, 'children.create', input);
      expect(error.code).toBe('VALIDATION');
      expect(error.issues?.[0]?.path).toEqual([]);
    }
  });
});

describe('children.update', () => {
  it('replaces the child’s fields and moves updatedAt, keeping createdAt', () => {
    const w = world();
    const later = testCore({ today: '2026-12-03', path: w.core.context.databasePath });
    const before = w.kids.cora;
    const updated = later.invoke('children.update', {
      id: before.id,
      firstName: 'Cora-Lee',
      lastName: 'Clatterby',
      dateOfBirth: '2024-01-21',
      sex: 'female',
      homeLanguages: ['English', 'Polish'],
      eal: true,
      sendStage: 'sen-support',
      roomId: w.rooms.babies.id,
      keyPersonId: w.staff.lee.id,
      startDate: '2025-04-22',
      notes: 'Moved up',
    });
    expect(updated).toMatchObject({
      id: before.id,
      settingId: w.acorn.id,
      firstName: 'Cora-Lee',
      dateOfBirth: '2024-01-21',
      homeLanguages: ['English', 'Polish'],
      eal: true,
      sendStage: 'sen-support',
      roomId: w.rooms.babies.id,
      keyPersonId: w.staff.lee.id,
      startDate: '2025-04-22',
      notes: 'Moved up',
      createdAt: now,
      updatedAt: '2026-12-03T12:00:00.000Z',
    });
    expect(w.core.invoke('children.get', { id: before.id })).toEqual(updated);
  });

  it('lets a child keep a room and key person that have since been archived', () => {
    const w = world();
    const { amara } = w.kids;
    w.core.invoke('rooms.archive', { id: w.rooms.babies.id, archived: true });
    w.core.invoke('staff.archive', { id: w.staff.kim.id, archived: true });
    const { id, settingId: _s, createdAt: _c, updatedAt: _u, archivedAt: _a, ...fields } = amara;
    const updated = w.core.invoke('children.update', { id, ...fields, notes: 'Still in Babies' });
    expect(updated).toMatchObject({ roomId: w.rooms.babies.id, keyPersonId: w.staff.kim.id, notes: 'Still in Babies' });
  });

  function fieldsOf(w: World) {
    const { id, settingId: _s, createdAt: _c, updatedAt: _u, archivedAt: _a, ...fields } = w.kids.amara;
    return { id, ...fields };
  }

  it.each([
    { name: 'a future date of birth', change: (_w: World) => ({ dateOfBirth: '2026-11-28', startDate: null }), path: 'dateOfBirth' },
    { name: 'a blank first name', change: (_w: World) => ({ firstName: '  ' }), path: 'firstName' },
    { name: 'a leave date before the start date', change: (_w: World) => ({ leaveDate: '2024-01-07' }), path: 'leaveDate' },
    { name: 'a room from another setting', change: (w: World) => ({ roomId: w.rooms.brambleRoom.id }), path: 'roomId' },
    { name: 'a move into an archived room', change: (w: World) => ({ roomId: w.rooms.oldRoom.id }), path: 'roomId' },
    { name: 'a key person from another setting', change: (w: World) => ({ keyPersonId: w.staff.bo.id }), path: 'keyPersonId' },
    { name: 'a key person who has left', change: (w: World) => ({ keyPersonId: w.staff.ash.id }), path: 'keyPersonId' },
    { name: 'an oversized last name', change: (_w: World) => ({ lastName: 'x'.repeat(61) }), path: 'lastName' },
    { name: 'an invalid room id', change: (_w: World) => ({ roomId: 'not-a-uuid' }), path: 'roomId' },
  ])('refuses $name and leaves the child as it was', ({ change, path }) => {
    const w = world();
    const error = failure(w.core, 'children.update', { ...fieldsOf(w), notes: 'should not be saved', ...change(w) });
    expect(error.code).toBe('VALIDATION');
    expect(paths(error)).toEqual([path]);
    expect(w.core.invoke('children.get', { id: w.kids.amara.id })).toEqual(w.kids.amara);
  });

  // FAILS at the time of writing: children.update re-runs the "more than 8 years ago" check on a
  // date of birth that has not changed, so a record kept long enough (a leaver held for the
  // retention period, say) can no longer be edited at all, not even its notes. checkChild
  // already exempts an unchanged room and key person; an unchanged date of birth needs the same.
  it('lets a record be edited years later when its date of birth is unchanged', () => {
    const w = world();
    const older = w.core.invoke('children.create', { ...validChild(w.acorn.id), dateOfBirth: '2019-01-10' });
    const { id, settingId: _s, createdAt: _c, updatedAt: _u, archivedAt: _a, ...fields } = older;
    const later = testCore({ today: '2027-03-01', path: w.core.context.databasePath });
    const result = later.call('children.update', { id, ...fields, notes: 'Records checked' });
    expect(result.ok ? 'ok' : `${result.error.code}: ${result.error.message}`).toBe('ok');
  });

  it('checks the date of birth of an old record again once it is changed, even to another too-old date', () => {
    const w = world();
    const older = w.core.invoke('children.create', { ...validChild(w.acorn.id), dateOfBirth: '2019-01-10' });
    const { id, settingId: _s, createdAt: _c, updatedAt: _u, archivedAt: _a, ...fields } = older;
    // By 2027-03-01 the date of birth is more than eight years ago.
    const later = testCore({ today: '2027-03-01', path: w.core.context.databasePath });
    const error = failure(later, 'children.update', { id, ...fields, dateOfBirth: '2019-01-11', notes: 'should not be saved' });
    expect(error.issues).toEqual([{ path: ['dateOfBirth'], message: 'Date of birth is more than 8 years ago: check the year' }]);
    expect(later.invoke('children.get', { id })).toEqual(older);
    const kept = later.invoke('children.update', { id, ...fields, notes: 'Records checked' });
    expect(kept).toMatchObject({ dateOfBirth: '2019-01-10', notes: 'Records checked' });
  });

  it('still checks a changed date of birth on update', () => {
    const w = world();
    const error = failure(w.core, 'children.update', { ...fieldsOf(w), dateOfBirth: '2018-01-10', startDate: null });
    expect(error.issues).toEqual([{ path: ['dateOfBirth'], message: 'Date of birth is more than 8 years ago: check the year' }]);
  });

  it('returns NOT_FOUND for a child that does not exist', () => {
    const w = world();
    const error = failure(w.core, 'children.update', { ...fieldsOf(w), id: randomUUID() });
    expect(error).toEqual({ code: 'NOT_FOUND', message: 'The child was not found' });
  });

  it('refuses a missing id', () => {
    const w = world();
    const { id, ...rest } = fieldsOf(w);
    expect(id).toBe(w.kids.amara.id);
    expect(paths(failure(w.core, 'children.update', rest))).toEqual(['id']);
  });
});

describe('children.archive', () => {
  it('marks a leaver with today as the leave date by default, and restoring clears it', () => {
    const w = world();
    const archived = w.core.invoke('children.archive', { id: w.kids.amara.id, archived: true });
    expect(archived).toMatchObject({ archivedAt: now, leaveDate: '2026-11-27' });
    expect(listNames(w)).not.toContain(A);
    expect(listNames(w, { status: 'leavers' })).toEqual([A, F]);
    expect(w.core.invoke('settings.get', { id: w.acorn.id }).childrenOnRoll).toBe(5);
    expect(w.core.invoke('rooms.list', { settingId: w.acorn.id }).find((r) => r.id === w.rooms.babies.id)?.childrenOnRoll).toBe(1);
    expect(w.core.invoke('staff.list', { settingId: w.acorn.id }).find((s) => s.id === w.staff.kim.id)?.keyChildren).toBe(1);

    const restored = w.core.invoke('children.archive', { id: w.kids.amara.id, archived: false });
    expect(restored).toMatchObject({ archivedAt: null, leaveDate: null });
    expect(listNames(w)).toContain(A);
    expect(w.core.invoke('settings.get', { id: w.acorn.id }).childrenOnRoll).toBe(6);
  });

  it('uses a leave date given by the caller', () => {
    const w = world();
    expect(w.core.invoke('children.archive', { id: w.kids.ben.id, archived: true, leaveDate: '2026-08-31' })).toMatchObject({
      archivedAt: now,
      leaveDate: '2026-08-31',
    });
  });

  it('keeps a leave date already recorded on the child when none is given', () => {
    const w = world();
    const recorded = w.core.invoke('children.create', { ...validChild(w.acorn.id), sex: 'male', startDate: '2024-01-08', leaveDate: '2026-10-31' });
    expect(w.core.invoke('children.archive', { id: recorded.id, archived: true }).leaveDate).toBe('2026-10-31');
  });

  it('accepts today as the leave date', () => {
    const w = world();
    expect(w.core.invoke('children.archive', { id: w.kids.ben.id, archived: true, leaveDate: testToday })).toMatchObject({
      archivedAt: now,
      leaveDate: testToday,
    });
  });

  it('refuses a leave date after today, naming leaveDate and writing nothing', () => {
    const w = world();
    const error = failure(w.core, 'children.archive', { id: w.kids.amara.id, archived: true, leaveDate: '2026-11-28' });
    expect(error).toEqual({
      code: 'VALIDATION',
      message: 'Leave date must be today or in the past',
      issues: [{ path: ['leaveDate'], message: 'Leave date must be today or in the past' }],
    });
    expect(w.core.invoke('children.get', { id: w.kids.amara.id })).toEqual(w.kids.amara);
  });

  it('refuses to archive with a planned future leave date from the record when none is given, writing nothing', () => {
    const w = world();
    const planned = w.core.invoke('children.create', { ...validChild(w.acorn.id), sex: 'male', startDate: '2024-01-08', leaveDate: '2026-12-18' });
    const error = failure(w.core, 'children.archive', { id: planned.id, archived: true });
    expect(error.issues).toEqual([{ path: ['leaveDate'], message: 'Leave date must be today or in the past' }]);
    expect(w.core.invoke('children.get', { id: planned.id })).toEqual(planned);
    // Giving today's date instead archives the child.
    expect(w.core.invoke('children.archive', { id: planned.id, archived: true, leaveDate: testToday })).toMatchObject({
      archivedAt: now,
      leaveDate: testToday,
    });
  });

  it('keeps the first archivedAt when an archived child is archived again, while taking the new leave date', () => {
    const w = world();
    const first = w.core.invoke('children.archive', { id: w.kids.ben.id, archived: true, leaveDate: '2026-11-20' });
    expect(first.archivedAt).toBe(now);
    const later = testCore({ today: '2026-12-03', path: w.core.context.databasePath });
    const again = later.invoke('children.archive', { id: w.kids.ben.id, archived: true, leaveDate: '2026-11-21' });
    expect(again).toMatchObject({ archivedAt: now, leaveDate: '2026-11-21', updatedAt: '2026-12-03T12:00:00.000Z' });
    expect(later.invoke('children.archive', { id: w.kids.ben.id, archived: true })).toMatchObject({ archivedAt: now, leaveDate: '2026-11-21' });

    // Restoring clears it, so a later archive is a new leaving, with its own time.
    later.invoke('children.archive', { id: w.kids.ben.id, archived: false });
    expect(later.invoke('children.archive', { id: w.kids.ben.id, archived: true })).toMatchObject({
      archivedAt: '2026-12-03T12:00:00.000Z',
      leaveDate: '2026-12-03',
    });
  });

  it('refuses a leave date before the start date, naming leaveDate and writing nothing', () => {
    const w = world();
    const error = failure(w.core, 'children.archive', { id: w.kids.amara.id, archived: true, leaveDate: '2024-01-07' });
    expect(error).toEqual({
      code: 'VALIDATION',
      message: 'Leave date must be on or after the start date',
      issues: [{ path: ['leaveDate'], message: 'Leave date must be on or after the start date' }],
    });
    expect(w.core.invoke('children.get', { id: w.kids.amara.id }).archivedAt).toBeNull();
  });

  it('refuses a leave date before the date of birth for a child with no start date', () => {
    const w = world();
    const error = failure(w.core, 'children.archive', { id: w.kids.cora.id, archived: true, leaveDate: '2024-01-19' });
    expect(error.issues).toEqual([{ path: ['leaveDate'], message: 'Leave date must be on or after the date of birth' }]);
  });

  it('refuses a malformed leave date, an unknown child and a missing flag', () => {
    const w = world();
    expect(paths(failure(w.core, 'children.archive', { id: w.kids.amara.id, archived: true, leaveDate: 'last Friday' }))).toEqual(['leaveDate']);
    expect(failure(w.core, 'children.archive', { id: randomUUID(), archived: true }).code).toBe('NOT_FOUND');
    expect(paths(failure(w.core, 'children.archive', { id: w.kids.amara.id }))).toEqual(['archived']);
  });
});

describe('children.list', () => {
  it('lists current children of one setting by surname then first name, regardless of case, with room and key person names', () => {
    const w = world();
    const result = w.core.invoke('children.list', { settingId: w.acorn.id });
    expect(result.total).toBe(6);
    expect(result.rows.map((r) => `${r.firstName} ${r.lastName}`)).toEqual([A, B, C, D, E, P]);
    expect(result.rows[0]).toMatchObject({ id: w.kids.amara.id, roomName: 'Babies', keyPersonName: 'Kim Kettlebrook' });
    expect(result.rows[2]).toMatchObject({ id: w.kids.cora.id, roomName: null, keyPersonName: null });
    expect(w.core.invoke('children.list', { settingId: w.bramble.id }).rows.map((r) => r.id)).toEqual([w.kids.brambleAmara.id]);
  });

  it('lists the children on roll in a round and not screened in it, leavers included; a bad round is refused by name', () => {
    const w = world();
    const round = w.core.invoke('rounds.create', { name: 'Autumn 2026', startDate: '2026-09-01', endDate: '2026-12-18' });
    const all = w.core.invoke('children.list', { settingId: w.acorn.id, status: 'all', limit: 1000 });
    const notScreened = w.core.invoke('children.list', { settingId: w.acorn.id, notScreenedInRound: round.id, status: 'all', limit: 1000 });
    // The property tests tie this list to the overview's count on random data; here, its shape.
    expect(notScreened.total).toBe(w.core.invoke('cohort.overview', { scope: { settingId: w.acorn.id }, roundId: round.id }).notScreened);
    expect(notScreened.rows.every((r) => all.rows.some((x) => x.id === r.id))).toBe(true);
    expect(paths(failure(w.core, 'children.list', { settingId: w.acorn.id, notScreenedInRound: 'autumn' }))).toEqual(['notScreenedInRound']);
    expect(failure(w.core, 'children.list', { settingId: w.acorn.id, notScreenedInRound: randomUUID() })).toMatchObject({ code: 'NOT_FOUND' });
  });

  const sorts: { sort: ChildSortKey; asc: string[]; desc: string[] }[] = [
    { sort: 'name', asc: [A, B, C, D, E, P], desc: [P, E, D, C, B, A] },
    { sort: 'dateOfBirth', asc: [B, P, A, D, E, C], desc: [C, E, D, A, P, B] },
    // Children with no room, key person or start date come last in both directions.
    { sort: 'room', asc: [A, E, B, D, C, P], desc: [D, B, E, A, P, C] },
    { sort: 'keyPerson', asc: [A, D, B, P, C, E], desc: [P, B, D, A, E, C] },
    { sort: 'startDate', asc: [P, B, A, E, D, C], desc: [D, E, A, B, P, C] },
  ];
  it.each(sorts)('sorts by $sort in both directions', ({ sort, asc, desc }) => {
    const w = world();
    expect(listNames(w, { sort, direction: 'asc' })).toEqual(asc);
    expect(listNames(w, { sort })).toEqual(asc);
    expect(listNames(w, { sort, direction: 'desc' })).toEqual(desc);
  });

  it.each([
    { label: 'room', query: (w: World) => ({ roomId: w.rooms.toddlers.id }), current: [B, D], all: [B, D, F] },
    { label: 'key person', query: (w: World) => ({ keyPersonId: w.staff.kim.id }), current: [A, D], all: [A, D, F] },
    { label: 'EAL', query: (_w: World) => ({ eal: true }), current: [A, D], all: [A, D] },
    { label: 'not EAL', query: (_w: World) => ({ eal: false }), current: [B, C, E, P], all: [B, C, E, F, P] },
    { label: 'SEN support', query: (_w: World) => ({ sendStage: 'sen-support' as const }), current: [B, E], all: [B, E] },
    { label: 'EHCP', query: (_w: World) => ({ sendStage: 'ehcp' as const }), current: [C], all: [C] },
    { label: 'no SEND', query: (_w: World) => ({ sendStage: 'none' as const }), current: [A, D, P], all: [A, D, F, P] },
    { label: 'room and EAL together', query: (w: World) => ({ roomId: w.rooms.toddlers.id, eal: true }), current: [D], all: [D] },
    { label: 'another setting’s room', query: (w: World) => ({ roomId: w.rooms.brambleRoom.id }), current: [], all: [] },
  ])('filters by $label', ({ query, current, all }) => {
    const w = world();
    const q = query(w);
    expect(listNames(w, q)).toEqual(current);
    expect(listNames(w, { ...q, status: 'all' })).toEqual(all);
    expect(w.core.invoke('children.list', { settingId: w.acorn.id, ...q }).total).toBe(current.length);
  });

  it('filters by status: current, leavers and all', () => {
    const w = world();
    expect(listNames(w, { status: 'current' })).toEqual([A, B, C, D, E, P]);
    expect(listNames(w, { status: 'leavers' })).toEqual([F]);
    expect(listNames(w, { status: 'all' })).toEqual([A, B, C, D, E, F, P]);
    expect(w.core.invoke('children.list', { settingId: w.acorn.id, status: 'leavers' }).rows[0]).toMatchObject({
      leaveDate: '2026-07-20',
      archivedAt: now,
    });
  });

  it.each([
    ['AMARA', [A]],
    ['amara', [A]],
    ['aPPLEwhistle', [A]],
    ['applewhistle amara', [A]],
    ['  amara    applewhistle  ', [A]],
    ['amara clatterby', []],
    ['whis', [A]],
    ['marie ann', [D, E]],
    ['ann-marie', [E]],
    ['zzz', []],
    ['', [A, B, C, D, E, P]],
    ['   ', [A, B, C, D, E, P]],
  ])('searches names case-insensitively, every word in any order: %j', (search, expected) => {
    const w = world();
    expect(listNames(w, { search })).toEqual(expected);
  });

  it('searches leavers too when asked for all children, and stays inside the setting', () => {
    const w = world();
    expect(listNames(w, { search: 'whistle', status: 'all' })).toEqual([A, F]);
    expect(listNames(w, { search: 'amara', status: 'all' })).toEqual([A]);
  });

  it.each([
    ['_', [D]],
    ['ann_', [D]],
    ['Ann_Marie', [D]],
    ['%', [P]],
    ['r%c', [P]],
    ['%cent', [P]],
    ['\\', []],
    ['a%e', []],
  ])('treats LIKE wildcards in %j literally', (search, expected) => {
    const w = world();
    expect(listNames(w, { search, status: 'all' })).toEqual(expected);
  });

  it('pages with limit and offset, reporting the full total on every page', () => {
    const w = world();
    const page = (offset: number) => w.core.invoke('children.list', { settingId: w.acorn.id, limit: 2, offset });
    const pages = [page(0), page(2), page(4), page(6)];
    expect(pages.map((p) => p.total)).toEqual([6, 6, 6, 6]);
    expect(pages.map((p) => p.rows.length)).toEqual([2, 2, 2, 0]);
    expect(pages.flatMap((p) => p.rows.map((r) => `${r.firstName} ${r.lastName}`))).toEqual([A, B, C, D, E, P]);
    expect(w.core.invoke('children.list', { settingId: w.acorn.id, limit: 1, offset: 100 })).toEqual({ total: 6, rows: [] });
    const filtered = w.core.invoke('children.list', { settingId: w.acorn.id, sendStage: 'sen-support', limit: 1 });
    expect(filtered.total).toBe(2);
    expect(filtered.rows).toHaveLength(1);
  });

  it('never repeats or skips a row when paging through children who share a name and birthday', () => {
    const w = world();
    for (let i = 0; i < 9; i++) {
      w.core.invoke('children.create', { ...validChild(w.bramble.id), firstName: 'Sam', lastName: 'Twin', dateOfBirth: '2023-04-04', sex: 'male' });
    }
    for (const sort of ['name', 'dateOfBirth', 'room', 'keyPerson', 'startDate'] as const) {
      const seen: string[] = [];
      for (let offset = 0; offset < 10; offset += 3) {
        seen.push(...w.core.invoke('children.list', { settingId: w.bramble.id, sort, limit: 3, offset }).rows.map((r) => r.id));
      }
      expect(new Set(seen).size, sort).toBe(10);
      expect(seen).toHaveLength(10);
    }
  });

  it.each([
    ['limit 0', { limit: 0 }, 'limit'],
    ['limit over 1000', { limit: 1001 }, 'limit'],
    ['a fractional limit', { limit: 2.5 }, 'limit'],
    ['a negative offset', { offset: -1 }, 'offset'],
    ['an unknown sort key', { sort: 'age' }, 'sort'],
    ['an unknown direction', { direction: 'up' }, 'direction'],
    ['an unknown status', { status: 'archived' }, 'status'],
    ['a search over 100 characters', { search: 's'.repeat(101) }, 'search'],
    ['a room id that is not a UUID', { roomId: 'babies' }, 'roomId'],
    ['eal as a string', { eal: 'true' }, 'eal'],
    ['an unknown SEND stage', { sendStage: 'statement' }, 'sendStage'],
  ])('refuses %s', (_label, query, path) => {
    const w = world();
    const error = failure(w.core, 'children.list', { settingId: w.acorn.id, ...query });
    expect(error.code).toBe('VALIDATION');
    expect(paths(error)).toEqual([path]);
  });

  it('gives the search length limit in words', () => {
    const w = world();
    expect(failure(w.core, 'children.list', { settingId: w.acorn.id, search: 'x'.repeat(101) }).issues).toEqual([
      { path: ['search'], message: 'Search must be 100 characters or fewer' },
    ]);
  });

  it('returns NOT_FOUND for a setting that does not exist and refuses a missing settingId', () => {
    const w = world();
    expect(failure(w.core, 'children.list', { settingId: randomUUID() }).code).toBe('NOT_FOUND');
    expect(paths(failure(w.core, 'children.list', {}))).toEqual(['settingId']);
  });
});

describe('children.list search beyond ASCII', () => {
  // Was a bug: SQLite's built-in LIKE folds case for ASCII letters only, so typing a name in
  // lower case did not find it when it started with an accented capital. Names are now searched
  // through a stored folded copy (lower case, accents removed).
  const EL = 'Élodie Łukasiewicz';

  it('finds Élodie Łukasiewicz when searched as "élodie łukasiewicz"', () => {
    const w = world();
    w.core.invoke('children.create', { ...validChild(w.acorn.id), firstName: 'Élodie', lastName: 'Łukasiewicz' });
    expect(listNames(w, { search: 'Élodie' })).toEqual([EL]);
    expect(listNames(w, { search: 'élodie łukasiewicz' })).toEqual([EL]);
  });

  it.each([['elodie'], ['ELODIE'], ['Elodie'], ['élodie'], ['ÉLODIE'], ['lodi'], ['ÉLODIE łukasiewicz'], ['łukasiewicz elodie'], ['ŁUKASIEWICZ']])(
    'ignores accents and case: %j finds Élodie',
    (search) => {
      const w = world();
      w.core.invoke('children.create', { ...validChild(w.acorn.id), firstName: 'Élodie', lastName: 'Łukasiewicz' });
      expect(listNames(w, { search })).toEqual([EL]);
    },
  );

  it('folds accents typed by the searcher against plain stored names too, and keeps the name as entered', () => {
    const w = world();
    const zoe = w.core.invoke('children.create', { ...validChild(w.acorn.id), firstName: 'Zoe', lastName: 'Renee' });
    expect(listNames(w, { search: 'zoë renée' })).toEqual(['Zoe Renee']);
    expect(w.core.invoke('children.get', { id: zoe.id })).toMatchObject({ firstName: 'Zoe', lastName: 'Renee' });
  });

  it('finds a child by the new name after a rename, and not by the old one', () => {
    const w = world();
    const { id, settingId: _s, createdAt: _c, updatedAt: _u, archivedAt: _a, ...fields } = w.kids.cora;
    w.core.invoke('children.update', { id, ...fields, firstName: 'Chloé' });
    expect(listNames(w, { search: 'chloe' })).toEqual(['Chloé Clatterby']);
    expect(listNames(w, { search: 'cora' })).toEqual([]);
  });

  it('still treats % and _ literally next to accented names', () => {
    const w = world();
    w.core.invoke('children.create', { ...validChild(w.acorn.id), firstName: 'Renée', lastName: 'D_Arcy' });
    const R = 'Renée D_Arcy';
    expect(listNames(w, { search: 'renee d_a' })).toEqual([R]);
    // As a wildcard, _ would match the space in "renee d_arcy"; literally it matches nothing.
    expect(listNames(w, { search: 'ee_' })).toEqual([]);
    expect(listNames(w, { search: '_' })).toEqual([R, D]); // D_Arcy sorts before Dandelight
    expect(listNames(w, { search: '%' })).toEqual([P]);
    expect(listNames(w, { search: 'é%' })).toEqual([]);
    expect(listNames(w, { search: '%cent' })).toEqual([P]);
  });
});

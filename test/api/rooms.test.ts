import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core.js';
import type { ApiErrorBody } from '../../shared/errors.js';
import { testCore, snapshot } from '../support/core.js';

const now = '2026-11-27T12:00:00.000Z';


function failure(core: Core, method: string, input: unknown): ApiErrorBody {
  const before = snapshot(core);
  const result = core.call(method, input);
  expect(snapshot(core), 'nothing may be written by a failed call').toBe(before);
  if (result.ok) throw new Error(`${method} should have failed but returned ${JSON.stringify(result.value)}`);
  return result.error;
}

function paths(error: ApiErrorBody): string[] {
  return (error.issues ?? []).map((i) => i.path.join('.'));
}

function twoSettings() {
  const core = testCore();
  const a = core.invoke('settings.create', { name: 'Acorn Lane', urn: 'EY111111', type: 'nursery' });
  const b = core.invoke('settings.create', { name: 'Bramble Barn', urn: 'EY222222', type: 'pre-school' });
  return { core, a, b };
}

function addChild(core: Core, settingId: string, extra: { roomId?: string; keyPersonId?: string } = {}) {
  return core.invoke('children.create', {
    settingId,
    firstName: 'Amara',
    lastName: 'Applewhistle',
    dateOfBirth: '2023-03-01',
    sex: 'female',
    ...extra,
  });
}

describe('rooms.create and rooms.list', () => {
  it('creates a trimmed room with no children and lists rooms by name regardless of case', () => {
    const { core, a, b } = twoSettings();
    const toddlers = core.invoke('rooms.create', { settingId: a.id, name: '  toddlers ' });
    expect(toddlers).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      settingId: a.id,
      name: 'toddlers',
      archivedAt: null,
      childrenOnRoll: 0,
      createdAt: now,
      updatedAt: now,
    });
    core.invoke('rooms.create', { settingId: a.id, name: 'Babies' });
    core.invoke('rooms.create', { settingId: a.id, name: 'Pre-school' });
    core.invoke('rooms.create', { settingId: b.id, name: 'Acorns' });
    expect(core.invoke('rooms.list', { settingId: a.id }).map((r) => r.name)).toEqual(['Babies', 'Pre-school', 'toddlers']);
    expect(core.invoke('rooms.list', { settingId: b.id }).map((r) => r.name)).toEqual(['Acorns']);
  });

  it('refuses a second room of the same name in a setting, in any case, but allows it in another setting', () => {
    const { core, a, b } = twoSettings();
    core.invoke('rooms.create', { settingId: a.id, name: 'Babies' });
    const error = failure(core, 'rooms.create', { settingId: a.id, name: 'BABIES' });
    expect(error.code).toBe('CONFLICT');
    expect(error.issues).toEqual([{ path: ['name'], message: 'This setting already has a room called BABIES' }]);
    expect(core.invoke('rooms.create', { settingId: b.id, name: 'Babies' }).settingId).toBe(b.id);
  });

  it('counts only current children on roll in each room', () => {
    const { core, a } = twoSettings();
    const room = core.invoke('rooms.create', { settingId: a.id, name: 'Babies' });
    addChild(core, a.id, { roomId: room.id });
    const leaver = addChild(core, a.id, { roomId: room.id });
    addChild(core, a.id);
    core.invoke('children.archive', { id: leaver.id, archived: true });
    expect(core.invoke('rooms.list', { settingId: a.id })[0]?.childrenOnRoll).toBe(1);
  });

  it.each(['', '   '])('refuses a blank name %j', (name) => {
    const { core, a } = twoSettings();
    const error = failure(core, 'rooms.create', { settingId: a.id, name });
    expect(error.code).toBe('VALIDATION');
    expect(error.issues).toEqual([{ path: ['name'], message: 'Enter the room name' }]);
  });

  it('refuses a name over 60 characters', () => {
    const { core, a } = twoSettings();
    const error = failure(core, 'rooms.create', { settingId: a.id, name: 'r'.repeat(61) });
    expect(error.issues).toEqual([{ path: ['name'], message: 'The room name must be 60 characters or fewer' }]);
  });

  it('refuses a room for an archived setting, naming settingId', () => {
    const { core, a } = twoSettings();
    core.invoke('settings.archive', { id: a.id, archived: true });
    const error = failure(core, 'rooms.create', { settingId: a.id, name: 'Babies' });
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toBe('Acorn Lane is archived: restore it before adding to it');
    expect(error.issues).toEqual([{ path: ['settingId'], message: 'Acorn Lane is archived' }]);
  });

  it('returns NOT_FOUND for a setting that does not exist, when creating and listing', () => {
    const { core } = twoSettings();
    expect(failure(core, 'rooms.create', { settingId: randomUUID(), name: 'Babies' }).code).toBe('NOT_FOUND');
    expect(failure(core, 'rooms.list', { settingId: randomUUID() })).toEqual({ code: 'NOT_FOUND', message: 'The setting was not found' });
  });

  it('refuses an invalid settingId, a missing name and wrong types', () => {
    const { core } = twoSettings();
    expect(failure(core, 'rooms.create', { settingId: '1', name: 'Babies' }).issues).toEqual([{ path: ['settingId'], message: 'Must be a record id' }]);
    expect(paths(failure(core, 'rooms.create', {})).sort()).toEqual(['name', 'settingId']);
    expect(paths(failure(core, 'rooms.create', { settingId: randomUUID(), name: ['Babies'] }))).toEqual(['name']);
    expect(paths(failure(core, 'rooms.list', { settingId: randomUUID(), includeArchived: 1 }))).toEqual(['includeArchived']);
  });
});

describe('rooms.update and rooms.archive', () => {
  it('renames a room, including a change of case only', () => {
    const { core, a } = twoSettings();
    const room = core.invoke('rooms.create', { settingId: a.id, name: 'Babies' });
    expect(core.invoke('rooms.update', { id: room.id, name: 'Baby room' }).name).toBe('Baby room');
    expect(core.invoke('rooms.update', { id: room.id, name: 'BABY ROOM' }).name).toBe('BABY ROOM');
  });

  it('refuses a rename onto another room’s name with CONFLICT and keeps the old name', () => {
    const { core, a } = twoSettings();
    core.invoke('rooms.create', { settingId: a.id, name: 'Babies' });
    const toddlers = core.invoke('rooms.create', { settingId: a.id, name: 'Toddlers' });
    const error = failure(core, 'rooms.update', { id: toddlers.id, name: 'babies' });
    expect(error.code).toBe('CONFLICT');
    expect(paths(error)).toEqual(['name']);
    expect(core.invoke('rooms.list', { settingId: a.id }).map((r) => r.name)).toEqual(['Babies', 'Toddlers']);
  });

  it('refuses a blank rename and an unknown room', () => {
    const { core, a } = twoSettings();
    const room = core.invoke('rooms.create', { settingId: a.id, name: 'Babies' });
    expect(failure(core, 'rooms.update', { id: room.id, name: ' ' }).issues).toEqual([{ path: ['name'], message: 'Enter the room name' }]);
    expect(failure(core, 'rooms.update', { id: randomUUID(), name: 'X' })).toEqual({ code: 'NOT_FOUND', message: 'The room was not found' });
    expect(failure(core, 'rooms.archive', { id: randomUUID(), archived: true }).code).toBe('NOT_FOUND');
  });

  it('archives a room, hiding it unless includeArchived, and restores it', () => {
    const { core, a } = twoSettings();
    const babies = core.invoke('rooms.create', { settingId: a.id, name: 'Babies' });
    const toddlers = core.invoke('rooms.create', { settingId: a.id, name: 'Toddlers' });
    expect(core.invoke('rooms.archive', { id: babies.id, archived: true }).archivedAt).toBe(now);
    expect(core.invoke('rooms.list', { settingId: a.id }).map((r) => r.id)).toEqual([toddlers.id]);
    expect(core.invoke('rooms.list', { settingId: a.id, includeArchived: true }).map((r) => r.id)).toEqual([babies.id, toddlers.id]);
    expect(core.invoke('rooms.archive', { id: babies.id, archived: false }).archivedAt).toBeNull();
    expect(core.invoke('rooms.list', { settingId: a.id })).toHaveLength(2);
  });

  it('refuses an archived flag that is not a boolean', () => {
    const { core, a } = twoSettings();
    const room = core.invoke('rooms.create', { settingId: a.id, name: 'Babies' });
    expect(paths(failure(core, 'rooms.archive', { id: room.id, archived: 'true' }))).toEqual(['archived']);
  });
});

describe('staff', () => {
  it('creates, lists by name, updates, archives and restores a staff member', () => {
    const { core, a } = twoSettings();
    const kim = core.invoke('staff.create', { settingId: a.id, name: ' Kim Kettlebrook ', role: 'practitioner', qualificationLevel: 'level-3' });
    expect(kim).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      settingId: a.id,
      name: 'Kim Kettlebrook',
      role: 'practitioner',
      qualificationLevel: 'level-3',
      archivedAt: null,
      keyChildren: 0,
      createdAt: now,
      updatedAt: now,
    });
    const alex = core.invoke('staff.create', { settingId: a.id, name: 'alex Applewhistle', role: 'manager', qualificationLevel: 'level-6-plus' });
    expect(core.invoke('staff.list', { settingId: a.id }).map((s) => s.name)).toEqual(['alex Applewhistle', 'Kim Kettlebrook']);

    const updated = core.invoke('staff.update', { id: kim.id, name: 'Kim Kettle', role: 'communication-champion', qualificationLevel: 'level-4-5' });
    expect(updated).toMatchObject({ name: 'Kim Kettle', role: 'communication-champion', qualificationLevel: 'level-4-5' });

    expect(core.invoke('staff.archive', { id: alex.id, archived: true }).archivedAt).toBe(now);
    expect(core.invoke('staff.list', { settingId: a.id }).map((s) => s.id)).toEqual([kim.id]);
    expect(core.invoke('staff.list', { settingId: a.id, includeArchived: true })).toHaveLength(2);
    expect(core.invoke('staff.archive', { id: alex.id, archived: false }).archivedAt).toBeNull();
    expect(core.invoke('staff.list', { settingId: a.id })).toHaveLength(2);
  });

  it('counts current key children only', () => {
    const { core, a } = twoSettings();
    const kim = core.invoke('staff.create', { settingId: a.id, name: 'Kim', role: 'practitioner', qualificationLevel: 'level-3' });
    addChild(core, a.id, { keyPersonId: kim.id });
    addChild(core, a.id, { keyPersonId: kim.id });
    const leaver = addChild(core, a.id, { keyPersonId: kim.id });
    core.invoke('children.archive', { id: leaver.id, archived: true });
    expect(core.invoke('staff.list', { settingId: a.id })[0]?.keyChildren).toBe(2);
  });

  it('keeps each setting’s staff apart', () => {
    const { core, a, b } = twoSettings();
    core.invoke('staff.create', { settingId: a.id, name: 'Kim', role: 'practitioner', qualificationLevel: 'level-3' });
    expect(core.invoke('staff.list', { settingId: b.id })).toEqual([]);
  });

  it('refuses an unknown role and qualification level with field messages', () => {
    const { core, a } = twoSettings();
    const error = failure(core, 'staff.create', { settingId: a.id, name: 'Kim', role: 'teacher', qualificationLevel: 'level-9' });
    expect(error.code).toBe('VALIDATION');
    expect(error.issues).toEqual([
      { path: ['role'], message: 'Choose a role' },
      { path: ['qualificationLevel'], message: 'Choose a qualification level' },
    ]);
  });

  it.each(['', '  '])('refuses a blank name %j', (name) => {
    const { core, a } = twoSettings();
    const error = failure(core, 'staff.create', { settingId: a.id, name, role: 'practitioner', qualificationLevel: 'none' });
    expect(error.issues).toEqual([{ path: ['name'], message: 'Enter the staff member’s name' }]);
  });

  it('refuses a name over 100 characters', () => {
    const { core, a } = twoSettings();
    const error = failure(core, 'staff.create', { settingId: a.id, name: 'k'.repeat(101), role: 'practitioner', qualificationLevel: 'none' });
    expect(error.issues).toEqual([{ path: ['name'], message: 'The staff member’s name must be 100 characters or fewer' }]);
  });

  it('refuses staff for an archived setting', () => {
    const { core, a } = twoSettings();
    core.invoke('settings.archive', { id: a.id, archived: true });
    const error = failure(core, 'staff.create', { settingId: a.id, name: 'Kim', role: 'practitioner', qualificationLevel: 'none' });
    expect(error.code).toBe('VALIDATION');
    expect(paths(error)).toEqual(['settingId']);
    expect(error.message).toMatch(/archived/);
  });

  it('returns NOT_FOUND for unknown settings and staff', () => {
    const { core } = twoSettings();
    expect(failure(core, 'staff.create', { settingId: randomUUID(), name: 'Kim', role: 'practitioner', qualificationLevel: 'none' }).code).toBe('NOT_FOUND');
    expect(failure(core, 'staff.list', { settingId: randomUUID() }).code).toBe('NOT_FOUND');
    expect(failure(core, 'staff.update', { id: randomUUID(), name: 'Kim', role: 'practitioner', qualificationLevel: 'none' })).toEqual({
      code: 'NOT_FOUND',
      message: 'The staff member was not found',
    });
    expect(failure(core, 'staff.archive', { id: randomUUID(), archived: true }).code).toBe('NOT_FOUND');
  });

  it('leaves the record unchanged when an update fails validation', () => {
    const { core, a } = twoSettings();
    const kim = core.invoke('staff.create', { settingId: a.id, name: 'Kim', role: 'practitioner', qualificationLevel: 'level-3' });
    const error = failure(core, 'staff.update', { id: kim.id, name: 'Kimberley', role: 'practitioner', qualificationLevel: 3 });
    expect(paths(error)).toEqual(['qualificationLevel']);
    expect(core.invoke('staff.list', { settingId: a.id })[0]?.name).toBe('Kim');
  });

  it('refuses missing fields and invalid ids', () => {
    const { core } = twoSettings();
    expect(paths(failure(core, 'staff.create', {})).sort()).toEqual(['name', 'qualificationLevel', 'role', 'settingId']);
    expect(failure(core, 'staff.update', { id: 'kim', name: 'Kim', role: 'practitioner', qualificationLevel: 'none' }).issues).toEqual([
      { path: ['id'], message: 'Must be a record id' },
    ]);
  });
});

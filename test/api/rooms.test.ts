import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { failure, paths } from '../support/api.js';
import { testNow as now } from '../support/core.js';
import { addChild, twoSettings } from '../support/fixtures.js';

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

import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { failure, paths } from '../support/api.js';
import { testNow as now } from '../support/core.js';
import { addChild, twoSettings } from '../support/fixtures.js';

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

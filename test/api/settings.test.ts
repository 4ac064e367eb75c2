import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core.js';
import { failure, paths } from '../support/api.js';
import { testCore, testNow as now } from '../support/core.js';

function acorn(core: Core, urn = 'EY123456') {
  return core.invoke('settings.create', { name: 'Acorn Lane Nursery', urn, type: 'nursery', localAuthority: 'Sandford' });
}

describe('settings.create', () => {
  it('creates a setting, trimming text and storing the URN upper-case without spaces', () => {
    const core = testCore();
    const created = core.invoke('settings.create', { name: '  Little Owls  ', urn: ' ey 123 456 ', type: 'pre-school' });
    expect(created).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      name: 'Little Owls',
      urn: 'EY123456',
      type: 'pre-school',
      localAuthority: '',
      archivedAt: null,
      // Defaults from the screening migration: 12 weeks after Amber or Red, a term after Green.
      reviewIntervals: { amberWeeks: 12, redWeeks: 12, greenMonths: 4, stoppedEarlyWeeks: 2 },
      createdAt: now,
      updatedAt: now,
    });
    expect(core.invoke('settings.get', { id: created.id })).toMatchObject({ name: 'Little Owls', urn: 'EY123456' });
  });

  it.each(['123456', '1234567', 'EY123456', 'EY1234567'])('accepts the URN %s', (urn) => {
    const core = testCore();
    expect(core.invoke('settings.create', { name: 'A', urn, type: 'childminder' }).urn).toBe(urn);
  });

  it('refuses a duplicate URN with CONFLICT on the urn field, writing nothing', () => {
    const core = testCore();
    acorn(core);
    const error = failure(core, 'settings.create', { name: 'Another', urn: 'EY123456', type: 'nursery' });
    expect(error.code).toBe('CONFLICT');
    expect(error.issues).toEqual([{ path: ['urn'], message: 'Another setting already has the URN EY123456' }]);
    expect(error.message).toMatch(/already has the URN EY123456/);
  });

  it.each(['ey123456', 'Ey123456', 'EY 123 456', ' ey123456 '])('treats %j as the same URN as EY123456', (urn) => {
    const core = testCore();
    acorn(core);
    const error = failure(core, 'settings.create', { name: 'Another', urn, type: 'nursery' });
    expect(error.code).toBe('CONFLICT');
    expect(paths(error)).toEqual(['urn']);
  });

  it.each([
    ['too short', '12345'],
    ['too long', '12345678'],
    ['the wrong prefix', 'AB123456'],
    ['letters', 'EYABCDEF'],
    ['only EY', 'EY'],
  ])('refuses a URN with %s', (_label, urn) => {
    const core = testCore();
    const error = failure(core, 'settings.create', { name: 'Acorn', urn, type: 'nursery' });
    expect(error.code).toBe('VALIDATION');
    expect(error.issues).toEqual([{ path: ['urn'], message: expect.stringMatching(/URN must be 6 or 7 digits/) }]);
  });

  it.each(['', '   ', '\t\n'])('refuses an empty or blank name %j', (name) => {
    const core = testCore();
    const error = failure(core, 'settings.create', { name, urn: 'EY123456', type: 'nursery' });
    expect(error.code).toBe('VALIDATION');
    expect(error.issues).toEqual([{ path: ['name'], message: 'Enter the setting name' }]);
    expect(error.message).toBe('name: Enter the setting name');
  });

  it('refuses a name over 120 characters but accepts exactly 120', () => {
    const core = testCore();
    const error = failure(core, 'settings.create', { name: 'a'.repeat(121), urn: 'EY123456', type: 'nursery' });
    expect(error.code).toBe('VALIDATION');
    expect(error.issues).toEqual([{ path: ['name'], message: 'The setting name must be 120 characters or fewer' }]);
    expect(core.invoke('settings.create', { name: 'a'.repeat(120), urn: 'EY123456', type: 'nursery' }).name).toHaveLength(120);
  });

  it('refuses a local authority over 80 characters', () => {
    const core = testCore();
    const error = failure(core, 'settings.create', { name: 'A', urn: 'EY123456', type: 'nursery', localAuthority: 'x'.repeat(81) });
    expect(paths(error)).toEqual(['localAuthority']);
    expect(error.issues?.[0]?.message).toBe('Local authority must be 80 characters or fewer');
  });

  it('refuses an unknown type', () => {
    const core = testCore();
    const error = failure(core, 'settings.create', { name: 'A', urn: 'EY123456', type: 'academy' });
    expect(error.code).toBe('VALIDATION');
    expect(error.issues).toEqual([{ path: ['type'], message: 'Choose the type of setting' }]);
  });

  it('names every missing field', () => {
    const core = testCore();
    const error = failure(core, 'settings.create', {});
    expect(error.code).toBe('VALIDATION');
    expect(paths(error).sort()).toEqual(['name', 'type', 'urn']);
    expect(error.message).toMatch(/^3 problems, first /);
  });

  it('refuses wrong types', () => {
    const core = testCore();
    const error = failure(core, 'settings.create', { name: 42, urn: 123456, type: 'nursery', localAuthority: null });
    expect(error.code).toBe('VALIDATION');
    expect(paths(error).sort()).toEqual(['localAuthority', 'name', 'urn']);
    expect(error.issues?.find((i) => i.path[0] === 'name')?.message).toBe('Enter the setting name');
  });
});

describe('settings.list and settings.get', () => {
  it('lists open settings by name regardless of case, with counts of rooms, staff and children on roll', () => {
    const core = testCore();
    const b = core.invoke('settings.create', { name: 'bramble Barn', urn: '222222', type: 'nursery' });
    const a = core.invoke('settings.create', { name: 'Acorn Lane', urn: '111111', type: 'nursery' });
    const c = core.invoke('settings.create', { name: 'Clover Court', urn: '333333', type: 'nursery' });
    const babies = core.invoke('rooms.create', { settingId: a.id, name: 'Babies' });
    const old = core.invoke('rooms.create', { settingId: a.id, name: 'Old room' });
    core.invoke('rooms.archive', { id: old.id, archived: true });
    core.invoke('staff.create', { settingId: a.id, name: 'Kim', role: 'practitioner', qualificationLevel: 'level-3' });
    const left = core.invoke('staff.create', { settingId: a.id, name: 'Lee', role: 'manager', qualificationLevel: 'level-6-plus' });
    core.invoke('staff.archive', { id: left.id, archived: true });
    const child = (firstName: string) =>
      core.invoke('children.create', { settingId: a.id, firstName, lastName: 'Puddlefoot', dateOfBirth: '2023-05-01', sex: 'female', roomId: babies.id });
    child('Amara');
    child('Bea');
    core.invoke('children.archive', { id: child('Cora').id, archived: true });

    const list = core.invoke('settings.list', {});
    expect(list.map((s) => s.name)).toEqual(['Acorn Lane', 'bramble Barn', 'Clover Court']);
    expect(list[0]).toMatchObject({ id: a.id, roomCount: 1, staffCount: 1, childrenOnRoll: 2 });
    expect(list[1]).toMatchObject({ id: b.id, roomCount: 0, staffCount: 0, childrenOnRoll: 0 });
    expect(core.invoke('settings.get', { id: a.id })).toEqual(list[0]);
    expect(core.invoke('settings.get', { id: c.id }).childrenOnRoll).toBe(0);
  });

  it('returns NOT_FOUND for an id that does not exist', () => {
    const core = testCore();
    acorn(core);
    const error = failure(core, 'settings.get', { id: randomUUID() });
    expect(error).toEqual({ code: 'NOT_FOUND', message: 'The setting was not found' });
  });

  it('refuses an id that is not a UUID, naming the id field', () => {
    const core = testCore();
    const error = failure(core, 'settings.get', { id: 'acorn-lane' });
    expect(error.code).toBe('VALIDATION');
    expect(error.issues).toEqual([{ path: ['id'], message: 'Must be a record id' }]);
  });

  it('refuses a non-boolean includeArchived', () => {
    const core = testCore();
    const error = failure(core, 'settings.list', { includeArchived: 'yes' });
    expect(error.code).toBe('VALIDATION');
    expect(paths(error)).toEqual(['includeArchived']);
  });
});

describe('settings.update', () => {
  it('changes every field, normalising the URN, and moves updatedAt with the clock', () => {
    const core = testCore();
    const created = acorn(core);
    const later = testCore({ today: '2026-12-01', path: core.context.databasePath });
    const updated = later.invoke('settings.update', {
      id: created.id,
      name: ' Acorn Lane Pre-school ',
      urn: 'ey654321',
      type: 'pre-school',
      localAuthority: 'Westmoor',
    });
    expect(updated).toEqual({
      ...created,
      name: 'Acorn Lane Pre-school',
      urn: 'EY654321',
      type: 'pre-school',
      localAuthority: 'Westmoor',
      updatedAt: '2026-12-01T12:00:00.000Z',
    });
  });

  it('lets a setting keep its own URN, even typed in lower case', () => {
    const core = testCore();
    const created = acorn(core);
    expect(core.invoke('settings.update', { id: created.id, name: 'Renamed', urn: 'ey123456', type: 'nursery' }).urn).toBe('EY123456');
  });

  it('refuses another setting’s URN (in any case) with CONFLICT and leaves the record as it was', () => {
    const core = testCore();
    acorn(core, 'EY111111');
    const other = acorn(core, 'EY222222');
    const error = failure(core, 'settings.update', { id: other.id, name: 'Changed name', urn: 'ey111111', type: 'nursery' });
    expect(error.code).toBe('CONFLICT');
    expect(error.issues).toEqual([{ path: ['urn'], message: 'Another setting already has the URN EY111111' }]);
    expect(core.invoke('settings.get', { id: other.id })).toMatchObject({ name: 'Acorn Lane Nursery', urn: 'EY222222' });
  });

  it('refuses a blank name and an unknown id', () => {
    const core = testCore();
    const created = acorn(core);
    expect(paths(failure(core, 'settings.update', { id: created.id, name: '  ', urn: 'EY123456', type: 'nursery' }))).toEqual(['name']);
    const missing = failure(core, 'settings.update', { id: randomUUID(), name: 'X', urn: 'EY999999', type: 'nursery' });
    expect(missing.code).toBe('NOT_FOUND');
  });

  it('refuses a missing id', () => {
    const core = testCore();
    const error = failure(core, 'settings.update', { name: 'X', urn: 'EY999999', type: 'nursery' });
    expect(error.code).toBe('VALIDATION');
    expect(paths(error)).toEqual(['id']);
  });
});

describe('settings.archive', () => {
  it('archives a setting, hiding it from the default list, and restores it', () => {
    const core = testCore();
    const a = acorn(core, 'EY111111');
    const b = acorn(core, 'EY222222');
    const archived = core.invoke('settings.archive', { id: a.id, archived: true });
    expect(archived.archivedAt).toBe(now);
    expect(core.invoke('settings.list', {}).map((s) => s.id)).toEqual([b.id]);
    expect(
      core
        .invoke('settings.list', { includeArchived: true })
        .map((s) => s.id)
        .sort(),
    ).toEqual([a.id, b.id].sort());
    expect(core.invoke('settings.get', { id: a.id }).archivedAt).toBe(now);

    const restored = core.invoke('settings.archive', { id: a.id, archived: false });
    expect(restored.archivedAt).toBeNull();
    expect(core.invoke('settings.list', {})).toHaveLength(2);
  });

  it('keeps an archived setting’s URN taken', () => {
    const core = testCore();
    const a = acorn(core);
    core.invoke('settings.archive', { id: a.id, archived: true });
    expect(failure(core, 'settings.create', { name: 'New', urn: 'EY123456', type: 'nursery' }).code).toBe('CONFLICT');
  });

  it('refuses a missing archived flag and an unknown id', () => {
    const core = testCore();
    const a = acorn(core);
    const error = failure(core, 'settings.archive', { id: a.id });
    expect(error.code).toBe('VALIDATION');
    expect(paths(error)).toEqual(['archived']);
    expect(failure(core, 'settings.archive', { id: randomUUID(), archived: true }).code).toBe('NOT_FOUND');
  });
});

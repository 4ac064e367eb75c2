import { describe, expect, it } from 'vitest';
import { settingWithStaff as setup } from '../support/fixtures.js';
import { actAs } from '../support/accounts.js';

describe('the audit trail', () => {
  it('records who changed what, with the changed fields before and after', () => {
    const { core, setting, person } = setup();
    actAs(core, 'Kim Testperson', { staffId: person.id });
    const child = core.invoke('children.create', {
      settingId: setting.id,
      firstName: 'Robin',
      lastName: 'Testchild',
      dateOfBirth: '2023-03-14',
      sex: 'female',
    });
    core.invoke('children.update', { id: child.id, firstName: 'Robyn', lastName: 'Testchild', dateOfBirth: '2023-03-14', sex: 'female' });

    const trail = core.invoke('audit.list', { recordId: child.id });
    expect(trail.total).toBe(2);
    const [update, create] = trail.rows;
    expect(update).toMatchObject({
      method: 'children.update',
      recordType: 'children',
      recordId: child.id,
      settingId: setting.id,
      actorName: 'Kim Testperson (Manager)',
      actorStaffId: person.id,
    });
    expect(update?.changes).toEqual([{ field: 'firstName', before: 'Robin', after: 'Robyn' }]);
    expect(create?.method).toBe('children.create');
    expect(create?.changes).toEqual(expect.arrayContaining([{ field: 'lastName', before: null, after: 'Testchild' }]));
  });

  it('gives the names of the records that ids in the changes point at', () => {
    const { core, setting, person } = setup();
    const room = core.invoke('rooms.create', { settingId: setting.id, name: 'Ducklings' });
    const child = core.invoke('children.create', {
      settingId: setting.id,
      firstName: 'Robin',
      lastName: 'Testchild',
      dateOfBirth: '2023-03-14',
      sex: 'female',
    });
    const input = { id: child.id, firstName: 'Robin', lastName: 'Testchild', dateOfBirth: '2023-03-14', sex: 'female' as const };
    core.invoke('children.update', { ...input, roomId: room.id, keyPersonId: person.id });
    const trail = core.invoke('audit.list', { recordId: child.id, method: 'children.update' });
    expect(trail.rows[0]?.changes).toEqual(
      expect.arrayContaining([
        { field: 'roomId', before: null, after: room.id },
        { field: 'keyPersonId', before: null, after: person.id },
      ]),
    );
    expect(trail.names).toEqual({ [room.id]: 'Ducklings', [person.id]: 'Kim Testperson' });
    // Names only for the ids in the page's changes: adding the child named its setting alone.
    expect(core.invoke('audit.list', { recordId: child.id, method: 'children.create' }).names).toEqual({ [setting.id]: setting.name });
    expect(core.invoke('audit.list', { method: 'no.such' }).names).toEqual({});
  });

  it('writes nothing for reads or refused changes', () => {
    const { core, setting } = setup();
    const before = core.invoke('audit.list', {}).total;
    core.invoke('children.list', { settingId: setting.id });
    core.invoke('settings.get', { id: setting.id });
    const refused = core.call('children.create', { settingId: setting.id, firstName: '', lastName: 'X', dateOfBirth: '2023-01-01', sex: 'male' });
    expect(refused.ok).toBe(false);
    const refusedLater = core.call('settings.create', { name: 'Dup', urn: 'EY123456', type: 'nursery' });
    expect(refusedLater.ok).toBe(false);
    expect(core.invoke('audit.list', {}).total).toBe(before);
  });

  it('filters by setting, method, person and date', () => {
    const { core, setting } = setup();
    const other = core.invoke('settings.create', { name: 'Bramble', urn: 'EY654321', type: 'pre-school' });
    actAs(core, 'Alex');
    core.invoke('rooms.create', { settingId: other.id, name: 'Owls' });
    expect(core.invoke('audit.list', { settingId: other.id }).rows.map((r) => r.method)).toEqual(['rooms.create', 'settings.create']);
    expect(core.invoke('audit.list', { actor: 'ale' }).total).toBe(1);
    expect(core.invoke('audit.list', { from: '2026-11-27', to: '2026-11-27' }).total).toBeGreaterThan(0);
    expect(core.invoke('audit.list', { from: '2026-11-28' }).total).toBe(0);
    expect(core.invoke('audit.list', { settingId: setting.id, method: 'rooms.' }).total).toBe(0);
  });

  it('keeps the change and its audit row together: a failed write leaves neither', () => {
    const { core, setting } = setup();
    const before = core.invoke('audit.list', {}).total;
    const result = core.call('rooms.create', { settingId: setting.id, name: 'x'.repeat(61) });
    expect(result.ok).toBe(false);
    expect(core.invoke('audit.list', {}).total).toBe(before);
    expect(core.invoke('rooms.list', { settingId: setting.id })).toHaveLength(0);
  });
});

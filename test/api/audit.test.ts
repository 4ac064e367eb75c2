import { describe, expect, it } from 'vitest';
import { testCore } from '../support/core.js';

function setup() {
  const core = testCore();
  const setting = core.invoke('settings.create', { name: 'Acorn', urn: 'EY123456', type: 'nursery' });
  const person = core.invoke('staff.create', { settingId: setting.id, name: 'Kim Testperson', role: 'communication-champion', qualificationLevel: 'level-3' });
  return { core, setting, person };
}

describe('the audit trail', () => {
  it('records who changed what, with the changed fields before and after', () => {
    const { core, setting, person } = setup();
    core.invoke('session.setActor', { staffId: person.id });
    const child = core.invoke('children.create', { settingId: setting.id, firstName: 'Robin', lastName: 'Testchild', dateOfBirth: '2023-03-14', sex: 'female' });
    core.invoke('children.update', { id: child.id, firstName: 'Robyn', lastName: 'Testchild', dateOfBirth: '2023-03-14', sex: 'female' });

    const trail = core.invoke('audit.list', { recordId: child.id });
    expect(trail.total).toBe(2);
    const [update, create] = trail.rows;
    expect(update).toMatchObject({ method: 'children.update', recordType: 'children', recordId: child.id, settingId: setting.id, actorName: 'Kim Testperson', actorStaffId: person.id });
    expect(update?.changes).toEqual([{ field: 'firstName', before: 'Robin', after: 'Robyn' }]);
    expect(create?.method).toBe('children.create');
    expect(create?.changes).toEqual(expect.arrayContaining([{ field: 'lastName', before: null, after: 'Testchild' }]));
  });

  it('says "Not recorded" until someone says who they are, and uses a typed name', () => {
    const { core, setting } = setup();
    expect(core.invoke('audit.list', { settingId: setting.id }).rows.every((r) => r.actorName === 'Not recorded')).toBe(true);
    core.invoke('session.setActor', { name: 'Visiting SLT assistant' });
    core.invoke('rooms.create', { settingId: setting.id, name: 'Babies' });
    expect(core.invoke('audit.list', { method: 'rooms.' }).rows[0]?.actorName).toBe('Visiting SLT assistant');
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

  it('refuses an unknown or departed staff member as the actor', () => {
    const { core, person } = setup();
    expect(core.call('session.setActor', { staffId: '7d1b2c1e-6d0c-4b7e-9a53-2f6b1f0b9c11' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    core.invoke('staff.archive', { id: person.id, archived: true });
    expect(core.call('session.setActor', { staffId: person.id })).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: ['staffId'] }] } });
    expect(core.call('session.setActor', {})).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('filters by setting, method, person and date', () => {
    const { core, setting } = setup();
    const other = core.invoke('settings.create', { name: 'Bramble', urn: 'EY654321', type: 'pre-school' });
    core.invoke('session.setActor', { name: 'Alex' });
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

import { describe, expect, it } from 'vitest';
import { settingWithStaff as setup } from '../support/fixtures.js';

describe('session.setActor', () => {
  it('says "Not recorded" until someone says who they are, and uses a typed name', () => {
    const { core, setting } = setup();
    expect(core.invoke('audit.list', { settingId: setting.id }).rows.every((r) => r.actorName === 'Not recorded')).toBe(true);
    core.invoke('session.setActor', { name: 'Visiting SLT assistant' });
    core.invoke('rooms.create', { settingId: setting.id, name: 'Babies' });
    expect(core.invoke('audit.list', { method: 'rooms.' }).rows[0]?.actorName).toBe('Visiting SLT assistant');
  });

  it('refuses an unknown or departed staff member as the actor', () => {
    const { core, person } = setup();
    expect(core.call('session.setActor', { staffId: '7d1b2c1e-6d0c-4b7e-9a53-2f6b1f0b9c11' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    core.invoke('staff.archive', { id: person.id, archived: true });
    expect(core.call('session.setActor', { staffId: person.id })).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: ['staffId'] }] } });
    expect(core.call('session.setActor', {})).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});

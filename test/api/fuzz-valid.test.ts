import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core.js';
import { testCore } from '../support/core.js';
import { actAs } from '../support/accounts.js';

// The other half of fuzz.test.ts: input that looks like an attack but is valid (SQL
// metacharacters and wildcards in a name) is stored exactly as typed, read back equal, found by
// searches only where it really occurs, and leaves every table in place.

const hostileNames = [
  "'; DROP TABLE children; --",
  "Robert'); DROP TABLE children;--",
  '" OR 1=1 --',
  '50% off',
  'under_score',
  'back\\slash',
  "O'Brien-Ní Fhaoláin",
  'Zoë 🦊 Fox',
] as const;

function tableNames(core: Core): string[] {
  return (core.context.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((t) => t.name);
}

describe('hostile but valid text', () => {
  it('is stored verbatim in every kind of record and read back equal, with every table intact', () => {
    const core = testCore();
    const tables = tableNames(core);
    for (const [i, name] of hostileNames.entries()) {
      const setting = core.invoke('settings.create', { name, urn: `EY${String(100000 + i)}`, type: 'nursery', localAuthority: name });
      expect(core.invoke('settings.get', { id: setting.id })).toMatchObject({ name, localAuthority: name });
      const room = core.invoke('rooms.create', { settingId: setting.id, name: name.slice(0, 60) });
      expect(core.invoke('rooms.list', { settingId: setting.id }).map((r) => r.name)).toEqual([room.name]);
      const person = core.invoke('staff.create', { settingId: setting.id, name, role: 'practitioner', qualificationLevel: 'level-3' });
      expect(core.invoke('staff.list', { settingId: setting.id }).map((s) => s.name)).toEqual([person.name]);
      const child = core.invoke('children.create', {
        settingId: setting.id,
        firstName: name,
        lastName: name,
        dateOfBirth: '2023-03-01',
        sex: 'female',
        notes: name,
      });
      expect(core.invoke('children.get', { id: child.id })).toMatchObject({ firstName: name, lastName: name, notes: name });
    }
    expect(tableNames(core)).toEqual(tables);
    expect(core.invoke('app.info', {}).settingCount).toBe(hostileNames.length);
  });

  it('finds a child by % or _ only where the name holds that character', () => {
    const core = testCore();
    const setting = core.invoke('settings.create', { name: 'Acorn', urn: 'EY123456', type: 'nursery' });
    for (const lastName of ['Percent%', 'Under_score', 'Plain']) {
      core.invoke('children.create', { settingId: setting.id, firstName: 'Ada', lastName, dateOfBirth: '2023-03-01', sex: 'female' });
    }
    const found = (search: string) => core.invoke('children.list', { settingId: setting.id, search }).rows.map((c) => c.lastName);
    expect(found('%')).toEqual(['Percent%']);
    expect(found('_')).toEqual(['Under_score']);
    expect(found("'")).toEqual([]);
  });

  // Was a bug: audit.list put the actor and method filters into LIKE unescaped, so "%" or "_"
  // matched every row instead of the rows whose actor or method holds that character.
  it('filters the audit trail by % or _ only where the actor or method holds that character', () => {
    const core = testCore();
    actAs(core, '100% Jo');
    core.invoke('settings.create', { name: 'Acorn', urn: 'EY123456', type: 'nursery' });
    actAs(core, 'Sam_B');
    core.invoke('settings.create', { name: 'Bramble', urn: 'EY654321', type: 'nursery' });
    actAs(core, 'Kim');
    core.invoke('settings.create', { name: 'Cedar', urn: 'EY111111', type: 'nursery' });
    const actors = (filter: { actor?: string; method?: string }) => core.invoke('audit.list', filter).rows.map((r) => r.actorName);
    expect(actors({ actor: '%' })).toEqual(['100% Jo (Manager)']);
    expect(actors({ actor: '_' })).toEqual(['Sam_B (Manager)']);
    expect(actors({ actor: 'jo' })).toEqual(['100% Jo (Manager)']);
    expect(actors({ method: '%' })).toEqual([]);
    expect(actors({ method: 'settings_' })).toEqual([]);
    expect(actors({ method: 'settings.' }).sort()).toEqual(['100% Jo (Manager)', 'Kim (Manager)', 'Sam_B (Manager)']);
  });
});

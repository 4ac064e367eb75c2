import { describe, expect, it } from 'vitest';
import { factsOf, methodNames } from '../../shared/contract/index.js';
import { roleMay, roles } from '../../shared/domain/roles.js';
import { sessionFor } from '../support/accounts.js';
import { dump, testCore } from '../support/core.js';
import { validInputs } from '../support/inputs.js';

// Generated from the contract: every role calls every method its role does not hold, with a
// valid input, and is refused with FORBIDDEN, leaving every table as it was. Then the reach of
// the roles that see part of the data: an SLT assistant's settings, a practitioner's key children.

const refusedFor = (role: (typeof roles)[number]) => methodNames.filter((m) => !roleMay(role, factsOf(m).permission));

describe('roles, from the contract', () => {
  it('leaves something to refuse for every role but the manager, and nothing for the manager', () => {
    expect(refusedFor('manager')).toEqual([]);
    for (const role of roles.filter((r) => r !== 'manager')) expect(refusedFor(role).length, role).toBeGreaterThan(0);
    // Only managers delete, purge, restore, export, change retention or the encryption key, or manage accounts.
    for (const method of [
      'screenings.delete',
      'encryption.changeKey',
      'rounds.delete',
      'retention.purge',
      'retention.updatePolicy',
      'backups.restore',
      'export.child',
      'accounts.create',
    ] as const) {
      expect(
        roles.filter((r) => roleMay(r, factsOf(method).permission)),
        method,
      ).toEqual(['manager']);
    }
  });

  it.each(roles.filter((r) => r !== 'manager'))('refuses a %s every method outside their role, writing nothing', { timeout: 180_000 }, async (role) => {
    const core = testCore();
    const inputs = validInputs(core);
    const session = sessionFor(core, role);
    for (const method of refusedFor(role)) {
      const input = inputs[method]();
      const before = dump(core);
      const result = await core.callAsync(method, input, session);
      expect(result.ok ? 'ok' : result.error.code, `${role} calling ${method}`).toBe('FORBIDDEN');
      expect(dump(core), `${role} calling ${method} wrote something`).toBe(before);
    }
  });
});

/** Two settings, each with a practitioner who is key person for one of two children. */
function twoSettings() {
  const core = testCore();
  const make = (name: string, urn: string) => {
    const setting = core.invoke('settings.create', { name, urn, type: 'nursery' });
    const keyPerson = core.invoke('staff.create', { settingId: setting.id, name: `${name} Keyperson`, role: 'practitioner', qualificationLevel: 'level-3' });
    const child = (firstName: string, keyPersonId: string | null) =>
      core.invoke('children.create', { settingId: setting.id, firstName, lastName: 'Testchild', dateOfBirth: '2023-03-01', sex: 'female', keyPersonId });
    return { setting, keyPerson, own: child('Kept', keyPerson.id), other: child('Other', null) };
  };
  const instrumentId = core.invoke('instruments.list', {})[0]?.id;
  const screening = (childId: string) => ({ childId, instrumentId, screeningDate: '2026-11-20', sections: [{ section: 7, colour: 'green' }] });
  return { core, screening, a: make('Acorn', 'EY100001'), b: make('Bramble', 'EY100002') };
}

describe('reach', () => {
  it('shows an SLT assistant only the settings they cover, and refuses the rest', () => {
    const { core, screening, a, b } = twoSettings();
    const assistant = sessionFor(core, 'slt-assistant', { settingIds: [a.setting.id] });
    expect(core.invoke('settings.list', {}, assistant).map((s) => s.name)).toEqual(['Acorn']);
    expect(core.invoke('children.list', { settingId: a.setting.id }, assistant).total).toBe(2);
    expect(core.call('cohort.trend', { scope: { settingId: a.setting.id, localAuthority: null, settingType: null } }, assistant).ok).toBe(true);
    const before = dump(core);
    for (const [method, input] of [
      ['settings.get', { id: b.setting.id }],
      ['children.list', { settingId: b.setting.id }],
      ['children.get', { id: b.own.id }],
      ['staff.list', { settingId: b.setting.id }],
      ['screenings.listForChild', { childId: b.own.id }],
      ['screenings.create', screening(b.own.id)],
      ['cohort.trend', { scope: { settingId: b.setting.id, localAuthority: null, settingType: null } }],
    ] as const) {
      expect(core.call(method, input, assistant), `${method} ${JSON.stringify(input)}`).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(dump(core)).toBe(before);
  });

  it('compares only the covered settings on the all-settings dashboard, with totals of those alone', () => {
    const { core, a } = twoSettings();
    const round = core.invoke('rounds.create', { name: 'Autumn 2026', startDate: '2026-09-01', endDate: '2026-12-31' });
    const assistant = sessionFor(core, 'slt-assistant', { settingIds: [a.setting.id] });
    const mine = core.invoke('cohort.settings', { roundId: round.id }, assistant);
    const all = core.invoke('cohort.settings', { roundId: round.id });
    expect(mine.rows.map((r) => r.settingId)).toEqual([a.setting.id]);
    expect(all.rows).toHaveLength(2);
    expect(mine.total.childrenOnRoll).toBe(all.rows.find((r) => r.settingId === a.setting.id)?.childrenOnRoll);
  });

  it('answers cohort questions across "all settings" for the covered settings alone', () => {
    const { core, screening, a, b } = twoSettings();
    for (const child of [a.own, a.other, b.own]) expect(core.call('screenings.create', screening(child.id)).ok).toBe(true);
    const round = core.invoke('rounds.create', { name: 'Autumn 2026', startDate: '2026-09-01', endDate: '2026-12-31' });
    const assistant = sessionFor(core, 'slt-assistant', { settingIds: [a.setting.id] });
    const onlyA = { settingId: a.setting.id, localAuthority: null, settingType: null };
    const everyone = core.invoke('cohort.overview', { roundId: round.id });
    const mine = core.invoke('cohort.overview', { roundId: round.id }, assistant);
    // The manager's answer counts both settings, so equal answers below mean the assistant's was narrowed.
    expect(everyone.screened).toBe(3);
    expect(mine).toEqual(core.invoke('cohort.overview', { roundId: round.id, scope: onlyA }));
    expect(core.invoke('cohort.breakdown', { roundId: round.id, groupBy: 'ageSection' }, assistant)).toEqual(
      core.invoke('cohort.breakdown', { roundId: round.id, groupBy: 'ageSection', scope: onlyA }),
    );
    expect(core.invoke('cohort.trend', {}, assistant)).toEqual(core.invoke('cohort.trend', { scope: onlyA }));
    const children = core.invoke('cohort.children', { roundId: round.id }, assistant);
    expect(children.rows.map((r) => r.childId).sort()).toEqual([a.own.id, a.other.id].sort());
  });

  it('shows a practitioner their key children only, unless the setting lets practitioners see all', () => {
    const { core, screening, a, b } = twoSettings();
    const practitioner = sessionFor(core, 'practitioner', { staffId: a.keyPerson.id });
    expect(core.invoke('children.list', { settingId: a.setting.id }, practitioner).rows.map((c) => c.firstName)).toEqual(['Kept']);
    core.invoke('children.get', { id: a.own.id }, practitioner);
    const before = dump(core, ['screenings']);
    for (const [method, input] of [
      ['children.get', { id: a.other.id }],
      ['children.update', { id: a.other.id, firstName: 'Changed', lastName: 'Testchild', dateOfBirth: '2023-03-01', sex: 'female' }],
      ['screenings.create', screening(a.other.id)],
      ['children.list', { settingId: b.setting.id }],
      ['children.get', { id: b.own.id }],
    ] as const) {
      expect(core.call(method, input, practitioner), `${method} ${JSON.stringify(input)}`).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(dump(core, ['screenings'])).toBe(before);

    core.invoke('accounts.setPractitionerView', { settingId: a.setting.id, seeAll: true });
    expect(core.invoke('children.list', { settingId: a.setting.id }, practitioner).total).toBe(2);
    expect(core.invoke('children.get', { id: a.other.id }, practitioner).firstName).toBe('Other');
    expect(core.call('children.get', { id: b.own.id }, practitioner)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

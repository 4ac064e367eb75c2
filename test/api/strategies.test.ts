import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { strategyGroups } from '../../shared/schemas/strategies.js';
import { failure, paths } from '../support/api.js';
import { sessionFor } from '../support/accounts.js';
import { testNow } from '../support/core.js';
import { targetTables, targetWorld } from '../support/targets.js';

describe('the shipped strategies library', () => {
  it('holds 16 to 20 shared strategies in every group, each with a title, description and home version', () => {
    const { core } = targetWorld();
    const library = core.invoke('strategies.list', {});
    expect(library.length).toBeGreaterThanOrEqual(16);
    expect(library.length).toBeLessThanOrEqual(20);
    for (const group of strategyGroups)
      expect(
        library.some((s) => s.group === group),
        group,
      ).toBe(true);
    for (const s of library) {
      expect(s.settingId, s.title).toBeNull();
      expect(s.title.length, s.title).toBeGreaterThan(3);
      // One to three sentences, and a one-sentence home version.
      const sentences = s.description.split(/[.!?](\s|$)/).filter((x) => x.trim().length > 1).length;
      expect(sentences, s.title).toBeGreaterThanOrEqual(1);
      expect(sentences, s.title).toBeLessThanOrEqual(3);
      expect(s.homeVersion.length, s.title).toBeGreaterThan(10);
    }
    expect(new Set(library.map((s) => s.title)).size).toBe(library.length);
  });
});

describe('strategies.list', () => {
  it('searches title, description and home version ignoring case and accents, and filters by group', () => {
    const { core } = targetWorld();
    const titles = (q: Record<string, unknown>) => core.invoke('strategies.list', q).map((s) => s.title);
    expect(titles({ search: 'COUNT SLOWLY' })).toEqual(['Wait for the child']);
    expect(titles({ search: 'fridge' })).toEqual(['Picture timetable']);
    expect(titles({ search: 'nothing matches this' })).toEqual([]);
    const parents = core.invoke('strategies.list', { group: 'parents' });
    expect(parents.length).toBeGreaterThan(0);
    expect(parents.every((s) => s.group === 'parents')).toBe(true);
  });

  it("adds a setting's own strategies only when that setting is named, and archived ones only on request", () => {
    const { core, setting } = targetWorld();
    const own = core.invoke('strategies.create', {
      settingId: setting.id,
      group: 'routines',
      title: 'Tidy-up song',
      description: 'Sing the same song at tidy-up.',
    });
    expect(own).toMatchObject({ settingId: setting.id, homeVersion: '', archivedAt: null, targetCount: 0, createdAt: testNow });
    const ids = (q: Record<string, unknown>) => core.invoke('strategies.list', q).map((s) => s.id);
    expect(ids({})).not.toContain(own.id);
    expect(ids({ settingId: setting.id })).toContain(own.id);
    core.invoke('strategies.archive', { id: own.id, archived: true });
    expect(ids({ settingId: setting.id })).not.toContain(own.id);
    expect(ids({ settingId: setting.id, includeArchived: true })).toContain(own.id);
    expect(core.invoke('strategies.archive', { id: own.id, archived: false }).archivedAt).toBeNull();
  });

  it('refuses a setting outside the caller’s reach, and an unknown one', () => {
    const { core, setting } = targetWorld();
    const elsewhere = core.invoke('settings.create', { name: 'Bramble', urn: 'EY222222', type: 'pre-school' });
    const assistant = sessionFor(core, 'slt-assistant', { settingIds: [setting.id] });
    expect(core.invoke('strategies.list', { settingId: setting.id }, assistant).length).toBeGreaterThan(0);
    expect(core.invoke('strategies.list', {}, assistant).length).toBeGreaterThan(0);
    const refused = core.call('strategies.list', { settingId: elsewhere.id }, assistant);
    expect(refused.ok ? null : refused.error.code).toBe('FORBIDDEN');
    expect(failure(core, 'strategies.list', { settingId: randomUUID() }).code).toBe('NOT_FOUND');
  });
});

describe('strategies.create, update and archive', () => {
  it('a manager adds and edits a shared strategy', () => {
    const { core } = targetWorld();
    const s = core.invoke('strategies.create', {
      group: 'interaction',
      title: '  Copy the child’s play ',
      description: 'Do what the child does, side by side.',
      homeVersion: 'Copy what your child does with a toy.',
    });
    expect(s).toMatchObject({ settingId: null, title: 'Copy the child’s play', homeVersion: 'Copy what your child does with a toy.' });
    const edited = core.invoke('strategies.update', { id: s.id, group: 'routines', title: 'Copy play', description: 'Side by side.' });
    expect(edited).toMatchObject({ group: 'routines', title: 'Copy play', homeVersion: '' });
  });

  it('names every bad field and writes nothing', () => {
    const { core, setting } = targetWorld();
    const error = failure(
      core,
      'strategies.create',
      { settingId: setting.id, group: 'outdoors', title: ' ', description: 'x'.repeat(601), homeVersion: 'a\u0000b' },
      targetTables,
    );
    expect(error.code).toBe('VALIDATION');
    expect(paths(error).sort()).toEqual(['description', 'group', 'homeVersion', 'title']);
    expect(error.issues?.find((i) => i.path[0] === 'title')?.message).toBe('Enter the title');
    expect(error.issues?.find((i) => i.path[0] === 'group')?.message).toBe('Choose a group');
    expect(failure(core, 'strategies.update', { id: randomUUID(), group: 'routines', title: 'x', description: 'y' }, targetTables).code).toBe('NOT_FOUND');
  });

  it('refuses a strategy for an archived setting, naming settingId', () => {
    const { core, setting } = targetWorld();
    core.invoke('settings.archive', { id: setting.id, archived: true });
    const error = failure(core, 'strategies.create', { settingId: setting.id, group: 'routines', title: 'x', description: 'y' }, targetTables);
    expect(error.issues).toEqual([{ path: ['settingId'], message: 'Acorn is archived' }]);
  });

  it('lets a champion change their own setting’s strategies but not the shared library', () => {
    const { core, setting, person, shared } = targetWorld();
    const champion = sessionFor(core, 'champion', { staffId: person.id });
    const own = core.invoke(
      'strategies.create',
      { settingId: setting.id, group: 'environment', title: 'Quiet tent', description: 'A tent for talking.' },
      champion,
    );
    expect(core.invoke('strategies.update', { id: own.id, group: 'environment', title: 'Talking tent', description: 'A tent.' }, champion).title).toBe(
      'Talking tent',
    );
    const before = targetTables(core);
    for (const [method, input] of [
      ['strategies.create', { group: 'environment', title: 'Shared', description: 'For all.' }],
      ['strategies.update', { id: shared[0]!.id, group: 'environment', title: 'Mine now', description: 'Changed.' }],
      ['strategies.archive', { id: shared[0]!.id, archived: true }],
    ] as const) {
      const result = core.call(method, input, champion);
      expect(result.ok ? null : result.error.code, method).toBe('FORBIDDEN');
    }
    expect(targetTables(core)).toBe(before);
    const practitioner = sessionFor(core, 'practitioner', { staffId: person.id });
    const refused = core.call('strategies.create', { settingId: setting.id, group: 'environment', title: 'x', description: 'y' }, practitioner);
    expect(refused.ok ? null : refused.error.code).toBe('FORBIDDEN');
  });
});

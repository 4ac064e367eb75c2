import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core.js';
import { childDateIssues } from '../../shared/schemas/children.js';
import { snapshot, testCore, testToday } from '../support/core.js';

interface DemoChild {
  first_name: string;
  last_name: string;
  date_of_birth: string;
  sex: string;
  start_date: string | null;
  leave_date: string | null;
  archived: number;
  eal: number;
  send_stage: string;
}

/** The children in the order demo.load created them, without ids (which are random by design). */
function childrenInCreationOrder(core: Core): DemoChild[] {
  return core.context.db
    .prepare(
      `SELECT first_name, last_name, date_of_birth, sex, start_date, leave_date, archived_at IS NOT NULL AS archived, eal, send_stage
       FROM children ORDER BY rowid`,
    )
    .all() as DemoChild[];
}

describe('demo.load', () => {
  it('fills an empty database with four demo settings of about sixty children each', { timeout: 120_000 }, () => {
    const core = testCore();
    const summary = core.invoke('demo.load', {});
    expect(summary).toEqual({
      settings: 4,
      rooms: 12,
      staff: 32,
      children: 238,
      screenings: 575,
      rounds: 4,
      targets: 57,
      settingTargets: 12,
      visits: 49,
      visitActions: 104,
    });

    const settings = core.invoke('settings.list', {});
    expect(settings).toHaveLength(4);
    expect(settings.map((s) => s.urn).sort()).toEqual(['EY900001', 'EY900002', 'EY900003', 'EY900004']);
    for (const s of settings) {
      expect(s.name).toMatch(/\(demo\)$/);
      expect(s.roomCount).toBe(3);
      expect(s.staffCount).toBe(8);
      const all = core.invoke('children.list', { settingId: s.id, status: 'all', limit: 1000 });
      expect(all.total).toBeGreaterThanOrEqual(50);
      expect(all.total).toBeLessThanOrEqual(70);
      expect(s.childrenOnRoll).toBe(core.invoke('children.list', { settingId: s.id }).total);
    }
    expect(core.invoke('app.info', {}).settingCount).toBe(4);
  });

  it('makes data that obeys the same rules as typed-in data', { timeout: 120_000 }, () => {
    const core = testCore();
    core.invoke('demo.load', {});
    const db = core.context.db;
    const misplaced = db
      .prepare(
        `SELECT count(*) AS n FROM children c
         LEFT JOIN rooms r ON r.id = c.room_id
         LEFT JOIN staff st ON st.id = c.key_person_id
         WHERE (c.room_id IS NOT NULL AND r.setting_id <> c.setting_id)
            OR (c.key_person_id IS NOT NULL AND st.setting_id <> c.setting_id)`,
      )
      .get() as { n: number };
    expect(misplaced.n).toBe(0);
    const children = childrenInCreationOrder(core);
    for (const c of children) {
      expect(childDateIssues({ dateOfBirth: c.date_of_birth }, testToday)).toEqual([]);
      if (c.start_date) expect(c.start_date >= c.date_of_birth).toBe(true);
      if (c.archived) expect(c.leave_date).toBe(testToday);
    }
    const leavers = children.filter((c) => c.archived).length;
    expect(leavers).toBeGreaterThan(0);
    expect(leavers).toBeLessThan(children.length / 4);
    expect(children.some((c) => c.eal === 1)).toBe(true);
    expect(new Set(children.map((c) => c.send_stage)).size).toBeGreaterThan(1);
  });

  it('is deterministic: two fresh databases get the same children in the same order', { timeout: 120_000 }, () => {
    const first = testCore();
    const second = testCore();
    first.invoke('demo.load', {});
    second.invoke('demo.load', {});
    const a = childrenInCreationOrder(first);
    const b = childrenInCreationOrder(second);
    expect(a).toHaveLength(238);
    expect(b).toEqual(a);
    const staffNames = (core: Core) => core.context.db.prepare('SELECT name, role FROM staff ORDER BY rowid').all();
    expect(staffNames(second)).toEqual(staffNames(first));
    // The same names through the API, sorted by something other than the random ids.
    const viaApi = (core: Core) =>
      core
        .invoke('settings.list', {})
        .flatMap((s) => core.invoke('children.list', { settingId: s.id, status: 'all', sort: 'dateOfBirth', limit: 1000 }).rows)
        .map((r) => `${r.dateOfBirth} ${r.firstName} ${r.lastName}`)
        .sort();
    expect(viaApi(second)).toEqual(viaApi(first));
  });

  it('depends on the clock: the same seed on another day gives children born relative to that day', { timeout: 120_000 }, () => {
    const today = testCore();
    const later = testCore({ today: '2027-03-01' });
    today.invoke('demo.load', {});
    later.invoke('demo.load', {});
    const a = childrenInCreationOrder(today);
    const b = childrenInCreationOrder(later);
    expect(b.map((c) => c.first_name)).toEqual(a.map((c) => c.first_name));
    expect(b.map((c) => c.date_of_birth)).not.toEqual(a.map((c) => c.date_of_birth));
  });

  it('refuses a database that already has a setting with CONFLICT and writes nothing', () => {
    const core = testCore();
    core.invoke('settings.create', { name: 'Real Nursery', urn: 'EY123456', type: 'nursery' });
    const before = snapshot(core);
    const result = core.call('demo.load', {});
    expect(snapshot(core)).toBe(before);
    if (result.ok) throw new Error('demo.load should have been refused');
    expect(result.error.code).toBe('CONFLICT');
    expect(result.error.message).toMatch(/only be added to an empty database/);
  });

  it('refuses a database whose only setting is archived', () => {
    const core = testCore();
    const s = core.invoke('settings.create', { name: 'Closed Nursery', urn: 'EY123456', type: 'nursery' });
    core.invoke('settings.archive', { id: s.id, archived: true });
    const before = snapshot(core);
    const result = core.call('demo.load', {});
    expect(snapshot(core)).toBe(before);
    expect(result.ok ? null : result.error.code).toBe('CONFLICT');
  });

  it('refuses to run twice', () => {
    const core = testCore();
    core.invoke('demo.load', {});
    const before = snapshot(core);
    const result = core.call('demo.load', {});
    expect(result.ok ? null : result.error.code).toBe('CONFLICT');
    expect(snapshot(core)).toBe(before);
  });
});

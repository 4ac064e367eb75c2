import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core.js';
import type { Db } from '../../electron/core/db/connection.js';
import { testCore } from '../support/core.js';
import { record, type PlanRow, type Recorded } from '../support/plans.js';

// Hot queries must use indexes. Rather than copy the SQL out of the repositories (and so test a
// copy that can drift), these tests record the statements the API really prepares, with the
// values it binds, and ask SQLite for the plan of each one (test/support/plans.ts).

function planOf(db: Db, q: Recorded): string[] {
  const rows = db.prepare(`EXPLAIN QUERY PLAN ${q.sql}`).all(...(q.args as [])) as PlanRow[];
  return rows.map((r) => r.detail);
}

function plansFor(core: Core, fn: () => void, table: RegExp): { sql: string; plan: string[] }[] {
  const db = core.context.db;
  const queries = record(db, fn).filter((q) => table.test(q.sql));
  expect(queries.length).toBeGreaterThan(0);
  return queries.map((q) => ({ sql: q.sql, plan: planOf(db, q) }));
}

/** Every step that reads `alias` is an index search, never a scan of the table or a whole index. */
function expectIndexedAccess(plan: string[], alias: string, index?: string): void {
  const steps = plan.filter((d) => new RegExp(`^(SCAN|SEARCH) ${alias}\\b`).test(d));
  expect(steps.length, plan.join('\n')).toBeGreaterThan(0);
  for (const step of steps) {
    expect(step, plan.join('\n')).toMatch(new RegExp(`^SEARCH ${alias} USING (COVERING )?INDEX `));
    expect(step).not.toMatch(new RegExp(`^SCAN ${alias}\\b`));
  }
  if (index)
    expect(
      steps.some((s) => s.includes(`INDEX ${index} `)),
      plan.join('\n'),
    ).toBe(true);
}

function fixture() {
  const core = testCore();
  core.invoke('demo.load', {});
  const setting = core.invoke('settings.list', {})[0];
  if (!setting) throw new Error('demo data has no settings');
  const room = core.invoke('rooms.list', { settingId: setting.id })[1];
  const person = core.invoke('staff.list', { settingId: setting.id })[2];
  if (!room || !person) throw new Error('demo data has no rooms or staff');
  return { core, setting, room, person };
}

const childrenQuery = /FROM children c\s+LEFT JOIN/;

describe('children list query plans', () => {
  it('finds a setting’s children by the children_by_setting_name index with the default sort by name', () => {
    const { core, setting } = fixture();
    const plans = plansFor(core, () => core.invoke('children.list', { settingId: setting.id }), childrenQuery);
    expect(plans).toHaveLength(2); // the count and the page
    for (const { plan } of plans) {
      expectIndexedAccess(plan, 'c', 'children_by_setting_name');
      expectIndexedAccess(plan, 'r');
      expectIndexedAccess(plan, 'st');
    }
  });

  it('uses an index, not a scan of children, when filtered by room', () => {
    const { core, setting, room } = fixture();
    const plans = plansFor(core, () => core.invoke('children.list', { settingId: setting.id, roomId: room.id }), childrenQuery);
    for (const { plan } of plans) expectIndexedAccess(plan, 'c');
  });

  it('uses an index when filtered by key person, searched, and sorted by every key', () => {
    const { core, setting, person } = fixture();
    const calls = () => {
      core.invoke('children.list', { settingId: setting.id, keyPersonId: person.id });
      core.invoke('children.list', { settingId: setting.id, search: 'amara apple', status: 'all' });
      core.invoke('children.list', { settingId: setting.id, status: 'leavers', eal: true, sendStage: 'sen-support' });
      for (const sort of ['name', 'dateOfBirth', 'room', 'keyPerson', 'startDate'] as const) {
        core.invoke('children.list', { settingId: setting.id, sort, direction: 'desc' });
      }
    };
    const plans = plansFor(core, calls, childrenQuery);
    expect(plans.length).toBe(16);
    for (const { plan } of plans) expectIndexedAccess(plan, 'c');
  });

  it('falls back to scanning children once children_by_setting_name is dropped (so these tests can fail)', () => {
    const { core, setting } = fixture();
    core.context.db.exec('DROP INDEX children_by_setting_name');
    const plans = plansFor(core, () => core.invoke('children.list', { settingId: setting.id }), childrenQuery);
    for (const { plan } of plans) {
      expect(plan.some((d) => /^SCAN c\b/.test(d))).toBe(true);
      expect(() => expectIndexedAccess(plan, 'c')).toThrow();
    }
  });
});

describe('rooms, staff and settings list query plans', () => {
  it('lists a setting’s rooms by rooms_unique_name and counts their children by children_by_room', () => {
    const { core, setting } = fixture();
    const plans = plansFor(core, () => core.invoke('rooms.list', { settingId: setting.id, includeArchived: true }), /FROM rooms r/);
    for (const { plan } of plans) {
      expectIndexedAccess(plan, 'r', 'rooms_unique_name');
      expectIndexedAccess(plan, 'c', 'children_by_room');
    }
  });

  it('lists a setting’s staff by staff_by_setting and counts key children by children_by_key_person', () => {
    const { core, setting } = fixture();
    const plans = plansFor(core, () => core.invoke('staff.list', { settingId: setting.id }), /FROM staff st/);
    for (const { plan } of plans) {
      expectIndexedAccess(plan, 'st', 'staff_by_setting');
      expectIndexedAccess(plan, 'c', 'children_by_key_person');
    }
  });

  it('counts each setting’s rooms, staff and children through indexes in the settings list and summary', () => {
    const { core, setting } = fixture();
    const plans = plansFor(
      core,
      () => {
        core.invoke('settings.list', { includeArchived: true });
        core.invoke('settings.get', { id: setting.id });
      },
      /FROM settings s/,
    );
    expect(plans).toHaveLength(2);
    for (const { plan } of plans) {
      expectIndexedAccess(plan, 'r', 'rooms_unique_name');
      expectIndexedAccess(plan, 'st', 'staff_by_setting');
      expectIndexedAccess(plan, 'c', 'children_by_setting_name');
    }
  });

  it('scans children for the room counts once children_by_room is dropped (so these tests can fail)', () => {
    const { core, setting } = fixture();
    core.context.db.exec('DROP INDEX children_by_room');
    const plans = plansFor(core, () => core.invoke('rooms.list', { settingId: setting.id }), /FROM rooms r/);
    for (const { plan } of plans) expect(() => expectIndexedAccess(plan, 'c', 'children_by_room')).toThrow();
  });
});

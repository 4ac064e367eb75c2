import { describe, expect, it } from 'vitest';
import { record, type PlanRow } from '../support/plans.js';
import { twoSettings } from '../support/fixtures.js';
import { addStrategy, validSettingTarget } from '../support/settingTargets.js';

// The visit agenda and the setting's page read whole-setting targets by setting, with their
// reviews and linked strategies: each of those reads must search an index, never scan a table.

describe('whole-setting target query plans', () => {
  it('reads a setting’s targets, their reviews and strategies through indexes', () => {
    const { core, a, b } = twoSettings();
    const strategy = addStrategy(core, null, 'Visual timetables');
    for (const settingId of [a.id, b.id]) {
      const t = core.invoke('settingTargets.create', validSettingTarget(settingId, { strategyIds: [strategy] }));
      core.invoke('settingTargets.review', { settingTargetId: t.id, reviewDate: '2026-11-27', reviewer: 'Ash', note: 'Seen', status: 'in-progress' });
    }
    const db = core.context.db;
    const targetId = core.invoke('settingTargets.list', { settingId: a.id })[0]!.id;
    const queries = record(db, () => {
      core.invoke('settingTargets.list', { settingId: a.id, status: 'in-progress' });
      core.invoke('settingTargets.get', { id: targetId });
    }).filter((q) => /setting_target/.test(q.sql));
    expect(queries.length).toBeGreaterThan(3);
    for (const q of queries) {
      const plan = (db.prepare(`EXPLAIN QUERY PLAN ${q.sql}`).all(...(q.args as [])) as PlanRow[]).map((r) => r.detail);
      // A scan of json_each (the ids asked for) is a scan of the call's own list, not of a table.
      const scans = plan.filter((d) => /^SCAN /.test(d) && !/json_each/.test(d));
      expect(scans, `${q.sql}\n${plan.join('\n')}`).toEqual([]);
    }
  });
});

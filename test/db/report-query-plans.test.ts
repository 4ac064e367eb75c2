import { describe, expect, it } from 'vitest';
import { record, type PlanRow } from '../support/plans.js';
import { reportWorld } from '../support/reports.js';

// The statements the progress reports added (each child's targets over a period, the visits held
// and whole-setting targets open in it) run for one setting of 300 children or for 150 settings:
// each must reach its rows through an index, never by scanning a table. Recorded as the API
// prepares them (test/support/plans.ts), not copied.

const added = /JOIN child_targets t ON t.child_id = c.id|JOIN setting_targets t ON|JOIN visits v ON v.setting_id/;

describe('report query plans', () => {
  it('reads children’s targets, whole-setting targets and visits by index', () => {
    const w = reportWorld();
    const db = w.core.context.db;
    const { acorn, bramble, cedar } = w.settings;
    const queries = record(db, () => {
      w.core.invoke('reports.settingPreview', { settingId: acorn.id, period: { roundId: w.rounds.autumn.id } });
      w.core.invoke('reports.areaPreview', { scope: { settingIds: [acorn.id, bramble.id, cedar.id] }, period: { from: '2026-01-01', to: '2026-12-31' } });
    }).filter((q) => added.test(q.sql));
    // childrenOnTargets once; settingTargets.inPeriod and visits.heldBetween for each report.
    expect(queries.length).toBe(5);
    for (const q of queries) {
      const plan = (db.prepare(`EXPLAIN QUERY PLAN ${q.sql}`).all(...(q.args as [])) as PlanRow[]).map((r) => r.detail);
      // A scan of json_each (the settings asked for) is a scan of the call's own list, not of a table.
      const scans = plan.filter((d) => /^SCAN /.test(d) && !/json_each/.test(d));
      expect(scans, `${q.sql}\n${plan.join('\n')}`).toEqual([]);
      expect(plan.filter((d) => /^SEARCH /.test(d)).length, plan.join('\n')).toBeGreaterThan(0);
    }
  });
});

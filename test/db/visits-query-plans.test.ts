import { describe, expect, it } from 'vitest';
import type { Db } from '../../electron/core/db/connection.js';
import { sessionFor } from '../support/accounts.js';
import { testCore } from '../support/core.js';
import { record, type PlanRow, type Recorded } from '../support/plans.js';

// "My visits" and a setting's visit history run for every setting an assistant covers: each
// statement they prepare must reach visits and their actions through an index, never a scan.
// The statements are recorded as the API prepares them (test/support/plans.ts), not copied.

function planOf(db: Db, q: Recorded): string[] {
  return (db.prepare(`EXPLAIN QUERY PLAN ${q.sql}`).all(...(q.args as [])) as PlanRow[]).map((r) => r.detail);
}

/** Checks each step reading `alias`; returns how many there were. */
function expectSearched(plan: string[], alias: string): number {
  const steps = plan.filter((d) => new RegExp(`^(SCAN|SEARCH) ${alias}\\b`).test(d));
  for (const step of steps) expect(step, plan.join('\n')).toMatch(new RegExp(`^SEARCH ${alias} USING (COVERING )?(PRIMARY KEY|INDEX )`));
  return steps.length;
}

function world() {
  const core = testCore();
  const settings = ['Acorn', 'Bramble', 'Clover'].map((name, i) => core.invoke('settings.create', { name, urn: `EY10000${i}`, type: 'nursery' }));
  for (const s of settings) {
    for (const heldDate of ['2026-09-10', '2026-10-08', '2026-11-05']) {
      const visit = core.invoke('visits.record', { settingId: s.id, heldDate, visitorName: 'Sam', attendees: [{ name: 'Kim' }] });
      core.invoke('visits.addAction', { visitId: visit.id, description: 'Visual timetable', ownerName: 'Kim', dueDate: '2026-12-01' });
    }
    core.invoke('visits.schedule', { settingId: s.id, plannedDate: '2026-12-03', visitorName: 'Sam' });
  }
  return { core, settings };
}

describe('visit query plans', () => {
  it('reads visits, attendees, children and actions by index for My visits and a setting’s history', () => {
    const { core, settings } = world();
    const sam = sessionFor(core, 'slt-assistant', { settingIds: settings.map((s) => s.id) });
    const first = settings[0]?.id ?? '';
    const queries = record(core.context.db, () => {
      core.invoke('visits.mine', {}, sam);
      core.invoke('visits.list', { settingId: first }, sam);
      core.invoke('visits.actions', { settingId: first }, sam);
    }).filter((q) => /\bvisit/.test(q.sql));
    expect(queries.length).toBeGreaterThan(3);
    let steps = 0;
    for (const q of queries) {
      const plan = planOf(core.context.db, q);
      for (const alias of ['v', 'a', 'va', 'vc', 'os', 'visits', 'visit_attendees', 'visit_children', 'visit_actions']) steps += expectSearched(plan, alias);
    }
    expect(steps).toBeGreaterThan(queries.length);
  });
});

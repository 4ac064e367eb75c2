import { describe, expect, it } from 'vitest';
import type { Db } from '../../electron/core/db/connection.js';
import { record, type PlanRow, type Recorded } from '../support/plans.js';
import { newTarget, targetWorld } from '../support/targets.js';

// "Due for review" feeds the visit agenda and the champion's work lists, and a child's targets
// show on every child page: neither may read every target in the database. The statements are the
// ones the API really prepares (a spy on db.prepare), not copies.

function plans(db: Db, fn: () => void, pattern: RegExp): { sql: string; text: string }[] {
  const found = record(db, fn)
    .filter((q: Recorded) => pattern.test(q.sql))
    .map((q) => {
      const rows = db.prepare(`EXPLAIN QUERY PLAN ${q.sql}`).all(...(q.args as [])) as PlanRow[];
      return { sql: q.sql, text: rows.map((r) => r.detail).join('\n') };
    });
  expect(found.length, 'the statement was recorded').toBeGreaterThan(0);
  return found;
}

describe('target query plans', () => {
  it('finds a setting’s targets due for review, and a child’s targets, through indexes', () => {
    const { core, setting, child } = targetWorld();
    newTarget(core, child.id);
    const db = core.context.db;
    const due = plans(db, () => core.invoke('targets.list', { settingId: setting.id, reviewDueBy: '2026-12-31' }), /FROM child_targets t JOIN children c/);
    // One setting's children first, then each child's active targets: never every due target in the area.
    for (const p of due)
      expect(p.text, p.sql).toMatch(
        /^SEARCH c USING (COVERING )?INDEX \w+ \(setting_id=\?[\s\S]*^SEARCH t USING INDEX child_targets_by_child \(child_id=\? AND status=\? AND review_date<\?\)/m,
      );
    const forChild = plans(db, () => core.invoke('targets.listForChild', { childId: child.id }), /WHERE t\.child_id = \?/);
    for (const p of [...due, ...forChild]) {
      expect(p.text, p.sql).not.toMatch(/^SCAN (t|c)\b/m);
      expect(p.text, p.sql).toMatch(/USING (COVERING )?INDEX|USING INTEGER PRIMARY KEY|USING PRIMARY KEY/);
    }
    const links = plans(db, () => core.invoke('targets.listForChild', { childId: child.id }), /FROM child_target_strategies ts/);
    for (const p of links) expect(p.text, p.sql).not.toMatch(/^SCAN ts\b/m);
  });

  it('finds Red and Amber children with no active target through indexes, never every target', () => {
    const { core, setting, child } = targetWorld();
    newTarget(core, child.id);
    const db = core.context.db;
    const found = plans(db, () => core.invoke('settings.workLists', { settingId: setting.id }), /NOT EXISTS \(SELECT 1 FROM child_targets t/);
    for (const p of found) {
      expect(p.text, p.sql).toMatch(/^SEARCH c USING (COVERING )?INDEX \w+ \(setting_id=\?/m);
      expect(p.text, p.sql).toMatch(/SEARCH t USING (COVERING )?INDEX child_targets_by_child \(child_id=\? AND status=\?\)/);
      expect(p.text, p.sql).not.toMatch(/^SCAN (t|c|ls)\b/m);
    }
  });
});

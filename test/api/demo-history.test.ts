import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core.js';
import { addDays, compareIsoDates } from '../../shared/domain/dates.js';
import { testCore, testToday } from '../support/core.js';

// What the end-to-end spec and the visit agenda rely on in demo data: the first demo setting has
// children's targets due for review, a whole-setting target in progress, open actions and a
// visit planned; and across the demo, a year of visits and targets in every state.

function loaded(): Core {
  const core = testCore();
  core.invoke('demo.load', {});
  return core;
}

describe('demo targets and visits', () => {
  it(
    'gives the first demo setting targets due for review, a whole-setting target in progress, open actions and a visit planned for today',
    { timeout: 180_000 },
    () => {
      const core = loaded();
      const [first] = core.invoke('settings.list', {});
      if (!first) throw new Error('the demo has settings');
      expect(first.name).toBe('Acorn Lane Nursery (demo)');

      const due = core.invoke('targets.list', { settingId: first.id, reviewDueBy: testToday });
      expect(new Set(due.map((t) => t.childId)).size).toBeGreaterThanOrEqual(2);
      for (const t of due) {
        expect(t.status).toBe('active');
        expect(compareIsoDates(t.reviewDate, testToday)).toBeLessThanOrEqual(0);
      }
      // Overdue ones and ones falling due this week (Monday 23/11/2026 onwards).
      expect(due.some((t) => t.reviewDate < '2026-11-23')).toBe(true);
      expect(due.some((t) => t.reviewDate >= '2026-11-23')).toBe(true);

      const settingTargets = core.invoke('settingTargets.list', { settingId: first.id });
      expect(settingTargets.some((t) => t.status === 'in-progress' && t.reviewCount > 0)).toBe(true);

      const open = core.invoke('visits.actions', { settingId: first.id, includeDone: false });
      expect(open.length).toBeGreaterThan(0);
      for (const a of open) expect(a.doneDate).toBeNull();

      const visits = core.invoke('visits.list', { settingId: first.id });
      expect(visits.filter((v) => v.status === 'planned').map((v) => v.date)).toEqual([testToday]);
      const held = visits.filter((v) => v.status === 'held');
      expect(held.length).toBeGreaterThanOrEqual(9);
      expect(held.every((v) => v.date < testToday && v.date >= addDays(testToday, -365))).toBe(true);
      const last = core.invoke('visits.get', { id: held[0]?.id ?? '' });
      expect(last.attendees.length).toBeGreaterThan(0);
      expect(last.childrenDiscussed.length).toBeGreaterThan(0);
      expect(last.nextVisitDate).toBe(testToday);
    },
  );

  it('has a year of history in every demo setting, and one setting whose visit is overdue', { timeout: 180_000 }, () => {
    const core = loaded();
    const db = core.context.db;
    const statuses = (sql: string) => (db.prepare(sql).all() as { status: string }[]).map((r) => r.status).sort();
    expect(statuses('SELECT DISTINCT status FROM child_targets')).toEqual(['achieved', 'active', 'partly-achieved', 'stopped']);
    expect(statuses('SELECT DISTINCT status FROM setting_targets')).toEqual(['achieved', 'in-progress', 'stopped']);
    expect(statuses('SELECT DISTINCT status FROM visits')).toEqual(['cancelled', 'held', 'planned']);
    const reviews = db.prepare('SELECT count(*) AS n, max(review_date) AS latest FROM target_reviews').get() as { n: number; latest: string };
    expect(reviews.n).toBeGreaterThan(50);
    expect(reviews.latest <= testToday).toBe(true);
    // A setting of its own strategy, linked from targets.
    const own = db
      .prepare('SELECT count(*) AS n FROM strategies s JOIN child_target_strategies l ON l.strategy_id = s.id WHERE s.setting_id IS NOT NULL')
      .get() as {
      n: number;
    };
    expect(own.n).toBeGreaterThan(0);

    const standings = core.invoke('visits.mine', {}).settings.map((s) => [s.settingName, s.standing]);
    expect(standings).toContainEqual(['Riverside Children’s Centre (demo)', 'overdue-planned']);
    expect(standings.filter(([, s]) => s === 'planned')).toHaveLength(3);

    // Red or Amber children without an active target are left for the work lists, but most have one.
    for (const setting of core.invoke('settings.list', {})) {
      const flagged = core
        .invoke('children.list', { settingId: setting.id, limit: 1000 })
        .rows.filter((c) => c.latestScreening && c.latestScreening.colour !== 'green');
      const withTarget = new Set(core.invoke('targets.list', { settingId: setting.id, status: 'active' }).map((t) => t.childId));
      const covered = flagged.filter((c) => withTarget.has(c.id)).length;
      expect(covered, setting.name).toBeGreaterThan(flagged.length / 2);
      expect(covered, setting.name).toBeLessThan(flagged.length);
    }
  });

  it('is deterministic: two fresh databases get the same targets, reviews and visits', { timeout: 180_000 }, () => {
    const rows = (core: Core) =>
      core.context.db
        .prepare(
          `SELECT c.first_name || ' ' || c.last_name AS child, t.aim, t.start_date, t.review_date, t.status,
                  (SELECT group_concat(r.review_date || ':' || r.progress || ':' || r.status, ',') FROM target_reviews r WHERE r.target_id = t.id) AS reviews
           FROM child_targets t JOIN children c ON c.id = t.child_id ORDER BY t.rowid`,
        )
        .all();
    const visits = (core: Core) =>
      core.context.db.prepare('SELECT status, planned_date, held_date, coaching, next_visit_date FROM visits ORDER BY rowid').all();
    const a = loaded();
    const b = loaded();
    expect(rows(b)).toEqual(rows(a));
    expect(visits(b)).toEqual(visits(a));
  });
});

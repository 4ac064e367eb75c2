import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core.js';
import { addDays } from '../../shared/domain/dates.js';
import { cohortTargetGroupings, type CohortTargetGrouping, type TargetFigure } from '../../shared/schemas/cohort.js';
import { failure } from '../support/api.js';
import { sessionFor } from '../support/accounts.js';
import { testCore, testToday } from '../support/core.js';

// "On targets" and "targets met" (cohort.targets): random settings, children (with start and leave
// dates, subgroups) and targets (started, closed by a review or stopped on random dates) are
// built through the API; the figures are compared with a plain recount, and every figure with
// the children list behind it (cohort.children's `targets` filter), as the dashboard links them.

const ROUND = { name: 'Autumn 2026', startDate: '2026-09-01', endDate: '2026-10-31' };
/** Dates fall between BASE and today; the round sits in the middle. */
const BASE = '2026-06-01';
const SPAN = 179; // 2026-06-01 + 179 days = 2026-11-27, today

interface MTarget {
  start: string;
  closedOn: string | null;
  status: 'active' | 'achieved' | 'not-achieved' | 'stopped';
}
interface MChild {
  id: string;
  settingId: string;
  sex: 'female' | 'male';
  eal: boolean;
  roomId: string | null;
  start: string;
  leave: string | null;
  targets: MTarget[];
}

const inRound = (d: string) => d >= ROUND.startDate && d <= ROUND.endDate;
const onRoll = (c: MChild) => c.start <= ROUND.endDate && (c.leave === null || c.leave > ROUND.startDate);
const activeInRound = (t: MTarget) => t.start <= ROUND.endDate && (t.closedOn === null || t.closedOn >= ROUND.startDate);
const closedInRound = (t: MTarget) => t.status !== 'active' && t.status !== 'stopped' && t.closedOn !== null && inRound(t.closedOn);
const metInRound = (t: MTarget) => closedInRound(t) && t.status === 'achieved';

type ChildPlan = {
  setting: number;
  sex: 'female' | 'male';
  eal: boolean;
  room: boolean;
  start: number;
  leavesAfter: number | null;
  targets: { start: number; closesAfter: number | null; end: 'achieved' | 'not-achieved' | 'stopped' }[];
};

const childArb: fc.Arbitrary<ChildPlan> = fc.record({
  setting: fc.integer({ min: 0, max: 1 }),
  sex: fc.constantFrom('female' as const, 'male' as const),
  eal: fc.boolean(),
  room: fc.boolean(),
  start: fc.integer({ min: 0, max: SPAN - 20 }),
  leavesAfter: fc.option(fc.integer({ min: 1, max: 60 })),
  targets: fc.array(
    fc.record({
      start: fc.integer({ min: 0, max: 40 }),
      closesAfter: fc.option(fc.integer({ min: 0, max: 120 })),
      end: fc.constantFrom('achieved' as const, 'not-achieved' as const, 'stopped' as const),
    }),
    { maxLength: 3 },
  ),
});

function build(core: Core, plans: ChildPlan[]) {
  const settings = ['Acorn', 'Bramble'].map((name, i) => core.invoke('settings.create', { name, urn: `EY12345${i}`, type: 'nursery' }));
  const rooms = settings.map((s) => core.invoke('rooms.create', { settingId: s.id, name: 'Ladybirds' }));
  const round = core.invoke('rounds.create', ROUND);
  const model: MChild[] = plans.map((p, i) => {
    const setting = settings[p.setting]!;
    const start = addDays(BASE, p.start);
    const child = core.invoke('children.create', {
      settingId: setting.id,
      firstName: `Child${i}`,
      lastName: 'Testperson',
      dateOfBirth: '2023-03-01',
      sex: p.sex,
      eal: p.eal,
      startDate: start,
      ...(p.room ? { roomId: rooms[p.setting]!.id } : {}),
    });
    const targets: MTarget[] = p.targets.map((t) => {
      const tStart = [addDays(start, t.start), testToday].sort()[0]!;
      const target = core.invoke('targets.create', { childId: child.id, aim: 'Puts two words together', startDate: tStart, reviewDate: addDays(tStart, 28) });
      if (t.closesAfter === null) return { start: tStart, closedOn: null, status: 'active' };
      const on = [addDays(tStart, t.closesAfter), testToday].sort()[0]!;
      if (t.end === 'stopped') core.invoke('targets.stop', { id: target.id, stoppedOn: on, reason: 'Referred on' });
      else core.invoke('targets.review', { targetId: target.id, reviewDate: on, reviewer: 'Kim', progress: 'some', status: t.end, nextReviewDate: null });
      return { start: tStart, closedOn: on, status: t.end };
    });
    let leave: string | null = null;
    if (p.leavesAfter !== null) {
      leave = [addDays(start, p.leavesAfter), testToday].sort()[0]!;
      core.invoke('children.archive', { id: child.id, archived: true, leaveDate: leave });
    }
    return { id: child.id, settingId: setting.id, sex: p.sex, eal: p.eal, roomId: p.room ? rooms[p.setting]!.id : null, start, leave, targets };
  });
  return { settings, round, model };
}

const keyOf: Partial<Record<CohortTargetGrouping, (c: MChild) => string>> = {
  sex: (c) => c.sex,
  eal: (c) => (c.eal ? '1' : '0'),
  room: (c) => c.roomId ?? '',
  setting: (c) => c.settingId,
};

function counts(children: MChild[]) {
  const roll = children.filter(onRoll);
  return {
    onRoll: roll.length,
    onTargets: roll.filter((c) => c.targets.some(activeInRound)).length,
    targetsClosed: roll.reduce((n, c) => n + c.targets.filter(closedInRound).length, 0),
    targetsMet: roll.reduce((n, c) => n + c.targets.filter(metInRound).length, 0),
  };
}

describe('cohort.targets against a recount and the children behind it', () => {
  it('counts on targets and targets met by subgroup, and each figure is its children list', () => {
    fc.assert(
      fc.property(
        fc.array(childArb, { minLength: 1, maxLength: 8 }),
        fc.constantFrom<CohortTargetGrouping>('sex', 'eal', 'room', 'setting'),
        (plans, groupBy) => {
          const core = testCore();
          const { settings, round, model } = build(core, plans);
          for (const scope of [{ settingId: null }, { settingId: settings[0]!.id }]) {
            const inScope = model.filter((c) => scope.settingId === null || c.settingId === scope.settingId);
            const figures = core.invoke('cohort.targets', { scope, roundId: round.id, groupBy });
            expect(figures.total).toEqual(counts(inScope));
            const key = keyOf[groupBy]!;
            const keys = [...new Set(inScope.filter(onRoll).map(key))].sort();
            expect(figures.rows.map((r) => r.key).sort()).toEqual(keys);
            for (const row of [...figures.rows.map((r) => ({ ...r, k: r.key as string | null })), { ...figures.total, k: null }]) {
              const drill = (targets: TargetFigure) =>
                core.invoke('cohort.children', { scope, roundId: round.id, targets, groupBy: row.k === null ? null : groupBy, groupKey: row.k, limit: 5000 });
              const listed = (targets: TargetFigure) => drill(targets).rows.map((r) => model.find((c) => c.id === r.childId)!);
              // On targets counts children: the list is as long as the number.
              expect(drill('on').total).toBe(row.onTargets);
              // Closed and met count targets: the listed children's targets add up to the number.
              expect(listed('closed').reduce((n, c) => n + c.targets.filter(closedInRound).length, 0)).toBe(row.targetsClosed);
              expect(listed('met').reduce((n, c) => n + c.targets.filter(metInRound).length, 0)).toBe(row.targetsMet);
              expect(row.targetsMet).toBeLessThanOrEqual(row.targetsClosed);
            }
          }
        },
      ),
      { numRuns: 15 },
    );
  });

  it('keeps to the caller: a champion asking across every setting gets their own setting only', () => {
    const core = testCore();
    const { settings, round, model } = build(core, [
      { setting: 0, sex: 'female', eal: false, room: false, start: 0, leavesAfter: null, targets: [{ start: 10, closesAfter: null, end: 'achieved' }] },
      { setting: 1, sex: 'male', eal: true, room: false, start: 0, leavesAfter: null, targets: [{ start: 10, closesAfter: 100, end: 'achieved' }] },
    ]);
    const staff = core.invoke('staff.create', {
      settingId: settings[0]!.id,
      name: 'Kim Testperson',
      role: 'communication-champion',
      qualificationLevel: 'level-3',
    });
    const champion = sessionFor(core, 'champion', { staffId: staff.id });
    const mine = core.invoke('cohort.targets', { roundId: round.id, groupBy: 'setting' }, champion);
    expect(mine.rows.map((r) => r.key)).toEqual([settings[0]!.id]);
    expect(mine.total).toEqual(counts(model.filter((c) => c.settingId === settings[0]!.id)));
    const refused = core.call('cohort.targets', { scope: { settingId: settings[1]!.id }, roundId: round.id }, champion);
    expect(refused.ok ? null : refused.error.code).toBe('FORBIDDEN');
  });

  it("counts a target on the round's edges: closed on its first day or started on its last, not closed the day before", () => {
    const core = testCore();
    // Children start 2026-06-01 (day 0); the round runs 2026-09-01 (day 92) to 2026-10-31 (day 152).
    const child = (targets: ChildPlan['targets']): ChildPlan => ({ setting: 0, sex: 'female', eal: false, room: false, start: 0, leavesAfter: null, targets });
    const { round } = build(core, [
      child([{ start: 10, closesAfter: 82, end: 'achieved' }]), // closed 2026-09-01: on targets, met
      child([{ start: 10, closesAfter: 81, end: 'achieved' }]), // closed 2026-08-31: neither
      child([{ start: 40, closesAfter: 20, end: 'stopped' }]), // stopped before the round: neither
    ]);
    const late = core.invoke('children.create', {
      settingId: core.invoke('settings.list', {})[0]!.id,
      firstName: 'Late',
      lastName: 'Testperson',
      dateOfBirth: '2023-03-01',
      sex: 'male',
    });
    core.invoke('targets.create', { childId: late.id, aim: 'Puts two words together', startDate: '2026-10-31', reviewDate: '2026-11-28' });
    expect(core.invoke('cohort.targets', { roundId: round.id, groupBy: 'sex' }).total).toEqual({ onRoll: 4, onTargets: 2, targetsClosed: 1, targetsMet: 1 });
  });

  it('hides the counts of small groups when asked', () => {
    const core = testCore();
    const { round } = build(core, [{ setting: 0, sex: 'female', eal: false, room: false, start: 0, leavesAfter: null, targets: [] }]);
    const figures = core.invoke('cohort.targets', { roundId: round.id, groupBy: 'sex', suppressBelow: 5 });
    expect(figures.rows).toEqual([{ key: 'female', label: 'Female', suppressed: true, onRoll: 0, onTargets: 0, targetsClosed: 0, targetsMet: 0 }]);
    expect(figures.total.onRoll).toBe(1);
  });

  it('refuses a round that does not exist or a grouping that comes from a screening, naming it, and writes nothing', () => {
    const core = testCore();
    build(core, []);
    expect(failure(core, 'cohort.targets', { roundId: '00000000-0000-4000-8000-000000000000' }).message).toMatch(/round/i);
    const wrong = failure(core, 'cohort.targets', { roundId: '00000000-0000-4000-8000-000000000000', groupBy: 'ageSection' });
    expect(wrong.code).toBe('VALIDATION');
    expect(JSON.stringify(wrong)).toContain('groupBy');
    expect(cohortTargetGroupings).not.toContain('ageSection');
  });
});

import { expect } from 'vitest';
import type { Core } from '../../electron/core/core.js';
import type { Session } from '../../electron/core/context.js';
import type { CohortReportFigures } from '../../shared/schemas/reports.js';
import type { CohortBreakdown, CohortScope } from '../../shared/schemas/cohort.js';
import { world } from './cohort.js';
import { testCore } from './core.js';

// The cohort tests' hand-built world (test/support/cohort.ts) with what a progress report adds:
// children's targets, whole-setting targets and visits, at dates inside and outside Autumn 2026.

export function reportWorld(core: Core = testCore()) {
  const w = world(core);
  const { ava, ben, cara } = w.children;
  const { acorn, bramble } = w.settings;
  const target = (childId: string, aim: string, startDate: string, reviewDate: string) =>
    core.invoke('targets.create', { childId, aim, startDate, reviewDate });
  const review = (targetId: string, reviewDate: string, status: 'active' | 'achieved' | 'partly-achieved' | 'not-achieved') =>
    core.invoke('targets.review', { targetId, reviewDate, reviewer: 'Kim', progress: status === 'achieved' ? 'met' : 'some', status });
  // Ava: one met in the autumn, one still active. Ben: one closed not met in the autumn.
  // Cara: one closed in the spring (not active in the autumn at all).
  const avaWords = target(ava.id, 'Uses two-word phrases', '2026-09-10', '2026-10-20');
  review(avaWords.id, '2026-10-20', 'achieved');
  const avaTurns = target(ava.id, 'Takes turns in play', '2026-10-01', '2026-12-10');
  const benSounds = target(ben.id, 'Copies animal sounds', '2026-09-20', '2026-11-01');
  review(benSounds.id, '2026-11-01', 'not-achieved');
  const caraSpring = target(cara.id, 'Points to ask', '2026-02-01', '2026-03-20');
  review(caraSpring.id, '2026-03-20', 'achieved');

  const wholeTarget = (settingId: string, title: string) =>
    core.invoke('settingTargets.create', { settingId, title, ownerName: 'Sam Champion', dueDate: '2026-12-31' });
  const timetable = wholeTarget(acorn.id, 'Every room uses a visual timetable');
  const songs = wholeTarget(bramble.id, 'Songs with actions at every circle time');

  const visit = (settingId: string, heldDate: string) =>
    core.invoke('visits.record', { settingId, heldDate, visitorName: 'Sam Visitor', attendees: [{ name: 'Kim' }] });
  const visits = { acornSep: visit(acorn.id, '2026-09-15'), acornJun: visit(acorn.id, '2026-06-10'), brambleOct: visit(bramble.id, '2026-10-12') };
  return { ...w, targets: { avaWords, avaTurns, benSounds, caraSpring }, settingTargets: { timetable, songs }, visits };
}
export type ReportWorld = ReturnType<typeof reportWorld>;

/** Which breakdown each gap comes from, and the keys that make its group (SEND: any stage but none). */
export const gapGroups = {
  boys: { groupBy: 'sex', keys: (k: string) => k === 'male' },
  girls: { groupBy: 'sex', keys: (k: string) => k === 'female' },
  eal: { groupBy: 'eal', keys: (k: string) => k === '1' },
  send: { groupBy: 'sendStage', keys: (k: string) => k !== 'none' },
  funded2: { groupBy: 'funded2', keys: (k: string) => k === '1' },
  eypp: { groupBy: 'eypp', keys: (k: string) => k === '1' },
} as const;

/**
 * Checks a report's figures against the cohort API's answers for the same scope and round (asked
 * by `session`, so an assistant's answers cover their settings only): one definition per number.
 */
export function expectCohortFigures(
  core: Core,
  figures: CohortReportFigures,
  scope: CohortScope,
  options: { session?: Session; suppressBelow?: number } = {},
): void {
  const session = options.session ?? core.localSession;
  const suppressBelow = options.suppressBelow ?? 0;
  const roundId = figures.period.roundId;
  if (!roundId) throw new Error('the report has no round');
  const ask = <T>(method: string, input: unknown): T => {
    const result = core.call(method, input, session);
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    return result.value as T;
  };
  expect(figures.overview).toEqual(ask('cohort.overview', { scope, roundId }));
  if (!figures.hasScreenings) return;
  expect(figures.byAgeSection).toEqual(ask('cohort.breakdown', { scope, roundId, groupBy: 'ageSection', suppressBelow }));
  expect(figures.workingAt).toEqual(ask('cohort.workingAt', { scope, roundId }));
  const round = ask<{ id: string; startDate: string; endDate: string }[]>('rounds.list', {}).find((r) => r.id === roundId);
  // Targets count over the period's dates: the cohort's figure for the round when they are its dates.
  if (round && round.startDate === figures.period.from && round.endDate === figures.period.to) {
    expect(figures.targets).toEqual(ask<{ total: unknown }>('cohort.targets', { scope, roundId }).total);
  }
  const previous = figures.period.previousRoundId;
  expect(figures.progress).toEqual(previous ? ask('cohort.transitions', { scope, fromRoundId: previous, toRoundId: roundId }) : null);
  for (const gap of figures.gaps) {
    const source = gapGroups[gap.key];
    const breakdown = ask<CohortBreakdown>('cohort.breakdown', { scope, roundId, groupBy: source.groupBy, suppressBelow: 0 });
    const group = breakdown.rows
      .filter((r) => source.keys(r.key))
      .reduce((t, r) => ({ red: t.red + r.red, amber: t.amber + r.amber, green: t.green + r.green, total: t.total + r.total }), {
        red: 0,
        amber: 0,
        green: 0,
        total: 0,
      });
    const small = group.total < suppressBelow || breakdown.total.total - group.total < suppressBelow;
    expect(gap.suppressed, gap.key).toBe(small);
    if (small) {
      expect(gap.group.total + gap.rest.total + (gap.greenGap ?? 0), 'a suppressed gap shows no counts').toBe(0);
      expect(gap.greenGap).toBeNull();
      continue;
    }
    expect(gap.group, gap.key).toEqual(group);
    expect(
      {
        red: gap.group.red + gap.rest.red,
        amber: gap.group.amber + gap.rest.amber,
        green: gap.group.green + gap.rest.green,
        total: gap.group.total + gap.rest.total,
      },
      gap.key,
    ).toEqual(breakdown.total);
  }
}

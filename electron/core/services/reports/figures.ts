import type { CohortBreakdown, CohortGrouping, CohortOverview, RagCounts, TargetCounts } from '../../../../shared/schemas/cohort.js';
import { greenGapPoints, restOf } from '../../../../shared/domain/green-gap.js';
import { type CohortReportFigures, type SubgroupGap, type SubgroupGapRow } from '../../../../shared/schemas/reports.js';
import type { CallContext } from '../../context.js';
import type { Scope } from '../../db/repos/cohort.js';
import type { HeldVisitLine } from '../../db/repos/visits.js';
import type { ReportPeriod } from './period.js';

// The figures a setting report and an area report share, each taken from the cohort repository
// the dashboard answers from (one definition per number): a report can never disagree with the
// dashboard for the same settings and round.

/** What a report counts over. */
export interface ReportScope {
  /** The cohort scope: one setting, or a set of settings. */
  cohort: Scope;
  /** The same settings by id, for the lists (whole-setting targets, visits). */
  settingIds: readonly string[];
  /** Groups with fewer children than this show no counts (0: every count shows). */
  suppressBelow: number;
  /** Visitors' names shown as initials. */
  initialsOnly: boolean;
}

/** "Sam Jones" as "S. J.": how a report shows people when asked for initials only. */
export function initialsOf(...names: string[]): string {
  return names
    .join(' ')
    .split(/[\s-]+/)
    .filter((part) => part.length > 0)
    .map((part) => `${part.charAt(0).toUpperCase()}.`)
    .join(' ');
}

const noRag: RagCounts = { red: 0, amber: 0, green: 0, total: 0 };
const noOverview: CohortOverview = { childrenOnRoll: 0, childrenOnRollToday: 0, overdue: 0, notScreened: 0, screened: 0, incomplete: 0 };

/** Each gap: the breakdown it comes from and which of its keys make up the group. */
const gapSources: readonly { key: SubgroupGap; label: string; groupBy: Exclude<CohortGrouping, 'ageSection' | 'setting'>; inGroup: (k: string) => boolean }[] =
  [
    { key: 'boys', label: 'Boys', groupBy: 'sex', inGroup: (k) => k === 'male' },
    { key: 'girls', label: 'Girls', groupBy: 'sex', inGroup: (k) => k === 'female' },
    { key: 'eal', label: 'English as an additional language', groupBy: 'eal', inGroup: (k) => k === '1' },
    // SEND: any stage other than none (SEN support or an EHC plan).
    { key: 'send', label: 'Special educational needs (SEND)', groupBy: 'sendStage', inGroup: (k) => k !== 'none' },
    { key: 'funded2', label: 'Funded 2-year-olds', groupBy: 'funded2', inGroup: (k) => k === '1' },
    { key: 'eypp', label: 'Early years pupil premium', groupBy: 'eypp', inGroup: (k) => k === '1' },
  ];

const plus = (a: RagCounts, b: RagCounts): RagCounts => ({ red: a.red + b.red, amber: a.amber + b.amber, green: a.green + b.green, total: a.total + b.total });

/** One group against the rest of the children screened, from an unsuppressed breakdown. */
export function subgroupGap(source: (typeof gapSources)[number], breakdown: CohortBreakdown, suppressBelow: number): SubgroupGapRow {
  const group = breakdown.rows.filter((r) => source.inGroup(r.key)).reduce((sum, r) => plus(sum, r), noRag);
  const rest = restOf(group, breakdown.total);
  // A small group, or a small rest (the group's complement), would let a reader work out children.
  const suppressed = group.total < suppressBelow || rest.total < suppressBelow;
  if (suppressed) return { key: source.key, label: source.label, group: noRag, rest: noRag, greenGap: null, suppressed };
  // The dashboard's gap, the one definition (shared/domain/green-gap.ts).
  const greenGap = greenGapPoints(group, rest);
  return { key: source.key, label: source.label, group, rest, greenGap, suppressed };
}

/** Every breakdown the gaps need, in one pass over the round's results (boys and girls share one). */
function gapsOf(ctx: CallContext, scope: Scope, roundId: string, suppressBelow: number): SubgroupGapRow[] {
  const groupings = [...new Set(gapSources.map((s) => s.groupBy))];
  const breakdowns = ctx.repos.cohort.breakdowns(scope, roundId, groupings, 0);
  return gapSources.map((source) => subgroupGap(source, breakdowns.get(source.groupBy) ?? { rows: [], total: noRag }, suppressBelow));
}

/** The period's dates as a "round" for the target figures, which count over a round's dates. */
const targetWindow = (period: ReportPeriod) => ({ id: period.round?.id ?? '', startDate: period.info.from, endDate: period.info.to });

/** The target figures for the scope over the period, by setting (an area report's table reads the rows). */
export function targetFigures(ctx: CallContext, scope: ReportScope, period: ReportPeriod): { total: TargetCounts; bySetting: Map<string, TargetCounts> } {
  const targets = ctx.repos.cohort.targets(scope.cohort, targetWindow(period), 'setting', 0);
  return { total: targets.total, bySetting: new Map(targets.rows.map(({ key, label: _l, suppressed: _s, ...counts }) => [key, counts])) };
}

/**
 * The figures of a report. With no round in the period, or no screening in its round, the
 * screening figures are empty and `hasScreenings` is false; targets, whole-setting targets and
 * visits still count over the dates.
 */
export function cohortReportFigures(
  ctx: CallContext,
  scope: ReportScope,
  period: ReportPeriod,
  precomputed: { targets?: TargetCounts; visits?: HeldVisitLine[] } = {},
): CohortReportFigures {
  const round = period.round;
  const overview = round ? ctx.repos.cohort.overview(scope.cohort, round, ctx.clock.today()) : noOverview;
  const hasScreenings = round !== null && overview.screened > 0;
  const targets = precomputed.targets ?? targetFigures(ctx, scope, period).total;
  const visits = precomputed.visits ?? ctx.repos.visits.heldBetween(scope.settingIds, period.info.from, period.info.to);
  const settingTargets = ctx.repos.settingTargets.inPeriod(scope.settingIds, period.info.from, period.info.to);
  const lists = {
    targets,
    settingTargets,
    visitsHeld: visits.map((v) => ({
      id: v.id,
      settingName: v.settingName,
      date: v.date,
      visitorName: scope.initialsOnly ? initialsOf(v.visitorName) : v.visitorName,
    })),
  };
  if (!round || !hasScreenings) {
    return { period: period.info, hasScreenings: false, overview, byAgeSection: { rows: [], total: noRag }, workingAt: [], gaps: [], progress: null, ...lists };
  }
  return {
    period: period.info,
    hasScreenings,
    overview,
    byAgeSection: ctx.repos.cohort.breakdown(scope.cohort, round.id, 'ageSection', scope.suppressBelow),
    workingAt: ctx.repos.cohort.workingAt(scope.cohort, round.id),
    gaps: gapsOf(ctx, scope.cohort, round.id, scope.suppressBelow),
    progress: period.previous ? ctx.repos.cohort.transitions(scope.cohort, period.previous.id, round.id) : null,
    ...lists,
  };
}

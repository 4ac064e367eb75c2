import { onRollDuringSql } from '../../electron/core/db/repos/roll.js';
import { dueSoonUntil } from '../../shared/domain/screening.js';
import { endOfWeek } from '../../shared/domain/targets.js';
import type { BenchCall, CallContext } from './calls.js';
import type { RoundInfo } from './generate.js';

// The targets-and-visits calls the benchmark times (issue 12), each beside a hand-written
// one-statement lower bound giving the same figures. A call whose answer is a whole screen (the
// visit agenda, the work lists, "My visits") is compared by what its screen counts, block by block:
// the lower bound computes those counts and nothing else, so it is a true floor.

type Row = Record<string, unknown>;
const n = (v: unknown): number => (typeof v === 'number' ? v : v === null || v === undefined ? 0 : Number(v));
const text = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

interface MineSetting {
  settingId: string;
  lastHeldDate: string | null;
  plannedDate: string | null;
  openActions: unknown[];
}

/** "My visits" for the bench's SLT assistant (30 settings): each setting's last and next visit and its open actions. */
function myVisits(name: string, accountId: string): BenchCall {
  const shape = (rows: { settingId: string; lastHeldDate: string | null; plannedDate: string | null; openActions: number }[]) =>
    [...rows].sort((a, b) => (a.settingId < b.settingId ? -1 : a.settingId > b.settingId ? 1 : 0));
  return {
    name,
    method: 'visits.mine',
    input: { accountId },
    lowerBoundSql: `SELECT s.id AS settingId,
        (SELECT v.held_date FROM visits v WHERE v.setting_id = s.id AND v.status = 'held' ORDER BY coalesce(v.held_date, v.planned_date) DESC LIMIT 1) AS lastHeldDate,
        (SELECT v.planned_date FROM visits v WHERE v.setting_id = s.id AND v.status = 'planned' ORDER BY coalesce(v.held_date, v.planned_date) LIMIT 1) AS plannedDate,
        (SELECT count(*) FROM visit_actions a JOIN visits v ON v.id = a.visit_id WHERE v.setting_id = s.id AND a.done_date IS NULL) AS openActions
      FROM account_settings x JOIN settings s ON s.id = x.setting_id
      WHERE x.account_id = @accountId AND s.archived_at IS NULL`,
    lowerBoundParams: { accountId },
    fromApi: (value) =>
      shape(
        (value as { settings: MineSetting[] }).settings.map((s) => ({
          settingId: s.settingId,
          lastHeldDate: s.lastHeldDate,
          plannedDate: s.plannedDate,
          openActions: s.openActions.length,
        })),
      ),
    fromLowerBound: (rows: Row[]) =>
      shape(
        rows.map((r) => ({
          settingId: String(r.settingId),
          lastHeldDate: text(r.lastHeldDate),
          plannedDate: text(r.plannedDate),
          openActions: n(r.openActions),
        })),
      ),
  };
}

/** What each block of the visit agenda lists, as counts: the agenda's screen, block by block. */
const agendaBlocks = ['targetsDue', 'overdueRescreens', 'redAmberWithoutTarget', 'referralPrompts', 'openActions', 'settingTargets'] as const;

/** The visit agenda for one setting (about 170 children) on the bench's today, with no visit planned. */
function visitAgenda(name: string, settingId: string, date: string): BenchCall {
  const onRoll = `c.setting_id = @settingId AND c.archived_at IS NULL`;
  return {
    name,
    method: 'visits.agenda',
    input: { settingId, date },
    lowerBoundSql: `SELECT
        (SELECT count(*) FROM child_targets t JOIN children c ON c.id = t.child_id
          WHERE ${onRoll} AND t.status = 'active' AND t.review_date <= @date) AS targetsDue,
        (SELECT count(*) FROM children c WHERE ${onRoll} AND c.latest_review_date < @date) AS overdueRescreens,
        (SELECT count(*) FROM children c JOIN screenings ls ON ls.id = c.latest_screening_id
          WHERE ${onRoll} AND ls.colour IN ('red', 'amber')
            AND NOT EXISTS (SELECT 1 FROM child_targets t WHERE t.child_id = c.id AND t.status = 'active')) AS redAmberWithoutTarget,
        (SELECT count(*) FROM children c JOIN screenings ls ON ls.id = c.latest_screening_id WHERE ${onRoll} AND ls.referral_prompted = 1) AS referralPrompts,
        (SELECT count(*) FROM visit_actions a JOIN visits v ON v.id = a.visit_id WHERE v.setting_id = @settingId AND a.done_date IS NULL) AS openActions,
        (SELECT count(*) FROM setting_targets st WHERE st.setting_id = @settingId AND st.status IN ('planned', 'in-progress')) AS settingTargets`,
    lowerBoundParams: { settingId, date },
    fromApi: (value) => Object.fromEntries(agendaBlocks.map((b) => [b, ((value as Record<string, unknown[]>)[b] ?? []).length])),
    fromLowerBound: (rows: Row[]) => Object.fromEntries(agendaBlocks.map((b) => [b, n(rows[0]?.[b])])),
  };
}

/** The champion's work lists on one setting's overview, as the counts the overview shows. */
function workLists(name: string, settingId: string, today: string): BenchCall {
  const onRoll = `c.setting_id = @settingId AND c.archived_at IS NULL`;
  const lists = ['targetReviewsDue', 'rescreensOverdue', 'rescreensDueSoon', 'openVisitActions', 'redAmberWithoutTarget'] as const;
  return {
    name,
    method: 'settings.workLists',
    input: { settingId },
    lowerBoundSql: `SELECT
        (SELECT count(*) FROM child_targets t JOIN children c ON c.id = t.child_id
          WHERE ${onRoll} AND t.status = 'active' AND t.review_date <= @weekEnd) AS targetReviewsDue,
        (SELECT count(*) FROM children c JOIN screenings ls ON ls.id = c.latest_screening_id WHERE ${onRoll} AND ls.review_date < @today) AS rescreensOverdue,
        (SELECT count(*) FROM children c JOIN screenings ls ON ls.id = c.latest_screening_id
          WHERE ${onRoll} AND ls.review_date >= @today AND ls.review_date <= @dueSoonUntil) AS rescreensDueSoon,
        (SELECT count(*) FROM visit_actions a JOIN visits v ON v.id = a.visit_id WHERE v.setting_id = @settingId AND a.done_date IS NULL) AS openVisitActions,
        (SELECT count(*) FROM children c JOIN screenings ls ON ls.id = c.latest_screening_id
          WHERE ${onRoll} AND ls.colour IN ('red', 'amber')
            AND NOT EXISTS (SELECT 1 FROM child_targets t WHERE t.child_id = c.id AND t.status = 'active')) AS redAmberWithoutTarget`,
    lowerBoundParams: { settingId, today, weekEnd: endOfWeek(today), dueSoonUntil: dueSoonUntil(today) },
    fromApi: (value) => {
      const v = value as Record<string, unknown>;
      return Object.fromEntries(lists.map((l) => [l, Array.isArray(v[l]) ? v[l].length : n(v[l])]));
    },
    fromLowerBound: (rows: Row[]) => Object.fromEntries(lists.map((l) => [l, n(rows[0]?.[l])])),
  };
}

interface TargetCountsRow {
  key: string;
  onRoll: number;
  onTargets: number;
  targetsClosed: number;
  targetsMet: number;
}

/** "On targets" and "targets met" by sex across every open setting, for one round. */
function cohortTargets(name: string, round: RoundInfo): BenchCall {
  const shape = (rows: TargetCountsRow[]) => [...rows].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const inRound = `t.closed_on BETWEEN @startDate AND @endDate`;
  return {
    name,
    method: 'cohort.targets',
    input: { roundId: round.id, groupBy: 'sex' },
    // Written apart from the app's fragments (one pass over the targets, grouped per child), so
    // matching numbers also check the app's definition.
    lowerBoundSql: `WITH per_child AS (
        SELECT t.child_id,
          max(t.start_date <= @endDate AND (t.closed_on IS NULL OR t.closed_on >= @startDate)) AS active,
          sum(t.status IN ('achieved', 'partly-achieved', 'not-achieved') AND ${inRound}) AS closed,
          sum(t.status = 'achieved' AND ${inRound}) AS met
        FROM child_targets t GROUP BY t.child_id)
      SELECT c.sex AS key, count(*) AS onRoll, sum(coalesce(p.active, 0)) AS onTargets, sum(coalesce(p.closed, 0)) AS targetsClosed, sum(coalesce(p.met, 0)) AS targetsMet
      FROM children c LEFT JOIN per_child p ON p.child_id = c.id
      WHERE ${onRollDuringSql('c', '@startDate', '@endDate')} AND c.setting_id NOT IN (SELECT id FROM settings WHERE archived_at IS NOT NULL)
      GROUP BY c.sex`,
    lowerBoundParams: { startDate: round.startDate, endDate: round.endDate },
    fromApi: (value) =>
      shape(
        (value as { rows: TargetCountsRow[] }).rows.map((r) => ({
          key: r.key,
          onRoll: r.onRoll,
          onTargets: r.onTargets,
          targetsClosed: r.targetsClosed,
          targetsMet: r.targetsMet,
        })),
      ),
    fromLowerBound: (rows: Row[]) =>
      shape(
        rows.map((r) => ({
          key: String(r.key),
          onRoll: n(r.onRoll),
          onTargets: n(r.onTargets),
          targetsClosed: n(r.targetsClosed),
          targetsMet: n(r.targetsMet),
        })),
      ),
  };
}

/** The calls, in the order the report lists them. */
export function cycleCalls(ctx: CallContext): BenchCall[] {
  const latest = ctx.rounds[ctx.rounds.length - 1];
  if (!latest) throw new Error('The benchmark needs a round');
  return [
    visitAgenda('visits.agenda.setting', ctx.settingId, ctx.today),
    myVisits('visits.mine.assistant30', ctx.assistantAccountId),
    workLists('settings.workLists.setting', ctx.settingId, ctx.today),
    cohortTargets('cohort.targets.all', latest),
  ];
}

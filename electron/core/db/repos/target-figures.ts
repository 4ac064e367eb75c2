import type { CohortTargetGrouping, TargetFigure } from '../../../../shared/schemas/cohort.js';
import { onRollDuringSql } from './roll.js';

// The SQL form of "on targets" and "targets met" (shared/schemas/cohort.ts says what they mean).
// The cohort figures and the children list behind them are both built from these fragments, so a
// number and its list cannot drift apart; test/api/cohort-targets.test.ts holds them together.
// `c` is the children table; @startDate and @endDate are the round's first and last days.

/** A target `t` active at any time in the round: started by its end, not closed before its start. */
export const activeTarget = `t.start_date <= @endDate AND (t.closed_on IS NULL OR t.closed_on >= @startDate)`;
/** A target closed by a review in the round: achieved, partly achieved or not achieved (stopped ones are not). */
export const closedTarget = `t.status NOT IN ('active', 'stopped') AND t.closed_on BETWEEN @startDate AND @endDate`;
/** Of those, one met. */
export const metTarget = `${closedTarget} AND t.status = 'achieved'`;

/** The same, for targets of child `c`. */
const activeInRound = `t.child_id = c.id AND ${activeTarget}`;
export const closedInRoundSql = `t.child_id = c.id AND ${closedTarget}`;
export const metInRoundSql = `t.child_id = c.id AND ${metTarget}`;

/** Children on roll at any time in the round. */
export const onRollInRoundSql = onRollDuringSql('c', '@startDate', '@endDate');

/** The children a figure counts (for "closed" and "met": the children with at least one such target). */
export function targetFigureSql(figure: TargetFigure): string {
  const condition = figure === 'on' ? activeInRound : figure === 'closed' ? closedInRoundSql : metInRoundSql;
  return `${onRollInRoundSql} AND EXISTS (SELECT 1 FROM child_targets t WHERE ${condition})`;
}

/**
 * Each child's targets in the round, summed once over the (few) targets rather than looked up per
 * child (25,000 children at LA size, each with three look-ups, took twice as long): joined to
 * `children c` as `p`, with `targetCountsSelect` over the join.
 */
export const perChildTargetsJoin = `LEFT JOIN (
    SELECT t.child_id, max(${activeTarget}) AS active, sum(${closedTarget}) AS closed, sum(${metTarget}) AS met
    FROM child_targets t GROUP BY t.child_id
  ) p ON p.child_id = c.id`;

/** The counts of one group of children (rows of `children c` joined with perChildTargetsJoin). */
export const targetCountsSelect = `count(*) AS onRoll,
  coalesce(sum(p.active), 0) AS onTargets,
  coalesce(sum(p.closed), 0) AS targetsClosed,
  coalesce(sum(p.met), 0) AS targetsMet`;

/** A child's subgroup, from their details as recorded (as text, like the other cohort keys). */
export const childGroupKeySql: Record<CohortTargetGrouping, string> = {
  sex: 'c.sex',
  eal: 'CAST(c.eal AS TEXT)',
  sendStage: 'c.send_stage',
  ethnicity: 'c.ethnicity',
  funded2: 'CAST(c.funded2 AS TEXT)',
  eypp: 'CAST(c.eypp AS TEXT)',
  room: `COALESCE(c.room_id, '')`,
  keyPerson: `COALESCE(c.key_person_id, '')`,
  setting: 'c.setting_id',
};

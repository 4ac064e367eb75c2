// The SQL form of "on roll" (shared/domain/roll.ts, the one definition). Every query that counts
// or lists children on roll builds its condition here, so none can drift from the rule;
// test/db/roll.test.ts runs this fragment against onRollDuring on random dates.

/**
 * On roll at any time between `from` and `to` (SQL expressions: columns such as r.start_date,
 * or parameters such as @today), for the children table under `alias`.
 */
export function onRollDuringSql(alias: string, from: string, to: string): string {
  return `((${alias}.start_date IS NULL OR ${alias}.start_date <= ${to}) AND (${alias}.leave_date IS NULL OR ${alias}.leave_date > ${from}))`;
}

/** On roll on one day, such as @today. */
export function onRollOnSql(alias: string, day: string): string {
  return onRollDuringSql(alias, day, day);
}

/**
 * Not screened in a round: on roll at any time in it, with no screening counted in it (no
 * round_results row). The one definition behind the cohort drill-down and the children list's
 * filter; the overview counts the same children as on roll less screened while on roll, and the
 * property tests hold the list to that count.
 */
export function notScreenedInRoundSql(alias: string, roundId: string, from: string, to: string): string {
  return `(${onRollDuringSql(alias, from, to)} AND NOT EXISTS (SELECT 1 FROM round_results x WHERE x.round_id = ${roundId} AND x.child_id = ${alias}.id))`;
}

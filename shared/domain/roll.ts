// What "on roll" means, once, for every number and screen that counts children on roll. The
// repositories count in SQL, so electron/core/db/repos/roll.ts mirrors this rule as one SQL
// fragment used by every query, and test/db/roll.test.ts checks the two agree on random dates.

/** The dates on a child's record that decide when they were on roll. */
export interface RollDates {
  /** First day at the setting; null when not recorded (then counted from the beginning). */
  startDate: string | null;
  /**
   * The day they left: from this day on they are no longer on roll (so moving a child to leavers
   * today, which sets today as the leave date, takes them off today's roll); null while they attend.
   */
  leaveDate: string | null;
}

/** A span of days, both ends included: a round, or a single day such as today. */
export interface Period {
  startDate: string;
  endDate: string;
}

/**
 * On roll at any time in the period: started on or before its last day (or start not recorded)
 * and left after its first day (or not left). Whether the record is archived plays no part: archiving
 * always sets the leave date, and the dates are what the cohort numbers must follow.
 */
export function onRollDuring(child: RollDates, period: Period): boolean {
  return (child.startDate === null || child.startDate <= period.endDate) && (child.leaveDate === null || child.leaveDate > period.startDate);
}

/** On roll on one day ("on roll today"): the same rule over a period of one day. */
export function onRollOn(child: RollDates, day: string): boolean {
  return onRollDuring(child, { startDate: day, endDate: day });
}

/** How each figure is named on screen, so every screen words the same figure the same way. */
export const rollLabels = {
  during: (roundName: string) => `on roll at any time in ${roundName}`,
  today: 'on roll today',
} as const;

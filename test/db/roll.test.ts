import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { onRollDuringSql, onRollOnSql } from '../../electron/core/db/repos/roll.js';
import { addDays } from '../../shared/domain/dates.js';
import { onRollDuring, onRollOn } from '../../shared/domain/roll.js';
import { testCore } from '../support/core.js';

// The SQL fragment every query uses for "on roll" against the one definition in shared code, on
// random dates around a round's edges (where a slip of one day would show).

const day = fc.integer({ min: 0, max: 40 }).map((n) => addDays('2026-09-01', n));
const maybeDay = fc.option(day, { nil: null });

describe('on roll: SQL and shared rule agree', () => {
  it('for a period and for one day', () => {
    const db = testCore().context.db;
    const during = db.prepare(
      `SELECT ${onRollDuringSql('c', '@from', '@to')} AS during, ${onRollOnSql('c', '@from')} AS onDay
       FROM (SELECT @start AS start_date, @leave AS leave_date) c`,
    );
    fc.assert(
      fc.property(maybeDay, maybeDay, day, day, (startDate, leaveDate, a, b) => {
        const [from, to] = a <= b ? [a, b] : [b, a];
        const row = during.get({ start: startDate, leave: leaveDate, from, to }) as { during: number; onDay: number };
        expect(row.during === 1).toBe(onRollDuring({ startDate, leaveDate }, { startDate: from, endDate: to }));
        expect(row.onDay === 1).toBe(onRollOn({ startDate, leaveDate }, from));
      }),
      { numRuns: 300 },
    );
  });

  it('counts a child on roll from their start date, and off it from their leave date', () => {
    expect(onRollOn({ startDate: '2026-09-01', leaveDate: '2026-09-30' }, '2026-09-01')).toBe(true);
    expect(onRollOn({ startDate: '2026-09-01', leaveDate: '2026-09-30' }, '2026-09-29')).toBe(true);
    expect(onRollOn({ startDate: '2026-09-01', leaveDate: '2026-09-30' }, '2026-09-30')).toBe(false);
    expect(onRollOn({ startDate: '2026-09-01', leaveDate: '2026-09-30' }, '2026-10-01')).toBe(false);
    expect(onRollOn({ startDate: '2026-09-02', leaveDate: null }, '2026-09-01')).toBe(false);
    expect(onRollDuring({ startDate: null, leaveDate: '2026-09-02' }, { startDate: '2026-09-01', endDate: '2026-12-18' })).toBe(true);
    expect(onRollDuring({ startDate: null, leaveDate: '2026-09-01' }, { startDate: '2026-09-01', endDate: '2026-12-18' })).toBe(false);
  });
});

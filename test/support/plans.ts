import { expect, vi } from 'vitest';
import type { Db } from '../../electron/core/db/connection.js';

// For the query-plan tests: rather than copy the SQL out of the repositories (and so test a copy
// that can drift), record the statements the API really prepares, with the values it binds, and
// ask SQLite for the plan of each one.

/** A statement run, with the values bound to it. */
export interface Recorded {
  sql: string;
  args: unknown[];
}

/** A row of EXPLAIN QUERY PLAN. */
export interface PlanRow {
  id: number;
  parent: number;
  detail: string;
}

/** Runs `fn` with a spy on `db.prepare`, returning each statement run through get/all/iterate (and run, if asked). */
export function record(db: Db, fn: () => void, includeWrites = false): Recorded[] {
  const seen: Recorded[] = [];
  const prepare = db.prepare.bind(db);
  const spy = vi.spyOn(db, 'prepare').mockImplementation(((sql: string) => {
    const statement = prepare(sql);
    return new Proxy(statement, {
      get(target, prop) {
        const value: unknown = Reflect.get(target, prop);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          if (prop === 'get' || prop === 'all' || prop === 'iterate' || (includeWrites && prop === 'run')) seen.push({ sql, args });
          return Reflect.apply(value, target, args);
        };
      },
    });
  }) as Db['prepare']);
  try {
    fn();
    expect(spy).toHaveBeenCalled();
  } finally {
    spy.mockRestore();
  }
  return seen;
}

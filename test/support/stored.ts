import { expect } from 'vitest';
import type { Core } from '../../electron/core/core.js';
import { dump } from './core.js';

/**
 * Proof that a refused call wrote nothing. SQLite counts every row a statement inserted, updated
 * or deleted, rolled back or not, so an unchanged count proves no row was touched; only when a
 * refused call touched rows (and should have rolled them back) is every table compared with the
 * dump from before it. The dump is taken afresh after each accepted call, so it is always the
 * state before the next one.
 */
export class Stored {
  private last: string;
  private changes = 0;
  constructor(private readonly core: Core) {
    this.last = dump(core);
  }
  /** Call just before each call. */
  start(): void {
    this.changes = this.totalChanges();
  }
  /**
   * After a call: compared when refused, read afresh when accepted. A wrong password is the one
   * refusal that writes, on purpose (the failed attempt counts towards throttling and is in the
   * audit trail; accounts.test.ts checks exactly what): only the accounts and the audit trail may
   * change then.
   */
  check(result: { ok: boolean; error?: { code: string } }, where: string): void {
    if (!result.ok && this.totalChanges() === this.changes) return;
    const now = dump(this.core);
    if (!result.ok && result.error?.code === 'SIGN_IN_FAILED') {
      expect(withoutTables(now, recordsFailedSignIns), `${where} was refused and wrote more than a failed attempt`).toBe(
        withoutTables(this.last, recordsFailedSignIns),
      );
    } else if (!result.ok) expect(now, `${where} was refused but wrote`).toBe(this.last);
    this.last = now;
  }
  private totalChanges(): number {
    return (this.core.context.db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
  }
}

/** Where a failed sign-in is recorded. */
const recordsFailedSignIns = ['accounts', 'audit_log'];

/** A dump (JSON of [table, rows] pairs) without the named tables. */
function withoutTables(dumped: string, tables: readonly string[]): string {
  return JSON.stringify((JSON.parse(dumped) as [string, unknown][]).filter(([table]) => !tables.includes(table)));
}

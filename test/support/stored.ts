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
  /** After a call: compared when refused, read afresh when accepted. */
  check(result: { ok: boolean }, where: string): void {
    if (!result.ok && this.totalChanges() === this.changes) return;
    const now = dump(this.core);
    if (!result.ok) expect(now, `${where} was refused but wrote`).toBe(this.last);
    this.last = now;
  }
  private totalChanges(): number {
    return (this.core.context.db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
  }
}

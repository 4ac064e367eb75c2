import { systemClock } from '../../electron/core/context.js';
import { createCore } from '../../electron/core/core.js';
import { integrityCheck, openFile } from '../../electron/core/db/connection.js';

/**
 * Times opening the database at `dbPath` as the app opens it (createCore: quick_check, pragmas,
 * migrations), then how long the background full check takes to report (app.info's integrity
 * leaving 'checking'), and, for comparison, the full integrity_check the app used to run before
 * opening, on the main thread.
 */
export async function benchOpen(dbPath: string): Promise<{ openMs: number; backgroundCheckMs: number; fullCheckOnMainThreadMs: number }> {
  const round = (ms: number) => Math.round(ms * 100) / 100;
  const started = performance.now();
  const core = createCore({ localAdmin: 'tester', databasePath: dbPath, clock: systemClock });
  const openMs = performance.now() - started;
  let backgroundCheckMs: number;
  try {
    while (core.invoke('app.info', {}).integrity.state === 'checking') await new Promise((r) => setTimeout(r, 20));
    backgroundCheckMs = performance.now() - started;
    const { integrity } = core.invoke('app.info', {});
    if (integrity.state !== 'ok') throw new Error(`The benchmark database failed its background check: ${integrity.message}`);
  } finally {
    core.close();
  }
  const db = openFile(dbPath, {}, { readonly: true });
  let fullCheckOnMainThreadMs: number;
  try {
    const t = performance.now();
    integrityCheck(db);
    fullCheckOnMainThreadMs = performance.now() - t;
  } finally {
    db.close();
  }
  return { openMs: round(openMs), backgroundCheckMs: round(backgroundCheckMs), fullCheckOnMainThreadMs: round(fullCheckOnMainThreadMs) };
}

import { copyFileSync } from 'node:fs';
import { fixedClock } from '../../electron/core/context.js';
import { createCore } from '../../electron/core/core.js';
import { rekeyPragmas } from '../../electron/core/db/cipher.js';
import { openFile } from '../../electron/core/db/connection.js';
import type { MethodName } from '../../shared/contract/index.js';
import { round2, stats, timePair } from './measure.js';

/** The cost of encryption at rest, as a ratio of p95s: encrypted over plain, same data, same calls. */
export const encryptionTargetRatio = 1.3;

export interface EncryptionReport {
  how: string;
  targetRatio: number;
  openMs: { plain: number; encrypted: number };
  calls: Record<string, { plainP95: number; encryptedP95: number; ratio: number; pass: boolean }>;
}

/**
 * Copies the plain bench database to `encryptedPath`, encrypts the copy as `chatterbox encrypt`
 * does, then times every call on both cores side by side (alternating, so load on the machine
 * falls on both alike).
 */
export function benchEncryption(
  plainPath: string,
  encryptedPath: string,
  today: string,
  calls: readonly { name: string; method: MethodName; input: unknown }[],
  iterations: number,
  log: (m: string) => void,
): EncryptionReport {
  const key = '5eed'.repeat(16);
  copyFileSync(plainPath, encryptedPath);
  const db = openFile(encryptedPath, {});
  try {
    db.pragma('journal_mode = DELETE');
    for (const p of rekeyPragmas(key)) db.pragma(p);
    db.pragma('journal_mode = WAL');
  } finally {
    db.close();
  }
  let t = performance.now();
  // Signed in (the local administrator): a core with nobody signed in refuses every call at once,
  // and timing refusals would compare nothing.
  const plain = createCore({ localAdmin: 'bench', databasePath: plainPath, clock: fixedClock(today) });
  const plainOpen = performance.now() - t;
  t = performance.now();
  const encrypted = createCore({ localAdmin: 'bench', databasePath: encryptedPath, clock: fixedClock(today), keys: { key } });
  const encryptedOpen = performance.now() - t;
  const report: EncryptionReport = {
    how: 'the same LA database plain and encrypted (SQLCipher 4 settings, raw key), each call through core.call on both, alternating; ratio = encrypted p95 / plain p95',
    targetRatio: encryptionTargetRatio,
    openMs: { plain: round2(plainOpen), encrypted: round2(encryptedOpen) },
    calls: {},
  };
  try {
    for (const call of calls) {
      for (const core of [plain, encrypted]) {
        const first = core.call(call.method, call.input);
        if (!first.ok) throw new Error(`${call.name} failed on the ${core === plain ? 'plain' : 'encrypted'} database: ${first.error.message}`);
      }
      const samples = timePair(
        () => encrypted.call(call.method, call.input),
        () => plain.call(call.method, call.input),
        { warmup: 3, iterations, budgetMs: 15_000, minIterations: 5 },
      );
      const e = stats(samples.a).p95;
      const p = stats(samples.b).p95;
      const ratio = round2(e / p);
      report.calls[call.name] = { plainP95: p, encryptedP95: e, ratio, pass: ratio <= encryptionTargetRatio };
      log(`la encryption ${call.name}: plain p95 ${p} ms | encrypted p95 ${e} ms | ratio ${ratio}`);
    }
  } finally {
    plain.close();
    encrypted.close();
  }
  return report;
}

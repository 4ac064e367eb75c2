import { copyFileSync } from 'node:fs';
import { fixedClock } from '../../electron/core/context.js';
import { createCore } from '../../electron/core/core.js';
import { rekeyPragmas } from '../../electron/core/db/cipher.js';
import { openFile } from '../../electron/core/db/connection.js';
import type { MethodName } from '../../shared/contract/index.js';
import { round2, stats, timePair } from './measure.js';

/** The cost of encryption at rest, as a ratio of p95s: encrypted over plain, same data, same calls. */
export const encryptionTargetRatio = 1.3;
/**
 * Below this plain p95 a call's ratio is reported but not judged: a call of a fraction of a
 * millisecond doubles from one scheduler hiccup on a busy machine (the main bench's rule too).
 */
export const encryptionJudgedFromMs = 2;

export interface EncryptionReport {
  how: string;
  targetRatio: number;
  openMs: { plain: number; encrypted: number };
  /** Every call's p95 summed, encrypted over plain: the cost across the whole cohort bench. */
  total: { plainP95Sum: number; encryptedP95Sum: number; ratio: number; pass: boolean };
  calls: Record<string, { plainP50: number; encryptedP50: number; plainP95: number; encryptedP95: number; ratio: number; pass: boolean | null }>;
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
    how:
      'the same LA database plain and encrypted (SQLCipher 4 settings, raw key), each call through core.call on both, alternating; ' +
      `ratio = encrypted p95 / plain p95, judged per call where the plain p95 is at least ${encryptionJudgedFromMs} ms (pass null below), and over the sum of every call's p95`,
    targetRatio: encryptionTargetRatio,
    openMs: { plain: round2(plainOpen), encrypted: round2(encryptedOpen) },
    total: { plainP95Sum: 0, encryptedP95Sum: 0, ratio: 0, pass: false },
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
      const e = stats(samples.a);
      const p = stats(samples.b);
      const ratio = round2(e.p95 / p.p95);
      const pass = p.p95 < encryptionJudgedFromMs ? null : ratio <= encryptionTargetRatio;
      report.calls[call.name] = { plainP50: p.p50, encryptedP50: e.p50, plainP95: p.p95, encryptedP95: e.p95, ratio, pass };
      report.total.plainP95Sum += p.p95;
      report.total.encryptedP95Sum += e.p95;
      log(`la encryption ${call.name}: plain p50/p95 ${p.p50}/${p.p95} ms | encrypted ${e.p50}/${e.p95} ms | ratio ${ratio}`);
    }
    const { plainP95Sum, encryptedP95Sum } = report.total;
    const ratio = round2(encryptedP95Sum / plainP95Sum);
    report.total = { plainP95Sum: round2(plainP95Sum), encryptedP95Sum: round2(encryptedP95Sum), ratio, pass: ratio <= encryptionTargetRatio };
    log(`la encryption, every call: plain p95 sum ${report.total.plainP95Sum} ms | encrypted ${report.total.encryptedP95Sum} ms | ratio ${ratio}`);
  } finally {
    plain.close();
    encrypted.close();
  }
  return report;
}

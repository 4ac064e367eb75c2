import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'vitest';
import { contract, type MethodName } from '../../shared/contract/index.js';
import { fixedClock } from '../../electron/core/context.js';
import { createCore } from '../../electron/core/core.js';
import { benchCalls, prepareCall, schemaFeatures } from './calls.js';
import { benchDataInOut, dataTargets, type DataInOutReport } from './data-in-out.js';
import { benchEncryption, type EncryptionReport } from './encryption-bench.js';
import { generateBenchDatabase, laNames, type BenchSize } from './generate.js';
import { firstDifference, round2, stats, timePair, type Stats } from './measure.js';
import { multiplyDatabase } from './multiply.js';
import { benchOpen } from './open-bench.js';
import { measureRenderer, type RendererReport } from './renderer.js';
import { measureReportRender, type ReportRenderReport } from './report-render.js';

// The cohort dashboard benchmark (`npm run bench`): builds synthetic databases at local-authority
// size and ten times that, times every dashboard call through the real API (core.call: input
// validation, handler, transaction) beside a one-statement lower bound that must give the same
// numbers, and prints one JSON report on stdout (progress on stderr). At LA size it also times
// data in and out (data-in-out.ts): importing 10,000 children from CSV, the XLSX tracker, and a
// backup. Missed targets are reported, not fatal; numbers that differ between the API and the
// lower bound (or a tracker workbook that misses children) fail the run. The ratio target is not
// applied to calls whose lower bound p95 is under 2 ms (fixed per-call costs dominate there).
//
// Environment: BENCH_SIZES=la,10x (10x-calls: every dashboard call at 10x, long)  BENCH_ITERATIONS=30  BENCH_WARMUP=3  BENCH_RENDERER=0 (skip
// the browser)  BENCH_BUILD=auto|never|always  BENCH_KEEP=1 (keep the databases)  BENCH_SECTIONS=1
// (also write screening_sections rows)  BENCH_OUT=FILE (also write the JSON there). `npm run -s bench`
// keeps npm's own "> chatterbox bench" banner off stdout, leaving the JSON alone.

const TODAY = '2026-11-27';
const laSize: BenchSize = { name: 'la', settings: 150, localAuthorities: 1, children: 25_000, screenings: 150_000, seed: 20261127 };
const sizes: Record<string, BenchSize> = {
  la: laSize,
  // Ten local authorities of 150 settings each: settings keep a realistic size (about 167
  // children) rather than growing tenfold. Generated row by row (over eight minutes on a busy
  // two-core machine) and every dashboard call timed: opt-in, not in the default run.
  '10x-calls': { name: '10x-calls', settings: 1_500, localAuthorities: 10, children: 250_000, screenings: 1_500_000, seed: 20261128 },
};
/**
 * `10x`: only the open of a database ten local authorities in size (quick_check at open, then the
 * background full check), on the LA database copied ten times over in SQL (multiply.ts).
 */
const OPEN_ONLY_SIZE = '10x';
const OPEN_ONLY_COPIES = 10;
const targets = {
  p95Ms: { la: 50, '10x-calls': 300 } as Record<string, number>,
  ratio: 1.5,
  /**
   * The ratio target applies only when the lower bound's p95 is at least this: below it the
   * ratio measures the fixed cost of every call (validation, transaction), not the query.
   */
  ratioMinLowerBoundMs: 2,
  generateLaMs: 15_000,
  rendererMs: 1_500,
  ...dataTargets,
};
const RATIO_NOT_APPLICABLE = `not applicable (lower bound < ${targets.ratioMinLowerBoundMs} ms)`;

const env = process.env;
const iterations = Number(env.BENCH_ITERATIONS ?? 30);
/**
 * Per size: warm-up runs, and a time budget per call after which measuring stops (but never
 * under minIterations). At 10x a single dashboard call can take seconds, and the whole bench
 * has to finish in about ten minutes on two cores.
 */
const plan: Record<string, { warmup: number; budgetMs: number; minIterations: number }> = {
  la: { warmup: Number(env.BENCH_WARMUP ?? 3), budgetMs: 15_000, minIterations: 10 },
  '10x-calls': { warmup: Number(env.BENCH_WARMUP ?? 1), budgetMs: 12_000, minIterations: 5 },
};
const log = (m: string) => process.stderr.write(`[bench] ${m}\n`);

interface CallReport {
  method: MethodName;
  input: Record<string, unknown>;
  api: Stats;
  lowerBound: Stats;
  ratioP95: number;
  numbersMatch: boolean;
  /** Set when the API call was timed from its checked run alone (slower than the budget). */
  note?: string;
  lowerBoundSql: string;
  /** Present when the lower bound reads a summary: the statement over the undigested rows, checked once. */
  referenceSql?: string;
  /** ratio is the target, or RATIO_NOT_APPLICABLE (then ratioPass is null) when the lower bound p95 < 2 ms. */
  targets: { p95Ms: number; p95Pass: boolean; ratio: number | string; ratioPass: boolean | null };
}

const removeDatabase = (path: string) => {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
};

/**
 * Size 10x, open only: the LA database (generated here when the LA size did not run first) copied
 * ten times over in SQL, then opened as the app opens it. No dashboard calls at this size.
 */
async function benchOpen10x(dir: string, existingLaPath: string | null): Promise<Record<string, unknown>> {
  let laPath = existingLaPath;
  let generateLaMs: number | null = null;
  if (!laPath) {
    laPath = join(dir, 'la-for-10x.sqlite');
    log(`10x: generating the LA database to copy (${laSize.settings} settings)`);
    const t = performance.now();
    generateBenchDatabase(laPath, laSize, TODAY, log);
    generateLaMs = performance.now() - t;
  }
  const path = join(dir, '10x.sqlite');
  log(`10x: copying the LA database ${OPEN_ONLY_COPIES} times over`);
  const data = multiplyDatabase(
    laPath,
    path,
    OPEN_ONLY_COPIES,
    laNames.map((n) => `${n} (bench)`),
  );
  const fileBytes = statSync(path).size;
  log(`10x: built in ${Math.round(data.multiplyMs)} ms (${Math.round(fileBytes / 1e6)} MB, ${JSON.stringify(data.counts)}); opening it`);
  const open = await benchOpen(path);
  log(
    `10x: opened in ${open.openMs} ms; background full check done after ${open.backgroundCheckMs} ms; integrity_check on the main thread ${open.fullCheckOnMainThreadMs} ms`,
  );
  if (env.BENCH_KEEP === '1') log(`10x: kept ${path} and ${laPath}`);
  else for (const p of [path, laPath]) removeDatabase(p);
  return {
    shape: {
      ...data.counts,
      localAuthorities: data.localAuthorities,
      fileMB: round2(fileBytes / 1e6),
      builtBy: `the LA database copied ${OPEN_ONLY_COPIES} times over in SQL`,
    },
    timings: { generateLaMs: generateLaMs === null ? null : round2(generateLaMs), multiplyMs: round2(data.multiplyMs) },
    open: { ...open, target: null },
  };
}

test('cohort dashboard benchmark', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'chatterbox-bench-'));
  const failures: string[] = [];
  const missed: string[] = [];
  const ratioNotApplicable: string[] = [];
  const report: Record<string, unknown> = {
    bench: 'cohort dashboard',
    today: TODAY,
    machine: { node: process.version, cpus: cpus().length, cpuModel: cpus()[0]?.model ?? '', sqlite: '', loadAverageAtStart: loadavg().map(round2) },
    method: {
      api: 'core.call(method, input) on createCore({ databasePath, clock: fixedClock(today) }): validation, handler in a transaction, result (no output check)',
      lowerBound:
        'one prepared SQL statement on the same connection giving the same numbers, reading round_summary and children.latest_review_date where the schema has them (lowerBoundsRead); ' +
        'checked equal to the API before timing, and a statement that reads only round_results and screenings (referenceSql) is checked equal too, untimed',
      timing:
        `API and lower bound alternately; up to ${iterations} measured iterations each after warm-up ` +
        `(la: ${plan.la?.warmup} warm-up, stop after ${plan.la?.budgetMs} ms but at least ${plan.la?.minIterations}; ` +
        `10x-calls: ${plan['10x-calls']?.warmup} warm-up, stop after ${plan['10x-calls']?.budgetMs} ms but at least ${plan['10x-calls']?.minIterations}); ` +
        'p50/p95 nearest-rank over the measured samples (n in each result), ms; an API call whose checked (first) run takes longer than the budget ' +
        'is not repeated: that run is its one sample (n 1, with a note), and its lower bound is timed on its own as usual',
      generation:
        'openDatabase() creates and migrates the file; then one transaction of prepared INSERTs on a second connection with ' +
        'journal_mode=OFF, synchronous=OFF, foreign_keys=OFF, cache_size=1 GB; refreshAllDerived(db) on that connection; ' +
        'foreign_key_check afterwards at LA size; the calls then run on a fresh createCore() (WAL, synchronous=NORMAL, default page cache)',
      ratioTarget: `p95(API)/p95(lower bound) <= ${targets.ratio} when the lower bound p95 is at least ${targets.ratioMinLowerBoundMs} ms; below that the ratio is reported but its target is ${RATIO_NOT_APPLICABLE}: fixed per-call costs (validation, transaction, existence checks; see overheads) dominate it`,
      dataInOut:
        'LA size only, after the calls and the renderer: imports.run of a 10,000-row CSV on a fresh database (3 runs, target on the slowest); ' +
        'export.tracker xlsx (roundId null, a sheet per round) through core.invokeAsync for the setting with the most rows (3 runs after a checked one, target on the slowest) and for every setting one after another (total, same target); ' +
        'one checked backup (backupTo) of the LA database, no target; ' +
        'opening the LA database with createCore (quick_check), the time until the background full check reports, and integrity_check on the main thread for comparison, no target',
      open10x:
        `size 10x: the LA database copied ${OPEN_ONLY_COPIES} times over in SQL (multiply.ts: each setting's rows with new ids, one local authority per copy, rounds shared), ` +
        'then opened as at LA size (createCore with quick_check, the background full check, integrity_check on the main thread for comparison); no dashboard calls, no target',
      screeningSections: env.BENCH_SECTIONS === '1' ? 'written' : 'not written (no timed call reads screening_sections)',
    },
    targets,
    sizes: {},
  };
  const sizeReports = report.sizes as Record<string, unknown>;
  let renderer: RendererReport = { skipped: 'BENCH_RENDERER=0' };
  let reportRender: ReportRenderReport = { skipped: 'BENCH_RENDERER=0' };
  let dataInOut: DataInOutReport | { skipped: string } = { skipped: 'runs at LA size only, and BENCH_SIZES has no la' };
  let encryption: EncryptionReport | { skipped: string } = { skipped: 'runs at LA size only, and BENCH_SIZES has no la' };

  try {
    const wanted = (env.BENCH_SIZES ?? 'la,10x')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    // The LA database, kept after its own size when the 10x open is still to come.
    let laPath: string | null = null;
    for (const key of wanted) {
      if (key === OPEN_ONLY_SIZE) {
        sizeReports[key] = await benchOpen10x(dir, laPath);
        continue;
      }
      const size = sizes[key];
      if (!size) throw new Error(`Unknown size ${key} in BENCH_SIZES (la, 10x, 10x-calls)`);
      const path = join(dir, `${key}.sqlite`);
      log(`${key}: generating ${size.settings} settings, ${size.children} children, ${size.screenings} screenings`);
      const data = generateBenchDatabase(path, size, TODAY, log);

      log(`${key}: generated in ${Math.round(data.timings.generateMs)} ms, derived data in ${Math.round(data.timings.refreshAllDerivedMs)} ms`);

      const t = performance.now();
      const core = createCore({ localAdmin: 'tester', databasePath: path, clock: fixedClock(TODAY) });
      const openMs = performance.now() - t;
      const db = core.context.db;
      (report.machine as Record<string, unknown>).sqlite = (db.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v;
      const roundResults = (db.prepare('SELECT count(*) AS n FROM round_results').get() as { n: number }).n;
      const fileBytes = statSync(path).size;
      log(`${key}: opened through createCore in ${Math.round(openMs)} ms (${Math.round(fileBytes / 1e6)} MB, ${roundResults} round_results rows)`);

      const genPass = key === 'la' ? data.timings.generateMs <= targets.generateLaMs : null;
      if (genPass === false) missed.push(`${key}: generating the data took ${Math.round(data.timings.generateMs)} ms (target ${targets.generateLaMs} ms)`);

      const schema = schemaFeatures(db);
      const calls = benchCalls({
        rounds: data.rounds,
        settingId: data.sampleSettingId,
        largestSettingId: data.largestSettingId,
        assistantAccountId: data.assistantAccountId,
        localAuthority: data.localAuthorities[0] ?? '',
        today: TODAY,
        schema,
      }).map((c) => prepareCall(db, c));
      const callReports: Record<string, CallReport> = {};
      const p95Target = targets.p95Ms[key] ?? Infinity;
      for (const call of calls) {
        const api = () => core.call(call.method, call.input);
        const lower = () => call.fromLowerBound(call.statement.all(call.lowerBoundParams) as Record<string, unknown>[]);

        // Same numbers first, loudly.
        const checkStarted = performance.now();
        const result = api();
        const checkMs = performance.now() - checkStarted;
        let numbersMatch = false;
        if (!result.ok) {
          failures.push(`${key} ${call.name}: the API refused the call: ${JSON.stringify(result.error)}`);
        } else {
          const checked = contract[call.method].output.safeParse(result.value);
          if (!checked.success) failures.push(`${key} ${call.name}: the API result breaks the contract: ${checked.error.message.slice(0, 300)}`);
          const fromApi = call.fromApi(result.value);
          const diff = firstDifference(fromApi, lower());
          if (diff) failures.push(`${key} ${call.name}: API and lower bound differ at ${diff}`);
          else numbersMatch = true;
          if (call.referenceStatement) {
            const refDiff = firstDifference(fromApi, call.fromLowerBound(call.referenceStatement.all(call.lowerBoundParams) as Record<string, unknown>[]));
            if (refDiff) {
              failures.push(`${key} ${call.name}: API and the reference statement over round_results/screenings differ at ${refDiff}`);
              numbersMatch = false;
            }
          }
        }
        if (!numbersMatch) log(`${key} ${call.name}: NUMBERS DIFFER (${failures[failures.length - 1] ?? ''})`);

        const p = plan[key] ?? { warmup: 3, budgetMs: 15_000, minIterations: 10 };
        const timing = { warmup: p.warmup, iterations, budgetMs: p.budgetMs, minIterations: Math.min(p.minIterations, iterations) };
        // A call slower than the whole budget for a call is not run again (at 10x one such call
        // would otherwise take most of the run): the checked run is its one sample.
        const slow = checkMs > p.budgetMs;
        const samples = slow ? { a: [checkMs], b: timePair(lower, () => undefined, timing).a } : timePair(api, lower, timing);
        if (slow) log(`${key} ${call.name}: took ${Math.round(checkMs)} ms, over the ${p.budgetMs} ms budget for a call: timed from that one run`);
        const apiStats = stats(samples.a);
        const lbStats = stats(samples.b);
        const ratio = round2(apiStats.p95 / lbStats.p95);
        const callTarget = call.p95TargetMs ?? p95Target;
        const p95Pass = apiStats.p95 <= callTarget;
        const ratioApplies = lbStats.p95 >= targets.ratioMinLowerBoundMs && !call.ratioNotJudged;
        const ratioPass = ratioApplies ? ratio <= targets.ratio : null;
        if (!ratioApplies)
          ratioNotApplicable.push(
            `${key} ${call.name}: ratio ${ratio} (API ${apiStats.p95} ms, lower bound ${lbStats.p95} ms)${call.ratioNotJudged ? `: ${call.ratioNotJudged}` : ''}`,
          );
        if (!p95Pass) missed.push(`${key} ${call.name}: p95 ${apiStats.p95} ms > ${callTarget} ms`);
        if (ratioPass === false)
          missed.push(`${key} ${call.name}: p95 ratio ${ratio} > ${targets.ratio} (API ${apiStats.p95} ms, lower bound ${lbStats.p95} ms)`);
        callReports[call.name] = {
          method: call.method,
          input: call.input,
          api: apiStats,
          lowerBound: lbStats,
          ratioP95: ratio,
          numbersMatch,
          ...(slow
            ? {
                note: `one API run only (the checked one, ${Math.round(checkMs)} ms): a call longer than the ${p.budgetMs} ms budget for a call is not repeated; the lower bound was timed as usual`,
              }
            : {}),
          lowerBoundSql: call.lowerBoundSql.replace(/\s+/g, ' ').trim(),
          ...(call.referenceSql ? { referenceSql: call.referenceSql.replace(/\s+/g, ' ').trim() } : {}),
          targets: { p95Ms: callTarget, p95Pass, ratio: ratioApplies ? targets.ratio : (call.ratioNotJudged ?? RATIO_NOT_APPLICABLE), ratioPass },
        };
        log(
          `${key} ${call.name}: api p50 ${apiStats.p50} p95 ${apiStats.p95} | lower bound p50 ${lbStats.p50} p95 ${lbStats.p95} | ratio ${ratio} (${apiStats.n} runs)`,
        );
      }
      // Fixed costs inside every call, for reading the ratios of the small (one-setting) calls.
      const latestRoundId = data.rounds[data.rounds.length - 1]?.id ?? '';
      // The round lookup the cohort handlers make (rounds.window where the repo has it, else rounds.get).
      const roundsRepo = core.context.repos.rounds as unknown as Record<string, unknown>;
      const lookupName = typeof roundsRepo.window === 'function' ? 'window' : 'get';
      const lookup = roundsRepo[lookupName] as (id: string) => unknown;
      const overheads = {
        [`rounds.${lookupName} (repo; every round-scoped cohort call runs it once or twice as an existence check)`]: stats(
          timePair(
            () => lookup.call(core.context.repos.rounds, latestRoundId),
            () => undefined,
            { warmup: 3, iterations, budgetMs: 5_000, minIterations: 5 },
          ).a,
        ),
        "core.call('rounds.list', {}) (validation, transaction, 6 rounds with their counts)": stats(
          timePair(
            () => core.call('rounds.list', {}),
            () => undefined,
            { warmup: 3, iterations, budgetMs: 5_000, minIterations: 5 },
          ).a,
        ),
      };
      core.close();
      if (key === 'la') {
        log('la: the same calls on the database plain and encrypted, side by side');
        encryption = benchEncryption(path, join(dir, 'la-encrypted.sqlite'), TODAY, calls, iterations, log);
        for (const [name, c] of Object.entries(encryption.calls)) {
          if (c.pass === false) missed.push(`la encryption ${name}: encrypted/plain p95 ratio ${c.ratio} > ${encryption.targetRatio}`);
        }
        if (!encryption.total.pass)
          missed.push(`la encryption, every call: encrypted/plain p95 sum ratio ${encryption.total.ratio} > ${encryption.targetRatio}`);
      }

      // Calls that write (producing reports) remove what their runs wrote, now that every
      // timing on this database (the encrypted side too) is done.
      const cleanUps = [...new Set(calls.flatMap((c) => (c.cleanUpSql ? [c.cleanUpSql] : [])))];
      if (cleanUps.length > 0) {
        const cleaner = createCore({ localAdmin: 'tester', databasePath: path, clock: fixedClock(TODAY) });
        try {
          for (const sql of cleanUps) cleaner.context.db.exec(sql);
        } finally {
          cleaner.close();
        }
        log(`${key}: removed the reports the timed calls produced`);
      }

      sizeReports[key] = {
        shape: {
          ...data.counts,
          roundResults,
          rounds: data.rounds.map((r) => `${r.name} (${r.startDate} to ${r.endDate})`),
          localAuthorities: data.localAuthorities,
          oneSettingId: data.sampleSettingId,
          fileMB: round2(fileBytes / 1e6),
        },
        timings: {
          generateMs: round2(data.timings.generateMs),
          generateTargetMs: key === 'la' ? targets.generateLaMs : null,
          generatePass: genPass,
          foreignKeyCheckMs: data.timings.foreignKeyCheckMs === null ? null : round2(data.timings.foreignKeyCheckMs),
          refreshAllDerivedMs: round2(data.timings.refreshAllDerivedMs),
          openCoreMs: round2(openMs),
        },
        lowerBoundsRead: schema,
        calls: callReports,
        overheads,
      };

      if (key === 'la' && env.BENCH_RENDERER !== '0') {
        log('la: measuring the renderer in browser mode');
        const latest = data.rounds[data.rounds.length - 1];
        try {
          renderer = await measureRenderer({ dbPath: path, roundId: latest?.id ?? '', today: TODAY, repeats: 5, targetMs: targets.rendererMs, log });
        } catch (err) {
          renderer = { skipped: `the renderer measurement failed: ${err instanceof Error ? err.message : String(err)}` };
        }
        if ('pass' in renderer && !renderer.pass)
          missed.push(`renderer: dashboard shown in max ${renderer.maxMs} ms (median ${renderer.medianMs} ms) > ${targets.rendererMs} ms`);
        log(`renderer: ${JSON.stringify(renderer)}`);
        // Printed reports: measured for information, no target (report-render.ts).
        reportRender = await measureReportRender({ dbPath: path, settingId: data.sampleSettingId, roundId: latest?.id ?? '', today: TODAY, repeats: 5, log });
        log(`report render: ${JSON.stringify(reportRender)}`);
      }
      if (key === 'la') {
        log('la: data in and out (import, tracker XLSX, backup)');
        try {
          dataInOut = await benchDataInOut({
            dbPath: path,
            today: TODAY,
            rounds: data.rounds,
            log,
            fail: (m) => failures.push(m),
            miss: (m) => missed.push(m),
          });
        } catch (err) {
          const reason = err instanceof Error ? (err.stack ?? err.message) : String(err);
          failures.push(`la data in and out stopped: ${reason}`);
          dataInOut = { skipped: `failed: ${err instanceof Error ? err.message : String(err)}` };
        }
      }
      if (key === 'la' && wanted.slice(wanted.indexOf(key)).includes(OPEN_ONLY_SIZE)) laPath = path;
      else if (env.BENCH_KEEP === '1') log(`${key}: kept ${path}`);
      else removeDatabase(path);
    }
  } catch (err) {
    failures.push(`the benchmark stopped: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  } finally {
    if (env.BENCH_KEEP !== '1') rmSync(dir, { recursive: true, force: true });
  }

  (report.machine as Record<string, unknown>).loadAverageAtEnd = loadavg().map(round2);
  report.renderer = renderer;
  report.reportRender = reportRender;
  report.dataInOut = dataInOut;
  report.encryption = encryption;
  report.summary = {
    numbersMatch: failures.length === 0,
    failures,
    targetsMissed: missed,
    ratioTargetNotApplicable: ratioNotApplicable,
    allTargetsMet: missed.length === 0 && !('skipped' in renderer) && !('skipped' in dataInOut),
  };
  const json = `${JSON.stringify(report, null, 2)}\n`;
  process.stdout.write(json);
  if (env.BENCH_OUT) writeFileSync(env.BENCH_OUT, json);
  if (failures.length > 0) throw new Error(`The benchmark failed:\n${failures.join('\n')}`);
});

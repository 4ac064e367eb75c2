import type { Reporter, TestCase, TestModule } from 'vitest/node';

/** Keeps stdout for the benchmark's JSON: says what failed, and why, on stderr only. */
export class StderrReporter implements Reporter {
  onTestCaseResult(test: TestCase): void {
    const result = test.result();
    if (result.state !== 'failed') return;
    process.stderr.write(`\nBENCH FAILED: ${test.fullName}\n`);
    for (const e of result.errors ?? []) process.stderr.write(`${e.stack ?? e.message}\n`);
  }

  onTestRunEnd(modules: readonly TestModule[], unhandledErrors: readonly { message: string; stack?: string }[]): void {
    for (const m of modules) {
      for (const e of m.errors()) process.stderr.write(`\nBENCH ERROR in ${m.moduleId}: ${e.stack ?? e.message}\n`);
    }
    for (const e of unhandledErrors) process.stderr.write(`\nBENCH UNHANDLED ERROR: ${e.stack ?? e.message}\n`);
  }
}

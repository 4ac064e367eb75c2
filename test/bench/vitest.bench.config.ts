import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { StderrReporter } from './reporter.js';

// `npm run bench` only: the cohort dashboard benchmark is one long test that prints its JSON
// report on stdout itself. The reporter writes nothing to stdout (progress and failures go to
// stderr), so stdout is the JSON alone. The regular suite (vitest.config.ts) never includes it.
export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    include: ['test/bench/run.test.ts', 'test/bench/password.test.ts'],
    environment: 'node',
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 30 * 60_000,
    hookTimeout: 5 * 60_000,
    reporters: [new StderrReporter()],
  },
});

import { defineConfig } from 'vitest/config';

// Unit, database and API tests only: Playwright specs (test/e2e, test/electron) run under
// Playwright, and benchmarks under `npm run bench`.
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/db/**/*.test.ts', 'test/api/**/*.test.ts', 'test/cli/**/*.test.ts', 'test/crash/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
  },
});

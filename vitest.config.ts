import { defineConfig } from 'vitest/config';

// Unit, database, API and renderer component tests: Playwright specs (test/e2e, test/electron)
// run under Playwright, and benchmarks under `npm run bench`. Component tests ask for happy-dom in
// their first line; everything else runs in plain Node.
export default defineConfig({
  // The renderer's JSX, compiled as Vite compiles it for the app (the root tsconfig has no JSX setting).
  esbuild: { jsx: 'automatic' },
  test: {
    include: [
      'test/unit/**/*.test.ts',
      'test/db/**/*.test.ts',
      'test/api/**/*.test.ts',
      'test/cli/**/*.test.ts',
      'test/crash/**/*.test.ts',
      'test/renderer/**/*.test.tsx',
    ],
    environment: 'node',
    pool: 'forks',
    // No test may depend on speed: CI machines are small and busy (2 cores, other work beside
    // it), and a test that passes in 3 s alone can take 30 s there. Speed is measured by
    // `npm run bench`, never by a timeout. A test that is truly stuck still fails, later.
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});

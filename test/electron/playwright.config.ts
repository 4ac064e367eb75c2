import { defineConfig } from '@playwright/test';

// Tests that need the real Electron runtime. Where it is absent (offline machines, CI here),
// each test skips and says why; see runtime.ts.
export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  outputDir: '../../test-results/electron',
  workers: 1,
  reporter: [['list']],
});

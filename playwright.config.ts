import { chromium, defineConfig } from '@playwright/test';
import { join } from 'node:path';
import { e2eDataDir, e2ePorts, storageStatePath } from './test/e2e/access.setup.js';
import { browserOrExit } from './test/support/browser.js';

// End-to-end tests in browser mode: the built renderer and the real core, served on 127.0.0.1
// and driven in a Chromium-based browser already on the machine (CHROMIUM_PATH, Chromium, Chrome
// or Edge), else Playwright's own: see test/support/browser.ts.
// Two servers: one on an empty database (the first-run workflow), one on demo data. Global setup
// opens each server's printed one-time address and keeps the access cookie for every test.

const dataDir = e2eDataDir;
export const emptyPort = e2ePorts.empty;
export const demoPort = e2ePorts.demo;
const today = '2026-11-27';

export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results/e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  // Room for a small, busy CI machine: no test may depend on speed (axe-core alone can take tens
  // of seconds on a loaded 2-core machine). Speed is measured by `npm run bench`, not here.
  timeout: 180_000,
  expect: { timeout: 30_000 },
  reporter: [['list']],
  globalSetup: './test/e2e/access.setup.ts',
  use: {
    storageState: storageStatePath,
    viewport: { width: 1280, height: 800 },
    locale: 'en-GB',
    timezoneId: 'Europe/London',
    launchOptions: {
      executablePath: browserOrExit(() => chromium.executablePath()),
      args: ['--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
    trace: 'retain-on-failure',
  },
  webServer: [emptyPort, demoPort].map((port) => ({
    // Quoted: a checkout under a folder with spaces (common on Windows and macOS) must still work.
    command: `node test/e2e/serve.mjs ${JSON.stringify(join(dataDir, String(port), 'chatterbox.sqlite'))} ${port}${port === demoPort ? ' demo' : ''}`,
    // Ready when it answers (401 without the access cookie: Playwright counts that as up).
    url: `http://127.0.0.1:${port}/`,
    // Pin "today" so ages and date rules in the screens match the assertions on any day.
    env: { CHATTERBOX_TODAY: today },
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
  })),
});

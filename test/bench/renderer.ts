import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findBrowser } from '../support/browser.js';
import { addBenchManager, signInBenchManager } from './bench-sign-in.js';
import { round2 } from './measure.js';

// "The renderer shows the LA-wide dashboard within 1.5 s of navigation": browser mode on the
// benchmark's LA database (`chatterbox serve --port 0`), driven in the Chromium-based browser
// test/support/browser.ts finds. Each
// sample starts on the home page and times page.goto('#/cohort?round=ID') (an in-app
// navigation, like following a link) until the table captioned "Red, Amber and Green by age
// section..." is on screen with numbers in it. Cold loads of the same address (a fresh document)
// are reported beside, for information.

const root = fileURLToPath(new URL('../..', import.meta.url));
const CAPTION = 'Red, Amber and Green by age section';
const FIRST_ATTEMPT_TIMEOUT_MS = 20_000;
const SAMPLE_TIMEOUT_MS = 15_000;

export type RendererReport =
  | { skipped: string; build?: string }
  | {
      route: string;
      samplesMs: number[];
      medianMs: number;
      maxMs: number;
      coldLoadMs: number[];
      /** From the same navigations: when the last API response of the dashboard (every panel) arrived. */
      allApiResponsesMs: number[];
      targetMs: number;
      pass: boolean;
      headingShown: boolean;
      build: string;
      serverStartMs: number;
    };

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Builds dist/ when it is missing or older than the sources (BENCH_BUILD=auto, the default; never; always). */
export function ensureBuilt(log: (m: string) => void): { ok: true; build: string } | { ok: false; reason: string } {
  const cli = join(root, 'dist', 'electron', 'cli', 'main.js');
  const page = join(root, 'dist', 'renderer', 'index.html');
  const mode = process.env.BENCH_BUILD ?? 'auto';
  const built = existsSync(cli) && existsSync(page) ? Math.min(statSync(cli).mtimeMs, statSync(page).mtimeMs) : 0;
  const sources = Math.max(...['renderer', 'electron', 'shared'].map((d) => newestMtime(join(root, d))));
  const stale = built === 0 || sources > built;
  if (mode === 'never' || (mode === 'auto' && !stale)) {
    if (built === 0) return { ok: false, reason: 'dist/ is missing and BENCH_BUILD=never: run `npm run build` first' };
    return { ok: true, build: stale ? 'dist/ older than the sources (BENCH_BUILD=never): used as it is' : 'dist/ up to date' };
  }
  log(`renderer: ${built === 0 ? 'dist/ missing' : 'dist/ older than the sources'}, running npm run build`);
  const started = performance.now();
  const result = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: ['ignore', 2, 2], env: process.env });
  if (result.status !== 0) return { ok: false, reason: `npm run build failed (exit ${result.status ?? result.signal}); see stderr` };
  return { ok: true, build: `built by the bench in ${Math.round(performance.now() - started)} ms` };
}

export function startServer(dbPath: string, today: string): Promise<{ server: ChildProcess; url: string; accessUrl: string }> {
  const server = spawn(process.execPath, [join(root, 'dist', 'electron', 'cli', 'main.js'), 'serve', '--local-admin', '--db', dbPath, '--port', '0'], {
    cwd: root,
    env: { ...process.env, CHATTERBOX_TODAY: today },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => {
      stopServer(server);
      reject(new Error(`chatterbox serve printed no address within 60 s. Output: ${out.slice(0, 500)}`));
    }, 60_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      // The printed address carries a one-time code that lets one browser in.
      const match = /(http:\/\/127\.0\.0\.1:\d+\/)\?code=[A-Za-z0-9_-]+/.exec(out);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve({ server, url: match[1], accessUrl: match[0] });
      }
    };
    server.stdout?.on('data', onData);
    server.stderr?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    server.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`chatterbox serve exited (${code}) before printing its address. Output: ${out.slice(0, 500)}`));
    });
  });
}

export function stopServer(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    server.once('exit', () => resolve());
    server.kill('SIGTERM');
    setTimeout(() => {
      if (server.exitCode === null && server.signalCode === null) server.kill('SIGKILL');
    }, 5_000).unref();
  });
}

/** In the page: the age-section table is visible and shows numbers (not just a loading row). */
function dashboardReady(caption: string): boolean {
  const cap = Array.from(document.querySelectorAll('table > caption')).find((c) => (c.textContent ?? '').trim().startsWith(caption));
  const table = cap?.closest('table');
  if (!table) return false;
  const box = table.getBoundingClientRect();
  if (box.width === 0 || box.height === 0) return false;
  return Array.from(table.querySelectorAll('tbody td')).some((td) => /\d/.test(td.textContent ?? ''));
}

/**
 * What every renderer measurement needs first: a fresh build, Playwright, and a Chromium-based
 * browser; or why the measurement is skipped.
 */
export async function browserReady(
  log: (m: string) => void,
): Promise<
  | { ok: true; built: { build: string }; playwright: typeof import('@playwright/test'); found: { path: string } }
  | { ok: false; skipped: { skipped: string; build?: string } }
> {
  const built = ensureBuilt(log);
  if (!built.ok) return { ok: false, skipped: { skipped: built.reason } };
  let playwright: typeof import('@playwright/test');
  try {
    playwright = await import('@playwright/test');
  } catch (err) {
    return { ok: false, skipped: { skipped: `@playwright/test cannot be loaded: ${String(err)}`, build: built.build } };
  }
  const found = findBrowser({
    platform: process.platform,
    env: process.env,
    exists: existsSync,
    playwrightChromium: () => playwright.chromium.executablePath(),
  });
  if (!found.ok) return { ok: false, skipped: { skipped: found.message, build: built.build } };
  return { ok: true, built, playwright, found };
}

export async function measureRenderer(options: {
  dbPath: string;
  roundId: string;
  today: string;
  repeats: number;
  targetMs: number;
  log: (m: string) => void;
}): Promise<RendererReport> {
  const { log } = options;
  const ready = await browserReady(log);
  if (!ready.ok) return ready.skipped;
  const { playwright, found, built } = ready;
  const serverStarted = performance.now();
  let started: { server: ChildProcess; url: string; accessUrl: string };
  try {
    await addBenchManager(options.dbPath, options.today);
    started = await startServer(options.dbPath, options.today);
  } catch (err) {
    return { skipped: `browser mode did not start: ${err instanceof Error ? err.message : String(err)}`, build: built.build };
  }
  const serverStartMs = round2(performance.now() - serverStarted);
  const { server, url, accessUrl } = started;
  const route = `#/cohort?round=${options.roundId}`;
  const browser = await playwright.chromium.launch({
    executablePath: found.path,
    args: ['--disable-gpu', '--disable-quic'],
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-GB', timezoneId: 'Europe/London' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));

    // API requests in flight, to tell when every panel of the dashboard has its numbers.
    let inFlight = 0;
    let lastApiDoneAt = 0;
    const isApi = (u: string) => u.startsWith(`${url}api/`);
    page.on('request', (r) => {
      if (isApi(r.url())) inFlight++;
    });
    const done = (r: { url(): string }) => {
      if (!isApi(r.url())) return;
      inFlight--;
      lastApiDoneAt = performance.now();
    };
    page.on('requestfinished', done);
    page.on('requestfailed', done);
    const apiSettled = async (since: number): Promise<number> => {
      const deadline = performance.now() + SAMPLE_TIMEOUT_MS;
      while (performance.now() < deadline) {
        if (inFlight === 0 && performance.now() - lastApiDoneAt > 300) return lastApiDoneAt - since;
        await new Promise((r) => setTimeout(r, 20));
      }
      return NaN;
    };
    const allApi: number[] = [];
    const timedNavigation = async (timeout: number): Promise<number> => {
      const t = performance.now();
      await page.goto(`${url}${route}`);
      await page.waitForFunction(dashboardReady, CAPTION, { polling: 'raf', timeout });
      const shown = performance.now() - t;
      allApi.push(await apiSettled(t));
      return shown;
    };

    // As a person does: open the printed address once (it redirects to the page, now let in).
    await page.goto(accessUrl);
    await signInBenchManager(page, FIRST_ATTEMPT_TIMEOUT_MS);
    await page.waitForLoadState('networkidle');
    await apiSettled(performance.now());

    const samples: number[] = [];
    try {
      samples.push(await timedNavigation(FIRST_ATTEMPT_TIMEOUT_MS));
    } catch {
      const headingShown = await page
        .getByRole('heading', { name: 'All settings dashboard' })
        .count()
        .catch(() => 0);
      return {
        skipped:
          `${route} showed no table captioned "${CAPTION}..." with numbers within ${FIRST_ATTEMPT_TIMEOUT_MS / 1000} s ` +
          `(heading "All settings dashboard" ${headingShown ? 'shown' : 'not shown'}; page now at ${page.url().replace(url, '/')}` +
          `${errors.length ? `; page errors: ${errors.slice(0, 3).join(' | ')}` : ''}). ` +
          (headingShown
            ? 'The dashboard is there but its age-section table did not appear in time.'
            : 'The cohort dashboard is probably not in this build yet.'),
        build: built.build,
      };
    }
    const headingShown = (await page.getByRole('heading', { name: 'All settings dashboard' }).count()) > 0;
    for (let i = 1; i < options.repeats; i++) {
      // Back to the home page, then the same navigation again.
      await page.goto(`${url}#/`);
      await page.waitForFunction((caption) => !document.body.innerText.includes(caption), CAPTION, { timeout: SAMPLE_TIMEOUT_MS });
      await apiSettled(performance.now());
      samples.push(await timedNavigation(SAMPLE_TIMEOUT_MS));
    }
    // Cold loads: a fresh document straight onto the dashboard address.
    const coldLoadMs: number[] = [];
    for (let i = 0; i < 3; i++) {
      await page.goto('about:blank');
      const t = performance.now();
      await page.goto(`${url}${route}`);
      await page.waitForFunction(dashboardReady, CAPTION, { polling: 'raf', timeout: SAMPLE_TIMEOUT_MS });
      coldLoadMs.push(round2(performance.now() - t));
    }
    const sorted = [...samples].sort((a, b) => a - b);
    const medianMs = round2(sorted[Math.floor((sorted.length - 1) / 2)] ?? NaN);
    const maxMs = round2(sorted[sorted.length - 1] ?? NaN);
    return {
      route,
      samplesMs: samples.map(round2),
      medianMs,
      maxMs,
      coldLoadMs,
      allApiResponsesMs: allApi.map(round2),
      targetMs: options.targetMs,
      pass: maxMs <= options.targetMs,
      headingShown,
      build: built.build,
      serverStartMs,
    };
  } finally {
    await browser.close().catch(() => undefined);
    await stopServer(server);
  }
}

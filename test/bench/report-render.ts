import type { ChildProcess } from 'node:child_process';
import { round2, stats, type Stats } from './measure.js';
import { addBenchManager, signInBenchManager } from './bench-sign-in.js';
import { browserReady, startServer, stopServer } from './renderer.js';

// Printed reports in the renderer (measured, never asserted): on the benchmark's LA database in
// browser mode, the time from an in-app navigation to the report preview being drawn (the A4 sheet
// with its headline figures, and its chart where the round has screenings), and then the time
// page.pdf() takes to print it. Once for one setting's report, once for the area report over every
// setting (the bench's session reaches all 150).

const READY_TIMEOUT_MS = 60_000;

export interface ReportRenderTimes {
  route: string;
  /** Navigation until the sheet shows its headline numbers (and chart). */
  renderMs: number[];
  render: Stats;
  /** page.pdf() of the drawn report (A4, print CSS), and the pages it made. */
  pdfMs: number[];
  pdf: Stats;
  pdfPages: number;
}
export type ReportRenderReport = { skipped: string; build?: string } | { build: string; setting: ReportRenderTimes; area: ReportRenderTimes };

/** In the page: the report sheet is drawn with numbers in its headline table, and its chart if it has one. */
function reportDrawn(): boolean {
  const doc = document.querySelector('article.report-doc');
  if (!doc) return false;
  const numbers = Array.from(doc.querySelectorAll('.report-headline td')).some((td) => /\d/.test(td.textContent ?? ''));
  const chartDue = doc.querySelector('.report-chart');
  return numbers && (!chartDue || chartDue.querySelector('svg .recharts-bar-rectangle, svg path') !== null);
}

export async function measureReportRender(options: {
  dbPath: string;
  settingId: string;
  roundId: string;
  today: string;
  repeats: number;
  log: (m: string) => void;
}): Promise<ReportRenderReport> {
  const ready = await browserReady(options.log);
  if (!ready.ok) return ready.skipped;
  const { playwright, found, built } = ready;
  let started: { server: ChildProcess; url: string; accessUrl: string };
  try {
    await addBenchManager(options.dbPath, options.today);
    started = await startServer(options.dbPath, options.today);
  } catch (err) {
    return { skipped: `browser mode did not start: ${err instanceof Error ? err.message : String(err)}`, build: built.build };
  }
  const { server, url, accessUrl } = started;
  const browser = await playwright.chromium.launch({ executablePath: found.path, args: ['--disable-gpu', '--disable-quic'] });
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-GB', timezoneId: 'Europe/London' })).newPage();
  try {
    await page.goto(accessUrl);
    await signInBenchManager(page, READY_TIMEOUT_MS);

    const measure = async (route: string): Promise<ReportRenderTimes> => {
      const renderMs: number[] = [];
      const pdfMs: number[] = [];
      let pdfPages = 0;
      for (let i = 0; i < options.repeats; i++) {
        // From the home page each time, as a person following a link would.
        await page.goto(`${url}#/`);
        await page.waitForFunction(() => !document.querySelector('article.report-doc'), undefined, { timeout: READY_TIMEOUT_MS });
        await page.waitForLoadState('networkidle');
        const t = performance.now();
        await page.goto(`${url}${route}`);
        await page.waitForFunction(reportDrawn, undefined, { polling: 'raf', timeout: READY_TIMEOUT_MS });
        renderMs.push(round2(performance.now() - t));
        const p = performance.now();
        const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
        pdfMs.push(round2(performance.now() - p));
        // A PDF's page objects each carry "/Type /Page" (the page tree's node is "/Pages").
        pdfPages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
      }
      return { route, renderMs, render: stats(renderMs), pdfMs, pdf: stats(pdfMs), pdfPages };
    };

    options.log('report render: setting report preview');
    const setting = await measure(`#/s/${options.settingId}/reports/new?round=${options.roundId}`);
    options.log('report render: area report preview (every setting)');
    const area = await measure(`#/reports/new?round=${options.roundId}`);
    return { build: built.build, setting, area };
  } catch (err) {
    // Where it stopped, to tell a missing screen from a slow one.
    const heading = await page
      .locator('h1')
      .first()
      .textContent({ timeout: 1_000 })
      .catch(() => null);
    const where = `page at ${page.url().replace(url, '/')}, heading ${JSON.stringify(heading)}`;
    return { skipped: `the report render measurement failed (${where}): ${err instanceof Error ? err.message : String(err)}`, build: built.build };
  } finally {
    await browser.close().catch(() => undefined);
    await stopServer(server);
  }
}

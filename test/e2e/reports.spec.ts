import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { demoBase, expectAccessible, screenshot, signIn, watchErrors } from './support.js';

// Printed progress reports on demo data: produce a setting report (manager) and an area report
// (SLT assistant) from their screens, print each with page.pdf(), and tie the headline figures in
// the PDF's text to what the dashboard's own API calls returned for the same round. Page images
// go to test-results/report-pages/ for people to look at.

const pagesDir = join(process.cwd(), 'test-results', 'report-pages');

interface Seen {
  method: string;
  input: Record<string, unknown>;
  value: unknown;
}

/** Every API answer the page receives, with the input it was asked with. */
function recordApi(page: Page): Seen[] {
  const seen: Seen[] = [];
  page.on('response', async (response) => {
    const path = new URL(response.url()).pathname;
    if (!path.startsWith('/api/') || !response.ok()) return;
    const body = (await response.json().catch(() => null)) as { ok?: boolean; value?: unknown } | null;
    if (!body?.ok) return;
    seen.push({ method: path.slice('/api/'.length), input: JSON.parse(response.request().postData() ?? '{}') as Record<string, unknown>, value: body.value });
  });
  return seen;
}

/** The dashboard's answer to `method` (the newest that matches), waiting until it has come. */
async function answer<T>(seen: Seen[], method: string, match: (input: Record<string, unknown>) => boolean = () => true): Promise<T> {
  await expect.poll(() => seen.some((s) => s.method === method && match(s.input))).toBe(true);
  return [...seen].reverse().find((s) => s.method === method && match(s.input))?.value as T;
}

interface Rag {
  red: number;
  amber: number;
  green: number;
  total: number;
}
interface DashboardFigures {
  roundId: string;
  overview: { childrenOnRoll: number; screened: number };
  rag: Rag;
  progress: { improved: number; same: number; worse: number };
}

/** The figures the open cohort dashboard asked the API for: overview, age-section totals, progress. */
async function dashboardFigures(seen: Seen[]): Promise<DashboardFigures> {
  const overview = await answer<DashboardFigures['overview']>(seen, 'cohort.overview');
  const overviewInput = [...seen].reverse().find((s) => s.method === 'cohort.overview')?.input ?? {};
  const roundId = String(overviewInput.roundId);
  const byAge = await answer<{ total: Rag }>(seen, 'cohort.breakdown', (i) => i.groupBy === 'ageSection' && i.roundId === roundId);
  const progress = await answer<DashboardFigures['progress']>(seen, 'cohort.transitions', (i) => i.toRoundId === roundId);
  return { roundId, overview, rag: byAge.total, progress };
}

/** Prints the page to PDF; returns its text (pdftotext -layout) and saves page images NAME-1.png, NAME-2.png... */
async function printReport(page: Page, name: string): Promise<{ text: string; pages: number }> {
  mkdirSync(pagesDir, { recursive: true });
  for (const f of readdirSync(pagesDir)) if (f.startsWith(`${name}-`) || f === `${name}.pdf`) rmSync(join(pagesDir, f));
  const pdfPath = join(pagesDir, `${name}.pdf`);
  await page.pdf({ path: pdfPath, format: 'A4', preferCSSPageSize: true, displayHeaderFooter: false });
  const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
  execFileSync('pdftoppm', ['-png', '-r', '70', pdfPath, join(pagesDir, name)]);
  const pages = readdirSync(pagesDir).filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png')).length;
  return { text, pages };
}

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The headline figures in the printed text equal the dashboard's. */
function expectHeadline(text: string, roundName: string, d: DashboardFigures) {
  const line = (label: string, n: number) => expect(text, `${label} ${n}`).toMatch(new RegExp(`${esc(label)}\\s+${n}\\b`));
  line(`Children on roll at any time in ${roundName}`, d.overview.childrenOnRoll);
  line(`Children screened in ${roundName}`, d.overview.screened);
  line('Red result', d.rag.red);
  line('Amber result', d.rag.amber);
  line('Green result', d.rag.green);
  line('Improved since the previous round', d.progress.improved);
  line('Stayed the same', d.progress.same);
  line('Got worse', d.progress.worse);
}

test('a manager produces a setting progress report whose printed figures match the dashboard', async ({ page }) => {
  const errors = watchErrors(page);
  const seen = recordApi(page);
  await page.goto(demoBase);
  await signIn(page);
  await page.getByRole('link', { name: 'Acorn Lane Nursery (demo)' }).click();

  // The dashboard's own figures for its default round (the newest with screenings).
  await page.getByRole('navigation', { name: 'Setting' }).getByRole('link', { name: 'Cohort tracking' }).click();
  const dashboard = await dashboardFigures(seen);
  const roundName = (await page.getByLabel('Round', { exact: true }).locator('option:checked').textContent()) ?? '';

  // Overview -> Progress reports (click 1) -> Preview the report (click 2), the same round chosen.
  await page.getByRole('navigation', { name: 'Setting' }).getByRole('link', { name: 'Overview' }).click();
  await page.getByRole('link', { name: 'Progress reports' }).click();
  await expect(page.getByRole('heading', { name: 'Progress reports', level: 1 })).toBeVisible();
  await expect(page.getByLabel('Round', { exact: true })).toHaveValue(dashboard.roundId);
  const producedBefore = await page.locator('table tbody tr').count();
  await expectAccessible(page);
  await screenshot(page, '60-reports-setting-list');
  await page.getByRole('button', { name: 'Preview the report' }).click();
  await expect(page.getByRole('heading', { name: 'Preview the setting progress report' })).toBeVisible();
  const sheet = page.getByRole('article', { name: /^Setting progress report, Acorn Lane Nursery/ });
  await expect(sheet.getByRole('heading', { name: 'Headline figures' })).toBeVisible();
  await expect(sheet.locator('.report-chart svg').first()).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, '61-reports-setting-preview');

  // A narrative over the limit is refused with the core's message, in the summary that takes focus.
  await page.getByRole('textbox', { name: 'Achievements' }).fill('a'.repeat(4001));
  await expect(page.getByText('4,001 of 4,000 characters: 1 too many')).toBeVisible();
  await page.getByRole('button', { name: 'Produce and save' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(summary).toContainText('Keep this to 4000 characters or fewer');
  await expect(summary).toBeFocused();
  await expect(page).toHaveURL(/\/reports\/new\?/);
  await expectAccessible(page);
  await screenshot(page, '62-reports-narrative-too-long');

  // Within the limit: produced, saved and opened as saved.
  await page.getByRole('textbox', { name: 'Achievements' }).fill('Every room now uses a visual timetable.\nParents came to two story sessions.');
  await page.getByRole('textbox', { name: 'Priorities for next term' }).fill('Re-screen the children with a Red result before half term.');
  await page.getByLabel('Show initials only').check();
  await page.getByRole('button', { name: 'Produce and save' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Setting progress report.*Acorn Lane Nursery/ })).toBeVisible();
  await expect(page).toHaveURL(/\/s\/[^/]+\/reports\/[^/?]+$/);
  await expect(page.getByText('Every room now uses a visual timetable.')).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, '63-reports-setting-saved');

  const printed = await printReport(page, 'setting-report');
  expect(printed.pages).toBeGreaterThan(0);
  expectHeadline(printed.text, roundName, dashboard);
  expect(printed.text).toContain('Acorn Lane Nursery (demo)');
  expect(printed.text).toContain('Priorities for next term');
  expect(printed.text).not.toContain('Produce and save');
  expect(printed.text).not.toContain('Print or save as PDF');

  // The list shows one more report, the failed attempt having saved nothing.
  await page.getByRole('link', { name: 'Back to progress reports' }).click();
  await expect(page.locator('table tbody tr')).toHaveCount(producedBefore + 1);
  expect(errors).toEqual([]);
});

test('an SLT assistant produces an area progress report whose printed figures match the dashboard', async ({ page }) => {
  const errors = watchErrors(page);
  const seen = recordApi(page);
  await page.goto(demoBase);
  await signIn(page, 'slt-assistant');
  await page.getByRole('link', { name: 'All settings dashboard' }).click();
  await expect(page.getByRole('heading', { name: 'All settings dashboard', level: 1 })).toBeVisible();
  const dashboard = await dashboardFigures(seen);
  const roundName = (await page.getByLabel('Round', { exact: true }).locator('option:checked').textContent()) ?? '';
  const settingsShown = await page
    .getByRole('table', { name: /^Red, Amber and Green in each setting/ })
    .locator('tbody tr')
    .count();

  await page.getByRole('link', { name: 'Area progress report' }).click();
  await expect(page.getByRole('heading', { name: 'Area progress reports', level: 1 })).toBeVisible();
  await expect(page.getByLabel('Round', { exact: true })).toHaveValue(dashboard.roundId);
  await expectAccessible(page);
  await screenshot(page, '64-reports-area-list');
  await page.getByRole('button', { name: 'Preview the report' }).click();
  await expect(page.getByRole('heading', { name: 'Preview the area progress report' })).toBeVisible();
  const table = page.getByRole('table', { name: /^Each setting/ });
  await expect(table.locator('tbody tr')).toHaveCount(settingsShown);
  await expectAccessible(page);
  await screenshot(page, '65-reports-area-preview');

  await page.getByRole('textbox', { name: 'Achievements' }).fill('Both settings screened every child on roll.');
  await page.getByRole('button', { name: 'Produce and save' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Area progress report/ })).toBeVisible();
  await expect(page).toHaveURL(/#\/reports\/[^/?]+$/);
  await expectAccessible(page);
  await screenshot(page, '66-reports-area-saved');

  const printed = await printReport(page, 'area-report');
  expect(printed.pages).toBeGreaterThan(0);
  expectHeadline(printed.text, roundName, dashboard);
  expect(printed.text).toContain('Setting by setting');
  expect(printed.text).toContain('Both settings screened every child on roll.');

  await page.getByRole('link', { name: 'Back to area progress reports' }).click();
  await expect(
    page
      .getByRole('table')
      .getByRole('link', { name: /^Area progress report/ })
      .first(),
  ).toBeVisible();
  expect(errors).toEqual([]);
});

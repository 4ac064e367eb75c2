import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { demoBase, signIn, watchErrors } from './support.js';

// Print quality on every screen, on demo data as the manager: with print media emulated, no
// navigation, button or form control shows and the page's heading does. PDFs of the child record
// and the setting's cohort dashboard (page.pdf(), as the desktop app's Save as PDF prints) hold no
// Edit/Delete links or Table/Chart toggles, and carry the running header and page numbers. Their
// page images are saved to look at (test-results/report-pages/print-*.png). One sign-in, no axe:
// the screens' own specs check accessibility.

const pagesDir = join(process.cwd(), 'test-results', 'report-pages');
/** A record's id in a link, not a word such as "new" or "record". */
const id = '(?!new$|record$|agenda$)[^/?]+';

/** The href of the first link on the page matching `pattern` (waits for it to appear). */
async function firstHref(page: Page, pattern: RegExp, links = 'a[href]'): Promise<string> {
  const handle = await page.waitForFunction(
    ([source, selector]) => [...document.querySelectorAll(selector)].map((a) => a.getAttribute('href') ?? '').find((h) => new RegExp(source).test(h)) ?? null,
    [pattern.source, links] as const,
  );
  return String(await handle.jsonValue()).replace(/^#/, '');
}

/** Screen controls that show on the printed page, described for the failure message. */
function visibleControls(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('nav, button, input, select, textarea, .button, .link-button, [role="button"], summary, a')]
      // A link is fine on paper as text (a child's name); a link that acts on the record is not.
      .filter((e) => e.tagName !== 'A' || /^\s*(Edit|Delete|Archive|Remove|Record|Open agenda|Change|Add|Set up|Not you)\b/.test(e.textContent ?? ''))
      .filter((e) => e.checkVisibility())
      .map((e) => `<${e.tagName.toLowerCase()} class="${e.getAttribute('class') ?? ''}"> ${(e.textContent ?? '').trim().slice(0, 40)}`),
  );
}

/** Opens a screen in the same tab (a hash change keeps the session) and waits until it has loaded. */
async function open(page: Page, route: string): Promise<void> {
  await page.goto(`${demoBase}#${route}`);
  await expect(page.locator('.loading'), route).toHaveCount(0);
  await expect(page.locator('main h1').first(), `the heading of ${route} on paper`).toBeVisible();
}

/** page.pdf() of the screen shown, its text (pdftotext) and its page images (pdftoppm). */
async function printed(page: Page, name: string): Promise<string> {
  mkdirSync(pagesDir, { recursive: true });
  for (const old of readdirSync(pagesDir).filter((f) => f.startsWith(`print-${name}-`))) rmSync(join(pagesDir, old));
  const pdf = join(pagesDir, `print-${name}.pdf`);
  await page.pdf({ path: pdf, format: 'A4', printBackground: true, preferCSSPageSize: true });
  execFileSync('pdftoppm', ['-png', '-r', '60', pdf, join(pagesDir, `print-${name}`)]);
  return execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
}

/** What must never be on paper: row actions, the account's "Not you?", the Table/Chart toggles. */
function expectNoScreenWords(text: string, what: string): void {
  expect(text, `${what}: no Edit links`).not.toMatch(/\bEdit\b/);
  expect(text, `${what}: no Delete links`).not.toMatch(/\bDelete\b/);
  expect(text, `${what}: no "Not you?"`).not.toContain('Not you?');
  expect(text, `${what}: no Table/Chart toggles`).not.toMatch(/\bTable\s+Chart\b|^\s*(Table|Chart)\s*$/m);
  expect(text, `${what}: no navigation`).not.toMatch(/Settings list|Change setting|Sign out/);
  // The running header and footer (lib/printTitle.tsx) on the printed pages.
  expect(text, `${what}: printed date in the header`).toMatch(/Printed \d{2}\/\d{2}\/\d{4}/);
  expect(text, `${what}: page numbers in the footer`).toMatch(/Page 1 of \d+/);
}

test('every screen prints without navigation, buttons or form controls, and the PDFs read as records', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto(demoBase);
  await signIn(page);

  // The records behind the routes, found on screen (before print media hides the links).
  await page.getByRole('link', { name: 'Acorn Lane Nursery (demo)' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const setting = /#\/s\/([^/?]+)/.exec(page.url())?.[1] ?? '';
  expect(setting).not.toBe('');
  const s = `/s/${setting}`;
  await open(page, `${s}/children`);
  // A child with screenings, so the record has a history with Edit and Delete on screen.
  const child = await firstHref(page, new RegExp(`^#${s}/children/${id}$`), 'tbody tr:has(.rag) a[href]');
  await open(page, `${s}/visits`);
  const visit = await firstHref(page, new RegExp(`^#${s}/visits/${id}$`));
  await open(page, `${s}/setting-targets`);
  const settingTarget = await firstHref(page, new RegExp(`^#${s}/setting-targets/${id}$`));
  await open(page, '/instruments');
  const instrument = await firstHref(page, new RegExp(`^#/instruments/${id}$`));

  // Every screen the app has, as the manager reaches it.
  const routes = [
    '/',
    '/settings/new',
    '/cohort',
    '/cohort/children',
    '/visits',
    '/rounds',
    '/instruments',
    instrument,
    '/audit',
    '/data',
    '/accounts',
    '/password',
    s,
    `${s}/edit`,
    `${s}/people`,
    `${s}/import`,
    `${s}/children`,
    `${s}/children/new`,
    child,
    `${child}/edit`,
    `${child}/screenings/new`,
    `${s}/cohort`,
    `${s}/cohort/children`,
    `${s}/work-lists/reviews-due`,
    `${s}/work-lists/actions`,
    `${s}/work-lists/red-amber`,
    `${s}/visits`,
    `${s}/visits/record`,
    `${s}/visits/agenda`,
    visit,
    `${s}/setting-targets`,
    settingTarget,
    `${s}/strategies`,
  ];

  await page.emulateMedia({ media: 'print' });
  const problems: string[] = [];
  for (const route of routes) {
    await open(page, route);
    const shown = await visibleControls(page);
    if (shown.length) problems.push(`${route}: ${shown.join('; ')}`);
    // PRINT_EVERY_PAGE=1 saves every screen's printed pages to look at (kept out of CI: time).
    if (process.env.PRINT_EVERY_PAGE) await printed(page, `route-${String(routes.indexOf(route)).padStart(2, '0')}`);
  }
  expect(problems, 'screen controls visible on paper').toEqual([]);

  // The child record and the cohort dashboard as PDFs: records, not screens.
  await open(page, child);
  const childName = (await page.locator('main h1').first().textContent())?.trim() ?? '';
  const childText = await printed(page, 'child');
  expectNoScreenWords(childText, 'child record');
  expect(childText).toContain(childName);
  expect(childText).toContain(`${childName} – Acorn Lane Nursery (demo)`);

  await open(page, `${s}/cohort`);
  const cohortText = await printed(page, 'cohort');
  expectNoScreenWords(cohortText, 'cohort dashboard');
  expect(cohortText).toMatch(/Red, Amber and Green by age section/);

  // The visit summary keeps its own printed layout, now headed and numbered by the Shell.
  await open(page, visit);
  const visitText = await printed(page, 'visit-summary');
  expect(visitText).toMatch(/Visit summary – Acorn Lane Nursery \(demo\)/);
  expect(visitText).toMatch(/Page 1 of \d+/);

  // A long list: table headers repeat on each page.
  await open(page, `${s}/children`);
  const listText = await printed(page, 'children');
  const pages = listText.split('\f').filter((p) => p.trim());
  if (pages.length > 1) for (const p of pages) expect(p, 'each page of the children list repeats the table header').toMatch(/Name/);

  expect(errors).toEqual([]);
});

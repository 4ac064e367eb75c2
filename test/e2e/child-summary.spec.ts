import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { childrenWithLatest, demoBase, expectAccessible, screenshot, signIn, watchErrors } from './support.js';

// A manager (as a key person would) writes a child's progress summary for parents on demo data: child page ->
// Progress summary -> audience and note -> Save and print -> the saved A4 view. The PDF of the
// saved view must carry the child's name, every screening date and every target, and no
// section codes; its pages are saved as images for people to look at.

/** The texts of the saved view's cells or headings matched by `selector`. */
const texts = (page: Page, selector: string) => page.locator(selector).allInnerTexts();

test('a manager writes a progress summary for parents and prints it', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto(demoBase);
  await signIn(page, 'manager');
  await page.getByRole('link', { name: 'Little Owls Pre-school (demo)' }).click();
  await page.getByRole('navigation', { name: 'Setting' }).getByRole('link', { name: 'Children' }).click();
  // A child whose latest screen was Amber and who has a target (most such children in the
  // demo have one), opened by address to look through a few quickly.
  await childrenWithLatest(page, 'Amber');
  await expect(page.locator('tbody tr td a').first()).toBeVisible();
  const hrefs = (await page.locator('tbody tr td a').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''))).slice(0, 8);
  let found = false;
  for (const href of hrefs) {
    await page.goto(`${demoBase}${href}`);
    await signIn(page, 'manager');
    await expect(page.getByRole('heading', { name: 'Progress summaries' })).toBeVisible();
    if ((await page.getByRole('article', { name: /^Target:/ }).count()) > 0) {
      found = true;
      break;
    }
  }
  expect(found, 'one of the first Amber children has a target').toBe(true);
  const name = (await page.getByRole('heading', { level: 1 }).innerText()).trim();

  await page.getByRole('link', { name: `Progress summary for ${name}` }).click();
  await expect(page.getByRole('heading', { name: `Progress summary for ${name}`, level: 1 })).toBeVisible();
  await page.getByLabel('For parents and carers').check();
  const note = 'It has been lovely getting to know your child this term.';
  await page.getByLabel('Your note to the reader (optional)').fill(note);
  await expect(page.getByText(`${note.length} of 4000 characters used`)).toBeVisible();
  await expect(page.locator('.child-summary__note')).toHaveText(note);
  await expect(page.getByRole('heading', { name: 'Ideas to try at home' })).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, 'child-summary-form');

  await page.getByRole('button', { name: 'Save and print' }).click();
  await expect(page.getByRole('heading', { name: 'Saved progress summary', level: 1 })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Print or save as PDF' })).toBeVisible();
  await expect(page.locator('.child-summary__note')).toHaveText(note);
  await expectAccessible(page);
  await screenshot(page, 'child-summary-saved');

  const dates = await texts(page, '.child-summary__table td.nowrap');
  const targets = await texts(page, '.child-summary__target h4');
  expect(dates.length, 'the summary lists the screenings').toBeGreaterThan(0);
  expect(targets.length, 'the chosen child has targets').toBeGreaterThan(0);

  const dir = join(process.cwd(), 'test-results', 'report-pages');
  mkdirSync(dir, { recursive: true });
  for (const old of readdirSync(dir).filter((f) => f.startsWith('child-summary'))) rmSync(join(dir, old));
  const pdf = join(dir, 'child-summary.pdf');
  await page.pdf({ path: pdf, preferCSSPageSize: true });
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  for (const expected of [name, note, ...dates, ...targets, 'Ideas to try at home']) {
    expect(text, `the printed summary shows “${expected}”`).toContain(expected.replace(/\s+/g, ' ').trim());
  }
  expect(text).not.toMatch(/Section \d|section/i);
  // Nothing from the screen's controls reaches paper.
  for (const control of ['Save and print', 'Print or save as PDF', 'Saved progress summary', 'Sign out']) expect(text).not.toContain(control);
  expect(text).toMatch(/Page 1 of \d/);
  execFileSync('pdftoppm', ['-png', '-r', '60', pdf, join(dir, 'child-summary-page')]);
  expect(readdirSync(dir).filter((f) => f.startsWith('child-summary-page')).length).toBeGreaterThan(0);

  // Back on the child's page, the summary is listed.
  await page.getByRole('link', { name }).click();
  await expect(page.getByRole('link', { name: /Progress summary written/ })).toHaveCount(1);
  expect(errors).toEqual([]);
});

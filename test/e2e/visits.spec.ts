import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { childrenWithLatest, demoBase, expectAccessible, screenshot, signIn, watchErrors } from './support.js';

// The visit agenda on demo data, as the SLT assistant: two children's targets and one
// whole-setting target due at the visit (set up here through the screens, so the spec does not
// depend on what demo data holds), reviewed on the agenda with an action agreed, saved in one go
// after a refused first try; then the printed summary, as a PDF, lists the reviews and the action.
// The servers' "today" is pinned to 27/11/2026 (playwright.config.ts).

const run = String(Date.now()).slice(-5);
const aims = [`Asks for a snack using two words ${run}`, `Waits for a turn at the water tray ${run}`];
const wholeTitle = `Every room uses a visual timetable ${run}`;
const action = `Now-and-next board ${run}`;

const nav = (page: Page, name: string) => page.getByRole('navigation', { name: 'Setting' }).getByRole('link', { name, exact: true }).click();

/** Sets a target due for review today for the nth Amber child on the list. */
async function targetDueToday(page: Page, nth: number, aim: string) {
  await nav(page, 'Children');
  await childrenWithLatest(page, 'Amber');
  await page.locator('tbody tr').nth(nth).locator('td a').first().click();
  await page.getByRole('link', { name: 'Set targets from this screen', exact: true }).click();
  const form = page.getByRole('form', { name: /Set a target for/ });
  await form.getByLabel('What the child will do').fill(aim);
  await form.getByLabel('Who delivers it').fill('Key person');
  await form.getByLabel('Start date').fill('27/11/2026');
  await form.getByLabel('Review date', { exact: true }).fill('27/11/2026');
  await form.getByRole('button', { name: 'Set target' }).click();
  await expect(page.getByRole('article', { name: `Target: ${aim}` })).toBeVisible();
}

test('the SLT assistant reviews targets on the visit agenda, agrees an action, and prints the summary', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto(demoBase);
  await signIn(page, 'slt-assistant');
  await page
    .getByRole('link', { name: /\(demo\)$/ })
    .first()
    .click();

  await targetDueToday(page, 0, aims[0]!);
  await targetDueToday(page, 1, aims[1]!);
  await nav(page, 'Whole-setting targets');
  const add = page.getByRole('form', { name: 'Add a whole-setting target' });
  await add.getByLabel('What the setting will do').fill(wholeTitle);
  await add.getByLabel('Owner’s name').fill('Deputy manager');
  await add.getByLabel('Due date').fill('29/01/2027');
  await add.getByRole('button', { name: 'Add target' }).click();
  await expect(page.getByRole('link', { name: wholeTitle })).toBeVisible();

  // The agenda, from the setting's Visits page.
  await nav(page, 'Visits');
  await page.getByRole('link', { name: 'Start a visit today' }).click();
  await expect(page.getByRole('heading', { name: /^Visit agenda:/, level: 1 })).toBeVisible();
  const card = (text: string) => page.locator('.visit-card', { hasText: text });

  const first = card(aims[0]!);
  await first.getByRole('checkbox').check();
  await first.getByLabel('Good progress').check();
  await first.getByLabel('What happens next').selectOption('active');
  await first.getByLabel('Review note').fill('Asks for more at snack most days');
  await first.getByLabel('Next review date').fill('08/01/2027');
  const second = card(aims[1]!);
  await second.getByRole('checkbox').check();
  await second.getByLabel('Target met').check();
  await second.getByLabel('What happens next').selectOption('achieved');
  await second.getByLabel('Review note').fill('Waits for a turn without a prompt');
  // A review dated tomorrow: the whole save is refused and what was typed stays.
  await second.getByLabel('Review date', { exact: true }).fill('28/11/2026');
  const whole = card(wholeTitle);
  await whole.getByRole('checkbox').check();
  await whole.getByLabel('Status after the review').selectOption('in-progress');
  await whole.getByLabel('What was agreed').fill('Timetables up in two rooms of three');
  await page.getByRole('button', { name: 'Add an action' }).click();
  const agreed = page.getByRole('group', { name: 'Action 1' });
  await agreed.getByLabel('What is to be done').fill(action);
  await agreed.getByLabel('Or the owner’s name').fill('Manager');
  await agreed.getByLabel('Due date').fill('11/12/2026');
  await page.getByRole('button', { name: 'Save the visit' }).click();
  const summary = page.locator('.error-summary');
  await expect(summary).toContainText('The review date must be today or earlier');
  await expect(second.getByLabel('Review note')).toHaveValue('Waits for a turn without a prompt');
  await summary.getByRole('link', { name: 'The review date must be today or earlier' }).click();
  await expect(second.getByLabel('Review date', { exact: true })).toBeFocused();
  await second.getByLabel('Review date', { exact: true }).fill('27/11/2026');
  await expectAccessible(page);
  await screenshot(page, '70-visit-agenda');

  await page.getByRole('button', { name: 'Save the visit' }).click();
  await expect(page.getByText(/saved with its reviews and actions/)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Target reviews' })).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, '71-visit-summary');

  // The printed summary, as the setting keeps it.
  const dir = join(process.cwd(), 'test-results', 'pdf');
  mkdirSync(dir, { recursive: true });
  const pdf = join(dir, 'visit-summary.pdf');
  await page.pdf({ path: pdf, format: 'A4' });
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  for (const expected of [aims[0]!, aims[1]!, 'Good progress', 'Target met', wholeTitle, 'Timetables up in two rooms of three', action, 'Manager']) {
    expect(text, `the printed summary lists “${expected}”`).toContain(expected);
  }
  expect(errors).toEqual([]);
});

import { expect, test } from '@playwright/test';
import { demoBase, expectAccessible, screenshot, signIn, watchErrors } from './support.js';

// Whole-setting targets on demo data, as the communication champion: a bad form is named field by
// field, a target is added (with Undo on offer), reviewed, and its history shows the review.

/** A date some days from now, typed as people type it (27/11/2026). */
function ukDateIn(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  return `${String(d.getDate()).padStart(2, '0')}/${String(d.getMonth() + 1).padStart(2, '0')}/${d.getFullYear()}`;
}

test('a champion adds a whole-setting target, reviews it and sees its history', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto(demoBase);
  await signIn(page, 'champion');
  await page
    .getByRole('link', { name: /\(demo\)$/ })
    .first()
    .click();
  await page.getByRole('navigation', { name: 'Setting' }).getByRole('link', { name: 'Whole-setting targets' }).click();
  await expect(page.getByRole('heading', { name: 'Whole-setting targets', level: 1 })).toBeVisible();

  const form = page.getByRole('form', { name: 'Add a whole-setting target' });
  await form.getByRole('button', { name: 'Add target' }).click();
  await expect(form.getByText('Enter what the setting will do').first()).toBeVisible();
  await expect(form.getByText('Choose who owns this target, or type their name').first()).toBeVisible();

  const title = `Every room uses a visual timetable ${Date.now()}`;
  const add = async () => {
    await form.getByLabel('What the setting will do').fill(title);
    await form.getByLabel('Owner’s name').fill('Deputy manager');
    await form.getByLabel('Due date').fill(ukDateIn(60));
    await form.getByRole('button', { name: 'Add target' }).click();
    await expect(page.getByText(`“${title}” added`)).toBeVisible();
    await expect(page.getByRole('link', { name: title })).toBeVisible();
  };
  await add();
  // Undo takes a new target away again; then it is added for good.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('link', { name: title })).toHaveCount(0);
  await add();
  await expectAccessible(page);
  await screenshot(page, '60-setting-targets');

  await page.getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
  const review = page.getByRole('form', { name: 'Record a review' });
  await review.getByLabel('Status after the review').selectOption('in-progress');
  await review.getByLabel('What was seen and agreed').fill('Timetables made for two rooms');
  await review.getByLabel('Evidence (optional)').fill('Seen in use at snack time');
  await review.getByRole('button', { name: 'Save review' }).click();
  await expect(page.getByText('Review saved: the target is in progress')).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Timetables made for two rooms' })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Planned to in progress' })).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, '61-setting-target');
  expect(errors).toEqual([]);
});

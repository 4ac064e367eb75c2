import { expect, test } from '@playwright/test';
import { demoBase, signIn, expectAccessible, screenshot, watchErrors } from './support.js';

// The administration screens: screening tools (cut-offs entered from a handbook: made-up numbers
// here) and screening rounds, with their refusals.

test('an administrator enters cut-offs and manages rounds, and mistakes are named', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto(`${demoBase}#/instruments`);
  await signIn(page);
  await expect(page.getByRole('heading', { name: 'Screening tools' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Early years screening (9 sections)' }).click();

  // Amber above Green is refused next to the field; nothing is saved.
  await page.getByLabel('Lowest Green score, section 4').fill('5');
  await page.getByLabel('Lowest Amber score, section 4').fill('9');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('link', { name: /Section 4: the Amber cut-off \(9\) must be lower than the Green cut-off \(5\)/ })).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, '50-instrument-cut-offs-error');
  await page.getByLabel('Lowest Green score, section 4').fill('9');
  await page.getByLabel('Lowest Amber score, section 4').fill('5');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status')).toContainText('saved');
  await page.getByRole('status').getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByLabel('Lowest Green score, section 4')).toHaveValue('');

  // Rounds: an overlapping round is refused, naming the dates.
  await page.getByRole('link', { name: 'Screening rounds' }).click();
  await expect(page.getByRole('row').filter({ hasText: 'Autumn 2026' })).toBeVisible();
  await page.getByLabel('Name').fill('Overlapping term');
  await page.getByLabel('First day').fill('01/10/2026');
  await page.getByLabel('Last day').fill('01/12/2026');
  await page.getByRole('button', { name: 'Add round' }).click();
  await expect(page.getByRole('link', { name: /overlap Autumn 2026/ })).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, '51-rounds-overlap');
  expect(errors).toEqual([]);
});

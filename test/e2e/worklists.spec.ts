import { expect, test } from '@playwright/test';
import { demoBase, expectAccessible, screenshot, signIn, watchErrors } from './support.js';

// The champion's work lists and the targets figures on demo data: each work list number opens a
// list as long as the number, and the cohort dashboard shows "on targets" and "targets met".

test('a champion opens a work list from the overview and sees the targets figures', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto(demoBase);
  await signIn(page, 'champion');
  await page
    .getByRole('link', { name: /\(demo\)$/ })
    .first()
    .click();
  const due = page.getByRole('region', { name: 'What is due' });
  const card = due.getByRole('link', { name: /Red or Amber children with no active target/ });
  await expect(card).toBeVisible();
  await expect(card.locator('.card__number')).not.toHaveText('…');
  const n = Number(await card.locator('.card__number').textContent());
  await screenshot(page, 'worklists-overview');
  await card.click();
  await expect(page.getByRole('heading', { name: 'Red or Amber children with no active target', level: 1 })).toBeVisible();
  await expect(page.locator('table.table tbody tr')).toHaveCount(n);
  await screenshot(page, 'worklists-red-amber');
  await expectAccessible(page);

  await page
    .getByRole('navigation', { name: 'Setting' })
    .getByRole('link', { name: /Cohort/ })
    .click();
  const block = page.getByRole('region', { name: /^Targets,/ });
  await expect(block.getByRole('table')).toBeVisible();
  await block.scrollIntoViewIfNeeded();
  await screenshot(page, 'worklists-cohort-targets');
  expect(errors).toEqual([]);
});

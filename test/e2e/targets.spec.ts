import { expect, test } from '@playwright/test';
import { childrenWithLatest, demoBase, expectAccessible, screenshot, signIn, watchErrors } from './support.js';

// Strategies and child targets on demo data: the library page, then a target set from a child's
// latest screening with a strategy from the library, reviewed, and shown on the child's page.

test('strategies page and a target set from a screening, then reviewed', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto(demoBase);
  await signIn(page);
  await page.getByRole('link', { name: 'Little Owls Pre-school (demo)' }).click();
  await page.getByRole('navigation', { name: 'Setting' }).getByRole('link', { name: 'Strategies' }).click();
  await expect(page.getByRole('heading', { name: 'Strategies', level: 1 })).toBeVisible();
  await page.getByLabel('Search', { exact: true }).fill('count slowly');
  await expect(page.locator('tbody tr')).toHaveCount(1);
  await page.getByLabel('Search', { exact: true }).fill('');
  await expectAccessible(page);
  await screenshot(page, '60-strategies');

  // A child with a screening that was not all Green.
  await page.getByRole('navigation', { name: 'Setting' }).getByRole('link', { name: 'Children' }).click();
  await childrenWithLatest(page, 'Amber');
  await page.locator('tbody tr td a').first().click();
  // The latest screening's panel comes first; each screening in the history offers it too.
  await page.getByRole('link', { name: 'Set targets from this screen', exact: true }).click();
  const form = page.getByRole('form', { name: /Set a target for/ });
  await expect(form).toBeVisible();
  await form.getByLabel('What the child will do').fill('Asks for a snack using two words');
  await form.getByLabel('Find a strategy').fill('choices');
  await form.getByRole('button', { name: 'Add Offer choices' }).click();
  await form.getByLabel('Who delivers it').fill('Key person');
  await form.getByRole('button', { name: 'Set target' }).click();
  const target = page.getByRole('article', { name: 'Target: Asks for a snack using two words' });
  await expect(target).toContainText('Offer choices');

  await target.getByRole('button', { name: /^Review/ }).click();
  await target.getByLabel('Some progress').check();
  await target.getByLabel('Note (optional)').fill('Said "more juice" at snack');
  await target.getByRole('button', { name: 'Save review' }).click();
  await expect(target.getByRole('table', { name: 'Reviews' })).toContainText('Said "more juice" at snack');
  await expectAccessible(page);
  await screenshot(page, '61-child-targets');
  expect(errors).toEqual([]);
});

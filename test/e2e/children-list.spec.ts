import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { demoBase, signIn, expectAccessible, screenshot, watchErrors } from './support.js';

// The children list on demo data: sorting, filters that live in the URL, and keyboard use.

test('children list sorts, filters, keeps its filters in the URL and works from the keyboard', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto(demoBase);
  await signIn(page);
  await expect(page.getByRole('heading', { name: 'Choose a setting' })).toBeVisible();
  await expect(page.getByRole('row')).toHaveCount(5); // header + 4 demo settings
  await page.getByLabel('Search settings').fill('owls');
  await expect(page.getByRole('row')).toHaveCount(2);
  await page.getByRole('link', { name: 'Little Owls Pre-school (demo)' }).click();
  await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, '30-setting-overview');

  // The overview leads with what is due; a number opens the children list filtered to it, and
  // the list exports every child that matches, not just the page.
  const dueSoon = page.getByRole('region', { name: 'What is due' }).getByRole('link', { name: /due in the next 4 weeks/ });
  await expect(dueSoon).toHaveText(/^\d+re-screens due/);
  const dueCount = Number((await dueSoon.textContent())?.match(/^\d+/)?.[0]);
  await dueSoon.click();
  await expect(page.getByRole('heading', { name: 'Children', level: 1 })).toBeFocused();
  await expect(page.getByLabel('Re-screens due in the next 4 weeks')).toBeChecked();
  await expect(page.locator('.result-count')).toHaveText(`${dueCount} ${dueCount === 1 ? 'child' : 'children'} match`);
  expect(dueCount).toBeGreaterThan(0);
  const csvDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download CSV of the children who match' }).click();
  const csvText = readFileSync((await (await csvDownload).path()) ?? '', 'utf8');
  expect(csvText.trim().split(/\r?\n/)).toHaveLength(dueCount + 1);

  await page.getByRole('navigation', { name: 'Setting' }).getByRole('link', { name: 'Children' }).click();
  const count = page.locator('.result-count');
  await expect(count).toHaveText(/^\d+ children$/);
  const onRoll = Number((await count.textContent())?.split(' ')[0]);
  expect(onRoll).toBeGreaterThan(40);

  // Sort by date of birth, youngest first: each date is on or before the one above it.
  await page.getByRole('button', { name: /Date of birth/ }).click();
  await page.getByRole('button', { name: /Date of birth/ }).click();
  await expect(page.getByRole('columnheader', { name: /Date of birth/ })).toHaveAttribute('aria-sort', 'descending');
  const dobs = await page.locator('tbody tr td:nth-child(2)').allTextContents();
  const iso = dobs.map((d) => d.slice(0, 10).split('/').reverse().join('-'));
  expect(iso).toEqual([...iso].sort().reverse());

  // Filters: a room and EAL narrow the list, and survive a reload because they are in the URL.
  await page.getByLabel('Room').selectOption({ label: 'Pre-school' });
  await page.getByLabel('EAL').selectOption('yes');
  await expect(count).toHaveText(/^\d+ (child|children) match$/);
  // Read the rows only once both filters show in the list (the count alone matches after the
  // room filter too, so reading straight away could catch the list between the two answers).
  await expect(page.locator('tbody tr').filter({ hasNotText: 'EAL' })).toHaveCount(0);
  expect(page.url()).toContain('eal=yes');
  const rooms = await page.locator('tbody tr td:nth-child(3)').allTextContents();
  expect(rooms.length).toBeGreaterThan(0);
  expect(new Set(rooms)).toEqual(new Set(['Pre-school']));
  await expectAccessible(page);
  await screenshot(page, '10-children-filtered');
  await page.reload();
  await expect(page.getByLabel('EAL')).toHaveValue('yes');
  await expect(page.locator('tbody tr td:nth-child(3)')).toHaveText(rooms);

  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(count).toHaveText(`${onRoll} children`);

  // Keyboard: type a surname in the search box, Tab reaches the filters, Enter on a name opens the child.
  const name = (await page.locator('tbody tr').first().getByRole('link').textContent()) ?? '';
  const [last = '', first = ''] = name.split(', ');
  await page.getByLabel('Search by name').focus();
  await page.keyboard.type(last.toLowerCase());
  await expect(count).toHaveText(/^\d+ (child|children) match$/);
  await expect(page.locator('tbody tr').filter({ hasNotText: last })).toHaveCount(0);
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Room')).toBeFocused();
  await page.getByRole('link', { name }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: `${first} ${last}` })).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, '11-demo-child');

  expect(errors).toEqual([]);
});

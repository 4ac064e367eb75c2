import { expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { demoBase, signIn, expectAccessible, screenshot, watchErrors } from './support.js';

// Cohort tracking on demo data: change round and subgroup, open the children behind a number,
// export tables, and look at the charts at 1280x800.

test('a manager reads the cohort dashboard, drills into a number and exports tables', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto(demoBase);
  await signIn(page);
  await page.getByRole('link', { name: 'Acorn Lane Nursery (demo)' }).click();
  await page.getByRole('navigation', { name: 'Setting' }).getByRole('link', { name: 'Cohort tracking' }).click();
  await expect(page.getByRole('heading', { name: 'Cohort tracking', level: 1 })).toBeVisible();

  // The newest round with screenings is shown first.
  await expect(page.getByLabel('Round', { exact: true })).toHaveValue(/.+/);
  const byAge = page.getByRole('table', { name: /^Red, Amber and Green by age section, Autumn 2026/ });
  await expect(byAge).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, '20-cohort-setting');

  // Change the round: the captions and the URL follow.
  await page.getByLabel('Round', { exact: true }).selectOption({ label: 'Spring 2026' });
  await expect(page.getByRole('table', { name: /by age section, Spring 2026/ })).toBeVisible();
  expect(page.url()).toContain('round=');

  // Change the subgroup to room.
  await page.getByLabel('Subgroup', { exact: true }).selectOption({ label: 'Room' });
  const byRoom = page.getByRole('table', { name: /^Red, Amber and Green by room, Spring 2026/ });
  await expect(byRoom).toBeVisible();
  await expect(byRoom.getByRole('rowheader', { name: 'Pre-school' })).toBeVisible();
  expect(page.url()).toContain('group=room');

  // A link to the same view reopens it exactly.
  const url = page.url();
  await page.goto(`${demoBase}#/`);
  await signIn(page);
  await page.goto(url);
  await signIn(page);
  await expect(page.getByRole('table', { name: /^Red, Amber and Green by room, Spring 2026/ })).toBeVisible();

  // Drill into the Pre-school Green cell: the list holds as many children as the cell said.
  const greenCell = page
    .getByRole('table', { name: /by room/ })
    .getByRole('row', { name: /^Pre-school/ })
    .getByRole('link')
    .nth(2);
  const count = Number(await greenCell.textContent());
  expect(count).toBeGreaterThan(0);
  await greenCell.click();
  await expect(page.getByRole('heading', { name: /^Children with a Green result in Spring 2026, room: Pre-school/ })).toBeVisible();
  await expect(page.locator('tbody tr')).toHaveCount(count);
  await expect(page.locator('tbody tr').filter({ hasNotText: 'Green' })).toHaveCount(0);
  await expectAccessible(page);
  await screenshot(page, '21-cohort-drill-down');

  // Export the drill-down list as CSV.
  const csvDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download CSV of this list' }).click();
  const csv = await csvDownload;
  expect(csv.suggestedFilename()).toMatch(/^Children with a Green result in Spring 2026.*\.csv$/);
  const csvText = readFileSync((await csv.path()) ?? '', 'utf8');
  expect(csvText.split('\r\n').filter(Boolean)).toHaveLength(count + 1);
  expect(csvText).toContain('Last name,First name,Setting');

  // Back on the dashboard, export the age section table as Excel and read it back.
  await page.getByRole('link', { name: 'Back to cohort tracking' }).click();
  const xlsxDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download Excel of the age section table' }).click();
  const xlsx = await xlsxDownload;
  expect(xlsx.suggestedFilename()).toBe('Spring 2026 by age section.xlsx');
  const workbook = new ExcelJS.Workbook();
  const bytes = readFileSync((await xlsx.path()) ?? '');
  await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  const sheet = workbook.worksheets[0];
  expect(sheet?.getRow(1).values).toEqual([undefined, 'Age section', 'Red', 'Red %', 'Amber', 'Amber %', 'Green', 'Green %', 'Children']);
  expect(String(sheet?.getCell(`A${sheet.rowCount}`).value)).toBe('All children');

  // Charts, readable at 1280x800.
  await page.getByRole('group', { name: 'Show By age section as' }).getByRole('button', { name: 'Chart' }).click();
  await expect(page.locator('#by-age-title ~ .chart svg, .chart svg').first()).toBeVisible();
  await page.locator('#by-age-title').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screenshots/22-cohort-chart.png' });
  await page.getByRole('group', { name: 'Show Trend over all rounds as' }).getByRole('button', { name: 'Chart' }).click();
  await page.locator('#trend-title').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screenshots/23-cohort-trend-chart.png' });

  // All settings: the setting-by-setting table, sortable.
  await page.getByRole('link', { name: 'All settings dashboard' }).click();
  const heading = page.getByRole('heading', { name: 'All settings dashboard', level: 1 });
  await expect(heading).toBeVisible();
  // Focus moves to the new page's heading, and the round picker sits above the table it controls.
  await expect(heading).toBeFocused();
  const pickerTop = (await page.getByLabel('Round', { exact: true }).boundingBox())?.y ?? Infinity;
  const tableTop = (await page.getByRole('heading', { name: /^Setting by setting/ }).boundingBox())?.y ?? -Infinity;
  expect(pickerTop).toBeLessThan(tableTop);
  const comparison = page.getByRole('table', { name: /^Red, Amber and Green in each setting/ });
  await expect(comparison.locator('tbody tr')).toHaveCount(4);
  await comparison.getByRole('button', { name: /Red/ }).click();
  await comparison.getByRole('button', { name: /Red/ }).click();
  await expect(comparison.getByRole('columnheader', { name: /Red/ })).toHaveAttribute('aria-sort', 'descending');
  await page.getByLabel('Local authority', { exact: true }).selectOption('Westmoor (demo)');
  await expect(comparison.locator('tbody tr')).toHaveCount(2);
  await expectAccessible(page);
  await screenshot(page, '24-cohort-all-settings');

  // The local authority's tracker: one workbook for the settings shown, in the round shown.
  const laDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download tracker (Excel, every child in one workbook)' }).click();
  const la = await laDownload;
  const shown = ((await page.locator('#comparison-title').textContent()) ?? '').replace('Setting by setting, ', '');
  expect(la.suggestedFilename()).toBe(`Westmoor demo tracker ${shown}.xlsx`);
  const laBook = new ExcelJS.Workbook();
  const laBytes = readFileSync((await la.path()) ?? '');
  await laBook.xlsx.load(laBytes.buffer.slice(laBytes.byteOffset, laBytes.byteOffset + laBytes.byteLength));
  expect(laBook.worksheets.map((w) => w.name)).toEqual(['Summary', shown]);
  expect(laBook.worksheets[0]?.actualRowCount).toBe(3);
  expect(laBook.worksheets[1]?.getRow(2).getCell(5).value).toBeInstanceOf(Date);

  expect(errors).toEqual([]);
});

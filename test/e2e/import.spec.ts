import { expect, test } from '@playwright/test';
import { demoBase, signIn, expectAccessible, screenshot, watchErrors } from './support.js';

// Importing a messy CSV from a nursery system through the column-matching screen: the row
// errors are shown and nothing is saved until they are fixed; then a clean import, and undo.

/** Windows-1252 bytes (as older nursery systems export), CRLF, quoted commas, header variations. */
function messyCsv(badDate: boolean): Buffer {
  const lines = [
    'Surname,Forename,D.O.B,Gender,Room Name,EAL?',
    '"Importwell, Jr",Ada,14/03/2023,F,Pre-school,N',
    `Importwell,Zo\u00eb,${badDate ? '31/02/2024' : '28/02/2024'},Female,Toddlers,Y`,
    'Importwell,Ben,5/6/23,M,Moon Room,no',
  ];
  return Buffer.from(lines.join('\r\n') + '\r\n', 'latin1');
}

test('a manager imports a messy CSV: row errors first, then the import, then undo', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto(demoBase);
  await signIn(page);
  await page.getByRole('link', { name: 'Hilltop School Nursery (demo)' }).click();
  await page.getByRole('navigation', { name: 'Setting' }).getByRole('link', { name: 'Import' }).click();
  await expect(page.getByRole('heading', { name: 'Import', level: 1 })).toBeVisible();

  await page.getByLabel('Where is it from? (optional)').fill('Test nursery system');
  await page.getByLabel('File', { exact: true }).setInputFiles({ name: 'children-export.csv', mimeType: 'text/csv', buffer: messyCsv(true) });

  // The columns are matched by their headings.
  await expect(page.getByRole('heading', { name: '2. Match the columns' })).toBeVisible();
  await expect(page.getByLabel('Last name (required)')).toHaveValue('Surname');
  await expect(page.getByLabel('Date of birth (required)')).toHaveValue('D.O.B');
  await expect(page.getByLabel('Room', { exact: true })).toHaveValue('Room Name');

  // Row 3 has an impossible date: named by row and column, and the import cannot start.
  const errorTable = page.getByRole('table', { name: /^Errors/ });
  await expect(errorTable.getByRole('row').filter({ hasText: 'D.O.B' })).toContainText('3');
  await expect(errorTable).toContainText('February 2024 has 29 days');
  await expect(page.getByRole('table', { name: /^Warnings/ })).toContainText('Moon Room');
  await expect(page.getByRole('button', { name: /^Import \d+ rows/ })).toBeDisabled();
  await expectAccessible(page);
  await screenshot(page, '30-import-row-errors');

  // A dry run of the bad file is refused with the same message, and nothing is saved.
  await page.getByRole('button', { name: 'Dry run (save nothing)' }).click();
  await expect(page.getByRole('alert')).toContainText('Row 3, column "D.O.B"');

  // The corrected file imports all three children; the accented name survives the old encoding.
  await page.getByLabel('File', { exact: true }).setInputFiles({ name: 'children-export-fixed.csv', mimeType: 'text/csv', buffer: messyCsv(false) });
  await expect(page.getByRole('button', { name: 'Import 3 rows' })).toBeEnabled();
  await page.getByRole('button', { name: 'Import 3 rows' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Created 3 children' })).toBeVisible();

  await page.getByRole('navigation', { name: 'Setting' }).getByRole('link', { name: 'Children' }).click();
  await page.getByLabel('Search by name').fill('importwell');
  await expect(page.getByText('3 children match')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Importwell, Zoë' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Importwell, Jr, Ada' })).toBeVisible();

  // Undo the import: the three children are gone again.
  await page.getByRole('navigation', { name: 'Setting' }).getByRole('link', { name: 'Import' }).click();
  await page.getByRole('button', { name: /^Undo the last children import/ }).click();
  await expect(page.getByRole('status').filter({ hasText: 'removed 3 children' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Setting' }).getByRole('link', { name: 'Children' }).click();
  await page.getByLabel('Search by name').fill('importwell');
  await expect(page.getByText('0 children match')).toBeVisible();

  expect(errors).toEqual([]);
});

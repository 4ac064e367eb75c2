import { expect, test } from '@playwright/test';
import { demoBase, signIn, expectAccessible, screenshot, watchErrors } from './support.js';

// Backups from the app: back up now, then restore that backup after confirming; the database
// it replaces is kept. Retention policies and the (empty) list of records due for deletion.

test('a manager backs up, restores a backup, and reads the retention policies', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto(`${demoBase}#/data`);
  await signIn(page);
  await expect(page.getByRole('heading', { name: 'Backups and data retention' })).toBeVisible();

  await page.getByRole('button', { name: 'Back up now' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Backed up to chatterbox-manual-/ })).toBeVisible();
  const manual = page.getByRole('row').filter({ hasText: 'Made by hand' });
  await expect(manual).toHaveCount(1);

  await manual.getByRole('button', { name: /^Restore/ }).click();
  await expect(page.getByRole('heading', { name: /^Restore the backup of/ })).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, '40-backups');
  await page.getByRole('button', { name: 'Yes, restore' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: /^Restored chatterbox-manual-.*The database as it was is kept as chatterbox-before-restore-/ }),
  ).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: 'Kept before a restore' })).toHaveCount(1);

  // The restored database still answers: the settings are all there.
  await page.getByRole('link', { name: 'Chatterbox' }).click();
  await expect(page.getByRole('row')).toHaveCount(5);

  await page.goto(`${demoBase}#/data`);

  await signIn(page);
  await expect(page.getByRole('table', { name: 'Retention policies' })).toContainText('years after the child leaves');
  await expect(page.getByText('Nothing is due for deletion.')).toBeVisible();
  expect(errors).toEqual([]);
});

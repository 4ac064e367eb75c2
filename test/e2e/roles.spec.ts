import { expect, test } from '@playwright/test';
import { demoBase, expectAccessible, screenshot, signIn, watchErrors, type DemoRole } from './support.js';

// Each demo role signs in and sees only what it may use: the header's navigation, and a page
// outside the role says so plainly. The core refuses the calls as well (test/api/permissions.test.ts).

const across = ['All settings dashboard', 'Screening rounds', 'Screening tools', 'Audit trail', 'Backups', 'Accounts'] as const;
const expected: Record<DemoRole, readonly (typeof across)[number][]> = {
  manager: across,
  champion: ['All settings dashboard', 'Screening rounds', 'Screening tools'],
  practitioner: [],
  'slt-assistant': ['All settings dashboard'],
  'panel-member': ['All settings dashboard'],
};

for (const role of Object.keys(expected) as DemoRole[]) {
  test(`a ${role} sees only what their role may use`, async ({ page }) => {
    const errors = watchErrors(page);
    await page.goto(demoBase);
    await expect(page.getByRole('heading', { name: 'Sign in to Chatterbox' })).toBeVisible();
    if (role === 'manager') {
      await expectAccessible(page);
      await screenshot(page, 'roles-sign-in');
    }
    await signIn(page, role);
    const nav = page.getByRole('navigation', { name: 'Across settings' });
    for (const name of across) {
      await expect(nav.getByRole('link', { name, exact: true }), `${role}: ${name}`).toHaveCount(expected[role].includes(name) ? 1 : 0);
    }
    if (role === 'practitioner') {
      // A setting's overview asks only for what a practitioner may see: no refusal in red.
      await page
        .getByRole('link', { name: /Acorn Lane/ })
        .first()
        .click();
      await expect(page.getByRole('heading', { name: 'What is due' })).toBeVisible();
      await expect(page.getByText('re-screens overdue')).toBeVisible();
      await expect(page.getByRole('alert')).toHaveCount(0);
      // Changing the setting is a manager's: no edit, intervals or archive offered.
      await expect(page.getByRole('link', { name: 'Edit setting details' })).toHaveCount(0);
      await expect(page.getByRole('button', { name: 'Save intervals' })).toHaveCount(0);
      await expect(page.getByRole('button', { name: 'Archive this setting' })).toHaveCount(0);
      await page.goto(`${demoBase}#/`);
    }
    // Only managers add settings, so only they are offered the button.
    await expect(page.getByRole('heading', { name: 'Choose a setting' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Add a setting' })).toHaveCount(role === 'manager' ? 1 : 0);
    if (role !== 'manager' && expected[role].includes('All settings dashboard')) {
      // Someone covering some settings gets their settings' table, not a refusal in red.
      await page.goto(`${demoBase}#/cohort`);
      await expect(page.getByRole('heading', { name: /^Setting by setting/ })).toBeVisible();
      await expect(page.getByRole('alert')).toHaveCount(0);
      // The tracker is a manager's export: others are not offered a button the core refuses.
      await expect(page.getByRole('button', { name: /Download tracker/ })).toHaveCount(0);
      await screenshot(page, `roles-${role}-dashboard`);
    }
    if (role !== 'manager') {
      await page.goto(`${demoBase}#/audit`);
      await expect(page.getByRole('heading', { name: 'You cannot use this page' })).toBeVisible();
      await expect(page.getByText('ask a manager')).toBeVisible();
    }
    await expectAccessible(page);
    await screenshot(page, `roles-${role}`);
    expect(errors.filter((e) => !e.includes('403'))).toEqual([]);
  });
}

test('a manager keeps accounts, and a locked window keeps its page under the unlock screen', async ({ page }) => {
  await page.goto(`${demoBase}#/accounts`);
  await signIn(page, 'manager');
  await expect(page.getByRole('heading', { name: 'Accounts', exact: true })).toBeVisible();
  await expect(page.getByRole('row', { name: /demo-practitioner/ })).toBeVisible();
  await page.getByLabel('Search by name, user name or role').fill('assistant');
  await expect(page.getByRole('row', { name: /demo-practitioner/ })).toHaveCount(0);
  await expectAccessible(page);
  await screenshot(page, 'roles-accounts');
  // Printed, the list is a record: no forms and no row buttons.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('heading', { name: 'Add an account' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Reset password' })).toHaveCount(0);
  await expect(page.getByRole('row', { name: /demo-slt-assistant/ })).toBeVisible();
  await screenshot(page, 'roles-accounts-print');
  await page.emulateMedia({ media: 'screen' });

  await page.locator('.account-menu summary').click();
  await page.getByRole('button', { name: 'Lock the screen' }).click();
  await expect(page.getByRole('dialog', { name: 'Chatterbox is locked' })).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, 'roles-unlock');
  await page.getByRole('dialog').locator('input[type=password]').fill('demo-manager-pass');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  // The page underneath is as it was, search and all.
  await expect(page.getByLabel('Search by name, user name or role')).toHaveValue('assistant');
});

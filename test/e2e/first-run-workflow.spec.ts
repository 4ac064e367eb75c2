import { expect, test } from '@playwright/test';
import { emptyBase, expectAccessible, screenshot, watchErrors } from './support.js';

// The foundation's whole workflow on an empty database, in order: first run -> create a setting
// -> add a room and a staff member -> add a child -> find them by search -> edit -> archive.
// Bad input is tried at each form on the way, and every screen is checked with axe-core.

test.describe.configure({ mode: 'serial' });

test('a new user sets up a setting, its rooms and staff, and a child, then edits and archives the child', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto(emptyBase);

  // First run: the first manager's account, first with a password that is too short.
  await expect(page.getByRole('heading', { name: 'Create the manager account' })).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, '00-create-manager');
  await page.getByLabel('Your name').fill('Pat Testperson');
  await page.getByLabel('User name').fill('pat');
  await page.getByLabel('Password', { exact: true }).fill('short');
  await page.getByRole('button', { name: 'Create the account and sign in' }).click();
  await expect(
    page
      .getByRole('alert')
      .filter({ hasText: 'There is a problem' })
      .getByRole('link', { name: /at least 8 characters/ }),
  ).toBeVisible();
  await page.getByLabel('Password', { exact: true }).fill('a long enough password');
  await page.getByRole('button', { name: 'Create the account and sign in' }).click();

  // Then the app says what to do first.
  await expect(page.getByRole('heading', { name: 'Welcome to Chatterbox' })).toBeVisible();
  await expect(page.getByText('Set up your setting: its name')).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, '01-first-run');

  // Create a setting, first with mistakes.
  await page.getByRole('link', { name: 'Set up your setting' }).click();
  await expect(page.getByRole('heading', { name: 'Set up your setting' })).toBeVisible();
  await page.getByLabel(/Ofsted URN/).fill('12AB');
  await page.getByRole('button', { name: 'Save setting' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link', { name: 'Enter the setting name' })).toBeVisible();
  await expect(summary.getByRole('link', { name: /URN must be 6 or 7 digits/ })).toBeVisible();
  await expect(page.getByLabel('Setting name')).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page);
  await screenshot(page, '02-setting-form-errors');
  // The summary's links take keyboard users to the field.
  await summary.getByRole('link', { name: 'Enter the setting name' }).click();
  await expect(page.getByLabel('Setting name')).toBeFocused();

  await page.getByLabel('Setting name').fill('Puddle Lane Nursery');
  await page.getByLabel(/Ofsted URN/).fill('ey 123456');
  await page.getByLabel('Type of setting').selectOption({ label: 'Pre-school' });
  await page.getByLabel('Local authority (optional)').fill('Testshire');
  await page.getByRole('button', { name: 'Save setting' }).click();
  await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible();
  await expect(page.locator('.account-menu')).toContainText('Pat Testperson (Manager)');
  await expect(page.getByRole('status')).toContainText('Puddle Lane Nursery added');
  await expect(page.getByText('EY123456')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'What to do next' })).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, '03-setting-overview');

  // Add a room and a staff member.
  await page.getByRole('link', { name: 'Add your rooms' }).click();
  await expect(page.getByRole('heading', { name: 'Rooms and staff' })).toBeVisible();
  await page.getByRole('button', { name: 'Add room' }).click();
  await expect(page.getByText('Enter the room name').first()).toBeVisible();
  await page.getByLabel('Room name').fill('Sunflowers');
  await page.getByRole('button', { name: 'Add room' }).click();
  await expect(page.getByRole('cell', { name: 'Sunflowers', exact: true })).toBeVisible();
  // A second room with the same name (any case) is refused by the core.
  await page.getByLabel('Room name').fill('sunflowers');
  await page.getByRole('button', { name: 'Add room' }).click();
  await expect(page.getByText('This setting already has a room called sunflowers').first()).toBeVisible();
  await page.getByLabel('Room name').fill('Rainbows');
  await page.getByRole('button', { name: 'Add room' }).click();
  await expect(page.getByRole('cell', { name: 'Rainbows', exact: true })).toBeVisible();

  await page.getByLabel('Full name').fill('Pat Testperson');
  await page.getByLabel('Role', { exact: true }).selectOption({ label: 'Communication champion' });
  await page.getByLabel('Qualification level').selectOption({ label: 'Level 3' });
  await page.getByRole('button', { name: 'Add staff member' }).click();
  await expect(page.getByRole('cell', { name: 'Pat Testperson', exact: true })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Communication champion', exact: true })).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, '04-rooms-and-staff');

  // Add a child: a future date of birth and a missing name are refused next to the fields.
  await page.getByRole('link', { name: 'Children' }).click();
  await expect(page.getByText('No children on roll yet')).toBeVisible();
  await page.getByRole('link', { name: 'Add a child' }).click();
  await page.getByLabel('Last name').fill('Testchild');
  await page.getByLabel('Date of birth').fill('01/01/2027');
  await page.getByRole('button', { name: 'Save child' }).click();
  await expect(page.getByRole('link', { name: 'Enter a first name' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Date of birth must be today or in the past' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Choose the child’s sex' })).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, '05-child-form-errors');

  await page.getByLabel('First name').fill('Robin');
  await page.getByLabel('Date of birth').fill('14/3/2023');
  await page.getByLabel('Sex').selectOption({ label: 'Female' });
  await page.getByLabel('Home languages').fill('English, Welsh');
  await page.getByLabel('English as an additional language (EAL)').check();
  await page.getByLabel('Room').selectOption({ label: 'Sunflowers' });
  await page.getByLabel('Key person').selectOption({ label: 'Pat Testperson' });
  await page.getByLabel('Start date (optional)').fill('01/09/2025');
  await page.getByRole('button', { name: 'Save child' }).click();
  await expect(page.getByRole('heading', { name: 'Robin Testchild' })).toBeVisible();
  await expect(page.getByRole('status')).toContainText('Robin Testchild added');
  await expect(page.getByText('14/03/2023')).toBeVisible();
  await expect(page.getByText('3y 8m (44 months)')).toBeVisible();
  await expect(page.getByText('English, Welsh')).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, '06-child-page');

  // Screen Robin: 44 months today, so section 7. Amber there means dropping back to section 6.
  await page.getByRole('link', { name: 'Record a screening' }).click();
  await expect(page.getByText('3y 8m (44 months) on this date: start with section 7 (42–47 months)')).toBeVisible();
  await page.getByLabel('Screened by').selectOption({ label: 'Pat Testperson' });
  const s7 = page.getByRole('group', { name: /^Section 7/ });
  await s7.getByLabel(/^Score/).fill('13');
  await s7.getByRole('radio', { name: 'Amber' }).check();
  // The form asks for the section below as soon as section 7 is Amber.
  const s6 = page.getByRole('group', { name: /^Section 6/ });
  await expect(s6).toBeVisible();
  await s6.getByRole('radio', { name: 'Green' }).check();
  await page.getByRole('button', { name: 'Save screening' }).click();
  await expect(page.getByRole('link', { name: 'Section 7: the score (13) is more than the number of items (12).' })).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, '06a-screening-form-errors');
  await s7.getByLabel(/^Score/).fill('8');
  await s7.getByLabel('Items not passed (optional)').fill('3, 7, 9');
  const outcome = page.getByRole('region', { name: 'What this screening shows' });
  await expect(outcome).toContainText('Section 6 (1 section below age)');
  await expect(outcome).toContainText('Not prompted');
  await expect(outcome).toContainText('19/02/2027');
  await screenshot(page, '06b-screening-form');
  await page.getByRole('button', { name: 'Save screening' }).click();

  await expect(page.getByRole('status')).toContainText('Screening saved for Robin Testchild');
  const latest = page.getByLabel('Latest screening');
  await expect(latest).toContainText('Amber');
  await expect(latest).toContainText('Section 6');
  await expect(latest).toContainText('age section 7, 1 behind');
  await expect(latest).toContainText('Activities from');
  await expect(latest).toContainText('Section 7');
  await expect(latest).toContainText('Not prompted');
  await expect(latest).toContainText('19/02/2027');
  await expect(page.locator('.timeline__item')).toHaveCount(1);
  await expect(page.locator('.timeline__item').first()).toContainText('7: Amber (8)');
  await expect(page.locator('.timeline__item').first()).toContainText('6: Green');
  await expectAccessible(page);
  await screenshot(page, '06c-child-screened');

  // A parent's concern prompts a referral: edit the screening and say so.
  await page.getByRole('link', { name: /^Edit screening of 27\/11\/2026/ }).click();
  await page.getByLabel('The parent or carer has a specific concern').check();
  await page.getByLabel('What is the concern?').fill('Finds it hard to be understood by family.');
  await expect(page.getByRole('region', { name: 'What this screening shows' })).toContainText('Consider a referral');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByLabel('Latest screening')).toContainText('Prompted');
  await expect(page.locator('.timeline__item').first()).toContainText('Referral prompted: A specific concern has been raised');

  // Add a second child so the search has something to leave out.
  await page.getByRole('link', { name: 'Children' }).first().click();
  await page.getByRole('link', { name: 'Add a child' }).click();
  await page.getByLabel('First name').fill('Sam');
  await page.getByLabel('Last name').fill('Othername');
  await page.getByLabel('Date of birth').fill('02/02/2024');
  await page.getByLabel('Sex').selectOption({ label: 'Male' });
  await page.getByRole('button', { name: 'Save child' }).click();
  await expect(page.getByRole('heading', { name: 'Sam Othername' })).toBeVisible();

  // Find the child by search.
  await page.getByRole('link', { name: 'Children' }).first().click();
  await expect(page.getByText('2 children')).toBeVisible();
  await page.getByLabel('Search by name').fill('robin test');
  await expect(page.getByText('1 child match')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Testchild, Robin' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Othername, Sam' })).toHaveCount(0);
  await expectAccessible(page);
  await screenshot(page, '07-children-search');

  // Edit: a leave date before the start date is refused; a name change is saved and can be undone.
  await page.getByRole('link', { name: 'Testchild, Robin' }).click();
  await page.getByRole('link', { name: /Edit details/ }).click();
  await page.getByLabel('Leave date (optional)').fill('01/08/2025');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('link', { name: 'Leave date must be on or after the start date' })).toBeVisible();
  await page.getByLabel('Leave date (optional)').fill('');
  await page.getByLabel('First name').fill('Robyn');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('heading', { name: 'Robyn Testchild' })).toBeVisible();
  await page.getByRole('status').getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('heading', { name: 'Robin Testchild' })).toBeVisible();

  // Archive: confirm, then the child is a leaver, listed under Leavers only.
  await page.getByRole('button', { name: 'Mark as leaver' }).click();
  await expect(page.getByRole('heading', { name: 'Move Robin Testchild to leavers?' })).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, '08-confirm-leaver');
  await page.getByRole('button', { name: 'Move to leavers' }).click();
  await expect(page.getByRole('status')).toContainText('Robin Testchild moved to leavers');
  await expect(page.getByText('Left 27/11/2026').first()).toBeVisible();
  await page.getByRole('link', { name: 'Children' }).first().click();
  await page.getByLabel('Search by name').fill('robin');
  await expect(page.getByText('0 children match')).toBeVisible();
  await page.getByLabel('Showing').selectOption('leavers');
  await expect(page.getByRole('link', { name: 'Testchild, Robin' })).toBeVisible();
  await screenshot(page, '09-leavers');

  // The audit trail shows who did what, and cannot be edited from the app.
  await page.getByRole('link', { name: 'Audit trail' }).click();
  await page.getByLabel('Change', { exact: true }).selectOption({ label: "Changed a child's details" });
  const row = page.locator('tbody tr').filter({ hasText: 'First name: Robin → Robyn' });
  await expect(row).toHaveCount(1);
  // Plain words and UK dates, never the method's internal name or an ISO date.
  await expect(row).toContainText("Changed a child's details");
  await expect(row.locator('td').first()).toHaveText(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
  await expect(page.locator('tbody')).not.toContainText('children.update');
  await expect(row).toContainText('Pat Testperson');
  await expect(page.getByRole('button', { name: /edit|delete/i })).toHaveCount(0);
  await expectAccessible(page);
  await screenshot(page, '10-audit-trail');

  expect(errors).toEqual([]);
});

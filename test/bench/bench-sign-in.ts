import type { Page } from '@playwright/test';
import { fixedClock } from '../../electron/core/context.js';
import { createCore } from '../../electron/core/core.js';

// Browser sessions sign in (the host's --local-admin is only for its own start-up), and the bench's
// SLT assistant has no usable password: a manager account of the bench's own, which reaches every
// setting, is added through the API and signed in with, like a person would.
const benchManager = { userName: 'bench-report-manager', password: 'Bench report manager 2026!' };

export async function addBenchManager(dbPath: string, today: string): Promise<void> {
  const core = createCore({ localAdmin: 'bench', databasePath: dbPath, clock: fixedClock(today) });
  try {
    const db = core.context.db;
    if (!db.prepare('SELECT 1 FROM accounts WHERE user_name = ?').get(benchManager.userName))
      await core.invokeAsync('accounts.create', {
        displayName: 'Bench manager',
        role: 'manager',
        userName: benchManager.userName,
        password: benchManager.password,
      });
    // A first sign-in would ask for a new password: not what is being timed.
    db.prepare('UPDATE accounts SET must_change_password = 0 WHERE user_name = ?').run(benchManager.userName);
  } finally {
    core.close();
  }
}

/** On the sign-in screen the access address opened: signs in as the bench's manager. */
export async function signInBenchManager(page: Page, timeout: number): Promise<void> {
  await page.getByLabel('User name').fill(benchManager.userName, { timeout });
  await page.getByLabel('Password', { exact: true }).fill(benchManager.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('.account-menu').waitFor({ timeout });
}

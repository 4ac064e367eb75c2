import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { e2ePorts } from './access.setup.js';

export const emptyBase = `http://127.0.0.1:${e2ePorts.empty}/`;
export const demoBase = `http://127.0.0.1:${e2ePorts.demo}/`;

const screenshotDir = join(process.cwd(), 'test-results', 'screenshots');

/** Saves a full-page screenshot for people to look at (test-results/screenshots/NAME.png). */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
}

/** Fails on any serious or critical axe-core finding, listing what and where. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(serious, `axe-core findings on ${page.url()}`).toEqual([]);
}

/** Collects uncaught page errors and console errors so a test can assert there were none. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    // API refusals (400, 409) are expected in tests of bad input; Chromium logs each one.
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(`console: ${m.text()}`);
  });
  return errors;
}

/** The demo roles (demo data has one account per role, passwords in the README's demo section). */
export type DemoRole = 'manager' | 'champion' | 'practitioner' | 'slt-assistant' | 'panel-member';

/**
 * Signs in with the demo account of a role when the page asks; returns at once when this page
 * (its session) is already signed in. Each page load is its own session, so call it after goto.
 */
export async function signIn(page: Page, role: DemoRole = 'manager'): Promise<void> {
  const form = page.getByRole('heading', { name: 'Sign in to Chatterbox' });
  const menu = page.locator('.account-menu');
  await expect(form.or(menu)).toBeVisible();
  if (!(await form.isVisible())) return;
  await page.getByLabel('User name').fill(`demo-${role}`);
  await page.getByLabel('Password', { exact: true }).fill(`demo-${role}-pass`);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(menu).toBeVisible();
}

/**
 * On a setting's Children page: lists only the children whose latest screen was `colour`, and
 * waits until the table shows just them (the unfiltered rows stay on screen until the filtered
 * ones arrive, and clicking one of those would open the wrong child).
 */
export async function childrenWithLatest(page: Page, colour: 'Red' | 'Amber' | 'Green'): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Children', level: 1 })).toBeVisible();
  await page.getByLabel('Latest screen', { exact: true }).selectOption({ label: colour });
  const rows = page.locator('tbody tr');
  await expect(rows.first()).toBeVisible();
  await expect(rows.filter({ hasNotText: colour })).toHaveCount(0);
}

import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildElectronNative } from '../../build/scripts/electron-native.mjs';
import { installedElectron } from './runtime.js';

// "Save as PDF" in the real desktop app: the window's page through Electron's printToPDF, with the
// save dialog answered by the test (a dialog cannot be clicked from here), written owner-only.

const root = join(import.meta.dirname, '..', '..');
const runtime = installedElectron(root);
if ('missing' in runtime) console.log(`Electron "Save as PDF" tests skipped: ${runtime.missing}.`);

test.describe('desktop app: Save as PDF', () => {
  // Skipped where the Electron runtime is not installed (it cannot be downloaded offline, as on
  // these machines and in CI); the reason is printed above and attached to each test.
  test.skip('missing' in runtime, `Skipped: ${'missing' in runtime ? runtime.missing : ''}`);

  let app: ElectronApplication;
  let dir: string;

  test.beforeAll(async () => {
    if (!('path' in runtime)) return;
    expect(buildElectronNative(root)).toBe(true);
    dir = mkdtempSync(join(tmpdir(), 'chatterbox-electron-pdf-'));
    app = await electron.launch({ executablePath: runtime.path, args: [join(root, 'dist/electron/main.js'), '--db', join(dir, 'app.sqlite')] });
  });

  test.afterAll(async () => {
    await app?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('the Save as PDF button saves the page as an A4 PDF where the dialog says, and a cancelled dialog saves nothing', async () => {
    const page = await app.firstWindow();
    await expect(page.getByRole('heading', { name: 'Create the manager account' })).toBeVisible();
    await page.getByLabel('Your name').fill('Pat Testperson');
    await page.getByLabel('User name').fill('pat');
    await page.getByLabel('Password', { exact: true }).fill('a long enough password');
    await page.getByRole('button', { name: 'Create the account and sign in' }).click();
    await expect(page.getByRole('heading', { name: 'Welcome to Chatterbox' })).toBeVisible();

    // The save dialog answers with a file in the test's folder, then with "cancelled".
    const target = join(dir, 'Saved page.pdf');
    await app.evaluate(({ dialog }, path) => {
      const answers = [
        { canceled: false, filePath: path },
        { canceled: true, filePath: '' },
      ];
      dialog.showSaveDialog = (() => Promise.resolve(answers.shift() ?? { canceled: true, filePath: '' })) as typeof dialog.showSaveDialog;
    }, target);

    // The audit trail page has a PrintButton: in the desktop app it offers Save as PDF beside Print.
    await page.getByRole('link', { name: 'Audit trail' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.getByRole('button', { name: 'Save as PDF' }).click();
    await expect(page.getByText(`Saved ${target}`)).toBeVisible();
    expect(readFileSync(target).subarray(0, 5).toString()).toBe('%PDF-');
    if (process.platform !== 'win32') expect(statSync(target).mode & 0o777).toBe(0o600);

    rmSync(target);
    await page.getByRole('button', { name: 'Save as PDF' }).click();
    await expect(page.getByRole('button', { name: 'Save as PDF' })).toBeEnabled();
    expect(existsSync(target)).toBe(false);
  });
});

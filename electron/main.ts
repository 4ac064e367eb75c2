import { app, BrowserWindow, dialog, ipcMain, Menu, safeStorage, session, shell, type WebContents } from 'electron';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { methodNames } from '../shared/contract/index.js';
import { AppError } from '../shared/errors.js';
import { systemClock, type Printer, type Session } from './core/context.js';
import { createCore, type Core } from './core/core.js';
import type { KeyProtector } from './core/keys/key-file.js';
import { useOwnerOnlyFileModes } from './core/keys/private-files.js';
import { desktopKeySource, keysForDatabase } from './core/keys/unlock.js';
import { startAutoBackups } from './core/services/backups/schedule.js';
import { writePdfFile } from './core/services/reports/save-pdf.js';
import { resolveDatabasePath } from './core/paths.js';
import { fromOwnPageOnly, hardenApp, secureWebPreferences } from './security.js';

// The Electron shell: window, menu and the IPC transport, with the security checklist from
// security.ts applied. Everything else is the shared core, which browser mode runs under plain
// Node. Keep this file thin.

const rendererIndex = fileURLToPath(new URL('../renderer/index.html', import.meta.url));
const rendererUrl = pathToFileURL(rendererIndex).href;
const preloadPath = fileURLToPath(new URL('./preload.cjs', import.meta.url));
// In a checkout the Node build of better-sqlite3 cannot load in Electron (different ABI), so
// `npm start` keeps an Electron build here. A packaged app has its own, rebuilt by electron-builder.
const devNativeBinding = fileURLToPath(new URL('../../.electron-native/better_sqlite3.node', import.meta.url));

let core: Core | undefined;

/** Electron's safeStorage (the OS keychain, DPAPI or libsecret) for the key file, where the OS offers it. */
function computerProtection(): KeyProtector | undefined {
  if (!safeStorage.isEncryptionAvailable()) return undefined;
  return {
    protect: (bytes) => safeStorage.encryptString(bytes.toString('base64')),
    unprotect: (bytes) => Buffer.from(safeStorage.decryptString(bytes), 'base64'),
  };
}

/** The new key file's recovery key, shown once before any window opens: it is never stored anywhere readable. */
function showRecoveryKey(recoveryKey: string, keyFilePath: string): void {
  dialog.showMessageBoxSync({
    type: 'info',
    title: 'Write down your recovery key',
    message: recoveryKey,
    detail:
      'Chatterbox has encrypted its database. Write this recovery key down now and keep it somewhere safe, away from this computer: it is shown only this once. ' +
      `You will need it if this computer is replaced or its account is reset, or to open a backup elsewhere. Keep a copy of the key file (${keyFilePath}) with your backups too.`,
    buttons: ['I have written it down'],
    noLink: true,
  });
}

function dbFlag(): string | undefined {
  const i = process.argv.indexOf('--db');
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** Each window is one caller with its own session; it ends when the window's page is destroyed. */
const windowSessions = new Map<number, Session>();
function sessionOf(c: Core, contents: WebContents): Session {
  let s = windowSessions.get(contents.id);
  if (!s) {
    s = c.openSession();
    windowSessions.set(contents.id, s);
    contents.once('destroyed', () => windowSessions.delete(contents.id));
  }
  return s;
}

/**
 * "Save as PDF" (reports.savePdf): the page of the window whose session asked, printed as the print
 * CSS lays it out (A4, running header and page numbers), then a save dialog; the file owner-only.
 */
const windowPrinter: Printer = {
  async savePdf(caller, suggestedFileName) {
    const window = BrowserWindow.getAllWindows().find((w) => windowSessions.get(w.webContents.id) === caller);
    if (!window) throw new AppError('CONFLICT', 'The window to save could not be found: it may have closed. Nothing was saved.');
    const pdf = await window.webContents.printToPDF({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true });
    const choice = await dialog.showSaveDialog(window, {
      title: 'Save as PDF',
      defaultPath: join(app.getPath('documents'), suggestedFileName),
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
    });
    if (choice.canceled || !choice.filePath) return null;
    writePdfFile(choice.filePath, pdf);
    return choice.filePath;
  },
};

function registerIpc(c: Core): void {
  for (const method of methodNames) {
    ipcMain.handle(
      `api:${method}`,
      fromOwnPageOnly(rendererUrl, (event, input) => c.callAsync(method, input, sessionOf(c, event.sender))),
    );
  }
}

/**
 * macOS and Windows check spelling with the system's own dictionaries; elsewhere Electron
 * downloads Hunspell dictionaries from Google's servers, which an offline or locked-down setting
 * must never see the app do. There spelling is not checked at all.
 */
const systemSpellChecker = process.platform === 'darwin' || process.platform === 'win32';

function createWindow(): void {
  const window = new BrowserWindow({
    width: 1280,
    height: 860,
    title: 'Chatterbox',
    show: false,
    webPreferences: secureWebPreferences(preloadPath, systemSpellChecker),
  });
  window.once('ready-to-show', () => window.show());
  void window.loadFile(rendererIndex);
}

function buildMenu(): void {
  Menu.setApplicationMenu(
    Menu.buildFromTemplate([
      { role: 'fileMenu' },
      { role: 'editMenu' },
      { label: 'View', submenu: [{ role: 'reload' }, { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { role: 'togglefullscreen' }] },
      { role: 'windowMenu' },
    ]),
  );
}

if (!app.requestSingleInstanceLock()) {
  // A second copy would open the same database file; bring the first one forward instead.
  app.quit();
} else {
  app.on('second-instance', () => BrowserWindow.getAllWindows()[0]?.focus());
  // Database, -wal, -shm, key file and backups are owner-only (Windows: the profile's permissions).
  useOwnerOnlyFileModes();
  app.whenReady().then(
    async () => {
      try {
        const databasePath = resolveDatabasePath(dbFlag());
        const protector = computerProtection();
        const keys = await keysForDatabase(databasePath, desktopKeySource(protector, databasePath, showRecoveryKey));
        core = createCore({
          databasePath,
          ...(keys ? { keys } : {}),
          ...(protector ? { protector } : {}),
          printer: windowPrinter,
          clock: systemClock,
          ...(app.isPackaged || !existsSync(devNativeBinding) ? {} : { nativeBinding: devNativeBinding }),
          onInternalError: (method, err) => console.error(`Error in ${method}:`, err),
        });
      } catch (err) {
        dialog.showErrorBox('Chatterbox cannot open its database', err instanceof AppError ? err.message : String(err));
        app.quit();
        return;
      }
      hardenApp(app, session.defaultSession, shell, rendererUrl);
      registerIpc(core);
      // A backup at start, then whenever the last automatic one is a day old (checked hourly).
      startAutoBackups(core, { onError: (err) => console.error('Automatic backup failed:', err) });
      buildMenu();
      createWindow();
    },
    (err: unknown) => console.error(err),
  );
  app.on('window-all-closed', () => {
    core?.close();
    app.quit();
  });
}

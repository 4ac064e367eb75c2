import type { WebPreferences } from 'electron';
import { contentSecurityPolicy } from './core/host/answers.js';

// The desktop shell's security checklist in one place, so main.ts applies it and
// test/unit/electron-security.test.ts checks every item against small fakes of the Electron
// objects (the Electron runtime cannot run on the test machines). Each item is listed, with the
// test that proves it, in docs/ARCHITECTURE.md ("Electron and browser-mode security").
// This module takes the Electron objects as arguments and only imports Electron's types, so
// plain Node can load it.

// Which outside addresses the app may open in the user's browser (help pages and the like).
// Parsed, https only, exact host match: no 'startsWith' tricks such as https://example.org.evil.test.
export const externalHostAllowList: readonly string[] = ['www.gov.uk', 'www.legislation.gov.uk', 'ico.org.uk'];

export function isAllowedExternalUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.protocol === 'https:' && parsed.username === '' && parsed.password === '' && externalHostAllowList.includes(parsed.hostname);
}

/** The same policy the browser-mode host sends, so both ways of running the app allow the same. */
export { contentSecurityPolicy };

/**
 * Every window's settings: the page is a web page with no Node, in Chromium's sandbox, isolated
 * from the preload, with the web's own rules on, and nothing experimental or embeddable.
 */
export function secureWebPreferences(preload: string, spellcheck: boolean): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck,
  };
}

/** True when `url` is the app's own page (any #route of it), nothing else: not another file, not a query. */
export function isOwnPage(url: string | undefined, pageUrl: string): boolean {
  if (!url) return false;
  let given: URL;
  try {
    given = new URL(url);
  } catch {
    return false;
  }
  const own = new URL(pageUrl);
  return given.protocol === own.protocol && given.host === own.host && given.pathname === own.pathname && given.search === '';
}

// The parts of Electron's objects the checklist uses: the real ones fit these shapes, and the
// tests' fakes implement just these.
export interface PreventableEvent {
  preventDefault(): void;
}
export interface GuardedContents {
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
  on(event: 'will-navigate', listener: (event: PreventableEvent, url: string) => void): unknown;
  on(event: 'will-redirect', listener: (event: PreventableEvent, url: string) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
}
export interface GuardedSession {
  setPermissionRequestHandler(handler: (webContents: unknown, permission: string, callback: (granted: boolean) => void) => void): void;
  setPermissionCheckHandler(handler: (webContents: unknown, permission: string) => boolean): void;
  setSpellCheckerDictionaryDownloadURL(url: string): void;
  webRequest: {
    onHeadersReceived(
      listener: (
        details: { responseHeaders?: Record<string, string[]> },
        callback: (response: { responseHeaders?: Record<string, string | string[]> }) => void,
      ) => void,
    ): void;
  };
}
export interface GuardedApp {
  on(event: 'web-contents-created', listener: (event: unknown, contents: GuardedContents) => void): unknown;
}
export interface ShellLike {
  openExternal(url: string): Promise<void>;
}

/** Denies navigation away from the page, new windows (allow-listed https goes to the browser) and webviews. */
export function guardContents(contents: GuardedContents, pageUrl: string, shell: ShellLike): void {
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event, url) => {
    if (!isOwnPage(url, pageUrl)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isOwnPage(url, pageUrl)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Response headers with our CSP in place of any the response had (header names are case-insensitive). */
export function withContentSecurityPolicy(headers: Record<string, string[]> | undefined): Record<string, string[]> {
  const kept = Object.entries(headers ?? {}).filter(([name]) => name.toLowerCase() !== 'content-security-policy');
  return { ...Object.fromEntries(kept), 'Content-Security-Policy': [contentSecurityPolicy] };
}

/** Applies the session-wide items, and the per-page ones to every web contents as it is created. */
export function hardenApp(app: GuardedApp, session: GuardedSession, shell: ShellLike, pageUrl: string): void {
  // The app needs no camera, microphone, notifications, location or anything else a page can ask for.
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  // Belt and braces: should spelling ever be switched on where dictionaries are downloaded, the
  // download goes to a local port nothing listens on, so it fails at once without leaving the machine.
  session.setSpellCheckerDictionaryDownloadURL('http://127.0.0.1:9/');
  // The page carries the policy in a meta tag too: Chromium does not pass file:// loads through
  // webRequest, so the header covers anything the window loads over http(s), the tag the page itself.
  session.webRequest.onHeadersReceived((details, callback) => callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders) }));
  app.on('web-contents-created', (_event, contents) => guardContents(contents, pageUrl, shell));
}

export interface IpcEvent {
  senderFrame: { url: string; parent: unknown } | null;
}
export const notFromOwnPage = { ok: false, error: { code: 'UNAUTHORISED', message: 'Not from the Chatterbox window' } } as const;

/**
 * Wraps an IPC handler so it runs only for a call from the app's own page in its top frame: not
 * a page the window was somehow navigated to, not a subframe. The check comes before anything else.
 */
export function fromOwnPageOnly<E extends IpcEvent, R>(
  pageUrl: string,
  handler: (event: E, input: unknown) => R,
): (event: E, input: unknown) => R | typeof notFromOwnPage {
  return (event, input) => {
    const frame = event.senderFrame;
    if (!frame || frame.parent !== null || !isOwnPage(frame.url, pageUrl)) return notFromOwnPage;
    return handler(event, input);
  };
}

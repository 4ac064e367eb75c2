import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { contentSecurityPolicy as hostPolicy } from '../../electron/core/host/http.js';
import {
  contentSecurityPolicy,
  fromOwnPageOnly,
  guardContents,
  hardenApp,
  isOwnPage,
  notFromOwnPage,
  secureWebPreferences,
  withContentSecurityPolicy,
  type GuardedContents,
  type GuardedSession,
  type PreventableEvent,
} from '../../electron/security.js';

// The desktop shell's security checklist (electron/security.ts), run against small fakes of the
// Electron objects: the Electron runtime cannot run here (test/electron covers the real window,
// and skips saying why where there is none). Each test is one item of the checklist in
// docs/ARCHITECTURE.md.

const pageUrl = 'file:///opt/Chatterbox/resources/app.asar/dist/renderer/index.html';
const root = join(import.meta.dirname, '..', '..');

type Listener = (event: PreventableEvent, url: string) => void;

/** A fake web contents that records what the checklist registered, and can fire it. */
function fakeContents() {
  const listeners = new Map<string, Listener>();
  let openHandler: ((details: { url: string }) => { action: 'deny' }) | undefined;
  const contents: GuardedContents = {
    setWindowOpenHandler: (handler) => void (openHandler = handler),
    on: (event: string, listener: Listener) => void listeners.set(event, listener),
  };
  /** Fires `event` for `url`: true when the checklist prevented it. */
  const fire = (event: string, url = ''): boolean => {
    const listener = listeners.get(event);
    if (!listener) throw new Error(`nothing listens to ${event}`);
    let prevented = false;
    listener({ preventDefault: () => (prevented = true) }, url);
    return prevented;
  };
  const open = (url: string) => {
    if (!openHandler) throw new Error('no window-open handler');
    return openHandler({ url });
  };
  return { contents, fire, open };
}

function fakeSession() {
  const recorded: {
    request?: Parameters<GuardedSession['setPermissionRequestHandler']>[0];
    check?: Parameters<GuardedSession['setPermissionCheckHandler']>[0];
    headers?: Parameters<GuardedSession['webRequest']['onHeadersReceived']>[0];
    dictionaries?: string;
  } = {};
  const session: GuardedSession = {
    setPermissionRequestHandler: (handler) => void (recorded.request = handler),
    setPermissionCheckHandler: (handler) => void (recorded.check = handler),
    setSpellCheckerDictionaryDownloadURL: (url) => void (recorded.dictionaries = url),
    webRequest: { onHeadersReceived: (listener) => void (recorded.headers = listener) },
  };
  return { session, recorded };
}

describe('Electron security checklist: window settings', () => {
  it('isolates the page from the preload, sandboxes it, keeps Node out and the web rules on', () => {
    const prefs = secureWebPreferences('/app/preload.cjs', false);
    expect(prefs).toMatchObject({
      preload: '/app/preload.cjs',
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
    });
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(prefs).not.toHaveProperty('additionalArguments');
  });

  it('is what main.ts gives every window', () => {
    const main = readFileSync(join(root, 'electron', 'main.ts'), 'utf8');
    expect(main).toMatch(/webPreferences: secureWebPreferences\(/);
    expect(main).toMatch(/hardenApp\(app, session\.defaultSession, shell, rendererUrl\)/);
    expect(main).toMatch(/ipcMain\.handle\(\s*`api:\$\{method\}`,\s*fromOwnPageOnly\(rendererUrl,/);
    // Every ipcMain.handle goes through the sender check.
    expect(main.match(/ipcMain\.handle\(/g)).toHaveLength(1);
  });
});

describe('Electron security checklist: navigation, new windows and webviews', () => {
  it.each([
    [pageUrl, true],
    [`${pageUrl}#/children`, true],
    [`${pageUrl}?x=1`, false],
    ['file:///opt/Chatterbox/resources/app.asar/dist/renderer/other.html', false],
    ['file:///etc/passwd', false],
    ['https://www.gov.uk/', false],
    ['http://127.0.0.1:4870/', false],
    ['not a url', false],
    [undefined, false],
  ])('knows %s as the app’s own page: %s', (url, own) => {
    expect(isOwnPage(url, pageUrl)).toBe(own);
  });

  it('lets the page move between its own routes and stops navigation anywhere else', () => {
    const { contents, fire } = fakeContents();
    guardContents(contents, pageUrl, { openExternal: vi.fn(async () => undefined) });
    expect(fire('will-navigate', `${pageUrl}#/cohort`)).toBe(false);
    expect(fire('will-navigate', 'https://evil.example/')).toBe(true);
    expect(fire('will-navigate', 'file:///etc/passwd')).toBe(true);
  });

  it('stops redirects anywhere but the app’s own page', () => {
    const { contents, fire } = fakeContents();
    guardContents(contents, pageUrl, { openExternal: vi.fn(async () => undefined) });
    expect(fire('will-redirect', 'https://evil.example/')).toBe(true);
    expect(fire('will-redirect', 'http://127.0.0.1:9/')).toBe(true);
    expect(fire('will-redirect', pageUrl)).toBe(false);
  });

  it('never opens a new window; an allow-listed https address goes to the browser, nothing else does', () => {
    const openExternal = vi.fn(async () => undefined);
    const { contents, open } = fakeContents();
    guardContents(contents, pageUrl, { openExternal });
    expect(open('https://www.gov.uk/government/publications/early-years-foundation-stage-framework--2')).toEqual({ action: 'deny' });
    expect(open('https://evil.example/')).toEqual({ action: 'deny' });
    expect(open('http://www.gov.uk/')).toEqual({ action: 'deny' });
    expect(open(`${pageUrl}#/children`)).toEqual({ action: 'deny' });
    expect(openExternal.mock.calls).toEqual([['https://www.gov.uk/government/publications/early-years-foundation-stage-framework--2']]);
  });

  it('prevents every webview from attaching', () => {
    const { contents, fire } = fakeContents();
    guardContents(contents, pageUrl, { openExternal: vi.fn(async () => undefined) });
    expect(fire('will-attach-webview')).toBe(true);
  });

  it('guards every web contents the app creates', () => {
    let created: ((event: unknown, contents: GuardedContents) => void) | undefined;
    const app = { on: (_event: 'web-contents-created', listener: (event: unknown, contents: GuardedContents) => void) => void (created = listener) };
    hardenApp(app, fakeSession().session, { openExternal: vi.fn(async () => undefined) }, pageUrl);
    const { contents, fire, open } = fakeContents();
    created?.({}, contents);
    expect(fire('will-navigate', 'https://evil.example/')).toBe(true);
    expect(fire('will-attach-webview')).toBe(true);
    expect(open('https://evil.example/')).toEqual({ action: 'deny' });
  });
});

describe('Electron security checklist: the session', () => {
  function hardened() {
    const { session, recorded } = fakeSession();
    hardenApp({ on: () => undefined }, session, { openExternal: vi.fn(async () => undefined) }, pageUrl);
    return recorded;
  }

  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'fullscreen', 'openExternal', 'usb', 'hid', 'serial'])(
    'refuses the permission %s when asked and when checked',
    (permission) => {
      const recorded = hardened();
      const callback = vi.fn();
      recorded.request?.({}, permission, callback);
      expect(callback.mock.calls).toEqual([[false]]);
      expect(recorded.check?.({}, permission)).toBe(false);
    },
  );

  it('sends the strict Content Security Policy with every response, replacing any the response had', () => {
    const recorded = hardened();
    const callback = vi.fn();
    recorded.headers?.({ responseHeaders: { 'content-security-policy': ["default-src *; script-src 'unsafe-inline'"], 'x-other': ['kept'] } }, callback);
    expect(callback.mock.calls).toEqual([[{ responseHeaders: { 'x-other': ['kept'], 'Content-Security-Policy': [contentSecurityPolicy] } }]]);
    expect(withContentSecurityPolicy(undefined)).toEqual({ 'Content-Security-Policy': [contentSecurityPolicy] });
  });

  it('uses the browser-mode host’s policy, a strict one', () => {
    expect(contentSecurityPolicy).toBe(hostPolicy);
    for (const part of ["default-src 'self'", "script-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"]) {
      expect(contentSecurityPolicy).toContain(part);
    }
    expect(contentSecurityPolicy).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
  });

  it('points spelling dictionary downloads at a local port nothing listens on', () => {
    expect(hardened().dictionaries).toBe('http://127.0.0.1:9/');
  });
});

describe('Electron security checklist: IPC', () => {
  const handler = vi.fn((_event: unknown, input: unknown) => ({ ok: true, value: input }));
  const guarded = fromOwnPageOnly(pageUrl, handler);

  it('runs a call from the app’s own page in its top frame', () => {
    handler.mockClear();
    expect(guarded({ senderFrame: { url: `${pageUrl}#/children`, parent: null } }, 7)).toEqual({ ok: true, value: 7 });
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it.each([
    ['another page', { senderFrame: { url: 'https://evil.example/', parent: null } }],
    ['another file', { senderFrame: { url: 'file:///tmp/evil.html', parent: null } }],
    ['a subframe, even of our page', { senderFrame: { url: pageUrl, parent: {} } }],
    ['a frame already gone', { senderFrame: null }],
  ])('refuses a call from %s before doing anything', (_label, event) => {
    handler.mockClear();
    expect(guarded(event, 7)).toBe(notFromOwnPage);
    expect(handler).not.toHaveBeenCalled();
  });
});

describe('Electron fuses at packaging', () => {
  /** The electronFuses block of electron-builder.yml, as name -> value. */
  function fuses(): Record<string, string> {
    const yml = readFileSync(join(root, 'electron-builder.yml'), 'utf8');
    const block = /^electronFuses:\n((?: {2}.*\n)+)/m.exec(yml)?.[1] ?? '';
    const entries: [string, string][] = [];
    for (const line of block.split('\n')) {
      const m = /^ {2}(\w+): *(\S+)/.exec(line);
      if (m) entries.push([m[1]!, m[2]!]);
    }
    return Object.fromEntries(entries);
  }

  it('sets each fuse the checklist asks for (electron-builder 26 option names)', () => {
    expect(fuses()).toEqual({
      runAsNode: 'false',
      enableCookieEncryption: 'true',
      enableNodeOptionsEnvironmentVariable: 'false',
      enableNodeCliInspectArguments: 'false',
      enableEmbeddedAsarIntegrityValidation: 'true',
      onlyLoadAppFromAsar: 'true',
    });
  });

  it('keeps the packaging settings in electron-builder.yml alone, so no second copy can override them', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(pkg).not.toHaveProperty('build');
  });
});

import { describe, expect, it } from 'vitest';
import { findBrowser, type BrowserSearch } from '../support/browser.js';

// The browser finder on machines other than this one: the file system and platform are injected.

function search(platform: NodeJS.Platform, files: string[], env: BrowserSearch['env'] = {}, own: string | null = null): BrowserSearch {
  const present = new Set(files);
  return { platform, env, exists: (p) => present.has(p), playwrightChromium: () => own };
}

const playwrights = '/home/u/.cache/ms-playwright/chromium-1200/chrome-linux/chrome';

describe('findBrowser', () => {
  it('takes CHROMIUM_PATH first, and says so when it points nowhere', () => {
    expect(findBrowser(search('linux', ['/usr/bin/chromium', '/opt/x'], { CHROMIUM_PATH: '/opt/x' }))).toEqual({ ok: true, path: '/opt/x' });
    expect(findBrowser(search('linux', ['/usr/bin/chromium'], { CHROMIUM_PATH: '/opt/x' }))).toEqual({
      ok: false,
      message: 'CHROMIUM_PATH is set to /opt/x, but there is no file there',
    });
  });

  it('finds Chromium, then Chrome, then Edge where Linux puts them', () => {
    expect(findBrowser(search('linux', ['/usr/bin/chromium', '/usr/bin/google-chrome']))).toEqual({ ok: true, path: '/usr/bin/chromium' });
    expect(findBrowser(search('linux', ['/usr/bin/google-chrome-stable', '/usr/bin/microsoft-edge']))).toEqual({
      ok: true,
      path: '/usr/bin/google-chrome-stable',
    });
    expect(findBrowser(search('linux', ['/opt/microsoft/msedge/msedge']))).toEqual({ ok: true, path: '/opt/microsoft/msedge/msedge' });
  });

  it('finds Chrome or Edge on macOS, in /Applications or the home folder', () => {
    const chrome = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
    expect(findBrowser(search('darwin', [chrome]))).toEqual({ ok: true, path: chrome });
    const edge = '/Users/u/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge';
    expect(findBrowser(search('darwin', [edge], { HOME: '/Users/u' }))).toEqual({ ok: true, path: edge });
    // A Linux path means nothing on a Mac.
    expect(findBrowser(search('darwin', ['/usr/bin/chromium'])).ok).toBe(false);
  });

  it('finds Chrome or Edge on Windows under Program Files or the user’s local folder', () => {
    const env = { PROGRAMFILES: 'C:\\Program Files', 'PROGRAMFILES(X86)': 'C:\\Program Files (x86)', LOCALAPPDATA: 'C:\\Users\\u\\AppData\\Local' };
    const edge = 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe';
    expect(findBrowser(search('win32', [edge], env))).toEqual({ ok: true, path: edge });
    const chrome = 'C:\\Users\\u\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe';
    expect(findBrowser(search('win32', [edge, chrome], env))).toEqual({ ok: true, path: chrome });
  });

  it('falls back to Playwright’s own browser only when it is installed', () => {
    expect(findBrowser(search('darwin', [playwrights], {}, playwrights))).toEqual({ ok: true, path: playwrights });
    expect(findBrowser(search('darwin', [], {}, playwrights)).ok).toBe(false);
  });

  it('says in one line what to install: apt on Debian, Playwright elsewhere', () => {
    const debian = findBrowser(search('linux', ['/etc/debian_version']));
    expect(debian).toEqual({
      ok: false,
      message: 'No Chromium, Chrome or Edge found: install one with `sudo apt-get install -y chromium` (or set CHROMIUM_PATH to a browser)',
    });
    for (const platform of ['linux', 'darwin', 'win32'] as const) {
      const found = findBrowser(search(platform, []));
      expect(found.ok).toBe(false);
      if (!found.ok) {
        expect(found.message).toContain('`npx playwright install chromium`');
        expect(found.message).not.toContain('\n');
      }
    }
  });
});

import { existsSync } from 'node:fs';
import { posix, win32 } from 'node:path';

// Which Chromium-based browser the end-to-end tests and the renderer bench drive. People have one
// already far more often than Playwright's download works (offline and locked-down machines),
// so look where browsers are usually installed before falling back to Playwright's own.
// Order: CHROMIUM_PATH, then Chromium, Chrome and Edge where each platform puts them, then the
// browser `npx playwright install chromium` downloaded.

export interface BrowserSearch {
  platform: NodeJS.Platform;
  env: Readonly<Record<string, string | undefined>>;
  exists: (path: string) => boolean;
  /** Where Playwright's own Chromium would be (it may not be installed), or null. */
  playwrightChromium: () => string | null;
}

export type BrowserFound = { ok: true; path: string } | { ok: false; message: string };

/** The usual places, in order of preference, for this platform. */
export function browserCandidates(platform: NodeJS.Platform, env: BrowserSearch['env']): string[] {
  if (platform === 'win32') {
    const roots = [env.LOCALAPPDATA, env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.ProgramFiles, env['ProgramFiles(x86)']].filter((r): r is string =>
      Boolean(r),
    );
    const apps = [
      ['Chromium', 'Application', 'chrome.exe'],
      ['Google', 'Chrome', 'Application', 'chrome.exe'],
      ['Microsoft', 'Edge', 'Application', 'msedge.exe'],
    ];
    return [...new Set(apps.flatMap((app) => roots.map((root) => win32.join(root, ...app))))];
  }
  if (platform === 'darwin') {
    const apps = ['Chromium.app/Contents/MacOS/Chromium', 'Google Chrome.app/Contents/MacOS/Google Chrome', 'Microsoft Edge.app/Contents/MacOS/Microsoft Edge'];
    const folders = ['/Applications', ...(env.HOME ? [posix.join(env.HOME, 'Applications')] : [])];
    return apps.flatMap((app) => folders.map((folder) => posix.join(folder, app)));
  }
  return [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/snap/bin/chromium',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/opt/google/chrome/chrome',
    '/usr/bin/microsoft-edge',
    '/usr/bin/microsoft-edge-stable',
    '/opt/microsoft/msedge/msedge',
  ];
}

export function findBrowser(s: BrowserSearch): BrowserFound {
  const chosen = s.env.CHROMIUM_PATH;
  if (chosen) {
    return s.exists(chosen) ? { ok: true, path: chosen } : { ok: false, message: `CHROMIUM_PATH is set to ${chosen}, but there is no file there` };
  }
  const installed = browserCandidates(s.platform, s.env).find((p) => s.exists(p));
  if (installed) return { ok: true, path: installed };
  const own = s.playwrightChromium();
  if (own && s.exists(own)) return { ok: true, path: own };
  const install = s.platform === 'linux' && s.exists('/etc/debian_version') ? 'sudo apt-get install -y chromium' : 'npx playwright install chromium';
  return { ok: false, message: `No Chromium, Chrome or Edge found: install one with \`${install}\` (or set CHROMIUM_PATH to a browser)` };
}

/** For the test configs: the browser on this machine, or one line saying what to install, then exit. */
export function browserOrExit(playwrightChromium: () => string | null): string {
  const own = () => {
    try {
      return playwrightChromium();
    } catch {
      return null; // Playwright not able to say: treated as not installed, and the message says how to install it
    }
  };
  const found = findBrowser({ platform: process.platform, env: process.env, exists: existsSync, playwrightChromium: own });
  if (found.ok) return found.path;
  console.error(found.message);
  process.exit(1);
}

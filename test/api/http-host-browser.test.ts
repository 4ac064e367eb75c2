import { chromium, type Browser } from '@playwright/test';
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tabHeader } from '../../electron/core/host/http.js';
import { findBrowser } from '../support/browser.js';
import { testPassword } from '../support/accounts.js';
import { testManagerName } from '../support/core.js';
import { startTestHost } from '../support/host.js';

// Another web page in the same browser, served from ANOTHER local port, tries to use the
// browser-mode host. Such a page counts as the same site (cookies ignore ports), so the browser
// does send the access cookie with its requests: the Origin check, the preflight with no CORS
// answer and the per-tab id must stop it. A real headless Chromium does the trying, so this is
// what browsers do, not what we think they do.

const found = findBrowser({ platform: process.platform, env: process.env, exists: existsSync, playwrightChromium: () => chromium.executablePath() });
if (!found.ok) console.log(`Browser test skipped: ${found.message}`);

const formInput = { name: 'Form Nursery', urn: 'EY654321', type: 'nursery' };

interface Seen {
  method: string;
  path: string;
  origin: string | undefined;
  withCookie: boolean;
  status: number;
}

/** A page on its own port: the other site. Its form posts text/plain, the one body type a form can make look like JSON. */
function otherSite(target: string): Promise<{ server: Server; url: string }> {
  const [name, value] = [`${JSON.stringify(formInput).slice(0, -1)},"x":"`, '"}'];
  const html = `<!doctype html><html lang="en"><head><title>Other site</title></head><body>
<iframe name="sink" title="sink"></iframe>
<form id="form" method="POST" action="${target}api/settings.create" enctype="text/plain" target="sink"><input name='${name}' value='${value}'></form>
</body></html>`;
  const server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html));
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` })));
}

describe.skipIf(!found.ok)(`browser-mode host against another local site's page, in Chromium${found.ok ? '' : ` (skipped: ${found.message})`}`, () => {
  let browser: Browser;
  beforeAll(async () => {
    if (!found.ok) return;
    browser = await chromium.launch({ executablePath: found.path, args: ['--disable-gpu', '--disable-quic'] });
  });
  afterAll(async () => browser?.close());

  it('refuses fetch() with and without credentials and a form POST, writes nothing, and lets the page read nothing', async () => {
    const { host, core } = await startTestHost();
    const seen: Seen[] = [];
    host.server.on('request', (req, res) => {
      res.on('finish', () =>
        seen.push({
          method: req.method ?? '',
          path: req.url ?? '',
          origin: req.headers.origin,
          withCookie: (req.headers.cookie ?? '').includes(`${host.cookieName}=`),
          status: res.statusCode,
        }),
      );
    });
    const other = await otherSite(host.url);
    try {
      const context = await browser.newContext();
      // This browser is let in, and our own page can use the API: the refusals below are not for want of a cookie.
      const own = await context.newPage();
      await own.goto(host.accessUrl);
      expect(own.url()).toBe(host.url);
      const ownCall = await own.evaluate(
        async ({ header, signIn }) => {
          const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
            fetch(path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
          const tab = ((await (await post('/tab', {})).json()) as { value: { tab: string } }).value.tab;
          // Signed in, as a person would in the page, so only the site the call comes from differs below.
          await post('/api/session.signIn', signIn, { [header]: tab });
          const res = await post('/api/settings.list', {}, { [header]: tab });
          return { status: res.status, body: await res.text() };
        },
        { header: tabHeader, signIn: { userName: testManagerName, password: testPassword } },
      );
      expect(ownCall).toEqual({ status: 200, body: '{"ok":true,"value":[]}' });

      const page = await context.newPage();
      await page.goto(other.url);
      const otherOrigin = other.url.slice(0, -1);
      const attempts = await page.evaluate(
        async ({ target, input }) => {
          const results: Record<string, { error: string } | { status: number; type: string; text: string }> = {};
          const attempt = async (label: string, path: string, init: RequestInit) => {
            try {
              const res = await fetch(`${target}${path}`, init);
              results[label] = { status: res.status, type: res.type, text: await res.text() };
            } catch (err) {
              results[label] = { error: String(err) };
            }
          };
          const json = JSON.stringify(input);
          await attempt('JSON call with credentials', 'api/settings.create', {
            method: 'POST',
            credentials: 'include',
            headers: { 'content-type': 'application/json' },
            body: json,
          });
          await attempt('JSON call without credentials', 'api/settings.create', {
            method: 'POST',
            credentials: 'omit',
            headers: { 'content-type': 'application/json' },
            body: json,
          });
          await attempt('no-cors call with credentials', 'api/settings.create', { method: 'POST', mode: 'no-cors', credentials: 'include', body: json });
          await attempt('no-cors call without credentials', 'api/settings.create', { method: 'POST', mode: 'no-cors', credentials: 'omit', body: json });
          await attempt('tab id with credentials', 'tab', {
            method: 'POST',
            credentials: 'include',
            headers: { 'content-type': 'application/json' },
            body: '{}',
          });
          await attempt('no-cors tab id', 'tab', { method: 'POST', mode: 'no-cors', credentials: 'include', body: '{}' });
          await attempt('reading the page', '', { credentials: 'include' });
          await attempt('reading an asset', 'assets/app.js', { credentials: 'include' });
          return results;
        },
        { target: host.url, input: formInput },
      );
      // Every attempt either failed outright (no CORS answer) or came back opaque: status 0, nothing to read.
      for (const [label, result] of Object.entries(attempts)) {
        if ('error' in result) expect(result.error, label).toMatch(/TypeError/);
        else expect(result, label).toEqual({ status: 0, type: 'opaque', text: '' });
      }
      expect(Object.keys(attempts)).toHaveLength(8);

      // The form, into a frame of the other page: refused, and the frame cannot be read.
      const answered = page.waitForResponse(
        (r) => r.url() === `${host.url}api/settings.create` && r.request().method() === 'POST' && r.request().postData() !== null,
      );
      await page.evaluate(() => (document.getElementById('form') as HTMLFormElement).submit());
      expect((await answered).status()).toBe(403);
      const frameReadable = await page.evaluate(() => {
        try {
          return (document.querySelector('iframe') as HTMLIFrameElement).contentDocument?.body?.textContent ?? null;
        } catch {
          return null;
        }
      });
      expect(frameReadable).toBeNull();

      // What reached the host from the other page: the browser sent the cookie (same site), and the Origin check refused every one.
      const fromOther = seen.filter((s) => s.origin === otherOrigin);
      expect(fromOther.length).toBeGreaterThanOrEqual(6);
      expect(fromOther.some((s) => s.withCookie)).toBe(true);
      for (const s of fromOther) expect(s.status, `${s.method} ${s.path}`).toBe(403);
      expect(fromOther.filter((s) => s.method === 'POST' && s.path === '/api/settings.create').length).toBeGreaterThanOrEqual(3);
      // Nothing written.
      expect(core.invoke('app.info', {}).settingCount).toBe(0);
      await context.close();
    } finally {
      await new Promise((resolve) => other.server.close(resolve));
    }
  });
});

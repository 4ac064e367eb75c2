import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core.js';
import { contentSecurityPolicy, maxBodyBytes, tabHeader, type HttpHost } from '../../electron/core/host/http.js';
import { callApi, letIn, openTab, ownOrigin, raw, redeem, secret, startTestHost as start } from '../support/host.js';

// The browser-mode host serving the page and running API calls for a browser it let in. How a
// browser is let in is tested in http-host-access.test.ts, the request limits in
// http-host-limits.test.ts, and other sites' pages in a real browser in http-host-browser.test.ts.

/** A host and the headers of one page let in to it. */
async function startLetIn(options: Parameters<typeof start>[0] = {}) {
  const started = await start(options);
  return { ...started, page: await letIn(started.host) };
}

async function api(host: HttpHost, method: string, body: unknown, headers: Record<string, string>) {
  return callApi(host, method, body, headers);
}

function settingCount(core: Core): number {
  return core.invoke('app.info', {}).settingCount;
}

const acornInput = { name: 'Acorn Lane', urn: 'EY123456', type: 'nursery' };

describe('browser-mode host: the page', () => {
  it('listens on 127.0.0.1 only, on the port it reports', async () => {
    const { host } = await start();
    const address = host.server.address() as AddressInfo;
    expect(address.address).toBe('127.0.0.1');
    expect(address.family).toBe('IPv4');
    expect(host.port).toBe(address.port);
    expect(host.url).toBe(`http://127.0.0.1:${address.port}/`);
  });

  it('serves index.html at / to a browser it let in, as built (nothing secret put in it), with a CSP and no caching', async () => {
    const { host, page, staticDir } = await startLetIn();
    const res = await fetch(host.url, { headers: { cookie: page.cookie! } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.text()).toBe(readFileSync(join(staticDir, 'index.html'), 'utf8'));
  });

  it("gives each tab its own session: who is signed in to one tab is not another tab's", async () => {
    const { host, page } = await startLetIn();
    const tabB = { ...page, [tabHeader]: await openTab(host, page.cookie!) };
    expect(tabB[tabHeader]).not.toBe(page[tabHeader]);
    // The page signed in (letIn does, as a person would); the second tab has not.
    expect((await api(host, 'session.whoAmI', {}, page)).json).toMatchObject({ ok: true, value: { userName: 'test-manager' } });
    expect((await api(host, 'session.status', {}, tabB)).json).toMatchObject({ ok: true, value: { me: null } });
    expect((await api(host, 'settings.list', {}, tabB)).status).toBe(401);
  });

  it('serves other static files with their type', async () => {
    const { host, page } = await startLetIn();
    const res = await fetch(`${host.url}assets/app.js`, { headers: { cookie: page.cookie! } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    expect(await res.text()).toBe('console.log("hello");');
  });

  it('answers 404 for a file that does not exist and 405 for a POST to a page', async () => {
    const { host, page } = await startLetIn();
    const cookie = page.cookie!;
    expect((await fetch(`${host.url}nope.html`, { headers: { cookie } })).status).toBe(404);
    expect((await fetch(`${host.url}assets/`, { headers: { cookie } })).status).toBe(404);
    expect((await fetch(host.url, { method: 'POST', body: 'x', headers: { cookie, origin: ownOrigin(host) } })).status).toBe(405);
  });

  it.each([
    '/../secret.txt',
    '/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/..%2fsecret.txt',
    '/%2e%2e%2fsecret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/..%5csecret.txt',
    '/..%2fstatic-private%2fsecret.txt',
    '/%2fetc%2fpasswd',
    '/../package.json',
    '/%2e%2e/package.json',
  ])('does not serve %s from outside the static folder', async (path) => {
    const { host, page } = await startLetIn();
    const res = await raw(host, { path, headers: { host: `127.0.0.1:${host.port}`, cookie: page.cookie! } });
    expect(res.status).toBe(404);
    expect(res.body).not.toContain(secret);
    expect(res.body).not.toContain('root:');
  });

  it('answers 404, not a server error, for a path with broken percent-encoding', async () => {
    const { host, page } = await startLetIn();
    const res = await raw(host, { path: '/%E0%A4%A', headers: { host: `127.0.0.1:${host.port}`, cookie: page.cookie! } });
    expect(res.status).toBe(404);
  });

  // Guards the containment check: a root compared as 'dir/' + sep would refuse every file.
  it('serves the page when the static folder is given with a trailing separator', async () => {
    const { host, page } = await startLetIn({ staticDir: (dir) => `${dir}/` });
    const res = await fetch(host.url, { headers: { cookie: page.cookie! } });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<div id="root">');
  });
});

describe('browser-mode host: Host and Origin checks', () => {
  it('answers 421 to a request whose Host is not this server (DNS rebinding)', async () => {
    const { host, page } = await startLetIn();
    for (const name of ['evil.example', `evil.example:${host.port}`, '127.0.0.1', `127.0.0.1:${host.port + 1}`, `0.0.0.0:${host.port}`]) {
      const res = await raw(host, { path: '/', headers: { host: name, cookie: page.cookie! } });
      expect(res.status, name).toBe(421);
      expect(res.body).not.toContain('<div id="root">');
    }
  });

  it('answers 421 to an API call with a foreign Host even when let in, and runs nothing', async () => {
    const { host, core, page } = await startLetIn();
    const res = await raw(host, {
      method: 'POST',
      path: '/api/settings.create',
      headers: { ...page, host: `rebound.example:${host.port}`, 'content-type': 'application/json' },
      body: JSON.stringify(acornInput),
    });
    expect(res.status).toBe(421);
    expect(settingCount(core)).toBe(0);
  });

  it('answers 421 to a one-time address opened under a foreign Host, and the code stays unused', async () => {
    const { host } = await start();
    const path = host.accessUrl.slice(host.url.length - 1);
    const res = await raw(host, { path, headers: { host: `rebound.example:${host.port}` } });
    expect(res.status).toBe(421);
    expect(res.headers['set-cookie']).toBeUndefined();
    expect(await redeem(host)).toMatch(/^chatterbox-access-\d+=/);
  });

  it('accepts localhost:<port> as well as 127.0.0.1:<port>', async () => {
    const { host, page } = await startLetIn();
    const res = await raw(host, { path: '/', headers: { host: `localhost:${host.port}`, cookie: page.cookie! } });
    expect(res.status).toBe(200);
  });

  it('answers 403 to a POST from another site’s Origin even with the cookie and tab id, and runs nothing', async () => {
    const { host, core, page } = await startLetIn();
    const others = ['https://evil.example', `http://evil.example:${host.port}`, `https://127.0.0.1:${host.port}`, `http://127.0.0.1:${host.port + 1}`, 'null'];
    for (const origin of others) {
      for (const path of ['/api/settings.create', '/tab']) {
        const res = await raw(host, {
          method: 'POST',
          path,
          headers: { ...page, host: `127.0.0.1:${host.port}`, origin, 'content-type': 'application/json' },
          body: JSON.stringify(acornInput),
        });
        expect(res.status, `${origin} ${path}`).toBe(403);
        expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'UNAUTHORISED' } });
      }
    }
    expect(settingCount(core)).toBe(0);
  });

  it('answers 403 to a POST with no Origin at all, even with the cookie and tab id, and runs nothing', async () => {
    const { host, core, page } = await startLetIn();
    const { origin: _origin, ...withoutOrigin } = page;
    for (const path of ['/api/settings.create', '/tab']) {
      const res = await raw(host, {
        method: 'POST',
        path,
        headers: { ...withoutOrigin, host: `127.0.0.1:${host.port}`, 'content-type': 'application/json' },
        body: JSON.stringify(acornInput),
      });
      expect(res.status, path).toBe(403);
    }
    expect(settingCount(core)).toBe(0);
  });

  it.each(['cross-site', 'same-site', 'none'])('answers 403 to an API call the browser marks Sec-Fetch-Site: %s, and runs nothing', async (site) => {
    const { host, core, page } = await startLetIn();
    const res = await api(host, 'settings.create', acornInput, { ...page, 'sec-fetch-site': site });
    expect(res.status).toBe(403);
    expect(settingCount(core)).toBe(0);
  });

  it('accepts a POST whose Origin is this server', async () => {
    const { host, page } = await startLetIn();
    const res = await api(host, 'settings.list', {}, { ...page, origin: ownOrigin(host), 'sec-fetch-site': 'same-origin' });
    expect(res.status).toBe(200);
  });
});

describe('browser-mode host: API calls', () => {
  it('runs a call and answers 200 with { ok: true, value }', async () => {
    const { host, core, page } = await startLetIn();
    const created = await api(host, 'settings.create', acornInput, page);
    expect(created.status).toBe(200);
    expect(created.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(created.headers.get('cache-control')).toBe('no-store');
    expect(created.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    expect(created.json).toMatchObject({ ok: true, value: { name: 'Acorn Lane', urn: 'EY123456' } });
    expect(settingCount(core)).toBe(1);
    const listed = await api(host, 'settings.list', {}, page);
    expect(listed.json).toEqual({ ok: true, value: core.invoke('settings.list', {}) });
  });

  it('treats an empty body as {}', async () => {
    const { host, page } = await startLetIn();
    const res = await api(host, 'settings.list', '', page);
    expect(res).toMatchObject({ status: 200, json: { ok: true, value: [] } });
  });

  it.each(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x'])('answers 415 to content-type %s', async (contentType) => {
    const { host, core, page } = await startLetIn();
    const res = await api(host, 'settings.create', acornInput, { ...page, 'content-type': contentType });
    expect(res.status).toBe(415);
    expect(res.json).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', message: expect.stringMatching(/JSON/) } });
    expect(settingCount(core)).toBe(0);
  });

  it('answers 400 BAD_REQUEST to malformed JSON', async () => {
    const { host, page } = await startLetIn();
    const res = await api(host, 'settings.create', '{"name": "Acorn",', page);
    expect(res.status).toBe(400);
    expect(res.json).toEqual({ ok: false, error: { code: 'BAD_REQUEST', message: 'The request body is not valid JSON' } });
  });

  it('answers 413 to a body over 1 MiB, and runs nothing', async () => {
    const { host, core, page } = await startLetIn();
    const body = JSON.stringify({ ...acornInput, padding: 'x'.repeat(maxBodyBytes) });
    expect(Buffer.byteLength(body)).toBeGreaterThan(maxBodyBytes);
    const res = await api(host, 'settings.create', body, page);
    expect(res.status).toBe(413);
    expect(res.json).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', message: expect.stringMatching(/1024 KiB/) } });
    expect(settingCount(core)).toBe(0);
  });

  it('accepts a body of exactly 1 MiB', async () => {
    const { host, core, page } = await startLetIn();
    const start_ = JSON.stringify(acornInput).slice(0, -1) + ',"padding":"';
    const body = `${start_}${'x'.repeat(maxBodyBytes - Buffer.byteLength(start_) - 2)}"}`;
    expect(Buffer.byteLength(body)).toBe(maxBodyBytes);
    const res = await api(host, 'settings.create', body, page);
    expect(res.status).toBe(200);
    expect(settingCount(core)).toBe(1);
  });

  it('answers 400 BAD_REQUEST to an unknown method', async () => {
    const { host, page } = await startLetIn();
    const res = await api(host, 'settings.drop', {}, page);
    expect(res.status).toBe(400);
    expect(res.json).toEqual({ ok: false, error: { code: 'BAD_REQUEST', message: 'Unknown method: settings.drop' } });
    expect((await api(host, 'constructor', {}, page)).status).toBe(400);
  });

  // FAILS at the time of writing: decodeURIComponent throws URIError, which ends up as 500 INTERNAL.
  it('answers 400, not a server error, to a method name with broken percent-encoding', async () => {
    const { host, page } = await startLetIn();
    const res = await api(host, '%E0%A4%A', {}, page);
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  });

  it('answers 405 to an API call that is not a POST', async () => {
    const { host, page } = await startLetIn();
    const res = await fetch(`${host.url}api/settings.list`, { headers: page });
    expect(res.status).toBe(405);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  });

  it('answers 400 VALIDATION with the issues for bad input, and writes nothing', async () => {
    const { host, core, page } = await startLetIn();
    const res = await api(host, 'settings.create', { ...acornInput, name: '  ', urn: 'AB1' }, page);
    expect(res.status).toBe(400);
    expect(res.json).toEqual({
      ok: false,
      error: {
        code: 'VALIDATION',
        message: expect.stringMatching(/^2 problems/),
        issues: [
          { path: ['name'], message: 'Enter the setting name' },
          { path: ['urn'], message: expect.stringMatching(/URN must be 6 or 7 digits/) },
        ],
      },
    });
    expect(settingCount(core)).toBe(0);
  });

  it('answers 404 for NOT_FOUND and 409 for CONFLICT', async () => {
    const { host, page } = await startLetIn();
    const missing = await api(host, 'settings.get', { id: '3f1d2c4b-5a69-4e7f-8a1b-2c3d4e5f6a7b' }, page);
    expect(missing.status).toBe(404);
    expect(missing.json).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    await api(host, 'settings.create', acornInput, page);
    const duplicate = await api(host, 'settings.create', { ...acornInput, urn: 'ey123456' }, page);
    expect(duplicate.status).toBe(409);
    expect(duplicate.json).toMatchObject({ ok: false, error: { code: 'CONFLICT', issues: [{ path: ['urn'] }] } });
  });
});

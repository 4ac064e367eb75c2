import { request, type IncomingHttpHeaders } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core.js';
import { contentSecurityPolicy, maxBodyBytes, startHttpHost, tokenHeader, type HttpHost } from '../../electron/core/host/http.js';
import { testPassword } from '../support/accounts.js';
import { tempDir, testCore } from '../support/core.js';

const token = 'test-token-0123456789abcdefghijklmnopqrstuvwxyz';
const indexHtml = '<!doctype html><html lang="en-GB"><head><title>Chatterbox</title></head><body><div id="root"></div></body></html>';
const secret = 'TOP SECRET: outside the static folder';

const hosts: HttpHost[] = [];
afterEach(async () => {
  while (hosts.length) await hosts.pop()?.close();
});

/** A core, a static folder with index.html and an asset, a secret file beside it, and a host. */
async function start(options: { staticDir?: (dir: string) => string; token?: string | null } = {}) {
  const core = testCore();
  const root = tempDir();
  const staticDir = join(root, 'static');
  mkdirSync(join(staticDir, 'assets'), { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), indexHtml);
  writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log("hello");');
  writeFileSync(join(root, 'secret.txt'), secret);
  mkdirSync(join(root, 'static-private'));
  writeFileSync(join(root, 'static-private', 'secret.txt'), secret);
  const host = await startHttpHost({
    core,
    staticDir: options.staticDir ? options.staticDir(staticDir) : staticDir,
    port: 0,
    ...(options.token === null ? {} : { token: options.token ?? token }),
  });
  hosts.push(host);
  // The launch token's session signs in as the test core's manager, as a person would in the page.
  expect((await api(host, 'session.signIn', { userName: 'test-manager', password: testPassword }, { [tokenHeader]: host.token })).status).toBe(200);
  return { core, host, staticDir };
}

interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** node:http, because fetch may not set Host and normalises paths before sending them. */
function raw(host: HttpHost, options: { method?: string; path: string; headers?: Record<string, string>; body?: string }): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: host.port, method: options.method ?? 'GET', path: options.path, headers: options.headers ?? {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

async function api(host: HttpHost, method: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${host.url}api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [tokenHeader]: token, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, headers: res.headers, json: (await res.json()) as unknown };
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

  it('serves index.html at / with the token injected before </head>, a CSP and no caching', async () => {
    const { host } = await start();
    const res = await fetch(host.url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    expect(contentSecurityPolicy).toContain("default-src 'self'");
    expect(contentSecurityPolicy).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const html = await res.text();
    const pageToken = /<meta name="chatterbox-token" content="([A-Za-z0-9_-]+)"><\/head>/.exec(html)?.[1];
    expect(pageToken).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(html.indexOf('chatterbox-token')).toBeLessThan(html.indexOf('<body>'));
    // The page's own token opens the API for that page.
    const reply = await api(host, 'session.status', {}, { [tokenHeader]: pageToken ?? '' });
    expect(reply.status).toBe(200);
  });

  it("gives each page load its own token and session: who is signed in to one tab is not another tab's", async () => {
    const { host } = await start();
    const tokenOf = async () => /content="([A-Za-z0-9_-]+)"><\/head>/.exec(await (await fetch(host.url)).text())?.[1] ?? '';
    const [tabA, tabB] = [await tokenOf(), await tokenOf()];
    expect(tabA).not.toBe(tabB);
    expect(tabA).not.toBe(token);
    const signIn = await api(host, 'session.signIn', { userName: 'test-manager', password: testPassword }, { [tokenHeader]: tabA });
    expect(signIn.status).toBe(200);
    expect((await api(host, 'session.whoAmI', {}, { [tokenHeader]: tabA })).json).toMatchObject({ ok: true, value: { userName: 'test-manager' } });
    expect((await api(host, 'session.status', {}, { [tokenHeader]: tabB })).json).toMatchObject({ ok: true, value: { me: null } });
    expect((await api(host, 'settings.list', {}, { [tokenHeader]: tabB })).status).toBe(401);
  });

  it('makes a fresh random token for each launch when none is given', async () => {
    const first = await start({ token: null });
    const second = await start({ token: null });
    expect(first.host.token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(second.host.token).not.toBe(first.host.token);
    const page = await (await fetch(first.host.url)).text();
    expect(page).toContain('name="chatterbox-token"');
    expect(page).not.toContain(second.host.token);
  });

  it('serves other static files with their type, and without the token', async () => {
    const { host } = await start();
    const res = await fetch(`${host.url}assets/app.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    const text = await res.text();
    expect(text).toBe('console.log("hello");');
    expect(text).not.toContain(token);
  });

  it('answers 404 for a file that does not exist and 405 for a POST to a page', async () => {
    const { host } = await start();
    expect((await fetch(`${host.url}nope.html`)).status).toBe(404);
    expect((await fetch(`${host.url}assets/`)).status).toBe(404);
    expect((await fetch(host.url, { method: 'POST', body: 'x' })).status).toBe(405);
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
    const { host } = await start();
    const res = await raw(host, { path, headers: { host: `127.0.0.1:${host.port}` } });
    expect(res.status).toBe(404);
    expect(res.body).not.toContain(secret);
    expect(res.body).not.toContain('root:');
  });

  // FAILS at the time of writing: decodeURIComponent throws URIError, which ends up as 500 INTERNAL.
  it('answers 404, not a server error, for a path with broken percent-encoding', async () => {
    const { host } = await start();
    const res = await raw(host, { path: '/%E0%A4%A', headers: { host: `127.0.0.1:${host.port}` } });
    expect(res.status).toBe(404);
  });

  // Guards the containment check: a root compared as 'dir/' + sep would refuse every file.
  it('serves the page when the static folder is given with a trailing separator', async () => {
    const { host } = await start({ staticDir: (dir) => `${dir}/` });
    const res = await fetch(host.url);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('chatterbox-token');
  });
});

describe('browser-mode host: Host and Origin checks', () => {
  it('answers 421 to a request whose Host is not this server (DNS rebinding)', async () => {
    const { host } = await start();
    for (const name of ['evil.example', `evil.example:${host.port}`, '127.0.0.1', `127.0.0.1:${host.port + 1}`, `0.0.0.0:${host.port}`]) {
      const res = await raw(host, { path: '/', headers: { host: name } });
      expect(res.status, name).toBe(421);
      expect(res.body).not.toContain(token);
    }
  });

  it('answers 421 to an API call with a foreign Host even with the right token, and runs nothing', async () => {
    const { host, core } = await start();
    const res = await raw(host, {
      method: 'POST',
      path: '/api/settings.create',
      headers: { host: `rebound.example:${host.port}`, 'content-type': 'application/json', [tokenHeader]: token },
      body: JSON.stringify(acornInput),
    });
    expect(res.status).toBe(421);
    expect(settingCount(core)).toBe(0);
  });

  it('accepts localhost:<port> as well as 127.0.0.1:<port>', async () => {
    const { host } = await start();
    const res = await raw(host, { path: '/', headers: { host: `localhost:${host.port}` } });
    expect(res.status).toBe(200);
  });

  it('answers 403 to a POST from another site’s Origin, and runs nothing', async () => {
    const { host, core } = await start();
    for (const origin of ['https://evil.example', `http://evil.example:${host.port}`, `https://127.0.0.1:${host.port}`, 'null']) {
      const res = await raw(host, {
        method: 'POST',
        path: '/api/settings.create',
        headers: { host: `127.0.0.1:${host.port}`, origin, 'content-type': 'application/json', [tokenHeader]: token },
        body: JSON.stringify(acornInput),
      });
      expect(res.status, origin).toBe(403);
      expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'UNAUTHORISED' } });
    }
    expect(settingCount(core)).toBe(0);
  });

  it('accepts a POST whose Origin is this server', async () => {
    const { host } = await start();
    const res = await api(host, 'settings.list', {}, { origin: `http://127.0.0.1:${host.port}` });
    expect(res.status).toBe(200);
  });
});

describe('browser-mode host: API calls', () => {
  it('runs a call and answers 200 with { ok: true, value }', async () => {
    const { host, core } = await start();
    const created = await api(host, 'settings.create', acornInput);
    expect(created.status).toBe(200);
    expect(created.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(created.headers.get('cache-control')).toBe('no-store');
    expect(created.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    expect(created.json).toMatchObject({ ok: true, value: { name: 'Acorn Lane', urn: 'EY123456' } });
    expect(settingCount(core)).toBe(1);
    const listed = await api(host, 'settings.list', {});
    expect(listed.json).toEqual({ ok: true, value: core.invoke('settings.list', {}) });
  });

  it('treats an empty body as {}', async () => {
    const { host } = await start();
    const res = await api(host, 'settings.list', '');
    expect(res).toMatchObject({ status: 200, json: { ok: true, value: [] } });
  });

  it('answers 401 UNAUTHORISED without a token, and runs nothing', async () => {
    const { host, core } = await start();
    const res = await fetch(`${host.url}api/settings.create`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(acornInput),
    });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'UNAUTHORISED', message: expect.stringMatching(/access token/) } });
    expect(settingCount(core)).toBe(0);
  });

  it.each([
    ['a wrong token of the same length', token.replace(/.$/, '!')],
    ['a shorter token', token.slice(0, -1)],
    ['a longer token', `${token}x`],
    ['an empty token', ''],
  ])('answers 401 to %s', async (_label, given) => {
    const { host, core } = await start();
    const res = await api(host, 'settings.create', acornInput, { [tokenHeader]: given });
    expect(res.status).toBe(401);
    expect(res.json).toMatchObject({ ok: false, error: { code: 'UNAUTHORISED' } });
    expect(settingCount(core)).toBe(0);
  });

  it.each(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x'])('answers 415 to content-type %s', async (contentType) => {
    const { host, core } = await start();
    const res = await api(host, 'settings.create', acornInput, { 'content-type': contentType });
    expect(res.status).toBe(415);
    expect(res.json).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', message: expect.stringMatching(/JSON/) } });
    expect(settingCount(core)).toBe(0);
  });

  it('answers 400 BAD_REQUEST to malformed JSON', async () => {
    const { host } = await start();
    const res = await api(host, 'settings.create', '{"name": "Acorn",');
    expect(res.status).toBe(400);
    expect(res.json).toEqual({ ok: false, error: { code: 'BAD_REQUEST', message: 'The request body is not valid JSON' } });
  });

  it('answers 413 to a body over 1 MiB, and runs nothing', async () => {
    const { host, core } = await start();
    const body = JSON.stringify({ ...acornInput, padding: 'x'.repeat(maxBodyBytes) });
    expect(Buffer.byteLength(body)).toBeGreaterThan(maxBodyBytes);
    const res = await api(host, 'settings.create', body);
    expect(res.status).toBe(413);
    expect(res.json).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', message: expect.stringMatching(/1024 KiB/) } });
    expect(settingCount(core)).toBe(0);
  });

  it('accepts a body of exactly 1 MiB', async () => {
    const { host, core } = await start();
    const start_ = JSON.stringify(acornInput).slice(0, -1) + ',"padding":"';
    const body = `${start_}${'x'.repeat(maxBodyBytes - Buffer.byteLength(start_) - 2)}"}`;
    expect(Buffer.byteLength(body)).toBe(maxBodyBytes);
    const res = await api(host, 'settings.create', body);
    expect(res.status).toBe(200);
    expect(settingCount(core)).toBe(1);
  });

  it('answers 400 BAD_REQUEST to an unknown method', async () => {
    const { host } = await start();
    const res = await api(host, 'settings.drop', {});
    expect(res.status).toBe(400);
    expect(res.json).toEqual({ ok: false, error: { code: 'BAD_REQUEST', message: 'Unknown method: settings.drop' } });
    expect((await api(host, 'constructor', {})).status).toBe(400);
  });

  // FAILS at the time of writing: decodeURIComponent throws URIError, which ends up as 500 INTERNAL.
  it('answers 400, not a server error, to a method name with broken percent-encoding', async () => {
    const { host } = await start();
    const res = await api(host, '%E0%A4%A', {});
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  });

  it('answers 405 to an API call that is not a POST', async () => {
    const { host } = await start();
    const res = await fetch(`${host.url}api/settings.list`, { headers: { [tokenHeader]: token } });
    expect(res.status).toBe(405);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  });

  it('answers 400 VALIDATION with the issues for bad input, and writes nothing', async () => {
    const { host, core } = await start();
    const res = await api(host, 'settings.create', { ...acornInput, name: '  ', urn: 'AB1' });
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
    const { host } = await start();
    const missing = await api(host, 'settings.get', { id: '3f1d2c4b-5a69-4e7f-8a1b-2c3d4e5f6a7b' });
    expect(missing.status).toBe(404);
    expect(missing.json).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    await api(host, 'settings.create', acornInput);
    const duplicate = await api(host, 'settings.create', { ...acornInput, urn: 'ey123456' });
    expect(duplicate.status).toBe(409);
    expect(duplicate.json).toMatchObject({ ok: false, error: { code: 'CONFLICT', issues: [{ path: ['urn'] }] } });
  });
});

import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core.js';
import { securityHeaders, tabHeader, type HttpHost } from '../../electron/core/host/http.js';
import { callApi, letIn, openTab, ownOrigin, raw, redeem, startTestHost as start, type RawResponse } from '../support/host.js';

// How the browser-mode host lets a browser in: the one-time address printed at start becomes an
// HttpOnly, SameSite=Strict cookie; each tab then gets its own tab id; a call needs both. And
// what every answer carries: the security headers, never a CORS header.

const acornInput = { name: 'Acorn Lane', urn: 'EY123456', type: 'nursery' };
const settingCount = (core: Core) => core.invoke('app.info', {}).settingCount;
const hostHeader = (host: HttpHost) => ({ host: `127.0.0.1:${host.port}` });
/** The path and query of an address on this host, for raw requests. */
const pathOf = (address: string) => address.replace(/^http:\/\/[^/]+/, '');

describe('browser-mode host: the one-time address', () => {
  it('is the host’s address with a long random code, new for each host and each request', async () => {
    const first = await start();
    const second = await start();
    expect(first.host.accessUrl).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${first.host.port}/\\?code=[A-Za-z0-9_-]{43}$`));
    const fresh = first.host.newAccessUrl();
    expect(fresh).not.toBe(first.host.accessUrl);
    expect(second.host.accessUrl.split('code=')[1]).not.toBe(first.host.accessUrl.split('code=')[1]);
  });

  it('GET / alone reveals nothing: a plain page saying to use the printed address, no app, no cookie', async () => {
    const { host } = await start();
    for (const path of ['/', '/index.html', '/assets/app.js']) {
      const res = await raw(host, { path, headers: hostHeader(host) });
      expect(res.status, path).toBe(401);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.body).toMatch(/Open the address Chatterbox printed in its window when it started/);
      expect(res.body).not.toContain('<div id="root">');
      expect(res.body).not.toContain('console.log');
      expect(res.body).not.toContain(host.accessUrl.split('code=')[1]);
      expect(res.headers['set-cookie']).toBeUndefined();
    }
  });

  it('exchanges the code once for an HttpOnly, SameSite=Strict, Path=/ cookie and sends the browser to / without the code', async () => {
    const { host } = await start();
    const res = await raw(host, { path: pathOf(host.accessUrl), headers: hostHeader(host) });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/');
    expect(res.headers['cache-control']).toBe('no-store');
    const [cookie] = res.headers['set-cookie'] ?? [];
    const parts = (cookie ?? '').split(';').map((p) => p.trim());
    expect(parts[0]).toMatch(new RegExp(`^chatterbox-access-${host.port}=[A-Za-z0-9_-]{43}$`));
    expect(parts.slice(1).sort()).toEqual(['HttpOnly', 'Path=/', 'SameSite=Strict']);
    // The cookie is not the code: seeing the address later does not give the cookie.
    expect(parts[0]).not.toContain(host.accessUrl.split('code=')[1]);
    expect(res.body).toBe('');
  });

  it.each([
    ['a used code', (host: HttpHost) => host.accessUrl],
    ['a wrong code', (host: HttpHost) => `${host.url}?code=${'A'.repeat(43)}`],
    ['an empty code', (host: HttpHost) => `${host.url}?code=`],
  ])('refuses %s with a plain page saying to use the printed address, and no cookie', async (label, address) => {
    const { host } = await start();
    await redeem(host);
    const res = await raw(host, { path: pathOf(address(host)), headers: hostHeader(host) });
    expect(res.status, label).toBe(403);
    expect(res.body).toMatch(/has been used already/);
    expect(res.body).toMatch(/Open the address Chatterbox printed in its window when it started/);
    expect(res.body).toMatch(/press Enter in that window to print a fresh one/);
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('lets a fresh address in once, while the used one stays refused', async () => {
    const { host } = await start();
    await redeem(host);
    const fresh = host.newAccessUrl();
    expect(await redeem(host, fresh)).toMatch(/^chatterbox-access-/);
    expect((await raw(host, { path: pathOf(fresh), headers: hostHeader(host) })).status).toBe(403);
    expect((await raw(host, { path: pathOf(host.accessUrl), headers: hostHeader(host) })).status).toBe(403);
  });

  it('sends a browser already let in on to / when it opens a used address again', async () => {
    const { host } = await start();
    const cookie = await redeem(host);
    const res = await raw(host, { path: pathOf(host.accessUrl), headers: { ...hostHeader(host), cookie } });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/');
    expect(res.headers['set-cookie']).toBeUndefined();
  });
});

describe('browser-mode host: cookie and tab id, both required', () => {
  it('answers POST /tab only with the cookie, each time with a new tab id', async () => {
    const { host } = await start();
    const cookie = await redeem(host);
    const [a, b] = [await openTab(host, cookie), await openTab(host, cookie)];
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(b).not.toBe(a);
    const res = await fetch(`${host.url}tab`, { method: 'POST', headers: { origin: ownOrigin(host), 'content-type': 'application/json' }, body: '{}' });
    expect(res.status).toBe(401);
  });

  it.each([
    ['the cookie alone', (page: Record<string, string>) => ({ cookie: page.cookie!, origin: page.origin! })],
    ['the tab id alone', (page: Record<string, string>) => ({ [tabHeader]: page[tabHeader]!, origin: page.origin! })],
    ['a wrong cookie value', (page: Record<string, string>) => ({ ...page, cookie: page.cookie!.replace(/=.*/, `=${'B'.repeat(43)}`) })],
    ['the cookie under another port’s name', (page: Record<string, string>) => ({ ...page, cookie: page.cookie!.replace(/-\d+=/, '-1=') })],
    ['a wrong tab id', (page: Record<string, string>) => ({ ...page, [tabHeader]: 'C'.repeat(43) })],
    ['an empty tab id', (page: Record<string, string>) => ({ ...page, [tabHeader]: '' })],
  ])('refuses a call with %s (401 UNAUTHORISED), and runs nothing', async (_label, headersOf) => {
    const { host, core } = await start();
    const page = await letIn(host);
    const res = await callApi(host, 'settings.create', acornInput, headersOf(page));
    expect(res.status).toBe(401);
    expect(res.json).toMatchObject({ ok: false, error: { code: 'UNAUTHORISED' } });
    expect(settingCount(core)).toBe(0);
  });

  it('refuses a tab id opened by another browser (another cookie), and runs nothing', async () => {
    const { host, core } = await start();
    const mine = await letIn(host);
    const theirs = await letIn(host, host.newAccessUrl());
    const res = await callApi(host, 'settings.create', acornInput, { ...mine, [tabHeader]: theirs[tabHeader]! });
    expect(res.status).toBe(401);
    expect(settingCount(core)).toBe(0);
    // Each on its own works.
    expect((await callApi(host, 'settings.list', {}, mine)).status).toBe(200);
    expect((await callApi(host, 'settings.list', {}, theirs)).status).toBe(200);
  });
});

describe('browser-mode host: headers on every answer', () => {
  /** One of each kind of answer the host gives. */
  async function everyKindOfAnswer(): Promise<[string, RawResponse][]> {
    const { host } = await start();
    const page = await letIn(host);
    const as = (headers: Record<string, string>) => ({ ...hostHeader(host), ...headers });
    const json = { 'content-type': 'application/json' };
    const evil = { origin: 'https://evil.example' };
    return [
      ['the page', await raw(host, { path: '/', headers: as({ cookie: page.cookie! }) })],
      ['an asset', await raw(host, { path: '/assets/app.js', headers: as({ cookie: page.cookie! }) })],
      ['a missing file', await raw(host, { path: '/nope.js', headers: as({ cookie: page.cookie! }) })],
      ['the page without the cookie', await raw(host, { path: '/', headers: as({}) })],
      ['a used address', await raw(host, { path: pathOf(host.accessUrl), headers: as({}) })],
      ['a fresh address', await raw(host, { path: pathOf(host.newAccessUrl()), headers: as({}) })],
      ['a foreign Host', await raw(host, { path: '/', headers: { host: 'evil.example' } })],
      ['an API call', await raw(host, { method: 'POST', path: '/api/settings.list', headers: as({ ...page, ...json }), body: '{}' })],
      ['an API refusal', await raw(host, { method: 'POST', path: '/api/settings.create', headers: as({ ...page, ...json }), body: '{}' })],
      [
        'a call without the tab id',
        await raw(host, { method: 'POST', path: '/api/settings.list', headers: as({ cookie: page.cookie!, ...json }), body: '{}' }),
      ],
      ['a tab id', await raw(host, { method: 'POST', path: '/tab', headers: as({ cookie: page.cookie!, origin: page.origin!, ...json }), body: '{}' })],
      ['another site’s call', await raw(host, { method: 'POST', path: '/api/settings.list', headers: as({ ...page, ...json, ...evil }), body: '{}' })],
      [
        'a CORS preflight',
        await raw(host, {
          method: 'OPTIONS',
          path: '/api/settings.create',
          headers: as({ ...evil, 'access-control-request-method': 'POST', 'access-control-request-headers': `content-type, ${tabHeader}` }),
        }),
      ],
      ['a GET of the API', await raw(host, { method: 'GET', path: '/api/settings.list', headers: as({ cookie: page.cookie! }) })],
    ];
  }

  it('carries CSP, nosniff, frame denial, no referrer and same-origin opener and resource policies on each', async () => {
    const answers = await everyKindOfAnswer();
    for (const [label, res] of answers) {
      for (const [name, value] of Object.entries(securityHeaders)) expect(res.headers[name], `${label}: ${name}`).toBe(value);
    }
    expect(securityHeaders).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'no-referrer',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-resource-policy': 'same-origin',
    });
    expect(securityHeaders['content-security-policy']).toContain("frame-ancestors 'none'");
  });

  it('never sends a CORS header, not even to a preflight', async () => {
    for (const [label, res] of await everyKindOfAnswer()) {
      expect(
        Object.keys(res.headers).filter((h) => h.startsWith('access-control-')),
        label,
      ).toEqual([]);
    }
  });

  it('refuses the CORS preflight and sends no-store on every API answer', async () => {
    const answers = new Map(await everyKindOfAnswer());
    expect(answers.get('a CORS preflight')?.status).toBe(403);
    for (const label of ['an API call', 'an API refusal', 'a call without the tab id', 'a tab id', 'another site’s call', 'a GET of the API']) {
      expect(answers.get(label)?.headers['cache-control'], label).toBe('no-store');
    }
  });
});

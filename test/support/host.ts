import { mkdirSync, writeFileSync } from 'node:fs';
import { request, type IncomingHttpHeaders } from 'node:http';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { startHttpHost, tabHeader, type HttpHost, type HttpHostOptions } from '../../electron/core/host/http.js';
import { testPassword } from './accounts.js';
import { tempDir, testCore, testManagerName } from './core.js';

// Browser-mode host helpers for tests: a host on a test core, and a caller let in the way a
// browser is (the one-time address, its cookie, then a tab id), so tests use no other door.

export const indexHtml = '<!doctype html><html lang="en-GB"><head><title>Chatterbox</title></head><body><div id="root"></div></body></html>';
export const secret = 'TOP SECRET: outside the static folder';

const hosts: HttpHost[] = [];
afterEach(async () => {
  while (hosts.length) await hosts.pop()?.close();
});

/** A core, a static folder with index.html and an asset, a secret file beside it, and a host. */
export async function startTestHost(options: { staticDir?: (dir: string) => string; limits?: HttpHostOptions['limits'] } = {}) {
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
    ...(options.limits ? { limits: options.limits } : {}),
  });
  hosts.push(host);
  return { core, host, staticDir };
}

export const ownOrigin = (host: HttpHost) => `http://127.0.0.1:${host.port}`;

/** Opens a one-time address as a browser would: the access cookie ("name=value") it hands out. */
export async function redeem(host: HttpHost, address = host.accessUrl): Promise<string> {
  const res = await fetch(address, { redirect: 'manual' });
  const cookie = res.headers.getSetCookie()[0]?.split(';')[0];
  if (res.status !== 303 || !cookie) throw new Error(`${address} answered ${res.status} without a cookie`);
  return cookie;
}

/** Asks for a tab id with a cookie, as the page does. */
export async function openTab(host: HttpHost, cookie: string): Promise<string> {
  const res = await fetch(`${host.url}tab`, { method: 'POST', headers: { cookie, origin: ownOrigin(host), 'content-type': 'application/json' }, body: '{}' });
  const body = (await res.json()) as { ok: boolean; value?: { tab: string } };
  if (!body.value) throw new Error(`POST /tab answered ${res.status}: ${JSON.stringify(body)}`);
  return body.value.tab;
}

/**
 * The headers of a page let in through the host's own door (cookie, Origin and a tab id), signed
 * in as the test core's manager as a person would in the page; `signIn: false` leaves it signed out.
 */
export async function letIn(host: HttpHost, address = host.accessUrl, options: { signIn?: boolean } = {}): Promise<Record<string, string>> {
  const cookie = await redeem(host, address);
  const page = { cookie, origin: ownOrigin(host), [tabHeader]: await openTab(host, cookie) };
  if (options.signIn === false) return page;
  const signedIn = await callApi(host, 'session.signIn', { userName: testManagerName, password: testPassword }, page);
  if (signedIn.status !== 200) throw new Error(`Signing in answered ${signedIn.status}: ${JSON.stringify(signedIn.json)}`);
  return page;
}

/** An API call with the given headers (a let-in caller's, usually). */
export async function callApi(host: HttpHost, method: string, body: unknown, headers: Record<string, string>) {
  const res = await fetch(`${host.url}api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, headers: res.headers, json: (await res.json()) as unknown };
}

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** node:http, because fetch may not set Host and normalises paths before sending them. */
export function raw(host: HttpHost, options: { method?: string; path: string; headers?: Record<string, string>; body?: string }): Promise<RawResponse> {
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

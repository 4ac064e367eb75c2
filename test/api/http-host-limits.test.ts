import { connect, type Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core.js';
import { defaultRequestLimits, type HttpHost } from '../../electron/core/host/http.js';
import { callApi, letIn, startTestHost } from '../support/host.js';

// A slow or never-finished request must not hold the browser-mode host. These tests give the
// host short limits (an option) so they finish soon, and assert only what happens (other
// requests are served, the slow socket is closed, nothing is written), never how fast.

const shortLimits = { headersMs: 1_000, requestMs: 2_000, keepAliveMs: 1_000, checkEveryMs: 100 };
const acornInput = JSON.stringify({ name: 'Acorn Lane', urn: 'EY123456', type: 'nursery' });
const settingCount = (core: Core) => core.invoke('app.info', {}).settingCount;

/** A raw connection to the host: what it receives, and a promise that settles when the host closes it. */
function rawSocket(host: HttpHost): Promise<{ socket: Socket; received: () => string; closed: Promise<void> }> {
  return new Promise((resolve, reject) => {
    const socket = connect(host.port, '127.0.0.1');
    let data = '';
    socket.on('data', (chunk: Buffer) => (data += chunk.toString('latin1')));
    const closed = new Promise<void>((done) => socket.on('close', () => done()));
    socket.once('error', reject);
    socket.once('connect', () => resolve({ socket, received: () => data, closed }));
  });
}

describe('browser-mode host: request limits', () => {
  it('sets the time and connection limits on the server, with defaults that suit people', async () => {
    const { host } = await startTestHost();
    expect(host.server.headersTimeout).toBe(defaultRequestLimits.headersMs);
    expect(host.server.requestTimeout).toBe(defaultRequestLimits.requestMs);
    expect(host.server.keepAliveTimeout).toBe(defaultRequestLimits.keepAliveMs);
    expect(host.server.maxConnections).toBeGreaterThan(6);
    expect(host.server.maxRequestsPerSocket).toBeGreaterThan(0);
    // No limit switched off (0 means none in Node).
    for (const value of Object.values(defaultRequestLimits)) expect(value).toBeGreaterThan(0);
    expect(defaultRequestLimits.headersMs).toBeLessThanOrEqual(defaultRequestLimits.requestMs);
  });

  it('closes a connection that sends half its headers, and serves others meanwhile', async () => {
    const { host, core } = await startTestHost({ limits: shortLimits });
    const page = await letIn(host);
    const slow = await rawSocket(host);
    slow.socket.write(`POST /api/settings.create HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nContent-Type: appl`);
    // While it hangs, another caller is served in full.
    const other = await callApi(host, 'settings.create', JSON.parse(acornInput), page);
    expect(other.status).toBe(200);
    await slow.closed;
    expect(slow.received()).toMatch(/^HTTP\/1\.1 408 /);
    expect(settingCount(core)).toBe(1);
  });

  it('closes a connection that never finishes its body, runs nothing, and serves others meanwhile', async () => {
    const { host, core } = await startTestHost({ limits: shortLimits });
    const page = await letIn(host);
    const slow = await rawSocket(host);
    const headers = Object.entries({ ...page, host: `127.0.0.1:${host.port}`, 'content-type': 'application/json', 'content-length': String(acornInput.length) })
      .map(([name, value]) => `${name}: ${value}\r\n`)
      .join('');
    slow.socket.write(`POST /api/settings.create HTTP/1.1\r\n${headers}\r\n${acornInput.slice(0, 10)}`);
    expect((await callApi(host, 'settings.list', {}, page)).status).toBe(200);
    await slow.closed;
    expect(slow.received()).toMatch(/^HTTP\/1\.1 408 /);
    expect(settingCount(core)).toBe(0);
    // The host is still fine afterwards.
    expect((await callApi(host, 'settings.create', JSON.parse(acornInput), page)).status).toBe(200);
    expect(settingCount(core)).toBe(1);
  });

  it('closes an idle kept-alive connection after its answer', async () => {
    const { host } = await startTestHost({ limits: shortLimits });
    const idle = await rawSocket(host);
    idle.socket.write(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nConnection: keep-alive\r\n\r\n`);
    await idle.closed;
    // It got its answer (the plain page: no cookie), then the host closed the idle connection.
    expect(idle.received()).toMatch(/^HTTP\/1\.1 401 [\s\S]*keep-alive/i);
  });

  it('lets the host stop while a request is still unfinished', async () => {
    const { host } = await startTestHost();
    const slow = await rawSocket(host);
    slow.socket.write(`GET / HTTP/1.1\r\nHost: 127.0.0.1`);
    await host.close();
    await slow.closed;
    expect(host.server.listening).toBe(false);
  });
});

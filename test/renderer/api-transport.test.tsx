// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startupTransport } from '../../renderer/api.js';

// Browser mode's transport in the page: it asks the host for this tab's id once, keeps it in
// sessionStorage, sends it with each call, and asks again when the host no longer knows it.

interface Sent {
  path: string;
  tab: string | null;
  body: string;
}

/** A fake host: POST tab answers a new id each time; api/* answers 401 for ids it does not know. */
function fakeHost(known: Set<string>) {
  const sent: Sent[] = [];
  let next = 0;
  const fetchMock = vi.fn(async (path: string, init: RequestInit) => {
    const headers = new Headers(init.headers);
    sent.push({ path, tab: headers.get('x-chatterbox-tab'), body: String(init.body) });
    expect(init.method).toBe('POST');
    expect(headers.get('content-type')).toBe('application/json');
    if (path === 'tab') {
      const tab = `tab-${++next}`;
      known.add(tab);
      return new Response(JSON.stringify({ ok: true, value: { tab } }));
    }
    const tab = headers.get('x-chatterbox-tab');
    if (!tab || !known.has(tab)) return new Response(JSON.stringify({ ok: false, error: { code: 'UNAUTHORISED', message: 'no tab' } }), { status: 401 });
    return new Response(JSON.stringify({ ok: true, value: { path, tab } }));
  });
  vi.stubGlobal('fetch', fetchMock);
  return { sent };
}

beforeEach(() => sessionStorage.clear());
afterEach(() => vi.unstubAllGlobals());

describe('browser-mode transport', () => {
  it('asks for a tab id once, keeps it in sessionStorage and sends it with every call', async () => {
    const { sent } = fakeHost(new Set());
    const transport = startupTransport();
    const [a, b] = await Promise.all([transport('settings.list', {}), transport('app.info', {})]);
    expect(a).toEqual({ ok: true, value: { path: 'api/settings.list', tab: 'tab-1' } });
    expect(b).toEqual({ ok: true, value: { path: 'api/app.info', tab: 'tab-1' } });
    expect(sent.filter((s) => s.path === 'tab')).toHaveLength(1);
    expect(sessionStorage.getItem('chatterbox-tab')).toBe('tab-1');
  });

  it('keeps the tab’s id across a reload (a new transport in the same tab)', async () => {
    const known = new Set(['tab-kept']);
    sessionStorage.setItem('chatterbox-tab', 'tab-kept');
    const { sent } = fakeHost(known);
    expect(await startupTransport()('settings.list', {})).toMatchObject({ ok: true, value: { tab: 'tab-kept' } });
    expect(sent.map((s) => s.path)).toEqual(['api/settings.list']);
  });

  it('asks for a new tab id when the host no longer knows the kept one (Chatterbox restarted), and calls again', async () => {
    sessionStorage.setItem('chatterbox-tab', 'tab-forgotten');
    const { sent } = fakeHost(new Set());
    expect(await startupTransport()('settings.list', {})).toEqual({ ok: true, value: { path: 'api/settings.list', tab: 'tab-1' } });
    expect(sent.map((s) => [s.path, s.tab])).toEqual([
      ['api/settings.list', 'tab-forgotten'],
      ['tab', null],
      ['api/settings.list', 'tab-1'],
    ]);
    expect(sessionStorage.getItem('chatterbox-tab')).toBe('tab-1');
  });

  it('passes the host’s refusal on when the browser has not been let in at all', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(JSON.stringify({ ok: false, error: { code: 'UNAUTHORISED', message: 'not let in' } }), { status: 401 })),
    );
    expect(await startupTransport()('settings.list', {})).toEqual({ ok: false, error: { code: 'UNAUTHORISED', message: 'not let in' } });
    expect(sessionStorage.getItem('chatterbox-tab')).toBeNull();
  });

  it('says Chatterbox is not running when the host cannot be reached', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('Failed to fetch');
      }),
    );
    expect(await startupTransport()('settings.list', {})).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL', message: expect.stringMatching(/not running/) },
    });
  });
});

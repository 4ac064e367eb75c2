import type { MethodInput, MethodName, MethodOutput } from '../shared/contract/index.js';
import { ApiCallError, type ApiResult } from '../shared/errors.js';

// The renderer's only way to the core. In Electron the preload exposes `window.chatterbox.call`
// (IPC); in browser mode we POST to the local host with this tab's id (see httpTransport). The app
// picks one at start-up (main.tsx) and hands the client to components through ApiProvider, so
// components never learn which transport carried a call, and tests can give them a fake one.

interface Bridge {
  transport: 'ipc';
  call(method: string, input: unknown): Promise<unknown>;
}

declare global {
  interface Window {
    chatterbox?: Bridge;
  }
}

/** Carries one call to the core and brings back the core's envelope: ok with a value, or an error. */
export type Transport = (method: MethodName, input: unknown) => Promise<ApiResult<unknown>>;

/** The typed client: method M's input in, M's output out; a refusal rejects with an ApiCallError. */
export type Api = <M extends MethodName>(method: M, input: MethodInput<M>) => Promise<MethodOutput<M>>;

function ipcTransport(bridge: Bridge): Transport {
  return async (method, input) => (await bridge.call(method, input)) as ApiResult<unknown>;
}

/** Where a browser tab keeps its tab id: sessionStorage lives exactly as long as the tab. */
const tabKey = 'chatterbox-tab';

const notRunning = 'Chatterbox is not running. Start it again, then open the address it prints.';

async function postJson(path: string, headers: Record<string, string>, body: unknown): Promise<ApiResult<unknown>> {
  let response: Response;
  try {
    response = await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body ?? {}) });
  } catch {
    return { ok: false, error: { code: 'INTERNAL', message: notRunning } };
  }
  try {
    return (await response.json()) as ApiResult<unknown>;
  } catch {
    return { ok: false, error: { code: 'INTERNAL', message: `Unexpected reply from Chatterbox (HTTP ${response.status})` } };
  }
}

function httpTransport(): Transport {
  // The browser was let in by the address Chatterbox printed (an HttpOnly cookie this script
  // cannot see). Each tab then asks for its own tab id, its session (who is using the app here).
  // A reload keeps the tab's id, as a desktop window keeps its session when reloaded; if the host
  // no longer knows it (Chatterbox was restarted), the tab asks for a new one.
  let tab: Promise<string | ApiResult<unknown>> | null = null;
  function tabId(fresh: boolean): Promise<string | ApiResult<unknown>> {
    const kept = fresh ? null : sessionStorage.getItem(tabKey);
    if (kept) return Promise.resolve(kept);
    tab ??= postJson('tab', {}, {}).then((result) => {
      tab = null;
      if (!result.ok) return result;
      const id = (result.value as { tab: string }).tab;
      sessionStorage.setItem(tabKey, id);
      return id;
    });
    return tab;
  }

  async function post(method: MethodName, input: unknown, fresh: boolean): Promise<ApiResult<unknown>> {
    const id = await tabId(fresh);
    if (typeof id !== 'string') return id;
    return postJson(`api/${method}`, { 'x-chatterbox-tab': id }, input);
  }

  return async (method, input) => {
    const result = await post(method, input, false);
    if (!result.ok && result.error.code === 'UNAUTHORISED') {
      sessionStorage.removeItem(tabKey);
      return post(method, input, true);
    }
    return result;
  };
}

/** True in the desktop app (the preload's IPC bridge), where Electron can save a page as a PDF itself. */
export function inDesktopApp(): boolean {
  return typeof window !== 'undefined' && window.chatterbox?.transport === 'ipc';
}

/** The transport for this window: the preload's IPC bridge in Electron, else the browser-mode host. */
export function startupTransport(): Transport {
  return window.chatterbox ? ipcTransport(window.chatterbox) : httpTransport();
}

/** Waits between tries when the core answers BUSY: short, growing, and few. */
export const busyRetryDelaysMs: readonly number[] = [200, 500, 1200];

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * A typed client over any transport: the real ones at start-up, a fake one in component tests.
 * BUSY (another window or the command line was writing) is tried again a few times: the core
 * saved nothing, so a repeat cannot save twice; after the last try its message is shown.
 */
export function createApi(transport: Transport, retryDelaysMs: readonly number[] = busyRetryDelaysMs): Api {
  return async <M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> => {
    let result = await transport(method, input);
    for (const delay of retryDelaysMs) {
      if (result.ok || result.error.code !== 'BUSY') break;
      await pause(delay);
      result = await transport(method, input);
    }
    if (!result.ok) throw new ApiCallError(result.error);
    // The core validated the input against method M's schema and ran M's handler.
    return result.value as MethodOutput<M>;
  };
}

import type { MethodInput, MethodName, MethodOutput } from '../shared/contract/index.js';
import { ApiCallError, type ApiResult } from '../shared/errors.js';

// The renderer's only way to the core. In Electron the preload exposes `window.chatterbox.call`
// (IPC); in browser mode we POST to the local host with the token it put in the page. The app
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

/** Where a browser tab keeps its session token: sessionStorage lives exactly as long as the tab. */
const sessionKey = 'chatterbox-session';

function httpTransport(): Transport {
  const pageToken = document.querySelector<HTMLMetaElement>('meta[name="chatterbox-token"]')?.content ?? '';
  // Each page load is given its own session (who is using the app in this tab). A reload keeps
  // the tab's earlier one, as a desktop window keeps its session when reloaded; if the host no
  // longer knows it (Chatterbox was restarted), the token this page came with takes over.
  let token = sessionStorage.getItem(sessionKey) ?? pageToken;
  sessionStorage.setItem(sessionKey, token);

  async function post(method: MethodName, input: unknown): Promise<ApiResult<unknown>> {
    let response: Response;
    try {
      response = await fetch(`api/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-chatterbox-token': token },
        body: JSON.stringify(input ?? {}),
      });
    } catch {
      return { ok: false, error: { code: 'INTERNAL', message: 'Chatterbox is not running. Start it again, then reload this page.' } };
    }
    try {
      return (await response.json()) as ApiResult<unknown>;
    } catch {
      return { ok: false, error: { code: 'INTERNAL', message: `Unexpected reply from Chatterbox (HTTP ${response.status})` } };
    }
  }

  return async (method, input) => {
    const result = await post(method, input);
    if (!result.ok && result.error.code === 'UNAUTHORISED' && token !== pageToken) {
      token = pageToken;
      sessionStorage.setItem(sessionKey, token);
      return post(method, input);
    }
    return result;
  };
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

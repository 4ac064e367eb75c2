import type { MethodInput, MethodName, MethodOutput } from '../shared/contract/index.js';
import { ApiCallError, type ApiResult } from '../shared/errors.js';

// The renderer's only way to the core. In Electron the preload exposes `window.chatterbox.call`
// (IPC); in browser mode we POST to the local host with the token it put in the page. Components
// call `api(method, input)` and never learn which transport carried it.

interface Bridge {
  transport: 'ipc';
  call(method: string, input: unknown): Promise<unknown>;
  printToPdf(): Promise<unknown>;
}

declare global {
  interface Window {
    chatterbox?: Bridge;
  }
}

type Transport = (method: string, input: unknown) => Promise<ApiResult<unknown>>;

function ipcTransport(bridge: Bridge): Transport {
  return async (method, input) => (await bridge.call(method, input)) as ApiResult<unknown>;
}

function httpTransport(): Transport {
  const token = document.querySelector<HTMLMetaElement>('meta[name="chatterbox-token"]')?.content ?? '';
  return async (method, input) => {
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
  };
}

const transport: Transport = window.chatterbox ? ipcTransport(window.chatterbox) : httpTransport();

export const transportName: 'ipc' | 'http' = window.chatterbox ? 'ipc' : 'http';

/** Calls one API method; resolves to its output or rejects with an ApiCallError. */
export async function api<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const result = await transport(method, input);
  if (!result.ok) throw new ApiCallError(result.error);
  // The core validated the input against method M's schema and ran M's handler.
  return result.value as MethodOutput<M>;
}

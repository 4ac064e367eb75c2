// The sandboxed preload: CommonJS, and it may only require 'electron'. It exposes one function,
// `call`, which sends each API method on its own named channel ('api:children.list', ...); the
// main process registers a handler only for the contract's methods, so nothing else gets through.
import { contextBridge, ipcRenderer } from 'electron';

// A domain may be two words in camel case (settingTargets.list).
const methodPattern = /^[a-z][a-zA-Z]*\.[a-zA-Z]+$/;

contextBridge.exposeInMainWorld('chatterbox', {
  transport: 'ipc',
  call(method: string, input: unknown): Promise<unknown> {
    if (typeof method !== 'string' || !methodPattern.test(method)) {
      return Promise.resolve({ ok: false, error: { code: 'BAD_REQUEST', message: 'Unknown method' } });
    }
    return ipcRenderer.invoke(`api:${method}`, input);
  },
});

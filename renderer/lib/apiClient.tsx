import { createContext, useContext, type ReactNode } from 'react';
import type { Api } from '../api.js';

// The API client reaches components through context rather than a module-level singleton, so a
// test can render any page over a fake transport. There is no default: a page rendered without a
// provider fails at once, instead of quietly trying to reach a core that is not there.
const ApiContext = createContext<Api | null>(null);

export function ApiProvider({ api, children }: { api: Api; children: ReactNode }) {
  return <ApiContext.Provider value={api}>{children}</ApiContext.Provider>;
}

/** The client for calls a component makes itself (saves, deletes, downloads); loads go through useApi. */
export function useApiClient(): Api {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApiClient outside ApiProvider');
  return api;
}

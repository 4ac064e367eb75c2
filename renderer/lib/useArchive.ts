import type { MethodInput, MethodName } from '../../shared/contract/index.js';
import { useApiClient } from './apiClient.js';
import { useAppState } from './appState.js';

/** The `<domain>.archive` methods that take just an id and whether to archive. */
type ArchiveMethod = {
  [K in MethodName]: K extends `${string}.archive` ? ({ id: string; archived: boolean } extends MethodInput<K> ? K : never) : never;
}[MethodName];

/**
 * Archives or restores one record, says so with an Undo that does the opposite, then runs
 * `after` to refresh what shows it. A refusal rejects, for the caller to show.
 */
export function useArchive<M extends ArchiveMethod>(method: M, after: () => void) {
  const api = useApiClient();
  const { notify } = useAppState();
  return async (id: string, archived: boolean, message: string) => {
    // M's input is exactly { id, archived } (see ArchiveMethod); TypeScript cannot see that through the generic.
    const toggle = (to: boolean) => ({ id, archived: to }) as MethodInput<M>;
    await api(method, toggle(archived));
    after();
    notify({ message, undo: () => api(method, toggle(!archived)) });
  };
}

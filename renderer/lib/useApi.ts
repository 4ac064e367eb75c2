import { useCallback, useContext, useEffect, useRef, useState } from 'react';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/contract/index.js';
import { ApiCallError } from '../../shared/errors.js';
import { useApiClient } from './apiClient.js';
import { DataVersionContext } from './appState.js';

export interface Loaded<T> {
  data: T | undefined;
  error: ApiCallError | undefined;
  loading: boolean;
  reload: () => void;
}

/**
 * Loads one API method's result and reloads when the input changes. The input is compared by its
 * JSON, so callers can pass a fresh object literal on every render. Late answers to an older
 * input are dropped, so typing fast in a search box never shows stale rows.
 */
export function useApi<M extends MethodName>(method: M, input: MethodInput<M> | null): Loaded<MethodOutput<M>> {
  const [data, setData] = useState<MethodOutput<M>>();
  const [error, setError] = useState<ApiCallError>();
  const [version, setVersion] = useState(0);
  const key = input === null ? null : JSON.stringify(input);
  const latest = useRef(0);
  const dataVersion = useContext(DataVersionContext);
  const api = useApiClient();
  // Loading is derived, not set: the request asked for now differs from the last one answered.
  const request = `${method} ${version} ${dataVersion} ${key ?? ''}`;
  const [answered, setAnswered] = useState<string>();

  useEffect(() => {
    if (key === null) return;
    const ticket = ++latest.current;
    api(method, JSON.parse(key) as MethodInput<M>).then(
      (value) => {
        if (ticket !== latest.current) return;
        setData(value);
        setError(undefined);
        setAnswered(request);
      },
      (err: unknown) => {
        if (ticket !== latest.current) return;
        setError(err instanceof ApiCallError ? err : new ApiCallError({ code: 'INTERNAL', message: String(err) }));
        setAnswered(request);
      },
    );
  }, [api, method, key, request]);
  const loading = answered !== request;

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { data, error, loading, reload };
}

import type { MethodInput, MethodName, MethodOutput } from '../../shared/contract.js';
import { ApiCallError, type ApiResult } from '../../shared/errors.js';
import { dispatch, dispatchAsync, type DispatchOptions } from './api/registry.js';
import { createRepos, systemClock, type Clock, type CoreContext } from './context.js';
import { openDatabase, type OpenOptions } from './db/open.js';

export interface CoreOptions extends OpenOptions, DispatchOptions {
  databasePath: string;
  clock?: Clock;
}

/** The app's core: one open database and the API over it. Every transport holds one of these. */
export interface Core {
  readonly context: CoreContext;
  /** Untyped entry for synchronous methods: whatever arrives is validated against the contract. */
  call(method: string, input: unknown): ApiResult<unknown>;
  /** Untyped entry for the transports: every method, asynchronous ones included. */
  callAsync(method: string, input: unknown): Promise<ApiResult<unknown>>;
  /** Typed entry for in-process callers (CLI, demo, tests): throws ApiCallError on failure. */
  invoke<M extends MethodName>(method: M, input: MethodInput<M>): MethodOutput<M>;
  invokeAsync<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
  close(): void;
}

export function createCore(options: CoreOptions): Core {
  const db = openDatabase(options.databasePath, options);
  const call = (method: string, input: unknown) => dispatch(context, method, input, options);
  function invoke<M extends MethodName>(method: M, input: MethodInput<M>): MethodOutput<M> {
    const result = call(method, input);
    if (!result.ok) throw new ApiCallError(result.error);
    // The registry validated the input for method M and ran M's handler, so the value has M's output type.
    return result.value as MethodOutput<M>;
  }
  const context: CoreContext = {
    db,
    repos: createRepos(db),
    clock: options.clock ?? systemClock,
    databasePath: options.databasePath,
    invoke,
  };
  const callAsync = (method: string, input: unknown) => dispatchAsync(context, method, input, options);
  async function invokeAsync<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
    const result = await callAsync(method, input);
    if (!result.ok) throw new ApiCallError(result.error);
    return result.value as MethodOutput<M>;
  }
  return { context, call, callAsync, invoke, invokeAsync, close: () => db.close() };
}

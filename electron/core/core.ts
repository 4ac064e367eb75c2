import type { MethodInput, MethodName, MethodOutput } from '../../shared/contract.js';
import { ApiCallError, type ApiResult } from '../../shared/errors.js';
import { dispatch, dispatchAsync, type DispatchOptions } from './api/registry.js';
import { createRepos, systemClock, type Clock, type CoreContext } from './context.js';
import { openConnection, type OpenOptions } from './db/connection.js';
import { restoreInto, type RestoreOutcome } from './services/backups/restore.js';

export interface CoreOptions extends OpenOptions, DispatchOptions {
  databasePath: string;
  clock?: Clock;
  /** Recorded as the author of changes until someone is chosen (the CLI's --as, or the OS user). */
  actorName?: string;
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
  /**
   * Restores the database from a file (see services/backups/restore.ts): the file is checked
   * first, the current database kept as a before-restore backup, and the connection swapped in
   * place, so every holder of this core reads the restored data on its next call.
   */
  replaceDatabase(fromPath: string): Promise<RestoreOutcome>;
  close(): void;
}

export function createCore(options: CoreOptions): Core {
  const connection = openConnection(options.databasePath, options, createRepos);
  const call = (method: string, input: unknown) => dispatch(context, method, input, options);
  function invoke<M extends MethodName>(method: M, input: MethodInput<M>): MethodOutput<M> {
    const result = call(method, input);
    if (!result.ok) throw new ApiCallError(result.error);
    // The registry validated the input for method M and ran M's handler, so the value has M's output type.
    return result.value as MethodOutput<M>;
  }
  const context: CoreContext = {
    connection,
    // Getters, not copies: the context is one object for the core's life, and a restore swaps
    // the connection's database and repositories under it.
    get db() {
      return connection.db;
    },
    get repos() {
      return connection.repos;
    },
    clock: options.clock ?? systemClock,
    databasePath: options.databasePath,
    session: { actor: options.actorName ? { staffId: null, name: options.actorName } : null },
    invoke,
  };
  const callAsync = (method: string, input: unknown) => dispatchAsync(context, method, input, options);
  async function invokeAsync<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
    const result = await callAsync(method, input);
    if (!result.ok) throw new ApiCallError(result.error);
    return result.value as MethodOutput<M>;
  }
  const replaceDatabase = (fromPath: string) => restoreInto(context, fromPath);
  return { context, call, callAsync, invoke, invokeAsync, replaceDatabase, close: () => connection.close() };
}

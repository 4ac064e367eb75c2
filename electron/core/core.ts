import type { MethodInput, MethodName, MethodOutput } from '../../shared/contract/index.js';
import { ApiCallError, type ApiResult } from '../../shared/errors.js';
import { dispatch, dispatchAsync, type DispatchOptions } from './api/registry.js';
import { createRepos, createSession, localAdministrator, systemClock, type Clock, type CoreContext, type Printer, type Session } from './context.js';
import { openConnection, type OpenOptions } from './db/connection.js';
import type { KeyProtector } from './keys/key-file.js';
import { refuseLostDatabase } from './services/backups/lost-database.js';
import { restoreInto, type RestoreOutcome } from './services/backups/restore.js';

export interface CoreOptions extends OpenOptions, DispatchOptions {
  databasePath: string;
  clock?: Clock;
  /**
   * The command line's --local-admin: the in-process session runs as the local administrator
   * (full permissions), named with this OS user in the audit trail. Otherwise it starts signed out.
   */
  localAdmin?: string;
  /** The desktop app's safeStorage, for a key change made from the app (encryption.changeKey). */
  protector?: KeyProtector;
  /** The desktop app's printing, for "Save as PDF" (reports.savePdf). */
  printer?: Printer;
}

/**
 * The app's core: one open database and the API over it. Every transport holds one of these and
 * passes each caller's own session with every call (a window, a browser tab); in-process callers
 * (the command line, tests) use `localSession`, which is theirs alone.
 */
export interface Core {
  readonly context: CoreContext;
  /** A new caller's session: each desktop window and browser tab gets one. */
  openSession(): Session;
  /** The session of the process that created the core (a command-line run, a test). */
  readonly localSession: Session;
  /** Untyped entry for synchronous methods: whatever arrives is validated against the contract. */
  call(method: string, input: unknown, session?: Session): ApiResult<unknown>;
  /** Untyped entry for the transports: every method, asynchronous ones included. */
  callAsync(method: string, input: unknown, session?: Session): Promise<ApiResult<unknown>>;
  /** Typed entry for in-process callers (CLI, demo, tests): throws ApiCallError on failure. */
  invoke<M extends MethodName>(method: M, input: MethodInput<M>, session?: Session): MethodOutput<M>;
  invokeAsync<M extends MethodName>(method: M, input: MethodInput<M>, session?: Session): Promise<MethodOutput<M>>;
  /**
   * Restores the database from a file (see services/backups/restore.ts): the file is checked
   * first, the current database kept as a before-restore backup, and the connection swapped in
   * place, so every holder of this core reads the restored data on its next call.
   */
  replaceDatabase(fromPath: string): Promise<RestoreOutcome>;
  close(): void;
}

export function createCore(options: CoreOptions): Core {
  refuseLostDatabase(options.databasePath, {
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    ...(options.keys ? { keys: options.keys } : {}),
  });
  const connection = openConnection(options.databasePath, options, createRepos);
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
    ...(options.protector ? { protector: options.protector } : {}),
    ...(options.printer ? { printer: options.printer } : {}),
  };
  const localSession = createSession(options.localAdmin ? localAdministrator(options.localAdmin) : null);

  const call = (method: string, input: unknown, session = localSession) => dispatch(context, session, method, input, options);
  const callAsync = (method: string, input: unknown, session = localSession) => dispatchAsync(context, session, method, input, options);
  function invoke<M extends MethodName>(method: M, input: MethodInput<M>, session = localSession): MethodOutput<M> {
    const result = call(method, input, session);
    if (!result.ok) throw new ApiCallError(result.error);
    // The registry validated the input for method M and ran M's handler, so the value has M's output type.
    return result.value as MethodOutput<M>;
  }
  async function invokeAsync<M extends MethodName>(method: M, input: MethodInput<M>, session = localSession): Promise<MethodOutput<M>> {
    const result = await callAsync(method, input, session);
    if (!result.ok) throw new ApiCallError(result.error);
    return result.value as MethodOutput<M>;
  }
  return {
    context,
    openSession: () => createSession(),
    localSession,
    call,
    callAsync,
    invoke,
    invokeAsync,
    replaceDatabase: (fromPath: string) => restoreInto(context, fromPath),
    close: () => connection.close(),
  };
}

import type { ZodError } from 'zod';
import { contract, isMethodName, type MethodName } from '../../../shared/contract/index.js';
import { ApiCallError, AppError, type ApiErrorBody, type ApiResult, type FieldIssue } from '../../../shared/errors.js';
import type { CallContext, CoreContext, Session } from '../context.js';
import { environmentError } from '../db/errors.js';
import { isSqliteError } from '../db/repos/rows.js';
import { admitCaller, admitScope } from './access.js';
import { handlers } from './handlers.js';
import { isDryRun, recordBefore, writeAccess, writeChange } from './audit-trail.js';

// The one place a call enters the core, whichever transport brought it: the method is checked
// against the contract, the caller admitted by their role (access.ts), the input validated and
// checked against the caller's reach, the handler run as the method's facts say (reads in a
// snapshot, writes holding the write lock from the start, asynchronous methods outside the
// per-call transaction), the audit row written beside the change, and any failure turned into an
// error body with a code. Nothing is written unless the handler returns.

export interface DispatchOptions {
  /** Check handler results against the contract too: on in tests, where a mismatch is a bug to find. */
  checkOutputs?: boolean;
  /** Where unexpected errors are reported (the host's log). */
  onInternalError?: (method: string, err: unknown) => void;
}

type Checked = { ok: true; method: MethodName; data: unknown } | { ok: false; result: ApiResult<never> };

function check(core: CoreContext, session: Session, method: string, input: unknown, options: DispatchOptions): Checked {
  if (!isMethodName(method)) {
    return { ok: false, result: failure({ code: 'BAD_REQUEST', message: `Unknown method: ${method.slice(0, 60)}` }) };
  }
  let parsed: ReturnType<(typeof contract)[typeof method]['input']['safeParse']>;
  try {
    // Who may call comes before reading the input: a refused caller learns nothing from it.
    admitCaller(core, session, method);
    parsed = contract[method].input.safeParse(input ?? {});
  } catch (err) {
    // safeParse reports bad data; a throw means a rule itself failed (or, in process, an input
    // whose getter throws). Either way it must come back as a coded answer, not escape dispatch.
    return { ok: false, result: failureFor(method, err, options) };
  }
  if (!parsed.success) {
    return { ok: false, result: failure({ code: 'VALIDATION', message: summarise(toIssues(parsed.error)), issues: toIssues(parsed.error) }) };
  }
  return { ok: true, method, data: parsed.data };
}

// The registry has checked the input against the method's own schema, so each handler receives
// the input type it declares; the map is typed per method, the call site cannot be.
type AnyHandler = (ctx: CallContext, input: unknown) => unknown;
const handlerFor = (method: MethodName) => handlers[method] as AnyHandler;

/** The context one call runs in: the core's shared parts and the caller's own session. */
function callContext(core: CoreContext, session: Session, options: DispatchOptions): CallContext {
  const ctx: CallContext = {
    connection: core.connection,
    // Getters, so a restore that swaps the database is seen by calls already holding a context.
    get db() {
      return core.db;
    },
    get repos() {
      return core.repos;
    },
    clock: core.clock,
    databasePath: core.databasePath,
    ...(core.protector ? { protector: core.protector } : {}),
    ...(core.printer ? { printer: core.printer } : {}),
    session,
    invoke(method, input) {
      const result = dispatch(core, session, method, input, options);
      if (!result.ok) throw new ApiCallError(result.error);
      return result.value as never;
    },
  };
  return ctx;
}

/** Any method, for the transports: asynchronous methods are awaited, the rest run as in dispatch. */
export async function dispatchAsync(
  core: CoreContext,
  session: Session,
  method: string,
  input: unknown,
  options: DispatchOptions = {},
): Promise<ApiResult<unknown>> {
  const checked = check(core, session, method, input, options);
  if (!checked.ok) return checked.result;
  const spec = contract[checked.method];
  if (!spec.async) return runInTransaction(core, session, checked.method, checked.data, options);
  const ctx = callContext(core, session, options);
  try {
    admitScope(ctx, session, checked.method, checked.data);
    const value = await handlerFor(checked.method)(ctx, checked.data);
    if (options.checkOutputs) spec.output.parse(value);
    const audit = spec.audit;
    // A read-only database can record nothing; work that succeeded elsewhere (a backup copy from
    // a file that cannot be written) is still reported as done rather than failing on its audit row.
    if (audit.mode === 'change' && !isDryRun(checked.data) && !ctx.db.readonly) {
      ctx.db.transaction(() => writeChange(ctx, checked.method, audit, checked.data, null, value)).immediate();
    }
    return { ok: true, value };
  } catch (err) {
    return failureFor(method, err, options);
  }
}

/** Synchronous methods, each in one transaction; an asynchronous one is refused (use dispatchAsync). */
export function dispatch(core: CoreContext, session: Session, methodName: string, input: unknown, options: DispatchOptions = {}): ApiResult<unknown> {
  const checked = check(core, session, methodName, input, options);
  if (!checked.ok) return checked.result;
  if (contract[checked.method].async) return failure({ code: 'BAD_REQUEST', message: `${checked.method} must be called asynchronously` });
  return runInTransaction(core, session, checked.method, checked.data, options);
}

function runInTransaction(core: CoreContext, session: Session, method: MethodName, data: unknown, options: DispatchOptions): ApiResult<unknown> {
  const spec = contract[method];
  const ctx = callContext(core, session, options);
  try {
    const work = ctx.db.transaction(() => {
      // Inside the transaction, so the record is judged as the handler will see it; a refused
      // call throws before the handler, and nothing is written.
      admitScope(ctx, session, method, data);
      const audit = isDryRun(data) ? ({ mode: 'none' } as const) : spec.audit;
      const before = audit.mode === 'change' ? recordBefore(ctx, audit, data) : null;
      const result = handlerFor(method)(ctx, data);
      // Inside the transaction, so a result that breaks the contract also undoes its write.
      if (options.checkOutputs) spec.output.parse(result);
      if (audit.mode === 'change') writeChange(ctx, method, audit, data, before, result);
      if (audit.mode === 'access') writeAccess(ctx, method, audit, data);
      return result;
    });
    // A write takes the write lock at BEGIN, so it waits its turn (busy_timeout) instead of
    // failing part way when another program wrote first; reads keep a consistent snapshot.
    const value = spec.effect === 'write' ? work.immediate() : work();
    return { ok: true, value };
  } catch (err) {
    return failureFor(method, err, options);
  }
}

function failureFor(method: string, err: unknown, options: DispatchOptions): ApiResult<never> {
  if (err instanceof AppError) return failure(err.toBody());
  // Locked, read-only or full: the environment, not a bug, so named plainly and not logged as one.
  const environment = environmentError(err);
  if (environment) return failure(environment.toBody());
  options.onInternalError?.(method, err);
  if (isSqliteError(err) && err.code.startsWith('SQLITE_CONSTRAINT')) {
    return failure({ code: 'CONFLICT', message: 'The change breaks a rule of the stored data and was not saved' });
  }
  return failure({ code: 'INTERNAL', message: 'Something went wrong inside Chatterbox. Nothing was saved.' });
}

function failure(error: ApiErrorBody): ApiResult<never> {
  return { ok: false, error };
}

export function toIssues(error: ZodError): FieldIssue[] {
  return error.issues.map((i) => ({
    path: i.path.map((p) => (typeof p === 'number' ? p : String(p))),
    message: i.message,
  }));
}

function summarise(issues: FieldIssue[]): string {
  const first = issues[0];
  if (!first) return 'The request is not valid';
  const where = first.path.length > 0 ? `${first.path.join('.')}: ` : '';
  return issues.length === 1 ? `${where}${first.message}` : `${issues.length} problems, first ${where}${first.message}`;
}

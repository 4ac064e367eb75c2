import type { ZodError } from 'zod';
import { contract, isMethodName, type MethodName } from '../../../shared/contract.js';
import { AppError, type ApiErrorBody, type ApiResult, type FieldIssue } from '../../../shared/errors.js';
import type { CoreContext } from '../context.js';
import { isSqliteError } from '../db/repos/rows.js';
import { appHandlers } from './app.js';
import { auditHandlers, isAuditedWrite, recordBefore, writeAudit } from './audit.js';
import { childrenHandlers } from './children.js';
import { cohortHandlers } from './cohort.js';
import { demoHandlers } from './demo.js';
import { screeningHandlers } from './screenings.js';
import { settingsHandlers } from './settings.js';
import { staffHandlers } from './staff.js';
import { childExportHandlers, exportHandlers } from './export.js';
import { importAsyncHandlers, importHandlers } from './imports.js';
import { backupAsyncHandlers, backupHandlers } from './backups.js';
import { retentionHandlers } from './retention.js';
import type { AsyncHandlerMap, AsyncMethod, HandlerMap, SyncMethod } from './types.js';

// The one place a call enters the core, whichever transport brought it: the method is checked
// against the contract, the input validated, the handler run inside one transaction, and any
// failure turned into an error body with a code. Nothing is written unless the handler returns.

const handlers: HandlerMap<SyncMethod> = {
  ...appHandlers,
  ...demoHandlers,
  ...settingsHandlers,
  ...staffHandlers,
  ...childrenHandlers,
  ...screeningHandlers,
  ...cohortHandlers,
  ...importHandlers,
  ...auditHandlers,
  ...backupHandlers,
  ...retentionHandlers,
  ...childExportHandlers,
};

const asyncHandlers: AsyncHandlerMap<AsyncMethod> = {
  ...exportHandlers,
  ...importAsyncHandlers,
  ...backupAsyncHandlers,
};

function isAsyncMethod(method: MethodName): method is AsyncMethod {
  return Object.prototype.hasOwnProperty.call(asyncHandlers, method);
}

export interface DispatchOptions {
  /** Check handler results against the contract too: on in tests, where a mismatch is a bug to find. */
  checkOutputs?: boolean;
  /** Where unexpected errors are reported (the host's log). */
  onInternalError?: (method: string, err: unknown) => void;
}

type Checked = { ok: true; method: MethodName; data: unknown } | { ok: false; result: ApiResult<never> };

function check(method: string, input: unknown): Checked {
  if (!isMethodName(method)) {
    return { ok: false, result: failure({ code: 'BAD_REQUEST', message: `Unknown method: ${method.slice(0, 60)}` }) };
  }
  const parsed = contract[method].input.safeParse(input ?? {});
  if (!parsed.success) {
    return { ok: false, result: failure({ code: 'VALIDATION', message: summarise(toIssues(parsed.error)), issues: toIssues(parsed.error) }) };
  }
  return { ok: true, method, data: parsed.data };
}

/** Any method, for the transports: asynchronous methods are awaited, the rest run as in dispatch. */
export async function dispatchAsync(ctx: CoreContext, method: string, input: unknown, options: DispatchOptions = {}): Promise<ApiResult<unknown>> {
  const checked = check(method, input);
  if (!checked.ok) return checked.result;
  if (!isAsyncMethod(checked.method)) return runInTransaction(ctx, checked.method, checked.data, options);
  try {
    const handler = asyncHandlers[checked.method] as (c: CoreContext, i: unknown) => Promise<unknown>;
    const value = await handler(ctx, checked.data);
    if (options.checkOutputs) contract[checked.method].output.parse(value);
    const method = checked.method;
    if (isAuditedWrite(method, checked.data)) ctx.db.transaction(() => writeAudit(ctx, method, checked.data, null, value))();
    return { ok: true, value };
  } catch (err) {
    return failureFor(method, err, options);
  }
}

/** Synchronous methods, each in one transaction; an asynchronous one is refused (use dispatchAsync). */
export function dispatch(ctx: CoreContext, methodName: string, input: unknown, options: DispatchOptions = {}): ApiResult<unknown> {
  const checked = check(methodName, input);
  if (!checked.ok) return checked.result;
  if (isAsyncMethod(checked.method)) return failure({ code: 'BAD_REQUEST', message: `${checked.method} must be called asynchronously` });
  return runInTransaction(ctx, checked.method, checked.data, options);
}

function runInTransaction(ctx: CoreContext, method: SyncMethod, data: unknown, options: DispatchOptions): ApiResult<unknown> {
  try {
    const handler = handlers[method] as (c: CoreContext, i: unknown) => unknown;
    const value = ctx.db.transaction(() => {
      const audited = isAuditedWrite(method, data);
      const before = audited ? recordBefore(ctx, method, data) : null;
      const result = handler(ctx, data);
      // Inside the transaction, so a result that breaks the contract also undoes its write.
      if (options.checkOutputs) contract[method].output.parse(result);
      if (audited) writeAudit(ctx, method, data, before, result);
      return result;
    })();
    return { ok: true, value };
  } catch (err) {
    return failureFor(method, err, options);
  }
}

function failureFor(method: string, err: unknown, options: DispatchOptions): ApiResult<never> {
  if (err instanceof AppError) return failure(err.toBody());
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

import type { MethodName, MethodOutput, ParsedInput } from '../../../shared/contract.js';
import type { CoreContext } from '../context.js';

/** A handler gets input that already passed the contract's schema, and returns the output shape. */
export type Handler<M extends MethodName> = (ctx: CoreContext, input: ParsedInput<M>) => MethodOutput<M>;

/** The handlers for a subset of methods; `satisfies HandlerMap<'a' | 'b'>` checks a domain file. */
export type HandlerMap<M extends MethodName> = { [K in M]: Handler<K> };

/**
 * Methods whose work cannot be synchronous (writing a workbook, later backups). They run outside
 * the per-call transaction: whatever they read or write in the database they do in their own
 * `db.transaction()`, before or after the asynchronous part.
 */
export type AsyncMethod = 'export.xlsx' | 'export.tracker' | 'backups.create' | 'backups.restore' | 'imports.preview' | 'imports.run';
export type SyncMethod = Exclude<MethodName, AsyncMethod>;

export type AsyncHandler<M extends MethodName> = (ctx: CoreContext, input: ParsedInput<M>) => Promise<MethodOutput<M>>;
export type AsyncHandlerMap<M extends MethodName> = { [K in M]: AsyncHandler<K> };

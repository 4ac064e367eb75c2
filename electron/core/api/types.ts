import type { MethodName, MethodOutput, ParsedInput } from '../../../shared/contract.js';
import type { CoreContext } from '../context.js';

/** A handler gets input that already passed the contract's schema, and returns the output shape. */
export type Handler<M extends MethodName> = (ctx: CoreContext, input: ParsedInput<M>) => MethodOutput<M>;

/** The handlers for a subset of methods; `satisfies HandlerMap<'a' | 'b'>` checks a domain file. */
export type HandlerMap<M extends MethodName> = { [K in M]: Handler<K> };

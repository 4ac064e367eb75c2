import type { AsyncMethod, MethodName, MethodOutput, ParsedInput } from '../../../shared/contract/index.js';
import type { CallContext } from '../context.js';

/**
 * A handler gets input that already passed the contract's schema, and returns the output shape;
 * a method the contract states is asynchronous returns a promise of it.
 */
export type Handler<M extends MethodName> = M extends AsyncMethod
  ? (ctx: CallContext, input: ParsedInput<M>) => Promise<MethodOutput<M>>
  : (ctx: CallContext, input: ParsedInput<M>) => MethodOutput<M>;

/** The handlers for a set of methods; `satisfies DomainHandlers<typeof xContract>` checks a domain file. */
export type HandlerMap<M extends MethodName> = { [K in M]: Handler<K> };
export type DomainHandlers<C> = HandlerMap<keyof C & MethodName>;

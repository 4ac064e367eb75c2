import type { ZodType } from 'zod';
import { contract, type MethodInput, type MethodName, type MethodOutput, type ParsedInput } from '../../shared/contract/index.js';
import { AppError, type ApiResult } from '../../shared/errors.js';
import type { Transport } from '../../renderer/api.js';

// A stand-in for the core in renderer tests. Each handler is typed from the contract: it takes
// method M's parsed input and returns M's output. Like the real registry, the fake checks every
// input against the contract's schema (so a test fails when a page sends what the core would
// refuse) and, unlike it, checks every output too (so a fixture cannot drift from the contract).

export type FakeHandlers = {
  [M in MethodName]?: (input: ParsedInput<M>) => MethodOutput<M> | Promise<MethodOutput<M>>;
};

export interface RecordedCall {
  method: MethodName;
  /** As the page sent it, before defaults were filled in. */
  input: unknown;
}

export interface FakeTransport {
  transport: Transport;
  /** Every call in order, including refused and unhandled ones. */
  calls: RecordedCall[];
  /** What the page sent to one method, oldest first. */
  inputsTo<M extends MethodName>(method: M): MethodInput<M>[];
  /** Methods the page called that the test gave no handler for. */
  unhandled: MethodName[];
  /** Adds or replaces handlers, for example to change what the next load returns. */
  set(handlers: FakeHandlers): void;
}

type AnyHandler = (input: unknown) => unknown;

export function fakeTransport(initial: FakeHandlers = {}): FakeTransport {
  const handlers: FakeHandlers = { ...initial };
  const calls: RecordedCall[] = [];
  const unhandled: MethodName[] = [];

  const transport: Transport = async (method, input) => {
    // Through JSON, as over either real transport: the page cannot share objects with the fake.
    const sent: unknown = JSON.parse(JSON.stringify(input ?? {}));
    calls.push({ method, input: sent });
    const handler = handlers[method] as AnyHandler | undefined;
    if (!handler) {
      unhandled.push(method);
      return { ok: false, error: { code: 'INTERNAL', message: `The fake transport has no handler for ${method}` } };
    }
    const parsed = (contract[method].input as ZodType).safeParse(sent);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => ({ path: i.path.map((p) => (typeof p === 'number' ? p : String(p))), message: i.message }));
      return { ok: false, error: { code: 'VALIDATION', message: `${method}: input refused by the contract`, issues } };
    }
    try {
      const value = await handler(parsed.data);
      const checked = (contract[method].output as ZodType).safeParse(value);
      if (!checked.success) throw new Error(`The fake's ${method} output does not match the contract: ${checked.error.message}`);
      return { ok: true, value: JSON.parse(JSON.stringify(value ?? null)) } satisfies ApiResult<unknown>;
    } catch (err) {
      // A handler refuses the way the core does: by throwing an AppError with a code.
      if (err instanceof AppError) return { ok: false, error: err.toBody() };
      throw err;
    }
  };

  return {
    transport,
    calls,
    unhandled,
    inputsTo: <M extends MethodName>(method: M) => calls.filter((c) => c.method === method).map((c) => c.input as MethodInput<M>),
    set: (more) => Object.assign(handlers, more),
  };
}

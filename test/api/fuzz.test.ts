import fc from 'fast-check';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../electron/core/context.js';
import { createCore, type Core } from '../../electron/core/core.js';
import { contract, factsOf, methodNames, type MethodName } from '../../shared/contract/index.js';
import { errorCodes, type ApiResult } from '../../shared/errors.js';
import { dump, signBackIn, tempDir, testCore, testToday } from '../support/core.js';
import { Stored } from '../support/stored.js';
import { fieldsOf, pathsOf, setAt, validInputs, valueAt, withValueAt } from '../support/fuzz-inputs.js';
import { hostileValues, withPollutingKeys, type Hostile } from '../support/hostile.js';

// Issue 11: every API method, fed hostile input through the core's dispatch (sync and async),
// must answer with a coded error other than INTERNAL, write nothing when it refuses, leave
// Object.prototype alone and keep answering. Each method gets a fresh core holding one of each
// record and a valid input (support/fuzz-inputs.ts); a hostile input is that input with one
// place spoilt, or a hostile value in place of the whole input. Methods come from the contract,
// so a new method is fuzzed without touching this file.

/** Fixed, so a failure replays; fast-check prints it with the failing input. FUZZ_SEED tries others. */
const seed = Number(process.env.FUZZ_SEED ?? 20261127);
const numRuns = Number(process.env.FUZZ_RUNS ?? 40);

interface Attack {
  describe: string;
  input: unknown;
  /** Set when the input can never be valid, so being accepted is itself a failure. */
  mustRefuse: boolean;
  /** How fast-check prints the attack when it fails: the words, not the (possibly huge) input. */
  [fc.toStringMethod]?: () => string;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const isoDatePattern = /^\d{4}-\d{2}-\d{2}$/;

/** Whether putting `hostile` where `original` was can never make a valid input. */
function neverValid(original: unknown, hostile: Hostile): boolean {
  const v = hostile.value;
  if (typeof original === 'string' && isoDatePattern.test(original) && (hostile.kind === 'date' || hostile.kind === 'id')) return true;
  if (typeof original === 'string' && uuidPattern.test(original) && typeof v === 'string' && !uuidPattern.test(v)) return true;
  // Some fields take a string or a number (a spreadsheet cell), so only a container in place of
  // a plain value is wrong everywhere.
  const plain = typeof original === 'string' || typeof original === 'number' || typeof original === 'boolean';
  return plain && typeof v === 'object' && v !== null;
}

/** Every single hostile value in every place, and in place of the whole input: the same list each run. */
function sweep(method: MethodName, base: unknown): Attack[] {
  const list: Attack[] = [{ describe: 'the input has own __proto__, constructor and prototype keys', input: withPollutingKeys(base), mustRefuse: false }];
  for (const h of hostileValues()) {
    const isPlainObject = typeof h.value === 'object' && h.value !== null && !Array.isArray(h.value);
    list.push({ describe: `the whole input is ${h.label}`, input: h.value, mustRefuse: !isPlainObject && h.value !== null });
    // Fields and one level inside them; deeper places are left to the random mixes.
    for (const path of pathsOf(base, fieldsOf(method), 2)) {
      list.push({ describe: `${path.join('.')} is ${h.label}`, input: withValueAt(base, path, h.value), mustRefuse: neverValid(valueAt(base, path), h) });
    }
  }
  return list;
}

/** Random mixes the sweep does not try: several places spoilt at once, and arbitrary values. */
function randomAttacks(method: MethodName, base: unknown): fc.Arbitrary<Attack> {
  const paths = pathsOf(base, fieldsOf(method));
  const anything = fc.anything({ maxDepth: 2, withNullPrototype: true, withObjectString: true, withBoxedValues: true, withSparseArray: true });
  if (paths.length === 0) return anything.map((value) => ({ describe: `the whole input is ${fc.stringify(value)}`, input: value, mustRefuse: false }));
  // Each value with its own words: printing a 10,000-level value would overflow the stack.
  const hostile = fc.constantFrom(...hostileValues()).map((h) => ({ label: h.label, value: h.value }));
  const random = anything.map((value) => ({ label: fc.stringify(value).slice(0, 80), value }));
  const spoil = fc.tuple(fc.constantFrom(...paths), fc.oneof(hostile, random));
  return fc.array(spoil, { minLength: 1, maxLength: 4 }).map((spoils): Attack => {
    // One copy of the base takes every spoil: copying a copy would walk the deep values again.
    const input = spoils.reduce((acc, [path, { value }]) => setAt(acc, path, value), structuredClone(base));
    const describe = spoils.map(([path, { label }]) => `${path.join('.')} is ${label}`).join(', ');
    // fast-check prints a failing input with this instead of walking it (a deep one would overflow).
    return { describe, input, mustRefuse: false, [fc.toStringMethod]: () => describe };
  });
}

const prototypeNames = Object.getOwnPropertyNames(Object.prototype).sort();

/** Object.prototype exactly as it was: no property added, and a fresh object inherits nothing odd. */
function expectPrototypeClean(where: string): void {
  expect(Object.getOwnPropertyNames(Object.prototype).sort(), where).toEqual(prototypeNames);
  expect(({} as Record<string, unknown>).polluted, where).toBeUndefined();
}

/** What every answer to a hostile call must be. */
function expectSafeAnswer(stored: Stored, result: ApiResult<unknown>, attack: Attack, how: string): void {
  const where = `${how}: ${attack.describe}`;
  expectPrototypeClean(where);
  stored.check(result, where);
  if (result.ok) {
    expect(attack.mustRefuse, `${where} was accepted`).toBe(false);
    return;
  }
  const error = result.error;
  expect(errorCodes, where).toContain(error.code);
  expect(error.code, `${where}: ${error.message}`).not.toBe('INTERNAL');
  expect(typeof error.message, where).toBe('string');
  expect(error.message.length, `${where}: a message repeats no huge input`).toBeLessThan(2000);
}

/**
 * Calls through dispatch (synchronous methods) and dispatchAsync (every method), checking each
 * answer. Each call starts signed in and unlocked: an accepted sign-out or lock would otherwise
 * turn every later attack into a plain "sign in first" refusal that tests nothing.
 */
async function attack(core: Core, stored: Stored, method: MethodName, attack: Attack, both: boolean): Promise<void> {
  signBackIn(core);
  if (!factsOf(method).async) {
    let result: ApiResult<unknown> | undefined;
    stored.start();
    expect(() => (result = core.call(method, attack.input)), `dispatch threw: ${attack.describe}`).not.toThrow();
    if (result) expectSafeAnswer(stored, result, attack, `${method} through dispatch`);
    if (!both) return;
  }
  signBackIn(core);
  stored.start();
  const result = await core.callAsync(method, attack.input).catch((err: unknown) => {
    throw new Error(`dispatchAsync threw for ${method}, ${attack.describe}: ${String(err)}`);
  });
  expectSafeAnswer(stored, result, attack, `${method} through dispatchAsync`);
}

async function fuzz(method: MethodName): Promise<void> {
  const core = testCore();
  const inputs = await validInputs(core, method);
  const base = inputs[method] ?? {};
  // A starting point the schema refuses would spoil nothing: each hostile input would be refused
  // for the wrong reason. A method without an entry starts from {} and its schema's fields.
  if (method in inputs) expect(contract[method].input.safeParse(base).error?.issues, `the valid input for ${method}`).toBeUndefined();
  const stored = new Stored(core);
  for (const each of sweep(method, base)) await attack(core, stored, method, each, false);
  await fc.assert(
    fc.asyncProperty(randomAttacks(method, base), (each) => attack(core, stored, method, each, true)),
    { numRuns, seed, endOnFailure: true },
  );
  // The core still answers a normal call after all that.
  signBackIn(core);
  expect(core.call('app.info', {}).ok).toBe(true);
}

describe('fuzzing every API method with hostile input', () => {
  it.each(methodNames.map((m) => [m]))('%s: a coded error, never INTERNAL, nothing written, prototype clean', async (method) => {
    await fuzz(method);
  });
});

// Found by the fuzzing above: the input was validated before dispatch's try, so anything that
// threw while it was read (a rule that fails, or in process a getter or a proxy) escaped dispatch
// as an exception instead of an answer. Over IPC and HTTP inputs are plain data; in process
// (command line, tests, demo data) they need not be.
describe('an input that throws when read', () => {
  // The first field each method below reads (settings.create: name; export.xlsx: title) throws.
  const throwingGetter = () => ({
    urn: 'EY123456',
    type: 'nursery',
    get name(): string {
      throw new Error('a getter that throws');
    },
    get title(): string {
      throw new Error('a getter that throws');
    },
  });
  const throwingProxy = () =>
    new Proxy(
      {},
      {
        ownKeys: () => {
          throw new Error('a proxy that throws');
        },
        get: () => {
          throw new Error('a proxy that throws');
        },
      },
    );

  it.each([
    ['a getter that throws', throwingGetter],
    ['a proxy that throws', throwingProxy],
  ])('%s gets an INTERNAL answer from dispatch and dispatchAsync, reported, nothing written', async (_label, make) => {
    const reported: string[] = [];
    const core = createCore({
      localAdmin: 'tester',
      databasePath: join(tempDir(), 'throwing.sqlite'),
      clock: fixedClock(testToday),
      onInternalError: (method) => reported.push(method),
    });
    try {
      const before = dump(core);
      const internal = { ok: false, error: { code: 'INTERNAL', message: 'Something went wrong inside Chatterbox. Nothing was saved.' } };
      expect(core.call('settings.create', make())).toEqual(internal);
      expect(await core.callAsync('settings.create', make())).toEqual(internal);
      expect(await core.callAsync('export.xlsx', make())).toEqual(internal);
      expect(reported).toEqual(['settings.create', 'settings.create', 'export.xlsx']);
      expect(dump(core)).toBe(before);
      expect(core.call('app.info', {}).ok).toBe(true);
    } finally {
      core.close();
    }
  });
});

import { expect } from 'vitest';
import type { Core } from '../../electron/core/core.js';
import { ApiCallError, type ApiErrorBody } from '../../shared/errors.js';
import { snapshot } from './core.js';

// Checks on API calls shared by the test/api files: a call refused without writing anything,
// the fields an error names, and the error of a refused async call.

/**
 * Calls through the untyped entry, asserts it failed and wrote nothing, and returns the error.
 * "Nothing written" is judged by `written`, a dump of the tables that matter (by default the
 * foundation tables: settings, rooms, staff and children).
 */
export function failure(core: Core, method: string, input: unknown, written: (core: Core) => string = snapshot): ApiErrorBody {
  const before = written(core);
  const result = core.call(method, input);
  expect(written(core), 'nothing may be written by a failed call').toBe(before);
  if (result.ok) throw new Error(`${method} should have failed but returned ${JSON.stringify(result.value)}`);
  return result.error;
}

/** The fields an error names, as dotted paths, in the order it names them. */
export function paths(error: ApiErrorBody): string[] {
  return (error.issues ?? []).map((i) => i.path.join('.'));
}

/** The ApiCallError a promise rejects with; fails if it resolves or rejects with anything else. */
export async function rejection(p: Promise<unknown>): Promise<ApiCallError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof ApiCallError) return err;
    throw err;
  }
  throw new Error('expected the call to be refused');
}

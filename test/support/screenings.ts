import { expect } from 'vitest';
import type { Core } from '../../electron/core/core.js';
import type { Colour } from '../../shared/domain/screening.js';
import type { ApiErrorBody, ErrorCode } from '../../shared/errors.js';
import type { SectionEntry } from '../../shared/schemas/screenings.js';
import { failure } from './api.js';
import { dump } from './core.js';

// Shared by the instruments and screenings tests.

/**
 * Every row of every table (screenings, screening_sections, instruments, instrument_sections,
 * settings, children and anything derived from them): any write at all changes the dump.
 */
export function screeningDump(core: Core): string {
  return dump(core, ['instrument_sections', 'screening_sections', 'screenings']);
}

/**
 * Calls through the untyped entry and checks the refusal: its code, that it names exactly the
 * expected field (when a path is given) with a message matching `message`, and that nothing was
 * written. Returns the error for any further checks.
 */
export function refused(core: Core, method: string, input: unknown, code: ErrorCode, path: (string | number)[] | null, message: RegExp): ApiErrorBody {
  const error = failure(core, method, input, screeningDump);
  expect(error.code, error.message).toBe(code);
  if (path) expect(error.issues, error.message).toEqual([{ path, message: expect.stringMatching(message) }]);
  // With a path, a single problem is also the summary, so a toast or error box says what is wrong.
  expect(error.message).toMatch(message);
  return error;
}

/** One section tried, as the form sends it. */
export function s(section: number, colour: Colour | null, extra: Partial<SectionEntry> = {}): SectionEntry {
  return { section, colour, ...extra };
}

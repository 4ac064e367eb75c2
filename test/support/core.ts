import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect } from 'vitest';
import { fixedClock, type Printer } from '../../electron/core/context.js';
import { createCore, type Core } from '../../electron/core/core.js';
import type { KeyRing } from '../../electron/core/db/cipher.js';
import { addAccount, signInAs } from './accounts.js';

/** "Today" in tests: fixed, so date rules give the same answer on any day the suite runs. */
export const testToday = '2026-11-27';

/** "Now" in tests: the fixed clock's timestamp on `testToday`, as written to createdAt and updatedAt. */
export const testNow = `${testToday}T12:00:00.000Z`;

/**
 * The data key of every test core: fixed and raw, so a keyed core opens as fast as a plain one
 * (no key file, no passphrase stretching) and tests can open its files and backups themselves.
 */
export const testKeys: KeyRing = { key: '7e57'.repeat(16) };

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.();
});

/** A folder removed after the current test. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'chatterbox-test-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** The SHA-256 of a file's bytes: equal before and after proves the file was left exactly as it was. */
export function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/**
 * A core on a fresh database file, closed after the current test. Its own session is signed in as
 * a manager (made straight in the repository: no audit row), unless `signedOut`.
 */
export function testCore(options: { today?: string; path?: string; signedOut?: boolean; printer?: Printer } = {}): Core {
  const core = createCore({
    databasePath: options.path ?? join(tempDir(), 'test.sqlite'),
    clock: fixedClock(options.today ?? testToday),
    checkOutputs: true,
    keys: testKeys,
    ...(options.printer ? { printer: options.printer } : {}),
  });
  cleanups.push(() => core.close());
  if (!options.signedOut) signInAs(core.localSession, testManager(core));
  return core;
}

/** The test core's manager: made once per database, found again on a reopened one. */
/** Signs a test core's own session back in as its manager, after a test signed it out or locked it. */
export function signBackIn(core: Core): void {
  signInAs(core.localSession, testManager(core));
}

/** The user name of the manager every test core has (password: testPassword). */
export const testManagerName = 'test-manager';

function testManager(core: Core) {
  const existing = core.context.repos.accounts.secretByUserName(testManagerName);
  return existing ? existing.account : addAccount(core, { userName: testManagerName, displayName: 'Test Manager', role: 'manager' });
}

/**
 * Every row of the foundation tables (or those named), in a fixed order: any write at all
 * changes it, so comparing before and after proves a refused call wrote nothing.
 */
export function snapshot(core: Core, tables: readonly string[] = ['settings', 'rooms', 'staff', 'children']): string {
  const db = core.context.db;
  return JSON.stringify(tables.map((t) => db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).all()));
}

/**
 * Every row of every table: any write at all changes the dump. The `expected` tables must be
 * among them, so a dump cannot quietly miss the tables a test is about. With `sorted`, each
 * table's rows are ordered by their first two columns instead of read as stored.
 */
export function dump(core: Core, expected: readonly string[] = [], { sorted = false }: { sorted?: boolean } = {}): string {
  const db = core.context.db;
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[];
  expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining([...expected]));
  return JSON.stringify(tables.map(({ name }) => [name, db.prepare(`SELECT * FROM "${name}"${sorted ? ' ORDER BY 1, 2' : ''}`).all()]));
}

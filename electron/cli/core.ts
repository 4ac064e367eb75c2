import { userInfo } from 'node:os';
import { AppError } from '../../shared/errors.js';
import { fixedClock, systemClock, type Clock } from '../core/context.js';
import { createCore, type Core } from '../core/core.js';
import { keysForDatabase } from '../core/keys/unlock.js';
import { resolveDatabasePath } from '../core/paths.js';
import { cliKeySource } from './secrets.js';

// The commands' way into the core: the same core as the desktop app, opened on --db (or the
// default database), with the clock and the author of changes taken from the command line.

/** CHATTERBOX_TODAY pins the app's date, so demos and end-to-end runs are repeatable. */
export function clockFromEnv(): Clock {
  const today = process.env.CHATTERBOX_TODAY;
  return today ? fixedClock(today) : systemClock;
}

function osUser(): string {
  try {
    return userInfo().username;
  } catch {
    return 'command line';
  }
}

/**
 * Opens the core on --db, unlocking its key file (or creating it on the first run); changes are
 * recorded as made by --as, else `asDefault` (the OS user). A database from before encryption
 * opens as it is, with a warning.
 */
export async function openCore(
  values: { db?: string | undefined; as?: string | undefined; 'recovery-key'?: string | undefined },
  asDefault: string | null = osUser(),
): Promise<Core> {
  const actorName = values.as ?? asDefault;
  const databasePath = resolveDatabasePath(values.db);
  const keys = await keysForDatabase(databasePath, cliKeySource(values));
  if (!keys && databasePath !== ':memory:') {
    console.error(`Warning: the database ${databasePath} is not encrypted. Run "chatterbox encrypt" to encrypt it.`);
  }
  return createCore({
    databasePath,
    ...(keys ? { keys } : {}),
    clock: clockFromEnv(),
    ...(actorName ? { actorName } : {}),
    onInternalError: (method, err) => console.error(`Error in ${method}:`, err),
  });
}

/** A setting by its Ofsted URN, as people type it (case and spaces ignored). */
export function settingWithUrn(core: Core, urn: string) {
  const wanted = urn.toUpperCase().replace(/\s+/g, '');
  return core.invoke('settings.list', { includeArchived: true }).find((s) => s.urn === wanted);
}

export function requireSettingWithUrn(core: Core, urn: string) {
  const setting = settingWithUrn(core, urn);
  if (!setting) throw new AppError('NOT_FOUND', `No setting has the URN ${urn}`);
  return setting;
}

import { userInfo } from 'node:os';
import { AppError } from '../../shared/errors.js';
import { fixedClock, systemClock, type Clock } from '../core/context.js';
import { createCore, type Core } from '../core/core.js';
import { keysForDatabase } from '../core/keys/unlock.js';
import { resolveDatabasePath } from '../core/paths.js';
import { UsageError } from './command.js';
import { cliKeySource } from './secrets.js';
import { signInCommandLine } from './sign-in.js';

// The commands' way into the core: the same core as the desktop app, opened on --db (or the
// default database), with the clock taken from the command line and the person signed in.

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
/**
 * Opens the core on --db, unlocking its key file (or creating it on the first run), and signs in:
 * as --user (with a password), or as the local administrator (--local-admin), named with the OS
 * user in the audit trail. A database from before encryption opens as it is, with a warning.
 */
export async function openCore(values: {
  db?: string | undefined;
  user?: string | undefined;
  'local-admin'?: boolean | undefined;
  'recovery-key'?: string | undefined;
}): Promise<Core> {
  // Who is asking comes first: no passphrase prompt for a command that would be refused anyway.
  if (!values['local-admin'] && !values.user) throw new UsageError('Say who you are: --user NAME (you will be asked for your password), or --local-admin.');
  const databasePath = resolveDatabasePath(values.db);
  const keys = await keysForDatabase(databasePath, cliKeySource(values));
  if (!keys && databasePath !== ':memory:') {
    console.error(`Warning: the database ${databasePath} is not encrypted. Run "chatterbox encrypt" to encrypt it.`);
  }
  const core = createCore({
    databasePath,
    ...(keys ? { keys } : {}),
    clock: clockFromEnv(),
    ...(values['local-admin'] ? { localAdmin: osUser() } : {}),
    onInternalError: (method, err) => console.error(`Error in ${method}:`, err),
  });
  try {
    await signInCommandLine(core, values);
  } catch (err) {
    core.close();
    throw err;
  }
  return core;
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

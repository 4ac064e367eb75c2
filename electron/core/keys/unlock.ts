import { existsSync, statSync } from 'node:fs';
import { isPlainSqliteFile, type KeyRing } from '../db/cipher.js';
import { AppError } from '../../../shared/errors.js';
import { createKeyFile, keyFilePathFor, protectWithComputer, unlockKeyFile, type KeyProtector, type Unlock } from './key-file.js';

// How each entry point (desktop app, browser mode, command line) gets the key of the database it
// opens: the first run creates the key file; later runs unlock it. Only the way of asking for a
// passphrase differs between entry points, so that is passed in.

export interface KeySource {
  /** What unlocks an existing key file (a passphrase, a recovery key, the computer's protection). */
  unlock(): Promise<Unlock>;
  /** A passphrase for a new key file (asked twice at a terminal); undefined when `protector` alone is to protect it. */
  newPassphrase(): Promise<string | undefined>;
  /** The recovery key of a new key file, shown once: it is never stored anywhere readable. */
  showRecoveryKey(recoveryKey: string, keyFilePath: string): void;
  /** The desktop app's safeStorage, to wrap a new key with too. */
  protector?: KeyProtector;
}

/**
 * The keys for the database at `databasePath`: undefined for a plain database from before
 * encryption (opened as it is until `chatterbox encrypt`) and for one held in memory.
 */
export async function keysForDatabase(databasePath: string, source: KeySource): Promise<KeyRing | undefined> {
  if (databasePath === ':memory:' || isPlainSqliteFile(databasePath)) return undefined;
  const keyPath = keyFilePathFor(databasePath);
  const hasDatabase = existsSync(databasePath) && statSync(databasePath).size > 0;
  if (!hasDatabase && !existsSync(keyPath)) {
    const { keys, recoveryKey } = createKeyFile(keyPath, await source.newPassphrase(), source.protector);
    source.showRecoveryKey(recoveryKey, keyPath);
    return keys;
  }
  return unlockKeyFile(keyPath, await source.unlock());
}

/** The keys of an existing key file beside the database, or undefined when there is none: for checks and restores, which never create one. */
export async function existingKeys(databasePath: string, source: KeySource, keyPath: string = keyFilePathFor(databasePath)): Promise<KeyRing | undefined> {
  if (databasePath === ':memory:' || !existsSync(keyPath)) return undefined;
  return unlockKeyFile(keyPath, await source.unlock());
}

/**
 * The desktop app's key source. It has no terminal: the operating system's protection
 * (`protector`, Electron's safeStorage) unlocks the key file once it holds a copy. On the first
 * run the computer and the recovery key (shown once by `showRecoveryKey`, a native dialog) protect
 * the new key, so a fresh install starts with nothing to type; a passphrase can be added later with
 * `chatterbox key passphrase`. Without safeStorage (Linux with no keyring), and for the first
 * unlock on another computer, CHATTERBOX_PASSPHRASE (or CHATTERBOX_RECOVERY_KEY) is needed.
 */
export function desktopKeySource(
  protector: KeyProtector | undefined,
  databasePath: string,
  showRecoveryKey: KeySource['showRecoveryKey'],
  env: NodeJS.ProcessEnv = process.env,
): KeySource {
  const fromEnv = (): Unlock | null =>
    env.CHATTERBOX_RECOVERY_KEY ? { recoveryKey: env.CHATTERBOX_RECOVERY_KEY } : env.CHATTERBOX_PASSPHRASE ? { passphrase: env.CHATTERBOX_PASSPHRASE } : null;
  const missing = (what: string): AppError =>
    new AppError(
      'DATABASE',
      `${what}: start Chatterbox once with CHATTERBOX_PASSPHRASE set to the database's passphrase (or use "chatterbox serve" in a terminal).`,
    );
  return {
    unlock: async () => {
      const given = fromEnv();
      if (given) {
        if (protector) protectWithComputer(keyFilePathFor(databasePath), given, protector);
        return given;
      }
      if (protector) return { protector };
      throw missing('This computer cannot unlock the database by itself');
    },
    newPassphrase: async () => {
      if (env.CHATTERBOX_PASSPHRASE) return env.CHATTERBOX_PASSPHRASE;
      if (protector) return undefined;
      throw missing(
        "This computer has no secure store for the database's key (on Linux, a keyring such as GNOME Keyring or KWallet), so a new encrypted database needs a passphrase",
      );
    },
    showRecoveryKey,
    ...(protector ? { protector } : {}),
  };
}

import { existsSync } from 'node:fs';
import { AppError } from '../../../../shared/errors.js';
import type { ChangeKeyInput, ChangeKeyResult, EncryptionStatus } from '../../../../shared/schemas/encryption.js';
import { actorOf } from '../../api/audit-trail.js';
import type { CallContext, CoreContext } from '../../context.js';
import { keyFileFacts, keyFilePathFor, normaliseRecoveryKey, unlockKeyFile, type Unlock } from '../../keys/key-file.js';
import { changeDatabaseKey, plainOriginals } from '../../keys/rekey.js';

// Encryption from inside the app, for managers: how the database is protected, and a new data key
// when staff who knew the passphrase or the recovery key leave. The key change is the command
// line's `chatterbox key change` (keys/rekey.ts) run on the live database: the connection is
// closed around it and opened again with the new keys, as a restore does.

/** encryption.status: facts only, nothing secret. */
export function encryptionStatus(ctx: CoreContext): EncryptionStatus {
  const inMemory = ctx.databasePath === ':memory:';
  const keyPath = keyFilePathFor(ctx.databasePath);
  const keyFilePresent = !inMemory && existsSync(keyPath);
  return {
    encrypted: ctx.connection.encrypted,
    keyFilePresent,
    ...(keyFilePresent ? keyFileFacts(keyPath) : { passphraseSet: false, protectedByComputer: false }),
    olderKeys: ctx.connection.options.keys?.olderKeys?.length ?? 0,
    plainOriginalWaiting: !inMemory && plainOriginals(ctx.databasePath).length > 0,
  };
}

const recoveryKeyShape = /^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/;

/**
 * What the manager typed, as a passphrase or a recovery key: whichever unlocks the key file. Tried
 * before the database is closed, so a wrong one changes nothing.
 */
function unlockFrom(keyPath: string, typed: string): Unlock {
  const asRecoveryKey: Unlock = { recoveryKey: typed };
  const asPassphrase: Unlock = { passphrase: typed };
  const order = recoveryKeyShape.test(normaliseRecoveryKey(typed)) ? [asRecoveryKey, asPassphrase] : [asPassphrase, asRecoveryKey];
  for (const unlock of order) {
    try {
      unlockKeyFile(keyPath, unlock);
      return unlock;
    } catch (err) {
      // A missing or damaged key file is its own problem, said as it is; only "does not unlock" tries the other way.
      if (!(err instanceof AppError) || !/does not unlock|No passphrase has been set/.test(err.message)) throw err;
    }
  }
  throw new AppError('VALIDATION', 'That is neither the passphrase nor the recovery key of this database. Nothing was changed.', [
    { path: ['current'], message: 'This is neither the passphrase nor the recovery key: check it and try again' },
  ]);
}

/** The passphrase the new key file keeps: the new one, else the one typed; never silently dropped. */
function passphraseToKeep(ctx: CallContext, keyPath: string, unlock: Unlock, input: ChangeKeyInput): string | undefined {
  if (input.newPassphrase !== undefined) return input.newPassphrase;
  if ('passphrase' in unlock) return unlock.passphrase;
  if (keyFileFacts(keyPath).passphraseSet)
    throw new AppError('VALIDATION', 'Choose a new passphrase: the recovery key was typed, so the current passphrase cannot be kept. Nothing was changed.', [
      { path: ['newPassphrase'], message: 'Choose a new passphrase: the recovery key was typed, so the current one cannot be kept' },
    ]);
  if (!ctx.protector)
    throw new AppError('VALIDATION', 'Choose a passphrase: this computer cannot protect the key by itself. Nothing was changed.', [
      { path: ['newPassphrase'], message: 'Choose a passphrase: this computer cannot protect the key by itself' },
    ]);
  return undefined;
}

/** encryption.changeKey: the database re-encrypted with a new key; the new recovery key is returned to be shown once. */
export function changeKey(ctx: CallContext, input: ChangeKeyInput): Promise<ChangeKeyResult> {
  const connection = ctx.connection;
  return connection.exclusive(async () => {
    if (ctx.databasePath === ':memory:' || !connection.encrypted)
      throw new AppError(
        'CONFLICT',
        'The database is not encrypted yet, so it has no key to change: ask your IT support to run "chatterbox encrypt". Nothing was changed.',
      );
    const keyPath = keyFilePathFor(ctx.databasePath);
    // Browser mode and the command line cannot reach the computer's secure store: a new key file
    // written here would leave the desktop app unable to open the database without a passphrase.
    if (!ctx.protector && existsSync(keyPath) && keyFileFacts(keyPath).protectedByComputer)
      throw new AppError(
        'CONFLICT',
        'This computer protects the database key for the desktop app, which this window cannot reach. Change the key in the Chatterbox desktop app instead. Nothing was changed.',
      );
    const unlock = unlockFrom(keyPath, input.current);
    const passphrase = passphraseToKeep(ctx, keyPath, unlock, input);
    const changed = connection.whileClosed((reopen) => {
      const result = changeDatabaseKey(ctx.databasePath, unlock, passphrase, ctx.protector);
      connection.useKeys(result.keys);
      reopen();
      return result;
    });
    const olderKeys = changed.keys.olderKeys?.length ?? 0;
    // The row says that the key changed and who changed it; no key, passphrase or recovery key.
    ctx.db
      .transaction(() =>
        ctx.repos.audit.write({
          at: ctx.clock.now(),
          ...actorOf(ctx.session),
          method: 'encryption.changeKey',
          recordType: 'encryption',
          recordId: 'database',
          settingId: null,
          changes: [],
          note: `The database was encrypted with a new key${input.newPassphrase !== undefined ? ' and a new passphrase' : ''}; older keys kept for backups: ${olderKeys}.`,
        }),
      )
      .immediate();
    return { recoveryKey: changed.recoveryKey, olderKeys };
  });
}

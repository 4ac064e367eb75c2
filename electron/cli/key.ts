import { parseArgs } from 'node:util';
import { changePassphrase, keyFilePathFor, unlockKeyFile } from '../core/keys/key-file.js';
import { changeDatabaseKey } from '../core/keys/rekey.js';
import { resolveDatabasePath } from '../core/paths.js';
import { common, UsageError, type Command } from './command.js';
import { cliKeySource, newPassphrase } from './secrets.js';

// `chatterbox key`: the database's key when staff leave (a new data key), a new passphrase, and
// the raw key for support staff opening a file with standard SQLCipher tools. Close the app first.

const help = `Usage: chatterbox key <change|passphrase|show> [--db PATH] [--recovery-key KEY]

  key change [--new-passphrase]  Re-encrypt the database with a new key and print a new recovery key
                                 (when staff leave). Older backups still restore. With
                                 --new-passphrase (or after unlocking with the recovery key) a new
                                 passphrase is set too, from CHATTERBOX_NEW_PASSPHRASE or asked twice.
  key passphrase                 Set a new passphrase (CHATTERBOX_NEW_PASSPHRASE, or asked twice)
  key show                       Print the raw key (64 hex digits) for SQLCipher tools: support only
Close Chatterbox first.
`;

async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { ...common, 'new-passphrase': { type: 'boolean', default: false } } });
  const [action] = positionals;
  const path = resolveDatabasePath(values.db);
  const keyPath = keyFilePathFor(path);
  const source = cliKeySource(values);
  if (action === 'show') {
    const keys = unlockKeyFile(keyPath, await source.unlock());
    console.log(keys.key);
    for (const older of keys.olderKeys ?? []) console.log(`older key (backups made before a key change): ${older}`);
    return 0;
  }
  if (action === 'passphrase') {
    changePassphrase(keyPath, await source.unlock(), await newPassphrase(process.env, 'CHATTERBOX_NEW_PASSPHRASE'));
    console.log(`The passphrase of ${path} was changed. The recovery key is unchanged.`);
    return 0;
  }
  if (action === 'change') {
    const unlock = await source.unlock();
    const passphrase =
      values['new-passphrase'] || !('passphrase' in unlock) ? await newPassphrase(process.env, 'CHATTERBOX_NEW_PASSPHRASE') : unlock.passphrase;
    const { recoveryKey } = changeDatabaseKey(path, unlock, passphrase);
    source.showRecoveryKey(recoveryKey, keyPath);
    console.log(`${path} is now encrypted with a new key. The old recovery key no longer works; backups made before today still restore.`);
    return 0;
  }
  throw new UsageError(action ? `Unknown key action: ${action}` : 'key needs an action: change, passphrase or show');
}

export const key: Command = { help, run };

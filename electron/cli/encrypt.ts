import { parseArgs } from 'node:util';
import { confirmEncryption, encryptDatabase } from '../core/keys/rekey.js';
import { resolveDatabasePath } from '../core/paths.js';
import { common, type Command } from './command.js';
import { cliKeySource, newPassphrase } from './secrets.js';

// `chatterbox encrypt`: encrypts a database from before encryption, on request only, keeping the
// plain original until `chatterbox encrypt --confirm` deletes it. Close the app first.

const help = `Usage: chatterbox encrypt [--db PATH] [--confirm]

Encrypts a database that is not encrypted yet, with a new key file beside it (asks for a new
passphrase, or takes CHATTERBOX_PASSPHRASE) and prints its recovery key once. The plain original is
kept beside it, readable by you only, until you check Chatterbox opens the encrypted one and run:
  chatterbox encrypt --confirm   Delete the plain original
Close Chatterbox first.
`;

async function run(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { ...common, confirm: { type: 'boolean', default: false } } });
  const path = resolveDatabasePath(values.db);
  if (values.confirm) {
    const deleted = confirmEncryption(path);
    console.log(deleted.length > 0 ? `Deleted the plain original: ${deleted.join(', ')}` : 'There was no plain original to delete.');
    return 0;
  }
  const { recoveryKey, plainOriginal } = encryptDatabase(path, await newPassphrase(), new Date().toISOString());
  cliKeySource(values).showRecoveryKey(recoveryKey, `${path}.key`);
  console.log(
    `Encrypted ${path}. The plain original is kept as ${plainOriginal}: once Chatterbox opens the database, delete it with "chatterbox encrypt --confirm".`,
  );
  return 0;
}

export const encrypt: Command = { help, run };

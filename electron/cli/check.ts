import { parseArgs } from 'node:util';
import { checkDatabase } from '../core/db/check.js';
import { resolveDatabasePath } from '../core/paths.js';
import { keyFilePathFor } from '../core/keys/key-file.js';
import { existingKeys } from '../core/keys/unlock.js';
import { common, type Command } from './command.js';
import { cliKeySource } from './secrets.js';

// `chatterbox check`: reads the file without opening a core on it, so nothing is migrated or
// changed, and a damaged file is reported rather than refused.

const help = `Usage: chatterbox check [--db PATH] [--key-file PATH]\n\nRuns SQLite's integrity check and Chatterbox's own checks, changing nothing. Exit code 1 if there is a problem.\n  --key-file PATH   The key file to unlock it with (default: PATH.key beside it; for a backup, the database's key file)\n`;

async function run(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { ...common, 'key-file': { type: 'string' } } });
  const path = resolveDatabasePath(values.db);
  const keys = await existingKeys(path, cliKeySource(values), values['key-file'] ?? keyFilePathFor(path));
  const result = checkDatabase(path, keys ? { keys } : {});
  if (result.ok) {
    console.log(`${path}: no problems found (schema ${result.schemaVersion}, ${Math.round(result.sizeBytes / 1024)} KiB)`);
    return 0;
  }
  for (const p of result.problems) console.error(`${path}: ${p}`);
  return 1;
}

export const check: Command = { help, run };

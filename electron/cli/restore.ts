import { parseArgs } from 'node:util';
import { resolveDatabasePath } from '../core/paths.js';
import { restoreFrom } from '../core/services/backups/restore.js';
import { existingKeys } from '../core/keys/unlock.js';
import { common, UsageError, type Command } from './command.js';
import { cliKeySource } from './secrets.js';

// `chatterbox restore FILE`: works on the database file without opening a core on it, because the
// database may be too damaged to open, which is when a restore is needed most.

const help = `Usage: chatterbox restore FILE [--db PATH]\n\nChecks FILE, keeps a copy of the current database in its backups folder, then puts FILE in its place.\nClose the app first.\n`;

async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: common });
  const [file] = positionals;
  if (!file) throw new UsageError('restore needs the backup FILE');
  const path = resolveDatabasePath(values.db);
  const keys = await existingKeys(path, cliKeySource(values));
  const outcome = await restoreFrom(path, file, keys ? { keys } : {});
  console.log(`Restored ${file}. The previous database was kept as ${outcome.safetyCopy.path}`);
  return 0;
}

export const restore: Command = { help, run };

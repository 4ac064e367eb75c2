import { parseArgs } from 'node:util';
import { checkDatabase } from '../core/db/check.js';
import { resolveDatabasePath } from '../core/paths.js';
import { common, type Command } from './command.js';

// `chatterbox check`: reads the file without opening a core on it, so nothing is migrated or
// changed, and a damaged file is reported rather than refused.

const help = `Usage: chatterbox check [--db PATH]\n\nRuns SQLite's integrity check and Chatterbox's own checks, changing nothing. Exit code 1 if there is a problem.\n`;

function run(args: string[]): number {
  const { values } = parseArgs({ args, options: common });
  const path = resolveDatabasePath(values.db);
  const result = checkDatabase(path);
  if (result.ok) {
    console.log(`${path}: no problems found (schema ${result.schemaVersion}, ${Math.round(result.sizeBytes / 1024)} KiB)`);
    return 0;
  }
  for (const p of result.problems) console.error(`${path}: ${p}`);
  return 1;
}

export const check: Command = { help, run };

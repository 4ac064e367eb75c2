import { parseArgs } from 'node:util';
import { backupTo } from '../core/services/backups/create.js';
import { common, UsageError, type Command } from './command.js';
import { openCore } from './core.js';
import { progress, progressDone } from './progress.js';

// `chatterbox backup --out FILE`: a checked copy anywhere, e.g. on a USB stick.

const help = `Usage: chatterbox backup --out FILE [--db PATH]\n\nA consistent copy, safe while the app is open, checked before it is kept.\n`;

async function run(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { ...common, out: { type: 'string' } } });
  if (!values.out) throw new UsageError('backup needs --out FILE');
  const core = await openCore(values);
  try {
    progress('Backing up…');
    const check = await backupTo(core, values.out);
    progressDone();
    console.log(`Backed up to ${values.out} (${Math.round(check.sizeBytes / 1024)} KiB, integrity check passed)`);
    return 0;
  } finally {
    core.close();
  }
}

export const backup: Command = { help, run };

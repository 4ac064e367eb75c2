import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startHttpHost } from '../core/host/http.js';
import { startAutoBackups } from '../core/services/backups/schedule.js';
import { common, UsageError, type Command } from './command.js';
import { openCore } from './core.js';

// `chatterbox serve`: browser mode, the app in any browser against a host on 127.0.0.1. Runs until
// stopped, with the same automatic backups as the desktop app.

const help = `Usage: chatterbox serve (--user NAME | --local-admin) [--db PATH] [--port N]\n\nServes Chatterbox on http://127.0.0.1 and prints the address to open. Each address works once,\nin one browser; press Enter for a fresh one.\n  --port N   Port to listen on (default 4870; 0 picks a free one)\n`;

async function run(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { ...common, port: { type: 'string', default: '4870' } } });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a number from 0 to 65535, not ${values.port}`);
  // Each browser tab signs in for itself; this session (--user or --local-admin) is the command's own.
  const core = await openCore(values);
  // The built renderer: dist/renderer, beside dist/electron.
  const staticDir = fileURLToPath(new URL('../../renderer/', import.meta.url));
  let host;
  try {
    host = await startHttpHost({ core, staticDir, port });
  } catch (err) {
    if (!(err instanceof Error && 'code' in err && err.code === 'EADDRINUSE') || port === 0) throw err;
    console.log(`Port ${port} is in use; using a free port instead.`);
    host = await startHttpHost({ core, staticDir, port: 0 });
  }
  const stopBackups = startAutoBackups(core, { onError: (err) => console.error('Automatic backup failed:', err instanceof Error ? err.message : err) });
  const started = host;
  console.log(`Chatterbox (browser mode) is running. Open this address in Chrome, Edge or Firefox:`);
  console.log(`  ${host.accessUrl}`);
  console.log(`Database: ${core.context.databasePath}`);
  console.log('The address works once. Press Enter for a fresh one (another browser, or after closing this one). Press Ctrl+C to stop.');
  // The address carries a one-time code: a person who needs another gets it here, where only
  // someone at this machine's terminal can see it.
  createInterface({ input: process.stdin }).on('line', () => console.log(`Open this address: ${started.newAccessUrl()}`));
  const stop = () => {
    stopBackups();
    void host.close().then(() => {
      core.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return new Promise<number>(() => undefined);
}

export const serve: Command = { help, run };

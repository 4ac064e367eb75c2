#!/usr/bin/env node
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { AppError } from '../shared/errors.js';
import { fixedClock, systemClock, type Clock } from './core/context.js';
import { createCore, type Core } from './core/core.js';
import { generateDemo } from './core/demo/generate.js';
import { startHttpHost } from './core/host/http.js';
import { resolveDatabasePath } from './core/paths.js';

// The `chatterbox` command: the same core as the desktop app, for browser mode, demo data and
// (later) imports, exports and backups. Exit codes: 0 done, 1 data errors, 2 usage.

const usage = `Usage: chatterbox <command> [options]

Commands:
  serve      Serve the app in your browser on 127.0.0.1 (browser mode)
  demo       Fill a database with fictional demo settings, staff and children

Options (every command):
  --db PATH  Database file (default: CHATTERBOX_DB, else the user's data folder)
  --help     Show help for a command
`;

const commandHelp: Record<string, string> = {
  serve: `Usage: chatterbox serve [--db PATH] [--port N]

Serves Chatterbox on http://127.0.0.1 and prints the address to open.
  --port N   Port to listen on (default 4870; 0 picks a free one)
`,
  demo: `Usage: chatterbox demo [--db PATH] [--seed N]

Adds fictional demo settings, rooms, staff, children, screening histories and rounds to an empty database.
  --seed N   Seed for the generator (default: a fixed seed, so the data is the same every time)
`,
};

class UsageError extends Error {}

/** CHATTERBOX_TODAY pins the app's date, so demos and end-to-end runs are repeatable. */
function clockFromEnv(): Clock {
  const today = process.env.CHATTERBOX_TODAY;
  return today ? fixedClock(today) : systemClock;
}

function openCore(dbFlag: string | undefined): Core {
  return createCore({
    databasePath: resolveDatabasePath(dbFlag),
    clock: clockFromEnv(),
    onInternalError: (method, err) => console.error(`Error in ${method}:`, err),
  });
}

async function serve(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { db: { type: 'string' }, port: { type: 'string', default: '4870' } } });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a number from 0 to 65535, not ${values.port}`);
  const core = openCore(values.db);
  const staticDir = fileURLToPath(new URL('../renderer/', import.meta.url));
  let host;
  try {
    host = await startHttpHost({ core, staticDir, port });
  } catch (err) {
    if (!(err instanceof Error && 'code' in err && err.code === 'EADDRINUSE') || port === 0) throw err;
    console.log(`Port ${port} is in use; using a free port instead.`);
    host = await startHttpHost({ core, staticDir, port: 0 });
  }
  console.log(`Chatterbox (browser mode) is running. Open ${host.url} in Chrome, Edge or Firefox.`);
  console.log(`Database: ${core.context.databasePath}`);
  console.log('Press Ctrl+C to stop.');
  const stop = () => {
    void host.close().then(() => {
      core.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

function demo(args: string[]): void {
  const { values } = parseArgs({ args, options: { db: { type: 'string' }, seed: { type: 'string' } } });
  const seed = values.seed === undefined ? undefined : Number(values.seed);
  if (seed !== undefined && !Number.isInteger(seed)) throw new UsageError(`--seed must be a whole number, not ${values.seed}`);
  const core = openCore(values.db);
  try {
    if (core.invoke('app.info', {}).settingCount > 0) {
      throw new AppError('CONFLICT', `${core.context.databasePath} already holds settings. Demo data goes into an empty database: use --db NEW-FILE.`);
    }
    const summary = core.context.db.transaction(() =>
      generateDemo(core.invoke, {
        today: core.context.clock.today(),
        ...(seed === undefined ? {} : { seed }),
        onProgress: (done, total) => process.stdout.isTTY && process.stdout.write(`\rDemo settings: ${done}/${total}`),
      }),
    )();
    if (process.stdout.isTTY) process.stdout.write('\n');
    console.log(
      `Added ${summary.settings} demo settings, ${summary.rooms} rooms, ${summary.staff} staff, ${summary.children} children, ` +
        `${summary.screenings} screenings and ${summary.rounds} screening rounds to ${core.context.databasePath}`,
    );
  } finally {
    core.close();
  }
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === 'help') {
    console.log(usage);
    return command ? 0 : 2;
  }
  if (rest.includes('--help')) {
    const help = commandHelp[command];
    if (!help) {
      console.error(`Unknown command: ${command}\n\n${usage}`);
      return 2;
    }
    console.log(help);
    return 0;
  }
  try {
    if (command === 'serve') await serve(rest);
    else if (command === 'demo') demo(rest);
    else throw new UsageError(`Unknown command: ${command}`);
    return 0;
  } catch (err) {
    if (err instanceof UsageError || (err instanceof TypeError && 'code' in err && String(err.code).startsWith('ERR_PARSE_ARGS'))) {
      console.error(`${err.message}\n\n${commandHelp[command] ?? usage}`);
      return 2;
    }
    if (err instanceof AppError || (err instanceof Error && err.name === 'ApiCallError')) {
      console.error(err.message);
      return 1;
    }
    throw err;
  }
}

// Run only when executed (directly or through the npm bin link), not when imported by tests.
if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then(
    (code) => {
      if (code !== 0) process.exitCode = code;
    },
    (err: unknown) => {
      console.error(err);
      process.exitCode = 1;
    },
  );
}

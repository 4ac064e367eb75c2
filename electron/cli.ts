#!/usr/bin/env node
import { realpathSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { AppError, ApiCallError } from '../shared/errors.js';
import { settingTypes, type SettingType } from '../shared/schemas/settings.js';
import { fixedClock, systemClock, type Clock } from './core/context.js';
import { createCore, type Core } from './core/core.js';
import { generateDemo } from './core/demo/generate.js';
import { startHttpHost } from './core/host/http.js';
import { checkDatabase } from './core/db/check.js';
import { backupTo } from './core/services/backups/create.js';
import { restoreFrom } from './core/services/backups/restore.js';
import { startAutoBackups } from './core/services/backups/schedule.js';
import { importFile } from './core/io/import/cli.js';
import { databaseTables } from './core/io/subject-access.js';
import { resolveDatabasePath } from './core/paths.js';

// The `chatterbox` command: the same core as the desktop app. Every command takes --db PATH and
// --help. Exit codes: 0 done, 1 data errors (printed with file, row and column), 2 usage.

const usage = `Usage: chatterbox <command> [options]

Commands:
  serve                                   Serve the app in your browser on 127.0.0.1 (browser mode)
  demo                                    Fill an empty database with fictional demo data
  settings add --name N --urn U --type T  Add a setting
  import children FILE --setting URN      Import children from CSV or Excel (--dry-run to check only)
  import screenings FILE --setting URN    Import past screening results
  export tracker --setting URN --out FILE Export the cohort tracker (--format xlsx|csv, --round NAME)
  export child ID --out FILE              Export everything about one child (subject access request)
  export database --out FILE              Export the whole database as JSON
  backup --out FILE                       Make a checked backup copy of the database
  restore FILE                            Replace the database with a backup (keeps a copy of the old one)
  check                                   Check the database for damage

Options (every command):
  --db PATH   Database file (default: CHATTERBOX_DB, else the user's data folder)
  --as NAME   Who is making changes, for the audit trail (default: your user name)
  --help      Show help for a command
`;

const commandHelp: Record<string, string> = {
  serve: `Usage: chatterbox serve [--db PATH] [--port N]\n\nServes Chatterbox on http://127.0.0.1 and prints the address to open.\n  --port N   Port to listen on (default 4870; 0 picks a free one)\n`,
  demo: `Usage: chatterbox demo [--db PATH] [--seed N]\n\nAdds fictional demo settings, rooms, staff, children, screening histories and rounds to an empty database.\n  --seed N   Seed for the generator (default: a fixed seed, so the data is the same every time)\n`,
  settings: `Usage: chatterbox settings add --name NAME --urn URN --type TYPE [--la LOCAL-AUTHORITY] [--db PATH]\n\nTYPE is one of: ${settingTypes.join(', ')}\n`,
  import: `Usage: chatterbox import children|screenings FILE --setting URN [--dry-run] [--source NAME] [--map FIELD=COLUMN ...] [--db PATH]\n\nReads CSV (any common encoding) or Excel. Every row is imported, or none. Problems are listed with file, row and column.\n  --dry-run         Check every row and report, saving nothing\n  --source NAME     Remember the column matching under this name (default "Command line")\n  --map F=COLUMN    Read field F from COLUMN, e.g. --map dateOfBirth="D.O.B" (repeatable)\n`,
  export: `Usage:\n  chatterbox export tracker --setting URN [--round NAME] [--format xlsx|csv] --out FILE\n  chatterbox export child ID --out FILE\n  chatterbox export database --out FILE\n\nThe tracker lists every child on roll in the round (the latest round by default), one row per child, blank where not screened.\n`,
  backup: `Usage: chatterbox backup --out FILE [--db PATH]\n\nA consistent copy, safe while the app is open, checked before it is kept.\n`,
  restore: `Usage: chatterbox restore FILE [--db PATH]\n\nChecks FILE, keeps a copy of the current database in its backups folder, then puts FILE in its place.\nClose the app first.\n`,
  check: `Usage: chatterbox check [--db PATH]\n\nRuns SQLite's integrity check and Chatterbox's own checks, changing nothing. Exit code 1 if there is a problem.\n`,
};

class UsageError extends Error {}

const common = { db: { type: 'string' }, as: { type: 'string' } } as const;

/** CHATTERBOX_TODAY pins the app's date, so demos and end-to-end runs are repeatable. */
function clockFromEnv(): Clock {
  const today = process.env.CHATTERBOX_TODAY;
  return today ? fixedClock(today) : systemClock;
}

function osUser(): string {
  try {
    return userInfo().username;
  } catch {
    return 'command line';
  }
}

function openCore(values: { db?: string | undefined; as?: string | undefined }, asDefault: string | null = osUser()): Core {
  const actorName = values.as ?? asDefault;
  return createCore({
    databasePath: resolveDatabasePath(values.db),
    clock: clockFromEnv(),
    ...(actorName ? { actorName } : {}),
    onInternalError: (method, err) => console.error(`Error in ${method}:`, err),
  });
}

/** Progress on a terminal only: piped output stays clean for scripts. */
function progress(text: string): void {
  if (process.stderr.isTTY) process.stderr.write(`\r${text}\x1b[K`);
}
function progressDone(): void {
  if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
}

async function serve(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { ...common, port: { type: 'string', default: '4870' } } });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a number from 0 to 65535, not ${values.port}`);
  // The browser asks who is using the app; --as only presets it.
  const core = openCore(values, null);
  const staticDir = fileURLToPath(new URL('../renderer/', import.meta.url));
  let host;
  try {
    host = await startHttpHost({ core, staticDir, port });
  } catch (err) {
    if (!(err instanceof Error && 'code' in err && err.code === 'EADDRINUSE') || port === 0) throw err;
    console.log(`Port ${port} is in use; using a free port instead.`);
    host = await startHttpHost({ core, staticDir, port: 0 });
  }
  const stopBackups = startAutoBackups(core, { onError: (err) => console.error('Automatic backup failed:', err instanceof Error ? err.message : err) });
  console.log(`Chatterbox (browser mode) is running. Open ${host.url} in Chrome, Edge or Firefox.`);
  console.log(`Database: ${core.context.databasePath}`);
  console.log('Press Ctrl+C to stop.');
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

function demo(args: string[]): number {
  const { values } = parseArgs({ args, options: { ...common, seed: { type: 'string' } } });
  const seed = values.seed === undefined ? undefined : Number(values.seed);
  if (seed !== undefined && !Number.isInteger(seed)) throw new UsageError(`--seed must be a whole number, not ${values.seed}`);
  const core = openCore(values);
  try {
    if (core.invoke('app.info', {}).settingCount > 0) {
      throw new AppError('CONFLICT', `${core.context.databasePath} already holds settings. Demo data goes into an empty database: use --db NEW-FILE.`);
    }
    const summary = core.context.db.transaction(() =>
      generateDemo(core.invoke, {
        today: core.context.clock.today(),
        ...(seed === undefined ? {} : { seed }),
        onProgress: (done, total) => progress(`Demo settings: ${done}/${total}`),
      }),
    )();
    progressDone();
    console.log(
      `Added ${summary.settings} demo settings, ${summary.rooms} rooms, ${summary.staff} staff, ${summary.children} children, ` +
        `${summary.screenings} screenings and ${summary.rounds} screening rounds to ${core.context.databasePath}`,
    );
    return 0;
  } finally {
    core.close();
  }
}

function settingsCommand(args: string[]): number {
  const [sub, ...rest] = args;
  if (sub !== 'add') throw new UsageError(`Unknown settings command: ${sub ?? '(none)'}`);
  const { values } = parseArgs({ args: rest, options: { ...common, name: { type: 'string' }, urn: { type: 'string' }, type: { type: 'string' }, la: { type: 'string' } } });
  if (!values.name || !values.urn || !values.type) throw new UsageError('settings add needs --name, --urn and --type');
  if (!settingTypes.includes(values.type as SettingType)) throw new UsageError(`--type must be one of ${settingTypes.join(', ')}`);
  const core = openCore(values);
  try {
    const s = core.invoke('settings.create', { name: values.name, urn: values.urn, type: values.type as SettingType, localAuthority: values.la ?? '' });
    console.log(`Added ${s.name} (URN ${s.urn}), id ${s.id}`);
    return 0;
  } finally {
    core.close();
  }
}

function settingByUrn(core: Core, urn: string) {
  const wanted = urn.trim().toUpperCase().replace(/\s+/g, '');
  const setting = core.invoke('settings.list', { includeArchived: true }).find((s) => s.urn === wanted);
  if (!setting) throw new AppError('NOT_FOUND', `No setting has the URN ${urn}`);
  return setting;
}

async function importCommand(args: string[]): Promise<number> {
  const [kind, ...rest] = args;
  if (kind !== 'children' && kind !== 'screenings') throw new UsageError('Say what to import: chatterbox import children|screenings FILE --setting URN');
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: { ...common, setting: { type: 'string' }, 'dry-run': { type: 'boolean', default: false }, source: { type: 'string' }, map: { type: 'string', multiple: true } },
  });
  const [path] = positionals;
  if (!path || !values.setting) throw new UsageError(`import ${kind} needs a FILE and --setting URN`);
  const mapping: Record<string, string> = {};
  for (const m of values.map ?? []) {
    const eq = m.indexOf('=');
    if (eq < 1) throw new UsageError(`--map needs FIELD=COLUMN, not ${m}`);
    mapping[m.slice(0, eq)] = m.slice(eq + 1);
  }
  const core = openCore(values);
  try {
    progress(`Reading ${path}…`);
    const result = await importFile(core, {
      kind,
      settingUrn: values.setting,
      path,
      dryRun: values['dry-run'],
      ...(values.source ? { sourceName: values.source } : {}),
      ...(Object.keys(mapping).length > 0 ? { mapping } : {}),
    });
    progressDone();
    for (const w of result.warnings.slice(0, 50)) console.log(`warning: ${w.file}${w.row ? `, row ${w.row}` : ''}${w.column ? `, column "${w.column}"` : ''}: ${w.message}`);
    for (const e of result.errors) console.error(`${e.file}${e.row ? `, row ${e.row}` : ''}${e.column ? `, column "${e.column}"` : ''}: ${e.message}`);
    console.log(result.summary);
    return result.ok ? 0 : 1;
  } finally {
    core.close();
  }
}

async function exportCommand(args: string[]): Promise<number> {
  const [what, ...rest] = args;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: { ...common, setting: { type: 'string' }, round: { type: 'string' }, format: { type: 'string', default: 'xlsx' }, out: { type: 'string' } },
  });
  if (!values.out) throw new UsageError('export needs --out FILE');
  const core = openCore(values);
  try {
    if (what === 'tracker') {
      if (!values.setting) throw new UsageError('export tracker needs --setting URN');
      if (values.format !== 'xlsx' && values.format !== 'csv') throw new UsageError('--format must be xlsx or csv');
      const setting = settingByUrn(core, values.setting);
      let roundId: string | null = null;
      if (values.round) {
        const round = core.invoke('rounds.list', {}).find((r) => r.name.toLowerCase() === values.round?.toLowerCase());
        if (!round) throw new AppError('NOT_FOUND', `There is no round called ${values.round}`);
        roundId = round.id;
      } else {
        // The latest round by default, for Excel as for CSV.
        roundId = core.invoke('rounds.list', {}).at(-1)?.id ?? null;
      }
      const file = await core.invokeAsync('export.tracker', { settingId: setting.id, roundId, format: values.format });
      await writeFile(values.out, Buffer.from(file.base64, 'base64'));
    } else if (what === 'child') {
      const [id] = positionals;
      if (!id) throw new UsageError('export child needs the child ID');
      const file = core.invoke('export.child', { childId: id });
      await writeFile(values.out, Buffer.from(file.base64, 'base64'));
    } else if (what === 'database') {
      progress('Reading every table…');
      const tables = core.context.db.transaction(() => databaseTables(core.context))();
      progressDone();
      await writeFile(values.out, JSON.stringify({ exportedAt: core.context.clock.now(), tables }, null, 1));
    } else {
      throw new UsageError(`Unknown export: ${what ?? '(none)'}`);
    }
    console.log(`Wrote ${values.out}`);
    return 0;
  } finally {
    core.close();
  }
}

async function backupCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { ...common, out: { type: 'string' } } });
  if (!values.out) throw new UsageError('backup needs --out FILE');
  const core = openCore(values);
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

async function restoreCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: common });
  const [file] = positionals;
  if (!file) throw new UsageError('restore needs the backup FILE');
  const outcome = await restoreFrom(resolveDatabasePath(values.db), file);
  console.log(`Restored ${file}. The previous database was kept as ${outcome.safetyCopy.path}`);
  return 0;
}

function checkCommand(args: string[]): number {
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

const commands: Record<string, (args: string[]) => number | Promise<number>> = {
  serve,
  demo,
  settings: settingsCommand,
  import: importCommand,
  export: exportCommand,
  backup: backupCommand,
  restore: restoreCommand,
  check: checkCommand,
};

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === 'help') {
    console.log(usage);
    return command ? 0 : 2;
  }
  const run = commands[command];
  if (!run) {
    console.error(`Unknown command: ${command}\n\n${usage}`);
    return 2;
  }
  if (rest.includes('--help')) {
    console.log(commandHelp[command] ?? usage);
    return 0;
  }
  try {
    return await run(rest);
  } catch (err) {
    progressDone();
    if (err instanceof UsageError || (err instanceof TypeError && 'code' in err && String(err.code).startsWith('ERR_PARSE_ARGS'))) {
      console.error(`${err.message}\n\n${commandHelp[command] ?? usage}`);
      return 2;
    }
    if (err instanceof ApiCallError && err.issues.length > 0) {
      for (const issue of err.issues) console.error(`${issue.path.join('.')}: ${issue.message}`);
      return 1;
    }
    if (err instanceof AppError || err instanceof ApiCallError) {
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

#!/usr/bin/env node
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { AppError, ApiCallError } from '../../shared/errors.js';
import { environmentError } from '../core/db/errors.js';
import { useOwnerOnlyFileModes } from '../core/keys/private-files.js';
import { backup } from './backup.js';
import { check } from './check.js';
import { isUsageError, type Command } from './command.js';
import { demo } from './demo.js';
import { encrypt } from './encrypt.js';
import { exportCommand } from './export.js';
import { importCommand } from './import.js';
import { key } from './key.js';
import { progressDone } from './progress.js';
import { restore } from './restore.js';
import { serve } from './serve.js';
import { settings } from './settings.js';

// The `chatterbox` command: the same core as the desktop app, outside it (the core never imports
// from here). One module per command; this one picks the command and turns what happened into an
// exit code: 0 done, 1 data errors (printed with file, row and column), 2 usage.

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
  encrypt                                 Encrypt a database from before encryption (--confirm deletes the plain copy)
  key change|passphrase|show              New key when staff leave, new passphrase, raw key for support

Options (every command):
  --db PATH      Database file (default: CHATTERBOX_DB, else the user's data folder)
  --user NAME    Sign in as this account; the password comes from CHATTERBOX_PASSWORD,
                 else you are asked for it (nothing is shown as you type)
  --local-admin  Run as the local administrator instead (full permissions; recorded in the
                 audit trail with your user name on this computer)
  --recovery-key KEY  Unlock the encrypted database with its recovery key instead of the passphrase

The database is encrypted: commands take its passphrase from CHATTERBOX_PASSPHRASE (or the
recovery key from CHATTERBOX_RECOVERY_KEY), else ask for it in the terminal.
  --help      Show help for a command
`;

const commands: Record<string, Command> = { serve, demo, settings, import: importCommand, export: exportCommand, backup, restore, check, encrypt, key };

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === 'help') {
    console.log(usage);
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    console.error(`Unknown command: ${name}\n\n${usage}`);
    return 2;
  }
  if (rest.includes('--help')) {
    console.log(command.help);
    return 0;
  }
  try {
    return await command.run(rest);
  } catch (err) {
    progressDone();
    if (isUsageError(err)) {
      console.error(`${err.message}\n\n${command.help}`);
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
    // Locked, read-only, disk full: one plain line and exit 1, never a stack trace.
    const environment = environmentError(err);
    if (environment) {
      console.error(environment.message);
      return 1;
    }
    throw err;
  }
}

// Run only when executed (directly or through the npm bin link), not when imported by tests.
if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  // Everything the command creates (database, -wal, -shm, key file, backups) is owner-only.
  useOwnerOnlyFileModes();
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

import { AppError } from '../../shared/errors.js';
import type { Unlock } from '../core/keys/key-file.js';
import type { KeySource } from '../core/keys/unlock.js';

// The command line's (and browser mode's) way of unlocking the database: CHATTERBOX_PASSPHRASE or
// CHATTERBOX_RECOVERY_KEY (--recovery-key) for scripts and tests, else asked at the terminal with
// the typing hidden. Without a terminal and without either variable, one line says what to set.

const nothingToAsk =
  'The database is encrypted: set CHATTERBOX_PASSPHRASE (or CHATTERBOX_RECOVERY_KEY) to its passphrase, or run this command in a terminal to be asked.';

/** Reads a line from the terminal without showing what is typed. */
export function askHidden(question: string): Promise<string> {
  const stdin = process.stdin;
  if (!stdin.isTTY) return Promise.reject(new AppError('DATABASE', nothingToAsk));
  process.stderr.write(question);
  stdin.setRawMode(true);
  stdin.resume();
  stdin.setEncoding('utf8');
  return new Promise((resolve, reject) => {
    let typed = '';
    const done = (): void => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      process.stderr.write('\n');
    };
    const onData = (chunk: string): void => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') {
          done();
          resolve(typed);
          return;
        }
        if (ch === '\u0003') {
          done();
          reject(new AppError('DATABASE', 'Stopped: no passphrase was given. Nothing was changed.'));
          return;
        }
        if (ch === '\u007f' || ch === '\b') typed = typed.slice(0, -1);
        else typed += ch;
      }
    };
    stdin.on('data', onData);
  });
}

/** A new passphrase: from the variable named (CHATTERBOX_PASSPHRASE), else typed twice. */
export async function newPassphrase(env: NodeJS.ProcessEnv = process.env, variable = 'CHATTERBOX_PASSPHRASE'): Promise<string> {
  const given = env[variable];
  if (given) return given;
  if (!process.stdin.isTTY) {
    throw new AppError('DATABASE', `A new passphrase is needed: set ${variable}, or run this command in a terminal to be asked.`);
  }
  console.error('Chatterbox encrypts its database. Choose a passphrase (at least 10 characters) that the people who manage Chatterbox will remember.');
  for (;;) {
    const first = await askHidden('New passphrase: ');
    const second = await askHidden('Type it again: ');
    if (first === second) return first;
    console.error('The two passphrases were different. Try again.');
  }
}

/** The key source for a command: --recovery-key wins, then the environment, then the terminal. */
export function cliKeySource(values: { 'recovery-key'?: string | undefined }, env: NodeJS.ProcessEnv = process.env): KeySource {
  return {
    unlock: async (): Promise<Unlock> => {
      const recoveryKey = values['recovery-key'] ?? env.CHATTERBOX_RECOVERY_KEY;
      if (recoveryKey) return { recoveryKey };
      if (env.CHATTERBOX_PASSPHRASE) return { passphrase: env.CHATTERBOX_PASSPHRASE };
      return { passphrase: await askHidden('Passphrase for the Chatterbox database: ') };
    },
    newPassphrase: () => newPassphrase(env),
    showRecoveryKey: (recoveryKey, keyFilePath) => {
      console.error(
        [
          '',
          'The database is encrypted. Its key file is ' + keyFilePath + ' (keep a copy of it with your backups).',
          'RECOVERY KEY (shown only this once; write it down and keep it somewhere safe, away from this computer):',
          '',
          `    ${recoveryKey}`,
          '',
          'If the passphrase is forgotten, the recovery key unlocks the database instead (--recovery-key).',
          '',
        ].join('\n'),
      );
    },
  };
}

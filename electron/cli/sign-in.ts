import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { AppError } from '../../shared/errors.js';
import type { Core } from '../core/core.js';
import { UsageError } from './command.js';

// Every command either signs in as an account (--user NAME, the password from
// CHATTERBOX_PASSWORD or typed at a hidden prompt) or runs as the local administrator
// (--local-admin): whoever can run the command on this machine can already read the file.

/** Asks for the password without showing what is typed. */
function promptHidden(question: string): Promise<string> {
  if (!process.stdin.isTTY) {
    return Promise.reject(new UsageError('No password: set CHATTERBOX_PASSWORD, or run the command in a terminal to type it.'));
  }
  process.stderr.write(question);
  // Output goes nowhere, so the typed characters are not echoed.
  const silent = new Writable({ write: (_chunk, _encoding, done) => done() });
  const rl = createInterface({ input: process.stdin, output: silent, terminal: true });
  return new Promise((resolve) =>
    rl.question('', (answer) => {
      rl.close();
      process.stderr.write('\n');
      resolve(answer);
    }),
  );
}

export async function signInCommandLine(core: Core, values: { user?: string | undefined; 'local-admin'?: boolean | undefined }): Promise<void> {
  if (values['local-admin']) return; // The core was opened with the local administrator's session.
  if (!values.user) throw new UsageError('Say who you are: --user NAME (you will be asked for your password), or --local-admin.');
  const password = process.env.CHATTERBOX_PASSWORD ?? (await promptHidden(`Password for ${values.user}: `));
  const me = await core.invokeAsync('session.signIn', { userName: values.user, password });
  if (me.mustChangePassword) throw new AppError('FORBIDDEN', 'A manager reset your password: sign in to the app and choose a new one first.');
}

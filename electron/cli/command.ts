// What every command of `chatterbox` shares: its shape, the options every command takes, and the
// usage error that main.ts turns into exit code 2 with the command's help.

export interface Command {
  /** Printed for `chatterbox COMMAND --help`, and after a usage error. */
  help: string;
  /** Resolves to the exit code: 0 done, 1 data errors. Throws UsageError for exit code 2. */
  run(args: string[]): number | Promise<number>;
}

/** A mistake in how the command was typed: exit code 2, with the command's help. */
export class UsageError extends Error {}

/** Options every command takes, for node:util parseArgs. */
export const common = { db: { type: 'string' }, user: { type: 'string' }, 'local-admin': { type: 'boolean' }, 'recovery-key': { type: 'string' } } as const;

/** parseArgs's own errors (an unknown option, a missing value) are usage errors too. */
export function isUsageError(err: unknown): err is Error {
  return err instanceof UsageError || (err instanceof TypeError && 'code' in err && String(err.code).startsWith('ERR_PARSE_ARGS'));
}

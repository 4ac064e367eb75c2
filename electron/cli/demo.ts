import { parseArgs } from 'node:util';
import { AppError } from '../../shared/errors.js';
import { addDemoAccounts } from '../core/demo/accounts.js';
import { generateDemo } from '../core/demo/generate.js';
import { invokerOnDay } from '../core/demo/on-day.js';
import { common, UsageError, type Command } from './command.js';
import { openCore } from './core.js';
import { progress, progressDone } from './progress.js';

// `chatterbox demo`: fictional data for trying the app, and for the end-to-end tests.

const help = `Usage: chatterbox demo --local-admin [--db PATH] [--seed N]\n\nAdds fictional demo settings, rooms, staff, children, screening histories, rounds, targets and a year of visits to an empty database.\n  --seed N   Seed for the generator (default: a fixed seed, so the data is the same every time)\n`;

async function run(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { ...common, seed: { type: 'string' } } });
  const seed = values.seed === undefined ? undefined : Number(values.seed);
  if (seed !== undefined && !Number.isInteger(seed)) throw new UsageError(`--seed must be a whole number, not ${values.seed}`);
  const core = await openCore(values);
  try {
    if (core.invoke('app.info', {}).settingCount > 0) {
      throw new AppError('CONFLICT', `${core.context.databasePath} already holds settings. Demo data goes into an empty database: use --db NEW-FILE.`);
    }
    // One transaction: a failure part way leaves the database empty, ready for another go.
    // Immediate: holds the write lock from the start, so a running app waits instead of failing.
    const summary = core.context.db
      .transaction(() =>
        generateDemo(core.invoke, {
          today: core.context.clock.today(),
          invokeOn: invokerOnDay(core.context, core.localSession),
          ...(seed === undefined ? {} : { seed }),
          onProgress: (done, total) => progress(`Demo settings: ${done}/${total}`),
        }),
      )
      .immediate();
    progressDone();
    const accounts = await addDemoAccounts(core);
    console.log(`Added ${accounts} demo sign-in accounts, one per role (see the README's demo section for their passwords).`);
    console.log(
      `Added ${summary.settings} demo settings, ${summary.rooms} rooms, ${summary.staff} staff, ${summary.children} children, ` +
        `${summary.screenings} screenings, ${summary.rounds} screening rounds, ${summary.targets} children's targets, ` +
        `${summary.settingTargets} whole-setting targets, ${summary.visits} visits and ${summary.visitActions} visit actions to ${core.context.databasePath}`,
    );
    return 0;
  } finally {
    core.close();
  }
}

export const demo: Command = { help, run };

import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { AppError } from '../../shared/errors.js';
import { common, UsageError, type Command } from './command.js';
import { openCore, requireSettingWithUrn } from './core.js';
import { progress, progressDone } from './progress.js';

// `chatterbox export tracker|child|database`: the app's exports, written to a file.

const help = `Usage:\n  chatterbox export tracker --setting URN [--round NAME] [--format xlsx|csv] --out FILE\n  chatterbox export child ID --out FILE\n  chatterbox export database --out FILE\n\nThe tracker lists every child on roll in the round (the latest round by default), one row per child, blank where not screened.\n`;

async function run(args: string[]): Promise<number> {
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
      const setting = requireSettingWithUrn(core, values.setting);
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
      const tables = core.context.db.transaction(() => core.context.repos.export.everyTable())();
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

export const exportCommand: Command = { help, run };

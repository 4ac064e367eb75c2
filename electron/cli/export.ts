import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { AppError } from '../../shared/errors.js';
import { settingTypes, type SettingType } from '../../shared/schemas/settings.js';
import type { Core } from '../core/core.js';
import { common, UsageError, type Command } from './command.js';
import { openCore, requireSettingWithUrn } from './core.js';
import { progress, progressDone } from './progress.js';

// `chatterbox export tracker|la-tracker|child|database`: the app's exports, written to a file.

const help = `Usage:\n  chatterbox export tracker --setting URN [--round NAME] [--format xlsx|csv] --out FILE\n  chatterbox export la-tracker [--la NAME] [--type TYPE] [--round NAME] --out FILE\n  chatterbox export child ID --out FILE\n  chatterbox export database --out FILE\n\nThe tracker lists every child on roll in the round (the latest round by default), one row per child, blank where not screened.\nThe la-tracker is one Excel workbook for every setting (or those of one local authority or type): a summary sheet and one sheet of every child.\n`;

/** The round named (any case), or null for the latest. */
function roundByName(core: Core, name: string | undefined): string | null {
  const rounds = core.invoke('rounds.list', {});
  if (!name) return rounds.at(-1)?.id ?? null;
  const round = rounds.find((r) => r.name.toLowerCase() === name.toLowerCase());
  if (!round) throw new AppError('NOT_FOUND', `There is no round called ${name}`);
  return round.id;
}

async function run(args: string[]): Promise<number> {
  const [what, ...rest] = args;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      ...common,
      setting: { type: 'string' },
      la: { type: 'string' },
      type: { type: 'string' },
      round: { type: 'string' },
      format: { type: 'string', default: 'xlsx' },
      out: { type: 'string' },
    },
  });
  if (!values.out) throw new UsageError('export needs --out FILE');
  const core = await openCore(values);
  try {
    if (what === 'tracker') {
      if (!values.setting) throw new UsageError('export tracker needs --setting URN');
      if (values.format !== 'xlsx' && values.format !== 'csv') throw new UsageError('--format must be xlsx or csv');
      const setting = requireSettingWithUrn(core, values.setting);
      // The latest round by default, for Excel as for CSV.
      const roundId = roundByName(core, values.round);
      const file = await core.invokeAsync('export.tracker', { settingId: setting.id, roundId, format: values.format });
      await writeFile(values.out, Buffer.from(file.base64, 'base64'));
    } else if (what === 'la-tracker') {
      if (values.format !== 'xlsx') throw new UsageError('the la-tracker is an Excel workbook only');
      const type = values.type ?? null;
      if (type !== null && !(settingTypes as readonly string[]).includes(type)) throw new UsageError(`--type must be one of ${settingTypes.join(', ')}`);
      progress('Writing the workbook…');
      const file = await core.invokeAsync('export.laTracker', {
        roundId: roundByName(core, values.round),
        localAuthority: values.la ?? null,
        settingType: type as SettingType | null,
      });
      progressDone();
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

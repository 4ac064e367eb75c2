import { parseArgs } from 'node:util';
import { common, UsageError, type Command } from './command.js';
import { openCore } from './core.js';
import { importFile } from './import-file.js';
import { progress, progressDone } from './progress.js';

// `chatterbox import children|screenings FILE`: the app's import from a spreadsheet, printing each
// problem with file, row and column; exit code 1 when anything stopped the import.

const help = `Usage: chatterbox import children|screenings FILE --setting URN [--dry-run] [--source NAME] [--map FIELD=COLUMN ...] [--db PATH]\n\nReads CSV (any common encoding) or Excel. Every row is imported, or none. Problems are listed with file, row and column.\n  --dry-run         Check every row and report, saving nothing\n  --source NAME     Remember the column matching under this name (default "Command line")\n  --map F=COLUMN    Read field F from COLUMN, e.g. --map dateOfBirth="D.O.B" (repeatable)\n`;

async function run(args: string[]): Promise<number> {
  const [kind, ...rest] = args;
  if (kind !== 'children' && kind !== 'screenings') throw new UsageError('Say what to import: chatterbox import children|screenings FILE --setting URN');
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      ...common,
      setting: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      source: { type: 'string' },
      map: { type: 'string', multiple: true },
    },
  });
  const [path] = positionals;
  if (!path || !values.setting) throw new UsageError(`import ${kind} needs a FILE and --setting URN`);
  const mapping: Record<string, string> = {};
  for (const m of values.map ?? []) {
    const eq = m.indexOf('=');
    if (eq < 1) throw new UsageError(`--map needs FIELD=COLUMN, not ${m}`);
    mapping[m.slice(0, eq)] = m.slice(eq + 1);
  }
  const core = await openCore(values);
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
    for (const w of result.warnings.slice(0, 50))
      console.log(`warning: ${w.file}${w.row ? `, row ${w.row}` : ''}${w.column ? `, column "${w.column}"` : ''}: ${w.message}`);
    for (const e of result.errors) console.error(`${e.file}${e.row ? `, row ${e.row}` : ''}${e.column ? `, column "${e.column}"` : ''}: ${e.message}`);
    console.log(result.summary);
    return result.ok ? 0 : 1;
  } finally {
    core.close();
  }
}

export const importCommand: Command = { help, run };

import { parseArgs } from 'node:util';
import { settingTypes, type SettingType } from '../../shared/schemas/settings.js';
import { common, UsageError, type Command } from './command.js';
import { openCore } from './core.js';

// `chatterbox settings add`: an early years setting, for scripted set-up before an import.

const help = `Usage: chatterbox settings add --name NAME --urn URN --type TYPE [--la LOCAL-AUTHORITY] [--db PATH]\n\nTYPE is one of: ${settingTypes.join(', ')}\n`;

async function run(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'add') throw new UsageError(`Unknown settings command: ${sub ?? '(none)'}`);
  const { values } = parseArgs({
    args: rest,
    options: { ...common, name: { type: 'string' }, urn: { type: 'string' }, type: { type: 'string' }, la: { type: 'string' } },
  });
  if (!values.name || !values.urn || !values.type) throw new UsageError('settings add needs --name, --urn and --type');
  if (!settingTypes.includes(values.type as SettingType)) throw new UsageError(`--type must be one of ${settingTypes.join(', ')}`);
  const core = await openCore(values);
  try {
    const s = core.invoke('settings.create', { name: values.name, urn: values.urn, type: values.type as SettingType, localAuthority: values.la ?? '' });
    console.log(`Added ${s.name} (URN ${s.urn}), id ${s.id}`);
    return 0;
  } finally {
    core.close();
  }
}

export const settings: Command = { help, run };

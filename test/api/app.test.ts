import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { latestSchemaVersion } from '../../electron/core/db/migrations.js';
import { appVersion } from '../../electron/core/version.js';
import { failure } from '../support/api.js';
import { testCore, testToday } from '../support/core.js';

describe('app.info', () => {
  it('reports the version, schema version, database path, today and the number of settings', () => {
    const core = testCore();
    const packageVersion = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
    expect(core.invoke('app.info', {})).toEqual({
      version: packageVersion,
      schemaVersion: latestSchemaVersion,
      databasePath: core.context.databasePath,
      today: testToday,
      settingCount: 0,
      readOnly: false,
      encrypted: true,
      // A new file has nothing to check in the background.
      integrity: { state: 'ok', message: 'The database passed its check.' },
    });
    expect(appVersion).toBe(packageVersion);
    const s = core.invoke('settings.create', { name: 'Acorn', urn: 'EY123456', type: 'nursery' });
    core.invoke('settings.create', { name: 'Bramble', urn: 'EY654321', type: 'nursery' });
    core.invoke('settings.archive', { id: s.id, archived: true });
    expect(core.invoke('app.info', {}).settingCount).toBe(2);
  });

  it('follows the core’s clock', () => {
    expect(testCore({ today: '2027-02-28' }).invoke('app.info', {}).today).toBe('2027-02-28');
  });

  it('refuses input that is not an object', () => {
    const core = testCore();
    expect(failure(core, 'app.info', 'please').code).toBe('VALIDATION');
  });
});

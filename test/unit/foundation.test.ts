import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { resolveDatabasePath, userDataFolder } from '../../electron/core/paths.js';
import { isAllowedExternalUrl } from '../../electron/security.js';
import { appVersion } from '../../electron/core/version.js';
import { foldForSearch } from '../../shared/domain/search.js';
import { childDateIssues, childInputSchema } from '../../shared/schemas/children.js';
import { settingInputSchema, urnSchema } from '../../shared/schemas/settings.js';

describe('appVersion', () => {
  it('matches package.json', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(appVersion).toBe(pkg.version);
  });
});

describe('database location', () => {
  it('follows Electron’s userData folder on each platform', () => {
    expect(userDataFolder('linux', { XDG_CONFIG_HOME: '/cfg' })).toBe('/cfg/Chatterbox');
    expect(userDataFolder('win32', { APPDATA: 'C:/Users/a/AppData/Roaming' })).toMatch(/Roaming[\\/]Chatterbox$/);
    expect(userDataFolder('darwin', {})).toMatch(/Library[\\/]Application Support[\\/]Chatterbox$/);
  });

  it('prefers --db, then CHATTERBOX_DB, then the data folder', () => {
    expect(resolveDatabasePath('/a.sqlite', { CHATTERBOX_DB: '/b.sqlite' })).toBe('/a.sqlite');
    expect(resolveDatabasePath(undefined, { CHATTERBOX_DB: '/b.sqlite' })).toBe('/b.sqlite');
    expect(resolveDatabasePath(undefined, { XDG_CONFIG_HOME: '/cfg' })).toMatch(/Chatterbox[\\/]chatterbox\.sqlite$/);
  });
});

describe('external links', () => {
  it.each([
    ['https://www.gov.uk/help', true],
    ['http://www.gov.uk/help', false],
    ['https://www.gov.uk.evil.test/', false],
    ['https://user:pw@www.gov.uk/', false],
    ['javascript:alert(1)', false],
    ['not a url', false],
  ])('%s -> %s', (url, allowed) => {
    expect(isAllowedExternalUrl(url)).toBe(allowed);
  });
});

describe('foldForSearch', () => {
  it('lower-cases, strips accents and collapses spaces', () => {
    expect(foldForSearch('  Élodie   ŁUKASIEWICZ ')).toBe('elodie łukasiewicz');
    expect(foldForSearch('Zoë O’Brien-Núñez')).toBe('zoe o’brien-nunez');
  });
});

describe('setting and child schemas', () => {
  it('normalises URNs and refuses malformed ones', () => {
    expect(urnSchema.parse(' ey 123456 ')).toBe('EY123456');
    expect(urnSchema.parse('1234567')).toBe('1234567');
    expect(urnSchema.safeParse('EY12345').success).toBe(false);
    expect(urnSchema.safeParse('AB123456').success).toBe(false);
  });

  it('reports every missing setting field by name', () => {
    const result = settingInputSchema.safeParse({ name: '  ', urn: '', type: 'castle' });
    expect(result.success).toBe(false);
    const paths = result.success ? [] : result.error.issues.map((i) => i.path[0]);
    expect(paths).toEqual(['name', 'urn', 'type']);
  });

  const child = {
    settingId: '7d1b2c1e-6d0c-4b7e-9a53-2f6b1f0b9c11',
    firstName: 'Test',
    lastName: 'Child',
    dateOfBirth: '2023-05-01',
    sex: 'female',
  } as const;

  it('fills defaults for optional child fields', () => {
    const parsed = childInputSchema.parse(child);
    expect(parsed).toMatchObject({ ethnicity: 'NOBT', homeLanguages: [], eal: false, sendStage: 'none', roomId: null, leaveDate: null, notes: '' });
  });

  it('refuses a leave date before the start date and a start date before birth', () => {
    const leave = childInputSchema.safeParse({ ...child, startDate: '2024-09-01', leaveDate: '2024-08-31' });
    expect(leave.success ? [] : leave.error.issues.map((i) => i.path.join('.'))).toEqual(['leaveDate']);
    const start = childInputSchema.safeParse({ ...child, startDate: '2023-04-30' });
    expect(start.success ? [] : start.error.issues.map((i) => i.path.join('.'))).toEqual(['startDate']);
  });

  it('checks the date of birth against today', () => {
    expect(childDateIssues({ dateOfBirth: '2026-11-27' }, '2026-11-27')).toEqual([]);
    expect(childDateIssues({ dateOfBirth: '2026-11-28' }, '2026-11-27').map((i) => i.message)).toEqual(['Date of birth must be today or in the past']);
    expect(childDateIssues({ dateOfBirth: '2018-11-27' }, '2026-11-27')).toEqual([]);
    expect(childDateIssues({ dateOfBirth: '2018-11-26' }, '2026-11-27').map((i) => i.path)).toEqual([['dateOfBirth']]);
  });
});

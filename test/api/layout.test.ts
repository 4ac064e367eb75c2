import { existsSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { domains as contractDomains, methodNames } from '../../shared/contract/index.js';

// One file of the same name per domain in every layer (docs/ARCHITECTURE.md): a method's schema,
// contract entry, handler, SQL, screens and tests are found where its name says. A domain is the
// part of a method's name before the dot. Focused extra test files are <domain>-<aspect>.test.ts;
// they do not stand in for the domain's own file.

/** The API's domains, from the method names of the contract, in alphabetical order. */
const domains = [...new Set(methodNames.map((name) => name.split('.')[0]!))].sort();

const root = new URL('../../', import.meta.url);
const exists = (path: string) => existsSync(new URL(path, root));

/** Domains with nothing to keep in a layer, and why: the layer is checked for every other domain. */
const noTables: Record<string, string> = {
  app: 'reports facts about the app itself',
  demo: 'writes through the other domains’ methods',
  session: 'lives in memory, one per caller',
  backups: 'works on files; its one setting is in app-settings',
  encryption: 'works on the database file and its key file',
};
const noScreens: Record<string, string> = {
  app: 'shown in the header and first-run page',
  demo: 'a button on the first-run page',
  export: 'export buttons beside each table',
};

/** Files in a layer folder that are not a domain's, with what they are for. */
const infrastructure: Record<string, string[]> = {
  'shared/contract': ['index.ts', 'facts.ts'],
  'shared/schemas': ['common.ts'],
  'electron/core/api': ['registry.ts', 'handlers.ts', 'types.ts', 'audit-trail.ts', 'access.ts'],
};

function missing(pattern: (domain: string) => string, except: Record<string, string> = {}): string[] {
  return domains.filter((d) => !(d in except) && !exists(pattern(d))).map(pattern);
}

describe('one file per domain in every layer', () => {
  it('reads the domains from the contract', () => {
    // A broken list would make the checks below pass on nothing.
    expect(domains.length).toBeGreaterThan(10);
    expect(domains).toEqual(expect.arrayContaining(['app', 'children', 'settings']));
    expect(Object.keys(contractDomains).sort()).toEqual(domains);
  });

  it('has shared/schemas, shared/contract and electron/core/api files for every domain', () => {
    expect(missing((d) => `shared/schemas/${d}.ts`)).toEqual([]);
    expect(missing((d) => `shared/contract/${d}.ts`)).toEqual([]);
    expect(missing((d) => `electron/core/api/${d}.ts`)).toEqual([]);
  });

  it('has a repository for every domain with tables', () => {
    expect(missing((d) => `electron/core/db/repos/${d}.ts`, noTables)).toEqual([]);
  });

  it('has a pages folder for every domain with screens', () => {
    expect(missing((d) => `renderer/pages/${d}/`, noScreens)).toEqual([]);
  });

  it('has test/api/<domain>.test.ts for every domain', () => {
    expect(missing((d) => `test/api/${d}.test.ts`)).toEqual([]);
  });

  it('keeps no file in a domain layer that is neither a domain’s nor named as infrastructure', () => {
    for (const [folder, allowed] of Object.entries(infrastructure)) {
      const strays = readdirSync(new URL(folder, root)).filter((f) => f.endsWith('.ts') && !allowed.includes(f) && !domains.includes(f.slice(0, -3)));
      expect(strays, `files in ${folder}/ that are not a domain's`).toEqual([]);
    }
  });
});

import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { methodNames } from '../../shared/contract.js';

// Where tests live: every API domain (the part of a method's name before the dot) has its tests
// in a file named after it, so a method's tests are found where its name says. Focused extra
// files are <domain>-<aspect>.test.ts; they do not stand in for the domain's own file.

/** The API's domains, from the method names of the contract, in alphabetical order. */
const domains = [...new Set(methodNames.map((name) => name.split('.')[0]!))].sort();

/** The domains with no `<domain><suffix>` file in the folder beside this one named `folder`. */
function missing(folder: string, suffix: string): string[] {
  return domains.filter((domain) => !existsSync(new URL(`../${folder}/${domain}${suffix}`, import.meta.url)));
}

describe('test layout', () => {
  it('reads the domains from the contract', () => {
    // A broken list would make the checks below pass on nothing.
    expect(domains.length).toBeGreaterThan(10);
    expect(domains).toEqual(expect.arrayContaining(['app', 'children', 'settings']));
  });

  it('has test/api/<domain>.test.ts for every API domain', () => {
    expect(missing('api', '.test.ts'), 'domains with no test/api/<domain>.test.ts').toEqual([]);
  });
});

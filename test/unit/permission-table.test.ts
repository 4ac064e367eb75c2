import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { methodNames } from '../../shared/contract/index.js';
import { permissionTable, withPermissionTable } from '../../shared/domain/permission-table.js';

describe("the README's permission table", () => {
  it('is what build/scripts/permissions-table.mjs writes from the contract (run it after npm run build:node)', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    expect(withPermissionTable(readme)).toBe(readme);
  });

  it('has a row for every method', () => {
    const table = permissionTable();
    for (const method of methodNames) expect(table).toContain(`| \`${method}\` |`);
    expect(table).toContain('| `retention.purge` | `data:admin` | Manager |');
  });
});

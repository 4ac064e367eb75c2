// Writes the permission table into README.md from the contract and the role table (run after
// `npm run build:node`: node build/scripts/permissions-table.mjs). test/unit/permission-table.test.ts
// fails when README.md differs from what this writes.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { withPermissionTable } from '../../dist/shared/domain/permission-table.js';

const readme = fileURLToPath(new URL('../../README.md', import.meta.url));
const before = readFileSync(readme, 'utf8');
const after = withPermissionTable(before);
if (after !== before) writeFileSync(readme, after);
console.log(after === before ? 'README.md permission table is up to date' : 'README.md permission table written');

import { factsOf, methodNames } from '../contract/index.js';
import { roleLabels, roleMay, roles } from './roles.js';

// The README's permission table, written from the contract and the role table so it cannot drift:
// build/scripts/permissions-table.mjs writes it between the markers, and a test fails when the
// README differs from what this makes.

export const tableStart = '<!-- permissions-table:start (written by build/scripts/permissions-table.mjs) -->';
export const tableEnd = '<!-- permissions-table:end -->';

export function permissionTable(): string {
  const header = ['| method | permission | who may call it |', '|---|---|---|'];
  const rows = methodNames.map((method) => {
    const { permission, scope } = factsOf(method);
    const who =
      permission === 'session:open'
        ? 'anyone, before signing in'
        : roles
            .filter((r) => roleMay(r, permission))
            .map((r) => roleLabels[r])
            .join(', ');
    const reach = scope ? ' (within their reach)' : '';
    return `| \`${method}\` | \`${permission}\` | ${who}${reach} |`;
  });
  return [tableStart, ...header, ...rows, tableEnd].join('\n');
}

/** The README with its table replaced; throws when the markers are missing. */
export function withPermissionTable(readme: string): string {
  const start = readme.indexOf(tableStart);
  const end = readme.indexOf(tableEnd);
  if (start < 0 || end < start) throw new Error(`README.md lacks the permission table markers (${tableStart} ... ${tableEnd})`);
  return readme.slice(0, start) + permissionTable() + readme.slice(end + tableEnd.length);
}

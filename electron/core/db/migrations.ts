import { readFileSync } from 'node:fs';

// Migrations are listed here, in order, rather than discovered by listing a folder at run time:
// a stray file in the install folder can never become a migration. A shipped migration is never
// edited; a change is a new file at the end of this list.
export const migrationFiles = [
  '0001-initial.sql',
  '0002-screening.sql',
  '0003-cohort.sql',
  '0004-audit.sql',
  '0005-imports.sql',
  '0006-retention.sql',
  '0007-purge-log.sql',
  '0008-stopped-early.sql',
  '0009-stopped-early-interval.sql',
  '0010-accounts.sql',
  '0011-strategies.sql',
  '0012-targets.sql',
  '0013-visits.sql',
  '0014-setting-targets.sql',
  '0015-reports.sql',
] as const;

export const latestSchemaVersion = migrationFiles.length;

export function readMigration(file: string): string {
  return readFileSync(new URL(`./migrations/${file}`, import.meta.url), 'utf8');
}

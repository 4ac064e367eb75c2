import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemClock } from '../../electron/core/context.js';
import { createCore } from '../../electron/core/core.js';
import { backupTo } from '../../electron/core/services/backups/create.js';

/**
 * Times one backup of the database at `dbPath` as the app makes it (services/backups/create.ts backupTo):
 * SQLite's online backup into a ".partial" file, the switch to a single self-contained file,
 * integrity_check and foreign_key_check of the copy, fsync and rename. Opening the database
 * (its own integrity check) is not timed. The copy is written to a temporary folder and removed.
 */
export async function benchBackup(dbPath: string): Promise<{ ms: number; bytes: number }> {
  const core = createCore({ localAdmin: 'tester', databasePath: dbPath, clock: systemClock });
  const dir = mkdtempSync(join(tmpdir(), 'chatterbox-backup-bench-'));
  try {
    const started = performance.now();
    const check = await backupTo(core, join(dir, 'bench-backup.sqlite'));
    const ms = performance.now() - started;
    if (!check.ok) throw new Error(`The benchmark backup failed its check: ${check.problems.join(' ')}`);
    return { ms: Math.round(ms * 100) / 100, bytes: check.sizeBytes };
  } finally {
    core.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDatabase } from '../../electron/core/db/check.js';
import { openFile } from '../../electron/core/db/connection.js';
import { backupTo } from '../../electron/core/services/backups/create.js';
import { restoreDatabaseFile } from '../../electron/core/services/backups/restore.js';
import { tempDir, testCore, testKeys } from '../support/core.js';

// A purge must not be undone by a backup: the backups the app keeps are rewritten without the
// purged children, and restoring any older copy deletes them again (from the purge log).

function world() {
  const dir = tempDir();
  const path = join(dir, 'chatterbox.sqlite');
  const core = testCore({ path });
  const setting = core.invoke('settings.create', { name: 'Acorn', urn: 'EY123456', type: 'nursery' });
  const child = (lastName: string) =>
    core.invoke('children.create', { settingId: setting.id, firstName: 'Zephyrine', lastName, dateOfBirth: '2019-02-17', sex: 'female' }).id;
  const due = child('Quillfeather');
  core.invoke('children.archive', { id: due, archived: true, leaveDate: '2022-07-20' });
  const staying = child('Staysbury');
  return { dir, path, core, due, staying };
}

/** The children a database file holds, read without changing it. */
function childrenIn(file: string): string[] {
  const db = openFile(file, { keys: testKeys }, { readonly: true });
  try {
    return (db.prepare('SELECT last_name FROM children ORDER BY last_name').all() as { last_name: string }[]).map((r) => r.last_name);
  } finally {
    db.close();
  }
}

describe('retention.purge and the backups', () => {
  it('rewrites every backup the app keeps (manual and before-restore) without the purged child', { timeout: 120_000 }, async () => {
    const { core, due } = world();
    const manual = await core.invokeAsync('backups.create', { kind: 'manual' });
    // Restoring the manual backup keeps the database it replaced as a before-restore backup.
    await core.invokeAsync('backups.restore', { fileName: manual.fileName });
    const kept = core.invoke('backups.list', {});
    expect(kept.map((b) => b.kind).sort()).toEqual(['before-restore', 'manual']);
    for (const b of kept) expect(childrenIn(b.path)).toEqual(['Quillfeather', 'Staysbury']);

    core.invoke('retention.purge', { childIds: [due], confirm: true });

    const after = core.invoke('backups.list', {});
    expect(after.map((b) => b.fileName).sort()).toEqual(kept.map((b) => b.fileName).sort());
    for (const b of after) {
      expect(childrenIn(b.path), b.fileName).toEqual(['Staysbury']);
      // Gone from the file's bytes too, not only from its tables, and the backup still passes its check.
      expect(readFileSync(b.path).includes('Quillfeather'), b.fileName).toBe(false);
      expect(checkDatabase(b.path, { keys: testKeys })).toMatchObject({ ok: true, problems: [] });
    }
  });

  it('deletes the purged child again when an older copy is restored into the running app', { timeout: 120_000 }, async () => {
    const { dir, core, due } = world();
    // A copy outside the backups folder (a USB stick): the purge cannot reach it.
    const outside = join(dir, 'usb', 'copy.sqlite');
    await backupTo(core, outside);
    core.invoke('retention.purge', { childIds: [due], confirm: true });
    expect(childrenIn(outside)).toEqual(['Quillfeather', 'Staysbury']);

    await core.replaceDatabase(outside);

    expect(childrenIn(core.context.databasePath)).toEqual(['Staysbury']);
    expect(core.context.db.prepare('SELECT child_id FROM purge_log').all()).toEqual([{ child_id: due }]);
    // The file chosen is left as it was.
    expect(childrenIn(outside)).toEqual(['Quillfeather', 'Staysbury']);
  });

  it('deletes the purged child again when `chatterbox restore` replaces a closed database', { timeout: 120_000 }, async () => {
    const { dir, path, core, due } = world();
    const outside = join(dir, 'copy.sqlite');
    await backupTo(core, outside);
    core.invoke('retention.purge', { childIds: [due], confirm: true });
    core.close();

    await restoreDatabaseFile(path, outside, { keys: testKeys });

    expect(childrenIn(path)).toEqual(['Staysbury']);
  });
});

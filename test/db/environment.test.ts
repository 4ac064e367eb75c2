import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../electron/core/context.js';
import { createCore, type Core } from '../../electron/core/core.js';
import { openDatabase } from '../../electron/core/db/connection.js';
import { diskFullMessage, readOnlyMessage } from '../../electron/core/db/errors.js';
import { backupTo } from '../../electron/core/services/backups/create.js';
import { sha256, tempDir } from '../support/core.js';
import { makeUnwritable, tinyDisk } from '../support/environment.js';

// Read-only files, read-only folders and full disks: each is named in plain words, nothing
// loops, and the stored data is left exactly as it was. Cores are closed inside each test so
// the tiny disk can be unmounted and the immutable attribute removed afterwards.

const clock = fixedClock('2026-11-27');
const acorn = { name: 'Acorn Lane', urn: 'EY123456', type: 'nursery' } as const;

function seeded(path: string): void {
  const core = createCore({ localAdmin: 'tester', databasePath: path, clock });
  core.invoke('settings.create', acorn);
  core.close();
}

async function withCore<T>(path: string, work: (core: Core) => Promise<T>): Promise<T> {
  const core = createCore({ localAdmin: 'tester', databasePath: path, clock });
  try {
    return await work(core);
  } finally {
    core.close();
  }
}

describe('a read-only database file', () => {
  it('opens read-only, says so, refuses writes in plain words and still makes a backup copy', async (t) => {
    const dir = tempDir();
    const path = join(dir, 'chatterbox.sqlite');
    seeded(path);
    const reason = makeUnwritable(path);
    if (reason) return t.skip(reason);
    const before = sha256(path);
    const core = createCore({ localAdmin: 'tester', databasePath: path, clock });
    try {
      expect(core.invoke('app.info', {})).toMatchObject({ readOnly: true, settingCount: 1 });
      expect(core.call('settings.create', { ...acorn, urn: 'EY654321' })).toEqual({ ok: false, error: { code: 'DATABASE', message: readOnlyMessage } });
      // A backup reads only: it is the way to get the records out of a file that cannot be written.
      const copy = await backupTo(core, join(dir, 'copy.sqlite'));
      expect(copy.ok).toBe(true);
      // "Back up now" too: the copy is made, and the audit row it cannot write is not an error.
      const made = await core.callAsync('backups.create', { kind: 'manual' });
      expect(made.ok ? 'ok' : made.error.message).toBe('ok');
    } finally {
      core.close();
    }
    expect(sha256(path)).toBe(before);
  });
});

describe('a folder that cannot be written', () => {
  it('is named as such, never as a damaged file', (t) => {
    const dir = tempDir();
    const folder = join(dir, 'data');
    const path = join(folder, 'chatterbox.sqlite');
    seeded(path);
    const reason = makeUnwritable(folder);
    if (reason) return t.skip(reason);
    const before = sha256(path);
    expect(() => openDatabase(path)).toThrow(/cannot write to the folder or file it needs \(.*chatterbox\.sqlite\): it is not writable/);
    expect(() => openDatabase(path)).not.toThrow(/damaged|restore/i);
    expect(sha256(path)).toBe(before);
  });

  it('for a new database is named as such', (t) => {
    const folder = tempDir();
    const reason = makeUnwritable(folder);
    if (reason) return t.skip(reason);
    expect(() => openDatabase(join(folder, 'new.sqlite'))).toThrow(/cannot write to the folder or file it needs .*Check the folder can be written to/);
    expect(readdirSync(folder)).toEqual([]);
  });
});

describe('a full disk', () => {
  it('refuses the write in plain words, keeps the database whole, and a backup stops cleanly', { timeout: 120_000 }, async (t) => {
    const disk = tinyDisk('2m');
    if (typeof disk === 'string') return t.skip(disk);
    const path = join(disk.dir, 'chatterbox.sqlite');
    seeded(path);
    const outcome = await withCore(path, async (core) => {
      const setting = core.invoke('settings.list', {})[0];
      if (!setting) throw new Error('seeded has one setting');
      // Notes of 1,900 characters fill 2 MB in about a thousand rows; bounded, whatever happens.
      const note = 'n'.repeat(1900);
      let refused: unknown = null;
      let saved = 0;
      for (let i = 0; i < 2000 && refused === null; i++) {
        const result = core.call('children.create', {
          settingId: setting.id,
          firstName: `Child${i}`,
          lastName: 'Full',
          dateOfBirth: '2023-03-01',
          sex: 'female',
          notes: note,
        });
        if (result.ok) saved++;
        else refused = result.error;
      }
      const backup = await core.callAsync('backups.create', { kind: 'manual' });
      return { refused, saved, backup };
    });
    expect(outcome.refused).toEqual({ code: 'DATABASE', message: diskFullMessage });
    expect(outcome.saved).toBeGreaterThan(0);
    expect(outcome.backup).toEqual({ ok: false, error: { code: 'DATABASE', message: diskFullMessage } });
    // No half-made backup is left behind.
    const backups = join(disk.dir, 'backups');
    expect(existsSync(backups) ? readdirSync(backups).filter((f) => f.includes('.partial')) : []).toEqual([]);
    const db = openDatabase(path);
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect((db.prepare("SELECT count(*) AS n FROM children WHERE last_name = 'Full'").get() as { n: number }).n).toBe(outcome.saved);
    } finally {
      db.close();
    }
  });
});

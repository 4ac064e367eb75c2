import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../electron/cli/main.js';
import { busyMessage } from '../../electron/core/db/errors.js';
import { join } from 'node:path';
import { createCore } from '../../electron/core/core.js';
import { applyKey } from '../../electron/core/db/cipher.js';
import { keyFilePathFor, unlockKeyFile } from '../../electron/core/keys/key-file.js';
import { snapshot, tempDir, testCore, testKeys } from '../support/core.js';

const passphrase = 'busy test passphrase';

// When waiting is not enough: another program holds the write lock past the busy timeout. The
// call must be refused with the coded BUSY error, nothing written, and the command line must
// say so in one line. Another connection holding BEGIN IMMEDIATE is exactly what a second
// window or a running import looks like to SQLite.

const holders: Database.Database[] = [];
afterEach(() => {
  delete process.env.CHATTERBOX_PASSPHRASE;
  while (holders.length) {
    const db = holders.pop();
    if (db?.inTransaction) db.exec('ROLLBACK');
    db?.close();
  }
});

function holdWriteLock(path: string, key: string): void {
  const other = new Database(path);
  applyKey(other, key);
  other.exec('BEGIN IMMEDIATE');
  holders.push(other);
}

describe('a write while another program holds the lock', () => {
  it('is refused with BUSY and writes nothing', () => {
    const core = testCore();
    core.invoke('settings.create', { name: 'Acorn Lane', urn: 'EY123456', type: 'nursery' });
    // A short wait keeps the test quick; the app waits 5 seconds before giving up.
    core.context.db.pragma('busy_timeout = 50');
    const before = snapshot(core);
    holdWriteLock(core.context.databasePath, testKeys.key);
    const result = core.call('settings.create', { name: 'Birch Road', urn: 'EY654321', type: 'nursery' });
    expect(result).toEqual({ ok: false, error: { code: 'BUSY', message: busyMessage } });
    expect(snapshot(core)).toBe(before);
  });

  it('is told in one line on the command line, exit 1', { timeout: 60_000 }, async () => {
    // The command line unlocks the database through its key file, so the database is made by it.
    const path = join(tempDir(), 'busy.sqlite');
    process.env.CHATTERBOX_PASSPHRASE = passphrase;
    expect(await main(['settings', 'add', '--local-admin', '--db', path, '--name', 'Acorn Lane', '--urn', 'EY123456', '--type', 'nursery'])).toBe(0);
    const keys = unlockKeyFile(keyFilePathFor(path), { passphrase });
    holdWriteLock(path, keys.key);
    const errors: string[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void errors.push(args.map(String).join(' '));
    try {
      expect(await main(['settings', 'add', '--local-admin', '--db', path, '--name', 'Birch Road', '--urn', 'EY654321', '--type', 'nursery'])).toBe(1);
    } finally {
      console.error = original;
    }
    expect(errors).toEqual([busyMessage]);
    const core = createCore({ localAdmin: 'tester', databasePath: path, keys });
    expect(core.invoke('app.info', {}).settingCount).toBe(1);
    core.close();
  });
});

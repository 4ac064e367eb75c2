import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3-multiple-ciphers';
import { fixedClock } from '../../electron/core/context.js';
import { createCore } from '../../electron/core/core.js';
import { isPlainSqliteFile, keyPragmas } from '../../electron/core/db/cipher.js';
import { openDatabase, openFile } from '../../electron/core/db/connection.js';
import { sha256, tempDir, testCore, testKeys, testToday } from '../support/core.js';

const otherKey = { key: 'c0ffee00'.repeat(8) };

function addSetting(core: ReturnType<typeof testCore>, name: string): void {
  core.invoke('settings.create', { name, urn: 'EY123456', type: 'nursery' });
}

describe('the database at rest', () => {
  it('is encrypted: no plain SQLite header, and the records are not in the file', () => {
    const core = testCore();
    addSetting(core, 'Xylophone Tree Nursery');
    const path = core.context.databasePath;
    core.context.db.pragma('wal_checkpoint(TRUNCATE)');
    expect(core.context.connection.encrypted).toBe(true);
    const bytes = readFileSync(path);
    expect(bytes.subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');
    expect(isPlainSqliteFile(path)).toBe(false);
    expect(bytes.includes(Buffer.from('Xylophone'))).toBe(false);
  });

  it('is an SQLCipher 4 file: standard SQLCipher pragmas with the raw key open it', () => {
    const core = testCore();
    addSetting(core, 'Acorn');
    const path = core.context.databasePath;
    core.close();
    const db = new Database(path, { readonly: true });
    try {
      // What support staff type into an SQLCipher tool: cipher settings, then the raw key.
      db.pragma("cipher = 'sqlcipher'");
      db.pragma('legacy = 4');
      db.pragma(`key = "x'${testKeys.key}'"`);
      expect(db.prepare('SELECT name FROM settings').all()).toEqual([{ name: 'Acorn' }]);
    } finally {
      db.close();
    }
  });

  it('refuses the wrong key with a clear, coded message, and leaves the file exactly as it was', () => {
    const core = testCore();
    addSetting(core, 'Acorn');
    const path = core.context.databasePath;
    core.close();
    const before = sha256(path);
    const wrong = /The database could not be opened with this key: .*test\.sqlite was encrypted with another key.*Nothing was changed/;
    expect(() => createCore({ localAdmin: 'tester', databasePath: path, clock: fixedClock(testToday), keys: otherKey })).toThrow(
      expect.objectContaining({ code: 'DATABASE', message: expect.stringMatching(wrong) }),
    );
    expect(() => openDatabase(path, { keys: otherKey })).toThrow(wrong);
    expect(() => openFile(path, { keys: otherKey }, { readonly: true })).toThrow(wrong);
    expect(sha256(path)).toBe(before);
    expect(existsSync(`${path}-wal`)).toBe(false);
    expect(existsSync(`${path}-shm`)).toBe(false);
  });

  it('opens a backup made with an older key when that key is kept, and refuses it otherwise', () => {
    const core = testCore();
    addSetting(core, 'Acorn');
    const path = core.context.databasePath;
    core.close();
    expect(() => openFile(path, { keys: otherKey })).toThrow(/could not be opened with this key/);
    const db = openFile(path, { keys: { key: otherKey.key, olderKeys: [testKeys.key] } }, { readonly: true });
    try {
      expect(db.prepare('SELECT name FROM settings').all()).toEqual([{ name: 'Acorn' }]);
    } finally {
      db.close();
    }
  });

  it('opens a plain database from before encryption as it is, saying it is not encrypted, without encrypting it', () => {
    const path = join(tempDir(), 'plain.sqlite');
    createCore({ localAdmin: 'tester', databasePath: path, clock: fixedClock(testToday) }).close();
    expect(isPlainSqliteFile(path)).toBe(true);
    const before = sha256(path);
    const core = createCore({ localAdmin: 'tester', databasePath: path, clock: fixedClock(testToday), keys: testKeys });
    try {
      expect(core.context.connection.encrypted).toBe(false);
      expect(core.invoke('app.info', {})).toMatchObject({ encrypted: false });
    } finally {
      core.close();
    }
    expect(isPlainSqliteFile(path)).toBe(true);
    expect(sha256(path)).toBe(before);
  });

  it('refuses a file that is neither SQLite nor encrypted with the key, changing nothing', () => {
    const path = join(tempDir(), 'junk.sqlite');
    writeFileSync(path, Buffer.alloc(8192, 7));
    const before = sha256(path);
    expect(() => openDatabase(path, { keys: testKeys })).toThrow(/could not be opened with this key.*not a Chatterbox database or is badly damaged/);
    expect(sha256(path)).toBe(before);
  });

  it('refuses a key that is not 64 hexadecimal digits before opening anything', () => {
    expect(() => keyPragmas('not-a-key')).toThrow(/not 64 hexadecimal digits/);
  });
});

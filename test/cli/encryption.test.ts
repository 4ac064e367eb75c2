import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../electron/cli/main.js';
import { fixedClock } from '../../electron/core/context.js';
import { createCore } from '../../electron/core/core.js';
import { isPlainSqliteFile } from '../../electron/core/db/cipher.js';
import { keyFilePathFor, unlockKeyFile } from '../../electron/core/keys/key-file.js';
import { sha256, tempDir, testToday } from '../support/core.js';

// The command line's encryption commands: first run, encrypt (and --confirm), key change, key
// show, and what happens without a passphrase.

const passphrase = 'a test passphrase';

function capture(): string[] {
  const out: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  return out;
}

function settingNames(db: string, keys = unlockKeyFile(keyFilePathFor(db), { passphrase })): string[] {
  const core = createCore({ localAdmin: 'tester', databasePath: db, clock: fixedClock(testToday), keys });
  try {
    return core.invoke('settings.list', {}).map((s) => s.name);
  } finally {
    core.close();
  }
}

beforeEach(() => {
  process.env.CHATTERBOX_PASSPHRASE = passphrase;
});

afterEach(() => {
  vi.restoreAllMocks();
  for (const v of ['CHATTERBOX_PASSPHRASE', 'CHATTERBOX_RECOVERY_KEY', 'CHATTERBOX_NEW_PASSPHRASE']) delete process.env[v];
});

describe('chatterbox and encryption', () => {
  it('creates an encrypted database and its key file on the first run, printing the recovery key once', async () => {
    const out = capture();
    const db = join(tempDir(), 'first.sqlite');
    expect(await main(['settings', 'add', '--local-admin', '--db', db, '--name', 'Acorn', '--urn', 'EY123456', '--type', 'nursery'])).toBe(0);
    const recoveryKey = /RECOVERY KEY[^\n]*\n\n {4}(\S+)/.exec(out.join('\n'))?.[1] ?? '';
    expect(recoveryKey).toMatch(/^(\w{4}-){7}\w{4}$/);
    expect(isPlainSqliteFile(db)).toBe(false);
    expect(existsSync(keyFilePathFor(db))).toBe(true);
    // Later runs unlock: the recovery key works instead of the passphrase.
    delete process.env.CHATTERBOX_PASSPHRASE;
    expect(
      await main([
        'settings',
        'add',
        '--local-admin',
        '--db',
        db,
        '--name',
        'Bramble',
        '--urn',
        'EY654321',
        '--type',
        'nursery',
        '--recovery-key',
        recoveryKey,
      ]),
    ).toBe(0);
    expect(out.join('\n').match(/RECOVERY KEY/g)).toHaveLength(1);
    expect(settingNames(db).sort()).toEqual(['Acorn', 'Bramble']);
  });

  it('says in one line what to set when there is no terminal and no passphrase, changing nothing', async () => {
    const db = join(tempDir(), 'locked.sqlite');
    capture();
    expect(await main(['settings', 'add', '--local-admin', '--db', db, '--name', 'Acorn', '--urn', 'EY123456', '--type', 'nursery'])).toBe(0);
    const before = sha256(db);
    delete process.env.CHATTERBOX_PASSPHRASE;
    const out = capture();
    // vitest's stdin is not a terminal.
    expect(await main(['check', '--local-admin', '--db', db])).toBe(1);
    expect(out.at(-1)).toMatch(/^The database is encrypted: set CHATTERBOX_PASSPHRASE \(or CHATTERBOX_RECOVERY_KEY\)/);
    process.env.CHATTERBOX_PASSPHRASE = 'the wrong passphrase';
    expect(await main(['check', '--local-admin', '--db', db])).toBe(1);
    expect(out.at(-1)).toMatch(/That passphrase does not unlock/);
    expect(sha256(db)).toBe(before);
  });

  it('encrypts a plain database only when asked, keeping the plain original until --confirm', async () => {
    const dir = tempDir();
    const db = join(dir, 'old.sqlite');
    const plain = createCore({ localAdmin: 'tester', databasePath: db, clock: fixedClock(testToday) });
    plain.invoke('settings.create', { name: 'Acorn', urn: 'EY123456', type: 'nursery' });
    plain.close();
    const out = capture();
    // Opening it does not encrypt it, and says so.
    expect(await main(['export', 'database', '--out', join(dir, 'all.json'), '--local-admin', '--db', db])).toBe(0);
    expect(out.join('\n')).toContain('is not encrypted. Run "chatterbox encrypt"');
    expect(isPlainSqliteFile(db)).toBe(true);
    expect(await main(['encrypt', '--local-admin', '--db', db])).toBe(0);
    expect(isPlainSqliteFile(db)).toBe(false);
    const [original] = readdirSync(dir).filter((f) => f.includes('.plain-original-'));
    expect(original).toBeDefined();
    const originalPath = join(dir, original ?? '');
    expect(isPlainSqliteFile(originalPath)).toBe(true);
    if (process.platform !== 'win32') expect(statSync(originalPath).mode & 0o777).toBe(0o600);
    expect(settingNames(db)).toEqual(['Acorn']);
    expect(await main(['encrypt', '--local-admin', '--db', db])).toBe(1);
    expect(out.at(-1)).toContain('is encrypted already');
    expect(await main(['encrypt', '--confirm', '--local-admin', '--db', db])).toBe(0);
    expect(existsSync(originalPath)).toBe(false);
  });

  it('changes the key when staff leave: the old passphrase and recovery key stop working, older backups still restore', async () => {
    const dir = tempDir();
    const db = join(dir, 'change.sqlite');
    const out = capture();
    expect(await main(['settings', 'add', '--local-admin', '--db', db, '--name', 'Acorn', '--urn', 'EY123456', '--type', 'nursery'])).toBe(0);
    const oldRecovery = /RECOVERY KEY[^\n]*\n\n {4}(\S+)/.exec(out.join('\n'))?.[1] ?? '';
    const before = join(dir, 'before-change.sqlite');
    expect(await main(['backup', '--out', before, '--local-admin', '--db', db])).toBe(0);
    const oldKey = unlockKeyFile(keyFilePathFor(db), { passphrase }).key;
    process.env.CHATTERBOX_NEW_PASSPHRASE = 'the new passphrase';
    expect(await main(['key', 'change', '--new-passphrase', '--local-admin', '--db', db])).toBe(0);
    expect(out.join('\n').match(/RECOVERY KEY/g)).toHaveLength(2);
    expect(() => unlockKeyFile(keyFilePathFor(db), { passphrase })).toThrow(/does not unlock/);
    expect(() => unlockKeyFile(keyFilePathFor(db), { recoveryKey: oldRecovery })).toThrow(/does not unlock/);
    const keys = unlockKeyFile(keyFilePathFor(db), { passphrase: 'the new passphrase' });
    expect(keys.key).not.toBe(oldKey);
    expect(keys.olderKeys).toEqual([oldKey]);
    expect(settingNames(db, keys)).toEqual(['Acorn']);
    // A backup made with the old key restores, and takes the new key.
    process.env.CHATTERBOX_PASSPHRASE = 'the new passphrase';
    expect(await main(['settings', 'add', '--local-admin', '--db', db, '--name', 'Bramble', '--urn', 'EY654321', '--type', 'nursery'])).toBe(0);
    expect(await main(['restore', before, '--local-admin', '--db', db])).toBe(0);
    expect(settingNames(db, { key: keys.key })).toEqual(['Acorn']);
    // key show prints the raw key for SQLCipher tools.
    expect(await main(['key', 'show', '--local-admin', '--db', db])).toBe(0);
    expect(out).toContain(keys.key);
  });
});

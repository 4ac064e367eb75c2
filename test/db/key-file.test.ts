import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../electron/core/context.js';
import { createCore } from '../../electron/core/core.js';
import { changePassphrase, createKeyFile, keyFilePathFor, normaliseRecoveryKey, unlockKeyFile, type KeyProtector } from '../../electron/core/keys/key-file.js';
import { sha256, tempDir, testToday } from '../support/core.js';

const passphrase = 'correct horse battery';

function keyFileIn(dir: string = tempDir()): string {
  return keyFilePathFor(join(dir, 'chatterbox.sqlite'));
}

/** Stands in for Electron's safeStorage: a reversible transform tied to this "computer". */
const computer: KeyProtector = {
  protect: (b) => Buffer.from([...b].map((x) => x ^ 0x5a)),
  unprotect: (b) => Buffer.from([...b].map((x) => x ^ 0x5a)),
};

describe('the key file', () => {
  it('holds the data key wrapped, never as it is, and unlocks with the passphrase or the recovery key', () => {
    const path = keyFileIn();
    const { keys, recoveryKey } = createKeyFile(path, passphrase);
    expect(keys.key).toMatch(/^[0-9a-f]{64}$/);
    expect(recoveryKey).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){7}[0-9A-HJKMNP-TV-Z]{4}$/);
    const text = JSON.stringify(JSON.parse(readFileSync(path, 'utf8')));
    expect(text).not.toContain(keys.key);
    expect(text).not.toContain(Buffer.from(keys.key, 'hex').toString('base64'));
    expect(unlockKeyFile(path, { passphrase })).toEqual({ key: keys.key, olderKeys: [] });
    // Read aloud and typed back: lower case, spaces, O for 0 all still unlock.
    const typed = recoveryKey.toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o');
    expect(normaliseRecoveryKey(typed)).toBe(recoveryKey);
    expect(unlockKeyFile(path, { recoveryKey: typed }).key).toBe(keys.key);
  });

  it('refuses a wrong passphrase or recovery key with a clear message, and changes nothing', () => {
    const path = keyFileIn();
    createKeyFile(path, passphrase);
    const before = sha256(path);
    expect(() => unlockKeyFile(path, { passphrase: 'not the passphrase' })).toThrow(
      expect.objectContaining({
        code: 'DATABASE',
        message: expect.stringMatching(/That passphrase does not unlock .*chatterbox\.sqlite\.key\. Nothing was changed/),
      }),
    );
    expect(() => unlockKeyFile(path, { recoveryKey: 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH' })).toThrow(/That recovery key does not unlock/);
    expect(() => changePassphrase(path, { passphrase: 'not the passphrase' }, 'a brand new passphrase')).toThrow(/does not unlock/);
    expect(sha256(path)).toBe(before);
  });

  it('refuses a damaged or missing key file, naming it and what is wrong, and changes nothing', () => {
    const dir = tempDir();
    const path = keyFileIn(dir);
    createKeyFile(path, passphrase);
    const good = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
    writeFileSync(path, '{"format": "chatterbox-key", "vers');
    const before = sha256(path);
    expect(() => unlockKeyFile(path, { passphrase })).toThrow(/The key file .*chatterbox\.sqlite\.key is damaged \(.*JSON.*\)\. Nothing was changed/);
    writeFileSync(path, JSON.stringify({ ...good, passphrase: { scrypt: { salt: 'x' } } }));
    expect(() => unlockKeyFile(path, { passphrase })).toThrow(/is damaged \(passphrase\.scrypt\.N: .*\)/);
    writeFileSync(path, '{"format": "chatterbox-key", "vers');
    expect(sha256(path)).toBe(before);
    const missing = keyFileIn();
    expect(() => unlockKeyFile(missing, { passphrase })).toThrow(/The key file .* is missing/);
  });

  it('refuses a short passphrase and an existing key file without writing', () => {
    const path = keyFileIn();
    expect(() => createKeyFile(path, 'short')).toThrow(/at least 10 characters/);
    createKeyFile(path, passphrase);
    const before = sha256(path);
    expect(() => createKeyFile(path, passphrase)).toThrow(/already exists/);
    expect(sha256(path)).toBe(before);
  });

  it("unlocks with the computer's protection when the desktop app stored it, and says so when not", () => {
    const path = keyFileIn();
    const { keys } = createKeyFile(path, passphrase, computer);
    expect(unlockKeyFile(path, { protector: computer }).key).toBe(keys.key);
    const other = keyFileIn();
    createKeyFile(other, passphrase);
    expect(() => unlockKeyFile(other, { protector: computer })).toThrow(/not protected by this computer's account yet/);
  });

  it('changes the passphrase, keeping the data key and the recovery key', () => {
    const path = keyFileIn();
    const { keys, recoveryKey } = createKeyFile(path, passphrase);
    changePassphrase(path, { passphrase }, 'a brand new passphrase');
    expect(() => unlockKeyFile(path, { passphrase })).toThrow(/does not unlock/);
    expect(unlockKeyFile(path, { passphrase: 'a brand new passphrase' }).key).toBe(keys.key);
    expect(unlockKeyFile(path, { recoveryKey }).key).toBe(keys.key);
  });
});

describe.skipIf(process.platform === 'win32')("file modes (skipped on Windows: the user profile's permissions apply there, not modes)", () => {
  it('creates the key file 0600 in a 0700 folder', () => {
    const dir = join(tempDir(), 'new-folder');
    const path = keyFileIn(dir);
    createKeyFile(path, passphrase);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
  });

  it('creates the database, its -wal and -shm, and backups owner-only under umask 077', async () => {
    const old = process.umask(0o077);
    try {
      const dir = join(tempDir(), 'data');
      mkdirSync(dir, { mode: 0o700 });
      const path = join(dir, 'chatterbox.sqlite');
      const { keys } = createKeyFile(keyFilePathFor(path), passphrase);
      const core = createCore({ localAdmin: 'tester', databasePath: path, clock: fixedClock(testToday), keys });
      try {
        core.invoke('settings.create', { name: 'Acorn', urn: 'EY123456', type: 'nursery' });
        const backup = await core.invokeAsync('backups.create', {});
        for (const f of [path, `${path}-wal`, `${path}-shm`, backup.path]) expect([f, statSync(f).mode & 0o777]).toEqual([f, 0o600]);
        expect(statSync(join(dir, 'backups')).mode & 0o777).toBe(0o700);
      } finally {
        core.close();
      }
    } finally {
      process.umask(old);
    }
  });
});

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { changePassphrase, keyFilePathFor, unlockKeyFile, type KeyProtector } from '../../electron/core/keys/key-file.js';
import { desktopKeySource, keysForDatabase } from '../../electron/core/keys/unlock.js';
import { sha256, tempDir } from '../support/core.js';

// The desktop app's first run must start with nothing typed: the computer (safeStorage) and the
// recovery key protect the new key. These use a fake protector in place of safeStorage.

/** Stands in for Electron's safeStorage: a reversible transform tied to this "computer". */
const computer: KeyProtector = {
  protect: (b) => Buffer.from([...b].map((x) => x ^ 0x3c)),
  unprotect: (b) => Buffer.from([...b].map((x) => x ^ 0x3c)),
};

function recorder(): { shown: { recoveryKey: string; keyFilePath: string }[]; show: (recoveryKey: string, keyFilePath: string) => void } {
  const shown: { recoveryKey: string; keyFilePath: string }[] = [];
  return { shown, show: (recoveryKey, keyFilePath) => shown.push({ recoveryKey, keyFilePath }) };
}

describe('the desktop key source', () => {
  it('creates a key file on the first run with no passphrase, shows the recovery key once, and later runs unlock with the computer', async () => {
    const db = join(tempDir(), 'chatterbox.sqlite');
    const dialog = recorder();
    const keys = await keysForDatabase(db, desktopKeySource(computer, db, dialog.show, {}));
    expect(keys?.key).toMatch(/^[0-9a-f]{64}$/);
    expect(dialog.shown).toHaveLength(1);
    expect(dialog.shown[0]?.keyFilePath).toBe(keyFilePathFor(db));
    const file = JSON.parse(readFileSync(keyFilePathFor(db), 'utf8')) as Record<string, unknown>;
    expect(file.passphrase).toBeUndefined();
    expect(typeof file.os).toBe('string');

    // A later run finds the key file and unlocks it with the computer, showing nothing.
    const later = recorder();
    const again = await keysForDatabase(db, desktopKeySource(computer, db, later.show, {}));
    expect(again?.key).toBe(keys?.key);
    expect(later.shown).toHaveLength(0);

    // The recovery key shown unlocks it too.
    expect(unlockKeyFile(keyFilePathFor(db), { recoveryKey: dialog.shown[0]?.recoveryKey ?? '' }).key).toBe(keys?.key);
  });

  it('says plainly that no passphrase was set when one is tried, changes nothing, and lets one be added later', async () => {
    const db = join(tempDir(), 'chatterbox.sqlite');
    const dialog = recorder();
    const keys = await keysForDatabase(db, desktopKeySource(computer, db, dialog.show, {}));
    const keyPath = keyFilePathFor(db);
    const before = sha256(keyPath);
    expect(() => unlockKeyFile(keyPath, { passphrase: 'any passphrase at all' })).toThrow(
      /No passphrase has been set .*recovery key.*chatterbox key passphrase/,
    );
    expect(() => changePassphrase(keyPath, { passphrase: 'any passphrase at all' }, 'a brand new passphrase')).toThrow(/No passphrase has been set/);
    expect(sha256(keyPath)).toBe(before);
    changePassphrase(keyPath, { recoveryKey: dialog.shown[0]?.recoveryKey ?? '' }, 'a brand new passphrase');
    expect(unlockKeyFile(keyPath, { passphrase: 'a brand new passphrase' }).key).toBe(keys?.key);
    expect(unlockKeyFile(keyPath, { protector: computer }).key).toBe(keys?.key);
  });

  it('without a secure store on the computer, needs CHATTERBOX_PASSPHRASE for a new database and says why', async () => {
    const db = join(tempDir(), 'chatterbox.sqlite');
    const dialog = recorder();
    await expect(keysForDatabase(db, desktopKeySource(undefined, db, dialog.show, {}))).rejects.toThrow(/no secure store.*keyring.*CHATTERBOX_PASSPHRASE/);
    expect(existsSync(keyFilePathFor(db))).toBe(false);
    expect(dialog.shown).toHaveLength(0);

    const keys = await keysForDatabase(db, desktopKeySource(undefined, db, dialog.show, { CHATTERBOX_PASSPHRASE: 'correct horse battery' }));
    expect(dialog.shown).toHaveLength(1);
    expect(unlockKeyFile(keyFilePathFor(db), { passphrase: 'correct horse battery' }).key).toBe(keys?.key);
  });
});

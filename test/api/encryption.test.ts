import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core/core.js';
import { fixedClock } from '../../electron/core/context.js';
import { keyFilePathFor, protectWithComputer, unlockKeyFile, type KeyProtector } from '../../electron/core/keys/key-file.js';
import { sessionFor } from '../support/accounts.js';
import { dump, sha256, testCore, testToday } from '../support/core.js';
import { withKeyFile } from '../support/inputs.js';

// A new key from the Backups page, for when staff leave: the database is re-encrypted, the new
// recovery key shown once, and backups made before still restore. Who may call it (managers
// only) is proved by the permission test, which is generated from the contract.

const newPassphrase = 'a brand new passphrase';

/** Each audit row of `method` whole (every column), and its note. */
function auditRowsFor(core: ReturnType<typeof testCore>, method: string): { payload: string; note: string }[] {
  return (core.context.db.prepare('SELECT * FROM audit_log WHERE method = ?').all(method) as { summary: string }[]).map((r) => ({
    payload: JSON.stringify(r),
    note: (JSON.parse(r.summary) as { note: string }).note,
  }));
}

describe('encryption.status', () => {
  it('says the database is encrypted, whether its key file is there, and what unlocks it', () => {
    const core = testCore();
    expect(core.invoke('encryption.status', {})).toEqual({
      encrypted: true,
      keyFilePresent: false,
      passphraseSet: false,
      protectedByComputer: false,
      olderKeys: 0,
      plainOriginalWaiting: false,
    });
    withKeyFile(core);
    expect(core.invoke('encryption.status', {})).toMatchObject({ keyFilePresent: true, passphraseSet: true, protectedByComputer: false });
  });
});

describe('encryption.changeKey', () => {
  it('re-encrypts the database with a new key, keeps every record, and writes an audit row with no key in it', async () => {
    const core = testCore();
    const passphrase = withKeyFile(core);
    core.invoke('settings.create', { name: 'Acorn', urn: 'EY123456', type: 'nursery' });
    const before = dump(core, ['settings']);
    const oldKey = core.context.connection.options.keys?.key ?? '';
    const result = await core.invokeAsync('encryption.changeKey', { current: passphrase, newPassphrase });
    expect(result.recoveryKey).toMatch(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/);
    expect(result.olderKeys).toBe(1);
    const keyPath = keyFilePathFor(core.context.databasePath);
    const unlocked = unlockKeyFile(keyPath, { passphrase: newPassphrase });
    expect(unlocked.key).not.toBe(oldKey);
    expect(unlocked.olderKeys).toEqual([oldKey]);
    expect(unlockKeyFile(keyPath, { recoveryKey: result.recoveryKey }).key).toBe(unlocked.key);
    expect(() => unlockKeyFile(keyPath, { passphrase })).toThrow(/does not unlock/);
    // The live connection reads on with the new key, and so does a fresh start with it.
    expect(dump(core, ['settings']).includes('Acorn')).toBe(true);
    expect(core.invoke('encryption.status', {})).toMatchObject({ encrypted: true, olderKeys: 1 });
    const rows = auditRowsFor(core, 'encryption.changeKey');
    expect(rows).toHaveLength(1);
    for (const secret of [result.recoveryKey, unlocked.key, oldKey, passphrase, newPassphrase]) expect(rows[0]?.payload).not.toContain(secret);
    expect(rows[0]?.note).toMatch(/new key and a new passphrase/);
    const { databasePath } = core.context;
    core.close();
    const reopened = createCore({ databasePath, clock: fixedClock(testToday), keys: unlocked });
    try {
      expect(reopened.context.db.prepare('SELECT name FROM settings').all()).toEqual([{ name: 'Acorn' }]);
    } finally {
      reopened.close();
    }
    expect(before).toContain('Acorn');
  });

  it('refuses a wrong passphrase with a clear message at the field, and changes nothing', async () => {
    const core = testCore();
    withKeyFile(core);
    core.invoke('settings.create', { name: 'Acorn', urn: 'EY123456', type: 'nursery' });
    const keyPath = keyFilePathFor(core.context.databasePath);
    const keyFileBefore = sha256(keyPath);
    const dataBefore = dump(core);
    const keysBefore = core.context.connection.options.keys;
    const result = await core.callAsync('encryption.changeKey', { current: 'not the passphrase at all', newPassphrase });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('VALIDATION');
    expect(result.error.message).toMatch(/neither the passphrase nor the recovery key.*Nothing was changed/);
    expect(result.error.issues?.[0]?.path).toEqual(['current']);
    expect(sha256(keyPath)).toBe(keyFileBefore);
    expect(dump(core)).toBe(dataBefore);
    expect(core.context.connection.options.keys).toBe(keysBefore);
  });

  it('refuses a new passphrase that is too short, naming the field, and changes nothing', async () => {
    const core = testCore();
    const passphrase = withKeyFile(core);
    const keyPath = keyFilePathFor(core.context.databasePath);
    const keyFileBefore = sha256(keyPath);
    const dataBefore = dump(core);
    const result = await core.callAsync('encryption.changeKey', { current: passphrase, newPassphrase: 'short' });
    expect(result.ok ? 'ok' : result.error.issues?.map((i) => i.path.join('.'))).toEqual(['newPassphrase']);
    expect(sha256(keyPath)).toBe(keyFileBefore);
    expect(dump(core)).toBe(dataBefore);
  });

  it('with the recovery key, needs a new passphrase rather than dropping the old one', async () => {
    const core = testCore();
    const passphrase = withKeyFile(core);
    const first = await core.invokeAsync('encryption.changeKey', { current: passphrase });
    const keyPath = keyFilePathFor(core.context.databasePath);
    const keyFileBefore = sha256(keyPath);
    const refused = await core.callAsync('encryption.changeKey', { current: first.recoveryKey.toLowerCase() });
    expect(refused.ok ? 'ok' : refused.error.issues?.[0]?.path).toEqual(['newPassphrase']);
    expect(sha256(keyPath)).toBe(keyFileBefore);
    const second = await core.invokeAsync('encryption.changeKey', { current: first.recoveryKey.toLowerCase(), newPassphrase });
    expect(second.olderKeys).toBe(2);
    expect(unlockKeyFile(keyPath, { passphrase: newPassphrase }).olderKeys).toHaveLength(2);
  });

  it('keeps the computer protecting the new key, so the desktop app’s next start needs nothing typed', async () => {
    const computer: KeyProtector = {
      protect: (b) => Buffer.from([...b].map((x) => x ^ 0x77)),
      unprotect: (b) => Buffer.from([...b].map((x) => x ^ 0x77)),
    };
    const first = testCore();
    const passphrase = withKeyFile(first);
    const { databasePath } = first.context;
    const keys = first.context.connection.options.keys;
    first.close();
    const core = createCore({ databasePath, clock: fixedClock(testToday), ...(keys ? { keys } : {}), protector: computer, localAdmin: 'tester' });
    try {
      const result = await core.invokeAsync('encryption.changeKey', { current: passphrase });
      const keyPath = keyFilePathFor(databasePath);
      expect(unlockKeyFile(keyPath, { protector: computer }).key).toBe(core.context.connection.options.keys?.key);
      expect(unlockKeyFile(keyPath, { recoveryKey: result.recoveryKey }).key).toBe(core.context.connection.options.keys?.key);
      expect(JSON.parse(readFileSync(keyPath, 'utf8'))).toHaveProperty('os');
    } finally {
      core.close();
    }
  });

  it('is refused where the computer’s protection cannot be renewed (browser mode), changing nothing', async () => {
    const computer: KeyProtector = {
      protect: (b) => Buffer.from([...b].map((x) => x ^ 0x55)),
      unprotect: (b) => Buffer.from([...b].map((x) => x ^ 0x55)),
    };
    const core = testCore();
    const passphrase = withKeyFile(core);
    const keyPath = keyFilePathFor(core.context.databasePath);
    protectWithComputer(keyPath, { passphrase }, computer);
    const before = { keyFile: sha256(keyPath), rows: dump(core) };
    const result = await core.callAsync('encryption.changeKey', { current: passphrase, newPassphrase });
    expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('desktop app') } });
    expect({ keyFile: sha256(keyPath), rows: dump(core) }).toEqual(before);
    core.close();
  });

  it('still restores a backup made before the key change', async () => {
    const core = testCore();
    const passphrase = withKeyFile(core);
    core.invoke('settings.create', { name: 'Acorn', urn: 'EY123456', type: 'nursery' });
    const backup = await core.invokeAsync('backups.create', { kind: 'manual' });
    core.invoke('settings.create', { name: 'Birch', urn: 'EY654321', type: 'nursery' });
    await core.invokeAsync('encryption.changeKey', { current: passphrase, newPassphrase });
    await core.invokeAsync('backups.restore', { fileName: backup.fileName });
    expect(core.invoke('settings.list', {}).map((s) => s.name)).toEqual(['Acorn']);
  });

  it('is refused to a practitioner before anything is tried', async () => {
    const core = testCore();
    const passphrase = withKeyFile(core);
    const keyFileBefore = sha256(keyFilePathFor(core.context.databasePath));
    const result = await core.callAsync('encryption.changeKey', { current: passphrase }, sessionFor(core, 'practitioner'));
    expect(result.ok ? 'ok' : result.error.code).toBe('FORBIDDEN');
    expect(sha256(keyFilePathFor(core.context.databasePath))).toBe(keyFileBefore);
  });
});

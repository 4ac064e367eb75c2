import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { AppError } from '../../../shared/errors.js';
import type { KeyRing } from '../db/cipher.js';
import { writePrivateFile } from './private-files.js';

// The key file beside the database (`<db>.key`): the random data key the database and its backups
// are encrypted with, never stored as it is, but wrapped (AES-256-GCM) several ways, so any one
// of them unlocks it: by the passphrase, by the recovery key (shown once, for when the passphrase
// is forgotten), and in the desktop app by the operating system's own protection (Electron's
// safeStorage), so staff need not type anything there. Data keys replaced by a key change stay in
// the file, wrapped with the current data key, so backups made before the change still restore.

/** Electron's safeStorage, or anything like it: the core never imports electron. */
export interface KeyProtector {
  protect(bytes: Buffer): Buffer;
  unprotect(bytes: Buffer): Buffer;
}

/** What unlocks the key file. */
export type Unlock = { passphrase: string } | { recoveryKey: string } | { protector: KeyProtector };

const b64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);
const sealedSchema = z.object({ iv: b64, tag: b64, data: b64 });
const scryptSchema = z.object({ salt: b64, N: z.number().int().positive(), r: z.number().int().positive(), p: z.number().int().positive() });
const wrappedSchema = z.object({ scrypt: scryptSchema, sealed: sealedSchema });
const keyFileSchema = z.object({
  format: z.literal('chatterbox-key'),
  version: z.literal(1),
  /** Absent when the desktop app made the file: the computer and the recovery key protect it until `chatterbox key passphrase` adds one. */
  passphrase: wrappedSchema.optional(),
  recoveryKey: wrappedSchema,
  /** The data key protected by the operating system (desktop app only). */
  os: b64.optional(),
  /** JSON array of older data keys (hex), sealed with the current data key. */
  older: sealedSchema,
});
type KeyFile = z.infer<typeof keyFileSchema>;
type Sealed = z.infer<typeof sealedSchema>;

/** scrypt at 64 MiB and about a quarter of a second: paid once per unlock, never per connection. */
const passphraseCost = { N: 2 ** 16, r: 8, p: 1 };
/** A recovery key is 160 random bits: stretching it only slows down guessing further. */
const recoveryCost = { N: 2 ** 14, r: 8, p: 1 };

export function keyFilePathFor(databasePath: string): string {
  return `${databasePath}.key`;
}

function seal(key: Buffer, plain: Buffer): Sealed {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const data = Buffer.concat([cipher.update(plain), cipher.final()]);
  return { iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64') };
}

/** null when the key does not fit (GCM's tag check fails). */
function open(key: Buffer, sealed: Sealed): Buffer | null {
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64'));
    decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()]);
  } catch {
    return null;
  }
}

function stretch(secret: string, params: z.infer<typeof scryptSchema>): Buffer {
  return scryptSync(secret.normalize('NFC'), Buffer.from(params.salt, 'base64'), 32, {
    N: params.N,
    r: params.r,
    p: params.p,
    maxmem: 256 * params.N * params.r,
  });
}

function wrap(secret: string, cost: typeof passphraseCost, dataKey: Buffer): z.infer<typeof wrappedSchema> {
  const scrypt = { salt: randomBytes(16).toString('base64'), ...cost };
  return { scrypt, sealed: seal(stretch(secret, scrypt), dataKey) };
}

// Crockford's base32 letters: no I, L, O or U, so a key read aloud over the phone is not misheard.
const recoveryAlphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A new recovery key: 160 random bits as eight groups of four, e.g. 7KQ2-...; shown once. */
export function newRecoveryKey(): string {
  const bytes = randomBytes(20);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += recoveryAlphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out.match(/.{4}/g)?.join('-') ?? out;
}

/** As typed: case, spaces and dashes do not matter, and O/I/L read as 0/1/1. */
export function normaliseRecoveryKey(typed: string): string {
  const plain = typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  return plain.match(/.{1,4}/g)?.join('-') ?? plain;
}

function readKeyFile(path: string): KeyFile {
  if (!existsSync(path)) {
    throw new AppError(
      'DATABASE',
      `The key file ${path} is missing, so the encrypted database beside it cannot be opened. Nothing was changed. Put the key file back (from where you keep a copy), or ask your IT support.`,
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw damaged(path, err instanceof Error ? err.message : String(err));
  }
  const result = keyFileSchema.safeParse(parsed);
  if (!result.success) throw damaged(path, result.error.issues.map((i) => `${i.path.join('.') || 'the file'}: ${i.message}`).join('; '));
  return result.data;
}

function damaged(path: string, why: string): AppError {
  return new AppError(
    'DATABASE',
    `The key file ${path} is damaged (${why}). Nothing was changed. Put back a good copy of the key file, or ask your IT support.`,
  );
}

function olderKeys(file: KeyFile, dataKey: Buffer, path: string): string[] {
  const plain = open(dataKey, file.older);
  if (!plain) throw damaged(path, 'the older keys do not match the current key');
  const keys: unknown = JSON.parse(plain.toString('utf8'));
  if (!Array.isArray(keys) || !keys.every((k) => typeof k === 'string' && /^[0-9a-f]{64}$/.test(k))) throw damaged(path, 'the older keys are not keys');
  return keys as string[];
}

function dataKeyFrom(file: KeyFile, unlock: Unlock, path: string): Buffer {
  let key: Buffer | null;
  if ('passphrase' in unlock) {
    if (!file.passphrase)
      throw new AppError(
        'DATABASE',
        `No passphrase has been set for ${path}, so a passphrase cannot unlock it. Nothing was changed. Use the recovery key instead (a passphrase can be added with "chatterbox key passphrase").`,
      );
    key = open(stretch(unlock.passphrase, file.passphrase.scrypt), file.passphrase.sealed);
    if (!key) throw new AppError('DATABASE', `That passphrase does not unlock ${path}. Nothing was changed. Check it and try again, or use the recovery key.`);
  } else if ('recoveryKey' in unlock) {
    key = open(stretch(normaliseRecoveryKey(unlock.recoveryKey), file.recoveryKey.scrypt), file.recoveryKey.sealed);
    if (!key) throw new AppError('DATABASE', `That recovery key does not unlock ${path}. Nothing was changed. Check each group of four and try again.`);
  } else {
    if (!file.os)
      throw new AppError(
        'DATABASE',
        `The key file ${path} is not protected by this computer's account yet: unlock it with the passphrase or the recovery key.`,
      );
    try {
      key = unlock.protector.unprotect(Buffer.from(file.os, 'base64'));
    } catch {
      throw new AppError(
        'DATABASE',
        `This computer's account cannot unlock ${path} (it was protected on another computer or account): unlock it with the passphrase or the recovery key.`,
      );
    }
  }
  if (key.length !== 32) throw damaged(path, 'the data key is not 256 bits');
  return key;
}

/** Unlocks the key file: the data key and the older ones, for opening the database and its backups. */
export function unlockKeyFile(path: string, unlock: Unlock): KeyRing {
  const file = readKeyFile(path);
  const dataKey = dataKeyFrom(file, unlock, path);
  return { key: dataKey.toString('hex'), olderKeys: olderKeys(file, dataKey, path) };
}

function writeKeyFile(
  path: string,
  dataKey: Buffer,
  older: readonly string[],
  secrets: { passphrase?: string | undefined; recoveryKey: string; protector?: KeyProtector | undefined },
): void {
  const file: KeyFile = {
    format: 'chatterbox-key',
    version: 1,
    ...(secrets.passphrase !== undefined ? { passphrase: wrap(secrets.passphrase, passphraseCost, dataKey) } : {}),
    recoveryKey: wrap(secrets.recoveryKey, recoveryCost, dataKey),
    ...(secrets.protector ? { os: secrets.protector.protect(dataKey).toString('base64') } : {}),
    older: seal(dataKey, Buffer.from(JSON.stringify(older))),
  };
  writePrivateFile(path, `${JSON.stringify(file, null, 2)}\n`);
}

/** A passphrase must be long enough to resist guessing if the key file is copied with the database. */
export function checkPassphrase(passphrase: string): void {
  if (passphrase.length < 10)
    throw new AppError('VALIDATION', 'The passphrase must be at least 10 characters long.', [{ path: ['passphrase'], message: 'Use at least 10 characters' }]);
}

/** What the app says about a key file: which ways it can be unlocked. Nothing secret. */
export function keyFileFacts(path: string): { passphraseSet: boolean; protectedByComputer: boolean } {
  const file = readKeyFile(path);
  return { passphraseSet: file.passphrase !== undefined, protectedByComputer: file.os !== undefined };
}

/**
 * A new key file with a new random data key: the recovery key is returned to be shown once. The
 * desktop app may leave out the passphrase when the computer protects the key (`protector`).
 * `existing` wraps keys a database is encrypted with already instead (tests open their cores with
 * a fixed key, then need a key file for it).
 */
export function createKeyFile(
  path: string,
  passphrase: string | undefined,
  protector?: KeyProtector,
  existing?: KeyRing,
): { keys: KeyRing; recoveryKey: string } {
  if (passphrase !== undefined) checkPassphrase(passphrase);
  if (existsSync(path)) throw new AppError('CONFLICT', `A key file already exists at ${path}. Nothing was changed.`);
  // Without either, only the recovery key would open the database: every start would need it typed.
  if (passphrase === undefined && !protector)
    throw new AppError('VALIDATION', 'A new key file needs a passphrase when this computer cannot protect the key by itself.');
  const dataKey = existing ? Buffer.from(existing.key, 'hex') : randomBytes(32);
  const older = existing?.olderKeys ?? [];
  const recoveryKey = newRecoveryKey();
  writeKeyFile(path, dataKey, older, { passphrase, recoveryKey, protector });
  return { keys: { key: dataKey.toString('hex'), olderKeys: [...older] }, recoveryKey };
}

/**
 * A new data key (after staff leave): `rekey` re-encrypts the database with it, then the key file
 * is written with the new key wrapped by the (new) passphrase, if any, and a new recovery key, and
 * the old key kept among the older ones. If `rekey` throws, the key file is left as it was.
 */
export function changeDataKey(
  path: string,
  unlock: Unlock,
  options: { passphrase?: string | undefined; protector?: KeyProtector | undefined },
  rekey: (from: KeyRing, to: KeyRing) => void,
): { keys: KeyRing; recoveryKey: string } {
  if (options.passphrase !== undefined) checkPassphrase(options.passphrase);
  if (options.passphrase === undefined && !options.protector)
    throw new AppError('VALIDATION', 'A passphrase is needed: this computer cannot protect the key by itself.', [
      { path: ['newPassphrase'], message: 'Enter a new passphrase' },
    ]);
  const from = unlockKeyFile(path, unlock);
  const dataKey = randomBytes(32);
  const to: KeyRing = { key: dataKey.toString('hex'), olderKeys: [from.key, ...(from.olderKeys ?? [])] };
  rekey(from, to);
  const recoveryKey = newRecoveryKey();
  writeKeyFile(path, dataKey, to.olderKeys ?? [], { passphrase: options.passphrase, recoveryKey, protector: options.protector });
  return { keys: to, recoveryKey };
}

/** A new passphrase for the same data key; the recovery key and the computer's protection stay as they were. */
export function changePassphrase(path: string, unlock: Unlock, passphrase: string): void {
  checkPassphrase(passphrase);
  const file = readKeyFile(path);
  const dataKey = dataKeyFrom(file, unlock, path);
  writePrivateFile(path, `${JSON.stringify({ ...file, passphrase: wrap(passphrase, passphraseCost, dataKey) }, null, 2)}\n`);
}

/** The desktop app protects the data key with the operating system once the passphrase has unlocked it. */
export function protectWithComputer(path: string, unlock: Unlock, protector: KeyProtector): void {
  const file = readKeyFile(path);
  const dataKey = dataKeyFrom(file, unlock, path);
  writePrivateFile(path, `${JSON.stringify({ ...file, os: protector.protect(dataKey).toString('base64') }, null, 2)}\n`);
}

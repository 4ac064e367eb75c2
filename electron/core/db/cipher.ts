import { closeSync, openSync, readSync } from 'node:fs';
import { AppError } from '../../../shared/errors.js';

// Encryption at rest. Every file the app writes is an SQLCipher 4 file (SQLite3 Multiple
// Ciphers' `sqlcipher` scheme at `legacy = 4`), so support staff can open one with standard
// SQLCipher tools. The key is a random 256-bit data key given raw (x'...'), which skips
// SQLCipher's 256,000-round key derivation on every open: the passphrase is stretched once, when
// the key file is unlocked (electron/core/keys/), not each time a connection opens.

/** The data key as 64 hex digits, and older ones still needed to read backups made before a key change. */
export interface KeyRing {
  key: string;
  olderKeys?: readonly string[];
}

const hexKey = /^[0-9a-f]{64}$/;

/** The pragmas that make a connection read and write SQLCipher 4 files with this raw key, in the order SQLite3 Multiple Ciphers needs them. */
export function keyPragmas(key: string): string[] {
  if (!hexKey.test(key)) throw new AppError('DATABASE', 'The database key is not 64 hexadecimal digits: the key file may be damaged.');
  return ["cipher = 'sqlcipher'", 'legacy = 4', `key = "x'${key}'"`];
}

/** Applies the key before anything reads the file (journal_mode and every other pragma read page 1). */
export function applyKey(db: { pragma(source: string): unknown }, key: string): void {
  for (const p of keyPragmas(key)) db.pragma(p);
}

/** Re-encrypts an open, keyed (or plain) connection with another key. The file must not be in WAL mode: SQLite3 Multiple Ciphers cannot rekey one safely. */
export function rekeyPragmas(key: string): string[] {
  const [cipher, legacy] = keyPragmas(key);
  return [cipher ?? '', legacy ?? '', `rekey = "x'${key}'"`];
}

/** Every plain SQLite file starts with these 16 bytes; an encrypted one starts with its random salt. */
const plainHeader = Buffer.from('SQLite format 3\0', 'latin1');

/** Whether the file at `path` is a plain (unencrypted) SQLite file. False for a missing, empty or encrypted file. */
export function isPlainSqliteFile(path: string): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return false;
  }
  try {
    const head = Buffer.alloc(16);
    return readSync(fd, head, 0, 16, 0) === 16 && head.equals(plainHeader);
  } finally {
    closeSync(fd);
  }
}

/** SQLite's answer when page 1 does not decrypt to a database page: a wrong key, or not a database at all. */
export function isNotADatabase(err: unknown): boolean {
  return typeof err === 'object' && err !== null && 'code' in err && (err as { code: unknown }).code === 'SQLITE_NOTADB';
}

export function wrongKeyError(path: string): AppError {
  return new AppError(
    'DATABASE',
    `The database could not be opened with this key: ${path} was encrypted with another key, or it is not a Chatterbox database or is badly damaged. ` +
      'Nothing was changed. Check the key file beside it is the right one, or unlock with the recovery key.',
  );
}

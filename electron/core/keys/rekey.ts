import { copyFileSync, existsSync, readdirSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { AppError } from '../../../shared/errors.js';
import { isPlainSqliteFile, rekeyPragmas, type KeyRing } from '../db/cipher.js';
import { openFile } from '../db/connection.js';
import { fsyncFile } from '../io/durable.js';
import { changeDataKey, createKeyFile, keyFilePathFor, type KeyProtector, type Unlock } from './key-file.js';
import { makePrivate } from './private-files.js';

// Changing what a database is encrypted with, while no app has it open: encrypting a plain
// database from before encryption, and a new data key when staff who knew the passphrase leave.
// SQLite3 Multiple Ciphers cannot rekey a file in WAL mode, so each leaves WAL for the rekey
// (after folding the -wal into the file) and returns to it afterwards.

function rekeyFile(databasePath: string, from: KeyRing | undefined, to: string): void {
  const db = openFile(databasePath, from ? { keys: from } : {});
  try {
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.pragma('journal_mode = DELETE');
    for (const p of rekeyPragmas(to)) db.pragma(p);
    db.pragma('journal_mode = WAL');
  } finally {
    db.close();
  }
}

const plainOriginalMark = '.plain-original-';

/** The plain originals `chatterbox encrypt` kept beside the database. */
export function plainOriginals(databasePath: string): string[] {
  const prefix = `${basename(databasePath)}${plainOriginalMark}`;
  return readdirSync(dirname(databasePath))
    .filter((f) => f.startsWith(prefix))
    .map((f) => join(dirname(databasePath), f));
}

/**
 * Encrypts a plain database in place with a new key file. The plain original is kept beside it,
 * owner-only and clearly named, until `confirmEncryption` deletes it. The recovery key is returned
 * to be shown once.
 */
export function encryptDatabase(
  databasePath: string,
  passphrase: string,
  now: string,
  protector?: KeyProtector,
): { recoveryKey: string; plainOriginal: string } {
  if (!existsSync(databasePath)) throw new AppError('NOT_FOUND', `There is no database at ${databasePath}.`);
  if (!isPlainSqliteFile(databasePath)) throw new AppError('CONFLICT', `The database ${databasePath} is encrypted already. Nothing was changed.`);
  const keyPath = keyFilePathFor(databasePath);
  if (existsSync(keyPath)) throw new AppError('CONFLICT', `A key file already exists at ${keyPath}: move it away first. Nothing was changed.`);
  const plain = openFile(databasePath, {});
  try {
    plain.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    plain.close();
  }
  const plainOriginal = `${databasePath}${plainOriginalMark}${now.replace(/[:.]/g, '-')}.sqlite`;
  copyFileSync(databasePath, plainOriginal);
  makePrivate(plainOriginal);
  fsyncFile(plainOriginal);
  const { keys, recoveryKey } = createKeyFile(keyPath, passphrase, protector);
  try {
    rekeyFile(databasePath, undefined, keys.key);
  } catch (err) {
    rmSync(keyPath, { force: true });
    throw err;
  }
  return { recoveryKey, plainOriginal };
}

/** Deletes the plain originals once the manager has checked the encrypted database opens. */
export function confirmEncryption(databasePath: string): string[] {
  if (isPlainSqliteFile(databasePath))
    throw new AppError('CONFLICT', `The database ${databasePath} is not encrypted yet: run "chatterbox encrypt" first. Nothing was deleted.`);
  const originals = plainOriginals(databasePath);
  for (const f of originals) rmSync(f, { force: true });
  return originals;
}

/**
 * A new data key: the database is re-encrypted with it and the key file rewritten with the (new)
 * passphrase and a new recovery key; the old key is kept, wrapped, so older backups restore. If
 * the key file cannot be written, the database goes back to its old key.
 */
export function changeDatabaseKey(
  databasePath: string,
  unlock: Unlock,
  passphrase: string | undefined,
  protector?: KeyProtector,
): { recoveryKey: string; keys: KeyRing } {
  if (isPlainSqliteFile(databasePath)) throw new AppError('CONFLICT', `The database ${databasePath} is not encrypted yet: run "chatterbox encrypt" first.`);
  const keyPath = keyFilePathFor(databasePath);
  let rekeyed: { from: KeyRing; to: KeyRing } | null = null;
  try {
    return changeDataKey(keyPath, unlock, { passphrase, protector }, (from, to) => {
      rekeyFile(databasePath, from, to.key);
      rekeyed = { from, to };
    });
  } catch (err) {
    const done = rekeyed as { from: KeyRing; to: KeyRing } | null;
    if (done) rekeyFile(databasePath, done.to, done.from.key);
    throw err;
  }
}

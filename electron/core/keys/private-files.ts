import { chmodSync, closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

// Files that hold children's records or the key to them are readable by their owner only: 0600
// files in 0700 folders. The command line and the desktop app also set umask 077 at start, so
// whatever SQLite creates (-wal, -shm, journals, VACUUM INTO copies) gets the same modes; these
// helpers set them explicitly where the app creates files itself. On Windows the modes mean
// little (chmod only toggles read-only): files there inherit the user profile's permissions, which
// already keep other users out of the app's data folder.

export const privateFileMode = 0o600;
export const privateFolderMode = 0o700;

/** Makes the folder (and missing parents) owner-only where the app creates it. */
export function makePrivateFolder(path: string): void {
  mkdirSync(path, { recursive: true, mode: privateFolderMode });
}

/** Sets owner-only modes on a file the app made; ignored where the file system has no modes. */
export function makePrivate(path: string): void {
  try {
    chmodSync(path, privateFileMode);
  } catch {
    // FAT-formatted USB sticks and some network shares cannot hold modes.
  }
}

/** Writes `text` to `path` atomically (a partial file, flushed, renamed), owner-only. */
export function writePrivateFile(path: string, text: string): void {
  makePrivateFolder(dirname(path));
  const partial = `${path}.partial`;
  const fd = openSync(partial, 'w', privateFileMode);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } catch (err) {
    closeSync(fd);
    rmSync(partial, { force: true });
    throw err;
  }
  closeSync(fd);
  makePrivate(partial);
  renameSync(partial, path);
}

/** umask 077 for the whole process: called first thing by the command line and the desktop app. */
export function useOwnerOnlyFileModes(): void {
  if (process.platform !== 'win32') process.umask(0o077);
}

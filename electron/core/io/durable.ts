import { closeSync, fsyncSync, openSync, rmSync } from 'node:fs';

// Writing database files so that a crash at any moment leaves either the old file or the whole
// new one: write under another name, flush, rename (atomic), flush the folder.

/** An SQLite file and the files SQLite may keep beside it. */
const sidecars = ['', '-wal', '-shm', '-journal'];

export function removeFileSet(path: string): void {
  for (const suffix of sidecars) rmSync(`${path}${suffix}`, { force: true });
}

function fsync(path: string, flags: 'r' | 'r+'): void {
  const fd = openSync(path, flags);
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export function fsyncFile(path: string): void {
  fsync(path, 'r+');
}

/** Makes a rename durable. Windows cannot open a folder for fsync; NTFS journals renames itself. */
export function fsyncFolder(folder: string): void {
  if (process.platform === 'win32') return;
  try {
    fsync(folder, 'r');
  } catch {
    // Some file systems refuse; the rename itself is still atomic.
  }
}

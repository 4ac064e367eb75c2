import { closeSync, fsyncSync, openSync, rmSync } from 'node:fs';

// Writing database files so that a crash at any moment leaves either the old file or the whole
// new one: write under another name, flush, rename (atomic), flush the folder.

/** An SQLite file and the files SQLite may keep beside it. */
const sidecars = ['', '-wal', '-shm', '-journal'];

export function removeFileSet(path: string): void {
  for (const suffix of sidecars) rmSync(`${path}${suffix}`, { force: true });
}

export function fsyncFile(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Makes a rename durable. Windows cannot open a folder for fsync; NTFS journals renames itself. */
export function fsyncFolder(folder: string): void {
  if (process.platform === 'win32') return;
  try {
    const fd = openSync(folder, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Some file systems refuse; the rename itself is still atomic.
  }
}

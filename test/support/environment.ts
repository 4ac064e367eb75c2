import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { tempDir } from './core.js';

// Hostile environments for tests: files and folders that cannot be written, and a tiny disk.
// Tests run as root here, and permission bits do not stop root, so "cannot be written" is made
// with the immutable attribute (chattr +i), which stops root too and is undone after the test.
// Each helper returns a reason string instead when the machine does not allow it, so the test
// can skip saying why.

const undo: (() => void)[] = [];
afterEach(() => {
  while (undo.length) undo.pop()?.();
});

function run(command: string, args: string[]): string | null {
  try {
    execFileSync(command, args, { stdio: 'pipe' });
    return null;
  } catch (err) {
    return err instanceof Error ? (err.message.split('\n')[0] ?? err.message) : String(err);
  }
}

/** Makes a file or folder immutable until the end of the test; a reason when it cannot. */
export function makeUnwritable(path: string): string | null {
  const failed = run('chattr', ['+i', path]);
  if (failed) return `chattr +i is not available here (${failed})`;
  undo.push(() => run('chattr', ['-i', path]));
  return null;
}

/** A folder on a tmpfs of `size` (e.g. '2m'), unmounted after the test; a reason when it cannot. */
export function tinyDisk(size: string): { dir: string } | string {
  const dir = join(tempDir(), 'disk');
  mkdirSync(dir);
  const failed = run('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir]);
  if (failed) return `cannot mount a small tmpfs here (${failed})`;
  // Unmounted before tempDir's clean-up (registered earlier, run later) removes the folder.
  undo.push(() => {
    run('umount', [dir]);
    rmSync(dir, { recursive: true, force: true });
  });
  return { dir };
}

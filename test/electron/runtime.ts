import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The Electron binary if it is installed, without triggering a download: `require('electron')`
 * would try one, which hangs or fails on offline machines.
 */
export function installedElectron(root: string): { path: string } | { missing: string } {
  const pathFile = join(root, 'node_modules', 'electron', 'path.txt');
  if (!existsSync(pathFile))
    return { missing: 'the Electron runtime is not downloaded (node_modules/electron/path.txt is absent; it cannot be fetched offline)' };
  const binary = join(root, 'node_modules', 'electron', 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? { path: binary } : { missing: `the Electron binary ${binary} is missing` };
}

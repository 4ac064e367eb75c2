// better-sqlite3 is a native addon, and Electron needs a build for its own ABI. Rebuilding it in
// node_modules would break `npm test` (Node) until the next rebuild, so the Electron build is
// made from a copy and kept in .electron-native/, which electron/main.ts passes to
// better-sqlite3 as `nativeBinding`. Packaged apps get theirs from electron-builder instead.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function buildElectronNative(root) {
  const out = join(root, '.electron-native');
  const binding = join(out, 'better_sqlite3.node');
  const stamp = join(out, 'built-for.txt');
  const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')).version;
  const sqliteVersion = JSON.parse(readFileSync(join(root, 'node_modules/better-sqlite3-multiple-ciphers/package.json'), 'utf8')).version;
  const wanted = `electron ${electronVersion}, better-sqlite3-multiple-ciphers ${sqliteVersion}`;
  if (existsSync(binding) && existsSync(stamp) && readFileSync(stamp, 'utf8') === wanted) return true;

  console.log(`Building better-sqlite3 for Electron ${electronVersion} (once)...`);
  const src = join(out, 'src');
  rmSync(src, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  cpSync(join(root, 'node_modules/better-sqlite3-multiple-ciphers'), src, {
    recursive: true,
    filter: (p) => !p.includes(`${join('better-sqlite3-multiple-ciphers', 'build')}`),
  });
  const nodeGyp = join(process.execPath, '..', '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
  const result = spawnSync(
    process.execPath,
    [nodeGyp, 'rebuild', '--release', `--target=${electronVersion}`, '--runtime=electron', '--dist-url=https://electronjs.org/headers'],
    { cwd: src, stdio: 'inherit', env: process.env },
  );
  if (result.status !== 0) {
    console.log('Could not build better-sqlite3 for Electron (the headers need a download).');
    return false;
  }
  cpSync(join(src, 'build', 'Release', 'better_sqlite3.node'), binding);
  writeFileSync(stamp, wanted);
  return true;
}

// `npm start`: the desktop app where the Electron runtime can be had, browser mode where it
// cannot (offline or locked-down machines, and the machines this project is built on).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildElectronNative } from './electron-native.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const args = process.argv.slice(2);

/** Resolving 'electron' downloads the runtime on first use; a failure means we cannot have it. */
function electronBinary() {
  const probe = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], {
    cwd: root,
    encoding: 'utf8',
    timeout: 180_000,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const path = probe.status === 0 ? probe.stdout.trim() : '';
  return path && existsSync(path) ? path : null;
}

function run(command, commandArgs) {
  const child = spawn(command, commandArgs, { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
}

const electron = process.env.CHATTERBOX_BROWSER_MODE ? null : electronBinary();
if (electron && buildElectronNative(root)) {
  run(electron, ['dist/electron/main.js', ...args]);
} else {
  console.log('The Electron runtime is not available here (offline?), so Chatterbox starts in browser mode instead.');
  run(process.execPath, ['dist/electron/cli/main.js', 'serve', '--local-admin', ...args]);
}

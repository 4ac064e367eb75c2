// Starts browser mode for the end-to-end tests on a brand-new database (optionally filled with
// demo data first), so every run starts from the same state whatever an earlier run left.
// The address the server prints (with its one-time code) is saved beside the database as
// access-url.txt, where the Playwright global setup (access.setup.ts) picks it up, exactly as a
// person copies it from the terminal.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const [dbPath, port, withDemo] = process.argv.slice(2);
if (!dbPath || !port) throw new Error('usage: serve.mjs DB PORT [demo]');
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const cli = join(root, 'dist', 'electron', 'cli', 'main.js');
const accessFile = join(dirname(dbPath), 'access-url.txt');

mkdirSync(dirname(dbPath), { recursive: true });
rmSync(accessFile, { force: true });
for (const suffix of ['', '-wal', '-shm', '.key']) rmSync(`${dbPath}${suffix}`, { force: true });
// The database is encrypted: its key file is created on the first run with this passphrase,
// given by environment as a script must (no terminal to ask at).
const env = { ...process.env, CHATTERBOX_PASSPHRASE: process.env.CHATTERBOX_PASSPHRASE ?? 'end-to-end test passphrase' };
// Each server keeps its backups beside its database: one folder per port, emptied each run.
rmSync(join(dirname(dbPath), 'backups'), { recursive: true, force: true });
if (withDemo === 'demo') {
  const demo = spawnSync(process.execPath, [cli, 'demo', '--local-admin', '--db', dbPath], { stdio: 'inherit', env });
  if (demo.status !== 0) process.exit(demo.status ?? 1);
}
const server = spawn(process.execPath, [cli, 'serve', '--local-admin', '--db', dbPath, '--port', port], { stdio: ['ignore', 'pipe', 'inherit'], env });
createInterface({ input: server.stdout }).on('line', (line) => {
  console.log(line);
  const address = /http:\/\/127\.0\.0\.1:\d+\/\?code=[A-Za-z0-9_-]+/.exec(line)?.[0];
  if (address) writeFileSync(accessFile, address);
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));

// Starts browser mode for the end-to-end tests on a brand-new database (optionally filled with
// demo data first), so every run starts from the same state whatever an earlier run left.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const [dbPath, port, withDemo] = process.argv.slice(2);
if (!dbPath || !port) throw new Error('usage: serve.mjs DB PORT [demo]');
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const cli = join(root, 'dist', 'electron', 'cli', 'main.js');

mkdirSync(dirname(dbPath), { recursive: true });
for (const suffix of ['', '-wal', '-shm']) rmSync(`${dbPath}${suffix}`, { force: true });
// Each server keeps its backups beside its database: one folder per port, emptied each run.
rmSync(join(dirname(dbPath), 'backups'), { recursive: true, force: true });
if (withDemo === 'demo') {
  const demo = spawnSync(process.execPath, [cli, 'demo', '--local-admin', '--db', dbPath], { stdio: 'inherit' });
  if (demo.status !== 0) process.exit(demo.status ?? 1);
}
const server = spawn(process.execPath, [cli, 'serve', '--local-admin', '--db', dbPath, '--port', port], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));

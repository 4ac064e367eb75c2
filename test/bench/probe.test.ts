import { test } from 'vitest';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { generateBenchDatabase } from './generate.js';
import { refreshAllDerived } from '../../electron/core/db/repos/derived.js';
test('gen', () => {
  const path = join(tmpdir(), `probe-${process.pid}.sqlite`);
  const mult = Number(process.env.PROBE_X ?? '1');
  const g = generateBenchDatabase(path, { name: 'p', settings: 150 * mult, localAuthorities: mult, children: 25000 * mult, screenings: 150000 * mult, seed: 42 }, '2026-11-27', (m) => process.stderr.write(m + '\n'));
  process.stderr.write(`gen ${g.timings.generateMs}\n`);
  const db = new Database(path); db.pragma('journal_mode = OFF'); db.pragma('synchronous = OFF'); db.pragma('cache_size = -1048576');
  const t = performance.now(); db.transaction(() => refreshAllDerived(db))(); process.stderr.write(`derived(build conn) ${performance.now() - t}\n`);
  db.close();
  for (const s of ['', '-wal', '-shm']) rmSync(path + s, { force: true });
});

import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, expect } from 'vitest';
import { fixedClock } from '../../electron/core/context.js';
import { createCore } from '../../electron/core/core.js';
import { openDatabase } from '../../electron/core/db/connection.js';

// Helpers for the crash tests (kill.test.ts). A child process running the real core is killed with SIGKILL at random
// moments; after each kill the database must open as the app opens it (openDatabase runs
// integrity_check before anything else) and hold whole imports only.
//
// CRASH_KILLS sets the number of kills in each test (default 25); CRASH_IMPORT_ROWS the size
// of each import (default 2000).

export const kills = Number(process.env.CRASH_KILLS ?? 25);
export const importRows = Number(process.env.CRASH_IMPORT_ROWS ?? 2000);

let workDir = '';
let childScript = '';

/** Bundles child-entry.ts (and the core it imports) for plain `node`, once per test file. */
export function useChildScript(): { dir: () => string } {
  beforeAll(async () => {
    workDir = mkdtempSync(join(tmpdir(), 'chatterbox-crash-'));
    childScript = join(workDir, 'child.mjs');
    await build({
      entryPoints: [fileURLToPath(new URL('./child-entry.ts', import.meta.url))],
      outfile: childScript,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      logLevel: 'silent',
      plugins: [
        {
          // Only the app's own TypeScript is bundled; packages (better-sqlite3's native addon,
          // exceljs, zod) are imported from where they are installed, by absolute path.
          name: 'packages-in-place',
          setup(b) {
            b.onResolve({ filter: /^[^./]/ }, async (args) => {
              if (args.pluginData === 'inner' || args.path.startsWith('node:')) return undefined;
              const found = await b.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: 'inner' });
              if (found.errors.length > 0) return { errors: found.errors };
              return { path: found.path, external: found.path.includes('node_modules') };
            });
          },
        },
      ],
    });
    // readMigration finds the .sql files beside the module: beside the bundle.
    cpSync(fileURLToPath(new URL('../../electron/core/db/migrations/', import.meta.url)), join(workDir, 'migrations'), { recursive: true });
  }, 300_000); // Bundling with esbuild: seconds alone, minutes on a loaded machine.
  afterAll(() => {
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });
  return { dir: () => workDir };
}

export interface ChildRun {
  killed: boolean;
  done: boolean;
  /** From "ready" (the database is open) to exit. */
  ms: number;
  stderr: string;
}

/** Runs the child; `killAfterMs` after it reports "ready", SIGKILL (null: let it finish). */
export function runChild(args: string[], killAfterMs: number | null): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [childScript, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let stderr = '';
    let readyAt = 0;
    let timer: NodeJS.Timeout | undefined;
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (!readyAt && out.includes('ready')) {
        readyAt = performance.now();
        if (killAfterMs !== null) timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
      }
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      clearTimeout(timer);
      resolve({ killed: signal === 'SIGKILL', done: out.includes('done'), ms: readyAt ? performance.now() - readyAt : 0, stderr });
    });
  });
}

/** Opens the database as the app does (integrity_check first), and counts children per import batch. */
export function inspect(path: string): { children: number; batches: number[] } {
  const db = openDatabase(path);
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const children = (db.prepare('SELECT count(*) AS n FROM children').get() as { n: number }).n;
    const batches = (db.prepare("SELECT count(*) AS n FROM children WHERE first_name LIKE 'Imported%' GROUP BY last_name").all() as { n: number }[]).map(
      (r) => r.n,
    );
    return { children, batches };
  } finally {
    db.close();
  }
}

export function seedDatabase(path: string, children: number): void {
  const core = createCore({ localAdmin: 'tester', databasePath: path, clock: fixedClock('2026-11-27') });
  try {
    const setting = core.invoke('settings.create', { name: 'Acorn', urn: 'EY123456', type: 'nursery' });
    if (children > 0) {
      // Bulk rows for size only (the backup copies pages, whatever they hold).
      core.context.db
        .prepare(
          `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
           INSERT INTO children (id, setting_id, first_name, last_name, date_of_birth, sex, ethnicity, eal, send_stage, funded2, eypp,
             notes, search_name, created_at, updated_at)
           SELECT lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-a'
               || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))),
             ?, 'Seed' || i, 'Child', '2023-03-01', 'female', 'NOBT', 0, 'none', 0, 0, hex(randomblob(400)), 'seed child', 'x', 'x'
           FROM n`,
        )
        .run(children, setting.id);
    }
  } finally {
    core.close();
  }
}

export const randomDelay = (upTo: number) => Math.floor(Math.random() * upTo);

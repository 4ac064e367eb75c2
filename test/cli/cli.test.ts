import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../electron/cli.js';
import { createCore } from '../../electron/core/core.js';
import { tempDir } from '../support/core.js';

// The command line in-process: exit codes 0 done, 1 data errors, 2 usage.

function capture() {
  const out: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  return out;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('chatterbox', () => {
  it('prints usage with --help (0) and without a command (2)', async () => {
    const out = capture();
    expect(await main(['--help'])).toBe(0);
    expect(out.join('\n')).toContain('Usage: chatterbox <command>');
    expect(await main([])).toBe(2);
  });

  it('gives help per command and refuses unknown commands and options with 2', async () => {
    const out = capture();
    expect(await main(['demo', '--help'])).toBe(0);
    expect(out.join('\n')).toContain('--seed N');
    expect(await main(['frobnicate'])).toBe(2);
    expect(await main(['demo', '--colour', 'red'])).toBe(2);
    expect(await main(['demo', '--seed', 'abc'])).toBe(2);
    expect(await main(['serve', '--port', '70000'])).toBe(2);
    expect(out.join('\n')).toContain('--port must be a number from 0 to 65535');
  });

  it('fills an empty database with demo data, and refuses a database that holds settings (1)', async () => {
    const out = capture();
    const db = join(tempDir(), 'demo.sqlite');
    expect(await main(['demo', '--db', db])).toBe(0);
    expect(out.join('\n')).toMatch(/Added 4 demo settings, 12 rooms, 32 staff, \d+ children, \d+ screenings and 4 screening rounds/);
    expect(await main(['demo', '--db', db])).toBe(1);
    expect(out.at(-1)).toContain('already holds settings');
    const core = createCore({ databasePath: db });
    try {
      expect(core.invoke('settings.list', {})).toHaveLength(4);
    } finally {
      core.close();
    }
  });

  it('reports a damaged database with exit code 1 and a message naming the file', async () => {
    const out = capture();
    const db = join(tempDir(), 'not-a-db.sqlite');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(db, 'this is not a database, just text '.repeat(200));
    expect(await main(['demo', '--db', db])).toBe(1);
    expect(out.at(-1)).toContain(db);
    expect(out.at(-1)).toContain('Nothing was changed');
  });
});

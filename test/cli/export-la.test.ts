import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../electron/cli/main.js';
import { tempDir } from '../support/core.js';

// `chatterbox export la-tracker`: the local authority's single workbook from the command line.

// The command line creates the database's key file on its first run, with this passphrase.
beforeEach(() => {
  process.env.CHATTERBOX_PASSPHRASE = 'a test passphrase';
});

afterEach(() => {
  vi.restoreAllMocks();
  delete process.env.CHATTERBOX_PASSPHRASE;
});

describe('chatterbox export la-tracker', () => {
  it('writes one workbook for every setting, and refuses an unknown type (2) or round (1)', { timeout: 120_000 }, async () => {
    const out: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
    vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
    const dir = tempDir();
    const db = join(dir, 'cli.sqlite');
    expect(await main(['demo', '--local-admin', '--db', db])).toBe(0);
    const file = join(dir, 'la.xlsx');
    expect(await main(['export', 'la-tracker', '--out', file, '--local-admin', '--db', db])).toBe(0);
    const workbook = new ExcelJS.Workbook();
    const bytes = readFileSync(file);
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    const [summary, children] = workbook.worksheets;
    expect(summary?.name).toBe('Summary');
    expect(children?.getRow(1).getCell(1).value).toBe('Setting');
    // Every child row is counted once in the summary, and the demo has several settings.
    const onRoll = (summary?.getColumn(3).values.slice(2) ?? []).map(Number);
    expect(onRoll.length).toBeGreaterThan(1);
    expect(onRoll.reduce((a, b) => a + b, 0)).toBe((children?.actualRowCount ?? 0) - 1);
    expect(await main(['export', 'la-tracker', '--type', 'castle', '--out', file, '--local-admin', '--db', db])).toBe(2);
    expect(out.join('\n')).toContain('--type must be one of nursery');
    expect(await main(['export', 'la-tracker', '--round', 'No Such Round', '--out', file, '--local-admin', '--db', db])).toBe(1);
    expect(out.join('\n')).toContain('There is no round called No Such Round');
  });
});

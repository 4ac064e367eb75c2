import { describe, expect, it } from 'vitest';
import { childHeader, childMapping, childRow, csv, fileInput, makeSetting } from '../fixtures/import/build.js';
import { testCore } from '../support/core.js';

// One import per database at a time: each holds its whole file and parsed rows in memory (two
// parallel 26 MB imports took the host to 529 MB). The second caller is refused with BUSY at
// once, before its file is read, and nothing it sent is written.

const anotherImport = 'Chatterbox is busy: another import is running. Nothing was saved: try again when it has finished.';

describe('imports, one at a time', () => {
  it('refuses a second import or preview while one runs, then accepts the next', async () => {
    const core = testCore();
    const s = makeSetting(core);
    const file = (from: number) => csv([childHeader, ...Array.from({ length: 50 }, (_, i) => childRow(from + i))]);
    const run = (from: number) =>
      core.callAsync('imports.run', fileInput('children', s.settingId, `batch-${from}.csv`, file(from), { mapping: childMapping, dryRun: false }));
    // Not awaited: the first holds its turn from the moment it is called.
    const first = run(1);
    const second = await run(100);
    const preview = await core.callAsync('imports.preview', fileInput('children', s.settingId, 'peek.csv', file(200)));
    expect(second).toEqual({ ok: false, error: { code: 'BUSY', message: anotherImport } });
    expect(preview).toEqual({ ok: false, error: { code: 'BUSY', message: anotherImport } });
    expect(await first).toMatchObject({ ok: true, value: { created: { children: 50 } } });
    // Only the first import's rows are stored: the refused ones wrote nothing.
    const files = () => core.invoke('imports.list', { settingId: s.settingId }).map((b) => b.fileName);
    expect(files()).toEqual(['batch-1.csv']);
    expect(core.invoke('children.list', { settingId: s.settingId, status: 'all' }).total).toBe(50);
    // The turn is given back, also after a failure.
    expect(await run(100)).toMatchObject({ ok: true, value: { created: { children: 50 } } });
    const broken = await core.callAsync('imports.run', fileInput('children', s.settingId, 'bad.csv', 'not,a\nreal', { mapping: childMapping, dryRun: false }));
    expect(broken.ok).toBe(false);
    expect(await run(300)).toMatchObject({ ok: true, value: { created: { children: 50 } } });
  });
});

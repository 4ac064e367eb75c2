import { chmodSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Printer, Session } from '../../electron/core/context.js';
import type { Core } from '../../electron/core/core.js';
import { pdfFileName, whyNotWritten, writePdfFile } from '../../electron/core/services/reports/save-pdf.js';
import { rejection } from '../support/api.js';
import { smallWorld } from '../support/inputs.js';
import { dump, tempDir, testCore } from '../support/core.js';

// "Save as PDF" in the desktop app (reports.savePdf), with a fake printer in place of Electron's
// printToPDF and save dialog: it writes through the same writePdfFile the desktop app uses, so
// the file, its modes and the messages for a file that cannot be written are the real ones.

const pdfBytes = Buffer.from('%PDF-1.7\n% a page\n%%EOF\n');
const title = 'Setting progress report, Autumn 2026';

/** A printer that "prints" `pdfBytes` into `folder` under the offered name, or as told. */
function fakePrinter(folder: string, choose: (suggested: string) => string | null = (s) => join(folder, s)) {
  const calls: { session: Session; suggested: string }[] = [];
  const printer: Printer = {
    savePdf(session, suggested) {
      calls.push({ session, suggested });
      const path = choose(suggested);
      if (path === null) return Promise.resolve(null);
      // Thrown inside the promise, as Electron's asynchronous save does.
      return Promise.resolve().then(() => {
        writePdfFile(path, pdfBytes);
        return path;
      });
    },
  };
  return { printer, calls };
}

function pdfAuditNotes(core: Core): { note: string; actorName: string }[] {
  return (
    core.context.db.prepare("SELECT actor_name AS actorName, summary FROM audit_log WHERE method = 'reports.savePdf'").all() as {
      actorName: string;
      summary: string;
    }[]
  ).map((r) => ({ actorName: r.actorName, note: (JSON.parse(r.summary) as { note: string }).note }));
}

describe('reports.savePdf', () => {
  it('saves the window page where the person chose, owner-only, and writes one audit row naming who and what', async () => {
    const folder = tempDir();
    const { printer, calls } = fakePrinter(folder);
    const core = testCore({ printer });
    const result = await core.invokeAsync('reports.savePdf', { title });
    const expectedPath = join(folder, 'Setting progress report Autumn 2026 27-11-2026.pdf');
    expect(result).toEqual({ saved: true, path: expectedPath });
    // The printer was asked for the caller's own window, with a file name safe on every system.
    expect(calls).toHaveLength(1);
    expect(calls[0]?.session).toBe(core.localSession);
    expect(calls[0]?.suggested).toBe('Setting progress report Autumn 2026 27-11-2026.pdf');
    expect(readFileSync(expectedPath)).toEqual(pdfBytes);
    if (process.platform !== 'win32') expect(statSync(expectedPath).mode & 0o777).toBe(0o600);
    expect(readdirSync(folder)).toEqual(['Setting progress report Autumn 2026 27-11-2026.pdf']);
    expect(pdfAuditNotes(core)).toEqual([{ actorName: 'Test Manager (Manager)', note: `Saved a PDF: ${title}` }]);
  });

  it("files a PDF of a child's summary under the child, so purging the child's records takes its title too", async () => {
    const { printer } = fakePrinter(tempDir());
    const core = testCore({ printer });
    const { child } = smallWorld(core);
    await core.invokeAsync('reports.savePdf', { title: 'Progress summary: Amara Applewhistle', childId: child.id });
    const row = () =>
      core.context.db.prepare("SELECT record_id AS recordId, summary FROM audit_log WHERE method = 'reports.savePdf'").get() as {
        recordId: string;
        summary: string;
      };
    expect(row().recordId).toBe(child.id);
    core.invoke('children.archive', { id: child.id, archived: true, leaveDate: '2025-06-01' });
    core.invoke('retention.updatePolicy', { recordType: 'screening', years: 1 });
    core.invoke('retention.purge', { childIds: [child.id], confirm: true });
    expect(row().summary).not.toContain('Applewhistle');
  });

  it('writes nothing and records nothing when the person cancels the save dialog', async () => {
    const folder = tempDir();
    const { printer, calls } = fakePrinter(folder, () => null);
    const core = testCore({ printer });
    const before = dump(core);
    expect(await core.invokeAsync('reports.savePdf', { title })).toEqual({ saved: false, path: null });
    expect(calls).toHaveLength(1);
    expect(dump(core)).toBe(before);
    expect(readdirSync(folder)).toEqual([]);
  });

  it('in browser mode (no printer) says the browser saves the PDF, and records nothing', async () => {
    const core = testCore();
    const before = dump(core);
    const error = await rejection(core.invokeAsync('reports.savePdf', { title }));
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toMatch(/done by your browser: choose "Print or save as PDF"/);
    expect(dump(core)).toBe(before);
  });

  it('names the file that could not be written, leaves no part of it and records nothing', async () => {
    const folder = tempDir();
    // A "folder" that is really a file: the write fails whoever runs the test (root included).
    const notAFolder = join(folder, 'not-a-folder');
    writeFileSync(notAFolder, 'x');
    const target = join(notAFolder, 'report.pdf');
    const { printer } = fakePrinter(folder, () => target);
    const core = testCore({ printer });
    const before = dump(core);
    const error = await rejection(core.invokeAsync('reports.savePdf', { title }));
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toContain(target);
    expect(error.message).toMatch(/Nothing was saved/);
    expect(dump(core)).toBe(before);
    expect(readdirSync(folder)).toEqual(['not-a-folder']);
  });

  // Root may write into a read-only folder, so there the read-only case cannot be shown.
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (root || process.platform === 'win32') console.log('reports.savePdf read-only folder test skipped: file modes do not stop root (or Windows) writing.');
  it.skipIf(root || process.platform === 'win32')('says a read-only folder is read-only, naming the file', async () => {
    const folder = tempDir();
    chmodSync(folder, 0o500);
    const target = join(folder, 'report.pdf');
    const { printer } = fakePrinter(folder, () => target);
    const core = testCore({ printer });
    const error = await rejection(core.invokeAsync('reports.savePdf', { title }));
    chmodSync(folder, 0o700);
    expect(error.message).toBe(`${target} could not be saved: that folder is read-only or you may not save there. Nothing was saved: choose another folder.`);
    expect(existsSync(target)).toBe(false);
    expect(pdfAuditNotes(core)).toEqual([]);
  });

  it('words each way a file cannot be written, naming the file', () => {
    const path = '/media/usb/report.pdf';
    expect(whyNotWritten(path, { code: 'ENOSPC' })).toBe(
      `There is not enough room on the disk to save ${path}. Nothing was saved: free some space or choose another folder.`,
    );
    expect(whyNotWritten(path, { code: 'EROFS' })).toMatch(/^\/media\/usb\/report\.pdf could not be saved: that folder is read-only/);
    expect(whyNotWritten(path, { code: 'ENOENT' })).toMatch(/that folder no longer exists/);
    expect(whyNotWritten(path, new Error('odd'))).toBe(`${path} could not be saved. Nothing was saved: choose another folder.`);
  });

  it('refuses a signed-out window before printing anything', async () => {
    const { printer, calls } = fakePrinter(tempDir());
    const core = testCore({ printer, signedOut: true });
    const result = await core.callAsync('reports.savePdf', { title });
    expect(result).toMatchObject({ ok: false, error: { code: 'SIGN_IN_REQUIRED' } });
    expect(calls).toEqual([]);
  });

  it('refuses a missing or over-long title, naming the field, before printing anything', async () => {
    const { printer, calls } = fakePrinter(tempDir());
    const core = testCore({ printer });
    for (const input of [{}, { title: '   ' }, { title: 'x'.repeat(201) }]) {
      const result = await core.callAsync('reports.savePdf', input);
      expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: ['title'] }] } });
    }
    expect(calls).toEqual([]);
  });

  it('offers a file name without characters a file system refuses, keeping the date', () => {
    expect(pdfFileName('Child: Amy/Bo "summary"?', '2026-11-27')).toBe('Child Amy Bo summary 27-11-2026.pdf');
    expect(pdfFileName('x'.repeat(150), '2026-11-27')).toBe(`${'x'.repeat(60)} 27-11-2026.pdf`);
  });
});

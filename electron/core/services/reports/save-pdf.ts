import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { AppError } from '../../../../shared/errors.js';
import { safeFileName } from '../../../../shared/files.js';
import type { SavePdfInput, SavePdfResult } from '../../../../shared/schemas/reports.js';
import { actorOf } from '../../api/audit-trail.js';
import type { CallContext } from '../../context.js';
import { makePrivate, privateFileMode } from '../../keys/private-files.js';

// "Save as PDF" in the desktop app: the window's page printed by Electron (the printer the desktop
// app gives the core) and saved where the person chooses. Browser mode has no printer: there the
// browser's own print dialog saves a PDF, and this says so. A PDF of a child's record is personal
// data leaving the app, so a saved file is recorded in the audit trail; a cancelled save is not.

export const browserModeMessage =
  'Saving as PDF from here is done by your browser: choose "Print or save as PDF", then pick "Save as PDF" as the printer. Nothing was saved.';

/** The file name offered in the save dialog: the page's title and the date (27-11-2026), safe on every system. */
export function pdfFileName(title: string, today: string): string {
  const [y, m, d] = today.split('-');
  // The title is cut before the date is added, so a long title never loses the date.
  return safeFileName(`${title.slice(0, 60)} ${d}-${m}-${y}`, 'pdf');
}

/** Plain words for why a file could not be written, from Node's error code. */
export function whyNotWritten(path: string, err: unknown): string {
  const code = typeof err === 'object' && err !== null && 'code' in err ? String((err as { code: unknown }).code) : '';
  if (code === 'ENOSPC' || code === 'EDQUOT')
    return `There is not enough room on the disk to save ${path}. Nothing was saved: free some space or choose another folder.`;
  if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM')
    return `${path} could not be saved: that folder is read-only or you may not save there. Nothing was saved: choose another folder.`;
  if (code === 'ENOENT') return `${path} could not be saved: that folder no longer exists. Nothing was saved: choose another folder.`;
  return `${path} could not be saved${code ? ` (${code})` : ''}. Nothing was saved: choose another folder.`;
}

/**
 * Writes the PDF to `path`, owner-only, through a partial file renamed into place, so a full disk
 * never leaves half a PDF under the chosen name. A failure is an AppError naming the file.
 */
export function writePdfFile(path: string, bytes: Uint8Array): void {
  const partial = `${path}.partial`;
  let fd: number | undefined;
  try {
    fd = openSync(partial, 'w', privateFileMode);
    writeSync(fd, bytes);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    makePrivate(partial);
    renameSync(partial, path);
  } catch (err) {
    if (fd !== undefined) closeSync(fd);
    try {
      rmSync(partial, { force: true });
    } catch {
      // There was no partial file to remove (the folder itself could not be reached).
    }
    throw new AppError('CONFLICT', whyNotWritten(path, err));
  }
}

/** reports.savePdf: the desktop app's "Save as PDF"; one audit row when a file was saved. */
export async function savePagePdf(ctx: CallContext, input: SavePdfInput): Promise<SavePdfResult> {
  if (!ctx.printer) throw new AppError('CONFLICT', browserModeMessage);
  const path = await ctx.printer.savePdf(ctx.session, pdfFileName(input.title, ctx.clock.today()));
  if (path === null) return { saved: false, path: null };
  // A read-only database can record nothing; the PDF is saved all the same, as a backup copy is.
  if (!ctx.db.readonly) {
    ctx.db
      .transaction(() =>
        ctx.repos.audit.write({
          at: ctx.clock.now(),
          ...actorOf(ctx.session),
          method: 'reports.savePdf',
          recordType: 'reports',
          recordId: input.childId,
          settingId: null,
          changes: [],
          note: `Saved a PDF: ${input.title}`,
        }),
      )
      .immediate();
  }
  return { saved: true, path };
}

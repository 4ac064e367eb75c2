import { useState } from 'react';
import { inDesktopApp } from '../api.js';
import { useApiClient } from '../lib/apiClient.js';
import { usePrintTitle } from '../lib/printTitle.js';
import { AttemptError, useAttempt } from '../lib/useAttempt.js';
import { AsyncButton } from './AsyncButton.js';

/**
 * Printing the screen. In browser mode one button, "Print or save as PDF": the browser's print
 * dialog, whose destinations include saving as a PDF. In the desktop app (the IPC bridge), "Print"
 * and "Save as PDF" (reports.savePdf: Electron prints the page and asks where to save it). The PDF
 * is named with `title`, else the page's printed title. Hidden on paper with every other button.
 */
export function PrintButton({ label, title, childId }: { label?: string; title?: string; childId?: string }) {
  const desktop = inDesktopApp();
  const printTitle = usePrintTitle();
  if (!desktop) return <PrintOnly label={label ?? 'Print or save as PDF'} />;
  return (
    <span className="print-button">
      <PrintOnly label={label ?? 'Print'} />
      <SavePdfButton title={title || printTitle || document.title || 'Chatterbox'} childId={childId ?? null} />
    </span>
  );
}

function PrintOnly({ label }: { label: string }) {
  return (
    <button type="button" className="button button--secondary" onClick={() => window.print()}>
      {label}
    </button>
  );
}

function SavePdfButton({ title, childId }: { title: string; childId: string | null }) {
  const api = useApiClient();
  const { error, attempt } = useAttempt();
  const [saved, setSaved] = useState<string | null>(null);
  return (
    <>
      <AsyncButton
        className="button button--secondary"
        busyLabel="Saving…"
        onClick={() =>
          attempt(async () => {
            setSaved(null);
            const result = await api('reports.savePdf', childId ? { title, childId } : { title });
            setSaved(result.saved ? result.path : null);
          }, 'The PDF could not be saved.')
        }
      >
        Save as PDF
      </AsyncButton>
      {saved && (
        <span className="print-button__saved" role="status">
          Saved {saved}
        </span>
      )}
      <AttemptError error={error} />
    </>
  );
}

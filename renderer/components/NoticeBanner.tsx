import { useEffect, useState } from 'react';
import { useAppState } from '../lib/appState.js';

/** The status line after an action ("Saved", "Moved to leavers") with Undo where it can be undone. */
export function NoticeBanner() {
  const { notice, notify, reloadAll } = useAppState();
  const [busy, setBusy] = useState(false);
  useEffect(() => setBusy(false), [notice]);
  return (
    <div className="notice-region" role="status" aria-live="polite">
      {notice && (
        <div className="notice">
          <span>{notice.message}</span>
          {notice.undo && (
            <button
              type="button"
              className="button button--secondary button--small"
              disabled={busy}
              onClick={async () => {
                setBusy(true);
                const undo = notice.undo;
                notify(null);
                await undo?.();
                reloadAll();
              }}
            >
              Undo
            </button>
          )}
          <button type="button" className="link-button" aria-label="Dismiss message" onClick={() => notify(null)}>
            ×
          </button>
        </div>
      )}
    </div>
  );
}

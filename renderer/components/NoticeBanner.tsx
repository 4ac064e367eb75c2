import { useAppState } from '../lib/appState.js';
import { AsyncButton } from './AsyncButton.js';

/** The status line after an action ("Saved", "Moved to leavers") with Undo where it can be undone. */
export function NoticeBanner() {
  const { notice, notify, reloadAll } = useAppState();
  return (
    <div className="notice-region" role="status" aria-live="polite">
      {notice && (
        <div className="notice">
          <span>{notice.message}</span>
          {notice.undo && (
            <AsyncButton
              className="button button--secondary button--small"
              onClick={async () => {
                const undo = notice.undo;
                notify(null);
                await undo?.();
                reloadAll();
              }}
            >
              Undo
            </AsyncButton>
          )}
          <button type="button" className="link-button" aria-label="Dismiss message" onClick={() => notify(null)}>
            ×
          </button>
        </div>
      )}
    </div>
  );
}

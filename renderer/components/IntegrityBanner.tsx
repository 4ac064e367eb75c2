import { useEffect } from 'react';
import { useAppState } from '../lib/appState.js';

// The full check of the database runs in the background after it opens and after each backup
// (app.info's integrity). While it runs, the app asks again now and then; a problem is shown on
// every page until it is dealt with, because working on in a damaged file risks more records.

const askAgainMs = 5000;

export function IntegrityBanner() {
  const { info, refreshInfo } = useAppState();
  const { state, message } = info.integrity;
  useEffect(() => {
    if (state !== 'checking') return;
    const timer = setTimeout(refreshInfo, askAgainMs);
    return () => clearTimeout(timer);
  }, [state, refreshInfo, info]);
  if (state !== 'problem') return null;
  return (
    <div className="integrity-banner" role="alert">
      <p className="integrity-banner__title">The database has a problem</p>
      <p>{message}</p>
      <p>
        <a href="#/data">Go to backups</a>
      </p>
    </div>
  );
}

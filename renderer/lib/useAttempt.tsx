import { useCallback, useState } from 'react';

/**
 * Runs a piece of work started by a button (a download) and keeps the message of its failure,
 * so each button does not catch and word its own. `fallback` is said when the failure has no
 * message of its own.
 */
export function useAttempt() {
  const [error, setError] = useState<string>();
  const attempt = useCallback(async (work: () => Promise<void>, fallback: string) => {
    setError(undefined);
    try {
      await work();
    } catch (err) {
      setError(err instanceof Error ? err.message : fallback);
    }
  }, []);
  return { error, attempt };
}

/** The failure of the work a button started, beside the button; nothing when there is none. */
export function AttemptError({ error }: { error: string | undefined }) {
  return error ? (
    <span className="error-text" role="alert">
      {error}
    </span>
  ) : null;
}

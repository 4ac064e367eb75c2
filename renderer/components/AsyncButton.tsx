import { useState, type ReactNode } from 'react';

interface Props {
  /** The work; the button stays disabled until it settles, so a double click cannot run it twice. */
  onClick: () => Promise<unknown>;
  className: string;
  /** Said instead of the children while the work runs ("Preparing…"); otherwise the words stay. */
  busyLabel?: ReactNode;
  children: ReactNode;
}

export function AsyncButton({ onClick, className, busyLabel, children }: Props) {
  const [busy, setBusy] = useState(false);
  return (
    <button
      type="button"
      className={className}
      disabled={busy}
      onClick={async () => {
        setBusy(true);
        try {
          await onClick();
        } finally {
          setBusy(false);
        }
      }}
    >
      {busy && busyLabel !== undefined ? busyLabel : children}
    </button>
  );
}

import { useAppState } from '../lib/appState.js';

// A database from before encryption stays plain until someone encrypts it on purpose (the plain
// original is kept until they confirm), so until then every page says so: a copied file would be
// readable by anyone.

export function EncryptionBanner() {
  const { info } = useAppState();
  if (info.encrypted) return null;
  return (
    <div className="notice-region">
      <p className="read-only-banner" role="status">
        This database file is not encrypted, so anyone who copies it can read the records. Ask the person who manages Chatterbox to encrypt it (the command is
        chatterbox encrypt).
      </p>
    </div>
  );
}

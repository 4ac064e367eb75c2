import { RetentionSection } from '../retention/RetentionSection.js';
import { BackupsSection } from './BackupsSection.js';
import { EncryptionSection } from '../encryption/EncryptionSection.js';

/** Backups, restore and retention: keeping children's data safe, and not for longer than needed. */
export function DataPage() {
  return (
    <>
      <h1>Backups and data retention</h1>
      <BackupsSection />
      <EncryptionSection />
      <RetentionSection />
    </>
  );
}

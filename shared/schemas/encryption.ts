import { z } from 'zod';

// Encryption at rest, as managers see it on the Backups page: how the database is protected, and
// a new key when staff who knew the passphrase or the recovery key leave.

export const encryptionStatusSchema = z.object({
  /** False for an install from before encryption, until `chatterbox encrypt`. */
  encrypted: z.boolean(),
  keyFilePresent: z.boolean(),
  /** Whether a passphrase unlocks the key file (a desktop install may have only the computer and the recovery key). */
  passphraseSet: z.boolean(),
  /** Whether this computer's account unlocks it without anything typed. */
  protectedByComputer: z.boolean(),
  /** Keys replaced by key changes, kept so backups made before them still restore. */
  olderKeys: z.number().int().nonnegative(),
  /** A plain copy kept by `chatterbox encrypt`, waiting for `chatterbox encrypt --confirm` to delete it. */
  plainOriginalWaiting: z.boolean(),
});
export type EncryptionStatus = z.infer<typeof encryptionStatusSchema>;

export const changeKeyInputSchema = z.object({
  /** The current passphrase or the recovery key: either proves the caller may change the key. */
  current: z
    .string({ message: 'Enter the passphrase or the recovery key' })
    .min(1, { message: 'Enter the passphrase or the recovery key' })
    .max(200, { message: 'That is too long to be a passphrase or a recovery key' }),
  /** A new passphrase; without one, the current passphrase is kept (when it was the one typed). */
  newPassphrase: z
    .string({ message: 'Enter the new passphrase as text' })
    .min(10, { message: 'Use at least 10 characters' })
    .max(200, { message: 'Use at most 200 characters' })
    .optional(),
});
export type ChangeKeyInput = z.infer<typeof changeKeyInputSchema>;

export const changeKeyResultSchema = z.object({
  /** Shown once: it is never stored anywhere readable. */
  recoveryKey: z.string(),
  olderKeys: z.number().int().nonnegative(),
});
export type ChangeKeyResult = z.infer<typeof changeKeyResultSchema>;

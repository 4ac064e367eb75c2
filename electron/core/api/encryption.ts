import type { encryptionContract } from '../../../shared/contract/encryption.js';
import { changeKey, encryptionStatus } from '../services/encryption/change-key.js';
import type { DomainHandlers } from './types.js';

// Encryption at rest from the Backups page: status, and a new key when staff leave. The key
// change closes and reopens the database, so it is asynchronous (outside the per-call transaction).

export const encryptionHandlers = {
  'encryption.status': (ctx) => encryptionStatus(ctx),
  'encryption.changeKey': (ctx, input) => changeKey(ctx, input),
} satisfies DomainHandlers<typeof encryptionContract>;

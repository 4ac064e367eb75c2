import { z } from 'zod';
import { changeKeyInputSchema, changeKeyResultSchema, encryptionStatusSchema } from '../schemas/encryption.js';
import { notAudited, type Methods } from './facts.js';

export const encryptionContract = {
  /** How the database is protected, in facts the Backups page words plainly. Nothing secret. */
  'encryption.status': { async: false, permission: 'data:admin', effect: 'read', audit: notAudited, input: z.object({}), output: encryptionStatusSchema },
  /**
   * A new data key (when staff leave): the database is re-encrypted with it and a new recovery key
   * returned, shown once. Older backups still restore. Audited by the handler, with no key material
   * in the row (the registry's change row would copy the output, recovery key and all).
   */
  'encryption.changeKey': {
    async: true,
    permission: 'data:admin',
    effect: 'write',
    audit: { mode: 'self' },
    input: changeKeyInputSchema,
    output: changeKeyResultSchema,
  },
} as const satisfies Methods;

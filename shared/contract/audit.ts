import { auditListSchema, auditQuerySchema } from '../schemas/audit.js';
import { notAudited, scoped, type Methods } from './facts.js';

export const auditContract = {
  /** The audit trail: read-only, newest first. */
  'audit.list': {
    effect: 'read',
    async: false,
    audit: notAudited,
    permission: 'audit:read',
    ...scoped('setting', 'settingId'),
    input: auditQuerySchema,
    output: auditListSchema,
  },
} as const satisfies Methods;

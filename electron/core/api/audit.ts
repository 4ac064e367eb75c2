import type { auditContract } from '../../../shared/contract/audit.js';
import type { DomainHandlers } from './types.js';

// Reading the audit trail; writing it is the registry's job (see audit-trail.ts).

export const auditHandlers = {
  'audit.list': (ctx, input) => ctx.repos.audit.list(input),
} satisfies DomainHandlers<typeof auditContract>;

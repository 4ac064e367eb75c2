import type { auditContract } from '../../../shared/contract/audit.js';
import { isRecordIdField } from '../../../shared/schemas/audit.js';
import type { DomainHandlers } from './types.js';

// Reading the audit trail; writing it is the registry's job (see audit-trail.ts).

export const auditHandlers = {
  'audit.list': (ctx, input) => {
    const { total, rows } = ctx.repos.audit.list(input);
    // Ids mean nothing to the people reading the trail: the names of the records they point at
    // travel with the page, looked up now (a renamed room shows its present name).
    const ids = new Set<string>();
    for (const r of rows) {
      for (const c of r.changes) {
        if (!isRecordIdField(c.field)) continue;
        if (c.before) ids.add(c.before);
        if (c.after) ids.add(c.after);
      }
    }
    return { total, rows, names: ctx.repos.audit.recordNames([...ids]) };
  },
} satisfies DomainHandlers<typeof auditContract>;

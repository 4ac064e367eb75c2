import { z } from 'zod';
import {
  retentionDueInputSchema,
  retentionDueSchema,
  retentionPolicySchema,
  retentionPolicyUpdateSchema,
  retentionPurgeInputSchema,
  retentionPurgeResultSchema,
} from '../schemas/retention.js';
import { notAudited, updated, scoped, type Methods } from './facts.js';

const read = { effect: 'read', async: false, audit: notAudited, permission: 'data:admin' } as const;
const write = { effect: 'write', async: false, permission: 'data:admin' } as const;

export const retentionContract = {
  /** Retention policies per record type (defaults are assumptions; editable). */
  'retention.policies': { ...read, input: z.object({}), output: z.array(retentionPolicySchema) },
  'retention.updatePolicy': { ...write, audit: updated('retention'), input: retentionPolicyUpdateSchema, output: retentionPolicySchema },
  /** Leavers whose records are due (or, with withinDays, soon due) for deletion. */
  'retention.due': { ...read, ...scoped('setting', 'settingId'), input: retentionDueInputSchema, output: retentionDueSchema },
  /** Deletes due leavers and all their records after confirmation; it writes its own audit rows. */
  'retention.purge': { ...write, audit: { mode: 'self' }, input: retentionPurgeInputSchema, output: retentionPurgeResultSchema },
} as const satisfies Methods;

import { z } from 'zod';
import { childInputSchema, childListQuerySchema, childListResultSchema, childSchema, childUpdateSchema } from '../schemas/children.js';
import { byIdSchema, idSchema, isoDateSchema } from '../schemas/common.js';
import { created, notAudited, updated, scoped, type Methods } from './facts.js';

const read = { effect: 'read', async: false, audit: notAudited, permission: 'children:read' } as const;
const write = { effect: 'write', async: false, permission: 'children:write' } as const;

export const childrenContract = {
  'children.list': { ...read, ...scoped('setting', 'settingId'), input: childListQuerySchema, output: childListResultSchema },
  'children.get': { ...read, ...scoped('child', 'id'), input: byIdSchema, output: childSchema },
  'children.create': { ...write, ...scoped('setting', 'settingId'), audit: created('children'), input: childInputSchema, output: childSchema },
  'children.update': { ...write, ...scoped('child', 'id'), audit: updated('children'), input: childUpdateSchema, output: childSchema },
  /** Archiving marks a leaver: the leave date defaults to today. Restoring puts them back on roll. */
  'children.archive': {
    ...write,
    ...scoped('child', 'id'),
    audit: updated('children'),
    input: z.object({ id: idSchema, archived: z.boolean(), leaveDate: isoDateSchema.nullable().default(null) }),
    output: childSchema,
  },
} as const satisfies Methods;

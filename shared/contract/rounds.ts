import { z } from 'zod';
import { byIdSchema } from '../schemas/common.js';
import { roundInputSchema, roundSchema, roundUpdateSchema } from '../schemas/rounds.js';
import { created, notAudited, removed, updated, type Methods } from './facts.js';

const write = { effect: 'write', async: false, permission: 'rounds:write' } as const;

export const roundsContract = {
  'rounds.list': { effect: 'read', async: false, audit: notAudited, permission: 'cohort:read', input: z.object({}), output: z.array(roundSchema) },
  'rounds.create': { ...write, audit: created('rounds'), input: roundInputSchema, output: roundSchema },
  'rounds.update': { ...write, audit: updated('rounds'), input: roundUpdateSchema, output: roundSchema },
  'rounds.delete': { ...write, permission: 'records:delete', audit: removed('rounds'), input: byIdSchema, output: roundSchema },
} as const satisfies Methods;

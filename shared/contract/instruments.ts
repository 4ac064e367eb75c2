import { z } from 'zod';
import { byIdSchema } from '../schemas/common.js';
import { instrumentCopySchema, instrumentSchema, instrumentUpdateSchema } from '../schemas/instruments.js';
import { created, notAudited, updated, type Methods } from './facts.js';

const read = { effect: 'read', async: false, audit: notAudited, permission: 'screenings:read' } as const;
const write = { effect: 'write', async: false, permission: 'instruments:write' } as const;

export const instrumentsContract = {
  'instruments.list': { ...read, input: z.object({}), output: z.array(instrumentSchema) },
  'instruments.get': { ...read, input: byIdSchema, output: instrumentSchema },
  /** A new version of an instrument starts as a copy of an existing one. */
  'instruments.copy': { ...write, audit: created('instruments'), input: instrumentCopySchema, output: instrumentSchema },
  /** Item counts and cut-offs, entered by an administrator from their own licensed handbook. */
  'instruments.update': { ...write, audit: updated('instruments'), input: instrumentUpdateSchema, output: instrumentSchema },
  /** The instrument new screenings use unless another is chosen. */
  'instruments.setDefault': { ...write, audit: updated('instruments'), input: byIdSchema, output: instrumentSchema },
} as const satisfies Methods;

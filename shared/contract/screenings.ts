import { z } from 'zod';
import { byIdSchema, idSchema } from '../schemas/common.js';
import { screeningInputSchema, screeningPreviewSchema, screeningSchema, screeningUpdateSchema } from '../schemas/screenings.js';
import { created, notAudited, removed, updated, scoped, type Methods } from './facts.js';

const read = { effect: 'read', async: false, audit: notAudited, permission: 'screenings:read' } as const;
const write = { effect: 'write', async: false, permission: 'screenings:write' } as const;

export const screeningsContract = {
  'screenings.listForChild': { ...read, ...scoped('child', 'childId'), input: z.object({ childId: idSchema }), output: z.array(screeningSchema) },
  'screenings.get': { ...read, ...scoped('screening', 'id'), input: byIdSchema, output: screeningSchema },
  /** Checks a screening and works out its outcome without saving: the form and imports share it. */
  'screenings.preview': { ...read, ...scoped('child', 'childId'), input: screeningInputSchema, output: screeningPreviewSchema },
  'screenings.create': { ...write, ...scoped('child', 'childId'), audit: created('screenings'), input: screeningInputSchema, output: screeningSchema },
  'screenings.update': { ...write, ...scoped('screening', 'id'), audit: updated('screenings'), input: screeningUpdateSchema, output: screeningSchema },
  /** Returns what was deleted, so the renderer can offer Undo by creating it again. */
  'screenings.delete': {
    ...write,
    permission: 'records:delete',
    ...scoped('screening', 'id'),
    audit: removed('screenings'),
    input: byIdSchema,
    output: screeningSchema,
  },
} as const satisfies Methods;

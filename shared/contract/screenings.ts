import { z } from 'zod';
import { byIdSchema, idSchema } from '../schemas/common.js';
import { screeningInputSchema, screeningPreviewSchema, screeningSchema, screeningUpdateSchema } from '../schemas/screenings.js';
import { created, notAudited, removed, updated, type Methods } from './facts.js';

const read = { effect: 'read', async: false, audit: notAudited, permission: 'screenings:read' } as const;
const write = { effect: 'write', async: false, permission: 'screenings:write' } as const;

export const screeningsContract = {
  'screenings.listForChild': { ...read, input: z.object({ childId: idSchema }), output: z.array(screeningSchema) },
  'screenings.get': { ...read, input: byIdSchema, output: screeningSchema },
  /** Checks a screening and works out its outcome without saving: the form and imports share it. */
  'screenings.preview': { ...read, input: screeningInputSchema, output: screeningPreviewSchema },
  'screenings.create': { ...write, audit: created('screenings'), input: screeningInputSchema, output: screeningSchema },
  'screenings.update': { ...write, audit: updated('screenings'), input: screeningUpdateSchema, output: screeningSchema },
  /** Returns what was deleted, so the renderer can offer Undo by creating it again. */
  'screenings.delete': { ...write, audit: removed('screenings'), input: byIdSchema, output: screeningSchema },
} as const satisfies Methods;

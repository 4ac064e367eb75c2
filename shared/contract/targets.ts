import { z } from 'zod';
import { byIdSchema, idSchema } from '../schemas/common.js';
import {
  targetInputSchema,
  targetListQuerySchema,
  targetReviewInputSchema,
  targetSchema,
  targetStopSchema,
  targetSuggestionSchema,
  targetUpdateSchema,
  targetWithReviewsSchema,
} from '../schemas/targets.js';
import { created, notAudited, updated, scoped, type Methods } from './facts.js';

const read = { effect: 'read', async: false, audit: notAudited, permission: 'targets:read' } as const;
const write = { effect: 'write', async: false, permission: 'targets:write' } as const;

export const targetsContract = {
  'targets.listForChild': { ...read, ...scoped('child', 'childId'), input: z.object({ childId: idSchema }), output: z.array(targetSchema) },
  /** A setting's targets, by status or "due for review by" a date; a practitioner gets their key children's. */
  'targets.list': { ...read, ...scoped('setting', 'settingId'), input: targetListQuerySchema, output: z.array(targetSchema) },
  'targets.get': { ...read, ...scoped('target', 'id'), input: byIdSchema, output: targetWithReviewsSchema },
  /** Starting points from a screening: items not passed and the activity section. */
  'targets.suggest': { ...read, ...scoped('screening', 'screeningId'), input: z.object({ screeningId: idSchema }), output: targetSuggestionSchema },
  'targets.create': { ...write, ...scoped('child', 'childId'), audit: created('targets'), input: targetInputSchema, output: targetSchema },
  'targets.update': { ...write, ...scoped('target', 'id'), audit: updated('targets'), input: targetUpdateSchema, output: targetSchema },
  /** Adds a review, moves the review date on or closes the target. */
  'targets.review': { ...write, ...scoped('target', 'targetId'), audit: updated('targets', 'targetId'), input: targetReviewInputSchema, output: targetSchema },
  'targets.stop': { ...write, ...scoped('target', 'id'), audit: updated('targets'), input: targetStopSchema, output: targetSchema },
} as const satisfies Methods;

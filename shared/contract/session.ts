import { z } from 'zod';
import { actorInputSchema, actorSchema } from '../schemas/session.js';
import { notAudited, type Methods } from './facts.js';

// The caller's own session: each window, browser tab and command-line run has one. Choosing who
// is using the app changes that session only, not stored data, so these are reads.
const own = { effect: 'read', async: false, audit: notAudited, permission: 'app:use' } as const;

export const sessionContract = {
  /** Who is using the app in this window (until sign-in exists); recorded on every change. */
  'session.getActor': { ...own, input: z.object({}), output: actorSchema.nullable() },
  'session.setActor': { ...own, input: actorInputSchema, output: actorSchema },
} as const satisfies Methods;

import { z } from 'zod';
import { appInfoSchema } from '../schemas/app.js';
import { notAudited, type Methods } from './facts.js';

export const appContract = {
  'app.info': { input: z.object({}), output: appInfoSchema, effect: 'read', async: false, audit: notAudited, permission: 'app:use' },
} as const satisfies Methods;

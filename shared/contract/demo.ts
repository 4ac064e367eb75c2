import { z } from 'zod';
import { demoLoadResultSchema } from '../schemas/demo.js';
import { created, type Methods } from './facts.js';

export const demoContract = {
  /** Fills an empty database with fictional demo settings (first run: "explore with demo data"). */
  'demo.load': { input: z.object({}), output: demoLoadResultSchema, effect: 'write', async: false, audit: created('demo'), permission: 'data:admin' },
} as const satisfies Methods;

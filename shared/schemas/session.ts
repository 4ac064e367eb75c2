import { z } from 'zod';
import { idSchema, storableText } from './common.js';

/** Who is using the app, until sign-in exists: a staff member, or a name (CLI --as, OS user). */
export const actorInputSchema = z
  .object({
    staffId: idSchema.nullable().default(null),
    name: storableText(z.string().trim().max(100), 'your name').default(''),
  })
  .refine((a) => a.staffId !== null || a.name.length > 0, { message: 'Choose who you are, or type your name', path: ['staffId'] });

export const actorSchema = z.object({ staffId: idSchema.nullable(), name: z.string() });
export type Actor = z.infer<typeof actorSchema>;

import { z } from 'zod';
import { idSchema, recordMetaSchema, requiredText } from './common.js';

export const roomInputSchema = z.object({
  settingId: idSchema,
  name: requiredText('the room name', 60),
});
export const roomUpdateSchema = z.object({ id: idSchema, name: requiredText('the room name', 60) });
export const roomSchema = recordMetaSchema.extend({
  settingId: idSchema,
  name: z.string(),
  archivedAt: z.string().nullable(),
  childrenOnRoll: z.number().int(),
});
export type Room = z.infer<typeof roomSchema>;

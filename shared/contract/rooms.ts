import { z } from 'zod';
import { archiveToggleSchema, bySettingSchema } from '../schemas/common.js';
import { roomInputSchema, roomSchema, roomUpdateSchema } from '../schemas/rooms.js';
import { created, notAudited, updated, scoped, type Methods } from './facts.js';

const write = { effect: 'write', async: false, permission: 'settings:write' } as const;

export const roomsContract = {
  'rooms.list': {
    effect: 'read',
    async: false,
    audit: notAudited,
    permission: 'settings:read',
    ...scoped('setting', 'settingId'),
    input: bySettingSchema,
    output: z.array(roomSchema),
  },
  'rooms.create': { ...write, ...scoped('setting', 'settingId'), audit: created('rooms'), input: roomInputSchema, output: roomSchema },
  'rooms.update': { ...write, ...scoped('room', 'id'), audit: updated('rooms'), input: roomUpdateSchema, output: roomSchema },
  'rooms.archive': { ...write, ...scoped('room', 'id'), audit: updated('rooms'), input: archiveToggleSchema, output: roomSchema },
} as const satisfies Methods;

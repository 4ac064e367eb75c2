import { z } from 'zod';
import { archiveToggleSchema, bySettingSchema } from '../schemas/common.js';
import { staffInputSchema, staffSchema, staffUpdateSchema } from '../schemas/staff.js';
import { created, notAudited, updated, scoped, type Methods } from './facts.js';

const write = { effect: 'write', async: false, permission: 'settings:write' } as const;

export const staffContract = {
  'staff.list': {
    effect: 'read',
    async: false,
    audit: notAudited,
    permission: 'settings:read',
    ...scoped('setting', 'settingId'),
    input: bySettingSchema,
    output: z.array(staffSchema),
  },
  'staff.create': { ...write, ...scoped('setting', 'settingId'), audit: created('staff'), input: staffInputSchema, output: staffSchema },
  'staff.update': { ...write, ...scoped('staff', 'id'), audit: updated('staff'), input: staffUpdateSchema, output: staffSchema },
  'staff.archive': { ...write, ...scoped('staff', 'id'), audit: updated('staff'), input: archiveToggleSchema, output: staffSchema },
} as const satisfies Methods;

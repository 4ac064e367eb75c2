import { z } from 'zod';
import { archiveToggleSchema, byIdSchema } from '../schemas/common.js';
import { reviewIntervalsSchema, settingInputSchema, settingSchema, settingSummarySchema, settingUpdateSchema } from '../schemas/settings.js';
import { created, notAudited, updated, scoped, type Methods } from './facts.js';

const read = { effect: 'read', async: false, audit: notAudited, permission: 'settings:read' } as const;
const write = { effect: 'write', async: false, permission: 'settings:write' } as const;

export const settingsContract = {
  'settings.list': { ...read, input: z.object({ includeArchived: z.boolean().default(false) }), output: z.array(settingSummarySchema) },
  'settings.get': { ...read, ...scoped('setting', 'id'), input: byIdSchema, output: settingSummarySchema },
  'settings.create': { ...write, audit: created('settings'), input: settingInputSchema, output: settingSchema },
  'settings.update': { ...write, ...scoped('setting', 'id'), audit: updated('settings'), input: settingUpdateSchema, output: settingSchema },
  'settings.archive': { ...write, ...scoped('setting', 'id'), audit: updated('settings'), input: archiveToggleSchema, output: settingSchema },
  /** When to re-screen after each colour, for this setting. */
  'settings.updateReviewIntervals': {
    ...write,
    ...scoped('setting', 'settingId'),
    audit: updated('settings', 'settingId'),
    input: reviewIntervalsSchema,
    output: settingSchema,
  },
} as const satisfies Methods;

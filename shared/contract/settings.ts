import { z } from 'zod';
import { archiveToggleSchema, byIdSchema, idSchema } from '../schemas/common.js';
import { reviewIntervalsSchema, settingInputSchema, settingSchema, settingSummarySchema, settingUpdateSchema, workListsSchema } from '../schemas/settings.js';
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
  /**
   * The work waiting in a setting (target reviews due this week, re-screens, open visit actions,
   * Red/Amber children with no active target), for the champion's overview. Held by everyone who
   * works with targets; a practitioner gets their key children's rows only, as in the children list.
   */
  'settings.workLists': {
    effect: 'read',
    async: false,
    audit: notAudited,
    permission: 'targets:read',
    ...scoped('setting', 'settingId'),
    input: z.object({ settingId: idSchema }),
    output: workListsSchema,
  },
} as const satisfies Methods;

import { z } from 'zod';
import { byIdSchema } from '../schemas/common.js';
import {
  settingTargetDetailSchema,
  settingTargetInputSchema,
  settingTargetListQuerySchema,
  settingTargetReviewInputSchema,
  settingTargetSchema,
  settingTargetStopSchema,
  settingTargetUpdateSchema,
} from '../schemas/settingTargets.js';
import { created, notAudited, removed, scoped, updated, type Methods } from './facts.js';

// Whole-setting targets are the champion's, reviewed at the SLT assistant's visit: they travel
// with the visits permissions, so whoever may see or record a visit may see or review them.
const read = { effect: 'read', async: false, audit: notAudited, permission: 'visits:read' } as const;
const write = { effect: 'write', async: false, permission: 'visits:write' } as const;

export const settingTargetsContract = {
  'settingTargets.list': { ...read, ...scoped('setting', 'settingId'), input: settingTargetListQuerySchema, output: z.array(settingTargetSchema) },
  'settingTargets.get': { ...read, ...scoped('settingTarget', 'id'), input: byIdSchema, output: settingTargetDetailSchema },
  'settingTargets.create': {
    ...write,
    ...scoped('setting', 'settingId'),
    audit: created('setting_targets'),
    input: settingTargetInputSchema,
    output: settingTargetSchema,
  },
  'settingTargets.update': {
    ...write,
    ...scoped('settingTarget', 'id'),
    audit: updated('setting_targets'),
    input: settingTargetUpdateSchema,
    output: settingTargetSchema,
  },
  /** Adds a review (note, evidence, status after it); the target's status moves with it. */
  'settingTargets.review': {
    ...write,
    ...scoped('settingTarget', 'settingTargetId'),
    audit: updated('setting_targets', 'settingTargetId'),
    input: settingTargetReviewInputSchema,
    output: settingTargetSchema,
  },
  /** Stops a target for good, recording why as its last review. */
  'settingTargets.stop': {
    ...write,
    ...scoped('settingTarget', 'id'),
    audit: updated('setting_targets'),
    input: settingTargetStopSchema,
    output: settingTargetSchema,
  },
  /** Removes a target entered by mistake: only one never reviewed (a reviewed one is stopped instead). */
  'settingTargets.remove': {
    ...write,
    ...scoped('settingTarget', 'id'),
    audit: removed('setting_targets'),
    input: byIdSchema,
    output: z.object({ id: z.string() }),
  },
} as const satisfies Methods;

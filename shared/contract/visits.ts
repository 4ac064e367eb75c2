import { z } from 'zod';
import { byIdSchema, idSchema } from '../schemas/common.js';
import {
  visitActionDoneSchema,
  visitAgendaQuerySchema,
  visitAgendaSchema,
  visitSaveSchema,
  visitActionInputSchema,
  visitActionSchema,
  visitActionsQuerySchema,
  visitActionUpdateSchema,
  visitCancelSchema,
  visitFrequencySchema,
  visitListItemSchema,
  visitRecordSchema,
  visitScheduleSchema,
  visitSchema,
  visitsMineResultSchema,
  visitsMineSchema,
  visitReviewsSchema,
} from '../schemas/visits.js';
import { created, notAudited, updated, scoped, type Methods } from './facts.js';

const read = { effect: 'read', async: false, audit: notAudited, permission: 'visits:read' } as const;
const write = { effect: 'write', async: false, permission: 'visits:write' } as const;

export const visitsContract = {
  /** A setting's visits, newest first. */
  'visits.list': { ...read, ...scoped('setting', 'settingId'), input: z.object({ settingId: idSchema }), output: z.array(visitListItemSchema) },
  'visits.get': { ...read, ...scoped('visit', 'id'), input: byIdSchema, output: visitSchema },
  'visits.schedule': { ...write, ...scoped('setting', 'settingId'), audit: created('visits'), input: visitScheduleSchema, output: visitSchema },
  /**
   * Records a held visit with all its parts in one call: a planned visit (`id`), one not planned
   * beforehand (`id` null), or a change to one already recorded. The setting is named so that
   * the caller's reach is checked on it; a visit of another setting is refused.
   */
  'visits.record': { ...write, ...scoped('setting', 'settingId'), audit: updated('visits'), input: visitRecordSchema, output: visitSchema },
  'visits.cancel': { ...write, ...scoped('visit', 'id'), audit: updated('visits'), input: visitCancelSchema, output: visitSchema },
  /** A setting's agreed actions from every visit. */
  'visits.actions': { ...read, ...scoped('setting', 'settingId'), input: visitActionsQuerySchema, output: z.array(visitActionSchema) },
  'visits.addAction': { ...write, ...scoped('visit', 'visitId'), audit: created('visitActions'), input: visitActionInputSchema, output: visitActionSchema },
  'visits.updateAction': {
    ...write,
    ...scoped('visitAction', 'id'),
    audit: updated('visitActions'),
    input: visitActionUpdateSchema,
    output: visitActionSchema,
  },
  'visits.setActionDone': { ...write, ...scoped('visitAction', 'id'), audit: updated('visitActions'), input: visitActionDoneSchema, output: visitActionSchema },
  /**
   * "My visits": upcoming and overdue visits with open actions, across the settings an SLT
   * assistant covers. No scope fact: the handler keeps to the caller's reach, and only people who
   * reach every setting may ask for another assistant's settings.
   */
  'visits.mine': { ...read, input: visitsMineSchema, output: visitsMineResultSchema },
  'visits.frequency': { ...read, ...scoped('setting', 'settingId'), input: z.object({ settingId: idSchema }), output: visitFrequencySchema },
  'visits.setFrequency': {
    ...write,
    ...scoped('setting', 'settingId'),
    audit: updated('visitFrequency', 'settingId'),
    input: visitFrequencySchema,
    output: visitFrequencySchema,
  },
  /** Everything due at a setting on a visit's date: the agenda. A visit named must be this setting's. */
  'visits.agenda': { ...read, ...scoped('setting', 'settingId'), input: visitAgendaQuerySchema, output: visitAgendaSchema },
  /**
   * The agenda's save: the visit's record with its target reviews and actions, all checked first
   * and written together or not at all. The handler writes one audit row per record it changes.
   */
  'visits.save': { ...write, ...scoped('setting', 'settingId'), audit: { mode: 'self' }, input: visitSaveSchema, output: visitSchema },
  /** The target reviews recorded on a held visit's date at its setting, for the printed summary. */
  'visits.reviews': { ...read, ...scoped('visit', 'id'), input: byIdSchema, output: visitReviewsSchema },
} as const satisfies Methods;

import { z } from 'zod';
import {
  childInputSchema,
  childListQuerySchema,
  childListResultSchema,
  childSchema,
  childUpdateSchema,
} from './schemas/child.js';
import {
  cohortBreakdownInputSchema,
  cohortBreakdownSchema,
  cohortChildrenInputSchema,
  cohortChildrenSchema,
  cohortOverviewSchema,
  roundInputSchema,
  roundSchema,
  roundUpdateSchema,
  scopeInputSchema,
  scopeRoundInputSchema,
  settingsComparisonInputSchema,
  settingsComparisonSchema,
  transitionInputSchema,
  transitionSchema,
  trendRowSchema,
  workingAtRowSchema,
} from './schemas/cohort.js';
import { idSchema, isoDateSchema } from './schemas/common.js';
import { fileDataSchema, tableExportSchema } from './schemas/export.js';
import {
  roomInputSchema,
  roomSchema,
  roomUpdateSchema,
  settingInputSchema,
  settingSchema,
  settingSummarySchema,
  settingUpdateSchema,
} from './schemas/setting.js';
import {
  instrumentCopySchema,
  instrumentSchema,
  instrumentUpdateSchema,
  reviewIntervalsSchema,
  screeningInputSchema,
  screeningSchema,
  screeningUpdateSchema,
} from './schemas/screening.js';
import { staffInputSchema, staffSchema, staffUpdateSchema } from './schemas/staff.js';

// THE API. Every method the renderer (or the CLI, or a test) may call is listed here once, with
// the schema its input must pass and the shape of what it returns. Both transports and the
// renderer take their types from this object, so a change here is a change everywhere.

const byId = z.object({ id: idSchema });
const bySetting = z.object({ settingId: idSchema, includeArchived: z.boolean().default(false) });
const archiveToggle = z.object({ id: idSchema, archived: z.boolean() });

export const contract = {
  'app.info': {
    input: z.object({}),
    output: z.object({
      version: z.string(),
      schemaVersion: z.number().int(),
      databasePath: z.string(),
      today: z.string(),
      settingCount: z.number().int(),
    }),
  },

  /** Fills an empty database with fictional demo settings (first run: "explore with demo data"). */
  'demo.load': {
    input: z.object({}),
    output: z.object({
      settings: z.number().int(),
      rooms: z.number().int(),
      staff: z.number().int(),
      children: z.number().int(),
      screenings: z.number().int(),
      rounds: z.number().int(),
    }),
  },

  'settings.list': { input: z.object({ includeArchived: z.boolean().default(false) }), output: z.array(settingSummarySchema) },
  'settings.get': { input: byId, output: settingSummarySchema },
  'settings.create': { input: settingInputSchema, output: settingSchema },
  'settings.update': { input: settingUpdateSchema, output: settingSchema },
  'settings.archive': { input: archiveToggle, output: settingSchema },
  'settings.updateReviewIntervals': { input: reviewIntervalsSchema, output: settingSchema },

  'rooms.list': { input: bySetting, output: z.array(roomSchema) },
  'rooms.create': { input: roomInputSchema, output: roomSchema },
  'rooms.update': { input: roomUpdateSchema, output: roomSchema },
  'rooms.archive': { input: archiveToggle, output: roomSchema },

  'staff.list': { input: bySetting, output: z.array(staffSchema) },
  'staff.create': { input: staffInputSchema, output: staffSchema },
  'staff.update': { input: staffUpdateSchema, output: staffSchema },
  'staff.archive': { input: archiveToggle, output: staffSchema },

  'children.list': { input: childListQuerySchema, output: childListResultSchema },
  'children.get': { input: byId, output: childSchema },
  'children.create': { input: childInputSchema, output: childSchema },
  'children.update': { input: childUpdateSchema, output: childSchema },
  /** Archiving marks a leaver: the leave date defaults to today. Restoring puts them back on roll. */
  'children.archive': {
    input: z.object({ id: idSchema, archived: z.boolean(), leaveDate: isoDateSchema.nullable().default(null) }),
    output: childSchema,
  },

  'instruments.list': { input: z.object({}), output: z.array(instrumentSchema) },
  'instruments.get': { input: byId, output: instrumentSchema },
  /** A new version of an instrument starts as a copy of an existing one. */
  'instruments.copy': { input: instrumentCopySchema, output: instrumentSchema },
  /** Item counts and cut-offs, entered by an administrator from their own licensed handbook. */
  'instruments.update': { input: instrumentUpdateSchema, output: instrumentSchema },
  /** The instrument new screenings use unless another is chosen. */
  'instruments.setDefault': { input: byId, output: instrumentSchema },

  'screenings.listForChild': { input: z.object({ childId: idSchema }), output: z.array(screeningSchema) },
  'screenings.get': { input: byId, output: screeningSchema },
  'screenings.create': { input: screeningInputSchema, output: screeningSchema },
  'screenings.update': { input: screeningUpdateSchema, output: screeningSchema },
  /** Returns what was deleted, so the renderer can offer Undo by creating it again. */
  'screenings.delete': { input: byId, output: screeningSchema },

  'rounds.list': { input: z.object({}), output: z.array(roundSchema) },
  'rounds.create': { input: roundInputSchema, output: roundSchema },
  'rounds.update': { input: roundUpdateSchema, output: roundSchema },
  'rounds.delete': { input: byId, output: roundSchema },

  /** Red/Amber/Green for one round, grouped by age section or a subgroup. */
  'cohort.breakdown': { input: cohortBreakdownInputSchema, output: cohortBreakdownSchema },
  'cohort.workingAt': { input: scopeRoundInputSchema, output: z.array(workingAtRowSchema) },
  'cohort.overview': { input: scopeRoundInputSchema, output: cohortOverviewSchema },
  'cohort.trend': { input: scopeInputSchema, output: z.array(trendRowSchema) },
  'cohort.transitions': { input: transitionInputSchema, output: transitionSchema },
  /** Setting by setting, for a database that holds many (an assistant, a local authority). */
  'cohort.settings': { input: settingsComparisonInputSchema, output: settingsComparisonSchema },
  /** The children behind any number above. */
  'cohort.children': { input: cohortChildrenInputSchema, output: cohortChildrenSchema },

  /** Any table on screen as an Excel workbook (CSV is made in the renderer). */
  'export.xlsx': { input: tableExportSchema, output: fileDataSchema },
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export const methodNames = Object.keys(contract) as MethodName[];

/** What a caller passes: defaults may be omitted. */
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
/** What a handler receives: defaults filled in, strings trimmed. */
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>;

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

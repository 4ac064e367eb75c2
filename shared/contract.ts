import { z } from 'zod';
import { childInputSchema, childListQuerySchema, childListResultSchema, childSchema, childUpdateSchema } from './schemas/children.js';
import { cohortBreakdownInputSchema, cohortBreakdownSchema, cohortChildrenInputSchema, cohortChildrenSchema, cohortOverviewSchema, scopeInputSchema, scopeRoundInputSchema, settingsComparisonInputSchema, settingsComparisonSchema, transitionInputSchema, transitionSchema, trendRowSchema, workingAtRowSchema } from './schemas/cohort.js';
import { roundInputSchema, roundSchema, roundUpdateSchema } from './schemas/rounds.js';
import { actorInputSchema, actorSchema } from './schemas/session.js';
import { auditListSchema, auditQuerySchema } from './schemas/audit.js';
import { idSchema, isoDateSchema } from './schemas/common.js';
import { fileDataSchema, tableExportSchema } from './schemas/export.js';
import { backupConfigureSchema, backupCreateSchema, backupFileSchema, backupInfoSchema, backupSettingsSchema, restoreResultSchema } from './schemas/backups.js';
import {
  retentionDueInputSchema,
  retentionDueSchema,
  retentionPolicySchema,
  retentionPolicyUpdateSchema,
  retentionPurgeInputSchema,
  retentionPurgeResultSchema,
} from './schemas/retention.js';
import { roomInputSchema, roomSchema, roomUpdateSchema } from './schemas/rooms.js';
import { settingInputSchema, settingSchema, settingSummarySchema, settingUpdateSchema } from './schemas/settings.js';
import { instrumentCopySchema, instrumentSchema, instrumentUpdateSchema } from './schemas/instruments.js';
import { reviewIntervalsSchema } from './schemas/settings.js';
import { screeningInputSchema, screeningSchema, screeningUpdateSchema } from './schemas/screenings.js';
import { staffInputSchema, staffSchema, staffUpdateSchema } from './schemas/staff.js';
import { importBatchSchema, importListInputSchema, importPreviewInputSchema, importPreviewSchema, importRunInputSchema, importRunResultSchema, importSourceSchema, importSourcesInputSchema, importUndoInputSchema, importUndoResultSchema } from './schemas/imports.js';

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

  /** Who is using the app (until sign-in exists); recorded in the audit trail of every change. */
  'session.getActor': { input: z.object({}), output: actorSchema.nullable() },
  'session.setActor': { input: actorInputSchema, output: actorSchema },
  /** The audit trail: read-only, newest first. */
  'audit.list': { input: auditQuerySchema, output: auditListSchema },

  /** Any table on screen as an Excel workbook (CSV is made in the renderer). */
  'export.xlsx': { input: tableExportSchema, output: fileDataSchema },
  /** The cohort tracker for one setting: Excel with a sheet per round, or one round as CSV. */
  'export.tracker': {
    input: z.object({ settingId: idSchema, roundId: idSchema.nullable().default(null), format: z.enum(['xlsx', 'csv']).default('xlsx') }),
    output: fileDataSchema,
  },
  /** Everything held about one child, as JSON (a subject access request); logged. */
  'export.child': { input: z.object({ childId: idSchema }), output: fileDataSchema },

  /** Backups in the folder beside the database, newest first. */
  'backups.list': { input: z.object({}), output: z.array(backupInfoSchema) },
  'backups.getSettings': { input: z.object({}), output: backupSettingsSchema },
  /** How many automatic backups to keep (1-100). */
  'backups.configure': { input: backupConfigureSchema, output: backupSettingsSchema },
  /** Asynchronous: a backup now, checked with integrity_check before it is listed. */
  'backups.create': { input: backupCreateSchema, output: backupInfoSchema },
  /** Asynchronous: replaces the database with a backup, keeping the replaced one as a backup. */
  'backups.restore': { input: backupFileSchema, output: restoreResultSchema },

  /** Retention policies per record type (defaults are assumptions; editable). */
  'retention.policies': { input: z.object({}), output: z.array(retentionPolicySchema) },
  'retention.updatePolicy': { input: retentionPolicyUpdateSchema, output: retentionPolicySchema },
  /** Leavers whose records are due (or, with withinDays, soon due) for deletion. */
  'retention.due': { input: retentionDueInputSchema, output: retentionDueSchema },
  /** Deletes due leavers and all their records after confirmation; logged in the audit trail. */
  'retention.purge': { input: retentionPurgeInputSchema, output: retentionPurgeResultSchema },

  /** A CSV or XLSX file read with a column mapping: rows as read, row-level errors and warnings. Writes nothing. */
  'imports.preview': { input: importPreviewInputSchema, output: importPreviewSchema },
  /** Imports every row in one transaction (or, as a dry run, reports what would happen); any row error refuses the lot. */
  'imports.run': { input: importRunInputSchema, output: importRunResultSchema },
  /** Removes what the newest import of a kind created, unless screenings have been added to its children since. */
  'imports.undoLast': { input: importUndoInputSchema, output: importUndoResultSchema },
  'imports.list': { input: importListInputSchema, output: z.array(importBatchSchema) },
  /** Sources with a remembered column mapping ("Famly export"), for the mapping screen's list. */
  'imports.listSources': { input: importSourcesInputSchema, output: z.array(importSourceSchema) },
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

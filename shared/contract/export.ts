import { z } from 'zod';
import { idSchema } from '../schemas/common.js';
import { settingTypes } from '../schemas/settings.js';
import { fileDataSchema, tableExportSchema } from '../schemas/export.js';
import { notAudited, scoped, type Methods } from './facts.js';

const exporting = { effect: 'read', permission: 'data:export' } as const;

export const exportContract = {
  /** Any table on screen as an Excel workbook (CSV is made in the renderer). */
  'export.xlsx': { ...exporting, async: true, audit: notAudited, input: tableExportSchema, output: fileDataSchema },
  /** The cohort tracker for one setting: Excel with a sheet per round, or one round as CSV. */
  'export.tracker': {
    ...exporting,
    ...scoped('setting', 'settingId'),
    async: true,
    audit: notAudited,
    input: z.object({ settingId: idSchema, roundId: idSchema.nullable().default(null), format: z.enum(['xlsx', 'csv']).default('xlsx') }),
    output: fileDataSchema,
  },
  /**
   * The whole local authority's tracker in one workbook (or those of one type of setting): a
   * summary sheet and one long sheet of every child on roll in the round (the newest unless given).
   */
  'export.laTracker': {
    ...exporting,
    async: true,
    audit: notAudited,
    input: z.object({
      roundId: idSchema.nullable().default(null),
      localAuthority: z.string().trim().max(80).nullable().default(null),
      settingType: z.enum(settingTypes).nullable().default(null),
    }),
    output: fileDataSchema,
  },
  /** Everything held about one child, as JSON (a subject access request): logged, as personal data leaving. */
  'export.child': {
    ...exporting,
    ...scoped('child', 'childId'),
    async: false,
    audit: { mode: 'access', record: 'children', idField: 'childId', note: 'All records exported (subject access request)' },
    input: z.object({ childId: idSchema }),
    output: fileDataSchema,
  },
} as const satisfies Methods;

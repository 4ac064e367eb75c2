import {
  areaReportInputSchema,
  areaReportSnapshotSchema,
  childSummaryInputSchema,
  childSummarySnapshotSchema,
  reportListItemSchema,
  reportSchema,
  reportsListInputSchema,
  savePdfInputSchema,
  savePdfResultSchema,
  settingReportInputSchema,
  settingReportSnapshotSchema,
} from '../schemas/reports.js';
import { byIdSchema } from '../schemas/common.js';
import { z } from 'zod';
import { created, notAudited, scoped, type Methods } from './facts.js';

// Printed progress reports. A preview computes what the report would show (the page the manager
// edits their words beside); producing it stores that snapshot, so reopening it later shows what
// was printed then. The setting and area reports need `reports:produce`; a child's progress
// summary, which a key person writes for parents, needs `reports:child`.

const produce = { permission: 'reports:produce' } as const;
const child = { permission: 'reports:child' } as const;
const read = { effect: 'read', async: false, audit: notAudited } as const;
const write = { effect: 'write', async: false } as const;

export const reportsContract = {
  'reports.settingPreview': { ...read, ...produce, ...scoped('setting', 'settingId'), input: settingReportInputSchema, output: settingReportSnapshotSchema },
  'reports.produceSetting': {
    ...write,
    ...produce,
    audit: created('reports'),
    ...scoped('setting', 'settingId'),
    input: settingReportInputSchema,
    output: reportSchema,
  },
  /** Across the settings the caller reaches (all of them, one local authority's, or a chosen list). */
  'reports.areaPreview': { ...read, ...produce, input: areaReportInputSchema, output: areaReportSnapshotSchema },
  'reports.produceArea': { ...write, ...produce, audit: created('reports'), input: areaReportInputSchema, output: reportSchema },
  'reports.childPreview': { ...read, ...child, ...scoped('child', 'childId'), input: childSummaryInputSchema, output: childSummarySnapshotSchema },
  'reports.produceChild': {
    ...write,
    ...child,
    audit: created('reports'),
    ...scoped('child', 'childId'),
    input: childSummaryInputSchema,
    output: reportSchema,
  },
  /** Reports produced: a setting's (or one child's), or with no setting the area reports the caller reaches; newest first. */
  'reports.list': { ...read, ...child, ...scoped('setting', 'settingId', 'reach'), input: reportsListInputSchema, output: z.array(reportListItemSchema) },
  /** A produced report with its snapshot, exactly as it was printed. */
  'reports.get': { ...read, ...child, ...scoped('report', 'id'), input: byIdSchema, output: reportSchema },
  /**
   * The desktop app saves the window's page as a PDF (Electron's printToPDF and a save dialog);
   * browser mode answers that the browser's own print does this. Recorded in the audit trail.
   */
  'reports.savePdf': {
    effect: 'write',
    async: true,
    permission: 'app:use',
    audit: { mode: 'self' },
    ...scoped('child', 'childId', 'reach'),
    input: savePdfInputSchema,
    output: savePdfResultSchema,
  },
} as const satisfies Methods;

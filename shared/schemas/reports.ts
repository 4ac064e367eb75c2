import { z } from 'zod';
import { settingTargetStatuses } from '../domain/settingTargets.js';
import { settingTypes } from '../domain/setting-types.js';
import { idSchema, isoDateSchema } from './common.js';
import {
  cohortBreakdownSchema,
  cohortOverviewSchema,
  ragCountsSchema,
  settingsComparisonRowSchema,
  targetCountsSchema,
  transitionSchema,
  workingAtRowSchema,
} from './cohort.js';

// Printed progress reports: a setting's termly report, an area report across settings, and a
// child's progress summary for parents and the next setting. Producing a report stores a snapshot
// of what it showed (numbers and the manager's words), so a report reopened next year shows what
// was printed then. Snapshots carry `version`: a later version may add sections (referrals,
// training), and the views read older snapshots without them.

export const reportKinds = ['setting', 'area', 'child'] as const;
export type ReportKind = (typeof reportKinds)[number];
export const reportKindLabels: Record<ReportKind, string> = {
  setting: 'Setting progress report',
  area: 'Area progress report',
  child: 'Progress summary',
};

/** The snapshot layout this build writes. */
export const reportSnapshotVersion = 1;

/** Narrative limits: long enough for a page of prose, short enough to print on one. */
export const narrativeMaxLength = 4000;
const narrativeText = z
  .string()
  .trim()
  .max(narrativeMaxLength, { message: `Keep this to ${narrativeMaxLength} characters or fewer` })
  .default('');

// ----- The period a setting or area report covers -------------------------------------------

/**
 * A screening round, or a date range. For a date range the report's screening figures come from
 * the last round that ends inside it and its progress from the first round that starts inside it
 * to that one; targets, visits and whole-setting targets count over the dates themselves.
 */
export const reportPeriodSchema = z
  .object({
    roundId: idSchema.nullable().default(null),
    from: isoDateSchema.nullable().default(null),
    to: isoDateSchema.nullable().default(null),
  })
  .superRefine((p, ctx) => {
    if (p.roundId && (p.from || p.to)) ctx.addIssue({ code: 'custom', path: ['roundId'], message: 'Choose a round or a date range, not both' });
    if (!p.roundId && !(p.from && p.to))
      ctx.addIssue({ code: 'custom', path: p.from ? ['to'] : ['from'], message: 'Choose a round, or enter both dates of a range' });
    if (p.from && p.to && p.from > p.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'The end date must be on or after the start date' });
  });
export type ReportPeriodInput = z.input<typeof reportPeriodSchema>;

/** The period as the report prints it. */
export const reportPeriodInfoSchema = z.object({
  label: z.string(),
  from: z.string(),
  to: z.string(),
  /** The round whose screenings the figures count (null: no round falls in the period). */
  roundId: idSchema.nullable(),
  roundName: z.string().nullable(),
  /** The round progress is measured from (null: none before). */
  previousRoundId: idSchema.nullable(),
  previousRoundName: z.string().nullable(),
});
export type ReportPeriodInfo = z.infer<typeof reportPeriodInfoSchema>;

// ----- Sections shared by the setting and area reports --------------------------------------

/** A subgroup against the rest of the children screened: "each group against the rest". */
export const subgroupGaps = ['boys', 'girls', 'eal', 'send', 'funded2', 'eypp'] as const;
export type SubgroupGap = (typeof subgroupGaps)[number];
export const subgroupGapSchema = z.object({
  key: z.enum(subgroupGaps),
  label: z.string(),
  group: ragCountsSchema,
  rest: ragCountsSchema,
  /** Percentage points Green in the group minus Green in the rest (null when either is empty or suppressed). */
  greenGap: z.number().nullable(),
  /** Fewer children than the report's small-number limit: counts are withheld. */
  suppressed: z.boolean(),
});
export type SubgroupGapRow = z.infer<typeof subgroupGapSchema>;

export const settingTargetLineSchema = z.object({
  id: idSchema,
  settingName: z.string(),
  title: z.string(),
  status: z.enum(settingTargetStatuses),
  reviewDate: z.string().nullable(),
});
export const visitLineSchema = z.object({ id: idSchema, settingName: z.string(), date: z.string(), visitorName: z.string() });

/** The numbers and lists a setting or area report shows, computed once and stored as the snapshot. */
export const cohortReportFiguresSchema = z.object({
  period: reportPeriodInfoSchema,
  /** No screening in the period's round: the report says so instead of printing empty charts. */
  hasScreenings: z.boolean(),
  overview: cohortOverviewSchema,
  byAgeSection: cohortBreakdownSchema,
  workingAt: z.array(workingAtRowSchema),
  gaps: z.array(subgroupGapSchema),
  /** Null when there is no earlier round to compare with. */
  progress: transitionSchema.nullable(),
  targets: targetCountsSchema,
  settingTargets: z.array(settingTargetLineSchema),
  visitsHeld: z.array(visitLineSchema),
});
export type CohortReportFigures = z.infer<typeof cohortReportFiguresSchema>;

export const narrativeSchema = z.object({ achievements: narrativeText, priorities: narrativeText });
export type Narrative = z.infer<typeof narrativeSchema>;

// ----- Setting report -----------------------------------------------------------------------

export const settingReportInputSchema = z.object({
  settingId: idSchema,
  period: reportPeriodSchema,
  /** Children (in the targets list) and staff are shown by their initials. */
  initialsOnly: z.boolean().default(false),
  narrative: narrativeSchema.default({ achievements: '', priorities: '' }),
});
export type SettingReportInput = z.input<typeof settingReportInputSchema>;

/** Children with targets in the period: name (or initials) and their targets' counts. */
export const reportChildLineSchema = z.object({
  childId: idSchema,
  name: z.string(),
  active: z.number().int(),
  closed: z.number().int(),
  met: z.number().int(),
});

export const settingReportSnapshotSchema = z.object({
  version: z.number().int(),
  kind: z.literal('setting'),
  setting: z.object({ id: idSchema, name: z.string(), type: z.enum(settingTypes), localAuthority: z.string() }),
  initialsOnly: z.boolean(),
  figures: cohortReportFiguresSchema,
  childrenOnTargets: z.array(reportChildLineSchema),
  narrative: narrativeSchema,
});
export type SettingReportSnapshot = z.infer<typeof settingReportSnapshotSchema>;

// ----- Area report --------------------------------------------------------------------------

/** Which settings an area report covers: every one the caller reaches, narrowed, or a chosen list. */
export const areaScopeSchema = z.object({
  localAuthority: z.string().trim().max(80).nullable().default(null),
  settingType: z.enum(settingTypes).nullable().default(null),
  /** A chosen set (empty: every open setting the caller reaches, narrowed by the two above). */
  settingIds: z.array(idSchema).max(500).default([]),
});

export const areaReportInputSchema = z.object({
  scope: areaScopeSchema.default({ localAuthority: null, settingType: null, settingIds: [] }),
  period: reportPeriodSchema,
  narrative: narrativeSchema.default({ achievements: '', priorities: '' }),
  /** Groups with fewer children than this print no counts (small numbers identify children). */
  suppressBelow: z.number().int().min(0).max(100).default(5),
});
export type AreaReportInput = z.input<typeof areaReportInputSchema>;

export const areaSettingRowSchema = settingsComparisonRowSchema.extend({
  screened: z.number().int(),
  onTargets: z.number().int(),
  targetsMet: z.number().int(),
  targetsClosed: z.number().int(),
  visitsHeld: z.number().int(),
});
export const areaReportSnapshotSchema = z.object({
  version: z.number().int(),
  kind: z.literal('area'),
  /** What the scope was, in words ("Every setting you cover", "Northshire, pre-schools"). */
  scopeLabel: z.string(),
  settingIds: z.array(idSchema),
  suppressBelow: z.number().int(),
  figures: cohortReportFiguresSchema,
  settings: z.array(areaSettingRowSchema),
  narrative: narrativeSchema,
});
export type AreaReportSnapshot = z.infer<typeof areaReportSnapshotSchema>;

// ----- Child progress summary ---------------------------------------------------------------

export const childSummaryAudiences = ['parents', 'next-setting'] as const;
export type ChildSummaryAudience = (typeof childSummaryAudiences)[number];
export const childSummaryAudienceLabels: Record<ChildSummaryAudience, string> = {
  parents: 'For parents and carers',
  'next-setting': 'For the next setting or school',
};

export const childSummaryInputSchema = z.object({
  childId: idSchema,
  audience: z.enum(childSummaryAudiences, { message: 'Choose who the summary is for' }),
  /** The key person's own words to the reader, printed first. */
  note: narrativeText,
});
export type ChildSummaryInput = z.input<typeof childSummaryInputSchema>;

/** Every line in plain words: no section numbers, codes or internal statuses. */
export const childSummarySnapshotSchema = z.object({
  version: z.number().int(),
  kind: z.literal('child'),
  audience: z.enum(childSummaryAudiences),
  child: z.object({ id: idSchema, name: z.string(), dateOfBirth: z.string(), settingName: z.string(), keyPersonName: z.string().nullable() }),
  note: z.string(),
  screenings: z.array(
    z.object({
      date: z.string(),
      /** "Understanding and talking at the level expected for 24 to 29 months". */
      workingAt: z.string(),
      /** The colour as a word, with what it means for this child. */
      colourWord: z.string(),
      meaning: z.string(),
    }),
  ),
  targets: z.array(
    z.object({
      text: z.string(),
      started: z.string(),
      status: z.string(),
      reviews: z.array(z.object({ date: z.string(), progress: z.string(), note: z.string() })),
    }),
  ),
  /** Strategies that help at home, from the strategies library (the child's targets' strategies first). */
  atHome: z.array(z.object({ title: z.string(), text: z.string() })),
});
export type ChildSummarySnapshot = z.infer<typeof childSummarySnapshotSchema>;

// ----- Saved reports ------------------------------------------------------------------------

export const reportSnapshotSchema = z.discriminatedUnion('kind', [settingReportSnapshotSchema, areaReportSnapshotSchema, childSummarySnapshotSchema]);
export type ReportSnapshot = z.infer<typeof reportSnapshotSchema>;

export const reportListItemSchema = z.object({
  id: idSchema,
  kind: z.enum(reportKinds),
  title: z.string(),
  periodLabel: z.string(),
  settingId: idSchema.nullable(),
  childId: idSchema.nullable(),
  producedByName: z.string(),
  producedAt: z.string(),
});
export type ReportListItem = z.infer<typeof reportListItemSchema>;

export const reportSchema = reportListItemSchema.extend({ snapshot: reportSnapshotSchema });
export type Report = z.infer<typeof reportSchema>;

export const reportsListInputSchema = z.object({
  /** A setting's reports (its own reports and its children's summaries); null: area reports the caller reaches. */
  settingId: idSchema.nullable().default(null),
  childId: idSchema.nullable().default(null),
  kind: z.enum(reportKinds).nullable().default(null),
});

// ----- Saving a PDF (the desktop app) -------------------------------------------------------

export const savePdfInputSchema = z.object({
  /** What the page is, for the file name offered and the audit trail ("Setting progress report, Autumn 2026"). */
  title: z.string().trim().min(1).max(200),
  /**
   * The child the page is about (a progress summary names them in its title): the audit row is
   * filed under the child, so a retention purge redacts it with the child's other records.
   */
  childId: idSchema.nullable().default(null),
});
export const savePdfResultSchema = z.object({ saved: z.boolean(), path: z.string().nullable() });
export type SavePdfInput = z.infer<typeof savePdfInputSchema>;
export type SavePdfResult = z.infer<typeof savePdfResultSchema>;

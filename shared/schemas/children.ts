import { z } from 'zod';
import { addMonths, compareIsoDates, isIsoDate } from '../domain/dates.js';
import type { FieldIssue } from '../errors.js';
import { idSchema, isoDateSchema, optionalText, recordMetaSchema, requiredText, storableText } from './common.js';

export const sexes = ['female', 'male', 'not-recorded'] as const;
export type Sex = (typeof sexes)[number];
export const sexLabels: Record<Sex, string> = { female: 'Female', male: 'Male', 'not-recorded': 'Not recorded' };

export const sendStages = ['none', 'sen-support', 'ehcp'] as const;
export type SendStage = (typeof sendStages)[number];
export const sendStageLabels: Record<SendStage, string> = {
  none: 'No SEND',
  'sen-support': 'SEN support',
  ehcp: 'EHCP',
};

/** The Department for Education's ethnicity categories, as settings record them for census returns. */
export const ethnicities = {
  WBRI: 'White – British',
  WIRI: 'White – Irish',
  WIRT: 'Traveller of Irish heritage',
  WROM: 'Gypsy / Roma',
  WOTH: 'Any other White background',
  MWBC: 'White and Black Caribbean',
  MWBA: 'White and Black African',
  MWAS: 'White and Asian',
  MOTH: 'Any other mixed background',
  AIND: 'Indian',
  APKN: 'Pakistani',
  ABAN: 'Bangladeshi',
  AOTH: 'Any other Asian background',
  BCRB: 'Black Caribbean',
  BAFR: 'Black African',
  BOTH: 'Any other Black background',
  CHNE: 'Chinese',
  OOTH: 'Any other ethnic group',
  REFU: 'Refused',
  NOBT: 'Information not yet obtained',
} as const;
export type EthnicityCode = keyof typeof ethnicities;
export const ethnicityCodes = Object.keys(ethnicities) as [EthnicityCode, ...EthnicityCode[]];

/** How old a date of birth may be before we assume the year was mistyped. */
export const oldestPlausibleAgeMonths = 96;

const languageSchema = storableText(z.string().trim().min(1).max(40, { message: 'Each language must be 40 characters or fewer' }), 'each language');

export const childFieldsSchema = z.object({
  firstName: requiredText('a first name', 60),
  lastName: requiredText('a last name', 60),
  dateOfBirth: isoDateSchema,
  sex: z.enum(sexes, { message: 'Choose the child’s sex' }),
  ethnicity: z.enum(ethnicityCodes, { message: 'Choose an ethnicity' }).default('NOBT'),
  homeLanguages: z.array(languageSchema).max(6, { message: 'List at most 6 home languages' }).default([]),
  eal: z.boolean().default(false),
  sendStage: z.enum(sendStages, { message: 'Choose a SEND stage' }).default('none'),
  funded2: z.boolean().default(false),
  eypp: z.boolean().default(false),
  roomId: idSchema.nullable().default(null),
  keyPersonId: idSchema.nullable().default(null),
  startDate: isoDateSchema.nullable().default(null),
  leaveDate: isoDateSchema.nullable().default(null),
  notes: optionalText('notes', 2000, { multiline: true }),
});

/** A date a cross-field rule may compare: a field that failed its own check has already said why. */
function realDate(d: unknown): d is string {
  return typeof d === 'string' && isIsoDate(d);
}

/**
 * Rules between fields that need no clock and no database; shared by form and API. Zod runs this
 * even when a field failed its own check (2024-02-30), so each rule compares only real dates:
 * the bad field is then reported by its own message instead of the whole check throwing.
 */
function checkDateOrder(v: z.infer<typeof childFieldsSchema>, ctx: z.RefinementCtx): void {
  const { dateOfBirth, startDate, leaveDate } = v;
  if (realDate(startDate) && realDate(dateOfBirth) && compareIsoDates(startDate, dateOfBirth) < 0) {
    ctx.addIssue({ code: 'custom', path: ['startDate'], message: 'Start date must be on or after the date of birth' });
  }
  if (realDate(leaveDate) && realDate(startDate) && compareIsoDates(leaveDate, startDate) < 0) {
    ctx.addIssue({ code: 'custom', path: ['leaveDate'], message: 'Leave date must be on or after the start date' });
  }
  if (realDate(leaveDate) && realDate(dateOfBirth) && compareIsoDates(leaveDate, dateOfBirth) < 0) {
    ctx.addIssue({ code: 'custom', path: ['leaveDate'], message: 'Leave date must be on or after the date of birth' });
  }
}

export const childInputSchema = childFieldsSchema.extend({ settingId: idSchema }).superRefine(checkDateOrder);
export type ChildInput = z.input<typeof childInputSchema>;
export const childUpdateSchema = childFieldsSchema.extend({ id: idSchema }).superRefine(checkDateOrder);
export type ChildUpdate = z.input<typeof childUpdateSchema>;

/** Rules that depend on today's date. The core passes its clock; the form passes the local date. */
export function childDateIssues(v: { dateOfBirth: string; startDate?: string | null }, today: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  // An unreal date of birth is reported by the field's own check; comparing it would throw.
  if (!realDate(v.dateOfBirth) || !realDate(today)) return issues;
  if (compareIsoDates(v.dateOfBirth, today) > 0) {
    issues.push({ path: ['dateOfBirth'], message: 'Date of birth must be today or in the past' });
  } else if (compareIsoDates(v.dateOfBirth, addMonths(today, -oldestPlausibleAgeMonths)) < 0) {
    issues.push({ path: ['dateOfBirth'], message: 'Date of birth is more than 8 years ago: check the year' });
  }
  return issues;
}

export const childSchema = recordMetaSchema.extend({
  settingId: idSchema,
  firstName: z.string(),
  lastName: z.string(),
  dateOfBirth: z.string(),
  sex: z.enum(sexes),
  ethnicity: z.enum(ethnicityCodes),
  homeLanguages: z.array(z.string()),
  eal: z.boolean(),
  sendStage: z.enum(sendStages),
  funded2: z.boolean(),
  eypp: z.boolean(),
  roomId: idSchema.nullable(),
  keyPersonId: idSchema.nullable(),
  startDate: z.string().nullable(),
  leaveDate: z.string().nullable(),
  notes: z.string(),
  archivedAt: z.string().nullable(),
});
export type Child = z.infer<typeof childSchema>;

/** The child's most recent screening, as the list shows it. */
export const latestScreeningSchema = z.object({
  id: idSchema,
  screeningDate: z.string(),
  colour: z.enum(['red', 'amber', 'green']),
  ageSection: z.number().int(),
  workingAtSection: z.number().int().nullable(),
  referralPrompted: z.boolean(),
  reviewDate: z.string(),
  reviewStatus: z.enum(['overdue', 'due-soon', 'not-due']),
});
export type LatestScreening = z.infer<typeof latestScreeningSchema>;

/** A list row carries the names it is shown with, so the list needs no second round trip. */
export const childRowSchema = childSchema.extend({
  roomName: z.string().nullable(),
  keyPersonName: z.string().nullable(),
  latestScreening: latestScreeningSchema.nullable(),
});
export type ChildRow = z.infer<typeof childRowSchema>;

export const childSortKeys = ['name', 'dateOfBirth', 'room', 'keyPerson', 'startDate', 'reviewDate'] as const;
export type ChildSortKey = (typeof childSortKeys)[number];

export const childListQuerySchema = z.object({
  settingId: idSchema,
  search: z.string().trim().max(100, { message: 'Search must be 100 characters or fewer' }).default(''),
  roomId: idSchema.nullable().default(null),
  keyPersonId: idSchema.nullable().default(null),
  eal: z.boolean().nullable().default(null),
  sendStage: z.enum(sendStages).nullable().default(null),
  status: z.enum(['current', 'leavers', 'all']).default('current'),
  /** Colour of the latest screening; 'none' means never screened. */
  colour: z.enum(['red', 'amber', 'green', 'none']).nullable().default(null),
  /** Only children whose re-screen date has passed. */
  reviewOverdue: z.boolean().default(false),
  /** Only children whose re-screen falls due in the next 4 weeks (today included; not overdue). */
  reviewDueSoon: z.boolean().default(false),
  /** Only children whose latest screening prompted a referral. */
  referralPrompted: z.boolean().default(false),
  /**
   * Only children on roll at any time in this round (a round id) and not screened in it: the
   * children behind the setting overview's "not yet screened" count. Leavers count too, so ask
   * with status 'all' to list every one of them.
   */
  notScreenedInRound: idSchema.nullable().default(null),
  /** Only children working below their age section at their latest screening. */
  belowAge: z.boolean().default(false),
  sort: z.enum(childSortKeys).default('name'),
  direction: z.enum(['asc', 'desc']).default('asc'),
  limit: z.number().int().min(1).max(1000).default(200),
  offset: z.number().int().min(0).default(0),
});
export type ChildListQuery = z.input<typeof childListQuerySchema>;

export const childListResultSchema = z.object({ total: z.number().int(), rows: z.array(childRowSchema) });
export type ChildListResult = z.infer<typeof childListResultSchema>;

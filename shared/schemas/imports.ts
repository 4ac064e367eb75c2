import { z } from 'zod';
import { idSchema, storableText } from './common.js';

// Importing children and past screening results from spreadsheets (CSV or XLSX exports of nursery
// systems). The file travels as base64 because both transports carry JSON. The renderer shows a
// preview, lets the person map columns to fields, then runs the import (optionally as a dry run).

export const importKinds = ['children', 'screenings'] as const;
export type ImportKind = (typeof importKinds)[number];
export const importKindSchema = z.enum(importKinds, { message: 'Choose what to import: children or screenings' });

/** The largest file accepted: 20 MB, which is far more than any setting's export. */
export const maxImportFileBytes = 20 * 1024 * 1024;
/** base64 of maxImportFileBytes, rounded up (4 characters per 3 bytes). */
const maxBase64Chars = Math.ceil(maxImportFileBytes / 3) * 4;
/** More data rows than this is not one setting's export: refused with a clear message. */
export const maxImportRows = 50_000;
/** Rows returned in a preview; errors and warnings cover every row. */
export const previewRowLimit = 200;
/** Errors and warnings listed in a preview or a refusal; the counts are always exact. */
export const issueListLimit = 1000;

export interface ImportFieldDef {
  field: string;
  label: string;
  /** True when a column must be mapped to it (see `description` for alternatives). */
  required: boolean;
  description: string;
}

export const childImportFields = [
  { field: 'firstName', label: 'First name', required: true, description: 'Or map "Full name" instead of first and last name' },
  { field: 'lastName', label: 'Last name', required: true, description: 'Or map "Full name" instead of first and last name' },
  {
    field: 'fullName',
    label: 'Full name',
    required: false,
    description: 'One column with the whole name, "First Last" or "Last, First"; used only when first and last name are not mapped',
  },
  { field: 'dateOfBirth', label: 'Date of birth', required: true, description: 'dd/mm/yyyy, d/m/yy, yyyy-mm-dd or an Excel date' },
  { field: 'sex', label: 'Sex', required: false, description: 'F, M, Female, Male, Girl, Boy; blank is "Not recorded"' },
  {
    field: 'ethnicity',
    label: 'Ethnicity',
    required: false,
    description: 'A DfE code (WBRI) or its label (White – British); blank is "Information not yet obtained"',
  },
  { field: 'homeLanguages', label: 'Home languages', required: false, description: 'Separated by ; or ,' },
  { field: 'eal', label: 'EAL', required: false, description: 'Y/N, Yes/No, True/False or 1/0; blank is No' },
  { field: 'sendStage', label: 'SEND stage', required: false, description: 'None, SEN support (K) or EHCP (E); blank is None' },
  { field: 'funded2', label: 'Funded 2-year-old', required: false, description: 'Y/N; blank is No' },
  { field: 'eypp', label: 'EYPP', required: false, description: 'Y/N; blank is No' },
  { field: 'room', label: 'Room', required: false, description: 'The room’s name in Chatterbox; an unknown room is left empty' },
  { field: 'keyPerson', label: 'Key person', required: false, description: 'The staff member’s name in Chatterbox; an unknown name is left empty' },
  { field: 'startDate', label: 'Start date', required: false, description: 'The date the child started at the setting' },
  { field: 'leaveDate', label: 'Leave date', required: false, description: 'A leave date today or earlier imports the child as a leaver' },
  { field: 'notes', label: 'Notes', required: false, description: 'Up to 2,000 characters' },
] as const satisfies readonly ImportFieldDef[];
export type ChildImportField = (typeof childImportFields)[number]['field'];

export const screeningImportFields = [
  { field: 'childId', label: 'Chatterbox child ID', required: false, description: 'Finds the child by ID; otherwise by name and date of birth' },
  { field: 'firstName', label: 'First name', required: false, description: 'With last name and date of birth, finds the child' },
  { field: 'lastName', label: 'Last name', required: false, description: 'With first name and date of birth, finds the child' },
  { field: 'fullName', label: 'Full name', required: false, description: 'Instead of first and last name: "First Last" or "Last, First"' },
  { field: 'dateOfBirth', label: 'Date of birth', required: false, description: 'Needed to find the child by name' },
  { field: 'screeningDate', label: 'Screening date', required: true, description: 'Rows of the same child and date form one screening' },
  { field: 'section', label: 'Section', required: true, description: 'The section number (sections dropped back to are separate rows)' },
  { field: 'score', label: 'Score', required: false, description: 'Items passed; a score or a colour is needed' },
  { field: 'colour', label: 'Colour', required: false, description: 'Red, Amber or Green (R/A/G)' },
  { field: 'screener', label: 'Screener', required: false, description: 'The staff member’s name in Chatterbox; an unknown name is left empty' },
  {
    field: 'stoppedEarlyReason',
    label: 'Stopped early because',
    required: false,
    description: 'Why a screening stopped before a Green section; without it such a screening is refused',
  },
] as const satisfies readonly ImportFieldDef[];
export type ScreeningImportField = (typeof screeningImportFields)[number]['field'];

export function importFieldsFor(kind: ImportKind): readonly ImportFieldDef[] {
  return kind === 'children' ? childImportFields : screeningImportFields;
}

/** Target field -> the column header it is read from. Null or '' leaves the field unmapped. */
export const importMappingSchema = z.record(z.string().max(40), z.string().max(300).nullable());
export type ImportMapping = Record<string, string>;

const fileFields = {
  kind: importKindSchema,
  settingId: idSchema,
  fileName: storableText(z.string({ message: 'Give the file name' }).trim().min(1, { message: 'Give the file name' }).max(255), 'the file name'),
  base64: z
    .string({ message: 'Send the file’s contents' })
    .max(maxBase64Chars, { message: `The file is larger than ${maxImportFileBytes / 1024 / 1024} MB: export fewer rows or columns and try again` }),
  /** Where the file came from, e.g. "Famly export": its column mapping is remembered under this name. */
  sourceName: storableText(z.string().trim().max(80, { message: 'The source name must be 80 characters or fewer' }), 'the source name').default(''),
};

export const importPreviewInputSchema = z.object({
  ...fileFields,
  /** The mapping to read rows with; when absent, the suggested mapping is used. */
  mapping: importMappingSchema.nullable().default(null),
});
export type ImportPreviewInput = z.input<typeof importPreviewInputSchema>;

export const importRunInputSchema = z.object({
  ...fileFields,
  mapping: importMappingSchema,
  /** Check everything and report what would happen, writing nothing. */
  dryRun: z.boolean({ message: 'Say whether this is a dry run' }),
  /** Import the rows without errors and leave the others out (default: any error stops the lot). */
  skipRowsWithErrors: z.boolean().default(false),
  /** Leave out rows that look like a child already in the setting (same name and date of birth). */
  skipDuplicates: z.boolean().default(false),
});
export type ImportRunInput = z.input<typeof importRunInputSchema>;

export const importIssueSchema = z.object({
  /** The row as a spreadsheet shows it: the header is row 1, the first data row is row 2. */
  row: z.number().int(),
  /** The column header as it appears in the file, or null when the problem is with the row. */
  column: z.string().nullable(),
  field: z.string().nullable(),
  message: z.string(),
});
export type ImportIssue = z.infer<typeof importIssueSchema>;

const cellValueSchema = z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.string())]);

export const importPreviewRowSchema = z.object({
  rowNumber: z.number().int(),
  status: z.enum(['ok', 'warning', 'error']),
  /** The cell text of each mapped field, as in the file. */
  raw: z.record(z.string(), z.string()),
  /** What each field was read as (ISO dates, codes, booleans, names matched), or null. */
  values: z.record(z.string(), cellValueSchema),
});
export type ImportPreviewRow = z.infer<typeof importPreviewRowSchema>;

export const importCountsSchema = z.object({
  rows: z.number().int(),
  valid: z.number().int(),
  withErrors: z.number().int(),
  withWarnings: z.number().int(),
  /** Rows that look like a child already in the setting. */
  duplicates: z.number().int(),
});

const fileInfo = {
  fileType: z.enum(['csv', 'xlsx']),
  /** For CSV: the text encoding found (utf-8, utf-8-bom, utf-16le, utf-16be, windows-1252). */
  encoding: z.string().nullable(),
  /** For XLSX: the worksheet read. */
  sheetName: z.string().nullable(),
};

export const importPreviewSchema = z.object({
  kind: importKindSchema,
  fileName: z.string(),
  ...fileInfo,
  columns: z.array(z.string()),
  suggestedMapping: z.record(z.string(), z.string()),
  /** True when the suggestion came (at least partly) from the mapping remembered for the source. */
  rememberedMapping: z.boolean(),
  /** The mapping the rows below were read with. */
  mapping: z.record(z.string(), z.string()),
  /** False while a required field has no column (the errors say which, at the header row). */
  mappingComplete: z.boolean(),
  fields: z.array(z.object({ field: z.string(), label: z.string(), required: z.boolean(), description: z.string() })),
  rows: z.array(importPreviewRowSchema),
  errors: z.array(importIssueSchema),
  warnings: z.array(importIssueSchema),
  /** True when errors or warnings were cut at the list limit. */
  truncated: z.boolean(),
  counts: importCountsSchema,
});
export type ImportPreview = z.infer<typeof importPreviewSchema>;

export const importRunResultSchema = z.object({
  kind: importKindSchema,
  dryRun: z.boolean(),
  /** Null on a dry run, or when nothing was imported. */
  batchId: idSchema.nullable(),
  ...fileInfo,
  created: z.object({ children: z.number().int(), screenings: z.number().int(), leavers: z.number().int() }),
  skipped: z.object({ withErrors: z.number().int(), duplicates: z.number().int() }),
  counts: importCountsSchema,
  errors: z.array(importIssueSchema),
  warnings: z.array(importIssueSchema),
  truncated: z.boolean(),
});
export type ImportRunResult = z.infer<typeof importRunResultSchema>;

export const importBatchSchema = z.object({
  id: idSchema,
  kind: importKindSchema,
  settingId: idSchema,
  sourceName: z.string(),
  fileName: z.string(),
  fileType: z.enum(['csv', 'xlsx']),
  rowCount: z.number().int(),
  createdChildren: z.number().int(),
  createdScreenings: z.number().int(),
  skippedRows: z.number().int(),
  actorName: z.string().nullable(),
  createdAt: z.string(),
  undoneAt: z.string().nullable(),
  /** True for the latest batch of its kind not yet undone: the one imports.undoLast removes. */
  undoable: z.boolean(),
});
export type ImportBatch = z.infer<typeof importBatchSchema>;

export const importUndoInputSchema = z.object({ settingId: idSchema, kind: importKindSchema });
export const importUndoResultSchema = z.object({
  batch: importBatchSchema,
  removed: z.object({ children: z.number().int(), screenings: z.number().int() }),
});

export const importListInputSchema = z.object({ settingId: idSchema });

export const importSourcesInputSchema = z.object({ kind: importKindSchema });
export const importSourceSchema = z.object({ sourceName: z.string(), mapping: z.record(z.string(), z.string()), updatedAt: z.string() });

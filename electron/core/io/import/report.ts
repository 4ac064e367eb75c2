import { previewRowLimit, type ImportIssue } from '../../../../shared/schemas/imports.js';
import type { MappedRow } from './mapping.js';

// What the analysis says about one row: its cells as read, and the errors (the row cannot be
// imported) and warnings (it can, but someone should look) found in it.

export type PreviewValue = string | number | boolean | null | string[];

export interface RowReport {
  rowNumber: number;
  raw: Record<string, string>;
  values: Record<string, PreviewValue>;
  errors: ImportIssue[];
  warnings: ImportIssue[];
  /** Looks like a child already in the setting, or an earlier row of the file. */
  duplicate: boolean;
}

/** The cells as text are kept only for the rows a preview shows. */
export function newReport(row: MappedRow): RowReport {
  return { rowNumber: row.rowNumber, raw: row.index < previewRowLimit ? row.raw() : {}, values: {}, errors: [], warnings: [], duplicate: false };
}

/** Adds issues to a report, naming the column each field was read from. */
export function issueAdder(report: RowReport, columnOf: (field: string) => string | null) {
  const issue = (field: string | null, message: string): ImportIssue => ({
    row: report.rowNumber,
    column: field === null ? null : columnOf(field),
    field,
    message,
  });
  return {
    error(field: string | null, message: string): void {
      report.errors.push(issue(field, message));
    },
    warn(field: string | null, message: string): void {
      report.warnings.push(issue(field, message));
    },
    hasError(field: string): boolean {
      return report.errors.some((e) => e.field === field);
    },
  };
}

/** "Row 8, column "D.O.B": message", as shown in refusals and the command line. */
export function describeIssue(i: ImportIssue): string {
  return i.column === null ? `Row ${i.row}: ${i.message}` : `Row ${i.row}, column "${i.column}": ${i.message}`;
}

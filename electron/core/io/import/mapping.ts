import type { FieldIssue } from '../../../../shared/errors.js';
import { importFieldsFor, type ImportKind, type ImportMapping } from '../../../../shared/schemas/imports.js';
import { cellText, type CellValue, type RawRow } from './table.js';

// A mapping as the person chose it, checked against the file: every field known, every column
// present, and enough fields mapped to import anything.

export interface ResolvedMapping {
  /** Field -> column heading as in the file; unmapped fields are absent. */
  mapping: ImportMapping;
  /** Field -> column index. */
  index: Map<string, number>;
  /** Problems with the mapping itself, paths ['mapping', field]. */
  issues: FieldIssue[];
}

export function resolveMapping(kind: ImportKind, columns: readonly string[], requested: Record<string, string | null>): ResolvedMapping {
  const fields = importFieldsFor(kind);
  const labels = new Map(fields.map((f) => [f.field, f.label]));
  const exact = new Map(columns.map((c, i) => [c, i]));
  const loose = new Map(columns.map((c, i) => [c.trim().toLowerCase(), i]));
  const mapping: ImportMapping = {};
  const index = new Map<string, number>();
  const issues: FieldIssue[] = [];
  for (const [field, column] of Object.entries(requested)) {
    if (column === null || column.trim() === '') continue;
    if (!labels.has(field)) {
      issues.push({ path: ['mapping', field], message: `There is no field called ${field} in a ${kind} import` });
      continue;
    }
    const i = exact.get(column) ?? loose.get(column.trim().toLowerCase());
    if (i === undefined) {
      issues.push({ path: ['mapping', field], message: `${labels.get(field)}: the file has no column called "${column}"` });
      continue;
    }
    mapping[field] = columns[i] ?? column;
    index.set(field, i);
  }
  const has = (f: string) => index.has(f);
  const need = (field: string, message: string) => issues.push({ path: ['mapping', field], message });
  const names = (has('firstName') && has('lastName')) || has('fullName');
  if (kind === 'children') {
    if (!names) {
      if (!has('firstName')) need('firstName', 'Choose the column with the first name (or one column with the full name)');
      if (!has('lastName')) need('lastName', 'Choose the column with the last name (or one column with the full name)');
    }
    if (!has('dateOfBirth')) need('dateOfBirth', 'Choose the column with the date of birth');
  } else {
    if (!has('childId') && !(names && has('dateOfBirth'))) {
      if (!names) need('fullName', 'Choose the columns that say who each child is: the Chatterbox child ID, or the name and date of birth');
      else need('dateOfBirth', 'Choose the column with the date of birth: it is needed to find each child by name');
    }
    if (!has('screeningDate')) need('screeningDate', 'Choose the column with the screening date');
    if (!has('section')) need('section', 'Choose the column with the section');
    if (!has('score') && !has('colour')) need('colour', 'Choose the column with the colour or the score (or both)');
  }
  return { mapping, index, issues };
}

/** One data row, read through a mapping. */
export class MappedRow {
  constructor(
    readonly row: RawRow,
    private readonly resolved: ResolvedMapping,
    /** Position among the data rows (0 for the first). */
    readonly index: number,
  ) {}

  get rowNumber(): number {
    return this.row.rowNumber;
  }

  has(field: string): boolean {
    return this.resolved.index.has(field);
  }

  /** The cell for a field; null when unmapped or empty. Text is trimmed. */
  cell(field: string): CellValue {
    const i = this.resolved.index.get(field);
    if (i === undefined) return null;
    const v = this.row.cells[i] ?? null;
    if (typeof v === 'string') {
      const t = v.trim();
      return t === '' ? null : t;
    }
    return v;
  }

  text(field: string): string {
    return cellText(this.cell(field)).trim();
  }

  column(field: string): string | null {
    return this.resolved.mapping[field] ?? null;
  }

  /** The mapped cells as text, for the preview. */
  raw(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const field of this.resolved.index.keys()) out[field] = this.text(field);
    return out;
  }
}

import { formatUkDate } from '../../../../shared/domain/dates.js';
import type { ApiCallError, FieldIssue } from '../../../../shared/errors.js';
import type { Screening, ScreeningInput } from '../../../../shared/schemas/screenings.js';
import type { Staff } from '../../../../shared/schemas/staff.js';
import type { ChildKey } from '../../db/repos/imports.js';
import { readImportDate } from './dates.js';
import type { MappedRow } from './mapping.js';
import { issueAdder, newReport, type RowReport } from './report.js';
import { foldName, nameKey, quoted, readColour, readWholeNumber, splitFullName } from './values.js';

// Past screening results, one row per child per section screened. Rows of the same child and
// date form one screening, its sections ordered from the highest down (the age section first,
// then each drop-back), and each screening goes through screenings.create, so the age section,
// drop-back order, scores and colours obey exactly the rules of the screening form. A problem
// that method finds is reported against the row and column it came from.

export interface ScreeningLookups {
  today: string;
  instrumentId: string;
  children: readonly ChildKey[];
  staff: readonly Staff[];
  /** "childId|date" for screenings already stored. */
  existingDays: ReadonlySet<string>;
}

export interface ScreeningWriter {
  /** Creates one screening (screenings.create); throws ApiCallError when it is refused. */
  create(input: ScreeningInput): Screening;
  /** Whether to create a group whose rows are clean: false for likely duplicates when skipping them. */
  skipDuplicates: boolean;
}

export interface ScreeningAnalysis {
  reports: RowReport[];
  created: Screening[];
}

interface ReadRow {
  report: RowReport;
  columnOf: (field: string) => string | null;
  child: ChildKey | null;
  screeningDate: string | null;
  section: number | null;
  score: number | null;
  colour: 'red' | 'amber' | 'green' | null;
  screenerId: string | null;
  stoppedEarlyReason: string;
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function analyseScreenings(rows: readonly MappedRow[], lk: ScreeningLookups, writer: ScreeningWriter): ScreeningAnalysis {
  const byId = new Map(lk.children.map((c) => [c.id.toLowerCase(), c]));
  const byName = new Map<string, ChildKey[]>();
  for (const c of lk.children) {
    const key = nameKey(c.firstName, c.lastName, c.dateOfBirth);
    byName.set(key, [...(byName.get(key) ?? []), c]);
  }
  const staff = new Map<string, Staff[]>();
  for (const s of lk.staff) staff.set(foldName(s.name), [...(staff.get(foldName(s.name)) ?? []), s]);

  const read = rows.map((row) => readRow(row, lk, byId, byName, staff));

  // Group clean rows by child and date, keeping the file's order of first appearance.
  const groups = new Map<string, ReadRow[]>();
  for (const r of read) {
    if (!r.child || !r.screeningDate) continue;
    const key = `${r.child.id}|${r.screeningDate}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const created: Screening[] = [];
  for (const [key, members] of groups) {
    const child = members[0]?.child;
    const date = members[0]?.screeningDate;
    if (!child || !date) continue;
    const broken = members.filter((m) => m.report.errors.length > 0);
    if (broken.length > 0) {
      const where = broken.map((b) => b.report.rowNumber).join(', ');
      for (const m of members) {
        if (m.report.errors.length === 0)
          rowError(m, null, `Not imported: row ${where} of the same screening (${child.firstName} ${child.lastName}, ${formatUkDate(date)}) has a problem`);
      }
      continue;
    }
    const ordered = [...members].sort((a, b) => (b.section ?? 0) - (a.section ?? 0));
    const first = ordered[0];
    if (!first) continue;
    if (lk.existingDays.has(key)) {
      for (const m of ordered) m.report.duplicate = true;
      issueAdder(first.report, () => null).warn(
        null,
        `${child.firstName} ${child.lastName} already has a screening on ${formatUkDate(date)}: this would add another`,
      );
      if (writer.skipDuplicates) continue;
    }
    const screenerId = ordered.find((m) => m.screenerId)?.screenerId ?? null;
    // A reason on any row of the screening marks it as stopped early; screenings.create then
    // applies the same rule as the form (refused when it did not stop early, or stopped unmarked).
    const stoppedEarlyReason = ordered.find((m) => m.stoppedEarlyReason !== '')?.stoppedEarlyReason ?? '';
    try {
      const screening = writer.create({
        childId: child.id,
        instrumentId: lk.instrumentId,
        screeningDate: date,
        screenerId,
        stoppedEarly: stoppedEarlyReason !== '',
        stoppedEarlyReason,
        sections: ordered.map((m) => ({ section: m.section ?? 0, score: m.score, colour: m.colour })),
      });
      created.push(screening);
      screening.sections.forEach((s) => {
        const m = ordered.find((o) => o.section === s.section);
        if (m && s.disagrees && s.enteredColour && s.computedColour) {
          rowWarning(
            m,
            'colour',
            `Section ${s.section}: the colour entered (${label(s.enteredColour)}) differs from the colour the score gives with the cut-offs (${label(s.computedColour)}), which is used`,
          );
        }
      });
      for (const m of ordered) m.report.values.result = screening.stoppedEarly ? `${label(screening.colour)} (stopped early)` : label(screening.colour);
    } catch (err) {
      if (!isApiCallError(err) || err.code === 'INTERNAL') throw err;
      attachRefusal(ordered, err);
    }
  }
  return { reports: read.map((r) => r.report), created };
}

function label(colour: 'red' | 'amber' | 'green'): string {
  return colour.charAt(0).toUpperCase() + colour.slice(1);
}

function isApiCallError(err: unknown): err is ApiCallError {
  return err instanceof Error && err.name === 'ApiCallError' && 'code' in err && 'issues' in err;
}

const sectionFieldToImport: Record<string, string | null> = { score: 'score', colour: 'colour', section: 'section', itemsNotPassed: null };
const screeningFieldToImport: Record<string, string | null> = {
  screeningDate: 'screeningDate',
  screenerId: 'screener',
  sections: 'section',
  childId: null,
  stoppedEarly: 'stoppedEarlyReason',
  stoppedEarlyReason: 'stoppedEarlyReason',
};

/** Each issue of a refused screening goes to the row (and column) it came from. */
function attachRefusal(ordered: ReadRow[], err: ApiCallError): void {
  const issues: FieldIssue[] = err.issues.length > 0 ? err.issues : [{ path: [], message: err.message }];
  const first = ordered[0];
  if (!first) return;
  for (const issue of issues) {
    const [head, index, sub] = issue.path;
    if (head === 'sections' && typeof index === 'number' && ordered[index]) {
      const field = typeof sub === 'string' ? (sectionFieldToImport[sub] ?? null) : 'section';
      rowError(ordered[index], field, issue.message);
    } else {
      const field = typeof head === 'string' ? (screeningFieldToImport[head] ?? null) : null;
      rowError(first, field, issue.message);
    }
  }
  const failed = ordered.filter((m) => m.report.errors.length > 0).map((m) => m.report.rowNumber);
  for (const m of ordered) {
    if (m.report.errors.length === 0) rowError(m, null, `Not imported: row ${failed.join(', ')} of the same screening has a problem`);
  }
}

function rowError(r: ReadRow, field: string | null, message: string): void {
  issueAdder(r.report, r.columnOf).error(field, message);
}

function rowWarning(r: ReadRow, field: string | null, message: string): void {
  issueAdder(r.report, r.columnOf).warn(field, message);
}

function readRow(row: MappedRow, lk: ScreeningLookups, byId: Map<string, ChildKey>, byName: Map<string, ChildKey[]>, staff: Map<string, Staff[]>): ReadRow {
  const report = newReport(row);
  const namesFromFull = !(row.has('firstName') && row.has('lastName')) && row.has('fullName');
  const columnOf = (field: string) => {
    if (field === 'child') return row.column('childId') ?? (namesFromFull ? row.column('fullName') : row.column('lastName'));
    return row.column(field);
  };
  const { error, warn } = issueAdder(report, columnOf);
  const values = report.values;
  const out: ReadRow = {
    report,
    columnOf,
    child: null,
    screeningDate: null,
    section: null,
    score: null,
    colour: null,
    screenerId: null,
    stoppedEarlyReason: row.text('stoppedEarlyReason'),
  };

  // Who: by Chatterbox ID when the cell holds one, else by name and date of birth.
  const idText = row.text('childId');
  if (uuid.test(idText)) {
    out.child = byId.get(idText.toLowerCase()) ?? null;
    if (!out.child) error('childId', `No child in this setting has the ID ${idText}`);
  } else {
    let firstName = '';
    let lastName = '';
    if (namesFromFull) {
      const full = row.text('fullName');
      const split = full === '' ? null : splitFullName(full);
      if (split?.ok) ({ firstName, lastName } = split.value);
      else if (split) error('fullName', split.message);
    } else {
      firstName = row.text('firstName');
      lastName = row.text('lastName');
    }
    const dob = readImportDate(row.cell('dateOfBirth'), lk.today);
    if (dob && !dob.ok) error('dateOfBirth', dob.message);
    if (report.errors.length === 0) {
      if (firstName === '' || lastName === '' || dob === null) {
        const missing = idText !== '' ? `${quoted(idText)} is not a Chatterbox child ID, and the` : 'The';
        error('child', `${missing} child’s ${firstName === '' || lastName === '' ? 'name' : 'date of birth'} is blank, so the child cannot be found`);
      } else if (dob.ok) {
        const matches = byName.get(nameKey(firstName, lastName, dob.iso)) ?? [];
        if (matches.length === 1) out.child = matches[0] ?? null;
        else if (matches.length === 0)
          error(
            'child',
            `No child called ${firstName} ${lastName} born ${formatUkDate(dob.iso)} in this setting: add the child first, or check the name and date of birth`,
          );
        else
          error(
            'child',
            `${matches.length} children in this setting are called ${firstName} ${lastName} and born ${formatUkDate(dob.iso)}: add a column with the Chatterbox child ID`,
          );
      }
    }
  }
  values.child = out.child ? `${out.child.firstName} ${out.child.lastName}` : null;
  values.childId = out.child?.id ?? null;

  const date = readImportDate(row.cell('screeningDate'), lk.today);
  if (date === null) error('screeningDate', 'The screening date is blank');
  else if (!date.ok) error('screeningDate', date.message);
  else out.screeningDate = date.iso;
  values.screeningDate = out.screeningDate;

  const sectionCell = row.cell('section');
  if (sectionCell === null) error('section', 'The section is blank');
  else if (typeof sectionCell === 'string' || typeof sectionCell === 'number') {
    const r = readWholeNumber(sectionCell, 'section', /^(section|sect|sec|s)\s*\.?\s*/i);
    if (r.ok) out.section = r.value;
    else error('section', r.message);
  } else error('section', `${quoted(row.text('section'))} is not a section number`);
  values.section = out.section;

  const scoreCell = row.cell('score');
  if (typeof scoreCell === 'string' || typeof scoreCell === 'number') {
    const r = readWholeNumber(scoreCell, 'score');
    if (r.ok) out.score = r.value;
    else error('score', r.message);
  } else if (scoreCell !== null) error('score', `${quoted(row.text('score'))} is not a score`);
  values.score = out.score;

  const colourText = row.text('colour');
  if (colourText !== '') {
    const r = readColour(colourText);
    if (r.ok) out.colour = r.value;
    else error('colour', r.message);
  }
  values.colour = out.colour;

  const screenerName = row.text('screener');
  values.screener = null;
  if (screenerName !== '') {
    const matches = (staff.get(foldName(screenerName)) ?? []).filter((s) => !s.archivedAt);
    const all = staff.get(foldName(screenerName)) ?? [];
    const person = matches.length === 1 ? matches[0] : matches.length === 0 && all.length === 1 ? all[0] : undefined;
    if (person) {
      out.screenerId = person.id;
      values.screener = person.name;
    } else if (all.length > 1) warn('screener', `${all.length} staff members are called ${quoted(screenerName)}: the screener is left empty`);
    else warn('screener', `No staff member is called ${quoted(screenerName)} in this setting: the screener is left empty`);
  }
  return out;
}

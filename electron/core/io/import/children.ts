import { compareIsoDates, formatUkDate } from '../../../../shared/domain/dates.js';
import { childDateIssues, childInputSchema } from '../../../../shared/schemas/children.js';
import type { Room } from '../../../../shared/schemas/rooms.js';
import type { Staff } from '../../../../shared/schemas/staff.js';
import type { ChildKey, ImportedChild } from '../../db/repos/imports.js';
import { readImportDate } from './dates.js';
import type { MappedRow } from './mapping.js';
import { issueAdder, newReport, type RowReport } from './report.js';
import { foldName, nameKey, quoted, readEthnicity, readLanguages, readSendStage, readSex, readYesNo, splitFullName, type Read } from './values.js';

// Children rows: each cell read into the child form's fields, then checked by the same schema and
// date rules as the form (childInputSchema, childDateIssues), so an import can never store a child
// the form would refuse. Rooms and key people are found by name in the setting.

export interface ChildLookups {
  settingId: string;
  today: string;
  now: string;
  rooms: readonly Room[];
  staff: readonly Staff[];
  existing: readonly ChildKey[];
}

export interface ChildRowResult extends RowReport {
  child: ImportedChild | null;
}

/** Schema paths that are not field names in the import. */
const schemaFieldToImportField: Record<string, string> = { roomId: 'room', keyPersonId: 'keyPerson' };

export function analyseChildren(rows: readonly MappedRow[], lk: ChildLookups): ChildRowResult[] {
  const rooms = new Map<string, Room>();
  for (const r of lk.rooms) rooms.set(foldName(r.name), r);
  const staff = new Map<string, Staff[]>();
  for (const s of lk.staff) staff.set(foldName(s.name), [...(staff.get(foldName(s.name)) ?? []), s]);
  const existing = new Map<string, ChildKey>();
  for (const c of lk.existing) existing.set(nameKey(c.firstName, c.lastName, c.dateOfBirth), c);
  const seenInFile = new Map<string, number>();
  // Coded cells repeat ("F", "N", "WBRI"): each distinct text is read once per field.
  const memo = new Map<string, Read<unknown>>();
  return rows.map((row) => analyseChild(row, lk, rooms, staff, existing, seenInFile, memo));
}

function analyseChild(
  row: MappedRow,
  lk: ChildLookups,
  rooms: Map<string, Room>,
  staffByName: Map<string, Staff[]>,
  existing: Map<string, ChildKey>,
  seenInFile: Map<string, number>,
  memo: Map<string, Read<unknown>>,
): ChildRowResult {
  const report: ChildRowResult = { ...newReport(row), child: null };
  const namesFromFull = !(row.has('firstName') && row.has('lastName')) && row.has('fullName');
  const columnOf = (field: string) => ((field === 'firstName' || field === 'lastName') && namesFromFull ? row.column('fullName') : row.column(field));
  const { error, warn, hasError } = issueAdder(report, columnOf);
  const values = report.values;

  // Names.
  let firstName = '';
  let lastName = '';
  if (namesFromFull) {
    const full = row.text('fullName');
    if (full === '') error('firstName', 'The name is blank');
    else {
      const split = splitFullName(full);
      if (split.ok) ({ firstName, lastName } = split.value);
      else error('firstName', split.message);
    }
  } else {
    firstName = row.text('firstName');
    lastName = row.text('lastName');
    if (firstName === '') error('firstName', 'The first name is blank');
    if (lastName === '') error('lastName', 'The last name is blank');
  }
  values.firstName = firstName || null;
  values.lastName = lastName || null;

  const date = (field: string): string | null => {
    const read = readImportDate(row.cell(field), lk.today);
    if (read === null) return null;
    if (!read.ok) {
      error(field, read.message);
      return null;
    }
    return read.iso;
  };
  const dateOfBirth = date('dateOfBirth');
  if (dateOfBirth === null && !hasError('dateOfBirth')) error('dateOfBirth', 'The date of birth is blank');
  const startDate = date('startDate');
  const leaveDate = date('leaveDate');
  values.dateOfBirth = dateOfBirth;
  values.startDate = startDate;
  values.leaveDate = leaveDate;

  const coded = <T>(field: string, read: (text: string) => Read<T>, blank: T): T => {
    const text = row.text(field);
    if (text === '') return blank;
    const key = `${field}\u0000${text}`;
    let r = memo.get(key) as Read<T> | undefined;
    if (!r) {
      r = read(text);
      memo.set(key, r);
    }
    if (r.ok) return r.value;
    error(field, r.message);
    return blank;
  };
  const sex = coded('sex', readSex, 'not-recorded' as const);
  // An unmapped column is the person's choice, shown once in the mapping step, not on every row.
  if (row.has('sex') && row.text('sex') === '') warn('sex', 'Sex is blank: recorded as "Not recorded"');
  const ethnicity = coded('ethnicity', readEthnicity, 'NOBT' as const);
  const homeLanguages = readLanguages(row.text('homeLanguages'));
  const eal = coded('eal', readYesNo, false);
  const sendStage = coded('sendStage', readSendStage, 'none' as const);
  const funded2 = coded('funded2', readYesNo, false);
  const eypp = coded('eypp', readYesNo, false);
  const notes = row.text('notes');
  Object.assign(values, { sex, ethnicity, homeLanguages, eal, sendStage, funded2, eypp, notes });

  // Room and key person, by name in this setting: an unknown or archived one is left empty.
  let roomId: string | null = null;
  const roomName = row.text('room');
  values.room = null;
  if (roomName !== '') {
    const room = rooms.get(foldName(roomName));
    if (!room) warn('room', `There is no room called ${quoted(roomName)} in this setting: the room is left empty`);
    else if (room.archivedAt) warn('room', `The room ${room.name} is archived: the room is left empty`);
    else {
      roomId = room.id;
      values.room = room.name;
    }
  }
  let keyPersonId: string | null = null;
  const personName = row.text('keyPerson');
  values.keyPerson = null;
  if (personName !== '') {
    const matches = (staffByName.get(foldName(personName)) ?? []).filter((s) => !s.archivedAt);
    const [person] = matches;
    if (matches.length > 1) warn('keyPerson', `${matches.length} staff members are called ${quoted(personName)}: the key person is left empty`);
    else if (!person) {
      const left = (staffByName.get(foldName(personName)) ?? []).length > 0;
      warn(
        'keyPerson',
        left
          ? `${quoted(personName)} has left the setting: the key person is left empty`
          : `No staff member is called ${quoted(personName)} in this setting: the key person is left empty`,
      );
    } else {
      keyPersonId = person.id;
      values.keyPerson = person.name;
    }
  }

  if (report.errors.length > 0 || dateOfBirth === null) return report;

  // The form's own rules: the date of birth against today, then lengths, languages, date order.
  for (const issue of childDateIssues({ dateOfBirth }, lk.today)) {
    error('dateOfBirth', `${issue.message} (read as ${formatUkDate(dateOfBirth)})`);
  }
  const parsed = childInputSchema.safeParse({
    settingId: lk.settingId,
    firstName,
    lastName,
    dateOfBirth,
    sex,
    ethnicity,
    homeLanguages,
    eal,
    sendStage,
    funded2,
    eypp,
    roomId,
    keyPersonId,
    startDate,
    leaveDate,
    notes,
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = typeof issue.path[0] === 'string' ? issue.path[0] : null;
      const field = key === null || key === 'settingId' ? null : (schemaFieldToImportField[key] ?? key);
      error(field, issue.message);
    }
  }
  if (report.errors.length > 0 || !parsed.success) return report;

  if (startDate && compareIsoDates(startDate, lk.today) > 0) warn('startDate', `The start date ${formatUkDate(startDate)} is in the future`);
  if (leaveDate && compareIsoDates(leaveDate, lk.today) > 0) {
    warn('leaveDate', `The leave date ${formatUkDate(leaveDate)} is in the future: the child is imported as on roll`);
  }
  const leaver = leaveDate !== null && compareIsoDates(leaveDate, lk.today) <= 0;
  values.leaver = leaver;

  // Likely duplicates: the same name (ignoring case and accents) and date of birth.
  const key = nameKey(firstName, lastName, dateOfBirth);
  const already = existing.get(key);
  if (already) {
    report.duplicate = true;
    warn(
      null,
      `Looks like ${already.firstName} ${already.lastName} (born ${formatUkDate(already.dateOfBirth)}), already in this setting${already.archived ? ' as a leaver' : ''}`,
    );
  }
  const earlier = seenInFile.get(key);
  if (earlier !== undefined) {
    report.duplicate = true;
    warn(null, `Same name and date of birth as row ${earlier}`);
  } else seenInFile.set(key, row.rowNumber);

  const { settingId: _settingId, ...fields } = parsed.data;
  report.child = { fields: { ...fields, dateOfBirth }, archivedAt: leaver ? lk.now : null };
  return report;
}

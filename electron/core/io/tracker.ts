import ExcelJS from 'exceljs';
import { formatUkDate } from '../../../shared/domain/dates.js';
import { ethnicities, sendStageLabels, sexLabels } from '../../../shared/schemas/children.js';
import type { TableExport } from '../../../shared/schemas/export.js';
import type { CoreContext } from '../context.js';
import { onRollDuringSql } from '../db/repos/roll.js';
import { addTableSheet } from './xlsx.js';

// The cohort tracker local authorities ask for: every child on roll in a round, one row each,
// with their result in that round and blanks where they were not screened.

interface TrackerRow {
  last_name: string;
  first_name: string;
  date_of_birth: string;
  sex: keyof typeof sexLabels;
  ethnicity: keyof typeof ethnicities;
  eal: number;
  send_stage: keyof typeof sendStageLabels;
  funded2: number;
  eypp: number;
  room: string | null;
  key_person: string | null;
  screening_date: string | null;
  age_months: number | null;
  age_section: number | null;
  colour: 'red' | 'amber' | 'green' | null;
  working_at_section: number | null;
  referral_prompted: number | null;
  review_date: string | null;
}

const columns = [
  'Last name',
  'First name',
  'Date of birth',
  'Sex',
  'Ethnicity',
  'EAL',
  'SEND',
  'Funded 2-year-old',
  'EYPP',
  'Room',
  'Key person',
  'Screened on',
  'Age (months)',
  'Age section',
  'Result',
  'Working at section',
  'Referral prompted',
  'Review due',
];

const yesNo = (n: number | null) => (n === null ? null : n === 1 ? 'Yes' : 'No');
const word = (c: TrackerRow['colour']) => (c === null ? null : `${c.charAt(0).toUpperCase()}${c.slice(1)}`);

export function trackerTable(ctx: CoreContext, settingId: string, round: { id: string; name: string; startDate: string; endDate: string }): TableExport {
  const rows = ctx.db
    .prepare(
      `SELECT c.last_name, c.first_name, c.date_of_birth, c.sex, c.ethnicity, c.eal, c.send_stage, c.funded2, c.eypp,
         COALESCE(sr.name, r.name) AS room, COALESCE(sk.name, k.name) AS key_person,
         s.screening_date, s.age_months, s.age_section, s.colour, s.working_at_section, s.referral_prompted, s.review_date
       FROM children c
       LEFT JOIN round_results rr ON rr.round_id = @roundId AND rr.child_id = c.id
       LEFT JOIN screenings s ON s.id = rr.screening_id
       LEFT JOIN rooms r ON r.id = c.room_id
       LEFT JOIN staff k ON k.id = c.key_person_id
       LEFT JOIN rooms sr ON sr.id = s.room_id
       LEFT JOIN staff sk ON sk.id = s.key_person_id
       WHERE c.setting_id = @settingId
         AND ${onRollDuringSql('c', '@startDate', '@endDate')}
       ORDER BY c.last_name COLLATE NOCASE, c.first_name COLLATE NOCASE, c.id`,
    )
    .all({ settingId, roundId: round.id, startDate: round.startDate, endDate: round.endDate }) as TrackerRow[];
  return {
    title: round.name,
    columns,
    rows: rows.map((r) => [
      r.last_name,
      r.first_name,
      formatUkDate(r.date_of_birth),
      sexLabels[r.sex],
      ethnicities[r.ethnicity],
      yesNo(r.eal),
      sendStageLabels[r.send_stage],
      yesNo(r.funded2),
      yesNo(r.eypp),
      r.room,
      r.key_person,
      r.screening_date ? formatUkDate(r.screening_date) : null,
      r.age_months,
      r.age_section,
      word(r.colour),
      r.working_at_section,
      yesNo(r.referral_prompted),
      r.review_date ? formatUkDate(r.review_date) : null,
    ]),
  };
}

/** One sheet per round, oldest first, each with a frozen header, filters and coloured results. */
export async function trackerWorkbook(tables: TableExport[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Chatterbox';
  for (const table of tables) addTableSheet(workbook, table);
  if (tables.length === 0) addTableSheet(workbook, { title: 'No rounds', columns, rows: [] });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

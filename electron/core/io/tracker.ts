import { formatUkDate } from '../../../shared/domain/dates.js';
import { ethnicities, sendStageLabels, sexLabels } from '../../../shared/schemas/children.js';
import type { TableExport } from '../../../shared/schemas/export.js';
import type { CoreContext } from '../context.js';
import { tablesToXlsx } from './xlsx.js';
import { trackerRows, type TrackerRow } from '../db/repos/tracker.js';

// The cohort tracker local authorities ask for: every child on roll in a round, one row each,
// with their result in that round and blanks where they were not screened.

export const trackerColumns = [
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

/** One child's row, dates shown the UK way (the workbook writers turn them into date cells). */
export function trackerCells(r: TrackerRow): TableExport['rows'][number] {
  return [
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
  ];
}

export interface TrackerRound {
  id: string;
  name: string;
  startDate: string;
  endDate: string;
}

/**
 * One round's tracker; with no round (none made yet), the children on roll today with blank
 * results, so a new setting can still check its list before its first round.
 */
export function trackerTable(ctx: CoreContext, settingId: string, round: TrackerRound | null): TableExport {
  const today = ctx.clock.today();
  const rows = trackerRows(ctx.db, {
    roundId: round?.id ?? null,
    startDate: round?.startDate ?? today,
    endDate: round?.endDate ?? today,
    settingId,
  });
  return {
    title: round?.name ?? 'Children on roll',
    columns: trackerColumns,
    rows: rows.map(trackerCells),
  };
}

/** One sheet per round, oldest first, each with a frozen header, filters and coloured results. */
export async function trackerWorkbook(tables: TableExport[]): Promise<Buffer> {
  return tablesToXlsx(tables);
}

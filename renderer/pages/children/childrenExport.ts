import type { MethodInput } from '../../../shared/contract/index.js';
import { sendStageLabels, type ChildRow } from '../../../shared/schemas/children.js';
import type { TableExport } from '../../../shared/schemas/export.js';
import type { Api } from '../../api.js';
import { formatUkDate } from '../../lib/format.js';
import { colourWords } from '../cohort/words.js';

/** The most children.list gives in one call; an export asks page by page until it has them all. */
const batch = 1000;

export type ChildrenQuery = Omit<MethodInput<'children.list'>, 'limit' | 'offset'>;

/** Every child the list's filters match (not just the page on screen), in the list's order. */
export async function allMatchingChildren(api: Api, query: ChildrenQuery): Promise<ChildRow[]> {
  const rows: ChildRow[] = [];
  for (;;) {
    const found = await api('children.list', { ...query, limit: batch, offset: rows.length });
    rows.push(...found.rows);
    if (found.rows.length === 0 || rows.length >= found.total) return rows;
  }
}

/** The children list as a spreadsheet: the columns on screen, spelt out, dates as 27/11/2026. */
export function childrenTable(rows: readonly ChildRow[], title: string): TableExport {
  return {
    title,
    columns: [
      'Last name',
      'First name',
      'Date of birth',
      'Room',
      'Key person',
      'EAL',
      'SEND',
      'Latest screen',
      'Result',
      'Age section',
      'Working at',
      'Re-screen due',
      'Left',
    ],
    rows: rows.map((c) => {
      const s = c.latestScreening;
      return [
        c.lastName,
        c.firstName,
        formatUkDate(c.dateOfBirth),
        c.roomName,
        c.keyPersonName,
        c.eal ? 'Yes' : 'No',
        c.sendStage === 'none' ? null : sendStageLabels[c.sendStage],
        s ? formatUkDate(s.screeningDate) : null,
        s ? colourWords[s.colour] : null,
        s ? s.ageSection : null,
        s ? (s.workingAtSection ?? 'Below all tried') : null,
        s ? formatUkDate(s.reviewDate) : null,
        c.archivedAt && c.leaveDate ? formatUkDate(c.leaveDate) : null,
      ];
    }),
  };
}

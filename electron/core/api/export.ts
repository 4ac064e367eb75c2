import { trackerRows } from '../db/repos/tracker.js';
import { laTrackerWorkbook } from '../io/la-tracker.js';
import { settingTypeLabels } from '../../../shared/schemas/settings.js';
import { childRecords } from '../io/subject-access.js';
import { trackerTable, trackerWorkbook } from '../io/tracker.js';
import { safeFileName } from '../../../shared/files.js';
import { tableToXlsx } from '../io/xlsx.js';
import { toCsv } from '../../../shared/csv.js';
import type { exportContract } from '../../../shared/contract/export.js';
import type { DomainHandlers } from './types.js';

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const exportHandlers = {
  'export.xlsx': async (_ctx, input) => ({
    fileName: safeFileName(input.title, 'xlsx'),
    mimeType: xlsxType,
    base64: (await tableToXlsx(input)).toString('base64'),
  }),

  /** Excel: a sheet per round (or the one asked for). CSV: one round, the newest unless given. */
  'export.tracker': async (ctx, input) => {
    const setting = ctx.repos.settings.get(input.settingId);
    const rounds = ctx.repos.rounds.list();
    const chosen = input.roundId ? [ctx.repos.rounds.get(input.roundId)] : input.format === 'csv' ? rounds.slice(-1) : rounds;
    // Before the first round there is nothing to report, but the list of children on roll is
    // still worth checking, so it comes out with blank results rather than as an error.
    const tables = ctx.db.transaction(() =>
      chosen.length === 0 ? [trackerTable(ctx, setting.id, null)] : chosen.map((r) => trackerTable(ctx, setting.id, r)),
    )();
    const base = `${setting.name} tracker${chosen.length === 1 ? ` ${chosen[0]?.name ?? ''}` : ''}`;
    if (input.format === 'csv') {
      const [table] = tables;
      return {
        fileName: safeFileName(base, 'csv'),
        mimeType: 'text/csv',
        base64: Buffer.from(`\uFEFF${toCsv(table ?? { title: '', columns: [], rows: [] })}`, 'utf8').toString('base64'),
      };
    }
    return { fileName: safeFileName(base, 'xlsx'), mimeType: xlsxType, base64: (await trackerWorkbook(tables)).toString('base64') };
  },

  /** One workbook for the whole local authority, streamed: far quicker than a workbook per setting. */
  'export.laTracker': async (ctx, input) => {
    const today = ctx.clock.today();
    const { round, rows } = ctx.db.transaction(() => {
      const round = input.roundId ? ctx.repos.rounds.get(input.roundId) : (ctx.repos.rounds.list().at(-1) ?? null);
      const rows = trackerRows(ctx.db, {
        roundId: round?.id ?? null,
        startDate: round?.startDate ?? today,
        endDate: round?.endDate ?? today,
        settingId: null,
        localAuthority: input.localAuthority,
        settingType: input.settingType,
      });
      return { round, rows };
    })();
    const roundName = round?.name ?? 'Children on roll';
    const scope = [input.localAuthority, input.settingType ? settingTypeLabels[input.settingType] : null].filter(Boolean).join(' ');
    return {
      fileName: safeFileName(`${scope || 'All settings'} tracker ${roundName}`, 'xlsx'),
      mimeType: xlsxType,
      base64: (await laTrackerWorkbook(rows, roundName)).toString('base64'),
    };
  },

  /** A subject access request: the registry logs it, as its contract entry says (personal data leaving). */
  'export.child': (ctx, input) => {
    const records = childRecords(ctx, input.childId);
    const child = ctx.repos.children.get(input.childId);
    return {
      fileName: safeFileName(`${child.firstName} ${child.lastName} records`, 'json'),
      mimeType: 'application/json',
      base64: Buffer.from(JSON.stringify(records, null, 2), 'utf8').toString('base64'),
    };
  },
} satisfies DomainHandlers<typeof exportContract>;

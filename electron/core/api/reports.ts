import type { reportsContract } from '../../../shared/contract/reports.js';
import { roleMay } from '../../../shared/domain/roles.js';
import { AppError } from '../../../shared/errors.js';
import type { Report, ReportListItem } from '../../../shared/schemas/reports.js';
import type { CallContext } from '../context.js';
import { areaReport } from '../services/reports/area-report.js';
import { childSummary } from '../services/reports/child-summary.js';
import { savePagePdf } from '../services/reports/save-pdf.js';
import { storeReport } from '../services/reports/store.js';
import { settingReport } from '../services/reports/setting-report.js';
import { callerReach, inReach, keyChildrenOnly } from './access.js';
import type { DomainHandlers } from './types.js';

/** Setting and area reports need `reports:produce`; someone with only `reports:child` sees children's summaries. */
function mayProduce(ctx: CallContext): boolean {
  const role = ctx.session.account?.role;
  return role === 'local-admin' || (role !== undefined && roleMay(role, 'reports:produce'));
}

/**
 * Whether the caller may open a report: a child's summary by someone who reaches the child (a
 * practitioner only their key children: a list of a setting's reports must not name the others); an area report only by someone who reaches every setting
 * it covered; a setting report only with `reports:produce` as well.
 */
function mayOpen(ctx: CallContext, report: ReportListItem & { settingIds: readonly string[] }): boolean {
  const reach = callerReach(ctx, ctx.session);
  if (report.kind === 'child') {
    const child = report.childId ? ctx.repos.accounts.whereIs('child', report.childId) : null;
    if (!child || !inReach(reach, child.settingId)) return false;
    const keyPerson = keyChildrenOnly(ctx, reach, child.settingId);
    return !keyPerson || child.keyPersonId === keyPerson;
  }
  return mayProduce(ctx) && report.settingIds.every((id) => inReach(reach, id));
}

const cannotOpen = () => new AppError('FORBIDDEN', 'This report covers settings or children you do not work with. Nothing was done.');

export const reportsHandlers = {
  'reports.settingPreview': (ctx, input) => settingReport(ctx, input),
  'reports.produceSetting': (ctx, input) => storeReport(ctx, settingReport(ctx, input)),
  'reports.areaPreview': (ctx, input) => areaReport(ctx, input),
  'reports.produceArea': (ctx, input) => storeReport(ctx, areaReport(ctx, input)),
  'reports.childPreview': (ctx, input) => childSummary(ctx, input),
  'reports.produceChild': (ctx, input) => storeReport(ctx, childSummary(ctx, input)),
  'reports.list': (ctx, input) =>
    ctx.repos.reports
      .list(input)
      .filter((r) => mayOpen(ctx, r))
      .map(({ settingIds: _covered, ...item }) => item),
  'reports.get': (ctx, input): Report => {
    if (!mayOpen(ctx, ctx.repos.reports.item(input.id))) throw cannotOpen();
    return ctx.repos.reports.get(input.id);
  },
  'reports.savePdf': (ctx, input) => savePagePdf(ctx, input),
} satisfies DomainHandlers<typeof reportsContract>;

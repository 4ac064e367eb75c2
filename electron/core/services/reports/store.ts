import { reportKindLabels, type Report, type ReportSnapshot } from '../../../../shared/schemas/reports.js';
import type { CallContext } from '../../context.js';

/** The title a saved report is listed under. */
export function reportTitle(snapshot: ReportSnapshot): string {
  switch (snapshot.kind) {
    case 'setting':
      return `${reportKindLabels.setting}: ${snapshot.setting.name}`;
    case 'area':
      return `${reportKindLabels.area}: ${snapshot.scopeLabel}`;
    case 'child':
      return `${reportKindLabels.child}: ${snapshot.child.name}`;
  }
}

/**
 * Stores what a preview computed as a produced report, inside the caller's transaction (with its
 * audit row): a failure leaves nothing half-saved.
 */
export function storeReport(ctx: CallContext, snapshot: ReportSnapshot): Report {
  const account = ctx.session.account;
  const base = {
    title: reportTitle(snapshot),
    snapshot,
    producedByAccountId: account?.accountId ?? null,
    producedByName: account?.displayName ?? 'Unknown',
    producedAt: ctx.clock.now(),
  };
  const id =
    snapshot.kind === 'setting'
      ? ctx.repos.reports.insert({
          ...base,
          kind: 'setting',
          settingId: snapshot.setting.id,
          childId: null,
          settingIds: [snapshot.setting.id],
          periodLabel: snapshot.figures.period.label,
        })
      : snapshot.kind === 'area'
        ? ctx.repos.reports.insert({
            ...base,
            kind: 'area',
            settingId: null,
            childId: null,
            settingIds: snapshot.settingIds,
            periodLabel: snapshot.figures.period.label,
          })
        : ctx.repos.reports.insert({
            ...base,
            kind: 'child',
            settingId: ctx.repos.children.get(snapshot.child.id).settingId,
            childId: snapshot.child.id,
            settingIds: [ctx.repos.children.get(snapshot.child.id).settingId],
            periodLabel: `To ${snapshot.screenings.at(-1)?.date ?? ctx.clock.today()}`,
          });
  return ctx.repos.reports.get(id);
}

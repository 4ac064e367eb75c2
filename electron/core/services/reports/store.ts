import { reportKindLabels, type Report, type ReportSnapshot } from '../../../../shared/schemas/reports.js';
import { AppError } from '../../../../shared/errors.js';
import type { CallContext } from '../../context.js';
import { environmentError } from '../../db/errors.js';
import { isSqliteError } from '../../db/repos/rows.js';

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
 * Runs the insert, turning a database failure into words about the report: the registry's
 * general "breaks a rule of the stored data" says nothing about what was lost. The transaction
 * around the call is undone either way, so neither the report nor its audit row is kept.
 */
function saving(insert: () => string): string {
  try {
    return insert();
  } catch (err) {
    // Read-only, full or busy: the environment's own words say what to do about it.
    const environment = environmentError(err);
    if (environment) throw environment;
    if (isSqliteError(err)) {
      throw new AppError(
        'DATABASE',
        'The report could not be saved, so nothing was stored. Try producing it again; if that fails too, make a backup and ask for help.',
      );
    }
    throw err;
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
  const id = saving(() =>
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
          }),
  );
  return ctx.repos.reports.get(id);
}

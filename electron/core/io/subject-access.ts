import type { CoreContext } from '../context.js';

/**
 * Everything held about one child (a subject access request): their record, every screening
 * with its sections, their targets with every review, the progress summaries written about them, and the audit entries about them. Plain JSON, readable without the app.
 */
export function childRecords(ctx: CoreContext, childId: string): Record<string, unknown> {
  const child = ctx.repos.children.get(childId);
  const setting = ctx.repos.settings.get(child.settingId);
  return {
    exportedAt: ctx.clock.now(),
    about: 'All records Chatterbox holds about this child.',
    setting: { name: setting.name, urn: setting.urn },
    child,
    screenings: ctx.repos.screenings.listForChild(childId),
    targets: ctx.repos.targets.listForChild(childId).map((t) => ctx.repos.targets.getWithReviews(t.id)),
    progressSummaries: ctx.repos.reports.summariesOf(childId),
    auditTrail: ctx.repos.audit.list({ settingId: null, recordId: childId, method: null, actor: null, from: null, to: null, limit: 1000, offset: 0 }).rows,
  };
}

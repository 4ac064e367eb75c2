import { created, updated } from '../../../../shared/contract/facts.js';
import type { MethodName } from '../../../../shared/contract/index.js';
import { dueSoonUntil } from '../../../../shared/domain/screening.js';
import { settingTargetStatusLabels } from '../../../../shared/domain/settingTargets.js';
import { progressLabels, reviewIssues as targetReviewIssues } from '../../../../shared/domain/targets.js';
import { actionOverdue, doneDateIssues } from '../../../../shared/domain/visits.js';
import { AppError, validationError, type FieldIssue } from '../../../../shared/errors.js';
import { childListQuerySchema, type ChildRow } from '../../../../shared/schemas/children.js';
import type { Visit, VisitAgenda, VisitReviews, VisitSave } from '../../../../shared/schemas/visits.js';
import type { CallContext } from '../../context.js';
import { callerReach, keyChildrenOnly } from '../../api/access.js';
import { writeChange } from '../../api/audit-trail.js';
import { settingTargetReviewIssues } from '../../api/settingTargets.js';
import { checkAction, checkHeldVisit } from '../../api/visits.js';

// The visit agenda (issue 12): what is due at a setting on a visit's date, gathered from the
// queries that already answer each question (nothing here counts or defines anything anew), and
// the all-or-nothing save that records the visit with its reviews and actions.

type Path = (string | number)[];
const under = (path: Path, issues: FieldIssue[]): FieldIssue[] => issues.map((i) => ({ ...i, path: [...path, ...i.path] }));

/** A record looked up by an id the caller typed: null when there is none, so the save can name the field. */
function found<T>(get: () => T): T | null {
  try {
    return get();
  } catch (err) {
    if (err instanceof AppError && err.code === 'NOT_FOUND') return null;
    throw err;
  }
}

export function visitAgenda(ctx: CallContext, input: { settingId: string; date: string; visitId: string | null }): VisitAgenda {
  const { settingId, date } = input;
  const setting = ctx.repos.settings.get(settingId);
  let visit: Visit | null = null;
  if (input.visitId !== null) {
    visit = ctx.repos.visits.get(input.visitId);
    if (visit.settingId !== settingId) throw validationError([{ path: ['visitId'], message: 'This visit belongs to another setting' }]);
  }
  // A practitioner who sees only their key children sees only theirs here too.
  const keyPersonId = keyChildrenOnly(ctx, callerReach(ctx, ctx.session), settingId);
  // The children list's own query and filters, as the work lists use them: children on roll the
  // caller sees whose re-screen is overdue, and whose latest screening prompted a referral.
  const { notScreenedInRound: _none, ...defaults } = childListQuerySchema.parse({ settingId });
  const children = (filter: { reviewOverdue: true } | { referralPrompted: true }) =>
    // A negative LIMIT is no limit in SQLite: every child the filter finds.
    ctx.repos.children.list({ ...defaults, ...filter, keyPersonId, notScreenedIn: null, today: date, dueSoonUntil: dueSoonUntil(date), limit: -1 }).rows;
  const line = (c: ChildRow) => ({
    childId: c.id,
    firstName: c.firstName,
    lastName: c.lastName,
    colour: c.latestScreening?.colour ?? null,
    screeningDate: c.latestScreening?.screeningDate ?? null,
  });
  const scope = { settingId, localAuthority: null, settingType: null };
  const round = ctx.repos.rounds.windowFor(date);
  const lastHeld = ctx.repos.visits.settingFacts([settingId])[0]?.lastHeld ?? null;
  return {
    settingId,
    settingName: setting.name,
    date,
    visit,
    lastHeldDate: lastHeld?.heldDate ?? null,
    targetsDue: ctx.repos.targets.list({ settingId, status: null, reviewDueBy: date, keyPersonId, limit: 1000 }),
    overdueRescreens: children({ reviewOverdue: true }).map((c) => ({ ...line(c), reviewDate: c.latestScreening?.reviewDate ?? null })),
    redAmberWithoutTarget: ctx.repos.targets.redAmberWithoutTarget(settingId, keyPersonId),
    referralPrompts: children({ referralPrompted: true }).map(line),
    openActions: ctx.repos.visits
      .actions(settingId, false)
      .filter((a) => a.visitId !== visit?.id)
      .map((a) => ({ ...a, overdue: actionOverdue(a, date) })),
    settingTargets: ctx.repos.settingTargets.list({ settingId, status: null, search: '' }).filter((t) => t.status === 'planned' || t.status === 'in-progress'),
    headline: round ? { roundName: round.name, figures: ctx.repos.cohort.overview(scope, round, date) } : null,
    screenedSinceLastVisit: ctx.repos.cohort.screenedBetween(settingId, lastHeld?.heldDate ?? null, date),
  };
}

/** Every problem with a save, each named by its field path, found before anything is written. */
function saveIssues(ctx: CallContext, input: VisitSave): FieldIssue[] {
  const { settingId, id, targetReviews, settingTargetReviews, newActions, actionsDone, ...parts } = input;
  const today = ctx.clock.today();
  const issues = checkHeldVisit(ctx, settingId, id, parts);
  const seen = new Set<string>();
  targetReviews.forEach((r, i) => {
    const path = ['targetReviews', i];
    const target = found(() => ctx.repos.targets.get(r.targetId));
    if (!target) issues.push({ path: [...path, 'targetId'], message: 'This target was not found' });
    else if (target.settingId !== settingId) issues.push({ path: [...path, 'targetId'], message: 'This target is for a child in another setting' });
    else if (seen.has(target.id)) issues.push({ path: [...path, 'targetId'], message: 'This target is reviewed twice: keep one review' });
    else issues.push(...under(path, targetReviewIssues(target, r, today)));
    seen.add(r.targetId);
  });
  settingTargetReviews.forEach((r, i) => {
    const path = ['settingTargetReviews', i];
    if (!found(() => ctx.repos.settingTargets.get(r.settingTargetId)))
      issues.push({ path: [...path, 'settingTargetId'], message: 'This target was not found' });
    else if (seen.has(r.settingTargetId)) issues.push({ path: [...path, 'settingTargetId'], message: 'This target is reviewed twice: keep one review' });
    else issues.push(...under(path, settingTargetReviewIssues(ctx, r, settingId)));
    seen.add(r.settingTargetId);
  });
  newActions.forEach((a, i) => issues.push(...checkAction(ctx, settingId, parts.heldDate, a, ['newActions', i])));
  actionsDone.forEach((d, i) => {
    const path = ['actionsDone', i];
    const action = found(() => ctx.repos.visits.action(d.id));
    if (!action || action.settingId !== settingId) issues.push({ path: [...path, 'id'], message: 'This action is not one of this setting’s' });
    else if (action.doneDate !== null) issues.push({ path: [...path, 'id'], message: 'This action is already marked done' });
    else issues.push(...doneDateIssues(d.doneDate ?? parts.heldDate, action.visitDate, today, path));
  });
  return issues;
}

/**
 * The agenda's save: checks every part with the rules the single-record methods use, then writes
 * the visit, the reviews and the actions in the call's one transaction, with one audit row for
 * each record changed (the contract says `audit: self`, as one registry row cannot name them all).
 */
export function saveVisit(ctx: CallContext, method: MethodName, input: VisitSave): Visit {
  const { settingId, id, targetReviews, settingTargetReviews, newActions, actionsDone, ...parts } = input;
  ctx.repos.settings.requireOpen(settingId, 'recording a visit');
  const issues = saveIssues(ctx, input);
  if (issues.length > 0) throw validationError(issues, issues.length === 1 ? undefined : `Nothing was saved: ${issues.length} fields need attention`);
  const now = ctx.clock.now();
  const audit = (fact: Parameters<typeof writeChange>[2], before: object | null, after: object) => writeChange(ctx, method, fact, {}, before, after);

  const visitBefore = id === null ? null : ctx.repos.visits.get(id);
  const recorded = ctx.repos.visits.record(settingId, id, parts, now);
  audit(id === null ? created('visits') : updated('visits'), visitBefore, recorded);
  for (const { targetId, ...review } of targetReviews) {
    const before = ctx.repos.targets.get(targetId);
    audit(updated('targets'), before, ctx.repos.targets.addReview(targetId, review, now));
  }
  for (const { settingTargetId, ...review } of settingTargetReviews) {
    const before = ctx.repos.settingTargets.get(settingTargetId);
    ctx.repos.settingTargets.addReview(settingTargetId, review, now);
    audit(updated('setting_targets'), before, ctx.repos.settingTargets.get(settingTargetId));
  }
  for (const action of newActions) audit(created('visitActions'), null, ctx.repos.visits.addAction(recorded.id, action, now));
  const doneBy = ctx.session.account?.displayName ?? '';
  for (const d of actionsDone) {
    const before = ctx.repos.visits.action(d.id);
    audit(updated('visitActions'), before, ctx.repos.visits.setActionDone(d.id, d.doneDate ?? parts.heldDate, d.doneBy || doneBy, now));
  }
  return ctx.repos.visits.get(recorded.id);
}

/** The reviews recorded on a visit's date at its setting, for the printed summary. */
export function visitReviews(ctx: CallContext, visitId: string): VisitReviews {
  const visit = ctx.repos.visits.get(visitId);
  if (visit.heldDate === null) return { childTargets: [], settingTargets: [] };
  return {
    childTargets: ctx.repos.targets.reviewsOn(visit.settingId, visit.heldDate).map((r) => ({ ...r, progress: progressLabels[r.progress] })),
    settingTargets: ctx.repos.settingTargets.reviewsOn(visit.settingId, visit.heldDate).map((r) => ({ ...r, status: settingTargetStatusLabels[r.status] })),
  };
}

import type { settingTargetsContract } from '../../../shared/contract/settingTargets.js';
import { dueDateIssues, reviewIssues } from '../../../shared/domain/settingTargets.js';
import { AppError, validationError, type FieldIssue } from '../../../shared/errors.js';
import type { SettingTarget, SettingTargetReview } from '../../../shared/schemas/settingTargets.js';
import type { CoreContext } from '../context.js';
import type { ReviewFields, SettingTargetFields } from '../db/repos/settingTargets.js';
import type { DomainHandlers } from './types.js';

/**
 * Rules that need the clock or the database: the due date against today, the owner working in
 * the target's setting, and each linked strategy being the setting's own or the shared library's.
 * On an update, values the target already has are not checked again (an overdue due date, an
 * owner who has since left, a strategy since retired), so it can still be edited.
 */
function targetIssues(ctx: CoreContext, settingId: string, f: SettingTargetFields, current?: SettingTarget): FieldIssue[] {
  const issues = dueDateIssues(f.dueDate, ctx.clock.today(), current?.dueDate);
  if (f.ownerStaffId && f.ownerStaffId !== current?.ownerStaffId) {
    const person = ctx.repos.staff.list(settingId, true).find((s) => s.id === f.ownerStaffId);
    if (!person) issues.push({ path: ['ownerStaffId'], message: 'Choose an owner who works in this setting' });
    else if (person.archivedAt) issues.push({ path: ['ownerStaffId'], message: `${person.name} has left: choose another owner` });
  }
  const found = new Map(ctx.repos.settingTargets.strategies(f.strategyIds).map((s) => [s.id, s]));
  const alreadyLinked = new Set(current?.strategies.map((s) => s.id));
  f.strategyIds.forEach((id, i) => {
    const strategy = found.get(id);
    const path = ['strategyIds', i];
    if (!strategy || (strategy.settingId !== null && strategy.settingId !== settingId)) {
      issues.push({ path, message: 'Choose a strategy from this setting’s own or the shared library' });
    } else if (strategy.archivedAt && !alreadyLinked.has(id)) {
      issues.push({ path, message: `“${strategy.title}” has been retired: choose another strategy` });
    }
  });
  return issues;
}

/** A stopped target is kept as it was: the history of why it stopped stays true. */
function requireNotStopped(target: SettingTarget, doing: string): void {
  if (target.status === 'stopped') throw new AppError('CONFLICT', `This target has been stopped, so it cannot be ${doing}. Agree a new target instead.`);
}

/**
 * Everything wrong with one review of one target, with paths of the review's own fields. The
 * visit agenda's save calls this for every whole-setting target review first (prefixing the
 * paths with where each review sits), then `ctx.repos.settingTargets.addReview` for each.
 */
export function settingTargetReviewIssues(ctx: CoreContext, review: { settingTargetId: string } & ReviewFields, settingId?: string): FieldIssue[] {
  const target = ctx.repos.settingTargets.get(review.settingTargetId);
  // An agenda for one setting must not carry another setting's target.
  if (settingId !== undefined && target.settingId !== settingId) return [{ path: ['settingTargetId'], message: 'Choose a target of this setting' }];
  return reviewIssues(target, review, ctx.clock.today());
}

/** Checks and records one review (the review method, and any caller already in a transaction). */
export function recordSettingTargetReview(ctx: CoreContext, review: { settingTargetId: string } & ReviewFields): SettingTargetReview {
  const issues = settingTargetReviewIssues(ctx, review);
  if (issues.length > 0) throw validationError(issues);
  return ctx.repos.settingTargets.addReview(review.settingTargetId, review, ctx.clock.now());
}

export const settingTargetsHandlers = {
  'settingTargets.list': (ctx, input) => {
    ctx.repos.settings.get(input.settingId);
    return ctx.repos.settingTargets.list(input);
  },
  'settingTargets.get': (ctx, input) => ctx.repos.settingTargets.detail(input.id),
  'settingTargets.create': (ctx, { settingId, status, ...fields }) => {
    ctx.repos.settings.requireOpen(settingId, 'adding to it');
    const issues = targetIssues(ctx, settingId, fields);
    if (issues.length > 0) throw validationError(issues);
    return ctx.repos.settingTargets.create(settingId, fields, status, ctx.clock.now());
  },
  'settingTargets.update': (ctx, { id, ...fields }) => {
    const current = ctx.repos.settingTargets.get(id);
    requireNotStopped(current, 'changed');
    const issues = targetIssues(ctx, current.settingId, fields, current);
    if (issues.length > 0) throw validationError(issues);
    return ctx.repos.settingTargets.update(id, fields, ctx.clock.now());
  },
  'settingTargets.review': (ctx, input) => {
    recordSettingTargetReview(ctx, input);
    return ctx.repos.settingTargets.get(input.settingTargetId);
  },
  'settingTargets.stop': (ctx, input) => {
    const target = ctx.repos.settingTargets.get(input.id);
    requireNotStopped(target, 'stopped again');
    const reviewer = ctx.session.account?.displayName ?? 'Not signed in';
    ctx.repos.settingTargets.addReview(
      target.id,
      { reviewDate: ctx.clock.today(), reviewer, note: input.reason, evidence: '', status: 'stopped' },
      ctx.clock.now(),
    );
    return ctx.repos.settingTargets.get(target.id);
  },
  'settingTargets.remove': (ctx, input) => {
    const target = ctx.repos.settingTargets.get(input.id);
    if (target.reviewCount > 0) {
      throw new AppError('CONFLICT', 'This target has been reviewed, so it is kept with its history: stop it instead of removing it.');
    }
    ctx.repos.settingTargets.remove(target.id);
    return { id: target.id };
  },
} satisfies DomainHandlers<typeof settingTargetsContract>;

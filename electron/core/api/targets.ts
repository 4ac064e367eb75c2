import type { targetsContract } from '../../../shared/contract/targets.js';
import { childOnRollIssues, reviewIssues, stopIssues, targetDateIssues, unchangeableIssues } from '../../../shared/domain/targets.js';
import { validationError, type FieldIssue } from '../../../shared/errors.js';
import type { CoreContext } from '../context.js';
import type { TargetFields } from '../db/repos/targets.js';
import { callerReach, keyChildrenOnly } from './access.js';
import type { DomainHandlers } from './types.js';

/**
 * The strategies a target names must be in the library the child's setting sees (shared, or the
 * setting's own) and not archived. Ones the target already has are not checked again, so a target
 * keeps a strategy archived after it was chosen.
 */
function strategyIssues(ctx: CoreContext, settingId: string, ids: readonly string[], current: readonly string[] = []): FieldIssue[] {
  const found = new Map(ctx.repos.strategies.byIds(ids).map((s) => [s.id, s]));
  return ids.flatMap((id, i): FieldIssue[] => {
    if (current.includes(id)) return [];
    const s = found.get(id);
    if (!s || (s.settingId !== null && s.settingId !== settingId)) return [{ path: ['strategyIds', i], message: 'Choose a strategy from the library' }];
    if (s.archivedAt) return [{ path: ['strategyIds', i], message: `${s.title} is archived: choose another strategy` }];
    return [];
  });
}

function throwIf(issues: FieldIssue[]): void {
  if (issues.length > 0) throw validationError(issues);
}

function fieldsOf(input: TargetFields): TargetFields {
  const { section, aim, activities, deliveredBy, howOften, place, startDate, reviewDate, strategyIds } = input;
  return { section, aim, activities, deliveredBy, howOften, place, startDate, reviewDate, strategyIds: [...new Set(strategyIds)] };
}

export const targetsHandlers = {
  'targets.listForChild': (ctx, input) => {
    ctx.repos.children.get(input.childId);
    return ctx.repos.targets.listForChild(input.childId);
  },
  'targets.list': (ctx, input) => {
    ctx.repos.settings.get(input.settingId);
    const keyPersonId = keyChildrenOnly(ctx, callerReach(ctx, ctx.session), input.settingId);
    return ctx.repos.targets.list({ ...input, keyPersonId });
  },
  'targets.get': (ctx, input) => ctx.repos.targets.getWithReviews(input.id),
  'targets.suggest': (ctx, input) => {
    const s = ctx.repos.screenings.get(input.screeningId);
    return {
      screeningId: s.id,
      screeningDate: s.screeningDate,
      workingAtSection: s.workingAtSection,
      activitySection: s.activitySection,
      itemsNotPassed: s.sections.flatMap((sec) => sec.itemsNotPassed.map((item) => ({ section: sec.section, item }))),
    };
  },
  'targets.create': (ctx, input) => {
    const child = ctx.repos.children.get(input.childId);
    const f = fieldsOf(input);
    const issues = [...childOnRollIssues(child), ...targetDateIssues(f), ...strategyIssues(ctx, child.settingId, f.strategyIds)];
    if (input.screeningId && !ctx.repos.screenings.listForChild(child.id).some((s) => s.id === input.screeningId)) {
      issues.push({ path: ['screeningId'], message: `Choose one of ${child.firstName}'s screenings` });
    }
    throwIf(issues);
    return ctx.repos.targets.create(child.id, input.screeningId, f, ctx.clock.now());
  },
  'targets.update': (ctx, input) => {
    const target = ctx.repos.targets.get(input.id);
    throwIf(unchangeableIssues(target));
    const f = fieldsOf(input);
    const current = target.strategies.map((s) => s.id);
    throwIf([...targetDateIssues(f), ...strategyIssues(ctx, target.settingId, f.strategyIds, current)]);
    return ctx.repos.targets.update(target.id, f, ctx.clock.now());
  },
  'targets.review': (ctx, { targetId, ...review }) => {
    const target = ctx.repos.targets.get(targetId);
    throwIf(reviewIssues(target, review, ctx.clock.today()));
    return ctx.repos.targets.addReview(target.id, review, ctx.clock.now());
  },
  'targets.stop': (ctx, input) => {
    const target = ctx.repos.targets.get(input.id);
    throwIf(stopIssues(target, input.stoppedOn, ctx.clock.today()));
    return ctx.repos.targets.stop(target.id, input.stoppedOn, input.reason, ctx.clock.now());
  },
} satisfies DomainHandlers<typeof targetsContract>;

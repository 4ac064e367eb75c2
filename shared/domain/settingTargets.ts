import type { FieldIssue } from '../errors.js';
import { addMonths, compareIsoDates, isIsoDate } from './dates.js';

// The rules of whole-setting targets, in one place for every door: the API's create, update,
// review and stop, the visit agenda's all-or-nothing save, and the forms. Pure functions of the
// values given (and today's date where a rule needs it), so each caller passes its own clock.

/**
 * Where a whole-setting target stands. Planned: agreed, not started. In progress: being put into
 * practice. Achieved: seen in practice at a review. Stopped: dropped (no longer a priority, or
 * replaced); a stopped target is kept for the history but never reviewed or changed again.
 */
export const settingTargetStatuses = ['planned', 'in-progress', 'achieved', 'stopped'] as const;
export type SettingTargetStatus = (typeof settingTargetStatuses)[number];
export const settingTargetStatusLabels: Record<SettingTargetStatus, string> = {
  planned: 'Planned',
  'in-progress': 'In progress',
  achieved: 'Achieved',
  stopped: 'Stopped',
};

/**
 * The moves a review may make (staying put is always allowed, except on a stopped target). Work
 * starts or is met or dropped; an achieved target can slip back into progress when a later visit
 * finds the practice has lapsed; nothing goes back to planned, and stopped is final (agree a new
 * target instead, so the history of the old one stays true).
 */
const moves: Record<SettingTargetStatus, readonly SettingTargetStatus[]> = {
  planned: ['in-progress', 'achieved', 'stopped'],
  'in-progress': ['achieved', 'stopped'],
  achieved: ['in-progress', 'stopped'],
  stopped: [],
};

/** The statuses a target in `from` may be left in by a review, its own first. */
export function nextStatuses(from: SettingTargetStatus): SettingTargetStatus[] {
  return from === 'stopped' ? [] : [from, ...moves[from]];
}

/** Statuses a new target may start in: it cannot start achieved or stopped. */
export const startingStatuses = ['planned', 'in-progress'] as const satisfies readonly SettingTargetStatus[];

/** The furthest ahead a due date may be before we assume the year was mistyped. */
export const furthestDueYears = 5;

const realDate = (d: unknown): d is string => typeof d === 'string' && isIsoDate(d);

/** Owner: a member of staff or a typed name, exactly one of them (the form offers both). */
export function ownerIssues(v: { ownerStaffId: string | null; ownerName: string }): FieldIssue[] {
  if (v.ownerStaffId === null && v.ownerName === '') {
    return [{ path: ['ownerName'], message: 'Choose who owns this target, or type their name' }];
  }
  if (v.ownerStaffId !== null && v.ownerName !== '') {
    return [{ path: ['ownerName'], message: 'Choose a member of staff or type a name, not both' }];
  }
  return [];
}

/**
 * A due date against today: a new or moved due date cannot be in the past (a target already
 * overdue is agreed with a new date), nor years ahead. Unchanged dates are not checked again, so
 * an overdue target can still be edited: pass the stored date as `current`.
 */
export function dueDateIssues(dueDate: string, today: string, current?: string): FieldIssue[] {
  if (!realDate(dueDate) || !realDate(today) || dueDate === current) return [];
  if (compareIsoDates(dueDate, today) < 0) return [{ path: ['dueDate'], message: 'Due date must be today or later' }];
  if (compareIsoDates(dueDate, addMonths(today, furthestDueYears * 12)) > 0) {
    return [{ path: ['dueDate'], message: `Due date is more than ${furthestDueYears} years ahead: check the year` }];
  }
  return [];
}

/** What the review rules need to know of the target. */
export interface ReviewedTarget {
  status: SettingTargetStatus;
  /** When the target was agreed (its created timestamp): no review can come before it. */
  createdAt: string;
}

/** A review as typed: the date, and the status it leaves the target in. */
export interface ReviewFacts {
  reviewDate: string;
  status: SettingTargetStatus;
}

/**
 * The review rules: never on a stopped target, dated between the day the target was agreed and
 * today, and leaving it in a status it may move to. Paths are the review input's own fields
 * (settingTargetId for the target itself); the agenda prefixes them with where the review sits.
 */
export function reviewIssues(target: ReviewedTarget, review: ReviewFacts, today: string): FieldIssue[] {
  if (target.status === 'stopped') {
    return [{ path: ['settingTargetId'], message: 'This target has been stopped, so it cannot be reviewed. Agree a new target instead.' }];
  }
  const issues: FieldIssue[] = [];
  const agreed = target.createdAt.slice(0, 10);
  if (realDate(review.reviewDate) && realDate(today) && compareIsoDates(review.reviewDate, today) > 0) {
    issues.push({ path: ['reviewDate'], message: 'Review date must be today or in the past' });
  } else if (realDate(review.reviewDate) && realDate(agreed) && compareIsoDates(review.reviewDate, agreed) < 0) {
    issues.push({ path: ['reviewDate'], message: 'Review date must be on or after the day the target was agreed' });
  }
  if (!nextStatuses(target.status).includes(review.status)) {
    const from = settingTargetStatusLabels[target.status].toLowerCase();
    const to = settingTargetStatusLabels[review.status].toLowerCase();
    issues.push({ path: ['status'], message: `A target that is ${from} cannot become ${to}` });
  }
  return issues;
}

/** Overdue: past its due date and still open (planned or in progress). */
export function isOverdue(target: { status: SettingTargetStatus; dueDate: string }, today: string): boolean {
  return (target.status === 'planned' || target.status === 'in-progress') && compareIsoDates(target.dueDate, today) < 0;
}

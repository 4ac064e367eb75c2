import type { FieldIssue } from '../errors.js';
import { addDays, compareIsoDates, daysBetween, formatUkDate } from './dates.js';

// The rules for children's targets, in one place so the target form, the API and the visit
// agenda's all-or-nothing save apply the same ones. Every function returns the problems found
// (field paths relative to the record checked), so a caller saving many records can prefix them.
//
// How a target's status moves:
//   active -> active (a review that carries on, moving the review date on)
//   active -> achieved | partly-achieved | not-achieved (a review that closes it)
//   active -> stopped (stopped, with a reason: the child's needs changed, a referral took over)
// A closed or stopped target is history: nothing changes it afterwards, not an edit, a review or
// a stop, so what was agreed and reviewed stays as it was. Work that carries on is a new target
// (the form offers to start one from the old), and the whole record goes only when the child's
// records are purged under the retention policy.

export const targetStatuses = ['active', 'achieved', 'partly-achieved', 'not-achieved', 'stopped'] as const;
export type TargetStatus = (typeof targetStatuses)[number];

export const targetStatusLabels: Record<TargetStatus, string> = {
  active: 'Active',
  achieved: 'Achieved',
  'partly-achieved': 'Partly achieved',
  'not-achieved': 'Not achieved',
  stopped: 'Stopped',
};

/** What a review may leave a target as: carrying on, or closed with how it went. */
export const reviewOutcomes = ['active', 'achieved', 'partly-achieved', 'not-achieved'] as const;
export type ReviewOutcome = (typeof reviewOutcomes)[number];

export const reviewOutcomeLabels: Record<ReviewOutcome, string> = {
  active: 'Carry on: review again',
  achieved: 'Close: achieved',
  'partly-achieved': 'Close: partly achieved',
  'not-achieved': 'Close: not achieved',
};

/** How far the child has come since the last review, as the reviewer judges it. */
export const progressRatings = ['none', 'some', 'good', 'met'] as const;
export type ProgressRating = (typeof progressRatings)[number];

export const progressLabels: Record<ProgressRating, string> = {
  none: 'No progress yet',
  some: 'Some progress',
  good: 'Good progress',
  met: 'Target met',
};

/** The statuses a target may move to from `from`; empty for a closed or stopped target. */
export function allowedNextStatuses(from: TargetStatus): readonly TargetStatus[] {
  return from === 'active' ? targetStatuses : [];
}

export function canMove(from: TargetStatus, to: TargetStatus): boolean {
  return allowedNextStatuses(from).includes(to);
}

export function isOpen(status: TargetStatus): boolean {
  return status === 'active';
}

/** Due for review on `onDate`: active, and its review date is on or before that date. */
export function isDueForReview(target: { status: TargetStatus; reviewDate: string }, onDate: string): boolean {
  return target.status === 'active' && compareIsoDates(target.reviewDate, onDate) <= 0;
}

/**
 * The last day of "this week" for the work list "target reviews due this week": the Sunday of the
 * Monday-to-Sunday week `today` falls in (today itself on a Sunday). Reviews already overdue count
 * too: they are still waiting to be done this week.
 */
export function endOfWeek(today: string): string {
  // 4 January 1970 was a Sunday: the days since then, modulo 7, are the days since the last Sunday.
  const sinceSunday = ((daysBetween('1970-01-04', today) % 7) + 7) % 7;
  return sinceSunday === 0 ? today : addDays(today, 7 - sinceSunday);
}

const closedMessage = (status: TargetStatus) =>
  status === 'stopped'
    ? 'This target was stopped: a stopped target cannot be changed. Start a new target instead.'
    : `This target is closed (${targetStatusLabels[status].toLowerCase()}): a closed target cannot be changed. Start a new target instead.`;

/** A closed or stopped target refuses every change; the message names the status. */
export function unchangeableIssues(target: { status: TargetStatus }, path = 'id'): FieldIssue[] {
  return isOpen(target.status) ? [] : [{ path: [path], message: closedMessage(target.status) }];
}

/** A new target needs a child still on roll. */
export function childOnRollIssues(child: { archivedAt: string | null; firstName: string }): FieldIssue[] {
  return child.archivedAt ? [{ path: ['childId'], message: `${child.firstName} has left: targets are only set for children on roll` }] : [];
}

/** Start and review dates of a target: the review is on or after the start. */
export function targetDateIssues(t: { startDate: string; reviewDate: string }): FieldIssue[] {
  return compareIsoDates(t.reviewDate, t.startDate) < 0 ? [{ path: ['reviewDate'], message: 'The review date must be on or after the start date' }] : [];
}

export interface ReviewFields {
  reviewDate: string;
  status: ReviewOutcome;
  nextReviewDate: string | null;
}

/**
 * One review of one target, on `today`: the target must be active (not stopped or closed), the
 * review not before the target started nor in the future, and a target that carries on needs a
 * next review date after this review; one that closes has none.
 */
export function reviewIssues(target: { status: TargetStatus; startDate: string }, review: ReviewFields, today: string): FieldIssue[] {
  if (target.status === 'stopped') return [{ path: ['targetId'], message: 'This target was stopped: a stopped target cannot be reviewed' }];
  if (!isOpen(target.status)) return [{ path: ['targetId'], message: closedMessage(target.status) }];
  const issues: FieldIssue[] = [];
  if (compareIsoDates(review.reviewDate, target.startDate) < 0) {
    issues.push({ path: ['reviewDate'], message: `The review date must be on or after the target's start date, ${formatUkDate(target.startDate)}` });
  } else if (compareIsoDates(review.reviewDate, today) > 0) {
    issues.push({ path: ['reviewDate'], message: 'The review date must be today or earlier' });
  }
  if (review.status === 'active') {
    if (!review.nextReviewDate) issues.push({ path: ['nextReviewDate'], message: 'Enter the next review date, as the target carries on' });
    else if (compareIsoDates(review.nextReviewDate, review.reviewDate) <= 0) {
      issues.push({ path: ['nextReviewDate'], message: 'The next review date must be after the review date' });
    }
  } else if (review.nextReviewDate) {
    issues.push({ path: ['nextReviewDate'], message: 'A target closed by this review has no next review date: leave it empty' });
  }
  return issues;
}

/** Stopping: only an active target, on or after its start date and not in the future. */
export function stopIssues(target: { status: TargetStatus; startDate: string }, stoppedOn: string, today: string): FieldIssue[] {
  if (!isOpen(target.status)) return unchangeableIssues(target);
  if (compareIsoDates(stoppedOn, target.startDate) < 0) return [{ path: ['stoppedOn'], message: 'The stop date must be on or after the start date' }];
  if (compareIsoDates(stoppedOn, today) > 0) return [{ path: ['stoppedOn'], message: 'The stop date must be today or earlier' }];
  return [];
}

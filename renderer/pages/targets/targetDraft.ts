import { addWeeks } from '../../../shared/domain/dates.js';
import type { ReviewOutcome, ProgressRating } from '../../../shared/domain/targets.js';
import type { Target, TargetSuggestion } from '../../../shared/schemas/targets.js';
import { fromUkInput, toUkInput } from '../../lib/format.js';

// What the target and review forms hold as typed (dates as dd/mm/yyyy), and how that becomes an
// API input. Kept apart from the components so the rules about starting points and defaults are
// tested without a browser.

/** Targets are usually reviewed about six weeks on, a half term: the form's first suggestion. */
export const reviewWeeks = 6;

export interface TargetValues {
  section: string;
  aim: string;
  activities: string;
  deliveredBy: string;
  howOften: string;
  place: string;
  startDate: string;
  reviewDate: string;
  strategyIds: string[];
}

export function emptyTarget(today: string, suggestion?: TargetSuggestion | null): TargetValues {
  return {
    section: suggestion?.activitySection ? String(suggestion.activitySection) : '',
    aim: '',
    activities: '',
    deliveredBy: '',
    howOften: '',
    place: '',
    startDate: toUkInput(today),
    reviewDate: toUkInput(addWeeks(today, reviewWeeks)),
    strategyIds: [],
  };
}

export function targetValues(t: Target): TargetValues {
  return {
    section: t.section === null ? '' : String(t.section),
    aim: t.aim,
    activities: t.activities,
    deliveredBy: t.deliveredBy,
    howOften: t.howOften,
    place: t.place,
    startDate: toUkInput(t.startDate),
    reviewDate: toUkInput(t.reviewDate),
    strategyIds: t.strategies.map((s) => s.id),
  };
}

/** The fields the API takes, from what was typed: dates to ISO, an empty section to none. */
export function targetFields(v: TargetValues) {
  return {
    section: v.section === '' ? null : Number(v.section),
    aim: v.aim,
    activities: v.activities,
    deliveredBy: v.deliveredBy,
    howOften: v.howOften,
    place: v.place,
    startDate: fromUkInput(v.startDate),
    reviewDate: fromUkInput(v.reviewDate),
    strategyIds: v.strategyIds,
  };
}

/**
 * An item not passed, offered as a starting point: the section it is from, and the words
 * "what the child will do" starts with. Item wording is the handbook's (licensed), so only its
 * number is named; the practitioner writes the target in their own words after it.
 */
export function startFromItem(v: TargetValues, item: { section: number; item: number }): TargetValues {
  const lead = `Section ${item.section}, item ${item.item}: `;
  const rest = v.aim.replace(/^Section \d+, item \d+: /, '');
  return { ...v, section: String(item.section), aim: `${lead}${rest}` };
}

/** Items not passed in the activity section first: that is where targets are chosen from. */
export function startingPoints(s: TargetSuggestion): { section: number; item: number; inActivitySection: boolean }[] {
  const all = s.itemsNotPassed.map((i) => ({ ...i, inActivitySection: i.section === s.activitySection }));
  return [...all.filter((i) => i.inActivitySection), ...all.filter((i) => !i.inActivitySection)];
}

export interface ReviewValues {
  reviewDate: string;
  reviewer: string;
  progress: ProgressRating | '';
  note: string;
  status: ReviewOutcome | '';
  nextReviewDate: string;
}

export function emptyReview(today: string, reviewer: string): ReviewValues {
  return { reviewDate: toUkInput(today), reviewer, progress: '', note: '', status: 'active', nextReviewDate: toUkInput(addWeeks(today, reviewWeeks)) };
}

/** A closing review has no next date, whatever was left in the box. */
export function reviewFields(targetId: string, v: ReviewValues) {
  return {
    targetId,
    reviewDate: fromUkInput(v.reviewDate),
    reviewer: v.reviewer,
    progress: v.progress || undefined,
    note: v.note,
    status: v.status || undefined,
    nextReviewDate: v.status === 'active' ? fromUkInput(v.nextReviewDate) : null,
  };
}

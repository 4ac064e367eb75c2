import { plural } from '../../../shared/domain/words.js';
import { greenGapPoints as sharedGreenGap, restOf } from '../../../shared/domain/green-gap.js';
import type { CohortGrouping, RagCounts } from '../../../shared/schemas/cohort.js';

/**
 * A grouping as it reads inside a sentence ("By sex", "the table by SEND stage"): lower case
 * except where the words are an abbreviation or a name, and never an abbreviation a new user
 * would have to know (EAL).
 */
export const groupingPhrase: Record<CohortGrouping, string> = {
  ageSection: 'age section',
  sex: 'sex',
  eal: 'English as an additional language',
  sendStage: 'SEND stage',
  ethnicity: 'ethnicity',
  funded2: 'funded 2-year-old place',
  eypp: 'early years pupil premium',
  room: 'room',
  keyPerson: 'key person',
  seasonOfBirth: 'season of birth',
  setting: 'setting',
};

export const colourWords = { red: 'Red', amber: 'Amber', green: 'Green' } as const;
/** Always this order, in tables, legends and lists: the most urgent first. */
export const colourOrder = ['red', 'amber', 'green'] as const;

/** "2 (100%)": a share never shown without the number of children behind it. */
export function countWithShare(n: number, total: number): string {
  return `${n} (${total === 0 ? 0 : Math.round((n / total) * 100)}%)`;
}

/**
 * How many percentage points a group's share of Green differs from everyone else's in the same
 * table (the total less the group): shared/domain/green-gap.ts, the one definition.
 */
export function greenGapPoints(group: RagCounts, all: RagCounts): number | null {
  return sharedGreenGap(group, restOf(group, all));
}

/** "+5 points", "−12 points" (a true minus sign), "0 points", "–" when there is no gap to show. */
export function formatGap(points: number | null): string {
  if (points === null) return '–';
  const sign = points > 0 ? '+' : points < 0 ? '−' : '';
  return `${sign}${plural(Math.abs(points), 'point')}`;
}

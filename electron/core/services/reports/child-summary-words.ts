import type { Colour, InstrumentSection } from '../../../../shared/domain/screening.js';
import { formatUkDate } from '../../../../shared/domain/dates.js';
import { progressLabels, type ProgressRating, type ReviewOutcome, type TargetStatus } from '../../../../shared/domain/targets.js';
import type { ChildSummaryAudience } from '../../../../shared/schemas/reports.js';

// The wording of a child's progress summary, kept apart from the data it reads so every sentence
// a parent sees is in one place. It is our own wording: never the screening toolkit's, whose
// text is licensed. Nothing here may print a section number, a code or a stored status key:
// the reader is a parent or a teacher who has never seen the app.

/** "2 years 3 months", "11 months": an age as people say it. */
export function ageInWords(months: number): string {
  const years = Math.floor(months / 12);
  const rest = months % 12;
  const m = `${rest} ${rest === 1 ? 'month' : 'months'}`;
  if (years === 0) return m;
  const y = `${years} ${years === 1 ? 'year' : 'years'}`;
  return rest === 0 ? y : `${y} ${m}`;
}

const range = (s: InstrumentSection) => `${s.minMonths} to ${s.maxMonths} months`;

/**
 * The working-at level in words, from the month range of the instrument's section (the ranges
 * are the setting's own data, so a changed instrument changes the words, never the code).
 */
export function workingAtWords(f: {
  ageMonths: number;
  workingAt: InstrumentSection | undefined;
  lowestTried: InstrumentSection | undefined;
  stoppedEarly: boolean;
}): string {
  const age = `Aged ${ageInWords(f.ageMonths)}`;
  const stopped = f.stoppedEarly ? ' The check stopped before it was finished, so it will be done again soon.' : '';
  if (f.workingAt) return `${age}: understanding and talking at about the level expected at ${range(f.workingAt)}.${stopped}`;
  if (f.stoppedEarly || !f.lowestTried) return `${age}: the check stopped before it showed a level, so it will be done again soon.`;
  return `${age}: not yet at the level expected at ${range(f.lowestTried)}, the earliest level checked.`;
}

export const colourWords: Record<Colour, string> = { green: 'Green', amber: 'Amber', red: 'Red' };

/** What the colour means for this child, addressed to parents or to the next setting. */
export function colourMeaning(colour: Colour, firstName: string, audience: ChildSummaryAudience): string {
  const family = audience === 'parents' ? 'you' : 'the family';
  switch (colour) {
    case 'green':
      return `${firstName}'s understanding and talking were where we would expect for their age.`;
    case 'amber':
      return `${firstName} was a little behind what we would expect for their age. The setting gave some extra help through everyday play and planned to check again within a few months.`;
    case 'red':
      return `${firstName} needed more help than most children of the same age. The setting gave extra support and planned to talk with ${family} about advice from a speech and language specialist.`;
  }
}

/** Where a target stands, in words (closed and stopped targets say when). */
export function targetStatusWords(t: { status: TargetStatus; reviewDate: string; closedOn: string | null; stoppedReason: string }): string {
  const on = t.closedOn ? ` on ${formatUkDate(t.closedOn)}` : '';
  switch (t.status) {
    case 'active':
      return `Still being worked on; next check due ${formatUkDate(t.reviewDate)}`;
    case 'achieved':
      return `Achieved${on}`;
    case 'partly-achieved':
      return `Partly achieved${on}`;
    case 'not-achieved':
      return `Closed${on} before it was achieved, to try a different way`;
    case 'stopped':
      return `Stopped${on}${t.stoppedReason ? `: ${t.stoppedReason}` : ''}`;
  }
}

const outcomeWords: Record<Exclude<ReviewOutcome, 'active'>, string> = {
  achieved: 'the target was achieved',
  'partly-achieved': 'the target was partly achieved',
  'not-achieved': 'the target was closed to try a different way',
};

/** A review's progress in words, with what it decided when it closed the target. */
export function reviewProgressWords(progress: ProgressRating, status: ReviewOutcome): string {
  return status === 'active' ? progressLabels[progress] : `${progressLabels[progress]}; ${outcomeWords[status]}`;
}

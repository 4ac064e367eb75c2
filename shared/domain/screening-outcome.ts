import { addWeeks, ageInCompletedMonths } from './dates.js';
import {
  activitySection,
  lowestSectionTried,
  nextSectionToTry,
  nextReviewDate,
  overallColour,
  referralPrompt,
  resolveSectionResults,
  sectionForAge,
  sectionsBehind,
  topSection,
  workingAtSection,
  type Colour,
  type InstrumentSection,
  type ResolvedSectionResult,
  type ReviewIntervals,
  type SectionResult,
  type ValidationIssue,
} from './screening.js';
import { validateSectionResults } from './screening-validation.js';

// Everything the app concludes from one screening, in one place: the form shows it live while
// the practitioner types, and the core stores it when the screening is saved, from the same code.

export interface ScreeningOutcomeInput {
  sections: readonly InstrumentSection[];
  dateOfBirth: string;
  screeningDate: string;
  results: readonly SectionResult[];
  concernRaised: boolean;
  intervals: ReviewIntervals;
  /** Marked as stopped before a Green section (the child was unsettled, time ran out). */
  stoppedEarly: boolean;
  /** Why it stopped early: required when it did. */
  stoppedEarlyReason: string;
}

export interface ScreeningOutcome {
  ageMonths: number;
  ageSection: number | null;
  resolved: ResolvedSectionResult[];
  /** Problems with the entries; the outcome below is only meaningful when this is empty. */
  issues: ValidationIssue[];
  /** The section to screen next: the last one again while it has no colour, null when done. */
  nextSection: number | null;
  /** False when the screening stopped early, before a Green section (or section 1). */
  complete: boolean;
  colour: Colour | null;
  workingAt: number | null;
  activitySection: number | null;
  sectionsBehind: number | null;
  referral: { prompted: boolean; reasons: string[] };
  reviewDate: string | null;
  /** What the app suggests doing; the practitioner may choose otherwise. */
  suggestedAction: 'universal' | 'targeted' | 'referral';
}

export function screeningOutcome(input: ScreeningOutcomeInput): ScreeningOutcome {
  const ageMonths = ageInCompletedMonths(input.dateOfBirth, input.screeningDate);
  const ageSection = sectionForAge(input.sections, ageMonths);
  const resolved = resolveSectionResults(input.sections, input.results);
  const issues = validateSectionResults(input.sections, ageSection, input.results);
  const nextSection = nextSectionToTry(ageSection, resolved);
  if (issues.length === 0) issues.push(...stoppingIssues(input, nextSection, resolved));
  const complete = nextSection === null;
  const workingAt = workingAtSection(resolved);
  const colour = overallColour(resolved);
  const referral = referralPrompt({ ageSection, resolved, concernRaised: input.concernRaised });
  const top = topSection(input.sections) ?? 1;
  return {
    ageMonths,
    ageSection,
    resolved,
    issues,
    nextSection,
    complete,
    colour,
    workingAt,
    activitySection: activitySection(workingAt, lowestSectionTried(resolved), top),
    sectionsBehind: ageSection === null ? null : sectionsBehind(ageSection, workingAt),
    referral,
    reviewDate: !colour
      ? null
      : complete
        ? nextReviewDate(input.screeningDate, colour, input.intervals)
        : // A screening that stops early is real but tells too little: it is re-screened soon,
          // after the setting's own interval for it.
          addWeeks(input.screeningDate, input.intervals.stoppedEarlyWeeks),
    suggestedAction: referral.prompted ? 'referral' : colour === 'green' ? 'universal' : 'targeted',
  };
}

/**
 * The one rule on finishing, for the form, the API and every import: a screening goes down to a
 * Green section (or section 1), unless it is marked as stopped early with a reason.
 */
function stoppingIssues(input: ScreeningOutcomeInput, nextSection: number | null, resolved: readonly ResolvedSectionResult[]): ValidationIssue[] {
  const last = resolved[resolved.length - 1];
  if (nextSection !== null && !input.stoppedEarly && last) {
    return [
      {
        path: ['sections'],
        message: `The screening is not finished: section ${last.section} was not Green, so section ${nextSection} comes next. Screen section ${nextSection}, or mark the screening as stopped early and say why.`,
      },
    ];
  }
  if (nextSection === null && input.stoppedEarly) {
    return [
      {
        path: ['stoppedEarly'],
        message: 'The screening did not stop early: it went down to a Green section (or section 1). Untick “Stopped early”.',
      },
    ];
  }
  if (input.stoppedEarly && input.stoppedEarlyReason.trim() === '') {
    return [{ path: ['stoppedEarlyReason'], message: 'Say why the screening stopped early (for example, the child was unsettled)' }];
  }
  return [];
}

import { ageInCompletedMonths } from './dates.js';
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
}

export interface ScreeningOutcome {
  ageMonths: number;
  ageSection: number | null;
  resolved: ResolvedSectionResult[];
  /** Problems with the entries; the outcome below is only meaningful when this is empty. */
  issues: ValidationIssue[];
  /** The section to screen next: the last one again while it has no colour, null when done. */
  nextSection: number | null;
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
  const workingAt = workingAtSection(resolved);
  const colour = overallColour(resolved);
  const referral = referralPrompt({ ageSection, resolved, concernRaised: input.concernRaised });
  const top = topSection(input.sections) ?? 1;
  return {
    ageMonths,
    ageSection,
    resolved,
    issues,
    nextSection: nextSectionToTry(ageSection, resolved),
    colour,
    workingAt,
    activitySection: activitySection(workingAt, lowestSectionTried(resolved), top),
    sectionsBehind: ageSection === null ? null : sectionsBehind(ageSection, workingAt),
    referral,
    reviewDate: colour ? nextReviewDate(input.screeningDate, colour, input.intervals) : null,
    suggestedAction: referral.prompted ? 'referral' : colour === 'green' ? 'universal' : 'targeted',
  };
}

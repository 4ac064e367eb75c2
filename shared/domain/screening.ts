// Rules for a WellComm-style screening. The instrument (age bands, item counts, cut-offs) is data
// passed in by the caller: the real cut-offs are licensed and are entered by each setting's
// administrator, so nothing here may depend on particular numbers.

import { addDays, addMonths, addWeeks, daysBetween } from './dates.js';

export type Colour = 'red' | 'amber' | 'green';

export interface InstrumentSection {
  section: number;
  /** Youngest age for the section, in completed months (inclusive). */
  minMonths: number;
  /** Oldest age for the section, in completed months (inclusive). */
  maxMonths: number;
  itemCount: number;
  /** Lowest score that is Green; null until the administrator enters it. */
  lowestGreen: number | null;
  /** Lowest score that is Amber (anything below is Red); null until entered. */
  lowestAmber: number | null;
}

/** What the practitioner entered for one section tried. */
export interface SectionResult {
  section: number;
  score: number | null;
  colour: Colour | null;
}

export interface ColourResolution {
  /** The colour to use: computed when possible, otherwise the one entered. */
  colour: Colour | null;
  /** The colour from score and cut-offs, or null when either is missing. */
  computed: Colour | null;
  /** True when the practitioner entered a colour that the score and cut-offs contradict. */
  disagrees: boolean;
}

export interface ResolvedSectionResult extends SectionResult, ColourResolution {
  /** The colour as entered, kept so a disagreement can be shown next to the computed one. */
  enteredColour: Colour | null;
}

/** The minimum the tracking rules need: which section, and its final colour. */
export interface SectionColour {
  section: number;
  colour: Colour | null;
}

export interface ValidationIssue {
  path: (string | number)[];
  message: string;
}

export interface ReviewIntervals {
  amberWeeks: number;
  redWeeks: number;
  greenMonths: number;
  /** After a screening that stopped early (see screening-outcome.ts): whole weeks, 1 to 12. */
  stoppedEarlyWeeks: number;
}

export type ReviewStatus = 'overdue' | 'due-soon' | 'not-due';

export interface ReferralPrompt {
  prompted: boolean;
  reasons: string[];
}

// Item counts of 12 are an assumption (the toolkit has 10 to 12 items a section): the
// administrator edits them along with the cut-offs.
const DEFAULT_ITEM_COUNT = 12;

const DEFAULT_BANDS: readonly (readonly [number, number])[] = [
  [6, 11],
  [12, 17],
  [18, 23],
  [24, 29],
  [30, 35],
  [36, 41],
  [42, 47],
  [48, 59],
  [60, 72],
];

/** Seed data for a new database: the nine age bands, with no cut-offs. */
export const defaultInstrumentSections: readonly Readonly<InstrumentSection>[] = Object.freeze(
  DEFAULT_BANDS.map(([minMonths, maxMonths], index) =>
    Object.freeze({
      section: index + 1,
      minMonths,
      maxMonths,
      itemCount: DEFAULT_ITEM_COUNT,
      lowestGreen: null,
      lowestAmber: null,
    }),
  ),
);

// Review intervals are an assumption (Amber about 12 weeks per the guidance; Red the same so the
// review is not forgotten while support is arranged; Green at the next termly round; a screening
// that stopped early tells too little, so 2 weeks: time for the child to settle).
export const defaultReviewIntervals: Readonly<ReviewIntervals> = Object.freeze({
  amberWeeks: 12,
  redWeeks: 12,
  greenMonths: 4,
  stoppedEarlyWeeks: 2,
});

/**
 * How many days ahead a review counts as due soon: the next 4 weeks, long enough to plan a
 * term's re-screens. The one definition behind the "Due soon" tag, the children list's filter
 * and the setting overview's count, so they always agree.
 */
export const DUE_SOON_DAYS = 28;

/** The last review date that is due soon (not yet overdue) as of today. */
export function dueSoonUntil(today: string, dueSoonDays: number = DUE_SOON_DAYS): string {
  return addDays(today, dueSoonDays);
}

// ---------------------------------------------------------------------------------------------
// Sections and colours

export function findSection(sections: readonly InstrumentSection[], section: number): InstrumentSection | undefined {
  return sections.find((s) => s.section === section);
}

export function topSection(sections: readonly InstrumentSection[]): number | null {
  return sections.length === 0 ? null : Math.max(...sections.map((s) => s.section));
}

/** The section for a child's age in completed months, or null when outside every band. */
export function sectionForAge(sections: readonly InstrumentSection[], months: number): number | null {
  const match = sections.find((s) => months >= s.minMonths && months <= s.maxMonths);
  return match ? match.section : null;
}

export function colourFromScore(section: InstrumentSection, score: number): Colour | null {
  if (section.lowestGreen === null || section.lowestAmber === null) return null;
  if (score >= section.lowestGreen) return 'green';
  if (score >= section.lowestAmber) return 'amber';
  return 'red';
}

// The computed colour wins because it comes from the handbook's cut-offs; the entered colour is
// kept and flagged so that a misread score sheet (or a mistyped score) gets noticed.
export function resolveSectionColour(section: InstrumentSection | undefined, entered: SectionResult): ColourResolution {
  const computed = section !== undefined && entered.score !== null ? colourFromScore(section, entered.score) : null;
  return {
    colour: computed ?? entered.colour,
    computed,
    disagrees: computed !== null && entered.colour !== null && entered.colour !== computed,
  };
}

export function resolveSectionResults(sections: readonly InstrumentSection[], results: readonly SectionResult[]): ResolvedSectionResult[] {
  return results.map((result) => ({
    ...result,
    enteredColour: result.colour,
    ...resolveSectionColour(findSection(sections, result.section), result),
  }));
}

// ---------------------------------------------------------------------------------------------
// Administering and outcomes

/**
 * The section to screen next, or null when screening is finished (the last section tried is
 * Green, or section 1 has been tried) or cannot start (age outside every band). When the last
 * section tried has no colour yet, that same section is returned: it must be finished before
 * anyone can say whether to drop back.
 */
export function nextSectionToTry(ageSection: number | null, resolved: readonly SectionColour[]): number | null {
  if (ageSection === null) return null;
  const last = resolved[resolved.length - 1];
  if (last === undefined) return ageSection;
  if (last.colour === null) return last.section;
  if (last.colour === 'green' || last.section <= 1) return null;
  return last.section - 1;
}

export function workingAtSection(resolved: readonly SectionColour[]): number | null {
  const green = resolved.filter((r) => r.colour === 'green').map((r) => r.section);
  return green.length === 0 ? null : Math.max(...green);
}

export function lowestSectionTried(resolved: readonly SectionColour[]): number | null {
  return resolved.length === 0 ? null : Math.min(...resolved.map((r) => r.section));
}

/**
 * The section to choose activities from: the one above the working-at level, capped at the top
 * section. When nothing is Green the child is working below every section tried, so activities
 * come from the lowest section tried (null if none was tried).
 */
export function activitySection(workingAt: number | null, lowestTried: number | null, maxSection: number): number | null {
  if (workingAt === null) return lowestTried;
  return Math.min(workingAt + 1, maxSection);
}

/**
 * How many sections the working-at level is below the age section: 0 when on track, null when
 * nothing was Green (the gap is then unknown, at least the number of sections tried).
 */
export function sectionsBehind(ageSection: number, workingAt: number | null): number | null {
  if (workingAt === null) return null;
  return Math.max(0, ageSection - workingAt);
}

// Follows the GL guidance: Red on the age section, two sections not Green, or a concern. Red is
// at least as much of a worry as Amber, so "Amber on two sections" counts a Red section too:
// Amber then Red (then Green) must prompt just as Amber then Amber does.
export function referralPrompt(input: { ageSection: number | null; resolved: readonly SectionColour[]; concernRaised: boolean }): ReferralPrompt {
  const { ageSection, resolved, concernRaised } = input;
  const reasons: string[] = [];

  const ageResult = resolved.find((r) => r.section === ageSection);
  if (ageSection !== null && ageResult?.colour === 'red') {
    reasons.push(`Red on section ${ageSection}, the section for the child's age.`);
  }
  const notGreen = [...new Set(resolved.filter((r) => r.colour === 'amber' || r.colour === 'red').map((r) => r.section))].sort((a, b) => b - a);
  if (notGreen.length >= 2) {
    reasons.push(`Amber or Red on ${notGreen.length} sections (${listSections(notGreen)}).`);
  }
  if (concernRaised) {
    reasons.push('A specific concern has been raised by the practitioner or parent.');
  }
  return { prompted: reasons.length > 0, reasons };
}

function listSections(sections: readonly number[]): string {
  const names = sections.map(String);
  if (names.length <= 1) return `section ${names.join('')}`;
  return `sections ${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

const COLOUR_SEVERITY: Record<Colour, number> = { green: 0, amber: 1, red: 2 };

// Normally the age section's colour, since it is tried first and is the hardest; if a lower
// section somehow came out worse, the worse colour drives the review so a concern is not missed.
export function overallColour(resolved: readonly SectionColour[]): Colour | null {
  let worst: Colour | null = null;
  for (const { colour } of resolved) {
    if (colour !== null && (worst === null || COLOUR_SEVERITY[colour] > COLOUR_SEVERITY[worst])) {
      worst = colour;
    }
  }
  return worst;
}

export function nextReviewDate(screeningDate: string, colour: Colour, intervals: ReviewIntervals): string {
  switch (colour) {
    case 'red':
      return addWeeks(screeningDate, intervals.redWeeks);
    case 'amber':
      return addWeeks(screeningDate, intervals.amberWeeks);
    case 'green':
      return addMonths(screeningDate, intervals.greenMonths);
  }
}

/** Overdue once the review date has passed; due soon from 14 days before it up to the day. */
export function reviewStatus(reviewDate: string, today: string, dueSoonDays: number = DUE_SOON_DAYS): ReviewStatus {
  const daysLeft = daysBetween(today, reviewDate);
  if (daysLeft < 0) return 'overdue';
  if (daysLeft <= dueSoonDays) return 'due-soon';
  return 'not-due';
}

import { findSection, resolveSectionColour, type Colour } from '../../../shared/domain/screening.js';
import type { Instrument } from '../../../shared/schemas/instruments.js';
import type { Screening, ScreeningInput } from '../../../shared/schemas/screenings.js';
import { toUkInput } from '../../lib/format.js';

// The screening form's state as typed, and the pure rules on it: which sections to show (the
// drop-back) and the input it becomes. Kept apart from the markup so the rules read on their own.

/** What one section's boxes hold, as typed. */
export interface SectionDraft {
  score: string;
  colour: Colour | '';
  itemsNotPassed: string;
}
export const emptyDraft: SectionDraft = { score: '', colour: '', itemsNotPassed: '' };

export interface Draft {
  screeningDate: string;
  instrumentId: string;
  screenerId: string;
  parentPresent: boolean;
  concernPractitioner: boolean;
  concernParent: boolean;
  concernDetails: string;
  /** Keyed by section number, so changing the date (and so the age section) keeps what was typed. */
  sections: Record<number, SectionDraft>;
  comments: { speechSounds: string; attention: string; stammering: string; voice: string; other: string };
  action: ScreeningInput['action'] | '';
  stoppedEarly: boolean;
  stoppedEarlyReason: string;
}

export const commentFields = [
  ['speechSounds', 'Speech sounds'],
  ['attention', 'Attention and listening'],
  ['stammering', 'Stammering'],
  ['voice', 'Voice'],
  ['other', 'Other comments'],
] as const;

/** `screener`: who a new screening names as screened by (the person using the app, if staff here). */
export function draftFrom(existing: Screening | undefined, defaultInstrument: string, today: string, screener = ''): Draft {
  const sections: Record<number, SectionDraft> = {};
  for (const s of existing?.sections ?? []) {
    sections[s.section] = { score: s.score === null ? '' : String(s.score), colour: s.enteredColour ?? '', itemsNotPassed: s.itemsNotPassed.join(', ') };
  }
  return {
    screeningDate: toUkInput(existing?.screeningDate ?? today),
    instrumentId: existing?.instrumentId ?? defaultInstrument,
    screenerId: existing ? (existing.screenerId ?? '') : screener,
    parentPresent: existing?.parentPresent ?? false,
    concernPractitioner: existing?.concernPractitioner ?? false,
    concernParent: existing?.concernParent ?? false,
    concernDetails: existing?.concernDetails ?? '',
    sections,
    comments: existing?.comments ?? { speechSounds: '', attention: '', stammering: '', voice: '', other: '' },
    action: existing?.action ?? '',
    stoppedEarly: existing?.stoppedEarly ?? false,
    stoppedEarlyReason: existing?.stoppedEarlyReason ?? '',
  };
}

const parseScore = (text: string): number | null => (text.trim() === '' ? null : Number(text.trim()));
const parseItems = (text: string): number[] =>
  text
    .split(/[\s,;]+/)
    .filter(Boolean)
    .map((t) => Number(t));

/**
 * The sections to show: the age section, then one below each Red or Amber, until a Green or
 * section 1, exactly as the toolkit is administered.
 */
export function sectionsToShow(ageSection: number | null, draft: Draft, instrument: Instrument): number[] {
  if (ageSection === null) return [];
  const shown: number[] = [];
  for (let section = ageSection; section >= 1; section--) {
    shown.push(section);
    const entered = draft.sections[section] ?? emptyDraft;
    const { colour } = resolveSectionColour(findSection(instrument.sections, section), {
      section,
      score: parseScore(entered.score),
      colour: entered.colour || null,
    });
    if (colour !== 'red' && colour !== 'amber') break;
  }
  return shown;
}

const isBlank = (s: SectionDraft | undefined) => !s || (s.score.trim() === '' && s.colour === '' && s.itemsNotPassed.trim() === '');

/**
 * The input for screenings.create or .update: the shown sections only (a section hidden again by
 * a Green above it is not sent), numbers parsed, and empty choices as null. Bad dates go as typed
 * (undefined) so the schema names them. A screening marked as stopped early leaves out the blank
 * sections at the end: they were never screened.
 */
export function draftToInput(childId: string, draft: Draft, screeningDate: string | null, shown: readonly number[]) {
  const sent = [...shown];
  while (draft.stoppedEarly && sent.length > 1 && isBlank(draft.sections[sent[sent.length - 1] ?? -1])) sent.pop();
  return {
    childId,
    screeningDate: screeningDate ?? undefined,
    instrumentId: draft.instrumentId,
    screenerId: draft.screenerId || null,
    parentPresent: draft.parentPresent,
    concernPractitioner: draft.concernPractitioner,
    concernParent: draft.concernParent,
    concernDetails: draft.concernDetails,
    sections: sent.map((section) => {
      const s = draft.sections[section] ?? emptyDraft;
      return { section, score: parseScore(s.score), colour: s.colour || null, itemsNotPassed: parseItems(s.itemsNotPassed) };
    }),
    comments: draft.comments,
    action: draft.action || null,
    stoppedEarly: draft.stoppedEarly,
    stoppedEarlyReason: draft.stoppedEarly ? draft.stoppedEarlyReason : '',
  };
}

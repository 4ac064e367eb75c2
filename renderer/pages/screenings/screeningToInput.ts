import type { Screening } from '../../../shared/schemas/screenings.js';

/** The input that recreates a stored screening: used by Undo after an edit or a delete. */
export function screeningToInput(s: Screening) {
  return {
    screeningDate: s.screeningDate,
    instrumentId: s.instrumentId,
    screenerId: s.screenerId,
    parentPresent: s.parentPresent,
    concernPractitioner: s.concernPractitioner,
    concernParent: s.concernParent,
    concernDetails: s.concernDetails,
    sections: s.sections.map((x) => ({ section: x.section, score: x.score, colour: x.enteredColour, itemsNotPassed: x.itemsNotPassed })),
    comments: s.comments,
    action: s.action,
    stoppedEarly: s.stoppedEarly,
    stoppedEarlyReason: s.stoppedEarlyReason,
  };
}

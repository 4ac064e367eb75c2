import { describe, expect, it } from 'vitest';
import { emptyReview, emptyTarget, reviewFields, startFromItem, startingPoints, targetFields } from '../../renderer/pages/targets/targetDraft.js';

// The target and review forms' own logic: starting points from a screening, the defaults, and
// what a typed form becomes before it is sent.

const suggestion = {
  screeningId: '5a7e0000-0000-4000-8000-000000000099',
  screeningDate: '2026-11-20',
  workingAtSection: 6,
  activitySection: 7,
  itemsNotPassed: [
    { section: 6, item: 4 },
    { section: 7, item: 2 },
    { section: 7, item: 5 },
  ],
};

describe('starting a target from a screening', () => {
  it('offers the activity section’s items first and chooses that section', () => {
    expect(startingPoints(suggestion)).toEqual([
      { section: 7, item: 2, inActivitySection: true },
      { section: 7, item: 5, inActivitySection: true },
      { section: 6, item: 4, inActivitySection: false },
    ]);
    const start = emptyTarget('2026-11-27', suggestion);
    expect(start).toMatchObject({ section: '7', startDate: '27/11/2026', reviewDate: '08/01/2027', aim: '' });
  });

  it('puts the item in front of what was typed, and replaces it when another item is chosen', () => {
    const typed = { ...emptyTarget('2026-11-27'), aim: 'asks for more at snack' };
    const first = startFromItem(typed, { section: 7, item: 2 });
    expect(first).toMatchObject({ section: '7', aim: 'Section 7, item 2: asks for more at snack' });
    expect(startFromItem(first, { section: 6, item: 4 })).toMatchObject({ section: '6', aim: 'Section 6, item 4: asks for more at snack' });
  });

  it('sends dates as ISO, an empty section as none, and leaves a mistyped date for the schema to name', () => {
    const v = { ...emptyTarget('2026-11-27'), section: '', startDate: '30/02/2026' };
    expect(targetFields(v)).toMatchObject({ section: null, startDate: '30/02/2026', reviewDate: '2027-01-08' });
  });
});

describe('the review form', () => {
  it('starts as carrying on, by the signed-in person, today, next review six weeks on', () => {
    expect(emptyReview('2026-11-27', 'Kim')).toEqual({
      reviewDate: '27/11/2026',
      reviewer: 'Kim',
      progress: '',
      note: '',
      status: 'active',
      nextReviewDate: '08/01/2027',
    });
  });

  it('sends no next review date when the review closes the target, whatever is in the box', () => {
    const v = { ...emptyReview('2026-11-27', 'Kim'), progress: 'met' as const, status: 'achieved' as const };
    expect(reviewFields('t1', v)).toMatchObject({ status: 'achieved', nextReviewDate: null, reviewDate: '2026-11-27' });
    expect(reviewFields('t1', { ...v, status: 'active' })).toMatchObject({ nextReviewDate: '2027-01-08' });
    expect(reviewFields('t1', { ...v, progress: '', status: '' })).toMatchObject({ progress: undefined, status: undefined });
  });
});

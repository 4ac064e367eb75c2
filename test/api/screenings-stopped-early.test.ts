import { describe, expect, it } from 'vitest';
import type { MethodInput } from '../../shared/contract/index.js';
import { twoSettings } from '../support/fixtures.js';
import { refused, s } from '../support/screenings.js';

// A screening that stops before a Green section (above section 1) is refused unless it is marked
// as stopped early with a reason; then it is kept as incomplete, with a re-screen after the
// setting's interval for it (2 weeks unless changed).
// screenings.preview gives the same answer without saving. "Today" is 2026-11-27.

function world() {
  const { core, a } = twoSettings();
  const instrument = core.invoke('instruments.list', {}).find((i) => i.isDefault);
  if (!instrument) throw new Error('a new database has a default instrument');
  // 36 completed months on 2026-10-01: section 6.
  const mia = core.invoke('children.create', { settingId: a.id, firstName: 'Mia', lastName: 'Tester', dateOfBirth: '2023-09-15', sex: 'not-recorded' });
  const input = (over: Partial<MethodInput<'screenings.create'>> & Pick<MethodInput<'screenings.create'>, 'sections'>): MethodInput<'screenings.create'> => ({
    childId: mia.id,
    instrumentId: instrument.id,
    screeningDate: '2026-10-01',
    ...over,
  });
  return { core, mia, input };
}

const withoutChild = ({ childId: _childId, ...rest }: MethodInput<'screenings.create'>) => rest;

const notFinished = /not finished: section 5 was not Green, so section 4 comes next.*stopped early/;

describe('screenings that stop early', () => {
  it('refuses one that stops at Amber above section 1 without the mark, naming the sections, and saves nothing', () => {
    const w = world();
    refused(w.core, 'screenings.create', w.input({ sections: [s(6, 'red'), s(5, 'amber')] }), 'VALIDATION', ['sections'], notFinished);
  });

  it('refuses the mark without a reason, and the mark on a screening that reached Green', () => {
    const w = world();
    refused(
      w.core,
      'screenings.create',
      w.input({ sections: [s(6, 'amber')], stoppedEarly: true, stoppedEarlyReason: '   ' }),
      'VALIDATION',
      ['stoppedEarlyReason'],
      /Say why the screening stopped early/,
    );
    refused(
      w.core,
      'screenings.create',
      w.input({ sections: [s(6, 'amber'), s(5, 'green')], stoppedEarly: true, stoppedEarlyReason: 'Unsettled' }),
      'VALIDATION',
      ['stoppedEarly'],
      /did not stop early/,
    );
  });

  it('accepts one marked as stopped early with a reason: incomplete, re-screen in 2 weeks, referral rules still applied', () => {
    const w = world();
    const sc = w.core.invoke(
      'screenings.create',
      w.input({ sections: [s(6, 'amber'), s(5, 'red')], stoppedEarly: true, stoppedEarlyReason: ' Mia was unsettled ' }),
    );
    expect(sc).toMatchObject({
      stoppedEarly: true,
      stoppedEarlyReason: 'Mia was unsettled',
      colour: 'red',
      workingAtSection: null,
      reviewDate: '2026-10-15',
      referralPrompted: true,
      referralReasons: ['Amber or Red on 2 sections (sections 6 and 5).'],
    });
    expect(w.core.invoke('screenings.get', { id: sc.id })).toEqual(sc);
    // Finishing it later (down to Green, mark removed) makes it complete.
    const done = w.core.invoke('screenings.update', { ...withoutChild(w.input({ sections: [s(6, 'amber'), s(5, 'red'), s(4, 'green')] })), id: sc.id });
    expect(done).toMatchObject({ stoppedEarly: false, stoppedEarlyReason: '', workingAtSection: 4, reviewDate: '2026-12-24' });
  });

  it('takes the re-screen date from the setting’s interval for stopping early, in preview and when saved', () => {
    const w = world();
    const settingId = w.mia.settingId;
    w.core.invoke('settings.updateReviewIntervals', { settingId, amberWeeks: 12, redWeeks: 12, greenMonths: 4, stoppedEarlyWeeks: 4 });
    const input = w.input({ sections: [s(6, 'amber')], stoppedEarly: true, stoppedEarlyReason: 'Time ran out' });
    expect(w.core.invoke('screenings.preview', input)).toMatchObject({ issues: [], complete: false, reviewDate: '2026-10-29' });
    expect(w.core.invoke('screenings.create', input)).toMatchObject({ stoppedEarly: true, reviewDate: '2026-10-29' });
  });

  it('screenings.preview gives the same outcome or the same problems, and saves nothing', () => {
    const w = world();
    const before = JSON.stringify(w.core.context.db.prepare('SELECT count(*) AS n FROM screenings').get());
    const bad = w.core.invoke('screenings.preview', w.input({ sections: [s(6, 'red'), s(5, 'amber')] }));
    expect(bad.issues).toEqual([{ path: ['sections'], message: expect.stringMatching(notFinished) }]);
    expect(bad).toMatchObject({ colour: null, reviewDate: null, referralPrompted: false, complete: false });
    const good = w.core.invoke('screenings.preview', w.input({ sections: [s(6, 'amber'), s(5, 'red'), s(4, 'green')] }));
    expect(good).toMatchObject({ issues: [], complete: true, colour: 'red', workingAtSection: 4, referralPrompted: true, reviewDate: '2026-12-24' });
    expect(JSON.stringify(w.core.context.db.prepare('SELECT count(*) AS n FROM screenings').get())).toBe(before);
  });

  it('is counted as incomplete in the cohort overview of its round, until it is finished', () => {
    const w = world();
    const round = w.core.invoke('rounds.create', { name: 'Autumn 2026', startDate: '2026-09-01', endDate: '2026-12-18' });
    const sc = w.core.invoke('screenings.create', w.input({ sections: [s(6, 'amber')], stoppedEarly: true, stoppedEarlyReason: 'Time ran out' }));
    expect(w.core.invoke('cohort.overview', { roundId: round.id })).toMatchObject({ screened: 1, incomplete: 1 });
    // The settings table counts it in its setting's row, by the same definition.
    const table = w.core.invoke('cohort.settings', { roundId: round.id });
    expect(table.rows.map((r) => [r.settingId === w.mia.settingId, r.incomplete])).toEqual(
      table.rows.map((r) => [r.settingId === w.mia.settingId, r.settingId === w.mia.settingId ? 1 : 0]),
    );
    expect(table.total.incomplete).toBe(1);
    w.core.invoke('screenings.update', { ...withoutChild(w.input({ sections: [s(6, 'amber'), s(5, 'green')] })), id: sc.id });
    expect(w.core.invoke('cohort.overview', { roundId: round.id })).toMatchObject({ screened: 1, incomplete: 0 });
    expect(w.core.invoke('cohort.settings', { roundId: round.id }).total.incomplete).toBe(0);
  });
});

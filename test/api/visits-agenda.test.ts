import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core.js';
import type { VisitSaveInput } from '../../shared/schemas/visits.js';
import { sessionFor } from '../support/accounts.js';
import { failure, paths } from '../support/api.js';
import { dump } from '../support/core.js';
import { validSettingTarget } from '../support/settingTargets.js';
import { newTarget, targetWorld } from '../support/targets.js';

// The visit agenda and its all-or-nothing save. Test "today" (the fixed clock) is 27/11/2026.

const everything = (core: Core) =>
  dump(core, [
    'visits',
    'visit_actions',
    'visit_attendees',
    'visit_children',
    'child_targets',
    'target_reviews',
    'setting_targets',
    'setting_target_reviews',
    'audit_log',
  ]);

function world() {
  const { core, setting, person, child: amara, other: ben } = targetWorld();
  const instrument = core.invoke('instruments.list', {})[0]!;
  const screen = (childId: string, screeningDate: string, colour: 'red' | 'amber' | 'green') =>
    core.invoke('screenings.create', {
      childId,
      instrumentId: instrument.id,
      screeningDate,
      // Below Green on the age section, the one below is screened too.
      sections:
        colour === 'green'
          ? [{ section: 7, colour, itemsNotPassed: [] }]
          : [
              { section: 7, colour, itemsNotPassed: [1] },
              { section: 6, colour: 'green', itemsNotPassed: [] },
            ],
    });
  // Cara: Red on her age section, so a referral is prompted, and no target yet.
  const cara = core.invoke('children.create', { settingId: setting.id, firstName: 'Cara', lastName: 'Cobnut', dateOfBirth: '2023-03-01', sex: 'female' });
  screen(cara.id, '2026-11-20', 'red');
  // Dev: Green a year ago, so his re-screen is overdue.
  const dev = core.invoke('children.create', { settingId: setting.id, firstName: 'Dev', lastName: 'Dandelion', dateOfBirth: '2022-03-01', sex: 'male' });
  screen(dev.id, '2025-11-01', 'green');
  const dueA = newTarget(core, amara.id, { aim: 'Asks for a snack with two words', startDate: '2026-11-01', reviewDate: '2026-11-25' });
  const dueB = newTarget(core, ben.id, { aim: 'Waits for a turn', startDate: '2026-11-01', reviewDate: '2026-11-27' });
  const later = newTarget(core, ben.id, { aim: 'Names five animals', startDate: '2026-11-01', reviewDate: '2026-12-18' });
  const earlier = core.invoke('visits.record', { settingId: setting.id, heldDate: '2026-10-30', visitorName: 'Sam Visitor' });
  const open = core.invoke('visits.addAction', { visitId: earlier.id, description: 'Share the home version', ownerName: 'Kim', dueDate: '2026-11-13' });
  const done = core.invoke('visits.addAction', { visitId: earlier.id, description: 'Order picture cards', ownerName: 'Kim', dueDate: '2026-11-13' });
  core.invoke('visits.setActionDone', { id: done.id, done: true, doneDate: '2026-11-10' });
  const wholeA = core.invoke('settingTargets.create', validSettingTarget(setting.id));
  const wholeB = core.invoke('settingTargets.create', validSettingTarget(setting.id, { title: 'Quiet corner in every room' }));
  const achieved = core.invoke('settingTargets.create', validSettingTarget(setting.id, { title: 'Songs at circle time' }));
  core.invoke('settingTargets.review', { settingTargetId: achieved.id, reviewDate: '2026-11-27', reviewer: 'Sam', note: 'Seen daily', status: 'achieved' });
  const round = core.invoke('rounds.create', { name: 'Autumn 2026', startDate: '2026-09-01', endDate: '2026-12-18' });
  const planned = core.invoke('visits.schedule', { settingId: setting.id, plannedDate: '2026-11-27', visitorName: 'Sam Visitor' });
  const elsewhere = core.invoke('settings.create', { name: 'Bramble Barn', urn: 'EY222222', type: 'pre-school' });
  const theirVisit = core.invoke('visits.schedule', { settingId: elsewhere.id, plannedDate: '2026-12-01', visitorName: 'Sam Visitor' });
  return {
    core,
    setting,
    person,
    amara,
    ben,
    cara,
    dev,
    dueA,
    dueB,
    later,
    earlier,
    open,
    done,
    wholeA,
    wholeB,
    achieved,
    round,
    planned,
    elsewhere,
    theirVisit,
  };
}

type World = ReturnType<typeof world>;

function saveInput(w: World, extra: Partial<VisitSaveInput> = {}): VisitSaveInput {
  return {
    settingId: w.setting.id,
    id: w.planned.id,
    heldDate: '2026-11-27',
    visitorName: 'Sam Visitor',
    attendees: [{ staffId: w.person.id, name: 'Kim Testperson' }],
    childrenDiscussed: [{ childId: w.amara.id, note: 'Two-word phrases at snack' }],
    coaching: 'Modelled commenting',
    nextVisitDate: '2026-12-18',
    targetReviews: [
      {
        targetId: w.dueA.id,
        reviewDate: '2026-11-27',
        reviewer: 'Sam Visitor',
        progress: 'good',
        note: 'Asks most days',
        status: 'active',
        nextReviewDate: '2027-01-08',
      },
      { targetId: w.dueB.id, reviewDate: '2026-11-27', reviewer: 'Sam Visitor', progress: 'met', note: 'Waits well', status: 'achieved', nextReviewDate: null },
    ],
    settingTargetReviews: [{ settingTargetId: w.wholeA.id, reviewDate: '2026-11-27', reviewer: 'Sam Visitor', note: 'Two rooms done', status: 'in-progress' }],
    newActions: [{ description: 'Timetable in the baby room', ownerStaffId: w.person.id, dueDate: '2026-12-11' }],
    actionsDone: [{ id: w.open.id }],
    ...extra,
  };
}

describe('visits.agenda', () => {
  it('lists everything due at the setting by the visit date', () => {
    const w = world();
    const agenda = w.core.invoke('visits.agenda', { settingId: w.setting.id, date: '2026-11-27', visitId: w.planned.id });
    expect(agenda.visit?.id).toBe(w.planned.id);
    expect(agenda.lastHeldDate).toBe('2026-10-30');
    expect(agenda.targetsDue.map((t) => t.aim)).toEqual(['Asks for a snack with two words', 'Waits for a turn']);
    expect(agenda.overdueRescreens.map((c) => c.firstName)).toEqual(['Dev']);
    // Amara is Amber with an active target; Cara is Red without one.
    expect(agenda.redAmberWithoutTarget.map((c) => [c.firstName, c.colour])).toEqual([['Cara', 'red']]);
    expect(agenda.referralPrompts.map((c) => c.firstName)).toEqual(['Cara']);
    expect(agenda.openActions.map((a) => [a.description, a.overdue])).toEqual([['Share the home version', true]]);
    expect(agenda.settingTargets.map((t) => t.title).sort()).toEqual(['Every room uses a visual timetable', 'Quiet corner in every room']);
    // The headline is the cohort overview's own figures for the round the date is in.
    const overview = w.core.invoke('cohort.overview', { scope: { settingId: w.setting.id }, roundId: w.round.id });
    expect(agenda.headline).toEqual({ roundName: 'Autumn 2026', figures: overview });
    expect(agenda.headline?.figures.overdue).toBe(agenda.overdueRescreens.length);
    // Screened since the last visit (30/10/2026): each child once, by their latest colour then.
    const since = w.core.context.db
      .prepare(
        `SELECT colour FROM screenings s WHERE setting_id = ? AND screening_date > '2026-10-30' AND screening_date <= '2026-11-27'
           AND NOT EXISTS (SELECT 1 FROM screenings t WHERE t.child_id = s.child_id AND t.screening_date > s.screening_date AND t.screening_date <= '2026-11-27')`,
      )
      .pluck()
      .all(w.setting.id) as string[];
    const count = (c: string) => since.filter((x) => x === c).length;
    expect(agenda.screenedSinceLastVisit).toEqual({ screened: since.length, red: count('red'), amber: count('amber'), green: count('green') });
    // Cara (Red on 20/11) is among them; Dev, screened a year ago, is not.
    expect(agenda.screenedSinceLastVisit.red).toBeGreaterThanOrEqual(1);
    expect(since.length).toBeLessThan(w.core.invoke('children.list', { settingId: w.setting.id }).total);
    // Earlier, the review due on the 27th is not yet due.
    const before = w.core.invoke('visits.agenda', { settingId: w.setting.id, date: '2026-11-26' });
    expect(before.targetsDue.map((t) => t.aim)).toEqual(['Asks for a snack with two words']);
    expect(before.visit).toBeNull();
  });

  it('refuses a visit of another setting, and an assistant outside the setting', () => {
    const w = world();
    expect(failure(w.core, 'visits.agenda', { settingId: w.setting.id, date: '2026-11-27', visitId: w.theirVisit.id }).issues).toEqual([
      { path: ['visitId'], message: 'This visit belongs to another setting' },
    ]);
    const outsider = sessionFor(w.core, 'slt-assistant', { settingIds: [w.elsewhere.id], userName: 'robin' });
    expect(w.core.call('visits.agenda', { settingId: w.setting.id, date: '2026-11-27' }, outsider)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const before = everything(w.core);
    expect(w.core.call('visits.save', saveInput(w), outsider)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(everything(w.core)).toBe(before);
    const assistant = sessionFor(w.core, 'slt-assistant', { settingIds: [w.setting.id] });
    expect(w.core.call('visits.agenda', { settingId: w.setting.id, date: '2026-11-27', visitId: w.planned.id }, assistant).ok).toBe(true);
  });
});

describe('visits.save', () => {
  it('saves the visit, the reviews and the actions together, with an audit row for each record', () => {
    const w = world();
    const assistant = sessionFor(w.core, 'slt-assistant', { settingIds: [w.setting.id] });
    const visit = w.core.invoke('visits.save', saveInput(w), assistant);
    expect(visit).toMatchObject({ id: w.planned.id, status: 'held', heldDate: '2026-11-27', nextVisitDate: '2026-12-18', coaching: 'Modelled commenting' });
    expect(visit.actions.map((a) => [a.description, a.owner])).toEqual([['Timetable in the baby room', 'Kim Testperson']]);
    expect(w.core.invoke('targets.get', { id: w.dueA.id })).toMatchObject({ status: 'active', reviewDate: '2027-01-08', reviewCount: 1 });
    expect(w.core.invoke('targets.get', { id: w.dueB.id })).toMatchObject({ status: 'achieved', closedOn: '2026-11-27' });
    expect(w.core.invoke('settingTargets.get', { id: w.wholeA.id }).status).toBe('in-progress');
    expect(w.core.invoke('visits.actions', { settingId: w.setting.id }).find((a) => a.id === w.open.id)).toMatchObject({ doneDate: '2026-11-27' });
    // The summary's reviews are those recorded on the visit's date.
    expect(w.core.invoke('visits.reviews', { id: visit.id })).toEqual({
      childTargets: [
        {
          childName: 'Amara Applewhistle',
          target: 'Asks for a snack with two words',
          progress: 'Good progress',
          note: 'Asks most days',
          nextReviewDate: '2027-01-08',
        },
        { childName: 'Ben Buttonhook', target: 'Waits for a turn', progress: 'Target met', note: 'Waits well', nextReviewDate: null },
      ],
      settingTargets: [
        { title: 'Every room uses a visual timetable', status: 'In progress', note: 'Two rooms done' },
        { title: 'Songs at circle time', status: 'Achieved', note: 'Seen daily' },
      ],
    });
    const rows = w.core.invoke('audit.list', { method: 'visits.save' }).rows;
    const newAction = visit.actions[0]!;
    expect(rows.map((r) => [r.recordType, r.recordId]).sort()).toEqual(
      [
        ['visits', w.planned.id],
        ['targets', w.dueA.id],
        ['targets', w.dueB.id],
        ['setting_targets', w.wholeA.id],
        ['visitActions', newAction.id],
        ['visitActions', w.open.id],
      ].sort(),
    );
    // Every row names the assistant who saved, as the registry's own rows do.
    expect(new Set(rows.map((r) => r.actorName))).toEqual(new Set([rows[0]?.actorName]));
    expect(rows[0]?.actorName).toMatch(/SLT assistant/);
    expect(rows.every((r) => r.settingId === w.setting.id)).toBe(true);
    const targetRow = rows.find((r) => r.recordId === w.dueB.id);
    expect(targetRow?.changes).toEqual(expect.arrayContaining([{ field: 'status', before: 'active', after: 'achieved' }]));
    const visitRow = rows.find((r) => r.recordType === 'visits');
    expect(visitRow?.changes).toEqual(expect.arrayContaining([{ field: 'status', before: 'planned', after: 'held' }]));
  });

  it('saves nothing when one review fails, naming the field by its place', () => {
    const w = world();
    const good = saveInput(w);
    const bad = saveInput(w, { targetReviews: [good.targetReviews![0]!, { ...good.targetReviews![1]!, reviewDate: '2026-11-28' }] });
    const error = failure(w.core, 'visits.save', bad, everything);
    expect(error.code).toBe('VALIDATION');
    expect(error.issues).toEqual([{ path: ['targetReviews', 1, 'reviewDate'], message: 'The review date must be today or earlier' }]);
  });

  it('names every problem across the parts, and writes nothing', () => {
    const w = world();
    const good = saveInput(w);
    const error = failure(
      w.core,
      'visits.save',
      saveInput(w, {
        nextVisitDate: '2026-11-20',
        targetReviews: [
          good.targetReviews![0]!,
          { ...good.targetReviews![0]! },
          { ...good.targetReviews![1]!, targetId: w.later.id, status: 'active', nextReviewDate: null },
        ],
        settingTargetReviews: [{ ...good.settingTargetReviews![0]!, settingTargetId: w.achieved.id, status: 'planned' }],
        newActions: [{ description: 'Timetable', ownerName: '', dueDate: '2026-11-01' }],
        actionsDone: [{ id: w.done.id }, { id: randomUUID() }],
      }),
      everything,
    );
    expect(paths(error)).toEqual([
      'nextVisitDate',
      'targetReviews.1.targetId',
      'targetReviews.2.nextReviewDate',
      'settingTargetReviews.0.status',
      'newActions.0.ownerName',
      'newActions.0.dueDate',
      'actionsDone.0.id',
      'actionsDone.1.id',
    ]);
    expect(error.message).toBe('Nothing was saved: 8 fields need attention');
  });

  it('refuses a visit of another setting, and targets of another setting', () => {
    const w = world();
    expect(paths(failure(w.core, 'visits.save', saveInput(w, { id: w.theirVisit.id }), everything))).toEqual(['id']);
    const theirTarget = w.core.invoke('settingTargets.create', validSettingTarget(w.elsewhere.id));
    const error = failure(
      w.core,
      'visits.save',
      saveInput(w, {
        settingTargetReviews: [{ settingTargetId: theirTarget.id, reviewDate: '2026-11-27', reviewer: 'Sam', note: 'x', status: 'in-progress' }],
      }),
      everything,
    );
    expect(error.issues).toEqual([{ path: ['settingTargetReviews', 0, 'settingTargetId'], message: 'Choose a target of this setting' }]);
  });
});

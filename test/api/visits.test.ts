import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core.js';
import { fixedClock } from '../../electron/core/context.js';
import { visitStanding } from '../../shared/domain/visits.js';
import { sessionFor } from '../support/accounts.js';
import { failure, paths } from '../support/api.js';
import { signBackIn, snapshot, testNow } from '../support/core.js';
import { addChild, twoSettings } from '../support/fixtures.js';

// Visits: planning, recording with all parts, cancelling, agreed actions, "My visits" within an
// assistant's settings, the overdue rule on a fixed clock, and every bad input refused naming its
// field with nothing written. Test "today" is 27/11/2026.

const visitTables = ['settings', 'visits', 'visit_attendees', 'visit_children', 'visit_actions'];
const written = (core: Core) => snapshot(core, visitTables);

function world() {
  const { core, a, b } = twoSettings();
  const kim = core.invoke('staff.create', { settingId: a.id, name: 'Kim Testperson', role: 'communication-champion', qualificationLevel: 'level-3' });
  const lee = core.invoke('staff.create', { settingId: b.id, name: 'Lee Otherplace', role: 'practitioner', qualificationLevel: 'level-3' });
  const amara = addChild(core, a.id);
  const ben = core.invoke('children.create', { settingId: b.id, firstName: 'Ben', lastName: 'Buttonhook', dateOfBirth: '2022-06-15', sex: 'male' });
  return { core, a, b, kim, lee, amara, ben };
}

const held = (settingId: string, extra: Record<string, unknown> = {}) => ({ settingId, heldDate: '2026-11-20', visitorName: 'Sam Visitor', ...extra });

describe('planning, recording and cancelling visits', () => {
  it('plans a visit, then records it as held with every part in one call', () => {
    const { core, a, kim, amara } = world();
    const planned = core.invoke('visits.schedule', { settingId: a.id, plannedDate: '2026-11-27', visitorName: 'Sam Visitor', visitorRole: 'SLT assistant' });
    expect(planned).toMatchObject({ status: 'planned', plannedDate: '2026-11-27', heldDate: null, settingName: 'Acorn Lane', attendees: [], actions: [] });
    const recorded = core.invoke('visits.record', {
      settingId: a.id,
      id: planned.id,
      heldDate: '2026-11-27',
      visitorName: 'Sam Visitor',
      visitorRole: 'SLT assistant',
      attendees: [
        { staffId: kim.id, name: 'Kim Testperson', role: 'Champion' },
        { name: '  Pat Parent ', role: 'Parent' },
      ],
      childrenDiscussed: [{ childId: amara.id, note: 'Using two-word phrases' }],
      screensCheckedCount: 4,
      screensCheckedNote: 'Pre-school room',
      coaching: 'Modelled commenting at snack time',
      notes: 'Calm visit',
      nextVisitDate: '2026-12-18',
    });
    expect(recorded).toMatchObject({
      id: planned.id,
      status: 'held',
      plannedDate: '2026-11-27',
      heldDate: '2026-11-27',
      attendees: [
        { staffId: kim.id, name: 'Kim Testperson', role: 'Champion' },
        { staffId: null, name: 'Pat Parent', role: 'Parent' },
      ],
      childrenDiscussed: [{ childId: amara.id, name: 'Amara Applewhistle', note: 'Using two-word phrases' }],
      screensCheckedCount: 4,
      coaching: 'Modelled commenting at snack time',
      nextVisitDate: '2026-12-18',
      updatedAt: testNow,
    });
    // Recording again replaces the parts rather than adding to them.
    const changed = core.invoke('visits.record', { ...held(a.id), id: planned.id, attendees: [{ name: 'Kim Testperson' }] });
    expect(changed.attendees.map((x) => x.name)).toEqual(['Kim Testperson']);
    expect(changed.childrenDiscussed).toEqual([]);
    expect(core.invoke('visits.get', { id: planned.id }).heldDate).toBe('2026-11-20');
  });

  it('lists a setting’s visits newest first, with counts, and not another setting’s', () => {
    const { core, a, b } = world();
    core.invoke('visits.record', held(a.id, { heldDate: '2026-09-10' }));
    const later = core.invoke('visits.record', held(a.id, { heldDate: '2026-10-15', attendees: [{ name: 'Kim' }] }));
    const planned = core.invoke('visits.schedule', { settingId: a.id, plannedDate: '2026-12-10', visitorName: 'Sam Visitor' });
    core.invoke('visits.record', held(b.id));
    core.invoke('visits.addAction', { visitId: later.id, description: 'Visual timetable', ownerName: 'Kim', dueDate: '2026-11-01' });
    const list = core.invoke('visits.list', { settingId: a.id });
    expect(list.map((v) => [v.date, v.status])).toEqual([
      ['2026-12-10', 'planned'],
      ['2026-10-15', 'held'],
      ['2026-09-10', 'held'],
    ]);
    expect(list[0]?.id).toBe(planned.id);
    expect(list[1]).toMatchObject({ attendeeCount: 1, actionCount: 1, openActionCount: 1 });
  });

  it('cancels a planned visit only', () => {
    const { core, a } = world();
    const planned = core.invoke('visits.schedule', { settingId: a.id, plannedDate: '2026-12-01', visitorName: 'Sam Visitor' });
    expect(core.invoke('visits.cancel', { id: planned.id, reason: 'Setting closed for snow' })).toMatchObject({
      status: 'cancelled',
      cancelledReason: 'Setting closed for snow',
    });
    expect(failure(core, 'visits.cancel', { id: planned.id }, written).issues).toEqual([{ path: ['id'], message: 'This visit is already cancelled' }]);
    const done = core.invoke('visits.record', held(a.id));
    expect(failure(core, 'visits.cancel', { id: done.id }, written).issues).toEqual([{ path: ['id'], message: 'This visit was held: it cannot be cancelled' }]);
    expect(paths(failure(core, 'visits.record', { ...held(a.id), id: planned.id }, written))).toEqual(['id']);
  });

  it('keeps each setting’s visit frequency, 4 weeks unless changed, from 1 to 26', () => {
    const { core, a, b } = world();
    expect(core.invoke('visits.frequency', { settingId: a.id })).toEqual({ settingId: a.id, weeks: 4 });
    expect(core.invoke('visits.setFrequency', { settingId: a.id, weeks: 6 })).toEqual({ settingId: a.id, weeks: 6 });
    expect(core.invoke('visits.frequency', { settingId: b.id }).weeks).toBe(4);
    for (const weeks of [0, 27, 2.5]) {
      expect(paths(failure(core, 'visits.setFrequency', { settingId: a.id, weeks }, written))).toEqual(['weeks']);
    }
    expect(failure(core, 'visits.frequency', { settingId: randomUUID() }).code).toBe('NOT_FOUND');
  });
});

describe('refusing bad visits, naming the field and writing nothing', () => {
  it('refuses a planned date in the past and a held date in the future', () => {
    const { core, a } = world();
    expect(failure(core, 'visits.schedule', { settingId: a.id, plannedDate: '2026-11-26', visitorName: 'Sam' }, written).issues).toEqual([
      { path: ['plannedDate'], message: 'A planned visit cannot be in the past (before 27/11/2026): record it as held instead' },
    ]);
    expect(failure(core, 'visits.record', held(a.id, { heldDate: '2026-11-28' }), written).issues).toEqual([
      { path: ['heldDate'], message: 'The visit date cannot be in the future (after 27/11/2026)' },
    ]);
  });

  it('refuses a next visit date on or before the visit, an unnamed attendee, a missing visitor and a bad date', () => {
    const { core, a } = world();
    expect(failure(core, 'visits.record', held(a.id, { nextVisitDate: '2026-11-20' }), written).issues).toEqual([
      { path: ['nextVisitDate'], message: 'The next visit date must be after this visit (20/11/2026)' },
    ]);
    expect(failure(core, 'visits.record', held(a.id, { attendees: [{ name: 'Kim' }, { name: '  ' }] }), written).issues).toEqual([
      { path: ['attendees', 1, 'name'], message: 'Enter the attendee’s name' },
    ]);
    expect(paths(failure(core, 'visits.record', held(a.id, { visitorName: '' }), written))).toEqual(['visitorName']);
    expect(paths(failure(core, 'visits.record', held(a.id, { heldDate: '2026-02-30' }), written))).toEqual(['heldDate']);
    expect(paths(failure(core, 'visits.record', held(a.id, { screensCheckedCount: -1 }), written))).toEqual(['screensCheckedCount']);
  });

  it('refuses a child or staff member of another setting, a missing child and a child listed twice', () => {
    const { core, a, lee, amara, ben } = world();
    const error = failure(
      core,
      'visits.record',
      held(a.id, {
        attendees: [{ staffId: lee.id, name: 'Lee Otherplace' }],
        childrenDiscussed: [{ childId: ben.id }, { childId: randomUUID() }, { childId: amara.id }, { childId: amara.id }],
      }),
      written,
    );
    expect(error.code).toBe('VALIDATION');
    expect(error.issues).toEqual([
      { path: ['attendees', 0, 'staffId'], message: 'This staff member works in another setting' },
      { path: ['childrenDiscussed', 0, 'childId'], message: 'This child is not in this visit’s setting' },
      { path: ['childrenDiscussed', 1, 'childId'], message: 'This child was not found' },
      { path: ['childrenDiscussed', 3, 'childId'], message: 'This child is listed twice' },
    ]);
  });

  it('refuses recording another setting’s visit under this setting, an unknown visitor account, and an archived setting', () => {
    const { core, a, b } = world();
    const theirs = core.invoke('visits.schedule', { settingId: b.id, plannedDate: '2026-12-01', visitorName: 'Sam' });
    expect(failure(core, 'visits.record', { ...held(a.id), id: theirs.id }, written).issues).toEqual([
      { path: ['id'], message: 'This visit belongs to another setting' },
    ]);
    expect(failure(core, 'visits.record', held(a.id, { visitorAccountId: randomUUID() }), written).issues).toEqual([
      { path: ['visitorAccountId'], message: 'This account was not found' },
    ]);
    core.invoke('settings.archive', { id: a.id, archived: true });
    expect(paths(failure(core, 'visits.record', held(a.id), written))).toEqual(['settingId']);
  });
});

describe('actions agreed at a visit', () => {
  it('adds, changes, marks done and undoes an action, listing open ones first', () => {
    const { core, a, kim } = world();
    const visit = core.invoke('visits.record', held(a.id));
    const first = core.invoke('visits.addAction', {
      visitId: visit.id,
      description: 'Visual timetable in every room',
      ownerStaffId: kim.id,
      dueDate: '2026-12-11',
    });
    expect(first).toMatchObject({
      settingId: a.id,
      visitDate: '2026-11-20',
      ownerStaffId: kim.id,
      ownerName: '',
      owner: 'Kim Testperson',
      doneDate: null,
      doneBy: '',
    });
    const second = core.invoke('visits.addAction', {
      visitId: visit.id,
      description: 'Share the home version',
      ownerName: 'Sam Visitor',
      dueDate: '2026-11-25',
    });
    expect(
      core.invoke('visits.updateAction', { id: second.id, description: 'Share the home version with parents', ownerName: 'Kim', dueDate: '2026-11-30' }),
    ).toMatchObject({
      description: 'Share the home version with parents',
      ownerName: 'Kim',
      dueDate: '2026-11-30',
    });
    expect(core.invoke('visits.setActionDone', { id: second.id, done: true })).toMatchObject({ doneDate: '2026-11-27', doneBy: 'Test Manager' });
    expect(core.invoke('visits.actions', { settingId: a.id }).map((x) => x.id)).toEqual([first.id, second.id]);
    expect(core.invoke('visits.actions', { settingId: a.id, includeDone: false }).map((x) => x.id)).toEqual([first.id]);
    expect(core.invoke('visits.setActionDone', { id: second.id, done: false })).toMatchObject({ doneDate: null, doneBy: '' });
    expect(core.invoke('visits.get', { id: visit.id }).actions.map((x) => x.id)).toEqual([second.id, first.id]);
  });

  it('refuses an action without an owner, due before the visit, owned by another setting’s staff, or on a cancelled visit', () => {
    const { core, a, lee } = world();
    const visit = core.invoke('visits.record', held(a.id));
    const base = { visitId: visit.id, description: 'Visual timetable', dueDate: '2026-12-11' };
    expect(failure(core, 'visits.addAction', base, written).issues).toEqual([
      { path: ['ownerName'], message: 'Every action needs an owner: choose a staff member or type a name' },
    ]);
    expect(failure(core, 'visits.addAction', { ...base, ownerName: 'Kim', dueDate: '2026-11-19' }, written).issues).toEqual([
      { path: ['dueDate'], message: 'The due date cannot be before the visit (20/11/2026)' },
    ]);
    expect(failure(core, 'visits.addAction', { ...base, ownerStaffId: lee.id }, written).issues).toEqual([
      { path: ['ownerStaffId'], message: 'This staff member works in another setting' },
    ]);
    expect(paths(failure(core, 'visits.addAction', { ...base, ownerName: 'Kim', description: ' ' }, written))).toEqual(['description']);
    expect(paths(failure(core, 'visits.addAction', { ...base, ownerName: 'Kim', dueDate: '27/11/2026' }, written))).toEqual(['dueDate']);
    const action = core.invoke('visits.addAction', { ...base, ownerName: 'Kim' });
    expect(paths(failure(core, 'visits.updateAction', { id: action.id, description: 'x', ownerName: '', dueDate: '2026-12-11' }, written))).toEqual([
      'ownerName',
    ]);
    expect(failure(core, 'visits.setActionDone', { id: action.id, done: true, doneDate: '2026-11-28' }, written).issues).toEqual([
      { path: ['doneDate'], message: 'The done date cannot be in the future (after 27/11/2026)' },
    ]);
    expect(paths(failure(core, 'visits.setActionDone', { id: action.id, done: true, doneDate: '2026-11-19' }, written))).toEqual(['doneDate']);
    const planned = core.invoke('visits.schedule', { settingId: a.id, plannedDate: '2026-12-01', visitorName: 'Sam' });
    core.invoke('visits.cancel', { id: planned.id });
    expect(paths(failure(core, 'visits.addAction', { ...base, visitId: planned.id, ownerName: 'Kim' }, written))).toEqual(['visitId']);
    expect(failure(core, 'visits.setActionDone', { id: randomUUID(), done: true }, written).code).toBe('NOT_FOUND');
  });
});

describe('the overdue rule', () => {
  const base = { today: '2026-11-27', everyWeeks: 4 };
  it('says overdue when a planned date has passed without a record', () => {
    expect(visitStanding({ ...base, lastHeld: null, plannedDate: '2026-11-26' })).toMatchObject({ standing: 'overdue-planned', overdue: true });
    expect(visitStanding({ ...base, lastHeld: null, plannedDate: '2026-11-27' })).toMatchObject({
      standing: 'planned',
      overdue: false,
      words: 'Planned for 27/11/2026',
    });
  });
  it('says overdue when the last visit plus the frequency (or the agreed next date) has passed and nothing is planned', () => {
    const lastHeld = { heldDate: '2026-10-29', nextVisitDate: null };
    expect(visitStanding({ ...base, lastHeld, plannedDate: null })).toMatchObject({ standing: 'overdue-unplanned', dueDate: '2026-11-26', overdue: true });
    expect(visitStanding({ ...base, lastHeld, plannedDate: null }).words).toBe('Overdue: due by 26/11/2026, no visit planned');
    expect(visitStanding({ ...base, everyWeeks: 5, lastHeld, plannedDate: null })).toMatchObject({
      standing: 'due-unplanned',
      dueDate: '2026-12-03',
      overdue: false,
    });
    expect(visitStanding({ ...base, lastHeld: { ...lastHeld, nextVisitDate: '2026-12-01' }, plannedDate: null })).toMatchObject({
      overdue: false,
      dueDate: '2026-12-01',
    });
    expect(visitStanding({ ...base, lastHeld: null, plannedDate: null })).toMatchObject({ standing: 'never-visited', overdue: true });
  });
});

describe('visits.mine', () => {
  it('shows an SLT assistant only the settings they cover, overdue first, each with its open actions', () => {
    const { core, a, b } = world();
    const c = core.invoke('settings.create', { name: 'Clover Court', urn: 'EY333333', type: 'nursery' });
    const visitA = core.invoke('visits.record', held(a.id, { heldDate: '2026-10-01' }));
    core.invoke('visits.addAction', { visitId: visitA.id, description: 'Visual timetable', ownerName: 'Kim', dueDate: '2026-11-01' });
    const doneAction = core.invoke('visits.addAction', { visitId: visitA.id, description: 'Done already', ownerName: 'Kim', dueDate: '2026-11-30' });
    core.invoke('visits.setActionDone', { id: doneAction.id, done: true });
    core.invoke('visits.schedule', { settingId: b.id, plannedDate: '2026-12-03', visitorName: 'Sam' });
    core.invoke('visits.record', held(c.id));
    const sam = sessionFor(core, 'slt-assistant', { settingIds: [a.id, b.id] });
    const mine = core.invoke('visits.mine', {}, sam);
    expect(mine.settings.map((s) => [s.settingName, s.standing, s.overdue])).toEqual([
      ['Acorn Lane', 'overdue-unplanned', true],
      ['Bramble Barn', 'planned', false],
    ]);
    expect(mine.settings[0]?.words).toBe('Overdue: due by 29/10/2026, no visit planned');
    expect(mine.settings[0]?.openActions.map((x) => [x.description, x.overdue])).toEqual([['Visual timetable', true]]);
    // Another assistant's view is refused; a manager may ask for it, or for every setting.
    const other = sessionFor(core, 'slt-assistant', { settingIds: [c.id], userName: 'robin' });
    const robin = other.account?.accountId ?? '';
    expect(core.call('visits.mine', { accountId: robin }, sam)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(core.invoke('visits.mine', { accountId: robin }).settings.map((s) => s.settingName)).toEqual(['Clover Court']);
    expect(core.invoke('visits.mine', {}).settings).toHaveLength(3);
    expect(failure(core, 'visits.mine', { accountId: randomUUID() }).issues).toEqual([{ path: ['accountId'], message: 'Choose an SLT assistant' }]);
    // And the assistant cannot reach a setting outside theirs by any other method.
    expect(core.call('visits.list', { settingId: c.id }, sam)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(core.call('visits.get', { id: visitA.id }, other)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('moves with the clock: a planned visit left unrecorded becomes overdue', () => {
    const { core, a } = world();
    core.invoke('visits.schedule', { settingId: a.id, plannedDate: '2026-12-03', visitorName: 'Sam' });
    const before = core.invoke('visits.mine', {}).settings.find((s) => s.settingId === a.id);
    expect(before).toMatchObject({ standing: 'planned', overdue: false, words: 'Planned for 03/12/2026' });
    core.context.clock = fixedClock('2026-12-04');
    signBackIn(core); // a week on, the idle lock would have locked the session
    const after = core.invoke('visits.mine', {}).settings.find((s) => s.settingId === a.id);
    expect(after).toMatchObject({ standing: 'overdue-planned', overdue: true, words: 'Overdue: planned for 03/12/2026, not yet recorded' });
  });
});

describe('the audit trail', () => {
  it('records visits and actions, naming the visit an action belongs to', () => {
    const { core, a } = world();
    const visit = core.invoke('visits.record', held(a.id));
    core.invoke('visits.addAction', { visitId: visit.id, description: 'Visual timetable', ownerName: 'Kim', dueDate: '2026-12-01' });
    core.invoke('visits.setFrequency', { settingId: a.id, weeks: 6 });
    const trail = core.invoke('audit.list', { settingId: a.id });
    expect(trail.rows.map((r) => r.method).slice(0, 3)).toEqual(['visits.setFrequency', 'visits.addAction', 'visits.record']);
    expect(trail.rows[0]?.changes).toEqual([{ field: 'weeks', before: '4', after: '6' }]);
    expect(trail.names[visit.id]).toBe('The visit of 20/11/2026');
  });
});

describe('retention', () => {
  it('removes a purged child’s links to visits and keeps the visits', () => {
    const { core, a } = world();
    const cal = core.invoke('children.create', { settingId: a.id, firstName: 'Cal', lastName: 'Cobble', dateOfBirth: '2019-01-10', sex: 'male' });
    const visit = core.invoke('visits.record', held(a.id, { childrenDiscussed: [{ childId: cal.id, note: 'Talking more' }] }));
    // Left over four years ago: due under every retention policy.
    core.invoke('children.archive', { id: cal.id, archived: true, leaveDate: '2022-07-20' });
    const result = core.invoke('retention.purge', { childIds: [cal.id], confirm: true });
    expect(result.purged).toHaveLength(1);
    expect(core.invoke('visits.get', { id: visit.id }).childrenDiscussed).toEqual([]);
    expect(core.context.db.prepare('SELECT count(*) FROM visit_children').pluck().get()).toBe(0);
    // The audit rows of the visit never held what was said about the child.
    const summaries = core.context.db.prepare("SELECT summary FROM audit_log WHERE record_type = 'visits'").pluck().all() as string[];
    expect(summaries.join('\n')).not.toContain('Talking more');
  });
});

import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core.js';
import { dueDateIssues, nextStatuses, reviewIssues, settingTargetStatuses, type SettingTargetStatus } from '../../shared/domain/settingTargets.js';
import { sessionFor } from '../support/accounts.js';
import { failure, paths } from '../support/api.js';
import { snapshot, testNow, testToday } from '../support/core.js';
import { twoSettings } from '../support/fixtures.js';
import { addStrategy, validSettingTarget } from '../support/settingTargets.js';

// Whole-setting targets: the champion's targets on universal strategies, reviewed at each visit.

const tables = ['settings', 'staff', 'setting_targets', 'setting_target_strategies', 'setting_target_reviews'];
const stored = (core: Core) => snapshot(core, tables);

function world() {
  const { core, a, b } = twoSettings();
  const champion = core.invoke('staff.create', { settingId: a.id, name: 'Kim Champion', role: 'communication-champion', qualificationLevel: 'level-3' });
  const shared = addStrategy(core, null, 'Visual timetables');
  const own = addStrategy(core, a.id, 'Quiet corner in every room');
  const othersOwn = addStrategy(core, b.id, 'Bramble’s book bags');
  const retired = addStrategy(core, null, 'Old idea', { retired: true });
  return { core, a, b, champion, shared, own, othersOwn, retired };
}

const review = (settingTargetId: string, status: SettingTargetStatus, extra: Record<string, unknown> = {}) => ({
  settingTargetId,
  reviewDate: testToday,
  reviewer: 'Ash Assistant',
  note: 'Looked at each room',
  evidence: 'Timetables up in two rooms',
  status,
  ...extra,
});

describe('settingTargets.create, list and get', () => {
  it('creates a target with a staff owner and linked strategies, and lists and gets it', () => {
    const { core, a, champion, shared, own } = world();
    const target = core.invoke(
      'settingTargets.create',
      validSettingTarget(a.id, { ownerName: '', ownerStaffId: champion.id, description: ' At child height ', strategyIds: [shared, own] }),
    );
    expect(target).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      settingId: a.id,
      title: 'Every room uses a visual timetable',
      description: 'At child height',
      ownerStaffId: champion.id,
      ownerName: 'Kim Champion',
      dueDate: '2026-12-31',
      status: 'planned',
      strategies: [
        { id: own, title: 'Quiet corner in every room', shared: false },
        { id: shared, title: 'Visual timetables', shared: true },
      ],
      reviewCount: 0,
      lastReviewDate: null,
      createdAt: testNow,
      updatedAt: testNow,
    });
    expect(core.invoke('settingTargets.list', { settingId: a.id })).toEqual([target]);
    expect(core.invoke('settingTargets.get', { id: target.id })).toEqual({ ...target, reviews: [] });
    // The owner is shown by the staff member's current name.
    core.invoke('staff.update', { id: champion.id, name: 'Kim Newname', role: 'communication-champion', qualificationLevel: 'level-3' });
    expect(core.invoke('settingTargets.get', { id: target.id }).ownerName).toBe('Kim Newname');
  });

  it('lists one setting’s targets, open ones first by due date, filtered by status and search', () => {
    const { core, a, b, shared } = world();
    const later = core.invoke('settingTargets.create', validSettingTarget(a.id, { title: 'Songs with pauses at tidy-up', dueDate: '2027-03-01' }));
    const sooner = core.invoke('settingTargets.create', validSettingTarget(a.id, { title: 'Élan with books', dueDate: '2026-12-01', strategyIds: [shared] }));
    const done = core.invoke(
      'settingTargets.create',
      validSettingTarget(a.id, { title: 'Choices at snack time', dueDate: '2026-11-30', status: 'in-progress' }),
    );
    core.invoke('settingTargets.review', review(done.id, 'achieved'));
    core.invoke('settingTargets.create', validSettingTarget(b.id));
    const titles = (q: Record<string, unknown>) => core.invoke('settingTargets.list', { settingId: a.id, ...q }).map((t) => t.title);
    expect(titles({})).toEqual([sooner.title, later.title, done.title]);
    expect(titles({ status: 'achieved' })).toEqual([done.title]);
    expect(titles({ status: 'stopped' })).toEqual([]);
    // Search folds accents and case, and looks in the owner and the linked strategies too.
    expect(titles({ search: 'elan' })).toEqual([sooner.title]);
    expect(titles({ search: 'VISUAL TIME' })).toEqual([sooner.title]);
    expect(titles({ search: 'sam champ' })).toHaveLength(3);
    expect(titles({ search: 'nothing like this' })).toEqual([]);
  });

  it('offers, through the library’s list, the shared strategies and the setting’s own, not retired ones nor another setting’s', () => {
    const { core, a, shared, own, othersOwn, retired } = world();
    // The form's choices are strategies.list for the setting (SettingTargetsPage).
    const offered = core.invoke('strategies.list', { settingId: a.id });
    expect(offered.map((s) => s.id)).toEqual(expect.arrayContaining([own, shared]));
    // The shipped library (migration 0012) is offered as well; only the setting's own belong to it.
    expect(offered.filter((s) => s.settingId !== null).map((s) => s.id)).toEqual([own]);
    expect(offered.map((s) => s.id)).not.toEqual(expect.arrayContaining([othersOwn]));
    expect(offered.map((s) => s.id)).not.toEqual(expect.arrayContaining([retired]));
  });

  it('starts a target planned or in progress, never achieved or stopped', () => {
    const { core, a } = world();
    expect(core.invoke('settingTargets.create', validSettingTarget(a.id, { status: 'in-progress' })).status).toBe('in-progress');
    for (const status of ['achieved', 'stopped']) {
      const error = failure(core, 'settingTargets.create', validSettingTarget(a.id, { status }), stored);
      expect(error.issues).toEqual([{ path: ['status'], message: 'Choose planned or in progress' }]);
    }
  });
});

describe('bad input is named and nothing is written', () => {
  it.each([
    ['no owner', { ownerName: '' }, [{ path: ['ownerName'], message: 'Choose who owns this target, or type their name' }]],
    ['a blank owner', { ownerName: '   ' }, [{ path: ['ownerName'], message: 'Choose who owns this target, or type their name' }]],
    ['no title', { title: ' ' }, [{ path: ['title'], message: 'Enter what the setting will do' }]],
    ['an unreal due date', { dueDate: '2026-02-30' }, [{ path: ['dueDate'], message: 'Enter a real date, for example 27/11/2026' }]],
    ['a due date in the past', { dueDate: '2026-11-26' }, [{ path: ['dueDate'], message: 'Due date must be today or later' }]],
    ['a due date years ahead', { dueDate: '2036-11-27' }, [{ path: ['dueDate'], message: 'Due date is more than 5 years ahead: check the year' }]],
  ])('refuses %s', (_label, extra, issues) => {
    const { core, a } = world();
    const error = failure(core, 'settingTargets.create', validSettingTarget(a.id, extra), stored);
    expect(error.code).toBe('VALIDATION');
    expect(error.issues).toEqual(issues);
  });

  it('refuses an owner given twice, or one from another setting, or one who has left', () => {
    const { core, a, b, champion } = world();
    const elsewhere = core.invoke('staff.create', { settingId: b.id, name: 'Lee', role: 'practitioner', qualificationLevel: 'level-3' });
    expect(failure(core, 'settingTargets.create', validSettingTarget(a.id, { ownerStaffId: champion.id }), stored).issues).toEqual([
      { path: ['ownerName'], message: 'Choose a member of staff or type a name, not both' },
    ]);
    expect(failure(core, 'settingTargets.create', validSettingTarget(a.id, { ownerName: '', ownerStaffId: elsewhere.id }), stored).issues).toEqual([
      { path: ['ownerStaffId'], message: 'Choose an owner who works in this setting' },
    ]);
    core.invoke('staff.archive', { id: champion.id, archived: true });
    expect(failure(core, 'settingTargets.create', validSettingTarget(a.id, { ownerName: '', ownerStaffId: champion.id }), stored).issues).toEqual([
      { path: ['ownerStaffId'], message: 'Kim Champion has left: choose another owner' },
    ]);
  });

  it('links only strategies that exist and are the setting’s own or the shared library’s, each once', () => {
    const { core, a, shared, othersOwn, retired } = world();
    const wrong = 'Choose a strategy from this setting’s own or the shared library';
    const refused = (strategyIds: string[]) => failure(core, 'settingTargets.create', validSettingTarget(a.id, { strategyIds }), stored);
    expect(refused([shared, othersOwn]).issues).toEqual([{ path: ['strategyIds', 1], message: wrong }]);
    expect(refused([randomUUID()]).issues).toEqual([{ path: ['strategyIds', 0], message: wrong }]);
    expect(refused([retired]).issues).toEqual([{ path: ['strategyIds', 0], message: '“Old idea” has been retired: choose another strategy' }]);
    expect(refused([shared, shared]).issues).toEqual([{ path: ['strategyIds'], message: 'Each strategy can be linked once' }]);
    expect(paths(refused(['not an id']))).toEqual(['strategyIds.0']);
    // The same checks on an update, naming the same fields.
    const target = core.invoke('settingTargets.create', validSettingTarget(a.id));
    const error = failure(
      core,
      'settingTargets.update',
      { id: target.id, ...validSettingTarget(a.id), settingId: undefined, strategyIds: [othersOwn] },
      stored,
    );
    expect(error.issues).toEqual([{ path: ['strategyIds', 0], message: wrong }]);
  });

  it('keeps what a target already has when editing it: a retired strategy stays linked, others can change', () => {
    const { core, a, shared, own } = world();
    const target = core.invoke('settingTargets.create', validSettingTarget(a.id, { strategyIds: [shared] }));
    core.context.db.prepare('UPDATE strategies SET archived_at = ? WHERE id = ?').run(testNow, shared);
    const edit = { id: target.id, title: 'Visual timetables in every room', ownerName: 'Sam Champion', dueDate: '2026-12-31' };
    const updated = core.invoke('settingTargets.update', { ...edit, strategyIds: [shared, own] });
    expect(updated.strategies.map((s) => s.id).sort()).toEqual([shared, own].sort());
    expect(updated.title).toBe('Visual timetables in every room');
    expect(core.invoke('settingTargets.update', { ...edit, strategyIds: [] }).strategies).toEqual([]);
  });

  it('returns NOT_FOUND for a target or setting that does not exist', () => {
    const { core } = world();
    expect(failure(core, 'settingTargets.get', { id: randomUUID() }, stored)).toEqual({ code: 'NOT_FOUND', message: 'The whole-setting target was not found' });
    expect(failure(core, 'settingTargets.review', review(randomUUID(), 'planned'), stored).code).toBe('NOT_FOUND');
    expect(failure(core, 'settingTargets.list', { settingId: randomUUID() }, stored).code).toBe('NOT_FOUND');
    expect(failure(core, 'settingTargets.create', validSettingTarget(randomUUID()), stored).code).toBe('NOT_FOUND');
  });
});

describe('status transitions and reviews', () => {
  it('moves through reviews, keeping each one with the status before and after, newest first', () => {
    const { core, a } = world();
    const target = core.invoke('settingTargets.create', validSettingTarget(a.id));
    expect(core.invoke('settingTargets.review', review(target.id, 'planned', { reviewDate: '2026-11-27', note: 'Not started' })).status).toBe('planned');
    expect(core.invoke('settingTargets.review', review(target.id, 'in-progress', { note: 'Started' })).status).toBe('in-progress');
    expect(core.invoke('settingTargets.review', review(target.id, 'achieved', { note: 'All rooms' })).status).toBe('achieved');
    // A later visit finds the practice has lapsed.
    const lapsed = core.invoke('settingTargets.review', review(target.id, 'in-progress', { note: 'Lapsed in Babies' }));
    expect(lapsed).toMatchObject({ status: 'in-progress', reviewCount: 4, lastReviewDate: testToday });
    const history = core.invoke('settingTargets.get', { id: target.id }).reviews;
    expect(history.map((r) => [r.note, r.statusBefore, r.statusAfter])).toEqual([
      ['Lapsed in Babies', 'achieved', 'in-progress'],
      ['All rooms', 'in-progress', 'achieved'],
      ['Started', 'planned', 'in-progress'],
      ['Not started', 'planned', 'planned'],
    ]);
    expect(history[0]).toMatchObject({ reviewer: 'Ash Assistant', evidence: 'Timetables up in two rooms', reviewDate: testToday });
  });

  it('refuses a move the rules do not allow, naming the status, and writes nothing', () => {
    const { core, a } = world();
    const target = core.invoke('settingTargets.create', validSettingTarget(a.id, { status: 'in-progress' }));
    const error = failure(core, 'settingTargets.review', review(target.id, 'planned'), stored);
    expect(error).toEqual({
      code: 'VALIDATION',
      message: 'A target that is in progress cannot become planned',
      issues: [{ path: ['status'], message: 'A target that is in progress cannot become planned' }],
    });
  });

  it('refuses a review dated in the future, or before the target was agreed, naming the date', () => {
    const { core, a } = world();
    const target = core.invoke('settingTargets.create', validSettingTarget(a.id));
    expect(failure(core, 'settingTargets.review', review(target.id, 'planned', { reviewDate: '2026-11-28' }), stored).issues).toEqual([
      { path: ['reviewDate'], message: 'Review date must be today or in the past' },
    ]);
    expect(failure(core, 'settingTargets.review', review(target.id, 'planned', { reviewDate: '2026-11-26' }), stored).issues).toEqual([
      { path: ['reviewDate'], message: 'Review date must be on or after the day the target was agreed' },
    ]);
    expect(paths(failure(core, 'settingTargets.review', { settingTargetId: target.id }, stored)).sort()).toEqual(['note', 'reviewDate', 'reviewer', 'status']);
  });

  it('stops a target with its reason as the last review; a stopped target is never reviewed, changed or stopped again', () => {
    const { core, a } = world();
    const target = core.invoke('settingTargets.create', validSettingTarget(a.id));
    const stopped = core.invoke('settingTargets.stop', { id: target.id, reason: 'Replaced by a new target' });
    expect(stopped).toMatchObject({ status: 'stopped', reviewCount: 1 });
    expect(core.invoke('settingTargets.get', { id: target.id }).reviews[0]).toMatchObject({
      note: 'Replaced by a new target',
      reviewer: 'Test Manager',
      statusBefore: 'planned',
      statusAfter: 'stopped',
      reviewDate: testToday,
    });
    expect(failure(core, 'settingTargets.review', review(target.id, 'stopped'), stored).issues).toEqual([
      { path: ['settingTargetId'], message: 'This target has been stopped, so it cannot be reviewed. Agree a new target instead.' },
    ]);
    expect(failure(core, 'settingTargets.stop', { id: target.id, reason: 'Again' }, stored).code).toBe('CONFLICT');
    const edit = { id: target.id, title: 'Changed', ownerName: 'Sam', dueDate: '2026-12-31' };
    expect(failure(core, 'settingTargets.update', edit, stored)).toEqual({
      code: 'CONFLICT',
      message: 'This target has been stopped, so it cannot be changed. Agree a new target instead.',
    });
    expect(paths(failure(core, 'settingTargets.stop', { id: target.id, reason: '' }, stored))).toEqual(['reason']);
  });

  it('removes a target added by mistake, but keeps a reviewed one (stop it instead)', () => {
    const { core, a, shared } = world();
    const mistake = core.invoke('settingTargets.create', validSettingTarget(a.id, { strategyIds: [shared] }));
    expect(core.invoke('settingTargets.remove', { id: mistake.id })).toEqual({ id: mistake.id });
    expect(core.invoke('settingTargets.list', { settingId: a.id })).toEqual([]);
    expect(core.context.db.prepare('SELECT count(*) AS n FROM setting_target_strategies').get()).toEqual({ n: 0 });
    const kept = core.invoke('settingTargets.create', validSettingTarget(a.id));
    core.invoke('settingTargets.review', review(kept.id, 'in-progress'));
    expect(failure(core, 'settingTargets.remove', { id: kept.id }, stored).code).toBe('CONFLICT');
  });

  it('records each change in the audit trail against the target and its setting', () => {
    const { core, a } = world();
    const target = core.invoke('settingTargets.create', validSettingTarget(a.id));
    core.invoke('settingTargets.review', review(target.id, 'in-progress'));
    const rows = core.invoke('audit.list', { settingId: a.id, recordId: target.id }).rows;
    expect(rows.map((r) => r.method)).toEqual(['settingTargets.review', 'settingTargets.create']);
    expect(rows[0]?.changes).toEqual(expect.arrayContaining([{ field: 'status', before: 'planned', after: 'in-progress' }]));
  });
});

describe('the rules, as the agenda and the forms use them', () => {
  it('allows exactly these moves, and none from stopped', () => {
    expect(Object.fromEntries(settingTargetStatuses.map((s) => [s, nextStatuses(s)]))).toEqual({
      planned: ['planned', 'in-progress', 'achieved', 'stopped'],
      'in-progress': ['in-progress', 'achieved', 'stopped'],
      achieved: ['achieved', 'in-progress', 'stopped'],
      stopped: [],
    });
    const agreed = { createdAt: testNow };
    expect(reviewIssues({ ...agreed, status: 'stopped' }, { reviewDate: testToday, status: 'stopped' }, testToday).map((i) => i.path)).toEqual([
      ['settingTargetId'],
    ]);
  });

  it('does not check an unchanged due date again, so an overdue target can still be edited', () => {
    expect(dueDateIssues('2026-10-01', testToday, '2026-10-01')).toEqual([]);
    expect(dueDateIssues('2026-10-02', testToday, '2026-10-01')).toEqual([{ path: ['dueDate'], message: 'Due date must be today or later' }]);
    expect(dueDateIssues(testToday, testToday)).toEqual([]);
  });
});

describe('who may see and change whole-setting targets', () => {
  it('lets an SLT assistant see and review only the settings they cover', () => {
    const { core, a, b } = world();
    const mine = core.invoke('settingTargets.create', validSettingTarget(a.id));
    const theirs = core.invoke('settingTargets.create', validSettingTarget(b.id));
    const assistant = sessionFor(core, 'slt-assistant', { settingIds: [a.id] });
    expect(core.invoke('settingTargets.list', { settingId: a.id }, assistant).map((t) => t.id)).toEqual([mine.id]);
    expect(core.invoke('settingTargets.review', review(mine.id, 'in-progress'), assistant).status).toBe('in-progress');
    const before = stored(core);
    for (const [method, input] of [
      ['settingTargets.list', { settingId: b.id }],
      ['settingTargets.get', { id: theirs.id }],
      ['settingTargets.create', validSettingTarget(b.id)],
      ['settingTargets.update', { id: theirs.id, title: 'Changed', ownerName: 'Sam', dueDate: '2026-12-31' }],
      ['settingTargets.review', review(theirs.id, 'in-progress')],
      ['settingTargets.stop', { id: theirs.id, reason: 'No' }],
      ['settingTargets.remove', { id: theirs.id }],
    ] as const) {
      expect(core.call(method, input, assistant), `${method}`).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(stored(core)).toBe(before);
  });

  it('lets a practitioner read the targets but not change them, and a panel member neither', () => {
    const { core, a, champion } = world();
    const target = core.invoke('settingTargets.create', validSettingTarget(a.id));
    // A practitioner works in the setting of their staff record.
    const practitioner = sessionFor(core, 'practitioner', { staffId: champion.id });
    const panel = sessionFor(core, 'panel-member');
    expect(core.invoke('settingTargets.get', { id: target.id }, practitioner).id).toBe(target.id);
    const before = stored(core);
    expect(core.call('settingTargets.review', review(target.id, 'in-progress'), practitioner)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(core.call('settingTargets.list', { settingId: a.id }, panel)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(stored(core)).toBe(before);
  });
});

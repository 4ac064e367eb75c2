import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isDueForReview, targetStatuses, allowedNextStatuses } from '../../shared/domain/targets.js';
import type { TargetReviewInput } from '../../shared/schemas/targets.js';
import { failure, paths } from '../support/api.js';
import { sessionFor } from '../support/accounts.js';
import { testNow } from '../support/core.js';
import { newTarget, targetTables, targetWorld } from '../support/targets.js';

const review = (targetId: string, extra: Partial<TargetReviewInput> = {}): TargetReviewInput => ({
  targetId,
  reviewDate: '2026-11-27',
  reviewer: 'Kim Testperson',
  progress: 'some',
  status: 'active',
  nextReviewDate: '2027-01-08',
  ...extra,
});

describe('targets.create, get and listForChild', () => {
  it('sets a target from a screening with strategies, and gets it back with no reviews', () => {
    const { core, child, screening, shared } = targetWorld();
    const [first, second] = shared;
    const t = core.invoke('targets.create', {
      childId: child.id,
      screeningId: screening.id,
      section: 7,
      aim: '  Asks for a snack using two words  ',
      activities: 'Choices at snack time',
      deliveredBy: 'Key person',
      howOften: 'Every day',
      place: 'Snack table',
      startDate: '2026-11-20',
      reviewDate: '2026-12-18',
      strategyIds: [first!.id, second!.id, first!.id],
    });
    expect(t).toMatchObject({
      childId: child.id,
      childName: 'Amara Applewhistle',
      screeningId: screening.id,
      section: 7,
      aim: 'Asks for a snack using two words',
      status: 'active',
      closedOn: null,
      reviewCount: 0,
      createdAt: testNow,
    });
    expect(t.strategies.map((s) => s.id).sort()).toEqual([first!.id, second!.id].sort());
    expect(core.invoke('targets.get', { id: t.id })).toEqual({ ...t, reviews: [] });
    expect(core.invoke('targets.listForChild', { childId: child.id })).toEqual([t]);
    expect(core.invoke('strategies.list', {}).find((s) => s.id === first!.id)?.targetCount).toBe(1);
  });

  it('refuses a review date before the start date, naming reviewDate, and writes nothing', () => {
    const { core, child } = targetWorld();
    const error = failure(
      core,
      'targets.create',
      { childId: child.id, aim: 'Waits for a turn', startDate: '2026-11-20', reviewDate: '2026-11-19' },
      targetTables,
    );
    expect(error.code).toBe('VALIDATION');
    expect(error.issues).toEqual([{ path: ['reviewDate'], message: 'The review date must be on or after the start date' }]);
  });

  it('refuses a target for a child who has left, naming childId', () => {
    const { core, other } = targetWorld();
    core.invoke('children.archive', { id: other.id, archived: true, leaveDate: '2026-11-01' });
    const error = failure(
      core,
      'targets.create',
      { childId: other.id, aim: 'Waits for a turn', startDate: '2026-11-20', reviewDate: '2026-12-18' },
      targetTables,
    );
    expect(error.issues).toEqual([{ path: ['childId'], message: 'Ben has left: targets are only set for children on roll' }]);
  });

  it('refuses another child’s screening, a strategy from another setting, an archived one and an unknown one', () => {
    const { core, other, screening, shared } = targetWorld();
    const elsewhere = core.invoke('settings.create', { name: 'Bramble', urn: 'EY222222', type: 'pre-school' });
    const theirs = core.invoke('strategies.create', { settingId: elsewhere.id, group: 'routines', title: 'Their song', description: 'Sung there.' });
    const retired = core.invoke('strategies.archive', { id: shared[0]!.id, archived: true });
    const error = failure(
      core,
      'targets.create',
      {
        childId: other.id,
        screeningId: screening.id,
        aim: 'Waits for a turn',
        startDate: '2026-11-20',
        reviewDate: '2026-12-18',
        strategyIds: [theirs.id, retired.id, randomUUID()],
      },
      targetTables,
    );
    expect(error.issues).toEqual([
      { path: ['strategyIds', 0], message: 'Choose a strategy from the library' },
      { path: ['strategyIds', 1], message: `${retired.title} is archived: choose another strategy` },
      { path: ['strategyIds', 2], message: 'Choose a strategy from the library' },
      { path: ['screeningId'], message: "Choose one of Ben's screenings" },
    ]);
  });

  it('names every bad field of a malformed target and writes nothing', () => {
    const { core, child } = targetWorld();
    const error = failure(
      core,
      'targets.create',
      { childId: child.id, aim: '  ', startDate: '2026-02-30', reviewDate: 'soon', section: 0, strategyIds: ['x'], howOften: 'x'.repeat(101) },
      targetTables,
    );
    expect(error.code).toBe('VALIDATION');
    expect(paths(error).sort()).toEqual(['aim', 'howOften', 'reviewDate', 'section', 'startDate', 'strategyIds.0']);
    expect(error.issues?.find((i) => i.path[0] === 'aim')?.message).toBe('Enter what the child will do');
    expect(failure(core, 'targets.create', { childId: randomUUID(), aim: 'x', startDate: '2026-11-20', reviewDate: '2026-12-18' }, targetTables).code).toBe(
      'NOT_FOUND',
    );
  });
});

describe('targets.review and status transitions', () => {
  it('a review that carries on moves the review date on and keeps the target active', () => {
    const { core, child } = targetWorld();
    const t = newTarget(core, child.id);
    const after = core.invoke('targets.review', review(t.id, { note: 'Used "more juice" twice' }));
    expect(after).toMatchObject({ status: 'active', reviewDate: '2027-01-08', closedOn: null, reviewCount: 1 });
    const got = core.invoke('targets.get', { id: t.id });
    expect(got.reviews).toEqual([
      {
        id: expect.any(String),
        targetId: t.id,
        reviewDate: '2026-11-27',
        reviewer: 'Kim Testperson',
        progress: 'some',
        note: 'Used "more juice" twice',
        status: 'active',
        nextReviewDate: '2027-01-08',
        createdAt: testNow,
        updatedAt: testNow,
      },
    ]);
  });

  it.each(['achieved', 'partly-achieved', 'not-achieved'] as const)('a review can close the target as %s, on the review date', (status) => {
    const { core, child } = targetWorld();
    const t = newTarget(core, child.id);
    const closed = core.invoke('targets.review', review(t.id, { status, progress: 'good', nextReviewDate: null }));
    expect(closed).toMatchObject({ status, closedOn: '2026-11-27', reviewDate: '2026-12-18' });
    // Closed is history: no more reviews, edits or stopping.
    for (const [method, input] of [
      ['targets.review', review(t.id)],
      ['targets.update', { id: t.id, aim: 'Changed', startDate: '2026-11-20', reviewDate: '2026-12-18' }],
      ['targets.stop', { id: t.id, stoppedOn: '2026-11-27', reason: 'Moved on' }],
    ] as const) {
      const error = failure(core, method, input, targetTables);
      expect(error.code, method).toBe('VALIDATION');
      expect(error.issues?.[0]?.message, method).toMatch(
        /^This target is closed \((achieved|partly achieved|not achieved)\): a closed target cannot be changed/,
      );
    }
  });

  it('stops an active target with a reason, and then refuses a review on it, naming targetId', () => {
    const { core, child } = targetWorld();
    const t = newTarget(core, child.id);
    const stopped = core.invoke('targets.stop', { id: t.id, stoppedOn: '2026-11-26', reason: 'Referred to the speech and language service' });
    expect(stopped).toMatchObject({ status: 'stopped', closedOn: '2026-11-26', stoppedReason: 'Referred to the speech and language service' });
    const error = failure(core, 'targets.review', review(t.id), targetTables);
    expect(error.issues).toEqual([{ path: ['targetId'], message: 'This target was stopped: a stopped target cannot be reviewed' }]);
    expect(failure(core, 'targets.stop', { id: t.id, stoppedOn: '2026-11-27', reason: 'Again' }, targetTables).issues?.[0]?.path).toEqual(['id']);
  });

  it('refuses review dates that break the rules, each naming its field', () => {
    const { core, child } = targetWorld();
    const t = newTarget(core, child.id);
    const cases: [Partial<TargetReviewInput>, string, string][] = [
      [{ reviewDate: '2026-11-19' }, 'reviewDate', "The review date must be on or after the target's start date, 20/11/2026"],
      [{ reviewDate: '2026-11-28', nextReviewDate: '2027-01-08' }, 'reviewDate', 'The review date must be today or earlier'],
      [{ nextReviewDate: '2026-11-27' }, 'nextReviewDate', 'The next review date must be after the review date'],
      [{ nextReviewDate: null }, 'nextReviewDate', 'Enter the next review date, as the target carries on'],
      [{ status: 'achieved' }, 'nextReviewDate', 'A target closed by this review has no next review date: leave it empty'],
    ];
    for (const [extra, field, message] of cases) {
      expect(failure(core, 'targets.review', review(t.id, extra), targetTables).issues, field).toEqual([{ path: [field], message }]);
    }
    const bad = failure(core, 'targets.review', { targetId: t.id, reviewDate: '27/11/2026', reviewer: ' ', progress: 'lots', status: 'done' }, targetTables);
    expect(paths(bad).sort()).toEqual(['progress', 'reviewDate', 'reviewer', 'status']);
  });

  it('refuses a stop date before the start or in the future, and a stop without a reason', () => {
    const { core, child } = targetWorld();
    const t = newTarget(core, child.id);
    expect(failure(core, 'targets.stop', { id: t.id, stoppedOn: '2026-11-19', reason: 'x' }, targetTables).issues).toEqual([
      { path: ['stoppedOn'], message: 'The stop date must be on or after the start date' },
    ]);
    expect(failure(core, 'targets.stop', { id: t.id, stoppedOn: '2026-11-28', reason: 'x' }, targetTables).issues?.[0]?.path).toEqual(['stoppedOn']);
    expect(paths(failure(core, 'targets.stop', { id: t.id, stoppedOn: '2026-11-27', reason: '' }, targetTables))).toEqual(['reason']);
  });

  it('allows moves only from active, in the shared rules the agenda reuses', () => {
    expect(allowedNextStatuses('active')).toEqual(targetStatuses);
    for (const s of targetStatuses.filter((x) => x !== 'active')) expect(allowedNextStatuses(s), s).toEqual([]);
  });

  it('updates an active target, keeping a strategy archived after it was chosen', () => {
    const { core, child, shared } = targetWorld();
    const t = newTarget(core, child.id, { strategyIds: [shared[0]!.id] });
    core.invoke('strategies.archive', { id: shared[0]!.id, archived: true });
    const updated = core.invoke('targets.update', {
      id: t.id,
      aim: 'Asks for help',
      startDate: '2026-11-20',
      reviewDate: '2027-01-15',
      strategyIds: [shared[0]!.id],
    });
    expect(updated).toMatchObject({ aim: 'Asks for help', reviewDate: '2027-01-15', strategies: [{ id: shared[0]!.id }] });
    expect(failure(core, 'targets.update', { id: t.id, aim: 'x', startDate: '2026-11-20', reviewDate: '2026-11-01' }, targetTables).issues?.[0]?.path).toEqual([
      'reviewDate',
    ]);
  });
});

describe('due for review', () => {
  it('lists active targets of children on roll due on or before a date, most overdue first', () => {
    const { core, setting, child, other } = targetWorld();
    const soon = newTarget(core, child.id, { reviewDate: '2026-12-01' });
    const today = newTarget(core, other.id, { reviewDate: '2026-11-27' });
    const later = newTarget(core, child.id, { reviewDate: '2027-02-01' });
    const stopped = newTarget(core, child.id, { reviewDate: '2026-11-21' });
    core.invoke('targets.stop', { id: stopped.id, stoppedOn: '2026-11-27', reason: 'Moved room' });
    const due = (by: string) => core.invoke('targets.list', { settingId: setting.id, reviewDueBy: by }).map((t) => t.id);
    expect(due('2026-11-26')).toEqual([]);
    expect(due('2026-11-27')).toEqual([today.id]);
    expect(due('2026-12-01')).toEqual([today.id, soon.id]);
    // A leaver's targets are no longer due.
    core.invoke('children.archive', { id: other.id, archived: true, leaveDate: '2026-11-27' });
    expect(due('2027-03-01')).toEqual([soon.id, later.id]);
    expect(core.invoke('targets.list', { settingId: setting.id, status: 'stopped' }).map((t) => t.id)).toEqual([stopped.id]);
    // The same rule in shared code, for the agenda and the renderer.
    expect(isDueForReview({ status: 'active', reviewDate: '2026-11-27' }, '2026-11-27')).toBe(true);
    expect(isDueForReview({ status: 'active', reviewDate: '2026-11-28' }, '2026-11-27')).toBe(false);
    expect(isDueForReview({ status: 'stopped', reviewDate: '2026-11-01' }, '2026-11-27')).toBe(false);
    expect(isDueForReview({ status: 'achieved', reviewDate: '2026-11-01' }, '2026-11-27')).toBe(false);
  });
});

describe('targets.suggest', () => {
  it('offers the items not passed and the section above the working-at level', () => {
    const { core, screening } = targetWorld();
    expect(core.invoke('targets.suggest', { screeningId: screening.id })).toEqual({
      screeningId: screening.id,
      screeningDate: '2026-11-20',
      workingAtSection: 6,
      activitySection: 7,
      itemsNotPassed: [
        { section: 7, item: 2 },
        { section: 7, item: 5 },
        { section: 6, item: 4 },
      ],
    });
  });
});

describe('scope, purge and subject access', () => {
  it('lets a practitioner reach only their key children’s targets', () => {
    const { core, setting, person, child, other } = targetWorld();
    const mine = newTarget(core, child.id);
    const theirs = newTarget(core, other.id);
    const practitioner = sessionFor(core, 'practitioner', { staffId: person.id });
    expect(core.invoke('targets.list', { settingId: setting.id }, practitioner).map((t) => t.id)).toEqual([mine.id]);
    expect(core.invoke('targets.get', { id: mine.id }, practitioner).id).toBe(mine.id);
    const before = targetTables(core);
    for (const [method, input] of [
      ['targets.get', { id: theirs.id }],
      ['targets.listForChild', { childId: other.id }],
      ['targets.review', review(theirs.id)],
      ['targets.stop', { id: theirs.id, stoppedOn: '2026-11-27', reason: 'x' }],
      ['targets.create', { childId: other.id, aim: 'x', startDate: '2026-11-20', reviewDate: '2026-12-18' }],
    ] as const) {
      const result = core.call(method, input, practitioner);
      expect(result.ok ? null : result.error.code, method).toBe('FORBIDDEN');
    }
    expect(targetTables(core)).toBe(before);
    // A panel member reads targets but may not change them.
    const panel = sessionFor(core, 'panel-member');
    expect(core.invoke('targets.get', { id: theirs.id }, panel).id).toBe(theirs.id);
    const refused = core.call('targets.review', review(theirs.id), panel);
    expect(refused.ok ? null : refused.error.code).toBe('FORBIDDEN');
  });

  it('purging a child removes their targets, reviews and strategy links, and redacts their audit rows', () => {
    const { core, setting, other, shared } = targetWorld();
    const t = newTarget(core, other.id, { strategyIds: [shared[0]!.id] });
    core.invoke('targets.review', review(t.id));
    // Left long enough ago to be due under a one-year policy.
    core.invoke('children.archive', { id: other.id, archived: true, leaveDate: '2025-06-01' });
    core.invoke('retention.updatePolicy', { recordType: 'screening', years: 1 });
    const result = core.invoke('retention.purge', { childIds: [other.id], confirm: true });
    expect(result.purged[0]).toMatchObject({ childId: other.id, targets: 1 });
    const db = core.context.db;
    for (const table of ['child_targets', 'target_reviews', 'child_target_strategies']) {
      expect(db.prepare(`SELECT count(*) FROM ${table}`).pluck().get(), table).toBe(0);
    }
    const auditAboutTarget = db.prepare('SELECT summary FROM audit_log WHERE record_id = ?').pluck().all(t.id) as string[];
    expect(auditAboutTarget.length).toBeGreaterThan(0);
    for (const summary of auditAboutTarget) expect(summary).not.toContain('Puts two words together');
    expect(core.invoke('strategies.list', { settingId: setting.id }).length).toBe(shared.length);
  });

  it('includes a child’s targets and their reviews in the subject access export', () => {
    const { core, child } = targetWorld();
    const t = newTarget(core, child.id);
    core.invoke('targets.review', review(t.id, { note: 'Copes well with waiting' }));
    const file = core.invoke('export.child', { childId: child.id });
    const records = JSON.parse(Buffer.from(file.base64, 'base64').toString('utf8')) as { targets: { id: string; reviews: { note: string }[] }[] };
    expect(records.targets.map((x) => x.id)).toEqual([t.id]);
    expect(records.targets[0]?.reviews.map((r) => r.note)).toEqual(['Copes well with waiting']);
  });
});

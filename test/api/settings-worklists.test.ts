import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core.js';
import type { Session } from '../../electron/core/context.js';
import { addDays, daysBetween } from '../../shared/domain/dates.js';
import { endOfWeek } from '../../shared/domain/targets.js';
import { failure } from '../support/api.js';
import { sessionFor } from '../support/accounts.js';
import { testToday } from '../support/core.js';
import { settingWithStaff } from '../support/fixtures.js';
import { newTarget, targetTables, targetWorld } from '../support/targets.js';

// The champion's work lists (settings.workLists): each number on the overview is the length of a
// list in the same answer, and each list is checked here against the query it must share
// (targets.list's "due by", the children list's re-screen filters) and against a plain model.

const sections = {
  red: [
    { section: 7, colour: 'red' as const },
    { section: 6, colour: 'green' as const },
  ],
  amber: [
    { section: 7, colour: 'amber' as const },
    { section: 6, colour: 'green' as const },
  ],
  green: [{ section: 7, colour: 'green' as const }],
};
type Colour = keyof typeof sections;

function screen(core: Core, childId: string, screeningDate: string, colour: Colour) {
  const instrument = core.invoke('instruments.list', {})[0]!;
  return core.invoke('screenings.create', { childId, instrumentId: instrument.id, screeningDate, sections: sections[colour] });
}

describe('endOfWeek', () => {
  it('is the Sunday of the Monday-to-Sunday week, today itself on a Sunday', () => {
    expect(endOfWeek('2026-11-27')).toBe('2026-11-29'); // a Friday
    expect(endOfWeek('2026-11-29')).toBe('2026-11-29'); // a Sunday
    expect(endOfWeek('2026-11-30')).toBe('2026-12-06'); // a Monday
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20000 }), (n) => {
        const day = addDays('2000-01-01', n);
        const end = endOfWeek(day);
        expect(new Date(`${end}T00:00:00Z`).getUTCDay()).toBe(0);
        expect(daysBetween(day, end)).toBeGreaterThanOrEqual(0);
        expect(daysBetween(day, end)).toBeLessThanOrEqual(6);
      }),
    );
  });
});

describe('settings.workLists', () => {
  it('lists Red and Amber children with no active target, Red first, leaving out the Green, the leavers and those on a target', () => {
    const { core, setting, child, other } = targetWorld(); // child: Amber on 2026-11-20
    screen(core, other.id, '2026-11-21', 'red');
    const lists = core.invoke('settings.workLists', { settingId: setting.id });
    expect(lists.redAmberWithoutTarget.map((r) => [r.firstName, r.colour, r.screeningDate])).toEqual([
      ['Ben', 'red', '2026-11-21'],
      ['Amara', 'amber', '2026-11-20'],
    ]);
    // A target takes Amara off; a later Green screening takes Ben off.
    newTarget(core, child.id);
    screen(core, other.id, '2026-11-25', 'green');
    expect(core.invoke('settings.workLists', { settingId: setting.id }).redAmberWithoutTarget).toEqual([]);
  });

  it('counts target reviews due by Sunday, overdue ones included, as targets.list does', () => {
    const { core, setting, child, other } = targetWorld();
    const due = newTarget(core, child.id, { reviewDate: '2026-11-29' });
    const overdue = newTarget(core, other.id, { reviewDate: '2026-11-24' });
    newTarget(core, other.id, { reviewDate: '2026-11-30' }); // next week
    const lists = core.invoke('settings.workLists', { settingId: setting.id });
    expect(lists.reviewsDueBy).toBe('2026-11-29');
    expect(lists.targetReviewsDue.map((t) => t.id)).toEqual([overdue.id, due.id]);
    expect(lists.targetReviewsDue).toEqual(core.invoke('targets.list', { settingId: setting.id, reviewDueBy: lists.reviewsDueBy }));
  });

  it("lists the setting's open visit actions, and none for someone who may not see visits", () => {
    const { core, setting, person } = settingWithStaff();
    const visit = core.invoke('visits.schedule', { settingId: setting.id, plannedDate: '2026-11-27', visitorName: 'Sam Visitor' });
    const action = core.invoke('visits.addAction', {
      visitId: visit.id,
      description: 'Put up the Chatterbox poster',
      ownerStaffId: person.id,
      dueDate: '2026-12-10',
    });
    const done = core.invoke('visits.addAction', { visitId: visit.id, description: 'Share the strategies', ownerStaffId: person.id, dueDate: '2026-12-10' });
    core.invoke('visits.setActionDone', { id: done.id, done: true });
    expect(core.invoke('settings.workLists', { settingId: setting.id }).openVisitActions?.map((a) => a.id)).toEqual([action.id]);
    expect(core.invoke('settings.workLists', { settingId: setting.id }, sessionFor(core, 'panel-member')).openVisitActions).toBeNull();
  });

  it('refuses a setting that does not exist with a clear message, and writes nothing', () => {
    const { core } = targetWorld();
    const before = targetTables(core);
    const error = failure(core, 'settings.workLists', { settingId: '00000000-0000-4000-8000-000000000000' });
    expect(error.message).toMatch(/setting/i);
    expect(targetTables(core)).toBe(before);
    expect(failure(core, 'settings.workLists', { settingId: 'not an id' }).code).toBe('VALIDATION');
  });

  it("refuses a champion another setting's work lists", () => {
    const { core, person } = settingWithStaff();
    const other = core.invoke('settings.create', { name: 'Bramble', urn: 'EY654321', type: 'pre-school' });
    const champion = sessionFor(core, 'champion', { staffId: person.id });
    const result = core.call('settings.workLists', { settingId: other.id }, champion);
    expect(result.ok ? null : result.error.code).toBe('FORBIDDEN');
  });
});

// ----- Property: every number is its list, and every list is the model ------------------------

const childPlan = fc.record({
  keyChild: fc.boolean(),
  // Days into 2026-11-02..2026-11-27, distinct, so which screening is latest is never a tie.
  screenings: fc.uniqueArray(fc.record({ day: fc.integer({ min: 0, max: 25 }), colour: fc.constantFrom<Colour>('red', 'amber', 'green') }), {
    selector: (s) => s.day,
    maxLength: 2,
  }),
  targets: fc.array(
    fc.record({ reviewIn: fc.integer({ min: 1, max: 30 }), end: fc.constantFrom('active' as const, 'achieved' as const, 'stopped' as const) }),
    {
      maxLength: 2,
    },
  ),
  leaves: fc.boolean(),
});

describe('settings.workLists against the model', () => {
  it('gives for everyone, and for a practitioner their key children only, the lists the model and the shared queries give', () => {
    fc.assert(
      fc.property(fc.array(childPlan, { minLength: 1, maxLength: 6 }), (plans) => {
        const { core, setting, person } = settingWithStaff();
        const model: { id: string; keyChild: boolean; latest: Colour | null; left: boolean; active: { id: string; reviewDate: string }[] }[] = [];
        plans.forEach((p, i) => {
          const child = core.invoke('children.create', {
            settingId: setting.id,
            firstName: `Child${i}`,
            lastName: 'Testperson',
            dateOfBirth: '2023-03-01',
            sex: 'female',
            ...(p.keyChild ? { keyPersonId: person.id } : {}),
          });
          for (const s of p.screenings) screen(core, child.id, addDays('2026-11-02', s.day), s.colour);
          const latest = [...p.screenings].sort((a, b) => b.day - a.day)[0]?.colour ?? null;
          const active: { id: string; reviewDate: string }[] = [];
          for (const t of p.targets) {
            const target = newTarget(core, child.id, { reviewDate: addDays('2026-11-20', t.reviewIn) });
            if (t.end === 'achieved') {
              core.invoke('targets.review', {
                targetId: target.id,
                reviewDate: testToday,
                reviewer: 'Kim',
                progress: 'met',
                status: 'achieved',
                nextReviewDate: null,
              });
            } else if (t.end === 'stopped') {
              core.invoke('targets.stop', { id: target.id, stoppedOn: testToday, reason: 'Referred on' });
            } else active.push({ id: target.id, reviewDate: target.reviewDate });
          }
          if (p.leaves) core.invoke('children.archive', { id: child.id, archived: true, leaveDate: testToday });
          model.push({ id: child.id, keyChild: p.keyChild, latest, left: p.leaves, active });
        });
        const check = (session: Session | undefined, only: (m: (typeof model)[number]) => boolean) => {
          const lists = core.invoke('settings.workLists', { settingId: setting.id }, session);
          const seen = model.filter(only).filter((m) => !m.left);
          // Red or Amber with no active target: the model.
          const expected = seen.filter((m) => (m.latest === 'red' || m.latest === 'amber') && m.active.length === 0).map((m) => m.id);
          expect(lists.redAmberWithoutTarget.map((r) => r.childId).sort()).toEqual(expected.sort());
          // Reviews due: the model, and targets.list's own answer.
          const dueBy = endOfWeek(testToday);
          const due = seen.flatMap((m) => m.active.filter((t) => t.reviewDate <= dueBy).map((t) => t.id));
          expect(lists.targetReviewsDue.map((t) => t.id).sort()).toEqual(due.sort());
          expect(lists.targetReviewsDue).toEqual(core.invoke('targets.list', { settingId: setting.id, reviewDueBy: dueBy, limit: 1000 }, session));
          // Re-screens: the counts of the children list the numbers open.
          expect(lists.rescreensOverdue).toBe(core.invoke('children.list', { settingId: setting.id, reviewOverdue: true }, session).total);
          expect(lists.rescreensDueSoon).toBe(core.invoke('children.list', { settingId: setting.id, reviewDueSoon: true }, session).total);
        };
        check(undefined, () => true);
        check(sessionFor(core, 'practitioner', { staffId: person.id }), (m) => m.keyChild);
        check(sessionFor(core, 'champion', { staffId: person.id }), () => true);
      }),
      { numRuns: 12 },
    );
  });
});
